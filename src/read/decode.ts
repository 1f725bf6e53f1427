// Bytes → text: BOM, then a declared charset (HTTP Content-Type or <meta>), then detection with
// encoding-japanese; the built-in TextDecoder does the decoding (its shift_jis is CP932, so ①髙﨑～㈱ survive).
import Encoding from 'encoding-japanese';
import { ReadError } from './errors.js';

export interface Decoded {
  text: string;
  /** WHATWG encoding name used */
  encoding: string;
}

const LABEL_ALIASES: Record<string, string> = {
  sjis: 'shift_jis',
  'x-sjis': 'shift_jis',
  cp932: 'shift_jis',
  'ms932': 'shift_jis',
  'windows-31j': 'shift_jis',
  'shift-jis': 'shift_jis',
  eucjp: 'euc-jp',
  'x-euc-jp': 'euc-jp',
  jis: 'iso-2022-jp',
  utf8: 'utf-8',
};

/** The WHATWG encoding for a charset label, or null when the label is unknown. */
export function encodingForLabel(label: string | undefined | null): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const name = LABEL_ALIASES[l] ?? l;
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type header value. */
export function charsetOf(contentType: string | undefined | null): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("?)([A-Za-z0-9_.:-]{1,40})\1/i.exec(contentType.slice(0, 500));
  return m ? m[2] : null;
}

/** `<meta charset=…>` or `<meta http-equiv content="…charset=…">` in the first bytes of an HTML/XML page. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const meta = /<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})/i.exec(head);
  if (meta) return meta[1];
  const xml = /^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']/i.exec(head);
  return xml ? xml[1] : null;
}

function bomEncoding(b: Uint8Array): { encoding: string; skip: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** UTF-16 without a BOM: many NUL bytes, nearly all on the same parity. */
function guessUtf16(b: Uint8Array): string | null {
  const n = Math.min(b.length, 8192) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** ISO-2022-JP is 7-bit, so it also decodes as UTF-8: look for its kanji-in escapes first. */
function hasJisEscape(b: Uint8Array): boolean {
  const n = Math.min(b.length, 65536);
  for (let i = 0; i + 2 < n; i++) {
    if (b[i] === 0x1b && b[i + 1] === 0x24 && (b[i + 2] === 0x42 || b[i + 2] === 0x40)) return true;
  }
  return false;
}

/** Japanese UTF-16 without a BOM has no NUL bytes: decode both ways and keep a reading made of text characters. */
function plausibleUtf16(b: Uint8Array): string | null {
  if (b.length % 2 !== 0 || b.length < 4) return null;
  const sample = b.subarray(0, Math.min(b.length, 16384));
  for (const enc of ['utf-16le', 'utf-16be']) {
    const t = new TextDecoder(enc).decode(sample);
    let ok = 0;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if ((c >= 0x09 && c <= 0x7e) || (c >= 0x3000 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x26ff)) ok++;
    }
    if (ok / t.length > 0.95) return enc;
  }
  return null;
}

function tryFatal(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function detectLegacy(bytes: Uint8Array): string | null {
  // Detection over the first 256 KB is enough and keeps huge inputs cheap.
  const sample = bytes.length > 262144 ? bytes.subarray(0, 262144) : bytes;
  // EUC-JP bytes are mostly valid Shift_JIS too, so EUC-JP is tried first; CP932 lead bytes are not EUC-JP.
  const found = Encoding.detect(sample, ['JIS', 'EUCJP', 'SJIS']);
  if (found === 'SJIS') return 'shift_jis';
  if (found === 'EUCJP') return 'euc-jp';
  if (found === 'JIS') return 'iso-2022-jp';
  return null;
}

/** Characters that mean binary data rather than text. */
function checkText(text: string): void {
  let control = 0;
  let replacement = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 0x1b) control++;
    else if (c === 0xfffd) replacement++;
  }
  if (control > 0 && (control / text.length > 0.01 || text.includes('\u0000'))) throw new ReadError('binary data, not text');
  if (replacement > 8 && replacement / text.length > 0.02) throw new ReadError('undecodable bytes (mixed or unknown encoding)');
}

/**
 * Decodes bytes as text. `declared` is a charset label from HTTP or the page itself; it wins when the bytes
 * decode cleanly under it (mislabelled pages are common, so a failing label falls back to detection).
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  if (bytes.length === 0) throw new ReadError('empty input');
  const bom = bomEncoding(bytes);
  let result: Decoded | null = null;
  if (bom) {
    result = { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.skip)), encoding: bom.encoding };
  }
  const label = encodingForLabel(declared);
  if (!result && label) {
    const t = tryFatal(bytes, label);
    if (t !== null) result = { text: t, encoding: label };
  }
  if (!result && hasJisEscape(bytes)) {
    const t = tryFatal(bytes, 'iso-2022-jp');
    if (t !== null) result = { text: t, encoding: 'iso-2022-jp' };
  }
  if (!result) {
    const u16 = guessUtf16(bytes);
    if (u16) result = { text: new TextDecoder(u16).decode(bytes), encoding: u16 };
  }
  if (!result) {
    const t = tryFatal(bytes, 'utf-8');
    if (t !== null) result = { text: t, encoding: 'utf-8' };
  }
  if (!result) {
    const u16 = plausibleUtf16(bytes);
    if (u16) result = { text: new TextDecoder(u16).decode(bytes), encoding: u16 };
  }
  if (!result) {
    const enc = detectLegacy(bytes) ?? label ?? 'utf-8';
    result = { text: new TextDecoder(enc).decode(bytes), encoding: enc };
  }
  checkText(result.text);
  if (result.text.trim() === '') throw new ReadError('empty input');
  return result;
}
