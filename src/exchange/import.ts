// Importing exchange files: format detected from content (STIX bundle, MISP event / search response / feed
// manifest, VERIS incident or VCDB array), streamed, with one problem per bad object naming file and JSON path.
// A session spans many files so duplicate ids across a feed directory or VCDB tree are caught.
import { detach, isObject, str } from './common.js';
import { MispEventBuilder, importMispEvent, manifestUuids } from './misp/import.js';
import type { ImportProblem, ImportSink, ImportedRecord } from './problems.js';
import { StixCollector } from './stix/import.js';
import { splitJson } from './stream.js';
import { importVerisIncident, looksLikeVeris } from './veris/import.js';

export type ImportEvent = ({ kind: 'record' } & ImportedRecord & { file: string }) | ({ kind: 'problem' } & ImportProblem);

const STIX_ID = /^[a-z][a-z0-9-]+--[0-9a-f-]{36}$/;

function looksLikeStixObject(v: unknown): boolean {
  return isObject(v) && typeof v.type === 'string' && typeof v.id === 'string' && STIX_ID.test(v.id);
}

/** An event without the `{"Event": …}` wrapper, as some tools write them. */
function looksLikeBareMispEvent(v: Record<string, unknown>): boolean {
  return typeof v.info === 'string' && typeof v.uuid === 'string' && ('Attribute' in v || 'date' in v || 'threat_level_id' in v);
}

export class ImportSession {
  private readonly seen = new Map<string, string>();

  /** Import one JSON document given as a stream of chunks. */
  async *importStream(file: string, chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): AsyncGenerator<ImportEvent> {
    const queue: ImportEvent[] = [];
    const sink: ImportSink = {
      record: (r) => {
        const key = `${r.format}:${r.originId}`;
        const first = this.seen.get(key);
        if (first) queue.push({ kind: 'problem', file, path: r.path, message: `duplicate id ${r.originId} (first in ${first})` });
        else {
          this.seen.set(detach(key), detach(`${file} ${r.path}`));
          queue.push({ kind: 'record', file, ...r });
        }
      },
      problem: (path, message) => queue.push({ kind: 'problem', file, path, message }),
    };
    let stix: StixCollector | null = null;
    const stixCollector = () => (stix ??= new StixCollector(sink, file));
    let misp: MispEventBuilder | null = null;
    let items = 0;
    try {
      for await (const it of splitJson(chunks)) {
        if (!it.root) {
          items++;
          const v = it.value;
          if (it.path.startsWith('$.objects[')) stixCollector().add(v, it.path);
          else if (it.path.startsWith('$.Event.Attribute[')) (misp ??= new MispEventBuilder(file, sink)).attribute(v, it.path);
          else if (it.path.startsWith('$.response[')) importMispEvent(v, file, it.path, sink);
          else if (isObject(v) && (isObject(v.Event) || looksLikeBareMispEvent(v))) importMispEvent(v, file, it.path, sink);
          else if (looksLikeVeris(v)) importVerisIncident(v, file, it.path, sink);
          else if (looksLikeStixObject(v)) stixCollector().add(v, it.path);
          else sink.problem(it.path, 'not a STIX object, MISP event or VERIS incident');
        } else {
          const v = it.value;
          if (isObject(v) && v.type === 'bundle') {
            if (typeof v.id !== 'string' || !/^bundle--/.test(v.id)) sink.problem('$.id', 'bundle without a valid id');
            stixCollector();
          } else if (isObject(v) && isObject(v.Event) && misp) (misp as MispEventBuilder).finish(v.Event, '$.Event');
          else if (isObject(v) && (isObject(v.Event) || looksLikeBareMispEvent(v))) importMispEvent(v, file, '$', sink);
          else if (looksLikeVeris(v)) importVerisIncident(v, file, '$', sink);
          else if (isObject(v) && manifestUuids(v)) {
            // a feed manifest lists the events; they are imported from their own files
          } else if (isObject(v) && Array.isArray(v.response)) {
            // MISP search result; elements were streamed above
          } else if (Array.isArray(v) && items) {
            // root array; elements were streamed above
          } else sink.problem('$', `unrecognized content${isObject(v) && str(v.type) ? ` (type "${str(v.type)}")` : ''}: expected a STIX bundle, MISP event or feed, or VERIS incident`);
        }
        yield* queue.splice(0);
      }
      (stix as StixCollector | null)?.finish();
    } catch (e) {
      const msg = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').slice(0, 200);
      // read errors (ENOENT, EACCES, EISDIR …) carry an errno code; everything else is the parser's
      sink.problem('$', typeof (e as { code?: unknown }).code === 'string' ? `cannot read: ${msg}` : `malformed JSON: ${msg}`);
      // objects already read are still imported
      (stix as StixCollector | null)?.finish();
    }
    yield* queue.splice(0);
  }
}
