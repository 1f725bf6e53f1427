// The scans that stand in for regexes in date-clauses and org-names find what those regexes find.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CITED,
  CLAUSE_WORDS,
  DISCOVERY,
  EVENT_WORD,
  MAY_CITE,
  MAY_RESPOND,
  MAY_START_PERIOD,
  PERIOD_START,
  RESPONSE_ONLY,
  mayMatchAfter,
} from '../../src/extract/fields/date-clauses.js';
import { findLegalNames, isKanjiKataAt, isNameCharAt } from '../../src/extract/fields/org-names.js';
import { firstMatches } from '../../src/extract/fields/qty-scan.js';
import { isBlank, isSpace } from '../../src/text/index.js';

const PIECES = [
  'から', 'の', 'ご', '連絡', '通報', '報告', '指摘', 'お問い合わせ', '問い合わせ', 'を装', 'を騙', 'をかた', 'に見せかけ', '確認', 'され', 'て',
  'い', 'お', 'ない', 'ません', 'りません', '判明', '発見', 'し', 'いたし', '受', 'が', 'を', 'あ', '申し出', 'により', '第一報', '一報',
  '発生', '送信', '誤送信', '誤', '大量の', 'アクセス', '通信', '不正', 'ログイン', '表示', '、', '。', ' ', 'x', '確', 'か',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((a) => a.join(''));

describe('discovery and event words', () => {
  it('are found by the scan where DISCOVERY and EVENT_WORD find them', () => {
    const firsts = new Int32Array(2);
    fc.assert(
      fc.property(text, (s) => {
        firstMatches(CLAUSE_WORDS, s, firsts);
        return firsts[0] === s.search(DISCOVERY) && firsts[1] === s.search(EVENT_WORD);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the look at the text after a date', () => {
  it('rules out CITED, PERIOD_START and RESPONSE_ONLY only where they do not match', () => {
    const AFTER = ['に', 'にて', 'の', '付', '付け', '頃', 'ごろ', 'から', 'より', '以降', '、', ',', '順次', '個別に', '個別', '第2報', '第一報', '続報',
      'お知らせ', '公表', '発表し', '「', 'プレスリリース', 'ご連絡', 'メール', ' ', '\u3000', '\n', 'x', '判明', 'まで', '(', '〜'];
    const after = fc.array(fc.constantFrom(...AFTER), { maxLength: 6 }).map((a) => a.join(''));
    let matched = 0;
    fc.assert(
      fc.property(after, (s) => {
        const may = mayMatchAfter(s);
        const cited = CITED.test(s);
        const period = PERIOD_START.test(s);
        const respond = RESPONSE_ONLY.test(s);
        if (cited || period || respond) matched++;
        return (!cited || (may & MAY_CITE) !== 0) && (!period || (may & MAY_START_PERIOD) !== 0) && (!respond || (may & MAY_RESPOND) !== 0);
      }),
      { numRuns: 20000 },
    );
    expect(matched).toBeGreaterThan(2000);
  });
});

describe('character tables', () => {
  it('match the classes they stand for on every code unit', () => {
    const NAME_CHAR = /[^\s、。,，.「」『』()（）［］[\]【】・:：;；/"'“”]/;
    const KANJI_KATA = /[一-龠々ァ-ヶー A-Za-z0-9]/;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isNameCharAt(ch, 0) !== NAME_CHAR.test(ch)) throw new Error(`NAME_CHAR ${c.toString(16)}`);
      if (isKanjiKataAt(ch, 0) !== KANJI_KATA.test(ch)) throw new Error(`KANJI_KATA ${c.toString(16)}`);
      if (isSpace(c) !== /\s/.test(ch) || isSpace(c) !== (ch.trim() === '')) throw new Error(`\\s ${c.toString(16)}`);
    }
    expect(isNameCharAt('a', 1)).toBe(false);
    fc.assert(fc.property(fc.array(fc.constantFrom(' ', '\u3000', '\n', '\t', 'a', '。'), { maxLength: 8 }).map((a) => a.join('')), (s) => isBlank(s, 0, s.length) === (s.trim() === '')));
    expect(isBlank('a  b', 1, 3)).toBe(true);
    expect(isKanjiKataAt('a', -1)).toBe(false);
  });
});

describe('findLegalNames', () => {
  it('finds every legal form, also after words that hold 会社 or 法人', () => {
    const names = findLegalNames('子会社の社会保険労務士法人みほん、特定非営利活動法人ためし及び医療法人社団見本会と(株)ためし屋').map((n) => n.name);
    expect(names).toEqual(['社会保険労務士法人みほん', '特定非営利活動法人ためし', '医療法人社団見本会', '(株)ためし屋']);
  });
});
