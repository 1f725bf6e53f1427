// Bare Japanese domain names are found from their dots; the runs taken must be exactly those the
// delimiter pattern they replaced matches: labels and dots, delimited on both sides, no empty label.
import { describe, expect, it } from 'vitest';
import { findIndicators, bareNameRuns } from '../../src/ioc/scan.js';

const LABEL = '[\\u3041-\\u30fa\\u30fc-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fffA-Za-z0-9-]+';
const ORACLE = new RegExp(`(?<=^|[\\s:：「『（(【[、,])${LABEL}(?:[.．]${LABEL})+(?=$|[\\s」』）)】\\]、。,])`, 'gm');

function oracle(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(ORACLE)) out.push(m.index, m.index + m[0].length);
  return out;
}

describe('bare Japanese domain names', () => {
  it('are found between delimiters, with offsets', () => {
    const hits = findIndicators('偽サイト「日本語.jp」に注意').filter((h) => h.type === 'domains');
    expect(hits.map((h) => h.value)).toContain('日本語.jp');
    expect(hits[0]).toMatchObject({ start: 5, end: 11, raw: '日本語.jp' });
  });

  it('are not taken inside prose, with empty labels, a trailing dot, or as file names', () => {
    for (const t of ['これは日本語.jpです', '「日本語..jp」', '「日本語.jp.」', '「.日本語.jp」', '「請求書.zip」']) {
      expect(findIndicators(t).filter((h) => h.type === 'domains'), t).toEqual([]);
    }
  });

  it('runs agree with the delimiter pattern on generated text', () => {
    const labels = ['日本', '事件簿', 'あいう', 'テスト', 'jp', 'com', 'co', 'x-1', 'ー', '・', 'の'];
    const other = ['.', '.', '．', '..', ' ', '\n', '\r', '「', '」', '、', '。', ',', ':', '(', ')', '】', ']', '\u3000', 'は', 'A'];
    const alphabet = [...labels, ...labels, '.', '.', '.', ...other];
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let found = 0;
    for (let i = 0; i < 5000; i++) {
      let t = '';
      const len = 1 + rand(12);
      for (let k = 0; k < len; k++) t += alphabet[rand(alphabet.length)];
      const expected = oracle(t);
      expect(bareNameRuns(t), JSON.stringify(t)).toEqual(expected);
      found += expected.length / 2;
    }
    expect(found).toBeGreaterThan(150); // the generator does produce names, not only non-matches
  });
});
