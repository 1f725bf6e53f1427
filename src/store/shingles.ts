// Near-duplicate detection: character 3-gram shingles, Jaccard similarity, and minhash bands (LSH) so
// candidates are found by an indexed lookup instead of comparing a case with every other case.

const SHINGLE = 3;
const BANDS = 10;
const ROWS = 3; // 10 bands × 3 rows: pairs above ~0.45 Jaccard very likely share a band
const MAX_CHARS = 20_000; // bound the work on huge inputs; the opening of a notice is what repeats

/** FNV-1a over a short string, 32-bit. */
function fnv(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The set of hashed character 3-grams of a text, ignoring whitespace. */
export function shingleSet(text: string): Set<number> {
  const s = text.slice(0, MAX_CHARS).normalize('NFKC').replace(/\s+/g, '');
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= s.length; i++) out.add(fnv(s, i, i + SHINGLE));
  return out;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const x of small) if (large.has(x)) both++;
  return both / (a.size + b.size - both);
}

// Fixed odd multipliers/offsets: a deterministic family of hash permutations (stored bands must stay stable).
const SEEDS: Array<[number, number]> = Array.from({ length: BANDS * ROWS }, (_, i) => [
  (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0,
  Math.imul(i + 7, 0x85ebca6b) >>> 0,
]);

// The same seeds as flat typed arrays for the hot loop.
const MUL = Uint32Array.from(SEEDS, (p) => p[0]);
const ADD = Uint32Array.from(SEEDS, (p) => p[1]);

function mix(h: number, a: number, b: number): number {
  let x = (Math.imul(h, a) + b) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  return x >>> 0;
}

/** A band key as a word, for SQLite's band index (an FTS5 table: it takes random keys far faster than a B-tree). */
export const bandWord = (band: number): string => `k${band.toString(36)}`;
export const bandWords = (bands: number[]): string => bands.map(bandWord).join(' ');

let buffer = new Uint32Array(1024);
/** Scratch space for a text's sampled shingles (reused: this runs for every ingested case). */
function sampleBuffer(chars: number): Uint32Array {
  if (buffer.length < chars) buffer = new Uint32Array(chars);
  return buffer;
}

/** Whether the first n values hold at least `want` different ones (stops as soon as they do). */
function atLeastDistinct(values: Uint32Array, n: number, want: number): boolean {
  const seen: number[] = [];
  for (let j = 0; j < n && seen.length < want; j++) if (!seen.includes(values[j])) seen.push(values[j]);
  return seen.length >= want;
}

/** Whitespace as the regex \s sees it (shingles ignore it). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x2000 && c <= 0x200a) || c === 0xa0 || c === 0x1680 || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A band's rows folded into one 31-bit integer that also encodes the band (small integers are cheap to store
 * and to print). Among a million stored keys a lookup meets a stray equal one about once in two thousand.
 */
function bandKey(b: number, m0: number, m1: number, m2: number): number {
  return (mix(m0 ^ Math.imul(b + 1, 0x27d4eb2f), 0x9e3779b1, m1) ^ mix(m2, 0x85ebca6b, b)) & 0x7fffffff;
}

/**
 * LSH band keys of a text (one integer per band); two texts sharing a key are near-duplicate candidates.
 * A stray equal key only adds a candidate, which the exact Jaccard check then rejects.
 */
export function bandsOf(text: string): number[] {
  const s = text.slice(0, MAX_CHARS).normalize('NFKC');
  // Consistent sampling: the same quarter of all possible shingles in every text, so the sampled sets
  // estimate the same Jaccard at a quarter of the hashing cost. The 3-grams skip whitespace, as shingleSet.
  // The minimum over a multiset is the minimum over its set, so repeats are kept rather than looked up.
  const picked = sampleBuffer(s.length);
  let n = 0;
  let c0 = -1;
  let c1 = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c0 >= 0) {
      // fnv over the three UTF-16 units, unrolled
      let h = Math.imul(0x811c9dc5 ^ c0, 0x01000193);
      h = Math.imul(h ^ c1, 0x01000193);
      h = Math.imul(h ^ c, 0x01000193) >>> 0;
      if ((h & 3) === 0) picked[n++] = h;
    }
    c0 = c1;
    c1 = c;
  }
  if (!atLeastDistinct(picked, n, 10)) return []; // too short to call anything a duplicate
  const mins = new Uint32Array(SEEDS.length).fill(0xffffffff);
  for (let j = 0; j < n; j++) {
    const h = picked[j];
    for (let k = 0; k < SEEDS.length; k++) {
      const v = mix(h, MUL[k], ADD[k]);
      if (v < mins[k]) mins[k] = v;
    }
  }
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) out.push(bandKey(b, mins[b * ROWS], mins[b * ROWS + 1], mins[b * ROWS + 2]));
  return out;
}
