// The shortcuts of the affected-count candidates decide as the code they stand in for.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { hasCountLabel } from '../../src/extract/fields/qty-candidates.js';

describe('hasCountLabel', () => {
  it('is /件数|人数|者数/.test', () => {
    const text = fc.array(fc.constantFrom('件', '人', '者', '数', '件数', '名', '対象', '数数', ' ', 'x', '。'), { maxLength: 10 }).map((a) => a.join(''));
    fc.assert(fc.property(text, (s) => hasCountLabel(s) === /件数|人数|者数/.test(s)), { numRuns: 5000 });
  });
});
