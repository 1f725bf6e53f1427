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

export function normalize(original: string, options: NormalizeOptions = {}): NormalizedText {
  const n = original.length;
  // Output is rarely longer than the input; grow when it is.
  let start = new Uint32Array(n + 16);
  let end = new Uint32Array(n + 16);
  const parts: string[] = [];
  let out = 0;
  let asciiRun = -1;

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
  const flushAscii = (upTo: number) => {
    if (asciiRun < 0) return;
    parts.push(original.slice(asciiRun, upTo));
    asciiRun = -1;
  };

  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    // Fast path: printable ASCII and LF map to themselves.
    if (c < 0x80 && c !== 0x0d) {
      if (asciiRun < 0) asciiRun = i;
      ensure(1);
      start[out] = i;
      end[out] = i + 1;
      out++;
      i++;
      continue;
    }
    flushAscii(i);
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
  flushAscii(n);
  return { original, text: parts.join(''), start: start.subarray(0, out), end: end.subarray(0, out) };
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
