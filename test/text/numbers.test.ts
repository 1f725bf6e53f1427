import { describe, expect, it } from 'vitest';
import { findNumbers, findQuantities, normalize, parseJapaneseNumber } from '../../src/text/index.js';

describe('parseJapaneseNumber', () => {
  it.each([
    ['70,000', 70000],
    ['3,775', 3775],
    ['3763', 3763],
    ['25万4241', 254241],
    ['596万', 5960000],
    ['596 万', 5960000],
    ['四十六万', 460000],
    ['1万2千', 12000],
    ['1万2,345', 12345],
    ['千', 1000],
    ['三百', 300],
    ['二千五百', 2500],
    ['十二万', 120000],
    ['8万6千', 86000],
    ['〇', 0],
    ['零', 0],
    ['二〇二四', 2024],
    ['1億2千万', 120000000],
    ['三億', 300000000],
    ['1.2万', 12000],
    ['2.5億', 250000000],
  ])('%s → %d', (raw, want) => {
    expect(parseJapaneseNumber(raw)).toBe(want);
  });

  it('rejects what is not a number', () => {
    expect(parseJapaneseNumber('')).toBeNull();
    expect(parseJapaneseNumber('万')).toBeNull();
    expect(parseJapaneseNumber('abc')).toBeNull();
  });
});

describe('findNumbers', () => {
  it('reports offsets of each run and skips 万一 and a lone 一', () => {
    const text = '万一、一部のお客様約3,775件と四十六万人分';
    const ns = findNumbers(text);
    expect(ns.map((n) => n.value)).toEqual([3775, 460000]);
    expect(text.slice(ns[0]!.start, ns[0]!.end)).toBe('3,775');
    expect(ns[1]!.kanjiOnly).toBe(true);
  });

  it('reads full-width digits once NFKC-normalized', () => {
    const { text } = normalize('対象は３，７７５件です');
    expect(findNumbers(text).map((n) => n.value)).toEqual([3775]);
  });
});

describe('findQuantities', () => {
  it('keeps the counter word and marks approximations before and after', () => {
    const q = findQuantities('約70,000件、3763名、約596万人分、1,000件以上、30名程度、最大2,941名、5,000件超、12人');
    expect(q.map((x) => [x.value, x.unit, x.approx])).toEqual([
      [70000, '件', true],
      [3763, '名', false],
      [5960000, '人分', true],
      [1000, '件', true],
      [30, '名', true],
      [2941, '名', true],
      [5000, '件', true],
      [12, '人', false],
    ]);
  });

  it('ignores numbers without a counter (dates, phone numbers)', () => {
    expect(findQuantities('2024年6月14日 電話 0120-000-418 2024.3.1')).toEqual([]);
  });

  it('reads a decimal before 万 as one number', () => {
    expect(findQuantities('約1.2万件').map((q) => [q.value, q.approx])).toEqual([[12000, true]]);
  });

  it('adversarial digit and kanji runs take no longer than ordinary text of the same size (linear)', () => {
    const size = 200_000;
    const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const time = (t: string) => {
      const t0 = performance.now();
      findQuantities(t);
      return performance.now() - t0;
    };
    const base = time(fill('お客様約1,200件の氏名、住所が含まれます。'));
    for (const unit of ['1,', '一二三万', '1 万', '約', '9']) expect(time(fill(unit))).toBeLessThan(base * 10 + 200);
  });
});
