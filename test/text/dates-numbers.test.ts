// The number parsing of dates gives what Number() gave for digit strings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitsValue, parseJaNumber } from '../../src/text/dates.js';

describe('digitsValue', () => {
  it('is Number(s) for one to nine ASCII digits, leading zeros too', () => {
    const digits = fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 9 }).map((a) => a.join(''));
    fc.assert(fc.property(digits, (s) => digitsValue(s) === Number(s)), { numRuns: 5000 });
  });
});

describe('parseJaNumber', () => {
  it('reads digit strings of any length as Number() does', () => {
    const digits = fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 24 }).map((a) => a.join(''));
    fc.assert(fc.property(digits, (s) => parseJaNumber(s) === Number(s)), { numRuns: 5000 });
    expect(parseJaNumber('十二')).toBe(12);
    expect(parseJaNumber('元')).toBe(1);
  });
});
