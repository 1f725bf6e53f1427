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

export function clausesOf(text: string): Clause[] {
  const out: Clause[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let nl = text.indexOf('\n', lineStart);
    if (nl < 0) nl = text.length;
    const line = text.slice(lineStart, nl);
    const cuts = new Set<number>([0, line.length]);
    CUT_AFTER.lastIndex = 0;
    for (let m = CUT_AFTER.exec(line); m !== null; m = CUT_AFTER.exec(line)) cuts.add(m.index + m[0].length);
    CUT_BEFORE.lastIndex = 0;
    for (let m = CUT_BEFORE.exec(line); m !== null; m = CUT_BEFORE.exec(line)) cuts.add(m.index);
    NEG_ASIDE.lastIndex = 0;
    for (let m = NEG_ASIDE.exec(line); m !== null; m = NEG_ASIDE.exec(line)) {
      cuts.add(m.index);
      cuts.add(m.index + m[0].length);
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < sorted.length; i++) {
      let s = sorted[i]!;
      const e = sorted[i + 1]!;
      // very long runs without punctuation are cut into bounded pieces
      while (e - s > MAX_CLAUSE) {
        out.push({ start: lineStart + s, end: lineStart + s + MAX_CLAUSE });
        s += MAX_CLAUSE;
      }
      if (line.slice(s, e).trim().length > 0) out.push({ start: lineStart + s, end: lineStart + e });
    }
    lineStart = nl + 1;
  }
  return out;
}
