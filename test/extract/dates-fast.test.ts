// The shortcuts of the dates field decide as the code they stand in for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsWithParen, inDateOrder, type TimelineItem } from '../../src/extract/fields/dates.js';

describe('endsWithParen', () => {
  it('is /\\)\\s?$/', () => {
    const text = fc.array(fc.constantFrom(')', '(', ' ', '\u3000', '\t', 'a', '日', ')。'), { maxLength: 6 }).map((a) => a.join(''));
    fc.assert(fc.property(text, (s) => endsWithParen(s) === /\)\s?$/.test(s)), { numRuns: 3000 });
  });
});

describe('inDateOrder', () => {
  it('orders as items.sort by date and time did, in order or not', () => {
    const item = fc.record({ date: fc.constantFrom('2024-01-01', '2024-01-02', '2024-02-01'), time: fc.option(fc.constantFrom('09:00', '18:30'), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), (evs) => {
        const items: TimelineItem[] = evs.map((e, i) => ({ ev: e.time ? { date: e.date, text: String(i), time: e.time } : { date: e.date, text: String(i) }, span: { start: i, end: i + 1 } }));
        const sorted = [...items].sort((a, b) => (a.ev.date < b.ev.date ? -1 : a.ev.date > b.ev.date ? 1 : (a.ev.time ?? '') < (b.ev.time ?? '') ? -1 : 0));
        expect(inDateOrder([...items])).toEqual(sorted);
      }),
      { numRuns: 3000 },
    );
  });
});
