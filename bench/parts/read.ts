// Reader throughput: HTML pages/s (corpus notices wrapped in a realistic page with navigation, sidebar,
// footer, tables and scripts) and PDF pages/s (the same notices printed to PDF by Chromium), beside poppler's
// pdftotext on the same PDFs in the same run, as a ratio.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readBytes, readPdf } from '../../src/read/index.js';

const SECONDS = 3;
const PDF_FILES = 12;

function notices(): string[] {
  const out: string[] = [];
  for (const sub of ['seed-000', 'dev-synthetic']) {
    const dir = resolve(process.cwd(), '../shared/corpus', sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) out.push(readFileSync(join(dir, f), 'utf8'));
  }
  if (out.length === 0) out.push(`不正アクセスに関するお知らせ\n${'当社サーバーが不正アクセスを受け、個人情報が流出した可能性があります。\n'.repeat(40)}`);
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(text: string): string {
  const [title, ...rest] = text.split('\n');
  const nav = Array.from({ length: 30 }, (_, i) => `<li><a href="/c/${i}">カテゴリ${i}</a></li>`).join('');
  const paras = rest.filter((l) => l.trim()).map((l) => `<p>${esc(l)}</p>`).join('\n');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${esc(title)} | 株式会社サンプル</title>
<meta property="article:published_time" content="2024-05-10"><script>window.dataLayer=[];${'var x=1;'.repeat(200)}</script>
<style>${'.c{color:#333}'.repeat(200)}</style></head><body><header><nav><ul>${nav}</ul></nav></header>
<div class="wrap"><main><article><h1>${esc(title)}</h1>${paras}
<table><tr><th>対象件数</th><td>1,234件</td></tr><tr><th>流出項目</th><td>氏名、住所、電話番号</td></tr></table>
</article></main><aside><h3>人気の記事</h3><ul>${nav}</ul></aside></div><footer>${nav}<p>Copyright</p></footer></body></html>`;
}

async function timeLoop(items: Uint8Array[], fn: (b: Uint8Array) => Promise<unknown>): Promise<number> {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) {
    await fn(items[n % items.length]);
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

function printPdfs(texts: string[]): string[] {
  if (spawnSync('chromium', ['--version']).status !== 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-bench-pdf-'));
  const files: string[] = [];
  for (let i = 0; i < Math.min(PDF_FILES, texts.length); i++) {
    const html = join(dir, `${i}.html`);
    const pdf = join(dir, `${i}.pdf`);
    // Two notices per file so most PDFs have several pages.
    writeFileSync(html, page(`${texts[i]}\n${texts[(i + 1) % texts.length]}`));
    spawnSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`], {
      stdio: 'ignore',
      timeout: 60_000,
    });
    if (existsSync(pdf)) files.push(pdf);
  }
  return files;
}

export default async function run(): Promise<void> {
  const texts = notices();
  const pages = texts.map((t) => Buffer.from(page(t)));
  const mb = pages.reduce((s, p) => s + p.length, 0) / pages.length / 1024;
  const htmlRate = await timeLoop(pages, (b) => readBytes(b, { path: 'x.html' }));
  console.log(`HTML: ${htmlRate.toFixed(0)} pages/s (${pages.length} distinct pages, ${mb.toFixed(0)} KB each on average)`);

  const pdfs = printPdfs(texts);
  if (pdfs.length === 0) {
    console.log('PDF: skipped (chromium not installed; .ci/run installs it)');
    return;
  }
  const bytes = pdfs.map((f) => readFileSync(f));
  let pageCount = 0;
  for (const b of bytes) pageCount += (await readPdf(b, 1000, 60_000)).pages;
  const filesPerSec = await timeLoop(bytes, (b) => readPdf(b, 1000, 60_000));
  const pagesPerFile = pageCount / bytes.length;
  const ours = filesPerSec * pagesPerFile;
  console.log(`PDF (pdfjs-dist): ${ours.toFixed(1)} pages/s (${bytes.length} files, ${pageCount} pages)`);

  if (spawnSync('pdftotext', ['-v']).status !== 0) {
    console.log('pdftotext: skipped (poppler-utils not installed; .ci/run installs it)');
    return;
  }
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) {
    spawnSync('pdftotext', ['-enc', 'UTF-8', pdfs[n % pdfs.length], '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    n++;
  }
  const theirs = (n / ((performance.now() - t0) / 1000)) * pagesPerFile;
  console.log(`PDF (pdftotext, one process per file): ${theirs.toFixed(1)} pages/s`);
  console.log(`ratio jikenbo/pdftotext: ${(ours / theirs).toFixed(2)}x`);
}
