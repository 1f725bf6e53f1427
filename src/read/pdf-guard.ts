// Decompression-bomb check before pdfjs sees a PDF: pdfjs inflates whole streams in memory, so a few hundred
// KB of deflated zeros can cost gigabytes. Every Flate stream that text extraction could decode (not images)
// is inflated once here under a running output cap; past the cap the PDF is refused.
import { constants, inflateSync } from 'node:zlib';
import { ReadError } from './errors.js';

export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

function inflatedSize(data: Buffer, budget: number): number {
  try {
    return inflateSync(data, { maxOutputLength: Math.max(1, budget), finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return budget + 1;
    return 0; // damaged stream: pdfjs will report (or skip) it
  }
}

/** Throws ReadError when the PDF's decodable Flate streams inflate to more than `maxInflated` bytes. */
export function checkPdfInflation(bytes: Uint8Array, maxInflated = MAX_INFLATED_BYTES): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const s = buf.toString('latin1');
  let used = 0;
  let at = 0;
  for (;;) {
    const kw = s.indexOf('stream', at);
    if (kw < 0) break;
    at = kw + 6;
    if (s.startsWith('end', kw - 3)) continue;
    let start = kw + 6;
    if (s[start] === '\r') start++;
    if (s[start] !== '\n') continue;
    start++;
    const end = s.indexOf('endstream', start);
    const stop = end < 0 ? s.length : end;
    const before = s.slice(Math.max(0, kw - 2000), kw);
    const dict = before.slice(before.lastIndexOf('obj') + 1);
    at = stop;
    if (!dict.includes('/FlateDecode') || /\/Subtype\s*\/Image/.test(dict)) continue;
    used += inflatedSize(buf.subarray(start, stop), maxInflated - used);
    if (used > maxInflated) {
      throw new ReadError(`PDF inflates to more than ${Math.round(maxInflated / 1048576)} MB (decompression bomb?)`);
    }
  }
}
