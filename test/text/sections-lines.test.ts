// The fast paths of splitSections and lineMarker: trimming, marker texts, marker numbers.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { lineMarker, markerNumber, trimmedText } from '../../src/text/index.js';

describe('trimmedText', () => {
  it('is trim()', () => {
    const spaced = fc.array(fc.constantFrom(' ', '\u3000', '\t', '\u00a0', '\ufeff', 'a', '概', '。'), { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(fc.property(spaced, (s) => trimmedText(s) === s.trim()), { numRuns: 3000 });
  });
});

describe('markerNumber', () => {
  it('is the first run of digits, as a number, or -1', () => {
    const marker = fc.array(fc.constantFrom('(', ')', '第', '一', '.', '、', ' ', '0', '1', '2', '9', 'I'), { maxLength: 6 }).map((a) => a.join(''));
    fc.assert(fc.property(marker, (s) => {
      const m = /[0-9]+/.exec(s);
      return markerNumber(s) === (m ? Number(m[0]) : -1);
    }), { numRuns: 3000 });
  });
});

describe('lineMarker', () => {
  it('gives the marker as written, trimmed', () => {
    const line = fc
      .array(fc.constantFrom('1', '12', '.', ')', '(', '第', '一', '、', '・', '■', '- ', 'ア', 'IV', ' ', '\u3000', '\t', '社外', '月', 'x'), { maxLength: 8 })
      .map((a) => a.join(''));
    fc.assert(fc.property(line, (s) => {
      const m = lineMarker(s);
      return m === null || m.text === s.slice(m.indent, m.contentOffset).trim();
    }), { numRuns: 5000 });
  });
});
