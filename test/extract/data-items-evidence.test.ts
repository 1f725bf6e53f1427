// dataItems: evidence spans once each, in the order found, at most 64; items in vocabulary order; and the
// fast path that strips list chunks’ suffixes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/extract/context.js';
import { extractDataItems, withoutSuffix } from '../../src/extract/fields/data-items.js';
import { DATA_ITEMS } from '../../src/model/index.js';

const items = (text: string) =>
  extractDataItems(createContext({ text, source: { sha256: '0'.repeat(64), mediaType: 'text/plain' } }));
const notice = (body: string) => `不正アクセスに関するお知らせ\n\n株式会社テスト見本\n\n${body}\n`;
const key = (e: { start: number; end: number }) => `${e.start}:${e.end}`;

describe('data item evidence', () => {
  it('keeps the first 64 different spans, in text order, when a notice names more', () => {
    const words = ['氏名', '住所', '電話番号', 'メールアドレス', '生年月日', '性別'];
    const lines = Array.from({ length: 30 }, (_, i) => `${words[i % 6]}、${words[(i + 1) % 6]}、${words[(i + 2) % 6]}が流出しました。`);
    const text = notice(`1.流出した情報\n${lines.join('\n')}`);
    const r = items(text);
    const ev = r.dataItems.evidence;
    expect(ev).toHaveLength(64);
    expect(new Set(ev.map(key)).size).toBe(64);
    // clause by clause (here one per line): each line's spans come after the previous line's
    const lineOf = (e: { start: number }) => text.slice(0, e.start).split('\n').length;
    const seen = ev.map(lineOf);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[63]).toBeLessThan(lineOf({ start: text.length }) - 1);
    expect(r.dataItems.value).toEqual(DATA_ITEMS.filter((d) => ['name', 'address', 'phone', 'email', 'birthdate', 'gender'].includes(d)));
  });

  it('records a span named both as a vocabulary word and as a list field once', () => {
    // 「取引先情報」 is company_info, and without its 情報 also an unmapped field of the list (…先)
    const text = notice('1.漏えいした情報\n氏名、取引先情報、会員番号が含まれます。');
    const r = items(text);
    const ev = r.dataItems.evidence;
    expect(new Set(ev.map(key)).size).toBe(ev.length);
    const at = text.indexOf('取引先情報');
    expect(ev.filter((e) => e.start === at && e.end === at + 5)).toHaveLength(1);
    expect(r.dataItems.value).toEqual(['name', 'id_number', 'company_info', 'other']);
  });

  it('leaves out of the excluded items those also found involved', () => {
    const r = items(notice('氏名、住所が流出しました。\nなお、住所及びクレジットカード情報は含まれておりません。'));
    expect(r.excludedDataItems.value).toEqual(['credit_card']);
    expect(r.dataItems.value).toEqual(['name', 'address']);
  });
});

describe('list chunk suffixes', () => {
  it('are removed as the regex replace they stand for removes them', () => {
    const pieces = ['の', '各', '項目', '情報', 'な', 'ど', '等', '。', '氏名', '日', '報', '目', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), (parts) => {
        const s = parts.join('');
        expect(withoutSuffix(s)).toBe(s.replace(/(?:の情報|情報|等|など|の各項目|。)$/, ''));
      }),
      { numRuns: 3000 },
    );
  });
});
