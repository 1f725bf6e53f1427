// The scans that replace regexes in date-clauses and org-names find what those regexes find.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISCOVERY, EVENT_WORD, WordSet } from '../../src/extract/fields/date-clauses.js';
import { findLegalNames, isKanjiKataAt, isNameCharAt } from '../../src/extract/fields/org-names.js';
import { isSpace } from '../../src/text/index.js';

// The regex date-clauses used for the discovery words before DISCOVERY scanned them.
const DISCOVERY_RE =
  /判明|認識|覚知|認知|察知|から(?:の)?(?:ご)?(?:連絡|通報|報告|指摘|通知|情報提供|問い合わせ|お問い合わせ|申し出|相談)(?!を装|を騙|をかた|に見せかけ)|情報提供を受|第一報|一報が|連絡により|通報により|指摘により|申し出により|報告により|連絡をいただ|ご連絡|問い合わせをいただ|通知を受|報告をいただ|発覚|検知|把握|気づ|気付|発見し|発見いたし|確認(?!され(?:て)?(?:い|お)(?:ない|ません|りません))|連絡を受|連絡があ|通報を受|報告を受|報告があ|指摘を受|指摘があ|ご指摘|申し出|申出|お問い合わせ|問い合わせ(?:が|を受)|相談を受|アラート|異常を/;
const EVENT_SET = new WordSet(EVENT_WORD.source.split('|'));

const PIECES = [
  'から', 'の', 'ご', '連絡', '通報', '報告', '指摘', 'お問い合わせ', '問い合わせ', 'を装', 'を騙', 'をかた', 'に見せかけ', '確認', 'され', 'て',
  'い', 'お', 'ない', 'ません', 'りません', '判明', '発見', 'し', 'いたし', '受', 'が', 'を', 'あ', '申し出', 'により', '第一報', '一報',
  '発生', '送信', '誤送信', '誤', '大量の', 'アクセス', '通信', '不正', 'ログイン', '表示', '、', '。', ' ', 'x', '確', 'か',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((a) => a.join(''));

describe('WordSet', () => {
  it('finds the discovery words where the discovery regex does', () => {
    fc.assert(fc.property(text, (s) => DISCOVERY.search(s) === s.search(DISCOVERY_RE)), { numRuns: 5000 });
  });

  it('finds the event words where EVENT_WORD does', () => {
    fc.assert(fc.property(text, (s) => EVENT_SET.search(s) === s.search(EVENT_WORD)), { numRuns: 5000 });
  });

  it('wants sticky patterns', () => {
    expect(() => new WordSet([], [/確認/])).toThrow();
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
    expect(isKanjiKataAt('a', -1)).toBe(false);
  });
});

describe('findLegalNames', () => {
  it('finds every legal form, also after words that hold 会社 or 法人', () => {
    const names = findLegalNames('子会社の社会保険労務士法人みほん、特定非営利活動法人ためし及び医療法人社団見本会と(株)ためし屋').map((n) => n.name);
    expect(names).toEqual(['社会保険労務士法人みほん', '特定非営利活動法人ためし', '医療法人社団見本会', '(株)ためし屋']);
  });
});
