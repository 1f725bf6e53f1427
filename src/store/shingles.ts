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

function mix(h: number, a: number, b: number): number {
  let x = (Math.imul(h, a) + b) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  return x >>> 0;
}

/** LSH band keys of a text ("band index:hash"); two texts sharing a key are near-duplicate candidates. */
export function bandsOf(text: string): string[] {
  // Consistent sampling: the same quarter of all possible shingles in every text, so the sampled sets
  // estimate the same Jaccard at a quarter of the hashing cost.
  const s = text.slice(0, MAX_CHARS).normalize('NFKC').replace(/\s+/g, '');
  const picked = new Set<number>();
  for (let i = 0; i + SHINGLE <= s.length; i++) {
    const h = fnv(s, i, i + SHINGLE);
    if ((h & 3) === 0) picked.add(h);
  }
  const sampled = [...picked];
  if (sampled.length < 10) return []; // too short to call anything a duplicate
  const mins = new Array<number>(SEEDS.length).fill(0xffffffff);
  for (const h of sampled) {
    for (let k = 0; k < SEEDS.length; k++) {
      const v = mix(h, SEEDS[k][0], SEEDS[k][1]);
      if (v < mins[k]) mins[k] = v;
    }
  }
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    const row = mins.slice(b * ROWS, b * ROWS + ROWS);
    out.push(`${b}:${row.map((n) => n.toString(36)).join('.')}`);
  }
  return out;
}
