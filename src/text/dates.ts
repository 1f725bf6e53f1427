// Date primitives for Japanese notices: 西暦・和暦・slash/dash/dot forms, year-less dates, 同日/翌日/前日, times.
// Works on NFKC text (digits already ASCII). All patterns are linear: bounded quantifiers, no nested repetition.
import { isSpace } from './chars.js';

export interface DateMention {
  /** offsets in the searched text */
  start: number;
  end: number;
  /** ISO YYYY-MM-DD, or null when only a month (or an unresolvable day) is known */
  iso: string | null;
  /** YYYY-MM when at least year and month are known */
  month: string | null;
  /** HH:MM when a time follows the date */
  time?: string;
  /** how the date was written */
  kind: 'full' | 'yearless' | 'relative' | 'month';
}

export interface FindDatesOptions {
  /** year used for year-less dates when no earlier full date is known */
  defaultYear?: number;
  /** latest plausible date (the notice's own date): year-less dates after it move to the previous year */
  notAfter?: string;
  /** the first full date written in the text: year-less dates before it that would fall after it move back a year */
  firstFull?: string;
  /** stop after this many mentions (the ones found are the same as without it) */
  limit?: number;
}

// The year before each era's first (令和元年 is 2019), by the era's first character (code units: looking a
// captured name up as a key would hash the new string every time).
const ERAS: readonly (readonly [string, number])[] = [['令和', 2018], ['平成', 1988], ['昭和', 1925], ['大正', 1911]];
const ERA_BASE = new Map(ERAS.map(([era, base]): [number, number] => [era.charCodeAt(0), base]));

function eraBase(era: string): number {
  return ERA_BASE.get(era.charCodeAt(0)) ?? 0;
}
const KANJI_DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Parse ASCII digits or kanji numerals (十二, 二十五, 二〇二四, 元) into a number; NaN when not a number. */
export function parseJaNumber(s: string): number {
  if (s === '元') return 1;
  if (isDigitString(s)) return s.length <= 9 ? digitsValue(s) : Number(s);
  if (s.length > 6) return NaN;
  let total = 0;
  let cur = -1;
  let positional = '';
  for (const ch of s) {
    if (ch === '十') {
      total += (cur < 0 ? 1 : cur) * 10;
      cur = -1;
    } else if (ch in KANJI_DIGIT) {
      const d = KANJI_DIGIT[ch] as number;
      positional += String(d);
      cur = cur < 0 ? d : cur * 10 + d;
    } else return NaN;
  }
  if (!s.includes('十')) return Number(positional);
  return total + (cur < 0 ? 0 : cur);
}

/** Number(s) for up to nine ASCII digits (exact: below 2^53), without parsing a string as a number. */
export function digitsValue(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 10 + (s.charCodeAt(i) - 0x30);
  return n;
}

/** /^\d+$/ without a regex call: parseJaNumber runs for every part of every date. */
function isDigitString(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

const N = '[0-9〇一二三四五六七八九十]';
// Optional weekday like (金) or （火曜日）, then an optional time.
const WEEKDAY = '(?:\\s?\\([月火水木金土日](?:曜日?)?(?:・祝)?\\))?';
const TIME =
  '(?:\\s?(?:の)?\\s?(午前|午後|AM|PM|am|pm)?\\s?(\\d{1,2})(?::(\\d{2})|時(?:\\s?(\\d{1,2})分|(半))?))?';

// What may follow a bare day for it to be a date: a particle or a time of day, not 日間/日以内/日後.
const BARE_DAY_AFTER = '(?=\\s?(?:\\([月火水木金土日]|の(?:午前|午後|朝|昼|夕|夜|深夜|未明|早朝|明け方|正午)|(?:午前|午後|朝|夕方|夜|深夜|未明|早朝|明け方|正午)|頃|ごろ|[、,]|に(?!わた|一度|\\d)|から|より|まで|\\d{1,2}(?:時|:)))';

// The written forms of a date, each its own sticky pattern with only its own groups (one alternation of all
// of them, with the weekday and time, allocated a 29-slot match per date). They are tried in this order, the
// first that matches wins, and only the ones that can start with the character at hand (FORMS_AT).
const enum Form {
  Era, // 1: era, 2: era year, 3: month, 4: day
  Year, // 1: year, 2: month, 3: day
  Separated, // 1: year, 2: separator, 3: month, 4: day (2024/2/5, 2024-02-05, 2024.3.8)
  DayWord, // 1: relative day word (同日, 翌日, 前日, 当日, 翌朝)
  NextDay, // 1: 翌/同月/翌月, 2: day (翌20日, 同月25日, 翌月3日)
  MonthDay, // 1: month, 2: day (year-less)
  Slash, // 1: month, 2: day as M/D (year-less, slash only)
  EraInitial, // 1: era initial, 2: era year, 3: month, 4: day (R6.5.24, H31.4.1)
  BareDay, // 1: a bare day after an earlier date (「1月26日の夕方から27日の明け方」「27日の朝、」): only where a date word follows
}
const DATE_FORMS: readonly RegExp[] = [
  `(令和|平成|昭和|大正)\\s?(元|${N}{1,3})\\s?年\\s?(?:(${N}{1,3})\\s?月(?:\\s?(${N}{1,3})\\s?日)?)?`,
  `(?<![0-9])(\\d{4}|[〇一二三四五六七八九]{4})\\s?年\\s?(?:(${N}{1,3})\\s?月(?:\\s?(${N}{1,3})\\s?日)?)?`,
  `(?<![0-9./-])(\\d{4})([/.-])(\\d{1,2})\\2(\\d{1,2})(?![0-9])`,
  `(同日|翌日|前日|当日|翌朝|同夜|同日夜)`,
  `(翌月|翌|同月)(${N}{1,3})日`,
  `(?:同年\\s?|(?<![0-9年])|(?<=(?:本|今|昨)年))(${N}{1,3})\\s?月\\s?(${N}{1,3})\\s?日`,
  `(?<![0-9/.])(\\d{1,2})/(\\d{1,2})(?![0-9/])`,
  `(?<![A-Za-z])([RHS])\\s?(\\d{1,2})[./](\\d{1,2})[./](\\d{1,2})(?![0-9])`,
  `(?<![0-9月年間約計各毎数第])(\\d{1,2})日${BARE_DAY_AFTER}`,
].map((source) => new RegExp(source, 'y'));
// After a date: a weekday, found by a test (it has no groups), then a time with 1: 午前/午後/AM/PM, 2: hour,
// 3: minute after a colon, 4: minute after 時, 5: 半. Both may be empty, so neither changes what came before.
const WEEKDAY_AFTER = new RegExp(WEEKDAY, 'y');
const TIME_AFTER = new RegExp(TIME, 'y');

/** What a date at a position is: its form, that form's match, the time after it and where it ends. */
export interface DateHit {
  form: number;
  date: RegExpExecArray | null;
  time: RegExpExecArray | null;
  end: number;
}

// Where a date can start: a digit, an era, a relative word, or kanji numerals before 年/月. Looking for these
// first keeps the form patterns (with their lookbehinds) off the bulk of the text. The scan is a loop over
// char codes with a table of possible first characters: as a regex alternation of literals it cost more than
// all the date matching after it. It finds the same positions as
// /\d|[RHS](?=\s?\d)|令和|平成|昭和|大正|同日|翌日|前日|当日|翌朝|同夜|翌[0-9〇一二三四五六七八九十]|翌月|同月|同年|[〇一二三四五六七八九十]{1,4}\s?[年月]/g
const KANJI_NUMERALS = '〇一二三四五六七八九十';
const enum Lead {
  None,
  Digit,
  EraInitial, // R H S
  Era, // 令 平 昭 大
  Same, // 同
  Next, // 翌
  DayWord, // 前 当
  KanjiNumeral,
}
const LEAD = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) LEAD[c] = Lead.Digit;
for (const ch of 'RHS') LEAD[ch.charCodeAt(0)] = Lead.EraInitial;
for (const ch of '令平昭大') LEAD[ch.charCodeAt(0)] = Lead.Era;
LEAD['同'.charCodeAt(0)] = Lead.Same;
LEAD['翌'.charCodeAt(0)] = Lead.Next;
for (const ch of '前当') LEAD[ch.charCodeAt(0)] = Lead.DayWord;
for (const ch of KANJI_NUMERALS) LEAD[ch.charCodeAt(0)] = Lead.KanjiNumeral;
// The forms that can start with each kind of lead, in DATE_FORMS order.
const FORMS_AT: Record<number, readonly Form[]> = {
  [Lead.Digit]: [Form.Year, Form.Separated, Form.MonthDay, Form.Slash, Form.BareDay],
  [Lead.EraInitial]: [Form.EraInitial],
  [Lead.Era]: [Form.Era],
  [Lead.Same]: [Form.DayWord, Form.NextDay, Form.MonthDay],
  [Lead.Next]: [Form.DayWord, Form.NextDay],
  [Lead.DayWord]: [Form.DayWord],
  [Lead.KanjiNumeral]: [Form.Year, Form.MonthDay],
};
// (code units throughout: text[p] makes a string of every kanji it reads)
const ERA_SECOND = new Map(ERAS.map(([era]): [number, number] => [era.charCodeAt(0), era.charCodeAt(1)]));
const YEAR = 0x5e74; // 年
const MONTH = 0x6708; // 月
const DAY = 0x65e5; // 日

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isKanjiNumeral(c: number): boolean {
  return LEAD[c] === Lead.KanjiNumeral;
}

function isYearOrMonth(c: number): boolean {
  return c === YEAR || c === MONTH;
}

/** Does a date possibly start at p (see the pattern above)? */
function isAnchor(text: string, p: number, lead: number): boolean {
  const next = text.charCodeAt(p + 1);
  switch (lead) {
    case Lead.Digit:
      return true;
    case Lead.EraInitial:
      return isDigit(next) || (isSpace(next) && isDigit(text.charCodeAt(p + 2)));
    case Lead.Era:
      return next === ERA_SECOND.get(text.charCodeAt(p));
    case Lead.Same:
      return next === DAY || next === 0x591c /* 夜 */ || next === MONTH || next === YEAR;
    case Lead.Next:
      return next === DAY || next === 0x671d /* 朝 */ || next === MONTH || isDigit(next) || isKanjiNumeral(next);
    case Lead.DayWord:
      return next === DAY;
    case Lead.KanjiNumeral: {
      // up to four numerals, then 年/月 (with a space between or not): fewer numerals end on a numeral
      let q = p + 1;
      while (q < p + 4 && isKanjiNumeral(text.charCodeAt(q))) q++;
      return isYearOrMonth(text.charCodeAt(q)) || (isSpace(text.charCodeAt(q)) && isYearOrMonth(text.charCodeAt(q + 1)));
    }
    default:
      return false;
  }
}

/** The first position from `from` where a date possibly starts, or -1. */
function nextAnchor(text: string, from: number): number {
  const n = text.length;
  for (let p = from; p < n; p++) {
    const lead = LEAD[text.charCodeAt(p)] as number;
    if (lead !== Lead.None && isAnchor(text, p, lead)) return p;
  }
  return -1;
}

function isNumeral(c: number): boolean {
  return isDigit(c) || LEAD[c] === Lead.KanjiNumeral;
}

const NO_FORMS: readonly Form[] = [];
const YEAR_ONLY: readonly Form[] = [Form.Year];
const SEPARATED_ONLY: readonly Form[] = [Form.Separated];
const MONTH_DAY_ONLY: readonly Form[] = [Form.MonthDay];
const SLASH_ONLY: readonly Form[] = [Form.Slash];
const BARE_DAY_ONLY: readonly Form[] = [Form.BareDay];

/**
 * The forms that may match at p, decided without running them (a regex exec costs far more than this
 * look); the others cannot. Every form that starts with a digit starts with a run of 1–4 numerals, and what
 * ends the run picks the one form it can be: 年 after four (Year), 月 after up to three (MonthDay) — either
 * maybe after one space —, 日 right after up to two (BareDay), a separator after four digits (Separated) or a
 * slash after one or two (Slash), each with a digit after it. So phone numbers (03-1234-5678), numbered
 * headings (1.経緯) and counts (1,234件) try none. The other leads were checked by isAnchor.
 */
function formsAt(text: string, p: number, lead: number): readonly Form[] | undefined {
  if (lead !== Lead.Digit) return FORMS_AT[lead];
  let q = p + 1;
  while (q < p + 5 && isNumeral(text.charCodeAt(q))) q++;
  const run = q - p;
  if (run === 5) return NO_FORMS;
  let c = text.charCodeAt(q);
  if (c === 0x2f /* / */ || c === 0x2e /* . */ || c === 0x2d /* - */) {
    if (!isDigit(text.charCodeAt(q + 1))) return NO_FORMS;
    for (let i = p + 1; i < q; i++) if (!isDigit(text.charCodeAt(i))) return NO_FORMS;
    return run === 4 ? SEPARATED_ONLY : c === 0x2f && run <= 2 ? SLASH_ONLY : NO_FORMS;
  }
  if (c === DAY) return run <= 2 ? BARE_DAY_ONLY : NO_FORMS;
  // 年 and 月 may stand one space after the numerals
  if (isSpace(c)) c = text.charCodeAt(q + 1);
  if (c === YEAR) return run === 4 ? YEAR_ONLY : NO_FORMS;
  if (c === MONTH) return run <= 3 ? MONTH_DAY_ONLY : NO_FORMS;
  return NO_FORMS;
}

/** Two digits (for the non-negative whole numbers of dates and times: String(n).padStart(2, '0')). */
function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, m: number, d: number): boolean {
  if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return false;
  if (!Number.isInteger(m) || !Number.isInteger(d)) return false;
  // the Gregorian calendar, as Date uses (computed, not via a Date object: this runs for every mention);
  // Date.UTC drops a fraction of the year
  const year = Math.trunc(y);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return d <= (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] as number));
}

export function isoDate(y: number, m: number, d: number): string | null {
  return validDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** isoDate of day d in the month after month m of year y. */
function isoDateNextMonth(y: number, m: number, d: number): string | null {
  return m === 12 ? isoDate(y + 1, 1, d) : isoDate(y, m + 1, d);
}

// The parts of an isoDate string, read without splitting it (an array and three strings per date): the
// year is all before the month and day, as iso.split('-') has it.
function isoYear(iso: string): number {
  return Number(iso.slice(0, -6));
}

function isoMonth(iso: string): number {
  return Number(iso.slice(-5, -3));
}

function isoDay(iso: string): number {
  return Number(iso.slice(-2));
}

/** Add days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const dt = new Date(Date.UTC(isoYear(iso), isoMonth(iso) - 1, isoDay(iso) + days));
  return `${dt.getUTCFullYear()}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

function parseTime(ampm: string | undefined, h: string | undefined, mm: string | undefined, m2: string | undefined, half: string | undefined): string | undefined {
  if (h === undefined) return undefined;
  let hour = Number(h);
  const minute = mm !== undefined ? Number(mm) : m2 !== undefined ? Number(m2) : half ? 30 : 0;
  const pm = ampm === '午後' || ampm === 'PM' || ampm === 'pm';
  if (pm && hour < 12) hour += 12;
  if ((ampm === '午前' || ampm === 'AM' || ampm === 'am') && hour === 12) hour = 0;
  if (hour > 24 || minute > 59) return undefined;
  return `${pad(hour)}:${pad(minute)}`;
}

const WEEKDAYS = '日月火水木金土';

const WRITTEN_WEEKDAY = /日\s?\(\s?([日月火水木金土])\s?\)/;
const DAY_MS = 86400000;

/** new Date(`${iso}T00:00:00Z`).getUTCDay() for an isoDate string, without parsing a date string. */
function weekday(iso: string): number {
  const y = isoYear(iso);
  // a year with a fraction makes no valid date string
  if (!Number.isInteger(y)) return NaN;
  const days = Math.floor(Date.UTC(y, isoMonth(iso) - 1, isoDay(iso)) / DAY_MS);
  // 1970-01-01 was a Thursday (4)
  return (((days + 4) % 7) + 7) % 7;
}

/** Is there a ( in text.slice(from, to)? Without one no weekday is written (fitWeekday). */
function hasParen(text: string, from: number, to: number): boolean {
  for (let i = from; i < to && i < text.length; i++) if (text.charCodeAt(i) === 0x28) return true;
  return false;
}

/** The date, or the same month/day in one of the candidate years when only that one fits the written weekday. */
function fitWeekday(iso: string, written: string, years: (number | undefined)[], notAfter: string | undefined): string {
  const w = written.includes('(') ? WRITTEN_WEEKDAY.exec(written) : null;
  if (!w) return iso;
  const want = WEEKDAYS.indexOf(w[1] as string);
  if (weekday(iso) === want) return iso;
  const md = iso.slice(4);
  for (const y of years) {
    if (y === undefined) continue;
    const alt = `${y}${md}`;
    if (isoDate(y, Number(md.slice(1, 3)), Number(md.slice(4, 6))) === alt && weekday(alt) === want && (!notAfter || alt <= notAfter)) return alt;
  }
  return iso;
}

/** Resolve a year-less month/day against a year, moving to the previous year when it would fall after notAfter. */
function resolveYearless(m: number, d: number, year: number | undefined, notAfter: string | undefined): string | null {
  if (year === undefined) return null;
  let iso = isoDate(year, m, d);
  if (iso && notAfter && iso > notAfter) iso = isoDate(year - 1, m, d);
  return iso;
}

const NO = 0x306e; // の
const GO = 0x5348; // 午

/** Is text[i, i + 2) one of 午前, 午後, AM, PM, am, pm? */
function isAmPm(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  if (c === GO) return next === 0x524d /* 前 */ || next === 0x5f8c /* 後 */;
  if (c === 0x41 /* A */ || c === 0x50 /* P */) return next === 0x4d /* M */;
  if (c === 0x61 /* a */ || c === 0x70 /* p */) return next === 0x6d /* m */;
  return false;
}

/**
 * Can a time (TIME_AFTER, not empty) stand at i? Before its hour come only a space, の, a space, 午前/午後/AM/PM
 * and a space, each optional and each where no other could stand (two spaces in a row are the same either way),
 * so stepping over them in order finds the only place its first digit can be. Without it the pattern matches
 * the empty string and is not run.
 */
function timeMayFollow(text: string, i: number): boolean {
  if (isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === NO) i++;
  if (isSpace(text.charCodeAt(i))) i++;
  if (isAmPm(text, i)) i += 2;
  if (isSpace(text.charCodeAt(i))) i++;
  return isDigit(text.charCodeAt(i));
}

/**
 * The date written at `at` into hit, or false: the first form that matches there, then the weekday and time
 * after it, which always match (maybe empty) and so never change which form matched.
 */
export function matchDate(text: string, at: number, hit: DateHit): boolean {
  const forms = formsAt(text, at, LEAD[text.charCodeAt(at)] as number);
  if (forms === undefined) return false;
  for (const form of forms) {
    const re = DATE_FORMS[form] as RegExp;
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) continue;
    hit.form = form;
    hit.date = m;
    hit.end = at + m[0].length;
    hit.time = null;
    // a weekday starts with ( or a space and (: elsewhere WEEKDAY_AFTER matches the empty string
    const c = text.charCodeAt(hit.end);
    if (c === 0x28 /* ( */ || (isSpace(c) && text.charCodeAt(hit.end + 1) === 0x28)) {
      WEEKDAY_AFTER.lastIndex = hit.end;
      if (WEEKDAY_AFTER.test(text)) hit.end = WEEKDAY_AFTER.lastIndex;
    }
    if (timeMayFollow(text, hit.end)) {
      TIME_AFTER.lastIndex = hit.end;
      const t = TIME_AFTER.exec(text) as RegExpExecArray;
      if (t[0].length > 0) {
        hit.time = t;
        hit.end += t[0].length;
      }
    }
    return true;
  }
  return false;
}

// what joins the start of a range to a bare day that ends it (「1月30日から2日にかけて」)
const RANGE_WORD = /から|より|[〜~～]/;

/** Find every date mention in order, resolving year-less and relative ones against the previous date. */
export function findDates(text: string, opts: FindDatesOptions = {}): DateMention[] {
  const out: DateMention[] = [];
  let lastIso = null as string | null;
  let lastYear: number | undefined = opts.defaultYear;
  let seenFull = false;
  let from = 0;
  let at: number;
  let guard = 0;
  const limit = opts.limit ?? Infinity;
  const hit: DateHit = { form: -1, date: null, time: null, end: 0 };
  while (out.length < limit && (at = nextAnchor(text, from)) >= 0 && guard++ < 200000) {
    if (!matchDate(text, at, hit)) {
      // skip the rest of a digit run: a date starts only at its first digit
      if (isDigit(text.charCodeAt(at))) {
        let j = at + 1;
        while (j < text.length && j - at < 8 && isDigit(text.charCodeAt(j))) j++;
        from = j;
      } else from = at + 1;
      continue;
    }
    const end = hit.end;
    from = end;
    const g = hit.date as RegExpExecArray;
    const t = hit.time;
    const time = t === null ? undefined : parseTime(t[1], t[2], t[3], t[4], t[5]);
    let mention: DateMention | null = null;
    switch (hit.form) {
      case Form.Era: {
        const y = eraBase(g[1] as string) + parseJaNumber(g[2] as string);
        const mo = g[3] !== undefined ? parseJaNumber(g[3]) : NaN;
        const d = g[4] !== undefined ? parseJaNumber(g[4]) : NaN;
        mention = full(y, mo, d);
        break;
      }
      case Form.Year: {
        const y = parseJaNumber(g[1] as string);
        const mo = g[2] !== undefined ? parseJaNumber(g[2]) : NaN;
        const d = g[3] !== undefined ? parseJaNumber(g[3]) : NaN;
        mention = full(y, mo, d);
        break;
      }
      case Form.Separated:
        mention = full(Number(g[1]), Number(g[3]), Number(g[4]));
        break;
      case Form.DayWord:
        if (lastIso) {
          const w = g[1];
          const iso: string = w === '翌日' || w === '翌朝' ? addDays(lastIso, 1) : w === '前日' ? addDays(lastIso, -1) : lastIso;
          mention = { start: 0, end: 0, iso, month: iso.slice(0, 7), kind: 'relative' };
        }
        break;
      case Form.NextDay:
        if (lastIso) {
          const d = parseJaNumber(g[2] as string);
          const y = isoYear(lastIso);
          const mo = isoMonth(lastIso);
          let iso = g[1] === '翌月' ? isoDateNextMonth(y, mo, d) : isoDate(y, mo, d);
          // 翌20日 after the 19th is the next day; after the 31st it rolls into the next month
          if (iso && g[1] === '翌' && iso <= lastIso) iso = isoDateNextMonth(y, mo, d);
          if (iso) mention = { start: 0, end: 0, iso, month: iso.slice(0, 7), kind: 'relative' };
        }
        break;
      case Form.EraInitial: {
        const base = eraBase(g[1] === 'R' ? '令和' : g[1] === 'H' ? '平成' : '昭和');
        mention = full(base + Number(g[2]), Number(g[3]), Number(g[4]));
        break;
      }
      case Form.BareDay:
        if (lastIso) {
          const d = Number(g[1]);
          const y = isoYear(lastIso);
          const mo = isoMonth(lastIso);
          const lastDay = isoDay(lastIso);
          // the end of a range with a smaller day is in the next month (「1月30日から2日にかけて」); elsewhere the
          // day is in the month of the last date (「18日に判明…16日の深夜に侵入」)
          const prevEnd = out.length > 0 ? (out[out.length - 1] as DateMention).end : 0;
          const rangeEnd = at - prevEnd <= 12 && RANGE_WORD.test(text.slice(prevEnd, at));
          const iso = d < lastDay && rangeEnd ? isoDateNextMonth(y, mo, d) : isoDate(y, mo, d);
          if (iso) mention = { start: 0, end: 0, iso, month: iso.slice(0, 7), kind: 'relative' };
        }
        break;
      case Form.MonthDay:
      case Form.Slash: {
        const mo = parseJaNumber(g[1] as string);
        const d = parseJaNumber(g[2] as string);
        const yearWord = text.slice(at - 2, at);
        // 本年/今年 is the notice's year and 昨年 the one before, whatever dates came in between
        const year = yearWord === '昨年' && opts.defaultYear ? opts.defaultYear - 1 : yearWord === '本年' || yearWord === '今年' ? (opts.defaultYear ?? lastYear) : lastYear;
        let iso = yearWord === '昨年' || yearWord === '本年' || yearWord === '今年' ? (year !== undefined ? isoDate(year, mo, d) : null) : resolveYearless(mo, d, lastYear, opts.notAfter ?? (seenFull ? undefined : opts.firstFull));
        // 「12月28日…翌1月5日」: 翌 puts it after the previous date, into the next year if need be
        if (iso && lastIso && text.charCodeAt(at - 1) === 0x7fcc /* 翌 */ && iso <= lastIso) iso = isoDate(Number(lastIso.slice(0, 4)) + 1, mo, d);
        // 「2月18日(火)」: a weekday that does not fit the year picks the nearby year it fits
        if (iso && hasParen(text, at, end + 4)) {
          const fitted = fitWeekday(iso, text.slice(at, end + 4), [lastYear, opts.defaultYear, opts.defaultYear && opts.defaultYear - 1], opts.notAfter);
          // the weekday settled the year: the year-less dates after it follow
          if (fitted !== iso) lastYear = Number(fitted.slice(0, 4));
          iso = fitted;
        }
        if (iso) mention = { start: 0, end: 0, iso, month: iso.slice(0, 7), kind: 'yearless' };
        break;
      }
    }
    if (!mention) continue;
    mention.start = at;
    mention.end = end;
    if (time) mention.time = time;
    if (mention.iso) {
      lastIso = mention.iso;
      if (mention.kind === 'full') {
        lastYear = Number(mention.iso.slice(0, 4));
        seenFull = true;
      }
    } else if (mention.month) lastYear = Number(mention.month.slice(0, 4));
    out.push(mention);
  }
  return out;
}

function full(y: number, mo: number, d: number): DateMention | null {
  if (!(y >= 1900 && y <= 2100)) return null;
  if (Number.isNaN(mo)) return null; // a bare year (2024年) is not a date
  if (!(mo >= 1 && mo <= 12)) return null;
  const month = `${y}-${pad(mo)}`;
  if (Number.isNaN(d)) return { start: 0, end: 0, iso: null, month, kind: 'month' };
  const iso = isoDate(y, mo, d);
  return iso ? { start: 0, end: 0, iso, month, kind: 'full' } : null;
}
