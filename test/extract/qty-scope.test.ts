// sectionsOf splits the context's own lines: the sections are those splitSections finds in the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/extract/context.js';
import { sectionsOf } from '../../src/extract/fields/qty-scope.js';
import { splitSections } from '../../src/text/index.js';

const PIECES = [
  '1.', '2.', '3.', '(1)', '(2)', '第1', '一、', '■', '・', '- ', '【お問い合わせ】', '再発防止策', '概要', '経緯', 'お問い合わせ窓口',
  '当社は', '不正アクセスを受けました', '。', '、', ' ', '\u3000', '\n', '\n', '\n\n', '5月1日', '電話:0120', 'x',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));

describe('sectionsOf', () => {
  it('are the sections splitSections finds in the text', () => {
    fc.assert(fc.property(text, (s) => {
      const ctx = createContext({ text: s, source: { sha256: '0', mediaType: 'text/plain' } } as never);
      expect(sectionsOf(ctx)).toEqual(splitSections(ctx.text));
    }), { numRuns: 3000 });
  });
});
