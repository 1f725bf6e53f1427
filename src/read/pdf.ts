// PDF → text with pdfjs-dist (legacy build, runs in Node): bundled CMaps so non-embedded Japanese fonts
// (90ms-RKSJ-H, UniJIS-UCS2-H) give text, lines rebuilt from positions, Kangxi radicals folded by NFKC.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReadError } from './errors.js';
import { checkPdfInflation } from './pdf-guard.js';

export interface PdfText {
  text: string;
  title?: string;
  pages: number;
}

interface Run {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = join(pdfjsDir, 'cmaps') + '/';
const FONT_URL = join(pdfjsDir, 'standard_fonts') + '/';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
function load(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

// CJK Radicals Supplement characters that fonts' reverse maps give for ordinary kanji; NFKC leaves most alone.
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '\u2ea0': '民', '\u2ec1': '虎', '\u2ec4': '西', '\u2ec6': '角', '\u2ed1': '長', '\u2ed8': '青',
  '\u2edd': '食', '\u2ee4': '鬼', '\u2ee9': '黄', '\u2eed': '歯', '\u2eef': '竜', '\u2ef2': '亀',
};

/** Kangxi radicals (⼈⽉, folded by NFKC) and radical supplements (⻘⻑) are look-alikes of ordinary kanji. */
function foldRadicals(s: string): string {
  return s.replace(/[\u2e80-\u2fdf]/g, (c) => RADICAL_SUPPLEMENT[c] ?? c.normalize('NFKC'));
}

const isWordChar = (c: string | undefined): boolean => !!c && /[A-Za-z0-9.,:;)@]/.test(c);

interface Row {
  y: number;
  h: number;
  items: Run[];
  left: number;
  right: number;
  text: string;
}

/** Items grouped into lines by baseline, top to bottom, left to right. */
function pageRows(items: Run[]): Row[] {
  const rows: Row[] = [];
  for (const it of items) {
    if (!it.str) continue;
    const y = it.transform[5];
    const h = Math.max(1, Math.abs(it.transform[3]) || it.height || 10);
    let row = rows.find((r) => Math.abs(r.y - y) < Math.min(r.h, h) * 0.5);
    if (!row) {
      row = { y, h, items: [], left: Infinity, right: -Infinity, text: '' };
      rows.push(row);
    }
    row.items.push(it);
  }
  rows.sort((a, b) => b.y - a.y);
  for (const r of rows) {
    r.items.sort((a, b) => a.transform[4] - b.transform[4]);
    let lastEnd = -Infinity;
    for (const it of r.items) {
      const x = it.transform[4];
      // Latin words set as separate runs need their space back; Japanese runs join directly.
      if (r.text && x - lastEnd > r.h * 0.25 && isWordChar(r.text.at(-1)) && isWordChar(it.str[0])) r.text += ' ';
      r.text += it.str;
      lastEnd = x + it.width;
      if (it.str.trim()) {
        r.left = Math.min(r.left, x);
        r.right = Math.max(r.right, lastEnd);
      }
    }
    r.text = r.text.replace(/\s+$/, '');
  }
  return rows.filter((r) => r.text !== '');
}

const isCjk = (c: string | undefined): boolean => !!c && /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/.test(c);

/**
 * Lines of a page with soft wraps undone: a line that spans the text block (left edge to right edge), followed
 * closely by a line starting at the left edge, continues a paragraph (a name cut at the margin must rejoin).
 */
function pageLines(items: Run[]): string[] {
  const rows = pageRows(items);
  if (rows.length === 0) return [];
  // The text block's right edge: the furthest edge that two or more lines reach (one overlong line does not count).
  const rights = rows.map((r) => r.right).sort((a, b) => b - a);
  const h0 = rows[0].h;
  const right = rights.find((x) => rights.filter((y) => y <= x && y >= x - h0 * 1.5).length >= 2) ?? rights[0];
  const left = Math.min(...rows.map((r) => r.left));
  const out: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const prev = rows[i - 1];
    // A gap of about two lines or more is a paragraph break: keep it as a blank line, as text notices do.
    if (prev && prev.y - r.y > Math.max(prev.h, r.h) * 1.9 && out.length && out[out.length - 1] !== '') out.push('');
    const wrapped =
      prev !== undefined &&
      prev.right >= right - prev.h * 1.5 &&
      prev.left <= left + prev.h * 2.5 &&
      r.left <= left + r.h * 0.5 &&
      prev.y - r.y <= Math.max(prev.h, r.h) * 2 &&
      Math.abs(prev.h - r.h) < Math.max(prev.h, r.h) * 0.2 &&
      !/[。.!?！？:：]$/.test(prev.text);
    if (wrapped && out[out.length - 1] !== '') {
      const joinSpace = !isCjk(prev.text.at(-1)) && !isCjk(r.text[0]) ? ' ' : '';
      out[out.length - 1] += joinSpace + r.text.trimStart();
    } else out.push(r.text);
  }
  return out;
}

function pdfReason(err: unknown): string {
  const name = err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';
  if (name === 'PasswordException') return 'encrypted PDF (password required)';
  if (name === 'InvalidPDFException') return 'not a valid PDF (damaged or truncated)';
  if (err instanceof ReadError) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  return `unreadable PDF: ${msg.split('\n')[0].slice(0, 200)}`;
}

/** Text of the first `maxPages` pages; throws ReadError for encrypted, damaged, scanned or slow PDFs. */
export async function readPdf(bytes: Uint8Array, maxPages: number, timeoutMs: number): Promise<PdfText> {
  checkPdfInflation(bytes);
  const { getDocument } = await load();
  // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: FONT_URL,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadError(`PDF took longer than ${timeoutMs} ms (--timeout)`)), timeoutMs);
  });
  const work = (async (): Promise<PdfText> => {
    const doc = await task.promise;
    const pages = Math.min(doc.numPages, maxPages);
    const out: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      out.push(pageLines(content.items.filter((i) => 'str' in i) as Run[]).join('\n'));
      page.cleanup();
    }
    let title: string | undefined;
    try {
      const meta = await doc.getMetadata();
      // CreationDate is when the file was made, not when the notice was published: not used.
      const info = meta.info as { Title?: unknown } | undefined;
      if (typeof info?.Title === 'string' && info.Title.trim()) title = foldRadicals(info.Title.trim()).slice(0, 300);
    } catch {
      // metadata is optional
    }
    const text = foldRadicals(out.join('\n\n')).normalize('NFC').trim();
    if (text.replace(/\s/g, '').length < 10) throw new ReadError('PDF has no text layer (scanned image? run OCR first)');
    return { text, title, pages };
  })();
  try {
    return await Promise.race([work, timeout]);
  } catch (err) {
    throw new ReadError(pdfReason(err));
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
    await task.destroy().catch(() => undefined);
  }
}
