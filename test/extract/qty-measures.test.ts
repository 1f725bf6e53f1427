// openerSentences, found from the opener words, are the sentences of the text that hold one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openerSentences, sentences } from '../../src/extract/fields/qty-measures.js';

const WORDS = ['今後', '同様の事案', 'このような事態', '再発防止'];
const PIECES = [...WORDS, '今', '後', '再発', '防止', 'は、', '。', '\n', '\n\n', '研修を実施します', 'x', ' '];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((a) => a.join(''));

describe('openerSentences', () => {
  it('are the sentences that hold an opener word, in text order', () => {
    fc.assert(fc.property(text, (s) => {
      const want = sentences(s, 0, s.length).filter((sp) => WORDS.some((w) => s.slice(sp.start, sp.end).includes(w)));
      expect(openerSentences(s)).toEqual(want);
    }), { numRuns: 3000 });
  });
});
