// Clauses: lines cut into sentences at 。 and sentences cut where a contrast or an aside starts
// (「…流出しましたが、カード情報は含まれておりません」「なお、…」「※…」), so that a negation only
// covers the words it is about.
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

/**
 * Every cut position in the text, ascending (duplicates possible). No cut pattern matches across a line
 * end, so one search of the whole text finds exactly the cuts a search of each line would, without a
 * copy of every line.
 */
function cutPositions(text: string): number[] {
  const cuts: number[] = [];
  CUT_AFTER.lastIndex = 0;
  for (let m = CUT_AFTER.exec(text); m !== null; m = CUT_AFTER.exec(text)) cuts.push(m.index + m[0].length);
  CUT_BEFORE.lastIndex = 0;
  for (let m = CUT_BEFORE.exec(text); m !== null; m = CUT_BEFORE.exec(text)) cuts.push(m.index);
  NEG_ASIDE.lastIndex = 0;
  for (let m = NEG_ASIDE.exec(text); m !== null; m = NEG_ASIDE.exec(text)) cuts.push(m.index, m.index + m[0].length);
  return cuts.sort((a, b) => a - b);
}

const WHITE = /\s/; // the characters String.prototype.trim removes

function hasNonSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!WHITE.test(text[i]!)) return true;
  return false;
}

/** Adds the clause [s, e) of a line: long runs without punctuation are cut into bounded pieces. */
function pushClause(out: Clause[], text: string, s: number, e: number): void {
  while (e - s > MAX_CLAUSE) {
    out.push({ start: s, end: s + MAX_CLAUSE });
    s += MAX_CLAUSE;
  }
  if (hasNonSpace(text, s, e)) out.push({ start: s, end: e });
}

export function clausesOf(text: string): Clause[] {
  const out: Clause[] = [];
  const cuts = cutPositions(text);
  let k = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let nl = text.indexOf('\n', lineStart);
    if (nl < 0) nl = text.length;
    let s = lineStart;
    for (; k < cuts.length && cuts[k]! <= nl; k++) {
      const c = cuts[k]!;
      if (c <= s) continue; // a cut at the line start or a repeated one
      pushClause(out, text, s, c);
      s = c;
    }
    if (nl > s) pushClause(out, text, s, nl);
    lineStart = nl + 1;
  }
  return out;
}
