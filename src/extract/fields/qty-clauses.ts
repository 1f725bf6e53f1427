// Clauses: lines cut into sentences at 。 and sentences cut where a contrast or an aside starts
// (「…流出しましたが、カード情報は含まれておりません」「なお、…」「※…」), so that a negation only
// covers the words it is about.
import { isBlank } from '../../text/index.js';
import type { Line } from '../context.js';
import type { TermMatch } from './qty-scan.js';

export interface Clause {
  start: number;
  end: number;
}

const MAX_CLAUSE = 400;
// cut after these: the clause before them is complete
const CUT_AFTER = /(?:ましたが|ますが|ですが|でしたが|ものの|ておりますが|ておらず|ず)、|(?:ましたが|ますが|ですが|でしたが|ものの)|。/g;
// an aside in brackets that denies something: 「氏名、住所(クレジットカード情報は含まれておりません)」
const NEG_ASIDE = /[(（][^()（）\n]{0,120}?(?:ません|ず|ない)[^()（）\n]{0,20}[)）]/g;
// cut before these: they open a new clause
const CUT_BEFORE = /(?:なお、|ただし、|※|但し、)/g;

/** The patterns clauses are cut at, for a scanner (qty-scan) that finds their matches with others. */
export const CUT_PATTERNS: RegExp[] = [CUT_AFTER, CUT_BEFORE, NEG_ASIDE];

/**
 * Every cut position in the text, ascending (duplicates possible), from the matches of each of
 * CUT_PATTERNS over the whole text. No cut pattern matches across a line end, so the cuts are exactly
 * those a search of each line would find, without a copy of every line.
 */
function cutPositions(after: readonly TermMatch[], before: readonly TermMatch[], asides: readonly TermMatch[]): number[] {
  const a: number[] = after.map((m) => m.end);
  const b: number[] = before.map((m) => m.start);
  const c: number[] = [];
  for (const m of asides) c.push(m.start, m.end);
  return mergeSorted(mergeSorted(a, b), c);
}

/** The numbers of two ascending lists, ascending. */
function mergeSorted(a: number[], b: number[]): number[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Adds the clause [s, e) of a line: long runs without punctuation are cut into bounded pieces. */
function pushClause(out: Clause[], text: string, s: number, e: number): void {
  while (e - s > MAX_CLAUSE) {
    out.push({ start: s, end: s + MAX_CLAUSE });
    s += MAX_CLAUSE;
  }
  if (!isBlank(text, s, e)) out.push({ start: s, end: e });
}

/**
 * The clauses of the text, given its lines (as ExtractContext's) and the matches of each of CUT_PATTERNS
 * in it (as qty-scan's scanAll returns them).
 */
export function clausesFromCuts(text: string, lines: readonly Line[], cutMatches: (readonly TermMatch[])[]): Clause[] {
  const out: Clause[] = [];
  const cuts = cutPositions(cutMatches[0]!, cutMatches[1]!, cutMatches[2]!);
  let k = 0;
  for (const line of lines) {
    const nl = line.end;
    let s = line.start;
    for (; k < cuts.length && cuts[k]! <= nl; k++) {
      const c = cuts[k]!;
      if (c <= s) continue; // a cut at the line start or a repeated one
      pushClause(out, text, s, c);
      s = c;
    }
    if (nl > s) pushClause(out, text, s, nl);
  }
  return out;
}
