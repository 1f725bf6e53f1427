import { describe, expect, it } from 'vitest';
import { lineMarker, listItems, normalize, splitLines, splitSections } from '../../src/text/index.js';

const notice = normalize(
  [
    'システム障害に関するお知らせ',
    '',
    '１．概要',
    '当社サーバーが不正アクセスを受けました。',
    '２．漏えいのおそれがある情報',
    '・氏名、住所',
    '・電話番号',
    '３．再発防止策',
    '（１）多要素認証を導入します。',
    '　・管理画面への接続元を限定',
    '（２）職員研修を年2回実施します。',
    '４．お問い合わせ窓口',
    '電話：0120-000-000',
  ].join('\n'),
).text;

describe('lineMarker', () => {
  it.each([
    ['1.概要', 'number-dot'],
    ['(1) 項目', 'paren-number'],
    ['一、今後の対策', 'kanji-number'],
    ['第2 経緯', 'dai'],
    ['【再発防止策】', 'bracket'],
    ['■ 経緯', 'square'],
    ['●再発防止策', 'circle'],
    ['・氏名', 'dot'],
    ['- 氏名', 'dash'],
  ])('%s is %s', (line, kind) => {
    expect(lineMarker(normalize(line).text)?.kind).toBe(kind);
  });

  it('a date or plain sentence has no marker', () => {
    expect(lineMarker('当社は本日、お知らせします。')).toBeNull();
  });
});

describe('splitSections', () => {
  it('splits at numbered headings and keeps list items inside their section', () => {
    const s = splitSections(notice);
    expect(s.map((x) => x.title)).toEqual(['', '概要', '漏えいのおそれがある情報', '再発防止策', 'お問い合わせ窓口']);
    expect(notice.slice(s[2]!.start, s[2]!.end)).toContain('・電話番号');
  });

  it('treats an unmarked heading line and 【…】 labels as section starts', () => {
    const t = '本文です。\n\n再発防止策\n1. 認証を強化する\n2. 研修を行う\n\n【お問い合わせ】\n窓口';
    const titles = splitSections(t).map((x) => x.title);
    expect(titles).toContain('再発防止策');
    expect(titles).toContain('お問い合わせ');
  });

  it('circled items (① → "1 " after NFKC) do not swallow the next "4." heading', () => {
    const t = normalize('3. 再発防止策\n① バックアップを切り離して保管\n② 多要素認証を導入\n4. お問い合わせ\n窓口').text;
    const s = splitSections(t);
    expect(s.map((x) => x.title)).toEqual(['再発防止策', 'お問い合わせ']);
    expect(listItems(s[0]!.lines)).toHaveLength(2);
  });

  it('a numbered list inside a numbered section ends where the numbering jumps back to the sections', () => {
    const t = '4. 原因\n設定の誤りです。\n5. 再発防止策\n1. 多要素認証の導入\n2. 研修の実施\n6. お問い合わせ\n窓口';
    const s = splitSections(t);
    expect(s.map((x) => x.title)).toEqual(['原因', '再発防止策', 'お問い合わせ']);
    expect(listItems(s[1]!.lines)).toHaveLength(2);
  });

  it('a contact heading numbered right after the list items is still a heading', () => {
    const t = '2. 概要\n説明です。\n3. 再発防止策\n1. 認証の強化\n2. 研修の実施\n3. 監査の実施\n4. お問い合わせ\n窓口';
    const s = splitSections(t);
    expect(s.map((x) => x.title)).toContain('お問い合わせ');
    expect(listItems(s.find((x) => x.title === '再発防止策')!.lines)).toHaveLength(3);
  });

  it('a run of short same-marker lines is a list, not a series of headings', () => {
    const t = '●発生日時\n5月1日\n●再発防止策\n●車内に書類を置かない\n●保存を禁止する\n●教育を行う';
    const titles = splitSections(t).map((x) => x.title);
    expect(titles).toEqual(['発生日時', '再発防止策']);
  });
});

describe('listItems', () => {
  it('returns top-level items only; nested markers fold into their parent', () => {
    const s = splitSections(notice).find((x) => x.title === '再発防止策')!;
    const items = listItems(s.lines);
    expect(items).toHaveLength(2);
    expect(items[0]!.text).toContain('多要素認証');
    expect(items[0]!.text).toContain('接続元を限定');
    expect(notice.slice(items[1]!.start, items[1]!.end)).toContain('職員研修');
  });

  it('ends the list at unmarked prose', () => {
    const lines = splitLines('・A対策\n・B対策\n以上の対策を講じます。\n・別の一覧');
    expect(listItems(lines).map((i) => i.text)).toEqual(['A対策', 'B対策']);
  });
});
