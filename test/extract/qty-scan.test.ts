// The one-pass word scanner must find exactly what one global search per pattern finds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_TERMS, OTHER_TERMS } from '../../src/extract/fields/qty-data-terms.js';
import { literalPrefixesOf, scanAll, scannerOf } from '../../src/extract/fields/qty-scan.js';

function globalMatches(re: RegExp, text: string): { start: number; end: number; word: string }[] {
  const g = new RegExp(re.source, re.flags.replace('g', '') + 'g');
  return [...text.matchAll(g)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
}

describe('qty-scan', () => {
  it('reads the literal beginnings of word lists, or gives up', () => {
    expect(literalPrefixesOf('氏名|(?:住所|所在地)|[(（]以下')).toEqual(['氏名', '住所', '所在地', '(', '（']);
    expect(literalPrefixesOf('a?b|c')).toBeNull();
    expect(literalPrefixesOf('.x')).toBeNull();
  });

  it('finds the same matches as a global search per pattern, including patterns it cannot index', () => {
    const patterns = [...DATA_TERMS.map(([re]) => re), OTHER_TERMS, /\d+名/, /メール(?:アドレス)?/i];
    const scanner = scannerOf(patterns);
    const dir = join(import.meta.dirname, '../../samples');
    const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8').normalize('NFKC'));
    texts.push('', '氏名氏名住所', 'メールアドレスとMAILとメール');
    let found = 0;
    for (const text of texts) {
      const got = scanAll(scanner, text);
      patterns.forEach((re, i) => {
        const want = globalMatches(re, text);
        found += want.length;
        expect(got[i], `${re} on ${text.slice(0, 40)}`).toEqual(want);
      });
    }
    expect(found).toBeGreaterThan(100);
  });
});
