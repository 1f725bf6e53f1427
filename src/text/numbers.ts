// Japanese numbers with their positions: 3,775 / 25万4241 / 約四十六万 / 1万2千 / 千 / 〇 / 億.
// Input is expected NFKC'd (full-width digits and commas already folded to ASCII).

const KANJI_DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 億: 1e8, 兆: 1e12 };

const NUM_CHAR = /[0-9〇零一二三四五六七八九十百千万億兆]/;
/** one maximal run of number characters; commas only between digits; a space only before 万/億/兆 (PDF text:
 * 596 万); a decimal point only in 1.2万 */
const NUM_RUN = /[0-9〇零一二三四五六七八九十百千万億兆](?:[0-9〇零一二三四五六七八九十百千万億兆]|,(?=[0-9]{3})| (?=[万億兆])|\.(?=[0-9]{1,3}[万億兆]))*/g;

/** Longest input a number run may have; longer runs are not quantities (bounds the work per run). */
const MAX_RUN = 24;

/**
 * Parses a Japanese number written with Arabic digits, kanji numerals or a mix
 * ("25万4241", "四十六万", "1万2千", "3,775", "二〇二四"). Returns null when it is not a number.
 */
export function parseJapaneseNumber(raw: string): number | null {
  const s = raw.replace(/[, ]/g, '');
  if (s.length === 0 || s.length > MAX_RUN) return null;
  // a decimal before a large unit: 1.2万 = 12,000
  const dec = /^([0-9]+\.[0-9]{1,3})([万億兆])$/.exec(s);
  if (dec) return Math.round(Number(dec[1]) * BIG_UNIT[dec[2]!]!);
  let total = 0; // sum of parts already closed by 万/億/兆
  let section = 0; // part below 万
  let current: number | null = null; // digits read but not yet multiplied
  let arabic = false; // current was written with Arabic digits
  for (const ch of s) {
    if (ch >= '0' && ch <= '9') {
      const d = ch.charCodeAt(0) - 48;
      current = arabic && current !== null ? current * 10 + d : d;
      arabic = true;
    } else if (ch in KANJI_DIGIT) {
      const d = KANJI_DIGIT[ch]!;
      // consecutive kanji digits are positional (二〇二四)
      current = !arabic && current !== null ? current * 10 + d : d;
      arabic = false;
    } else if (ch in SMALL_UNIT) {
      section += (current ?? 1) * SMALL_UNIT[ch]!;
      current = null;
      arabic = false;
    } else if (ch in BIG_UNIT) {
      const part = section + (current ?? 0);
      if (part === 0 && total === 0 && current === null) return null; // 万 on its own (万一, 万全)
      total += (part === 0 ? 1 : part) * BIG_UNIT[ch]!;
      section = 0;
      current = null;
      arabic = false;
    } else {
      return null;
    }
  }
  const value = total + section + (current ?? 0);
  return Number.isSafeInteger(value) ? value : null;
}

export interface NumberMatch {
  value: number;
  /** offsets of the number run in the searched text */
  start: number;
  end: number;
  raw: string;
  /** written with kanji numerals only (四十六万), not with Arabic digits */
  kanjiOnly: boolean;
}

/** Every number in `text` with its offsets. Runs that are not numbers (万一, a lone 一 in 一部) are skipped. */
export function findNumbers(text: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  NUM_RUN.lastIndex = 0;
  for (let m = NUM_RUN.exec(text); m !== null; m = NUM_RUN.exec(text)) {
    const raw = m[0];
    if (raw.length > MAX_RUN) continue;
    const kanjiOnly = !/[0-9]/.test(raw);
    // a single kanji like 一 (一部, 一人ひとり) or 十 (十分) is almost never a quantity in a notice
    if (kanjiOnly && raw.length === 1) continue;
    if (/^[万億兆]/.test(raw)) continue;
    const value = parseJapaneseNumber(raw);
    if (value === null) continue;
    out.push({ value, start: m.index, end: m.index + raw.length, raw, kanjiOnly });
  }
  return out;
}


export interface Quantity extends NumberMatch {
  /** the counter word after the number (件, 名, 人, 人分, 通, 台, ...), '' when none */
  unit: string;
  /** 約/およそ/最大/以上/程度/超/余 mark the figure as approximate */
  approx: boolean;
  /** span of the whole expression including prefix and suffix words */
  exprStart: number;
  exprEnd: number;
}

const APPROX_BEFORE = /(?:約|およそ|凡そ|概ね|おおむね|最大|最大で|最大約|推定|延べ約)\s*$/;
const APPROX_AFTER = /^(?:以上|程度|超|超え|余り|余|強|前後|ほど|あまり)/;
const UNIT_AFTER = /^(?:人分|名分|件分|件|名|人|通|台|回|社|団体|個|枚|本|冊|箇所|か所|ヶ所|サイト|アカウント|世帯|校|店舗|ID)/;

/** Numbers followed by a counter word, with 約/以上-style approximation marks around them. */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const n of findNumbers(text)) {
    let pos = n.end;
    while (text[pos] === ' ') pos++;
    const after = text.slice(pos, pos + 8);
    const u = UNIT_AFTER.exec(after);
    if (!u) continue;
    // 名分 is written for people too; keep the unit as the record spells it
    const unit = u[0] === '名分' ? '名' : u[0] === '件分' ? '件' : u[0];
    let exprEnd = pos + u[0].length;
    const before = text.slice(Math.max(0, n.start - 8), n.start);
    const ab = APPROX_BEFORE.exec(before);
    const aa = APPROX_AFTER.exec(text.slice(exprEnd, exprEnd + 4));
    // 「1,000件を超える」 also reads as approximate
    const over = /^(?:を超え|を上回|超の)/.test(text.slice(exprEnd, exprEnd + 4));
    if (aa) exprEnd += aa[0].length;
    out.push({
      ...n,
      unit,
      approx: Boolean(ab || aa || over),
      exprStart: ab ? n.start - ab[0].length : n.start,
      exprEnd,
    });
  }
  return out;
}

/** True when `ch` can be part of a number run (used by callers that scan by hand). */
export function isNumberChar(ch: string): boolean {
  return NUM_CHAR.test(ch);
}
