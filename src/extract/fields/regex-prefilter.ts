// Cheap, certain "cannot match" answers for the classification regexes, so most of them never run:
// mayOccur rules a regex out for a whole notice from the characters it contains; SpanGate finds, in
// one scan of the notice, the sentences a regex may match. A "no" is always right; a "maybe" is then
// settled by the regex itself, so results are exactly those of running every regex everywhere.
import type { ExtractContext } from '../context.js';

/**
 * The source of a regex without its assertions (lookarounds, \b, \B, ^, $), or null when that cannot
 * be done safely (a quantified assertion, a backreference whose group numbering would move).
 * Dropping an assertion only lets more strings match, and an assertion-free regex matches a piece of
 * a text exactly where it matches that piece in the whole text: no neighbour outside is looked at.
 */
export function withoutAssertions(source: string): string | null {
  if (/\\[1-9]|\\k</.test(source)) return null;
  let out = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1];
      if (next !== 'b' && next !== 'B') out += ch + (next ?? '');
      i += 2;
    } else if (ch === '[') {
      const end = classEnd(source, i);
      out += source.slice(i, end);
      i = end;
    } else if (ch === '^' || ch === '$') {
      i++;
    } else if (ch === '(' && /^\(\?(?:=|!|<=|<!)/.test(source.slice(i, i + 4))) {
      i = groupEnd(source, i);
      if (/^[*+?{]/.test(source.slice(i, i + 1))) return null;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

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

/**
 * Which sentences (in text order) may contain a match of a regex, from one left-to-right scan of the
 * whole notice instead of one regex call per sentence: a call costs far more than its scan on a short
 * sentence, and most sentences match nothing. The scan uses the regex without assertions (see
 * withoutAssertions), so a sentence it rules out cannot match; test() then answers exactly.
 */
export class SpanGate {
  private readonly scan: RegExp | null;
  /** the regex has no assertions: a match found inside the sentence is the answer */
  private readonly exact: boolean;
  private readonly plain: RegExp;
  private from = -1;
  private matchStart = 0;
  private matchEnd = 0;

  constructor(
    re: RegExp,
    private readonly text: string,
  ) {
    const plan = gatePlan(re);
    this.plain = plan.plain;
    this.scan = plan.scan;
    this.exact = plan.exact;
  }

  /** Might the sentence [start, end) contain a match? false is certain. Calls must come in text order. */
  mayMatch(start: number, end: number): boolean {
    const scan = this.scan;
    if (scan === null) return true;
    if (this.from < 0 || start < this.from || this.matchStart < start) {
      this.from = start;
      scan.lastIndex = start;
      const m = scan.exec(this.text);
      this.matchStart = m ? m.index : Infinity;
      this.matchEnd = m ? m.index + m[0].length : Infinity;
    }
    return this.matchStart < end;
  }

  /** Does the regex match anywhere in the whole text? (Call before any sentence.) */
  matchesText(): boolean {
    return this.exact ? this.mayMatch(0, this.text.length) : this.plain.test(this.text);
  }

  /** Does the regex match the sentence text (which is text.slice(start, end))? */
  test(start: number, end: number, sentence: string): boolean {
    if (!this.mayMatch(start, end)) return false;
    if (this.exact && this.matchEnd <= end) return true;
    return this.plain.test(sentence);
  }
}

interface GatePlan {
  plain: RegExp;
  scan: RegExp | null;
  exact: boolean;
}

// Gates are made per notice; their regexes are compiled once per source regex.
const planCache = new WeakMap<RegExp, GatePlan>();
function gatePlan(re: RegExp): GatePlan {
  let plan = planCache.get(re);
  if (!plan) {
    const flags = re.flags.replace(/[gy]/g, '');
    const source = withoutAssertions(re.source);
    plan = {
      plain: new RegExp(re.source, flags),
      scan: source === null ? null : new RegExp(source, flags + 'g'),
      exact: source === re.source,
    };
    planCache.set(re, plan);
  }
  return plan;
}

// --- Which characters a notice contains: a cheap test that most regexes cannot match it at all. ---

/**
 * What every match of a regex alternative must contain, as clauses: each clause lists items (a
 * character, or two adjacent characters) at least one of which appears in the match ("不正" → 不, 正
 * and 不正; "(?:を|に)装" → を or に, and 装).
 */
type Clause = string[];
type Clauses = Clause[];

/** Kana, kanji and ASCII: no other character matches them, even under the i flag (ASCII letters in either case). */
const KNOWN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\x20-\x7e]/;

/**
 * For each top-level alternative of a regex, the clauses each of its matches satisfies (ASCII letters
 * in lower case when the regex ignores case); null when some alternative gives none.
 */
export function requiredChars(re: RegExp): Clauses[] | null {
  // with u and i, simple case folding lets "k" and "s" match non-ASCII characters
  const letters = !(re.flags.includes('u') && re.flags.includes('i'));
  const alternatives = new RequiredParser(re.source, re.flags.includes('i'), letters).alternatives();
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
      return [[...new Set(alts.flatMap(bestClause))]];
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

function bestClause(clauses: Clauses): Clause {
  let best = clauses[0];
  let bestScore = Infinity;
  for (const c of clauses) {
    const score = clauseScore(c);
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
const charsCache = new WeakMap<ExtractContext, Uint32Array>();
// the notice asked about last: its fields ask one after another, so this spares most WeakMap lookups
let lastCtx: ExtractContext | null = null;
let lastBits: Uint32Array = new Uint32Array(0);
function charsOf(ctx: ExtractContext): Uint32Array {
  if (ctx === lastCtx) return lastBits;
  let bits = charsCache.get(ctx);
  if (!bits) {
    bits = new Uint32Array(4096);
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
    charsCache.set(ctx, bits);
  }
  lastCtx = ctx;
  lastBits = bits;
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
