// Fixture makers for the reader tests: encoded bytes, tiny PDFs, Chromium-printed PDFs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import Encoding from 'encoding-japanese';

export function encode(text: string, to: 'SJIS' | 'EUCJP' | 'JIS'): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE' }));
}

export function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const body = endian === 'le' ? le : Buffer.from(le).swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
}

/** A minimal valid PDF whose page content stream is `content`, with an optional font object as /F1. */
export function tinyPdf(content: string, pages = 1, font?: string, encrypt = false): Uint8Array {
  const objs: string[] = [];
  const fontRef = `${3 + pages * 2} 0 R`;
  const resources = font ? ` /Resources << /Font << /F1 ${fontRef} >> >>` : '';
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i * 2} 0 R`).join(' ');
  objs.push('<< /Type /Catalog /Pages 2 0 R >>');
  objs.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  for (let i = 0; i < pages; i++) {
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents ${4 + i * 2} 0 R${resources} >>`);
    objs.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  if (font) objs.push(font);
  // Standard security handler with an owner/user key no empty password opens.
  if (encrypt) objs.push(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  const enc = encrypt ? ` /Encrypt ${objs.length} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : '';
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R${enc} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export function hasChromium(): boolean {
  return spawnSync('chromium', ['--version'], { encoding: 'utf8' }).status === 0;
}

export function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
}

/** Prints HTML to a PDF with Chromium (headless); null when Chromium is missing or fails. */
export function printPdf(html: string): Uint8Array | null {
  if (!hasChromium()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-pdf-'));
  const src = join(dir, 'in.html');
  const out = join(dir, 'out.pdf');
  writeFileSync(src, html);
  spawnSync(
    'chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${out}`, `file://${src}`],
    { timeout: 60_000, stdio: 'ignore' },
  );
  return existsSync(out) ? readFileSync(out) : null;
}

/** A one-page PDF whose content stream is `inflated` bytes of spaces, Flate-compressed. */
export function flatePdf(inflated: number): Uint8Array {
  const z = deflateSync(Buffer.alloc(inflated, 0x20), { level: 9 });
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
  ];
  let out = Buffer.from('%PDF-1.4\n', 'latin1');
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out = Buffer.concat([out, Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1')]);
  });
  offsets.push(out.length);
  const stream = Buffer.from(`4 0 obj\n<< /Length ${z.length} /Filter /FlateDecode >>\nstream\n`, 'latin1');
  out = Buffer.concat([out, stream, z, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
  const xref = out.length;
  const table = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  return Buffer.concat([out, Buffer.from(`xref\n0 5\n0000000000 65535 f \n${table}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1')]);
}
