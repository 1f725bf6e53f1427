// Date primitives: 西暦/和暦/slash forms, kanji numerals, year-less and relative dates, times.
import { describe, expect, it } from 'vitest';
import { addDays, findDates, parseJaNumber } from '../../src/text/dates.js';
import { normalize } from '../../src/text/normalize.js';

const isos = (text: string, opts = {}) => findDates(normalize(text).text, opts).map((m) => m.iso);

describe('parseJaNumber', () => {
  it('reads ASCII digits, positional and 十-style kanji numerals, and 元', () => {
    expect(parseJaNumber('12')).toBe(12);
    expect(parseJaNumber('十二')).toBe(12);
    expect(parseJaNumber('二十五')).toBe(25);
    expect(parseJaNumber('三十一')).toBe(31);
    expect(parseJaNumber('二〇二四')).toBe(2024);
    expect(parseJaNumber('元')).toBe(1);
    expect(parseJaNumber('x')).toBeNaN();
  });
});

describe('findDates', () => {
  it('a written weekday settles the year of a year-less date, and the dates after it follow', () => {
    // 2025-02-18 is a Tuesday, 2024-02-18 a Sunday; 「2024年2月」 only names a month
    const t = '2025年3月28日\n修正版は2024年2月に公開されていました。\n・2月18日（火） 侵入\n・2月24日 検知\n・2月18日（日） 別件';
    expect(isos(t, { defaultYear: 2025, notAfter: '2025-03-28' })).toEqual(['2025-03-28', null, '2025-02-18', '2025-02-24', '2024-02-18']);
  });

  it('reads the written forms of a full date', () => {
    expect(isos('公開は2023年12月7日です')).toEqual(['2023-12-07']);
    expect(isos('2024/2/5 早朝')).toEqual(['2024-02-05']);
    expect(isos('更新 2024-02-05')).toEqual(['2024-02-05']);
    expect(isos('2024.3.8 掲載')).toEqual(['2024-03-08']);
    expect(isos('２０２４年２月２２日')).toEqual(['2024-02-22']);
    expect(isos('二〇二四年十二月七日に判明')).toEqual(['2024-12-07']);
  });

  it('converts the eras, including 元年 and spaced forms', () => {
    expect(isos('令和6年2月15日')).toEqual(['2024-02-15']);
    expect(isos('令和元年7月26日')).toEqual(['2019-07-26']);
    expect(isos('平成31年4月8日')).toEqual(['2019-04-08']);
    expect(isos('昭和64年1月7日')).toEqual(['1989-01-07']);
    expect(isos('令和 5 年 11 月 20 日')).toEqual(['2023-11-20']);
    expect(isos('R6.5.24 発生、H31.4.1 施行')).toEqual(['2024-05-24', '2019-04-01']);
    expect(isos('製品 R2D2.3.4')).toEqual([]);
  });

  it('gives a month-only date no day', () => {
    const [m] = findDates('令和6年9月から12月にかけて');
    expect(m?.iso).toBeNull();
    expect(m?.month).toBe('2024-09');
    expect(m?.kind).toBe('month');
  });

  it('takes the year of the last full date for year-less dates, and steps back over a year boundary', () => {
    expect(isos('2024年3月1日に送付し、3月4日に判明')).toEqual(['2024-03-01', '2024-03-04']);
    expect(isos('12月25日に発生し、1月8日に判明', { defaultYear: 2025, notAfter: '2025-01-10' })).toEqual(['2024-12-25', '2025-01-08']);
    expect(isos('令和5年4月3日から同年8月25日まで')).toEqual(['2023-04-03', '2023-08-25']);
    // before the first full date, a year-less date that would follow it belongs to the year before
    expect(isos('12月25日に送付し、2025年1月10日に判明。1月20日までに対応', { defaultYear: 2025, firstFull: '2025-01-10' })).toEqual([
      '2024-12-25',
      '2025-01-10',
      '2025-01-20',
    ]);
  });

  it('resolves 同日, 翌日, 前日 and 翌N日 against the previous date', () => {
    expect(isos('2024年5月31日に紛失し、翌日に気づきました。同日、届け出ました。')).toEqual(['2024-05-31', '2024-06-01', '2024-06-01']);
    expect(isos('7月19日に置き忘れ、翌20日に判明', { defaultYear: 2019 })).toEqual(['2019-07-19', '2019-07-20']);
    expect(isos('2023年1月10日に判明。その前日に送信')).toEqual(['2023-01-10', '2023-01-09']);
    // no earlier date: a relative word alone is not a date
    expect(isos('同日中に対応しました')).toEqual([]);
  });

  it('reads 翌M月D日, 翌月D日 and 本年/今年/昨年 M月D日', () => {
    expect(isos('２０２４年１０月７日に送信。翌１０月８日、気付きました')).toEqual(['2024-10-07', '2024-10-08']);
    expect(isos('2024年12月28日に発生し、翌1月5日に判明')).toEqual(['2024-12-28', '2025-01-05']);
    expect(isos('2024年12月7日に発送し、翌月8日に返送')).toEqual(['2024-12-07', '2025-01-08']);
    expect(isos('2023年6月5日。本年5月16日、昨年12月3日', { defaultYear: 2023 })).toEqual(['2023-06-05', '2023-05-16', '2022-12-03']);
  });

  it('reads a bare day after an earlier date, rolling into the next month only as a range end', () => {
    expect(isos('2024年1月26日の夕方から27日の明け方にかけて試行。27日の朝、気付きました')).toEqual(['2024-01-26', '2024-01-27', '2024-01-27']);
    expect(isos('2024年1月30日から2日にかけて')).toEqual(['2024-01-30', '2024-02-02']);
    expect(isos('2025年8月18日に判明。調べたところ16日の深夜にログインされていた')).toEqual(['2025-08-18', '2025-08-16']);
    // durations, deadlines and counts are not dates
    expect(isos('2024年1月5日。30日以内に、3日間、毎月25日に、第2日、約3日、5日後、2日にわたり')).toEqual(['2024-01-05']);
    // with no earlier date a bare day means nothing
    expect(isos('27日の朝に気付きました')).toEqual([]);
  });

  it('keeps times written after the date', () => {
    const t = (s: string) => findDates(normalize(s).text, { defaultYear: 2024 }).map((m) => m.time);
    expect(t('2024年5月24日 22時14分頃')).toEqual(['22:14']);
    expect(t('6月2日(金)午後3時頃')).toEqual(['15:00']);
    expect(t('2024/2/5 8:20')).toEqual(['08:20']);
    expect(t('11月14日午前7時半')).toEqual(['07:30']);
  });

  it('rejects impossible dates and bare years', () => {
    expect(isos('2023年2月30日')).toEqual([]);
    expect(isos('2024年度の計画')).toEqual([]);
    expect(isos('13月5日')).toEqual([]);
  });

  it('reports positions in the searched text', () => {
    const text = '本日、2024年6月14日に公表';
    const [m] = findDates(text);
    expect(text.slice(m?.start, m?.end)).toBe('2024年6月14日');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('stays linear on long digit and kanji runs', () => {
    const run = (s: string) => {
      const t0 = performance.now();
      findDates(s);
      return performance.now() - t0;
    };
    const base = run('2024年1月1日に発生しました。'.repeat(4000));
    for (const unit of ['1', '年', '十', '1/', '令和', '月1', ' ']) {
      expect(run(unit.repeat(60000))).toBeLessThan(base * 10 + 300);
    }
  });
});
