// Table test: every case of the conformance suite, exact lists per indicator type.
import { describe, expect, it } from 'vitest';
import { extractIndicators, INDICATOR_TYPES } from '../../src/ioc/index.js';
import { CASES } from './cases.js';

describe('IoC conformance suite', () => {
  it('has at least 200 cases, half of them Japanese', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(200);
    expect(CASES.filter((x) => x.lang === 'ja').length * 2).toBeGreaterThanOrEqual(CASES.length);
  });

  it.each(CASES.map((x, i) => [i, x.rule, x] as const))('#%i %s', (_i, _rule, x) => {
    const got = extractIndicators(x.text);
    for (const type of INDICATOR_TYPES) {
      expect(got[type], `${type} in ${JSON.stringify(x.text)}`).toEqual(x.expect[type] ?? []);
    }
  });
});
