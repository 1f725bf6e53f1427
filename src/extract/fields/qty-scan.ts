// Finding every match of several word-list patterns in one pass over a text.
// A regex search for a long alternation of words tests every position of the text against every
// alternative (V8 cannot skip ahead when the words start with dozens of different characters). Instead
// one loop over the text looks up, per position, which patterns have a word starting with the character
// (or the two characters) there, and tries only those patterns (sticky) at that position. A sticky match
// at the first position a search could match is exactly the match the search returns, and each pattern
// goes on after its own last match, so the matches are the same as one global search per pattern.

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
  const alts = topLevelAlternatives(source);
  if (alts === null) return null;
  const out: string[] = [];
  for (const alt of alts) {
    const prefixes = prefixesOfAlternative(alt);
    if (prefixes === null) return null;
    out.push(...prefixes);
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

export interface Scanner {
  patterns: RegExp[];
  /** sticky copies of the patterns, for matching at a given position */
  sticky: RegExp[];
  /** character code → bit set of the patterns with a word whose known beginning is that one character */
  byFirst: Uint32Array;
  /** character code → where its second characters start in pairSecond/pairBits, and how many there are
   * (a flat table: a Map lookup per position costs more than the whole rest of the loop) */
  pairFrom: Uint32Array;
  pairCount: Uint8Array;
  pairSecond: Uint16Array;
  /** bit set of the patterns with a word beginning with the first and that second character */
  pairBits: Uint32Array;
  /** patterns whose beginnings are unknown: searched as usual, with these global copies */
  searched: number[];
  global: RegExp[];
}

export function scannerOf(patterns: RegExp[]): Scanner {
  if (patterns.length > 32) throw new Error('at most 32 patterns per scanner');
  const byFirst = new Uint32Array(0x10000);
  const pairs = new Map<number, Map<number, number>>(); // first → second → bit set
  const searched: number[] = [];
  patterns.forEach((re, i) => {
    const prefixes = re.flags.includes('i') || re.flags.includes('u') ? null : literalPrefixesOf(re.source);
    if (prefixes === null) {
      searched.push(i);
      return;
    }
    for (const p of prefixes) {
      const first = p.charCodeAt(0);
      if (p.length === 1) {
        byFirst[first]! |= 1 << i;
      } else {
        let seconds = pairs.get(first);
        if (!seconds) pairs.set(first, (seconds = new Map()));
        const second = p.charCodeAt(1);
        seconds.set(second, (seconds.get(second) ?? 0) | (1 << i));
      }
    }
  });
  const size = [...pairs.values()].reduce((n, m) => n + m.size, 0);
  const sc: Scanner = {
    patterns,
    sticky: patterns.map((re) => new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'y')),
    byFirst,
    pairFrom: new Uint32Array(0x10000),
    pairCount: new Uint8Array(0x10000),
    pairSecond: new Uint16Array(size),
    pairBits: new Uint32Array(size),
    searched,
    global: patterns.map((re) => new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g')),
  };
  let at = 0;
  for (const [first, seconds] of pairs) {
    if (seconds.size > 255) throw new Error('too many second characters');
    sc.pairFrom[first] = at;
    sc.pairCount[first] = seconds.size;
    for (const [second, bits] of seconds) {
      sc.pairSecond[at] = second;
      sc.pairBits[at] = bits;
      at++;
    }
  }
  return sc;
}

/** Bit set of the patterns that may match at `pos`. */
function candidatesAt(sc: Scanner, text: string, pos: number): number {
  const first = text.charCodeAt(pos);
  let bits = sc.byFirst[first]!;
  const n = sc.pairCount[first]!;
  if (n > 0) {
    const second = text.charCodeAt(pos + 1);
    const from = sc.pairFrom[first]!;
    for (let k = from; k < from + n; k++) {
      if (sc.pairSecond[k] === second) {
        bits |= sc.pairBits[k]!;
        break; // (each second character is listed once per first character)
      }
    }
  }
  return bits;
}

export function scanAll(sc: Scanner, text: string): TermMatch[][] {
  const out: TermMatch[][] = sc.patterns.map(() => []);
  const next = new Array<number>(sc.patterns.length).fill(0); // where each pattern's search goes on
  for (let pos = 0; pos < text.length; pos++) {
    let bits = candidatesAt(sc, text, pos);
    while (bits !== 0) {
      const i = 31 - Math.clz32(bits & -bits);
      bits &= bits - 1;
      if (pos < next[i]!) continue;
      const re = sc.sticky[i]!;
      re.lastIndex = pos;
      const m = re.exec(text);
      if (m === null) continue;
      out[i]!.push({ start: pos, end: pos + m[0].length, word: m[0] });
      next[i] = pos + m[0].length;
    }
  }
  for (const i of sc.searched) {
    const re = sc.global[i]!;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      out[i]!.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
    }
  }
  return out;
}

