// The hand-written fast paths of data-items against the plain versions they stand for: the list chunk
// split, the field-name ending test, the skipped sections (left unscanned) and the evidence dedupe.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/extract/context.js';
import { changedAfter, extractDataItems, labelAfter, linesOutside, outsideSpans, splitChunks } from '../../src/extract/fields/data-items.js';
import { CUT_PATTERNS } from '../../src/extract/fields/qty-clauses.js';
import { FIELD_LIKE, fieldLike, TERM_PATTERNS } from '../../src/extract/fields/qty-data-terms.js';
import { inSpans, sectionsOf } from '../../src/extract/fields/qty-scope.js';
import { sampleTexts } from '../helpers/samples.js';

const CHUNK_SPLIT = /[、,，・/「」『』()（）:：\n]|及び|および|並びに|ならびに|または|又は|もしくは|等|など|とその|の一部/;
const ctxOf = (text: string) => createContext({ text, source: { sha256: '0'.repeat(64), mediaType: 'text/plain' } });

describe('list chunks', () => {
  it('are split as the regex split they stand for splits them', () => {
    const pieces = ['、', ',', '・', '/', '「', '」', '(', ')', ':', '\n', '及び', 'お', 'よび', 'および', '並びに', 'な', 'ら', 'びに', 'など', 'ど',
      'また', 'は', '又', 'もしく', '等', 'とその', 'と', 'その', 'の一部', 'の', '一部', '氏名', '住所', 'x', ' '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(splitChunks(s)).toEqual(s.split(CHUNK_SPLIT));
      }),
      { numRuns: 4000 },
    );
  });

  it('read as field names exactly when the ending regex says so', () => {
    const pieces = ['日', '日時', '時', '番号', '号', '履歴', '内容', '容', '額', '金額', 'コード', 'ド', 'ID', 'D', 'I', '名', '先', '数', '所見', '見',
      '氏', '情報', 'x', ' ', '年月', '月'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 5 }), (parts) => {
        const s = parts.join('');
        expect(fieldLike(s)).toBe(FIELD_LIKE.test(s));
      }),
      { numRuns: 4000 },
    );
  });
});

describe('the words after a vocabulary word', () => {
  it('read as a label or a change as the regexes on the copied window do', () => {
    const pieces = [' ', '\u3000', '\n', '\t', ':', '：', '「', 'が', 'を', '変更', 'され', '変更され', 'は', 'x', '氏名'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), fc.nat(12), fc.nat(12), (parts, a, b) => {
        const text = parts.join('');
        const from = Math.min(a, text.length);
        // (before `from` too: a word can end past its clause end; and past the text end)
        const to = Math.max(0, Math.min(from + b - 3, text.length + 2));
        const after = text.slice(from, to);
        expect(labelAfter(text, from, to), JSON.stringify(after)).toBe(/^\s*[:：「]/.test(after));
        expect(changedAfter(text, from, to), JSON.stringify(after)).toBe(/^(?:が|を)?変更され/.test(after));
      }),
      { numRuns: 4000 },
    );
  });
});

describe('skipped sections', () => {
  // sorted, disjoint spans over [0, n)
  const spansArb = fc.array(fc.nat(60), { maxLength: 12 }).map((cuts) => {
    const at = [...new Set(cuts)].sort((a, b) => a - b);
    const spans: { start: number; end: number }[] = [];
    for (let i = 0; i + 1 < at.length; i += 2) spans.push({ start: at[i]!, end: at[i + 1]! });
    return spans;
  });

  it('leave the positions and lines that inSpans does not find in them', () => {
    fc.assert(
      fc.property(spansArb, fc.array(fc.constantFrom('ab', 'c', '', 'defg'), { maxLength: 20 }), (spans, lineTexts) => {
        const n = 62;
        const kept = outsideSpans(spans, n);
        for (let pos = 0; pos < n; pos++) expect(kept.some((r) => pos >= r.start && pos < r.end), `${pos}`).toBe(!inSpans(spans, pos));
        const ctx = ctxOf(lineTexts.join('\n'));
        expect(linesOutside(ctx.lines, spans)).toEqual(ctx.lines.filter((l) => !inSpans(spans, l.start)));
      }),
      { numRuns: 1000 },
    );
  });

  it('are whole lines, so that no clause or match reaches over their edges', () => {
    const texts = sampleTexts();
    const heads = ['1. 概要', '2. 再発防止策', '■お問い合わせ先', '【お願い】', '(1) 原因', '再発防止策', '・氏名、住所', '氏名が流出しました。', '', ' '];
    texts.push(...fc.sample(fc.array(fc.constantFrom(...heads), { maxLength: 14 }), { numRuns: 300, seed: 7 }).map((ls) => ls.join('\n')));
    for (const text of texts) {
      const ctx = ctxOf(text);
      const starts = new Set(ctx.lines.map((l) => l.start));
      const ends = new Set(ctx.lines.map((l) => l.end));
      for (const s of sectionsOf(ctx)) {
        if (!s.heading) continue;
        expect(starts.has(s.heading.start)).toBe(true);
        expect(ends.has(s.end)).toBe(true);
      }
    }
  });
});

describe('data item evidence', () => {
  it('holds each span once, however often the notice names it', () => {
    // 「取引先情報」 is a vocabulary word and, in a list, a field as well; lines repeat words
    const pieces = ['氏名', '、', '取引先情報', '会員番号', '所属先', '資格取得日', 'が流出しました。', 'は含まれておりません。', '\n', '\n・', '1.漏えいした情報\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const r = extractDataItems(ctxOf(`お知らせ\n\n${parts.join('')}\n`));
        for (const ev of [r.dataItems.evidence, r.excludedDataItems.evidence]) {
          expect(new Set(ev.map((e) => `${e.start}:${e.end}`)).size).toBe(ev.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('scans only outside skipped sections because no pattern it scans for matches across a line end', () => {
    // (the precondition of scanRanges in extractDataItems: were it broken, a match could start in a skipped
    // section and reach into the text that is read)
    const texts = sampleTexts();
    // lines made of the patterns' own words, so every pattern gets the chance to match across the break
    const words = TERM_PATTERNS.flatMap((re) => re.source.split(/[|()?:]+/).filter((w) => /^[^\\[\]{}.*+^$]+$/.test(w)));
    texts.push(words.join('\n'), words.join('\n・'), words.join('、\n'));
    let matches = 0;
    for (const re of [...TERM_PATTERNS, ...CUT_PATTERNS]) {
      const g = new RegExp(re.source, re.flags.replace('g', '') + 'g');
      for (const text of texts) {
        for (const m of text.matchAll(g)) {
          matches++;
          expect(m[0], re.source.slice(0, 40)).not.toContain('\n');
        }
      }
    }
    expect(matches).toBeGreaterThan(1000);
  });
});
