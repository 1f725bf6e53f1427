// Streaming JSON splitter: yields the elements of big arrays (a root array, a STIX bundle's `objects`, a MISP
// search `response`, a single MISP event's `Event.Attribute`) one at a time, then the rest of the root with those arrays left empty. Memory stays
// bounded by the largest single element, so 1 GB exports import without loading the whole file.
import { Readable } from 'node:stream';
import Parser from 'stream-json/Parser.js';
import Assembler from 'stream-json/Assembler.js';

export interface JsonItem {
  /** JSON path of the value, e.g. `$.objects[3]`; `$` for the root remainder */
  path: string;
  value: unknown;
  /** true for the root remainder, which comes last */
  root: boolean;
}

/** Keys under the root object whose array elements are streamed one by one. */
const SPLIT_KEYS = new Set(['objects', 'response']);

interface Token {
  name: string;
  value?: string;
}
type Frame = { kind: 'obj'; key: string | null } | { kind: 'arr'; index: number };

/** Deeper nesting than any exchange format needs; deeper input is hostile (recursive consumers would overflow). */
export const MAX_DEPTH = 256;

const STARTS = new Set(['startObject', 'startArray']);
const ENDS = new Set(['endObject', 'endArray']);
const SCALARS = new Set(['stringValue', 'numberValue', 'nullValue', 'trueValue', 'falseValue']);

export async function* splitJson(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): AsyncGenerator<JsonItem> {
  const parser = new Parser({ packValues: true, streamValues: false });
  const input = Readable.from(source as AsyncIterable<Uint8Array | string>);
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);

  const frames: Frame[] = [];
  const root = new Assembler();
  let item: { asm: Assembler; depth: number; path: string } | null = null;

  const splitPath = (): string | null => {
    if (frames.length === 1 && frames[0].kind === 'arr') return `$[${frames[0].index}]`;
    if (frames.length === 2 && frames[0].kind === 'obj' && frames[0].key !== null && SPLIT_KEYS.has(frames[0].key) && frames[1].kind === 'arr')
      return `$.${frames[0].key}[${frames[1].index}]`;
    if (frames.length === 3 && frames[0].kind === 'obj' && frames[0].key === 'Event' && frames[1].kind === 'obj' && frames[1].key === 'Attribute' && frames[2].kind === 'arr')
      return `$.Event.Attribute[${frames[2].index}]`;
    return null;
  };
  const valueDone = () => {
    const top = frames[frames.length - 1];
    if (top?.kind === 'arr') top.index++;
  };

  for await (const t of parser as AsyncIterable<Token>) {
    if (item) {
      item.asm.consume(t);
      if (STARTS.has(t.name) && ++item.depth + frames.length > MAX_DEPTH) throw new Error(`nesting deeper than ${MAX_DEPTH} levels`);
      if (ENDS.has(t.name)) item.depth--;
      if (item.depth === 0) {
        yield { path: item.path, value: item.asm.current as unknown, root: false };
        item = null;
        valueDone();
      }
      continue;
    }
    const starts = STARTS.has(t.name) || SCALARS.has(t.name);
    const path = starts ? splitPath() : null;
    if (path) {
      const asm = new Assembler();
      asm.consume(t);
      if (STARTS.has(t.name)) item = { asm, depth: 1, path };
      else {
        yield { path, value: asm.current as unknown, root: false };
        valueDone();
      }
      continue;
    }
    root.consume(t);
    if (STARTS.has(t.name) && frames.length >= MAX_DEPTH) throw new Error(`nesting deeper than ${MAX_DEPTH} levels`);
    if (t.name === 'startObject') frames.push({ kind: 'obj', key: null });
    else if (t.name === 'startArray') frames.push({ kind: 'arr', index: 0 });
    else if (t.name === 'keyValue') {
      const top = frames[frames.length - 1];
      if (top?.kind === 'obj') top.key = t.value ?? null;
    } else if (ENDS.has(t.name)) {
      frames.pop();
      valueDone();
    } else if (SCALARS.has(t.name)) valueDone();
  }
  yield { path: '$', value: root.current as unknown, root: true };
}
