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

// Per BMP code unit: 0 not yet known, 1 NFKC leaves it unchanged on its own, 2 it may change, 3 a combining
// mark. Most of a Japanese notice is kana and kanji that NFKC keeps, so those take the same copy-through
// path as ASCII. One table lookup per code unit tells both what a character is and whether it joins the
// one before it.
const STABLE = 1;
const CHANGES = 2;
const COMBINING = 3;
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) CLASS[c] = c === 0x0d ? CHANGES : STABLE;
function classOf(c: number): number {
  const k = CLASS[c] as number;
  return k !== 0 ? k : learnClass(c);
}
function learnClass(c: number): number {
  const ch = String.fromCharCode(c);
  let k: number;
  if (isCombining(c)) k = COMBINING;
  else k = (c < 0xd800 || c > 0xdfff) && !ZERO_WIDTH.has(c) && ch.normalize('NFKC') === ch ? STABLE : CHANGES;
  CLASS[c] = k;
  return k;
}

/** The output being built: normalized pieces and, per output character, the chunk of the original it came from. */
interface Builder {
  parts: string[];
  start: Uint32Array;
  end: Uint32Array;
  out: number;
}

function reserve(b: Builder, extra: number): void {
  if (b.out + extra <= b.start.length) return;
  const size = Math.max(b.start.length * 2, b.out + extra + 16);
  const s = new Uint32Array(size);
  s.set(b.start);
  b.start = s;
  const e = new Uint32Array(size);
  e.set(b.end);
  b.end = e;
}

export function normalize(original: string, options: NormalizeOptions = {}): NormalizedText {
  const n = original.length;
  const removeZeroWidth = options.removeZeroWidth === true;
  // Output is rarely longer than the input; grow when it is.
  const b: Builder = { parts: [], start: new Uint32Array(n + 16), end: new Uint32Array(n + 16), out: 0 };
  let i = 0;
  let k = n > 0 ? classOf(original.charCodeAt(0)) : 0; // class of the code unit at i
  while (i < n) {
    if (k === STABLE) {
      // A stretch of characters that map to themselves, each one ending before the next starts
      // (e + U+0301 composes to é, so a stable character followed by a mark goes down the per-chunk path).
      // Locals rather than builder fields keep this loop, which sees nearly every character, tight.
      reserve(b, n - i);
      const start = b.start;
      const end = b.end;
      let out = b.out;
      const runStart = i;
      while (true) {
        const next = i + 1 < n ? classOf(original.charCodeAt(i + 1)) : 0;
        if (next === COMBINING) break;
        start[out] = i;
        end[out] = i + 1;
        out++;
        i++;
        k = next;
        if (next !== STABLE) break;
      }
      b.out = out;
      if (i > runStart) b.parts.push(original.slice(runStart, i));
      // otherwise the stable character at i is followed by a combining mark: it starts a chunk
      if (k !== STABLE) continue;
    }
    i = addChunk(b, original, i, removeZeroWidth);
    k = i < n ? classOf(original.charCodeAt(i)) : 0;
  }
  return { original, text: b.parts.join(''), start: b.start.subarray(0, b.out), end: b.end.subarray(0, b.out) };
}

/** Normalize the chunk at i (CR/CRLF, or a code point with its combining marks); return where it ends. */
function addChunk(b: Builder, src: string, i: number, removeZeroWidth: boolean): number {
  const c = src.charCodeAt(i);
  if (c === 0x0d) {
    const len = src.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    reserve(b, 1);
    b.parts.push('\n');
    b.start[b.out] = i;
    b.end[b.out] = i + len;
    b.out++;
    return i + len;
  }
  const n = src.length;
  const cp = src.codePointAt(i)!;
  let j = i + (cp > 0xffff ? 2 : 1);
  while (j < n) {
    const next = src.codePointAt(j)!;
    if (!isCombining(next)) break;
    j += next > 0xffff ? 2 : 1;
  }
  if (removeZeroWidth && ZERO_WIDTH.has(cp) && j === i + 1) return j;
  const normalized = nfkc(src.slice(i, j));
  reserve(b, normalized.length);
  for (let q = 0; q < normalized.length; q++) {
    b.start[b.out] = i;
    b.end[b.out] = j;
    b.out++;
  }
  b.parts.push(normalized);
  return j;
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
