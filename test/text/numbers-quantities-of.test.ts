// findQuantitiesOf, which starts from the counter words, finds what findQuantities' scan of every character finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuantities, findQuantitiesOf } from '../../src/text/index.js';

const PIECES = [
  '1', '2', '0', '12', '999', ',', ',000', ' ', '  ', '.', '.5', '一', '二', '十', '百', '千', '万', '億', '〇', '件', '名', '人', '分',
  '人分', '名分', '件分', '台', '回', '通', '社', '約', '最大', '以上', '程度', 'を超え', '超', 'の', 'お客様', '。', '\n', 'a', '年',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));
const FIRSTS = [['件', '名', '人'], ['台'], ['回', '通'], ['人']];

describe('findQuantitiesOf', () => {
  it('finds the quantities of findQuantities whose counter word starts with one of the characters', () => {
    for (const firsts of FIRSTS) {
      fc.assert(
        fc.property(text, (s) => {
          expect(findQuantitiesOf(s, firsts)).toEqual(findQuantities(s).filter((q) => firsts.includes(q.unit[0]!)));
        }),
        { numRuns: 3000 },
      );
    }
  });

  it('finds a run that starts after a comma or space which continue no run', () => {
    expect(findQuantitiesOf('x,123件 と 5 万人', ['件', '人']).map((q) => [q.raw, q.unit])).toEqual([['123', '件'], ['5 万', '人']]);
  });
});
