// The one-pass word scanner must find exactly what one global search per pattern finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUT_PATTERNS } from '../../src/extract/fields/qty-clauses.js';
import { DISCOVERY, EVENT_WORD } from '../../src/extract/fields/date-clauses.js';
import { DATA_TERMS, OTHER_TERMS, TERM_PATTERNS } from '../../src/extract/fields/qty-data-terms.js';
import { firstMatch, firstMatches, literalPrefixesOf, plainWords, scanAll, scannerOf, scanRanges, type Range, type Scanner } from '../../src/extract/fields/qty-scan.js';
import { sampleTexts } from '../helpers/samples.js';

function globalMatches(re: RegExp, text: string): { start: number; end: number; word: string }[] {
  const g = new RegExp(re.source, re.flags.replace('g', '') + 'g');
  return [...text.matchAll(g)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
}

/** firstMatches as an array */
function firstsOf(scanner: Scanner, text: string): number[] {
  const firsts = new Int32Array(scanner.patterns.length);
  firstMatches(scanner, text, firsts);
  return [...firsts];
}

// word lists with groups, optional parts, lookarounds, classes and words that are prefixes of others
const TRICKY = [
  /(?:者|様)名(?![簿義])/g,
  /取引先(?:様)?の?(?:個人)?(?:情報|名)/g,
  /E-?mail|ab|abc|a/g,
  /(?:ましたが|ますが|ず)、|(?:ましたが|ますが)|。/g,
  /[(（][^()（）\n]{0,12}?(?:ません|ない)[)）]/g,
  /(?<![対関])(?:し|り)、/g,
  /x+y|xy?z|(?:q)*r/g,
  /(a)b\1|ac/g,
  /番号/g,
];

describe('qty-scan', () => {
  it('reads the literal beginnings of word lists, or gives up', () => {
    expect(literalPrefixesOf('氏名|(?:住所|所在地)|[(（]以下')).toEqual(['氏名', '住所', '所在地', '(', '（']);
    expect(literalPrefixesOf('a?b|c')).toBeNull();
    expect(literalPrefixesOf('.x')).toBeNull();
  });

  // A pattern whose beginnings cannot be read is searched as a whole regex over every text: still right,
  // but it undoes the scanner (「(?<!ポイント)残高」 did; 「残高(?<!ポイント残高)」 keeps a readable beginning).
  it('reads the beginnings of every word list the extractors scan', () => {
    const unreadable = [...TERM_PATTERNS, ...CUT_PATTERNS, DISCOVERY, EVENT_WORD].filter((re) => literalPrefixesOf(re.source) === null);
    expect(unreadable.map((re) => re.source.slice(0, 40))).toEqual([]);
  });

  it('spells out plain word lists in the order a regex tries them', () => {
    expect(plainWords('(?:者|様)名')).toEqual(['者名', '様名']);
    expect(plainWords('取引先(?:様)?の')).toEqual(['取引先様の', '取引先の']);
    expect(plainWords('E-?mail|Eメール')).toEqual(['E-mail', 'Email', 'Eメール']);
    expect(plainWords('個人番号(?!カード)')).toBeNull();
    expect(plainWords('a+b')).toBeNull();
    expect(plainWords('a??b')).toBeNull();
  });

  it('finds the same matches as a global search per pattern, including patterns it cannot index', () => {
    const patterns = [...DATA_TERMS.map(([re]) => re), OTHER_TERMS, ...CUT_PATTERNS, ...TRICKY, /\d+名/, /メール(?:アドレス)?/i];
    const scanner = scannerOf(patterns);
    const texts = sampleTexts().map((t) => t.normalize('NFKC'));
    texts.push('', '氏名氏名住所', 'メールアドレスとMAILとメール', '者名様名簿', 'abcab a', 'Email E-mail E-mai');
    let found = 0;
    for (const text of texts) {
      const got = scanAll(scanner, text);
      let first = -1;
      patterns.forEach((re, i) => {
        const want = globalMatches(re, text);
        found += want.length;
        expect(got[i], `${re} on ${text.slice(0, 40)}`).toEqual(want);
        if (want.length > 0 && (first < 0 || want[0]!.start < first)) first = want[0]!.start;
      });
      // the first match of any pattern, as a search of their union finds it
      expect(firstMatch(scanner, text), text.slice(0, 40)).toBe(first);
      expect(firstsOf(scanner, text), text.slice(0, 40)).toEqual(patterns.map((re) => text.search(re)));
    }
    expect(found).toBeGreaterThan(100);
  });

  it('agrees with global searches for hundreds of words sharing a few characters', () => {
    // many pairs of first characters (the scanner's hash table must place them all) and one-character
    // words that begin longer ones
    const chars = [...'あいうえおかきくけこ。、'];
    const words = chars.flatMap((a) => chars.map((b) => a + b)).filter((_, i) => i % 3 !== 0);
    const patterns = [0, 1, 2, 3].map((k) => new RegExp(words.filter((_, i) => i % 4 === k).map((w, i) => (i % 5 === 0 ? w + 'う' : w)).join('|') + '|。|か', 'g'));
    const scanner = scannerOf(patterns);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        const got = scanAll(scanner, text);
        patterns.forEach((re, i) => expect(got[i]).toEqual(globalMatches(re, text)));
        expect(firstMatch(scanner, text)).toBe(text.search(new RegExp(patterns.map((re) => re.source).join('|'))));
        expect(firstsOf(scanner, text)).toEqual(patterns.map((re) => text.search(re)));
      }),
      { numRuns: 300 },
    );
  });

  it('tells whether a text holds any vocabulary word as a search of their union does', () => {
    // (data-items tests list chunks this way)
    const scanner = scannerOf(DATA_TERMS.map(([re]) => re));
    const union = new RegExp(DATA_TERMS.map(([re]) => `(?:${re.source})`).join('|'));
    const pieces = ['個人番号', 'カードの', 'カード', '所属', 'する', '給与', '口座', 'ID', 'x', '宛名', 'ラベル', '者', '様', '名', '簿', '取引先', '様の', '情報', '番', '号', '日', '・', '、'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(firstMatch(scanner, text) >= 0).toBe(union.test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with global searches on random texts made of the patterns’ own characters', () => {
    const patterns = [...DATA_TERMS.map(([re]) => re), OTHER_TERMS, ...CUT_PATTERNS, ...TRICKY];
    const scanner = scannerOf(patterns);
    const pieces = ['者', '様', '名', '簿', '取引先', '様の', '個人', '情報', 'E', '-', 'mail', 'a', 'b', 'c', 'ました', 'ます', 'が', 'ず', '、', '。',
      '(', ')', 'ません', 'ない', '対', 'し', 'り', 'x', 'y', 'z', 'q', 'r', '番号', '電話', 'カード', 'ID', 'パスワード', '\n', ' ', '氏名', '住所'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const got = scanAll(scanner, text);
        patterns.forEach((re, i) => expect(got[i]).toEqual(globalMatches(re, text)));
      }),
      { numRuns: 400 },
    );
  });

  it('scans ranges of lines as the whole text, keeping the matches that start in them', () => {
    // none of these patterns matches a line end, so ranges that start at line starts are exact; one
    // pattern the scanner cannot index (\d+名) is searched over the whole text and filtered
    const patterns = [...DATA_TERMS.map(([re]) => re), OTHER_TERMS, ...CUT_PATTERNS, /「[^「」\n]{2,20}」/g, /\d+名/g, ...TRICKY.slice(0, 5)];
    const scanner = scannerOf(patterns);
    const pieces = ['者', '様', '名', '簿', '取引先', '様の', '個人', '情報', 'E', '-', 'mail', 'ました', 'ます', 'が', 'ず', '、', '。', '(', ')',
      'ません', 'ない', '番号', '電話', 'ID', '氏名', '住所', '「', '」', '12', '3名', ' ', '\n', '\n', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), fc.array(fc.boolean(), { maxLength: 30 }), (parts, keep) => {
        const text = parts.join('');
        // the lines of the text, each kept or not; kept neighbours make one range
        const ranges: Range[] = [];
        let start = 0;
        text.split('\n').forEach((line, i) => {
          const end = start + line.length;
          if (keep[i % Math.max(1, keep.length)] ?? true) {
            const last = ranges[ranges.length - 1];
            if (last && last.end >= start - 1) last.end = end;
            else ranges.push({ start, end });
          }
          start = end + 1;
        });
        const inRanges = (pos: number) => ranges.some((r) => pos >= r.start && pos < r.end);
        const got = scanRanges(scanner, text, ranges);
        const all = scanAll(scanner, text);
        patterns.forEach((re, i) => expect(got[i], `${re}`).toEqual(all[i]!.filter((m) => inRanges(m.start))));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same matches when scanners of different sizes take turns', () => {
    const big = [...DATA_TERMS.map(([re]) => re), OTHER_TERMS];
    const small = [/氏名/g, /住所/g];
    const texts = sampleTexts().map((t) => t.normalize('NFKC'));
    const alone = (patterns: RegExp[], text: string) => scanAll(scannerOf(patterns), text);
    const bigScanner = scannerOf(big);
    const smallScanner = scannerOf(small);
    for (const text of texts) {
      expect(scanAll(bigScanner, text)).toEqual(alone(big, text));
      expect(scanAll(smallScanner, text)).toEqual(alone(small, text));
    }
  });
});
