// Finding every match of several word-list patterns in one pass over a text.
// A regex search for a long alternation of words tests every position of the text against every
// alternative (V8 cannot skip ahead when the words start with dozens of different characters). Instead
// one loop over the text looks up, per position, the alternatives of any pattern that start with the
// character (or the two characters) there, and tries only those, in the order the pattern lists them.
// Alternatives that are plain words (most are, once groups and ? are spelled out) are compared in
// place; the others are tried as sticky regexes at that position.
// Why the matches are those of one global search per pattern: a search returns the match at the first
// position where the pattern matches at all, and there the first alternative (in the pattern's order)
// that matches; an alternative cannot match where its known beginning is not. Each pattern goes on
// after its own last match, as a global search does.

import { groupEnd } from './regex-prefilter.js';

export interface TermMatch {
  start: number;
  end: number;
  word: string;
}

/**
 * Literal beginnings of the pattern's matches (one per alternative, at least one character each), or
 * null when they are not simply readable off its source (then the pattern is searched as usual).
 * Handles literal words, leading (?:…|…) groups of them and leading plain classes ([(（]).
 */
export function literalPrefixesOf(source: string): string[] | null {
  return perAlternative(source, prefixesOfAlternative);
}

/** The strings `of` gives for each top-level alternative, in order; null when it gives none for one. */
function perAlternative(source: string, of: (alt: string) => string[] | null): string[] | null {
  const alts = topLevelAlternatives(source);
  if (alts === null) return null;
  const out: string[] = [];
  for (const alt of alts) {
    const strings = of(alt);
    if (strings === null) return null;
    out.push(...strings);
  }
  return out;
}

const SPECIAL = new Set(['\\', '(', ')', '[', ']', '{', '}', '.', '^', '$', '?', '*', '+', '|']);
const OPTIONAL_AFTER = new Set(['?', '*', '{']);

function prefixesOfAlternative(alt: string): string[] | null {
  if (alt.startsWith('[')) return classCharsAtStart(alt);
  if (alt.startsWith('(?:')) {
    const end = groupEnd(alt, 0);
    if (OPTIONAL_AFTER.has(alt[end] ?? '')) return null;
    return literalPrefixesOf(alt.slice(0, end));
  }
  let n = 0;
  while (n < alt.length && !SPECIAL.has(alt[n]!)) n++;
  // a character made optional by the quantifier after it is not part of every match
  if (OPTIONAL_AFTER.has(alt[n] ?? '')) n--;
  return n > 0 ? [alt.slice(0, n)] : null;
}

/** The characters of a leading plain class like [(（] (no ranges, escapes or negation), each a prefix. */
function classCharsAtStart(alt: string): string[] | null {
  const close = alt.indexOf(']', 1);
  if (close < 2 || OPTIONAL_AFTER.has(alt[close + 1] ?? '')) return null;
  const chars = alt.slice(1, close);
  if (/[\\^\-[]/.test(chars)) return null;
  return [...chars];
}

/** The top-level alternatives of a pattern (inside one group wrapping it whole, if any). */
function topLevelAlternatives(source: string): string[] | null {
  let src = source;
  if (src.startsWith('(?:') && groupEnd(src, 0) === src.length) src = src.slice(3, -1);
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(src.slice(from, i));
      from = i + 1;
    }
  }
  if (depth !== 0 || inClass) return null;
  out.push(src.slice(from));
  return out;
}

/** More spelled-out words than this for one alternative: it is tried as a regex instead. */
const MAX_WORDS = 64;

/**
 * The words a pattern made of literal characters, (?:…) groups, | and greedy ? matches, in the order
 * the regex tries them (「(?:様)?名」 → 様名, 名), or null when it uses anything else. A regex tries
 * X?Y as XY, then Y, and (?:A|B)C as AC, then BC: the words in that order match exactly where it does.
 */
export function plainWords(source: string): string[] | null {
  return perAlternative(source, (alt) => {
    const lead = leadingWords(alt);
    return lead !== null && lead.end === alt.length ? lead.words : null;
  });
}

/**
 * The words (as plainWords) of the longest beginning of one alternative that is plain, and where that
 * beginning ends. Every match of the alternative starts with one of the words. null: too many words.
 */
function leadingWords(alt: string): { words: string[]; end: number } | null {
  let words = [''];
  let i = 0;
  while (i < alt.length) {
    let atom: string[] | null;
    let j: number;
    if (alt.startsWith('(?:', i)) {
      j = groupEnd(alt, i);
      atom = plainWords(alt.slice(i + 3, j - 1));
    } else {
      atom = SPECIAL.has(alt[i]!) ? null : [alt[i]!];
      j = i + 1;
    }
    if (atom === null) break;
    const q = alt[j];
    if (q === '*' || q === '+' || q === '{' || (q === '?' && alt[j + 1] === '?')) break;
    if (q === '?') {
      atom = [...atom, ''];
      j++;
    }
    const next: string[] = [];
    for (const w of words) for (const a of atom) next.push(w + a);
    if (next.length > MAX_WORDS) return null;
    words = next;
    i = j;
  }
  return { words, end: i };
}

/** One way a pattern can match: a plain word, or a sticky regex (an alternative, or the whole pattern). */
interface Alt {
  pattern: number;
  word: string | null;
  re: RegExp | null;
  /** rank in pattern order, then alternative order */
  rank: number;
}

export interface Scanner {
  patterns: RegExp[];
  /** character code → index into `lists` of the alternatives whose known beginning is that one
   * character (0: none) */
  firstList: Uint16Array;
  /** The first two characters of the longer beginnings, in a hash table without collisions (its
   * multiplier is found when the scanner is made), so that one lookup rules out most positions:
   * slot → the pair's key (pairKey) and the index into `lists` of the alternatives that begin with the
   * pair or with its first character alone (0: an empty slot) */
  pairKeys: Int32Array;
  pairLists: Uint16Array;
  /** bit set of the characters some known beginning starts with (8 KB, where firstList is 128 KB: most
   * characters start none, and this answers for them from the processor's nearest cache) */
  starts: Int32Array;
  /** the slot of a key is Math.imul(key, mul) >>> shift */
  mul: number;
  shift: number;
  /** alternative lists in rank order; lists[0] is empty */
  lists: Alt[][];
  /** patterns whose beginnings are unknown: searched as usual, with these global copies */
  searched: number[];
  global: RegExp[];
}

function pairKey(first: number, second: number): number {
  return (first << 16) | second;
}

/**
 * A multiplier and table size for which the keys' slots (Math.imul(key, mul) >>> (32 - bits)) all
 * differ. With n keys in 32n to 64n slots a multiplier does with a chance of at least about e^(-n/64)
 * (3% for 200 keys), so tens of them are tried; failing that, a larger table.
 */
function perfectHash(keys: number[]): { mul: number; bits: number } {
  for (let bits = Math.ceil(Math.log2(keys.length + 1)) + 5; ; bits++) {
    for (let t = 0; t < 200; t++) {
      // (odd multipliers: the top bits of key × mul depend on all of the key's bits)
      const mul = (0x9e3779b1 + Math.imul(t, 0x6a09e66e)) | 1;
      if (slotsDiffer(keys, mul, bits)) return { mul, bits };
    }
  }
}

function slotsDiffer(keys: number[], mul: number, bits: number): boolean {
  const used = new Uint8Array(1 << bits);
  for (const k of keys) {
    const h = Math.imul(k, mul) >>> (32 - bits);
    if (used[h] === 1) return false;
    used[h] = 1;
  }
  return true;
}

const BACKREFERENCE = /\\[1-9]|\\k</;

/** The alternatives of pattern `i` with the beginnings they are found by, or null when some have none. */
function altsOf(re: RegExp, i: number, rank: () => number): { alt: Alt; prefixes: string[] }[] | null {
  if (/[iuv]/.test(re.flags)) return null;
  const flags = re.flags.replace(/[gy]/g, '') + 'y';
  const whole = (): { alt: Alt; prefixes: string[] }[] | null => {
    const prefixes = literalPrefixesOf(re.source);
    return prefixes && [{ alt: { pattern: i, word: null, re: new RegExp(re.source, flags), rank: rank() }, prefixes }];
  };
  // (on its own, an alternative's groups are numbered differently)
  const alts = BACKREFERENCE.test(re.source) ? null : topLevelAlternatives(re.source);
  if (alts === null) return whole();
  const out: { alt: Alt; prefixes: string[] }[] = [];
  for (const source of alts) {
    const words = plainWords(source);
    if (words !== null && !words.includes('')) {
      for (const word of words) out.push({ alt: { pattern: i, word, re: null, rank: rank() }, prefixes: [word] });
      continue;
    }
    // known beginnings: the plain words it starts with (個人番号(?!カードの) → 個人番号), else as read
    // off its source
    const lead = leadingWords(source);
    const prefixes = lead !== null && !lead.words.includes('') ? lead.words : prefixesOfAlternative(source);
    if (prefixes === null) return null;
    out.push({ alt: { pattern: i, word: null, re: new RegExp(`(?:${source})`, flags), rank: rank() }, prefixes });
  }
  return out;
}

export function scannerOf(patterns: RegExp[]): Scanner {
  const single = new Map<number, Set<Alt>>(); // first character → alternatives
  const pairs = new Map<number, Map<number, Set<Alt>>>(); // first → second → alternatives
  const searched: number[] = [];
  let nextRank = 0;
  patterns.forEach((re, i) => {
    const alts = altsOf(re, i, () => nextRank++);
    if (alts === null) {
      searched.push(i);
      return;
    }
    for (const { alt, prefixes } of alts) {
      for (const p of prefixes) {
        const first = p.charCodeAt(0);
        let set: Set<Alt> | undefined;
        if (p.length === 1) {
          set = single.get(first);
          if (!set) single.set(first, (set = new Set()));
        } else {
          let seconds = pairs.get(first);
          if (!seconds) pairs.set(first, (seconds = new Map()));
          const second = p.charCodeAt(1);
          set = seconds.get(second);
          if (!set) seconds.set(second, (set = new Set()));
        }
        set.add(alt);
      }
    }
  });
  const lists: Alt[][] = [[]];
  const listOf = (alts: Iterable<Alt>): number => {
    lists.push([...new Set(alts)].sort((a, b) => a.rank - b.rank));
    if (lists.length > 0xffff) throw new Error('too many alternative lists');
    return lists.length - 1;
  };
  const keyed: { key: number; alts: Alt[] }[] = [];
  for (const [first, seconds] of pairs) {
    for (const [second, alts] of seconds) keyed.push({ key: pairKey(first, second), alts: [...alts, ...(single.get(first) ?? [])] });
  }
  const { mul, bits } = perfectHash(keyed.map((k) => k.key));
  const sc: Scanner = {
    patterns,
    firstList: new Uint16Array(0x10000),
    pairKeys: new Int32Array(1 << bits),
    pairLists: new Uint16Array(1 << bits),
    starts: new Int32Array(0x10000 >> 5),
    mul,
    shift: 32 - bits,
    lists,
    searched,
    global: patterns.map((re) => new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g')),
  };
  for (const first of [...single.keys(), ...pairs.keys()]) sc.starts[first >> 5] |= 1 << (first & 31);
  for (const [first, alts] of single) sc.firstList[first] = listOf(alts);
  for (const { key, alts } of keyed) {
    const h = Math.imul(key, mul) >>> sc.shift;
    sc.pairKeys[h] = key;
    sc.pairLists[h] = listOf(alts);
  }
  return sc;
}

/**
 * Index into sc.lists of the alternatives that may match where the characters `first`, `second` are
 * (0 past the end), or 0 when none can. (An empty slot holds key 0 and list 0: it gives the one
 * character's list, as a missing pair does.)
 */
function listAt(sc: Scanner, first: number, second: number): number {
  if ((sc.starts[first >> 5]! & (1 << (first & 31))) === 0) return 0;
  const key = pairKey(first, second);
  const h = Math.imul(key, sc.mul) >>> sc.shift;
  const pair = sc.pairKeys[h] === key ? sc.pairLists[h]! : 0;
  return pair !== 0 ? pair : sc.firstList[first]!;
}

/** listAt for the characters at pos and after it in text. */
function listAtPos(sc: Scanner, text: string, pos: number): number {
  return listAt(sc, text.charCodeAt(pos), pos + 1 < text.length ? text.charCodeAt(pos + 1) : 0);
}

/**
 * text.startsWith(word, pos) without the call. The list the word came from was found by its first two
 * characters (a one-character word's list by that character), so they are not compared again.
 */
function wordAt(text: string, pos: number, word: string): boolean {
  const n = word.length;
  if (pos + n > text.length) return false;
  for (let j = 2; j < n; j++) if (text.charCodeAt(pos + j) !== word.charCodeAt(j)) return false;
  return true;
}

/** Where the alternative's match at pos ends, or -1 (a regex is only tested: no match array is made). */
function matchEnd(alt: Alt, text: string, pos: number): number {
  if (alt.word !== null) return wordAt(text, pos, alt.word) ? pos + alt.word.length : -1;
  const re = alt.re!;
  re.lastIndex = pos;
  return re.test(text) ? re.lastIndex : -1;
}

// shared by every pattern without matches, never pushed to (an array per pattern and text would be
// most of what a scan allocates). Not frozen: loops over a frozen array are not optimized as well.
const NO_MATCHES: readonly TermMatch[] = [];

/** Every match of each pattern, by position (read-only: patterns without matches share one array). */
export function scanAll(sc: Scanner, text: string): (readonly TermMatch[])[] {
  return scanRanges(sc, text, [{ start: 0, end: text.length }]);
}

export interface Range {
  start: number;
  end: number;
}

// scanRanges' per-pattern positions, reused: a typed array of more than 64 bytes lives outside the JS heap
// and cost microseconds to make per call. (scanRanges calls nothing that could call it again.)
let NEXT = new Int32Array(0);

/**
 * The matches of scanAll that start inside one of `ranges` (ascending, disjoint), without reading the
 * positions between them. Exact when no match of a pattern can start before a range and reach into it:
 * for patterns that never match a line end, ranges that start at a line start (or on a line end).
 * (data-items leaves out the sections it skips anyway.)
 */
export function scanRanges(sc: Scanner, text: string, ranges: readonly Range[]): (readonly TermMatch[])[] {
  const out: (readonly TermMatch[])[] = new Array<readonly TermMatch[]>(sc.patterns.length).fill(NO_MATCHES);
  // where each pattern's search goes on (one array reused by every call: see NEXT)
  if (NEXT.length < sc.patterns.length) NEXT = new Int32Array(sc.patterns.length);
  else NEXT.fill(0, 0, sc.patterns.length);
  const next = NEXT;
  for (const r of ranges) scanRange(sc, text, r.start, Math.min(r.end, text.length), out, next);
  for (const i of sc.searched) {
    const re = sc.global[i]!;
    re.lastIndex = 0;
    let k = 0; // the first range that does not end before the match
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      while (k < ranges.length && ranges[k]!.end <= m.index) k++;
      if (k < ranges.length && m.index >= ranges[k]!.start) record(out, i, { start: m.index, end: m.index + m[0].length, word: m[0] });
    }
  }
  return out;
}

/** Adds the matches of the indexed alternatives that start in [from, to). */
function scanRange(sc: Scanner, text: string, from: number, to: number, out: (readonly TermMatch[])[], next: Int32Array): void {
  const len = text.length;
  // (each character is read once: `second` becomes the next position's `first`; 0 past the end)
  let second = from < len ? text.charCodeAt(from) : 0;
  for (let pos = from; pos < to; pos++) {
    const first = second;
    second = pos + 1 < len ? text.charCodeAt(pos + 1) : 0;
    const li = listAt(sc, first, second);
    if (li === 0) continue;
    const list = sc.lists[li]!;
    for (let k = 0; k < list.length; k++) {
      const alt = list[k]!;
      const i = alt.pattern;
      if (pos < next[i]!) continue;
      const end = matchEnd(alt, text, pos);
      if (end < 0) continue;
      record(out, i, { start: pos, end, word: alt.word ?? text.slice(pos, end) });
      next[i] = end;
    }
  }
}

/** Adds a match of pattern i. */
function record(out: (readonly TermMatch[])[], i: number, m: TermMatch): void {
  const list = out[i]!;
  if (list === NO_MATCHES) out[i] = [m];
  else (list as TermMatch[]).push(m);
}

/**
 * Where each pattern first matches (what text.search(pattern) gives) into `firsts`, by one pass over the
 * text for them all, which stops once each has been found: cheaper than a firstMatch per pattern when the
 * same text is looked through for several.
 */
export function firstMatches(sc: Scanner, text: string, firsts: Int32Array): void {
  firsts.fill(-1);
  let missing = sc.patterns.length - sc.searched.length;
  for (const i of sc.searched) {
    const re = sc.global[i]!;
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m !== null) firsts[i] = m.index;
  }
  for (let pos = 0; pos < text.length && missing > 0; pos++) {
    const li = listAtPos(sc, text, pos);
    if (li === 0) continue;
    const list = sc.lists[li]!;
    for (let k = 0; k < list.length; k++) {
      const alt = list[k]!;
      if (firsts[alt.pattern] === -1 && matchEnd(alt, text, pos) >= 0) {
        firsts[alt.pattern] = pos;
        missing--;
      }
    }
  }
}

/** Where the first match of any of the scanner's patterns starts, or -1 (what text.search of their union gives). */
export function firstMatch(sc: Scanner, text: string): number {
  let found = -1;
  for (const i of sc.searched) {
    const re = sc.global[i]!;
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m !== null && (found < 0 || m.index < found)) found = m.index;
  }
  const end = found < 0 ? text.length : found;
  for (let pos = 0; pos < end; pos++) {
    const li = listAtPos(sc, text, pos);
    if (li === 0) continue;
    const list = sc.lists[li]!;
    for (let k = 0; k < list.length; k++) if (matchEnd(list[k]!, text, pos) >= 0) return pos;
  }
  return found;
}
