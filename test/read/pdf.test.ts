import { beforeAll, describe, expect, it } from 'vitest';
import { checkPdfInflation, readBytes, readPdf } from '../../src/read/index.js';
import { encode, flatePdf, printPdf, tinyPdf } from './helpers.js';

// Long enough to wrap over several printed lines; the reader must give it back as one line.
const LONG = '株式会社サンプルホールディングスの子会社である株式会社サンプルネットサービスが運営する会員制通信販売サイトにおいて、第三者による不正アクセスが確認されたため、外部の専門調査会社による詳細な調査を実施いたしました。';

const NOTICE = `<!doctype html><html><head><meta charset="utf-8"><title>PDF notice</title>
<style>body{font-family:"Noto Sans CJK JP",sans-serif} .p{page-break-after:always}</style></head><body>
<div class="p"><h1>不正アクセスに関するお知らせ</h1><p>2024年5月10日 株式会社テスト</p>
<p>当社サーバーが不正アクセスを受け、顧客情報 1,234件が流出した可能性があります。</p></div>
<div class="p"><p>二ページ目：再発防止策として監視を強化します。連絡先 security@example.com</p><p>${LONG}</p></div>
<div><p>三ページ目 ⼈⽉ ⻘葉 終わり</p></div></body></html>`;

describe('readPdf (hand-made PDFs)', () => {
  it('a PDF without a text layer gives a "no text layer" error, not an empty document', async () => {
    await expect(readPdf(tinyPdf('0 0 m 100 100 l S'), 10, 10_000)).rejects.toThrow(/no text layer/);
  });

  it('a non-embedded Japanese font with the 90ms-RKSJ-H CMap gives text (bundled CMaps)', async () => {
    const font =
      '<< /Type /Font /Subtype /Type0 /BaseFont /MS-Mincho /Encoding /90ms-RKSJ-H /DescendantFonts [<< /Type /Font ' +
      '/Subtype /CIDFontType0 /BaseFont /MS-Mincho /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> ' +
      '/FontDescriptor << /Type /FontDescriptor /FontName /MS-Mincho /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 ' +
      '/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> >>] >>';
    const sjis = Buffer.from(encode('個人情報の漏えいについて', 'SJIS')).toString('hex');
    const r = await readPdf(tinyPdf(`BT /F1 12 Tf 10 100 Td <${sjis}> Tj ET`, 1, font), 10, 10_000);
    expect(r.text).toBe('個人情報の漏えいについて');
  });

  it('a decompression bomb is refused before pdfjs inflates it; a normal Flate stream is read', async () => {
    await expect(readBytes(flatePdf(300 * 1024 * 1024))).rejects.toThrow(/decompression bomb/);
    expect(() => checkPdfInflation(flatePdf(2 * 1024 * 1024), 1024 * 1024)).toThrow(/more than 1 MB/);
    expect(() => checkPdfInflation(flatePdf(512 * 1024), 1024 * 1024)).not.toThrow();
  }, 60_000);

  it('an encrypted PDF asks for a password: a one-line error', async () => {
    await expect(readBytes(tinyPdf('BT ET', 1, undefined, true))).rejects.toThrow(/^encrypted PDF \(password required\)$/);
  });

  it('a truncated PDF gives a one-line error', async () => {
    const bytes = tinyPdf('0 0 m 100 100 l S');
    await expect(readBytes(bytes.subarray(0, 60))).rejects.toThrow(/^[^\n]+$/);
  });

  it('a file named .pdf that is not a PDF is refused', async () => {
    await expect(readBytes(Buffer.from('hello'), { path: 'x.pdf' })).rejects.toThrow(/not a valid PDF/);
  });
});

describe('readPdf (Chromium-printed Japanese PDF)', () => {
  let pdf: Uint8Array | null = null;
  beforeAll(() => {
    pdf = printPdf(NOTICE);
    if (!pdf) console.warn('skipping Chromium PDF tests: chromium is not installed (.ci/run installs it)');
  }, 90_000);

  it('reads every page in order, with Kangxi radicals folded to ordinary kanji', async (ctx) => {
    if (!pdf) return ctx.skip();
    const r = await readPdf(pdf, 50, 30_000);
    expect(r.pages).toBe(3);
    const t = r.text;
    expect(t).toContain('不正アクセスに関するお知らせ');
    expect(t).toContain('1,234件が流出した可能性があります');
    expect(t.indexOf('お知らせ')).toBeLessThan(t.indexOf('二ページ目'));
    expect(t.indexOf('二ページ目')).toBeLessThan(t.indexOf('三ページ目'));
    expect(t).toContain('人月');
    expect(t).toContain('青葉');
    expect(t.split('\n')).toContain(LONG);
    expect(t).not.toMatch(/[\u2f00-\u2fdf]/);
  });

  it('stops at maxPages', async (ctx) => {
    if (!pdf) return ctx.skip();
    const r = await readPdf(pdf, 1, 30_000);
    expect(r.pages).toBe(1);
    expect(r.text).not.toContain('二ページ目');
  });

  it('readBytes gives one application/pdf document', async (ctx) => {
    if (!pdf) return ctx.skip();
    const docs = await readBytes(pdf, { path: 'notice.pdf' });
    expect(docs).toHaveLength(1);
    expect(docs[0].source.mediaType).toBe('application/pdf');
    expect(docs[0].title).toBe('PDF notice');
  });
});
