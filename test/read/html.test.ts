import { describe, expect, it } from 'vitest';
import { readBytes, readHtml } from '../../src/read/index.js';

const PARA = 'このたび、当社が運営する通販サイトのサーバーが第三者による不正アクセスを受け、お客様のクレジットカード情報が流出した可能性があることが判明いたしました。';

const PAGE = `<!doctype html><html><head><title>不正アクセスに関するお知らせ | 株式会社テスト</title>
<meta property="og:title" content="不正アクセスに関するお知らせ | 株式会社テスト">
<meta property="article:published_time" content="2024-05-10T09:00:00+09:00">
<script>var tracking = "SCRIPT_TEXT";</script><style>.x{color:red}</style></head>
<body><nav><ul><li>ホーム</li><li>NAV_ITEM</li></ul></nav>
<aside>SIDEBAR_TEXT 人気の記事</aside>
<main><article><h1>不正アクセスに関するお知らせ</h1><p>${PARA}</p><p>${PARA}</p>
<table><tr><th>対象件数</th><td>1,234件</td></tr><tr><th>流出項目</th><td>カード番号、有効期限</td></tr>
<tr><td>a</td><td>b</td><td>c</td></tr></table>
<ul><li>パスワードの変更</li><li><p>監視の強化</p></li></ul></article></main>
<footer>FOOTER_TEXT Copyright</footer></body></html>`;

describe('readHtml', () => {
  const [part] = readHtml(PAGE, 10);

  it('keeps the main text and drops scripts, styles, navigation, sidebars and footers', () => {
    expect(part.text).toContain(PARA);
    for (const junk of ['SCRIPT_TEXT', 'color:red', 'NAV_ITEM', 'SIDEBAR_TEXT', 'FOOTER_TEXT']) expect(part.text).not.toContain(junk);
  });

  it('takes the title without the site suffix and the date from meta tags', () => {
    expect(part.title).toBe('不正アクセスに関するお知らせ');
    expect(part.publishedAt).toBe('2024-05-10');
    expect(part.text.split('\n')[0]).toBe('不正アクセスに関するお知らせ');
  });

  it('writes table rows and list items as lines', () => {
    const lines = part.text.split('\n');
    expect(lines).toContain('対象件数：1,234件');
    expect(lines).toContain('流出項目：カード番号、有効期限');
    expect(lines).toContain('a | b | c');
    expect(lines).toContain('・パスワードの変更');
    expect(lines).toContain('・監視の強化');
  });

  it('finds the date in <time>, and leaves dates in the text to the extractor', () => {
    const withTime = `<html><head><title>お知らせ</title></head><body><article><time datetime="2023-12-01">12月1日</time><p>${PARA}</p></article></body></html>`;
    expect(readHtml(withTime, 10)[0].publishedAt).toBe('2023-12-01');
    const inText = `<html><head><title>お知らせ</title></head><body><p>令和6年3月5日</p><p>${PARA}</p></body></html>`;
    expect(readHtml(inText, 10)[0].publishedAt).toBeUndefined();
  });

  it('reads a CMS date label (掲載日：令和7年5月9日) printed outside the article', () => {
    const page = `<html><head><title>お知らせ｜見本市</title></head><body><main><h1>お知らせ</h1><div class="page-info"><p>ページ番号：12</p><p>掲載日：令和7年5月9日</p></div><div><p>${PARA}</p><p>${PARA}</p></div></main></body></html>`;
    expect(readHtml(page, 10)[0].publishedAt).toBe('2025-05-09');
  });

  it('splits a blog archive page into one part per post', () => {
    const post = (n: number, d: string) =>
      `<article class="post"><h2>【セキュリティ事件簿#2024-0${n}】株式会社${n} 不正アクセスのお知らせ</h2><time datetime="${d}">${d}</time><p>${PARA}</p><p>${PARA}${n}</p></article>`;
    const html = `<html><head><title>2024年5月のアーカイブ</title></head><body><nav>menu</nav>${post(1, '2024-05-01')}${post(2, '2024-05-02')}${post(3, '2024-05-03')}</body></html>`;
    const parts = readHtml(html, 10);
    expect(parts).toHaveLength(3);
    expect(parts.map((p) => p.publishedAt)).toEqual(['2024-05-01', '2024-05-02', '2024-05-03']);
    expect(parts[1].title).toContain('#2024-02');
    expect(parts[1].text).toContain(`${PARA}2`);
    expect(parts[1].text).not.toContain(`${PARA}1`);
  });

  it('splits a page of casebook posts without article markup at each 【セキュリティ事件簿#…】 heading', () => {
    const html = `<html><body><div id="main"><h3>【セキュリティ事件簿#2024-101】A社 お知らせ</h3><p>${PARA}A</p>
      <h3>【セキュリティ事件簿#2024-102】B社 お知らせ</h3><p>${PARA}B</p></div></body></html>`;
    const parts = readHtml(html, 10);
    expect(parts.map((p) => p.title)).toEqual(['【セキュリティ事件簿#2024-101】A社 お知らせ', '【セキュリティ事件簿#2024-102】B社 お知らせ']);
    expect(parts[0].text).toContain(`${PARA}A`);
    expect(parts[0].text).not.toContain(`${PARA}B`);
  });

  it('a single notice is not split, even with related-article cards beside it', () => {
    expect(readHtml(PAGE, 10)).toHaveLength(1);
    const card = (n: number) => `<article class="card"><h3>関連記事${n}</h3><p>短い紹介文${n}</p></article>`;
    const withCards = PAGE.replace('</main>', `</main><aside>${card(1)}${card(2)}</aside><section>${card(3)}${card(4)}</section>`);
    const parts = readHtml(withCards, 10);
    expect(parts).toHaveLength(1);
    expect(parts[0].text).toContain(PARA);
  });

  it('readBytes marks HTML by content, not only by name', async () => {
    const docs = await readBytes(Buffer.from(PAGE), { path: 'notice.txt' });
    expect(docs).toHaveLength(1);
    expect(docs[0].source.mediaType).toBe('text/html');
    expect(docs[0].source.path).toBe('notice.txt');
    expect(docs[0].source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
