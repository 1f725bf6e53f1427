import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, toOriginalSpan } from '../../src/text/index.js';

describe('normalize', () => {
  it('applies NFKC and maps spans back to the original text', () => {
    const original = '令和６年２月１５日、㈱テストでＡＢＣ';
    const nt = normalize(original);
    expect(nt.text).toBe('令和6年2月15日、(株)テストでABC');
    const i = nt.text.indexOf('15');
    const span = toOriginalSpan(nt, i, i + 2);
    expect(original.slice(span.start, span.end)).toBe('１５');
    const k = nt.text.indexOf('株');
    const s2 = toOriginalSpan(nt, k, k + 1);
    expect(original.slice(s2.start, s2.end)).toBe('㈱');
  });

  it('folds CRLF to LF and composes half-width voiced kana', () => {
    const nt = normalize('ｶﾞｲﾄﾞ\r\nline');
    expect(nt.text).toBe('ガイド\nline');
    const nl = nt.text.indexOf('\n');
    expect(toOriginalSpan(nt, nl, nl + 1)).toEqual({ start: 5, end: 7 });
  });

  it('maps Kangxi radical look-alikes from PDFs to ordinary kanji', () => {
    expect(normalize('⼈⽉').text).toBe('人月');
  });

  it('removes zero-width characters on request', () => {
    const nt = normalize('exa\u200bmple.com', { removeZeroWidth: true });
    expect(nt.text).toBe('example.com');
    expect(toOriginalSpan(nt, 0, nt.text.length)).toEqual({ start: 0, end: 12 });
  });

  it('equals NFKC of the whole text, and every character maps to the part of the original that produced it', () => {
    // kana, kanji, ASCII, full-width forms, half-width kana and voicing marks, combining accents, ㈱, CR/LF,
    // a zero-width space and an astral character: the copy-through fast path and the per-chunk path side by side
    const pool = ['あ', 'ガ', '漏', 'a', '7', 'Ａ', '７', 'ｶ', 'ﾞ', 'e', '\u0301', '㈱', '\r', '\n', '\u200b', '𠮷', '、', '（'];
    const text = fc.array(fc.constantFrom(...pool), { maxLength: 40 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (original) => {
        const nt = normalize(original);
        expect(nt.text).toBe(original.replace(/\r\n?/g, '\n').normalize('NFKC'));
        expect(nt.start.length).toBe(nt.text.length);
        for (let i = 0; i < nt.text.length; i++) {
          const from = original.slice(nt.start[i], nt.end[i]).replace(/\r\n?/g, '\n').normalize('NFKC');
          expect(from).toContain(nt.text[i]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('maps every span back the same way as the per-character offset arrays', () => {
    const pool = ['あ', 'ガ', 'a', '７', 'ｶ', 'ﾞ', 'e', '\u0301', '㈱', '\r', '\n', '\r\n', '\u200b', '𠮷', '（', '…'];
    const text = fc.array(fc.constantFrom(...pool), { maxLength: 30 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, fc.boolean(), (original, removeZeroWidth) => {
        const nt = normalize(original, { removeZeroWidth });
        const len = nt.text.length;
        const { start, end } = nt; // built from the segments on first use
        for (let a = -1; a <= len + 1; a++) {
          for (let b = a - 1; b <= len + 1; b++) {
            const x = Math.min(Math.max(a, 0), len);
            const y = Math.min(Math.max(b, x), len);
            const expected =
              len === 0
                ? { start: 0, end: 0 }
                : x === len
                  ? { start: original.length, end: original.length }
                  : { start: start[x], end: y === x ? start[x] : end[y - 1] };
            expect(toOriginalSpan(nt, a, b)).toEqual(expected);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
