// The date forms, matched one at a time (matchDate), find what the one alternation they replaced found:
// the same extent, the same groups, the same weekday and time, at every position.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchDate, type DateHit } from '../../src/text/dates.js';
import { normalize } from '../../src/text/normalize.js';

const N = '[0-9〇一二三四五六七八九十]';
const BARE_DAY_AFTER =
  '(?=\\s?(?:\\([月火水木金土日]|の(?:午前|午後|朝|昼|夕|夜|深夜|未明|早朝|明け方|正午)|(?:午前|午後|朝|夕方|夜|深夜|未明|早朝|明け方|正午)|頃|ごろ|[、,]|に(?!わた|一度|\\d)|から|より|まで|\\d{1,2}(?:時|:)))';
// the pattern findDates used before, groups 1–23 the forms and 24–28 the time
const ONE_PATTERN = new RegExp(
  '(?=[0-9〇一二三四五六七八九十令平昭大同翌前当RHS])(?:' +
    [
      `(令和|平成|昭和|大正)\\s?(元|${N}{1,3})\\s?年\\s?(?:(${N}{1,3})\\s?月(?:\\s?(${N}{1,3})\\s?日)?)?`,
      `(?<![0-9])(\\d{4}|[〇一二三四五六七八九]{4})\\s?年\\s?(?:(${N}{1,3})\\s?月(?:\\s?(${N}{1,3})\\s?日)?)?`,
      `(?<![0-9./-])(\\d{4})([/.-])(\\d{1,2})\\9(\\d{1,2})(?![0-9])`,
      `(同日|翌日|前日|当日|翌朝|同夜|同日夜)`,
      `(翌月|翌|同月)(${N}{1,3})日`,
      `(?:同年\\s?|(?<![0-9年])|(?<=(?:本|今|昨)年))(${N}{1,3})\\s?月\\s?(${N}{1,3})\\s?日`,
      `(?<![0-9/.])(\\d{1,2})/(\\d{1,2})(?![0-9/])`,
      `(?<![A-Za-z])([RHS])\\s?(\\d{1,2})[./](\\d{1,2})[./](\\d{1,2})(?![0-9])`,
      `(?<![0-9月年間約計各毎数第])(\\d{1,2})日${BARE_DAY_AFTER}`,
    ].join('|') +
    ')' +
    '(?:\\s?\\([月火水木金土日](?:曜日?)?(?:・祝)?\\))?' +
    '(?:\\s?(?:の)?\\s?(午前|午後|AM|PM|am|pm)?\\s?(\\d{1,2})(?::(\\d{2})|時(?:\\s?(\\d{1,2})分|(半))?))?',
  'y',
);
// the groups of ONE_PATTERN that each of DATE_FORMS has, in order
const FORM_GROUPS = [[1, 2, 3, 4], [5, 6, 7], [8, 9, 10, 11], [12], [13, 14], [15, 16], [17, 18], [19, 20, 21, 22], [23]];

/** Where the two disagree at p, or null. */
function disagreement(s: string, p: number): string | null {
  ONE_PATTERN.lastIndex = p;
  const want = ONE_PATTERN.exec(s);
  const hit: DateHit = { form: -1, date: null, time: null, end: 0 };
  const found = matchDate(s, p, hit);
  if (!want) return found ? `found a date at ${p} in ${JSON.stringify(s)}` : null;
  if (!found) return `missed ${JSON.stringify(want[0])} at ${p} in ${JSON.stringify(s)}`;
  const got: (string | undefined)[] = new Array(29).fill(undefined);
  got[0] = s.slice(p, hit.end);
  (FORM_GROUPS[hit.form] as number[]).forEach((g, i) => (got[g] = hit.date?.[i + 1]));
  for (let i = 1; i <= 5; i++) got[23 + i] = hit.time?.[i];
  const same = got.every((g, i) => g === want[i]);
  return same ? null : `${JSON.stringify(got)} ≠ ${JSON.stringify([...want])} at ${p} in ${JSON.stringify(s)}`;
}

const everywhere = (s: string): string | null => {
  for (let p = 0; p <= s.length; p++) {
    const d = disagreement(s, p);
    if (d) return d;
  }
  return null;
};

const PIECES = [
  '2024', '2023', '12', '1', '05', '31', '123', '12345', '年', '月', '日', ' ', '/', '.', '-', '令和', '平成', '昭和', '大正', '元',
  'R', 'H', 'S', 'Rx', '6', '同日', '同日夜', '同夜', '翌', '翌日', '翌朝', '翌月', '同月', '同年', '前日', '当日', '本年', '今年', '昨年',
  '二〇二四', '十', '二十五', '三', '〇', '(', ')', '(火)', '(金曜日)', '(月・祝)', '曜', '・祝', 'の', '午前', '午後', 'AM', 'pm', '時', '分',
  '半', ':', '30', '、', ',', 'に', 'にわたり', 'から', 'より', 'まで', '頃', 'ごろ', '朝', '夕方', '間', '約', '第', 'x', 'a', 'A', '03-1234-5678',
];

describe('matchDate', () => {
  it('matches what the one alternation of all forms matched, at every position', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (s) => everywhere(s) === null),
      { numRuns: 6000, examples: [['2024/2/5 10:30'], ['令和元年7月19日(金)午後3時半'], ['1月30日から2日にかけて'], ['R6.5.24'], ['同年3月1日']] },
    );
  });

  // the numerals, spaces and terminators that decide which forms matchDate tries, and the words before a time,
  // densely enough that every run length meets every terminator (with or without a space before it) many times
  it('matches the same on text made mostly of numerals and date words', () => {
    const DENSE = ['1', '2', '12', '123', '2024', '0', '十', '二', ' ', '年', '月', '日', '/', '.', '-', ':', '(火)', '時', 'から', '同年', '翌', '本年', '今年', '昨年', '年 ', '月 ', 'に', '、', 'R', 'の', '午後', '午', 'AM', 'pm', 'Pm', '分', '半'];
    const text = fc.array(fc.constantFrom(...DENSE), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (s) => everywhere(s) === null),
      { numRuns: 6000, examples: [['123月4日'], ['12 月 3 日'], ['2024 年 1 月'], ['2024年1月 5日'], ['昨年1月5日'], ['1/2'], ['12日、']] },
    );
  });

  it('finds the same time after a date, for every way of writing what comes before the hour', () => {
    // each slot of the time in order (space, の, space, 午前/AM…, space, hour, minutes), with near misses
    const slots = [
      ['', ' ', '\u3000'],
      ['', 'の', 'x'],
      ['', ' '],
      ['', '午前', '午後', '午', 'AM', 'Am', 'am', 'pm', 'PM', 'P'],
      ['', ' '],
      ['', '3', '12', 'x'],
      ['', ':30', ':', '時', '時半', '時 5分', '分'],
    ];
    let times = [''];
    for (const slot of slots) times = times.flatMap((t) => slot.map((piece) => t + piece));
    for (const date of ['2024年1月5日', '同日', 'R6.1.5']) {
      for (const t of times) expect(everywhere(date + t)).toBeNull();
    }
  });

  it('agrees on every position of the bundled sample notices', () => {
    const dir = new URL('../../samples/', import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      expect(everywhere(normalize(readFileSync(new URL(f, dir), 'utf8')).text)).toBeNull();
    }
  });
});
