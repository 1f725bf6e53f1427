// Japanese numbers with their positions: 3,775 / 25万4241 / 約四十六万 / 1万2千 / 千 / 〇 / 億.
// Input is expected NFKC'd (full-width digits and commas already folded to ASCII).

const KANJI_DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 億: 1e8, 兆: 1e12 };

const NUM_CHAR = /[0-9〇零一二三四五六七八九十百千万億兆]/;

// A number run is one maximal run of number characters; commas only between digits; a space only before
// 万/億/兆 (PDF text: 596 万); a decimal point only in 1.2万. As a regex:
//   [0-9〇…兆](?:[0-9〇…兆]|,(?=[0-9]{3})| (?=[万億兆])|\.(?=[0-9]{1,3}[万億兆]))*
// Runs are found by hand with lookup tables: a regex search for a class of scattered kanji tests every
// character against the class, several times slower than these loops.
const IS_NUM_CHAR = new Uint8Array(0x10000);
for (const ch of '0123456789〇零一二三四五六七八九十百千万億兆') IS_NUM_CHAR[ch.charCodeAt(0)] = 1;

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function isBigUnitAt(text: string, i: number): boolean {
  const ch = text[i];
  return ch === '万' || ch === '億' || ch === '兆';
}

/** Offset of the next number run at or after `from`, or -1. */
function nextRunStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (IS_NUM_CHAR[text.charCodeAt(i)] === 1) return i;
  return -1;
}

/** Whether the character at `i` continues a number run (see the regex above). */
function continuesRun(text: string, i: number): boolean {
  if (IS_NUM_CHAR[text.charCodeAt(i)] === 1) return true;
  switch (text[i]) {
    case ',': // ,(?=[0-9]{3})
      return isDigitAt(text, i + 1) && isDigitAt(text, i + 2) && isDigitAt(text, i + 3);
    case ' ': // ' '(?=[万億兆])
      return isBigUnitAt(text, i + 1);
    case '.': {
      // \.(?=[0-9]{1,3}[万億兆]): one to three digits, then the unit
      let d = 0;
      while (d < 3 && isDigitAt(text, i + 1 + d)) d++;
      return d > 0 && isBigUnitAt(text, i + 1 + d);
    }
    default:
      return false;
  }
}

/** End of the number run starting at `start` (a number character). */
function runEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && continuesRun(text, i)) i++;
  return i;
}

/** Longest input a number run may have; longer runs are not quantities (bounds the work per run). */
const MAX_RUN = 24;
const DECIMAL = /^([0-9]+\.[0-9]{1,3})([万億兆])$/;

/**
 * Parses a Japanese number written with Arabic digits, kanji numerals or a mix
 * ("25万4241", "四十六万", "1万2千", "3,775", "二〇二四"). Returns null when it is not a number.
 */
export function parseJapaneseNumber(raw: string): number | null {
  const s = raw.includes(',') || raw.includes(' ') ? raw.replace(/[, ]/g, '') : raw;
  if (s.length === 0 || s.length > MAX_RUN) return null;
  // a decimal before a large unit: 1.2万 = 12,000
  const dec = s.includes('.') ? DECIMAL.exec(s) : null;
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
  for (let start = nextRunStart(text, 0); start >= 0; ) {
    const end = runEnd(text, start);
    const n = numberOfRun(text.slice(start, end), start);
    if (n) out.push(n);
    start = nextRunStart(text, end);
  }
  return out;
}

const HAS_DIGIT = /[0-9]/;

/** The number the run `raw` at `start` stands for, or null when the run is not a number. */
function numberOfRun(raw: string, start: number): NumberMatch | null {
  if (raw.length > MAX_RUN) return null;
  const kanjiOnly = !HAS_DIGIT.test(raw);
  // a single kanji like 一 (一部, 一人ひとり) or 十 (十分) is almost never a quantity in a notice
  if (kanjiOnly && raw.length === 1) return null;
  if (raw[0] === '万' || raw[0] === '億' || raw[0] === '兆') return null;
  const value = parseJapaneseNumber(raw);
  if (value === null) return null;
  return { value, start, end: start + raw.length, raw, kanjiOnly };
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
// The words after a figure are matched in place (sticky) rather than on a copy of the next few
// characters: every alternative is shorter than the copies were, so the matches are the same.
const APPROX_AFTER = /(?:以上|程度|超|超え|余り|余|強|前後|ほど|あまり)/y;
const OVER_AFTER = /(?:を超え|を上回|超の)/y;
const UNIT_AFTER = /(?:人分|名分|件分|件|名|人|通|台|回|社|団体|個|枚|本|冊|箇所|か所|ヶ所|サイト|アカウント|世帯|校|店舗|ID)/y;

// first characters of UNIT_AFTER's words: most runs are followed by none of them
const IS_UNIT_START = new Uint8Array(0x10000);
for (const ch of '人名件通台回社団個枚本冊箇かヶサアI世校店') IS_UNIT_START[ch.charCodeAt(0)] = 1;

/** Where a match of the sticky `re` at `pos` ends, or -1 (test, not exec: no match array is made). */
function matchEnd(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  return re.test(text) ? re.lastIndex : -1;
}

/** Numbers followed by a counter word, with 約/以上-style approximation marks around them. */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (let start = nextRunStart(text, 0); start >= 0; ) {
    const runStart = start;
    const end = runEnd(text, runStart);
    start = nextRunStart(text, end);
    let pos = end;
    while (text[pos] === ' ') pos++;
    const q = quantityOf(text, runStart, end, pos);
    if (q) out.push(q);
  }
  return out;
}

/**
 * The quantities of findQuantities whose counter word starts with one of `firsts` (distinct
 * characters that begin counter words). Found from those characters (indexOf) rather than by reading
 * every character of the text: much cheaper when they are few.
 */
export function findQuantitiesOf(text: string, firsts: readonly string[]): Quantity[] {
  const out: Quantity[] = [];
  const at = firsts.map((ch) => text.indexOf(ch)); // next occurrence of each, -1 past the last
  for (;;) {
    let k = -1;
    for (let i = 0; i < at.length; i++) if (at[i]! >= 0 && (k < 0 || at[i]! < at[k]!)) k = i;
    if (k < 0) return out;
    const pos = at[k]!;
    at[k] = text.indexOf(firsts[k]!, pos + 1);
    // the number run, if any, that ends right before the counter word (spaces between allowed)
    let end = pos;
    while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
    if (end === 0 || IS_NUM_CHAR[text.charCodeAt(end - 1)] !== 1) continue;
    const q = quantityOf(text, runStartOf(text, end - 1), end, pos);
    if (q) out.push(q);
  }
}

/**
 * Where the number run holding the number character at `i` starts, as findQuantities' scan splits
 * the text: at the first number character after the last character before `i` that continues no run
 * (a run cannot reach over that one, nor start on a ',', ' ' or '.').
 */
function runStartOf(text: string, i: number): number {
  let j = i;
  while (j > 0 && continuesRun(text, j - 1)) j--;
  return nextRunStart(text, j);
}

/** The quantity of the number run [runStart, end) with its counter word at `pos`, or null. */
function quantityOf(text: string, runStart: number, end: number, pos: number): Quantity | null {
  // most runs have no counter word after them: check that before parsing the number
  const unitEnd = IS_UNIT_START[text.charCodeAt(pos)] === 1 ? matchEnd(UNIT_AFTER, text, pos) : -1;
  if (unitEnd < 0) return null;
  const n = numberOfRun(text.slice(runStart, end), runStart);
  if (!n) return null;
  const u = text.slice(pos, unitEnd);
  // 名分 is written for people too; keep the unit as the record spells it
  const unit = u === '名分' ? '名' : u === '件分' ? '件' : u;
  // (search, not exec: the match runs to the window's end, so where it starts tells it all)
  const from = Math.max(0, n.start - 8);
  const before = text.slice(from, n.start).search(APPROX_BEFORE);
  const after = matchEnd(APPROX_AFTER, text, unitEnd);
  // 「1,000件を超える」 also reads as approximate
  const over = matchEnd(OVER_AFTER, text, unitEnd) >= 0;
  // (the fields are copied one by one: an object spread costs microseconds per call on Node 20)
  return {
    value: n.value,
    start: n.start,
    end: n.end,
    raw: n.raw,
    kanjiOnly: n.kanjiOnly,
    unit,
    approx: before >= 0 || after >= 0 || over,
    exprStart: before >= 0 ? from + before : n.start,
    exprEnd: after >= 0 ? after : unitEnd,
  };
}

/** True when `ch` can be part of a number run (used by callers that scan by hand). */
export function isNumberChar(ch: string): boolean {
  return NUM_CHAR.test(ch);
}
