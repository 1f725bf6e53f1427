// Cheap, certain "cannot match" answers for the classification regexes, so most of them never run:
// mayOccur rules a regex out for a whole notice from the characters it contains; AnchorGates finds, in
// one pass over the sentences' characters, the sentences each of many regexes may match. A "no" is
// always right; a "maybe" is then settled by the regex itself, so results are exactly those of running
// every regex everywhere.
import type { ExtractContext } from '../context.js';

/** Index just past the character class that opens at i. */
export function classEnd(source: string, i: number): number {
  let j = i + 1;
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Index just past the group that opens at i (sources of RegExp objects: groups are balanced). */
export function groupEnd(source: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < source.length) {
    const ch = source[j];
    if (ch === '\\') j += 2;
    else if (ch === '[') j = classEnd(source, j);
    else {
      if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) return j + 1;
      j++;
    }
  }
  return j;
}

/** The top-level alternatives of a regex source ("a|(?:b|c)d" → "a", "(?:b|c)d"). */
export function alternativesOf(source: string): string[] {
  const out: string[] = [];
  let from = 0;
  let j = 0;
  while (j < source.length) {
    const ch = source[j];
    if (ch === '\\') j += 2;
    else if (ch === '[') j = classEnd(source, j);
    else if (ch === '(') j = groupEnd(source, j);
    else {
      if (ch === '|') {
        out.push(source.slice(from, j));
        from = j + 1;
      }
      j++;
    }
  }
  out.push(source.slice(from));
  return out;
}

// --- Which characters a notice contains: a cheap test that most regexes cannot match it at all. ---

/**
 * What every match of a regex alternative must contain, as clauses: each clause lists items (a
 * character, or two adjacent characters) at least one of which appears in the match ("不正" → 不, 正
 * and 不正; "(?:を|に)装" → を or に, and 装).
 */
type Clause = string[];
type Clauses = Clause[];

/** Kana, kanji, ASCII and full-width symbols: no other character matches them, even under the i flag (ASCII letters in either case). */
const KNOWN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\x20-\x7e\uff01-\uff20\uff3b-\uff40\uff5b-\uff65]/;

/**
 * For each top-level alternative of a regex, the clauses each of its matches satisfies (ASCII letters
 * in lower case when the regex ignores case); null when some alternative gives none.
 */
export function requiredChars(re: RegExp, score: (clause: Clause) => number = clauseScore): Clauses[] | null {
  // with u and i, simple case folding lets "k" and "s" match non-ASCII characters
  const letters = !(re.flags.includes('u') && re.flags.includes('i'));
  const alternatives = new RequiredParser(re.source, re.flags.includes('i'), letters, score).alternatives();
  return alternatives.some((a) => a.length === 0) ? null : alternatives;
}

class RequiredParser {
  private i = 0;
  /** the character the last atom matched when it was one literal character (or a class of one) */
  private literal: string | null = null;
  constructor(
    private readonly src: string,
    private readonly ignoreCase: boolean,
    private readonly letters: boolean,
    /** how common a clause's items are: a group keeps the least common clause of each alternative */
    private readonly score: (clause: Clause) => number,
  ) {}

  /** Alternatives up to the end of the current group (or of the source). */
  alternatives(): Clauses[] {
    const alts: Clauses[] = [];
    let current: Clauses = [];
    // the previous atom when it was one required character: with this one they form a pair
    let previous: string | null = null;
    while (this.i < this.src.length) {
      const ch = this.src[this.i];
      if (ch === ')') break;
      if (ch === '|') {
        alts.push(current);
        current = [];
        previous = null;
        this.i++;
        continue;
      }
      const atom = this.atom();
      if (this.quantifierAllowsZero()) {
        previous = null;
        continue;
      }
      current.push(...atom);
      const single = this.literal;
      if (single !== null && previous !== null && !(this.ignoreCase && /[a-z]/.test(previous + single))) current.push([previous + single]);
      previous = single;
    }
    alts.push(current);
    return alts;
  }

  /** The clauses one atom satisfies; advances past it. */
  private atom(): Clauses {
    const src = this.src;
    const ch = src[this.i];
    this.literal = null;
    if (ch === '\\') {
      this.skipEscape();
      return [];
    }
    if (ch === '[') {
      const end = classEnd(src, this.i);
      const body = src.slice(this.i + 1, end - 1);
      this.i = end;
      // a short class of plain characters: one of them is in the match
      if (body.length === 0 || body.length > 8 || /[\\^\-\]]/.test(body)) return [];
      const chars = [...body].map((c) => this.char(c));
      if (!chars.every((c) => c !== null)) return [];
      if (chars.length === 1) this.literal = chars[0];
      return [[...new Set(chars)]];
    }
    if (ch === '(') {
      const assertion = /^\(\?(?:=|!|<=|<!)/.test(src.slice(this.i, this.i + 4));
      if (src.startsWith('(?:', this.i)) this.i += 3;
      else if (src.startsWith('(?<', this.i) && !assertion) this.i = src.indexOf('>', this.i) + 1;
      else if (assertion) this.i += src[this.i + 2] === '<' ? 4 : 3;
      else this.i++;
      const alts = this.alternatives();
      this.i++; // ')'
      this.literal = null;
      if (assertion || alts.some((a) => a.length === 0)) return [];
      // one clause from each alternative: together they hold a character of every match of the group
      return [[...new Set(alts.flatMap((a) => bestClause(a, this.score)))]];
    }
    this.i++;
    if (ch === '.' || ch === '^' || ch === '$') return [];
    const c = this.char(ch);
    this.literal = c;
    return c === null ? [] : [[c]];
  }

  /** A literal character as stored in a clause, or null when other characters may match it. */
  private char(ch: string): string | null {
    if (!KNOWN.test(ch)) return null;
    if (/[A-Za-z]/.test(ch)) return this.letters ? (this.ignoreCase ? ch.toLowerCase() : ch) : null;
    return ch;
  }

  private skipEscape(): void {
    const src = this.src;
    const next = src[this.i + 1] ?? '';
    this.i += 2;
    if ((next === 'p' || next === 'P' || next === 'u') && src[this.i] === '{') this.i = src.indexOf('}', this.i) + 1;
    else if (next === 'u') this.i += 4;
    else if (next === 'x') this.i += 2;
    else if (next === 'c') this.i += 1;
    else if (next === 'k' && src[this.i] === '<') this.i = src.indexOf('>', this.i) + 1;
  }

  /** Consumes a quantifier after an atom; true when it allows zero repetitions. */
  private quantifierAllowsZero(): boolean {
    const rest = this.src.slice(this.i, this.i + 12);
    const q = /^(?:([?*+])|\{(\d+)(?:,\d*)?\})\??/.exec(rest);
    if (!q) return false;
    this.i += q[0].length;
    return q[1] === '?' || q[1] === '*' || q[2] === '0';
  }
}

/** The most selective clause: few characters, and kanji or katakana rather than common kana or ASCII. */
function clauseScore(clause: Clause): number {
  return clause.reduce((n, item) => n + (item.length === 2 ? 1 : /[\u30a0-\u30ff\u3400-\u9fff]/.test(item) ? 2 : 8), 0);
}

function bestClause(clauses: Clauses, scoreOf: (clause: Clause) => number): Clause {
  let best = clauses[0];
  let bestScore = Infinity;
  for (const c of clauses) {
    const score = scoreOf(c);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/**
 * A notice's characters and its pairs of adjacent characters, as one bit set: bit c for character c,
 * bit 65536 + hash for a pair.
 */
// One bit set, rebuilt when another notice asks: a notice's fields ask one after another, and a
// fresh 16 KB set per notice would only feed the garbage collector.
let lastCtx: ExtractContext | null = null;
const lastBits = new Uint32Array(4096);
function charsOf(ctx: ExtractContext): Uint32Array {
  if (ctx === lastCtx) return lastBits;
  const bits = lastBits;
  bits.fill(0);
  const text = ctx.text;
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bits[c >> 5] |= 1 << (c & 31);
    if (prev >= 0) {
      const h = pairBit(prev, c);
      bits[h >> 5] |= 1 << (h & 31);
    }
    prev = c;
  }
  lastCtx = ctx;
  return bits;
}

/** Collisions only make a pair look present: the test stays a necessary condition. */
function pairBit(a: number, b: number): number {
  return 0x10000 + (((a * 40503) ^ b) & 0xffff);
}

/**
 * The clauses of a regex as a flat program of bit numbers (mayOccur runs per regex per notice, so it
 * must be cheap): per alternative its length and clause count, per clause its item count and items.
 * An ASCII letter under the i flag is two items, one per case. null: some alternative needs nothing.
 */
function compileClauses(re: RegExp): Int32Array | null {
  const required = requiredChars(re);
  if (required === null) return null;
  const out: number[] = [required.length];
  for (const clauses of required) {
    const alt: number[] = [clauses.length];
    // the most selective clause first, so that an alternative the notice cannot hold fails at once
    const ordered = [...clauses].sort((x, y) => clauseScore(x) - clauseScore(y));
    for (const clause of ordered) {
      const items: number[] = [];
      for (const item of clause) {
        const c = item.charCodeAt(0);
        if (item.length === 2) items.push(pairBit(c, item.charCodeAt(1)));
        else {
          items.push(c);
          if (re.ignoreCase && c >= 0x61 && c <= 0x7a) items.push(c - 0x20);
        }
      }
      alt.push(items.length, ...items);
    }
    out.push(alt.length, ...alt);
  }
  return Int32Array.from(out);
}

const programs = new WeakMap<RegExp, Int32Array | null>();

/**
 * Can re match anywhere in the notice? false is certain: each alternative needs a character (or a
 * pair of adjacent ones) the notice lacks. Much cheaper than running a regex of many alternatives
 * over a notice that lacks them all.
 */
export function mayOccur(ctx: ExtractContext, re: RegExp): boolean {
  let program = programs.get(re);
  if (program === undefined) {
    program = compileClauses(re);
    programs.set(re, program);
  }
  if (program === null) return true;
  const bits = charsOf(ctx);
  const alternatives = program[0];
  let p = 1;
  for (let a = 0; a < alternatives; a++) {
    const next = p + 1 + program[p];
    if (allClauses(bits, program, p + 1)) return true;
    p = next;
  }
  return false;
}

/** Does the notice satisfy every clause of the alternative whose clause count is at program[p]? */
function allClauses(bits: Uint32Array, program: Int32Array, p: number): boolean {
  const clauses = program[p++];
  for (let c = 0; c < clauses; c++) {
    const items = program[p++];
    let any = false;
    for (let k = 0; k < items && !any; k++) {
      const b = program[p + k];
      any = (bits[b >> 5] & (1 << (b & 31))) !== 0;
    }
    if (!any) return false;
    p += items;
  }
  return true;
}

// --- Which sentences may hold a match of each of many regexes: one pass over their characters. ---

/** A piece of the notice (a sentence): offsets in its text. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * The anchors of a regex: characters or adjacent pairs, one of which is in every match (the most
 * selective clause of each alternative, see requiredChars); null when some alternative needs none.
 * ASCII letters under the i flag come in both cases.
 */
function anchorsOf(re: RegExp): string[] | null {
  const required = requiredChars(re, anchorScore);
  if (required === null) return null;
  const out = new Set<string>();
  for (const clauses of required) {
    for (const item of bestClause(clauses, anchorScore)) {
      out.add(item);
      if (re.ignoreCase && item.length === 1 && /[a-z]/.test(item)) out.add(item.toUpperCase());
    }
  }
  return [...out];
}

// Words common in any notice: a sentence holding one says little about a regex needing it. (Only
// steers which anchors a gate uses, so how many sentences it lets through; never a result.)
const COMMON_PAIRS = new Set(['確認', '情報', '場合', '可能', '対応', '発生', '個人', '不正', '実施', '調査', '関係', '利用', '以下', '当社', '弊社', '対象', '今後', '事案']);

/** How often sentences hold one of a clause's items: adjacent hiragana and the common words are frequent. */
function anchorScore(clause: Clause): number {
  let n = 0;
  for (const item of clause) {
    if (item.length === 2) n += COMMON_PAIRS.has(item) || /^[\u3040-\u309f]+$/.test(item) ? 10 : 1;
    // (a lone kanji of a common word is no rarer than the word)
    else n += /[\u30a0-\u30ff\u3400-\u9fff]/.test(item) ? 11 : 12;
  }
  return n;
}

/** Multiplier of the pair hash (Fibonacci hashing: the top bits are well mixed). */
const HASH = 0x9e3779b1 | 0;

/** Where one scan's marks are: span j's words start at first + j * words of marks. */
export interface MarkRows {
  marks: Int32Array;
  first: number;
}

// Marks come out of shared blocks, taken in order and never handed out twice: a typed array larger than
// 64 bytes lives outside the JS heap, and making one per notice cost several microseconds (more than the
// scan itself). A block is freed once no sentence refers to it any more.
const BLOCK_WORDS = 1 << 14;
let block = new Int32Array(BLOCK_WORDS);
let blockUsed = 0;

/** n zeroed words for one scan: in the current block, in a new one when it is full, alone when large. */
function takeRows(n: number): MarkRows {
  if (n > BLOCK_WORDS >> 2) return { marks: new Int32Array(n), first: 0 };
  if (blockUsed + n > BLOCK_WORDS) {
    block = new Int32Array(BLOCK_WORDS);
    blockUsed = 0;
  }
  const rows = { marks: block, first: blockUsed };
  blockUsed += n;
  return rows;
}

/**
 * Per-sentence gates for a fixed list of regexes. scan() reads each sentence's characters once and
 * marks the regexes some anchor of which lies inside the sentence; a regex not marked cannot match
 * the sentence text (every match holds an anchor), so only marked ones need running. Regexes
 * without anchors are always marked.
 */
export class AnchorGates {
  /** 32-bit words per span in a scan */
  readonly words: number;
  /** per character, the entry of the one-character anchor (-1: none) */
  private readonly single = new Int32Array(0x10000).fill(-1);
  /** open-addressing table of the two-character anchors: key (first << 16 | second), entry */
  private readonly pairKeys: Int32Array;
  private readonly pairEntries: Int32Array;
  private readonly pairShift: number;
  /** bit sets (8 KB each, so they stay in cache) that let most characters skip both tables: a
   * character with a one-character anchor; the top 16 bits of the hash of each two-character anchor */
  private readonly singleBits = new Int32Array(2048);
  private readonly pairBits = new Int32Array(2048);
  /** per entry, the regexes that have its anchor (words bits each) */
  private readonly masks: Int32Array;
  private readonly always: Int32Array;

  constructor(regexes: readonly RegExp[]) {
    const words = Math.max(1, Math.ceil(regexes.length / 32));
    this.words = words;
    this.always = new Int32Array(words);
    // one entry per distinct anchor, whichever regexes share it
    const owners = new Map<string, number[]>();
    regexes.forEach((re, r) => {
      const anchors = anchorsOf(re);
      if (anchors === null) this.always[r >> 5] |= 1 << (r & 31);
      else for (const a of anchors) owners.set(a, [...(owners.get(a) ?? []), r]);
    });
    // a table at most a quarter full: most probes end at once
    let bits = 10;
    while (1 << bits < owners.size * 4) bits++;
    this.pairShift = 32 - bits;
    this.pairKeys = new Int32Array(1 << bits).fill(-1);
    this.pairEntries = new Int32Array(1 << bits);
    this.masks = new Int32Array(owners.size * words);
    let e = 0;
    for (const [a, rs] of owners) {
      for (const r of rs) this.masks[e * words + (r >> 5)] |= 1 << (r & 31);
      if (a.length === 1) {
        const c = a.charCodeAt(0);
        this.single[c] = e;
        this.singleBits[c >> 5] |= 1 << (c & 31);
      } else {
        const key = (a.charCodeAt(0) << 16) | a.charCodeAt(1);
        const top = Math.imul(key, HASH) >>> 16;
        this.pairBits[top >> 5] |= 1 << (top & 31);
        let h = Math.imul(key, HASH) >>> this.pairShift;
        while (this.pairKeys[h] !== -1) h = (h + 1) & (this.pairKeys.length - 1);
        this.pairKeys[h] = key;
        this.pairEntries[h] = e;
      }
      e++;
    }
  }

  /** The marks of each span (in order): regex r may match span j when isSet(rows, j, r). */
  scan(text: string, spans: readonly TextSpan[]): MarkRows {
    const words = this.words;
    const { single, pairKeys, pairEntries, masks, always, singleBits, pairBits, pairShift } = this;
    const last = pairKeys.length - 1;
    const rows = takeRows(spans.length * words);
    const marks = rows.marks;
    for (let j = 0; j < spans.length; j++) {
      const base = rows.first + j * words;
      for (let w = 0; w < words; w++) marks[base + w] = always[w];
      const end = spans[j].end;
      let c = text.charCodeAt(spans[j].start);
      for (let i = spans[j].start; i < end; i++) {
        if ((singleBits[c >> 5] & (1 << (c & 31))) !== 0) {
          const se = single[c] * words;
          for (let w = 0; w < words; w++) marks[base + w] |= masks[se + w];
        }
        // (a pair must lie wholly inside the span: so does every match)
        if (i + 1 === end) break;
        const d = text.charCodeAt(i + 1);
        const key = (c << 16) | d;
        const hash = Math.imul(key, HASH);
        const top = hash >>> 16;
        if ((pairBits[top >> 5] & (1 << (top & 31))) !== 0) {
          for (let h = hash >>> pairShift; pairKeys[h] !== -1; h = (h + 1) & last) {
            if (pairKeys[h] !== key) continue;
            const pe = pairEntries[h] * words;
            for (let w = 0; w < words; w++) marks[base + w] |= masks[pe + w];
            break;
          }
        }
        c = d;
      }
    }
    return rows;
  }

  isSet(rows: MarkRows, span: number, r: number): boolean {
    return (rows.marks[rows.first + span * this.words + (r >> 5)] & (1 << (r & 31))) !== 0;
  }
}
