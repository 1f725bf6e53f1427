// NFKC normalization that remembers where every output character came from, so that spans found in the
// normalized text can be reported as offsets into the original (what the user sees and the UI highlights).

export interface NormalizeOptions {
  /** drop zero-width characters (ZWSP, ZWNJ, ZWJ, WORD JOINER, BOM) — used by the IoC engine */
  removeZeroWidth?: boolean;
}

export interface NormalizedText {
  /** the original text */
  original: string;
  /** the NFKC text, CRLF/CR folded to LF */
  text: string;
  /** start[i]: offset in `original` of the chunk that produced normalized char i */
  start: Uint32Array;
  /** end[i]: end offset in `original` of the chunk that produced normalized char i */
  end: Uint32Array;
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

// A chunk is one code point plus the combining marks that follow it (NFKC may compose them).
function isCombining(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    cp === 0x3099 ||
    cp === 0x309a ||
    cp === 0xff9e ||
    cp === 0xff9f ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f)
  );
}

const cache = new Map<string, string>();
function nfkc(chunk: string): string {
  let out = cache.get(chunk);
  if (out === undefined) {
    out = chunk.normalize('NFKC');
    if (cache.size < 65536) cache.set(chunk, out);
  }
  return out;
}

// Per BMP code unit: 0 not yet known, 1 NFKC leaves it unchanged on its own, 2 it may change. Most of a
// Japanese notice is kana and kanji that NFKC keeps, so those take the same copy-through path as ASCII.
const IDENTITY = new Uint8Array(0x10000);
function isIdentity(c: number): boolean {
  let k = IDENTITY[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    const plain = (c < 0xd800 || c > 0xdfff) && !isCombining(c) && !ZERO_WIDTH.has(c);
    k = plain && ch.normalize('NFKC') === ch ? 1 : 2;
    IDENTITY[c] = k;
  }
  return k === 1;
}

export function normalize(original: string, options: NormalizeOptions = {}): NormalizedText {
  const n = original.length;
  // Output is rarely longer than the input; grow when it is.
  let start = new Uint32Array(n + 16);
  let end = new Uint32Array(n + 16);
  const parts: string[] = [];
  let out = 0;
  let run = -1; // start of a stretch copied through unchanged

  const ensure = (extra: number) => {
    if (out + extra <= start.length) return;
    const size = Math.max(start.length * 2, out + extra + 16);
    const s = new Uint32Array(size);
    s.set(start);
    start = s;
    const e = new Uint32Array(size);
    e.set(end);
    end = e;
  };
  const flushRun = (upTo: number) => {
    if (run < 0) return;
    parts.push(original.slice(run, upTo));
    run = -1;
  };

  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    // Fast path: ASCII (but CR) and NFKC-stable characters not followed by a combining mark map to themselves.
    // (e + U+0301 composes to é, so a following mark sends even ASCII down the per-chunk path)
    if (((c < 0x80 && c !== 0x0d) || (c >= 0x80 && isIdentity(c))) && !(i + 1 < n && followsCombining(original.charCodeAt(i + 1)))) {
      if (run < 0) run = i;
      ensure(1);
      start[out] = i;
      end[out] = i + 1;
      out++;
      i++;
      continue;
    }
    flushRun(i);
    if (c === 0x0d) {
      const len = original.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      ensure(1);
      parts.push('\n');
      start[out] = i;
      end[out] = i + len;
      out++;
      i += len;
      continue;
    }
    const cp = original.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    while (j < n) {
      const next = original.codePointAt(j)!;
      if (!isCombining(next)) break;
      j += next > 0xffff ? 2 : 1;
    }
    if (options.removeZeroWidth && ZERO_WIDTH.has(cp) && j === i + 1) {
      i = j;
      continue;
    }
    const normalized = nfkc(original.slice(i, j));
    ensure(normalized.length);
    for (let k = 0; k < normalized.length; k++) {
      start[out] = i;
      end[out] = j;
      out++;
    }
    parts.push(normalized);
    i = j;
  }
  flushRun(n);
  return { original, text: parts.join(''), start: start.subarray(0, out), end: end.subarray(0, out) };
}

/** Could this code unit be a combining mark (isCombining covers only BMP ranges)? */
function followsCombining(c: number): boolean {
  return c >= 0x0300 && isCombining(c);
}

/** Map a half-open span of the normalized text back to the original text. */
export function toOriginalSpan(nt: NormalizedText, s: number, e: number): { start: number; end: number } {
  const len = nt.text.length;
  if (len === 0) return { start: 0, end: 0 };
  const a = Math.min(Math.max(s, 0), len);
  const b = Math.min(Math.max(e, a), len);
  if (a === len) return { start: nt.original.length, end: nt.original.length };
  if (b === a) return { start: nt.start[a], end: nt.start[a] };
  return { start: nt.start[a], end: nt.end[b - 1] };
}
