// The classification fields' fast paths must answer exactly as the regexes they stand for: checked on
// generated text (every mix of the characters the paths look at) and on the bundled sample notices.
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/extract/context.js';
import { alternativeGates, narrowed, sentencesOf } from '../../src/extract/fields/class-text.js';
import { hasEnglishProse } from '../../src/extract/fields/leak-status.js';
import { alternativesOf } from '../../src/extract/fields/regex-prefilter.js';
import type { Document } from '../../src/model/index.js';
import { sampleTexts } from '../helpers/samples.js';

const doc = (text: string): Document => ({ text, source: { sha256: 'x', mediaType: 'text/plain' } });

/** Deterministic pseudo-random strings over an alphabet (xorshift32: the same cases every run). */
function generated(alphabet: string[], count: number, maxLength: number): string[] {
  let seed = 12345;
  const next = (n: number): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const length = next(maxLength + 1);
    for (let k = 0; k < length; k++) s += alphabet[next(alphabet.length)];
    out.push(s);
  }
  return out;
}

describe('hasEnglishProse', () => {
  const ENGLISH_PROSE = /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/;

  it('answers as the regex on generated text', () => {
    // (mostly letters and spaces, so that many hold three words; the rest border the letter ranges)
    const texts = generated(['a', 'Z', 'q', 'b', 'M', 'z', 'a', 'x', ' ', ' ', ' ', ' ', 'あ', '1', '\n', '@', '[', '`', '{'], 50000, 32);
    let yes = 0;
    for (const text of texts) {
      const truth = ENGLISH_PROSE.test(text);
      if (truth) yes++;
      expect(hasEnglishProse(text), JSON.stringify(text)).toBe(truth);
    }
    expect(yes).toBeGreaterThan(100); // the cases hold matches, not only misses
  });

  it('answers as the regex on the sample notices and on edge cases', () => {
    const edges = ['ab cd ef', ' ab cd ef', 'ab cd e', 'a bc de', 'ab  cd ef', 'ab cd\nef', 'ab c1 ef', 'abc de fgh', 'ab cd ', ' cd ef', 'x ab cd ef y'];
    for (const text of [...sampleTexts(), ...edges]) expect(hasEnglishProse(text), text.slice(0, 40)).toBe(ENGLISH_PROSE.test(text));
  });
});

describe('alternativesOf', () => {
  it('splits a source at its top-level bars only', () => {
    expect(alternativesOf('a|(?:b|c)d|[|]e|\\|f')).toEqual(['a', '(?:b|c)d', '[|]e', '\\|f']);
    expect(alternativesOf('abc')).toEqual(['abc']);
    // joined again they are the source
    const src = '(?:流出|漏えい)(?:し|され)|外部(?:に|へ)送信|[0-9]+回';
    expect(alternativesOf(src).join('|')).toBe(src);
  });
});

describe('regexes narrowed to the alternatives a sentence may hold', () => {
  // Alternatives of every kind the gates read: groups, classes, quantifiers, lookarounds, the i flag.
  const RE = new RegExp(
    [
      '(?:流出|漏えい)(?:し|され)(?:て(?:い|お))?(?:た|ました)(?!可能性|おそれ)',
      '外部(?:に|へ)送信',
      '(?:アクセス|ダウンロード)[^。\\n]{0,12}[0-9]+回',
      '(?<!ダイレクト)メール[^。\\n]{0,10}誤',
      '第三者',
      'ab',
      '[0-9.]+\\s?[%％](?:が|の)',
    ].join('|'),
    'gi',
  );
  const gates = alternativeGates(RE);

  /** Every match from every lastIndex, as index:text. */
  function matches(re: RegExp, text: string): string[] {
    const out: string[] = [];
    for (let from = 0; from <= text.length; from++) {
      re.lastIndex = from;
      const m = re.exec(text);
      out.push(m ? `${m.index}:${m[0]}` : '-');
    }
    return out;
  }

  it('find what the whole regex finds, from every lastIndex', () => {
    const pieces = ['流出', 'し', 'され', 'ました', 'た', '可能性', '外部', 'に', '送信', 'アクセス', '3', '回', 'ダイレクト', 'メール', '誤', '第三者', 'AB', 'b', '%', 'が', '。', '\n', 'の'];
    const texts = generated(pieces, 3000, 10).map((t) => t + '。');
    let ruledOut = 0;
    let matched = 0;
    for (const text of [...texts, ...sampleTexts()]) {
      for (const s of sentencesOf(createContext(doc(text)))) {
        const re = narrowed(s, gates);
        const whole = matches(RE, s.text);
        if (re === null) {
          ruledOut++;
          expect(whole.every((m) => m === '-'), s.text).toBe(true);
        } else {
          if (whole.some((m) => m !== '-')) matched++;
          expect(matches(re, s.text), s.text).toEqual(whole);
        }
      }
    }
    expect(ruledOut).toBeGreaterThan(100);
    expect(matched).toBeGreaterThan(1000);
  });
});
