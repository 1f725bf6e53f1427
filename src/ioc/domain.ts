// Hostname validation against the IANA TLD list (the maintained `tlds` package), IDN forms, and the
// judgement calls that keep file names and product names out of the domain list.
import { createRequire } from 'node:module';
import { domainToASCII, domainToUnicode } from 'node:url';

const require = createRequire(import.meta.url);
// The package ships JSON only; createRequire keeps this working under plain Node ESM and tsc alike.
const TLD_LIST = require('tlds') as string[];

const TLDS = new Set<string>();
for (const t of TLD_LIST) {
  TLDS.add(t);
  if (/[^a-z0-9-]/.test(t)) {
    const ascii = domainToASCII(t);
    if (ascii) TLDS.add(ascii);
  }
}

/** TLDs that are also common file extensions: a bare `name.ext` written plainly is a file, not a host. */
const FILE_TLDS = new Set(['zip', 'mov', 'md', 'app', 'sh', 'py', 'rs', 'pm', 'cab', 'one', 'so', 'pub', 'java', 'ps', 'run']);

/** Product and framework names that look like hostnames in prose. */
const PRODUCT_NAMES = new Set([
  'asp.net',
  'ado.net',
  'vb.net',
  'ml.net',
  'socket.io',
  'dot.net',
  'paypal.me',
  'co.ltd',
  'inc.ltd',
]);

const SECOND_LEVEL = new Set(['co', 'or', 'ne', 'ac', 'go', 'lg', 'ed', 'gr', 'ad', 'com', 'net', 'org', 'gov', 'edu']);

export function isTld(label: string): boolean {
  return TLDS.has(label);
}

/** Labels of 1–63 characters [a-z0-9_-], not starting or ending with '-': one pass, no regex per label. */
function validLabels(ascii: string): boolean {
  let len = 0;
  let prev = 46; // '.'
  for (let i = 0; i < ascii.length; i++) {
    const c = ascii.charCodeAt(i);
    if (c === 46) {
      if (len === 0 || prev === 45) return false;
      len = 0;
    } else {
      const ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c === 45 && len > 0);
      if (!ok || ++len > 63) return false;
    }
    prev = c;
  }
  return len > 0 && prev !== 45;
}

// domainToASCII is costly, and the same non-ASCII candidates recur (section headings like 「1.概要」 look
// like bare names until the TLD check): remember the conversions, up to a bound.
const TO_ASCII = new Map<string, string>();
function cachedToASCII(host: string): string {
  let ascii = TO_ASCII.get(host);
  if (ascii === undefined) {
    ascii = domainToASCII(host);
    if (TO_ASCII.size < 4096) TO_ASCII.set(host, ascii);
  }
  return ascii;
}

/** The ASCII (punycode) form of a lower-cased hostname if it is a valid public hostname, else null. */
export function asciiHost(host: string): string | null {
  if (host.length === 0 || host.length > 253) return null;
  let ascii = host;
  if (/[^\x00-\x7f]/.test(host)) {
    ascii = cachedToASCII(host);
    if (!ascii) return null;
  }
  const dot = ascii.lastIndexOf('.');
  if (dot <= 0) return null;
  const tld = ascii.slice(dot + 1);
  if (!TLDS.has(tld) || !validLabels(ascii)) return null;
  // a public suffix alone (co.jp, or.jp, com.au) is no host
  if (tld.length === 2 && ascii.indexOf('.') === dot && SECOND_LEVEL.has(ascii.slice(0, dot))) return null;
  if (ascii.includes('xn--') && !domainToUnicode(ascii)) return null;
  return ascii;
}

/** Both forms of an internationalized hostname: as written first, then the other one. Plain ASCII → [host]. */
export function hostForms(host: string, ascii: string): string[] {
  if (host !== ascii) return [host, ascii];
  if (ascii.includes('xn--')) {
    const uni = domainToUnicode(ascii);
    if (uni && uni !== ascii) return [ascii, uni];
  }
  return [ascii];
}

/** A plainly written `name.ext` whose extension is a file type (report.zip, run.sh, invoice.pdf.zip). */
export function looksLikeFileName(host: string): boolean {
  return FILE_TLDS.has(host.slice(host.lastIndexOf('.') + 1));
}

/** A product name in prose (ASP.NET, Socket.IO): known names, or a Capitalized name with an UPPER-case TLD. */
export function looksLikeProductName(asWritten: string): boolean {
  const lower = asWritten.toLowerCase();
  if (PRODUCT_NAMES.has(lower)) return true;
  if (lower === asWritten) return false; // the case pattern below needs capitals
  const labels = asWritten.split('.');
  if (labels.length !== 2) return false;
  const [name, tld] = labels;
  return /^[A-Z][a-z]/.test(name) && /^[A-Z]{2,}$/.test(tld);
}
