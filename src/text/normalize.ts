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

/**
 * The offset map, kept as segments of the output: a run of characters copied through (output p came from
 * original origStart + (p - outStart)), or the output of one chunk (every character came from
 * [origStart, origEnd)). A notice has a few dozen segments; the per-character arrays of the interface
 * are built from them only when asked for.
 */
class MappedText implements NormalizedText {
  private starts: Uint32Array | null = null;
  private ends: Uint32Array | null = null;

  constructor(
    readonly original: string,
    readonly text: string,
    /** per segment: output start, original start, original end (-1 for a copied-through run) */
    private readonly segs: number[],
  ) {}

  get start(): Uint32Array {
    if (!this.starts) this.fill();
    return this.starts!;
  }

  get end(): Uint32Array {
    if (!this.ends) this.fill();
    return this.ends!;
  }

  /** offset in the original of the chunk that produced output character p (0 ≤ p < text.length) */
  startAt(p: number): number {
    const g = this.segmentOf(p);
    const end = this.segs[g + 2];
    return end < 0 ? this.segs[g + 1] + (p - this.segs[g]) : this.segs[g + 1];
  }

  /** end offset in the original of the chunk that produced output character p */
  endAt(p: number): number {
    const g = this.segmentOf(p);
    const end = this.segs[g + 2];
    return end < 0 ? this.segs[g + 1] + (p - this.segs[g]) + 1 : end;
  }

  /** index into segs of the last segment starting at or before p */
  private segmentOf(p: number): number {
    const segs = this.segs;
    let lo = 0;
    let hi = segs.length / 3 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid * 3] <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo * 3;
  }

  private fill(): void {
    const n = this.text.length;
    const starts = new Uint32Array(n);
    const ends = new Uint32Array(n);
    const segs = this.segs;
    for (let g = 0; g < segs.length; g += 3) {
      const to = g + 3 < segs.length ? segs[g + 3] : n;
      for (let p = segs[g]; p < to; p++) {
        if (segs[g + 2] < 0) {
          starts[p] = segs[g + 1] + (p - segs[g]);
          ends[p] = starts[p] + 1;
        } else {
          starts[p] = segs[g + 1];
          ends[p] = segs[g + 2];
        }
      }
    }
    this.starts = starts;
    this.ends = ends;
  }
}

/** The output being built: normalized pieces and the segments of the offset map. */
interface Builder {
  parts: string[];
  segs: number[];
  out: number;
}

export function normalize(original: string, options: NormalizeOptions = {}): NormalizedText {
  const n = original.length;
  const removeZeroWidth = options.removeZeroWidth === true;
  const b: Builder = { parts: [], segs: [], out: 0 };
  let i = 0;
  let k = n > 0 ? classOf(original.charCodeAt(0)) : 0; // class of the code unit at i
  while (i < n) {
    if (k === STABLE) {
      // A stretch of characters that map to themselves, each one ending before the next starts
      // (e + U+0301 composes to é, so a stable character followed by a mark goes down the per-chunk path).
      const runStart = i;
      let next = 0;
      while (true) {
        next = i + 1 < n ? classOf(original.charCodeAt(i + 1)) : 0;
        if (next !== STABLE) break;
        i++;
      }
      // the last stable character ends the run, unless a combining mark follows it: then it starts a chunk
      if (next !== COMBINING) i++;
      k = next === COMBINING ? STABLE : next;
      if (i > runStart) {
        b.segs.push(b.out, runStart, -1);
        b.out += i - runStart;
        b.parts.push(original.slice(runStart, i));
      }
      if (k !== STABLE) continue;
    }
    i = addChunk(b, original, i, removeZeroWidth);
    k = i < n ? classOf(original.charCodeAt(i)) : 0;
  }
  return new MappedText(original, b.parts.join(''), b.segs);
}

/** Normalize the chunk at i (CR/CRLF, or a code point with its combining marks); return where it ends. */
function addChunk(b: Builder, src: string, i: number, removeZeroWidth: boolean): number {
  const c = src.charCodeAt(i);
  if (c === 0x0d) {
    const len = src.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    b.parts.push('\n');
    b.segs.push(b.out, i, i + len);
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
  if (normalized.length > 0) {
    b.segs.push(b.out, i, j);
    b.out += normalized.length;
    b.parts.push(normalized);
  }
  return j;
}

/** Map a half-open span of the normalized text back to the original text. */
export function toOriginalSpan(nt: NormalizedText, s: number, e: number): { start: number; end: number } {
  const len = nt.text.length;
  if (len === 0) return { start: 0, end: 0 };
  const a = Math.min(Math.max(s, 0), len);
  const b = Math.min(Math.max(e, a), len);
  if (a === len) return { start: nt.original.length, end: nt.original.length };
  if (nt instanceof MappedText) {
    const start = nt.startAt(a);
    return { start, end: b === a ? start : nt.endAt(b - 1) };
  }
  if (b === a) return { start: nt.start[a], end: nt.start[a] };
  return { start: nt.start[a], end: nt.end[b - 1] };
}
