// The prefilters may only ever say "cannot match" when the regex really cannot: checked here on
// regexes using every construct the analysis reads (alternation, groups, quantifiers, classes,
// lookarounds, \b, the i flag) over sentences made from the bundled sample notices.
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/extract/context.js';
import { sentencesOf } from '../../src/extract/fields/class-text.js';
import { AnchorGates, mayOccur, requiredChars } from '../../src/extract/fields/regex-prefilter.js';
import type { Document } from '../../src/model/index.js';
import { sampleTexts } from '../helpers/samples.js';

const doc = (text: string): Document => ({ text, source: { sha256: 'x', mediaType: 'text/plain' } });

const REGEXES: RegExp[] = [
  /紛失|置き忘|所在不明/,
  /不正(?:に|な)?持ち?出|無断で/,
  /(?:流出|漏えい)(?:し|され)(?:て(?:い|お))?(?:た|ました)(?!可能性|おそれ)/,
  /(?<!ダイレクト)(?:電子)?メール[^。\n]{0,40}誤(?:送信|送付)/,
  /[0-9]+割(?:が|の|に)|[0-9.]+\s?[%％](?:が|の|に)/,
  /個人情報|氏名|住所/,
  /\bransomware\b|\bhack(?:ed|ing)\b/i,
  /^[(（][0-9]{1,2}[)）]/,
  /件数|人数|者数$/,
  /お詫び|おわび|お詫/,
  /(?:ください|下さい)。?$/,
  /[、。]ません|ず[、。]/,
  /USB\s?メモリ|PC|pc/i,
];

describe('regex prefilters', () => {
  it('reads required characters', () => {
    expect(requiredChars(/紛失|遺失/)).toEqual([
      [['紛'], ['失'], ['紛失']],
      [['遺'], ['失'], ['遺失']],
    ]);
    expect(requiredChars(/a?|b/)).toBeNull(); // the empty match needs nothing
  });

  it('mayOccur says no only for notices lacking what every match needs', () => {
    const ctx = createContext(doc('USBメモリを紛失しました。'));
    expect(mayOccur(ctx, /紛失|置き忘/)).toBe(true);
    expect(mayOccur(ctx, /盗難|窃盗/)).toBe(false);
    expect(mayOccur(ctx, /失紛/)).toBe(false); // both characters, but never adjacent in that order
    expect(mayOccur(createContext(doc('We were HACKED.')), /\bhack(?:ed|ing)\b/i)).toBe(true);
  });

  it('never rules out a notice the regex matches', () => {
    const texts = sampleTexts();
    expect(texts.length).toBeGreaterThan(10);
    let matched = 0;
    for (const text of texts) {
      const ctx = createContext(doc(text));
      for (const re of REGEXES) {
        const truth = new RegExp(re.source, re.flags).test(ctx.text);
        if (truth) matched++;
        if (!mayOccur(ctx, re)) expect(truth, `${re} on a notice ruled out`).toBe(false);
      }
    }
    expect(matched).toBeGreaterThan(50); // the check saw real matches, not only misses
  });

  it('anchor gates never rule out a sentence the regex matches', () => {
    const extra = [/(?:ファイル|データ)[^。\n]{0,20}暗号化され/, /[0-9.]+\s?[%％](?:が|の|に)/, /Ａ|a/i, /確認(?:すること|が)?(?:は|が)?(?:でき|出来)(?:ない|ず|ません)/];
    const regexes = [...REGEXES, ...extra];
    const gates = new AnchorGates(regexes);
    let matched = 0;
    let skipped = 0;
    const texts = [...sampleTexts(), 'Ａａ a 10%が増加。確認ができない。\n\n データが暗号化された', 'x'];
    for (const text of texts) {
      const ctx = createContext(doc(text));
      const sentences = sentencesOf(ctx);
      const rows = gates.scan(ctx.text, sentences);
      regexes.forEach((re, r) => {
        const plain = new RegExp(re.source, re.flags.replace('g', ''));
        sentences.forEach((s, j) => {
          const truth = plain.test(s.text);
          if (truth) matched++;
          if (!gates.isSet(rows, j, r)) {
            skipped++;
            expect(truth, `${re} on ${s.text}`).toBe(false);
          }
        });
      });
    }
    expect(matched).toBeGreaterThan(50);
    expect(skipped).toBeGreaterThan(1000); // the gates do rule sentences out
  });

  it('keeps the marks of every scan while later scans fill new blocks, and gives a long text its own array', () => {
    const gates = new AnchorGates(REGEXES);
    const texts = [...sampleTexts(), '氏名。'.repeat(20_000)];
    const spansOf = (text: string) => sentencesOf(createContext(doc(text)));
    const marksOf = (rows: ReturnType<AnchorGates['scan']>, n: number) =>
      Array.from({ length: n }, (_, j) => REGEXES.map((_re, r) => gates.isSet(rows, j, r)));
    const first = texts.map((text) => {
      const spans = spansOf(text);
      const rows = gates.scan(createContext(doc(text)).text, spans);
      return { rows, n: spans.length, seen: marksOf(rows, spans.length) };
    });
    // many more scans, enough to move through several blocks
    for (let k = 0; k < 200; k++) for (const t of texts.slice(0, 10)) gates.scan(createContext(doc(t)).text, spansOf(t));
    for (const f of first) expect(marksOf(f.rows, f.n)).toEqual(f.seen);
    // the long text's marks are right too: each sentence 氏名。 may match 個人情報|氏名|住所
    const long = first[first.length - 1]!;
    expect(long.n).toBe(20_000);
    expect(long.seen.every((row) => row[5])).toBe(true);
  });

  it('sentence gates of the classification regexes agree with running them', async () => {
    const { gateWord, mayHold, sentenceGate } = await import('../../src/extract/fields/class-text.js');
    const re = /紛失|置き忘|所在不明/;
    const early = sentencesOf(createContext(doc('USBメモリを盗まれました。')));
    const id = sentenceGate(re);
    // registered after those sentences were made: they let it through, unknown as it was
    expect(early.every((s) => mayHold(s, id))).toBe(true);
    for (const text of sampleTexts()) {
      for (const s of sentencesOf(createContext(doc(text)))) {
        if (!mayHold(s, id)) expect(re.test(s.text)).toBe(false);
        // a mark word says what mayHold says of each of its ids
        for (let g = 0; g <= id + 40; g++) expect((gateWord(s, g >> 5) & (1 << (g & 31))) !== 0).toBe(mayHold(s, g));
      }
    }
  });
});
