// The scanner: normalize (NFKC, no zero-width), refang, then find every indicator in one set of linear passes
// over the refanged text. Each pass is either a fixed-shape regex or a maximal character-class run that is
// classified afterwards, so no pattern can backtrack over more than a bounded window.
import { normalize, toOriginalSpan } from '../text/index.js';
import { isBase58Address, parseBech32Address } from './bitcoin.js';
import { asciiHost, hostForms, looksLikeFileName, looksLikeProductName } from './domain.js';
import { parseIPv4, parseIPv6 } from './ip.js';
import { refang, type Refanged } from './refang.js';
import { INDICATOR_TYPES, type HitContext, type IndicatorHit, type IndicatorType } from './types.js';

interface RHit {
  type: IndicatorType;
  value: string;
  /** span in the refanged text */
  a: number;
  b: number;
  context: HitContext;
}

const TYPE_ORDER = new Map<IndicatorType, number>(INDICATOR_TYPES.map((t, i) => [t, i]));

// Letters allowed in internationalized labels. CJK is allowed only inside URL hosts (where the scheme
// marks the start); in bare prose Japanese text runs straight into ASCII names without spaces.
function isIdnLetter(c: number, cjk: boolean): boolean {
  if (c < 0xc0) return false;
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x370 && c <= 0x52f) return true;
  if (!cjk) return false;
  return (
    (c >= 0x3041 && c <= 0x30ff && c !== 0x30fb) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af)
  );
}
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isHostChar(c: number, cjk: boolean): boolean {
  return isAlnum(c) || c === 45 || c === 46 || c === 95 || isIdnLetter(c, cjk);
}
function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}
// Characters a URL path/query may hold (printable ASCII except space and "<>\^`{|}).
function isPathChar(c: number): boolean {
  return c > 0x20 && c < 0x7f && c !== 0x22 && c !== 0x3c && c !== 0x3e && c !== 0x5c && c !== 0x5e && c !== 0x60 && c !== 0x7b && c !== 0x7c && c !== 0x7d;
}

const MAX_URL = 8192;
const MAX_NESTED = 8;
const WIDE_BRACKETS = '（）［］｛｝＜＞＂＇';
const WIDE_BRACKET_RE = /[（）［］｛｝＜＞＂＇]/;
const SCHEME = /\b(?:https?|ftps?|ldaps?):\/\//gi;
const CVE = /CVE[-\u2010-\u2015\u2212](\d{4})[-\u2010-\u2015\u2212](\d{4,7})(?!\d)/gi;
const JVN = /JVN(?:DB[-\u2010-\u2015\u2212](\d{4})[-\u2010-\u2015\u2212](\d{6})|(VU|TA|TR)?#(\d{8}))(?!\d)/gi;
const ASN = /\bAS(?:N)? ?(\d{1,10})\b/g;
const VERSION_BEFORE = /(?:(?:^|[^a-z])(?:version|ver\.?|v\.?|rev\.?)|バージョン|ﾊﾞｰｼﾞｮﾝ)[:：]?$/;
const MASK_CHARS = '●○◯◎■□◆◇*×✕';
const MAYBE_ID = /[Cc][Vv][Ee]|[Jj][Vv][Nn]|AS/;
const HEX = /^[0-9a-fA-F]+$/;
const HASH_TYPE: Record<number, IndicatorType> = { 32: 'md5s', 40: 'sha1s', 64: 'sha256s', 128: 'sha512s' };

/**
 * The maximal run of URL path characters at a position, shared by URLs nested in one another so each
 * character is scanned once, with prefix sums of bracket balance so trimming a URL is O(1) per character.
 */
class PathRuns {
  private start = -1;
  private end = -1;
  private parens: Int32Array | null = null;
  private brackets: Int32Array | null = null;

  /** `stop(k)`: the character at k was written full-width in the original and closes the URL there */
  constructor(
    private readonly R: string,
    private readonly stop: ((k: number) => boolean) | null,
  ) {}

  /** end of the path run that contains position i */
  endOf(i: number): number {
    if (i >= this.start && i < this.end) return this.end;
    const R = this.R;
    let k = i;
    while (k < R.length && isPathChar(R.charCodeAt(k)) && !(this.stop && this.stop(k))) k++;
    this.start = i;
    this.end = k;
    this.parens = null;
    this.brackets = null;
    return k;
  }

  /** (open − close) for '(' ')' or '[' ']' within [from, to) of the current run */
  balance(from: number, to: number, square: boolean): number {
    let table = square ? this.brackets : this.parens;
    if (!table) {
      const open = square ? 0x5b : 0x28;
      const close = square ? 0x5d : 0x29;
      table = new Int32Array(this.end - this.start + 1);
      for (let k = this.start; k < this.end; k++) {
        const c = this.R.charCodeAt(k);
        table[k - this.start + 1] = table[k - this.start] + (c === open ? 1 : c === close ? -1 : 0);
      }
      if (square) this.brackets = table;
      else this.parens = table;
    }
    return table[to - this.start] - table[from - this.start];
  }

  /** drop trailing punctuation `.,;:!?'"*` and unbalanced closing brackets from [from, to) */
  trim(from: number, to: number): number {
    let end = to;
    for (let steps = 0; end > from && steps < 64; steps++) {
      const ch = this.R[end - 1];
      if ('.,;:!?\'"*'.includes(ch)) end--;
      else if ((ch === ')' || ch === ']') && this.balance(from, end, ch === ']') < 0) end--;
      else break;
    }
    return end;
  }
}

interface HostMatch {
  end: number;
  lower: string;
  kind: 'ipv4' | 'ipv6' | 'domain';
  value: string;
  ascii?: string;
  /** the host stopped at a non-ASCII character: the URL ends there */
  stopped: boolean;
  /** span of the address itself (inside brackets for IPv6) */
  va: number;
  vb: number;
}

function matchHost(R: string, start: number): HostMatch | null {
  const n = R.length;
  if (R.charCodeAt(start) === 0x5b) {
    const close = R.indexOf(']', start);
    if (close < 0 || close - start > 64) return null;
    const v6 = parseIPv6(R.slice(start + 1, close));
    if (!v6) return null;
    return { end: close + 1, lower: `[${v6}]`, kind: 'ipv6', value: v6, stopped: false, va: start + 1, vb: close };
  }
  let k = start;
  while (k < n && k - start < 256 && isHostChar(R.charCodeAt(k), true)) k++;
  let end = k;
  while (end > start && (R[end - 1] === '.' || R[end - 1] === '-')) end--;
  if (end === start) return null;
  let host = R.slice(start, end).toLowerCase();
  const v4 = parseIPv4(host);
  if (v4) return { end, lower: v4, kind: 'ipv4', value: v4, stopped: false, va: start, vb: end };
  let ascii = asciiHost(host);
  let stopped = false;
  if (!ascii) {
    // "https://example.comをご覧ください": the host ends where the ASCII ends
    let q = 0;
    while (q < host.length && host.charCodeAt(q) < 0x80) q++;
    if (q === host.length) return null;
    let e = start + q;
    while (e > start && (R[e - 1] === '.' || R[e - 1] === '-')) e--;
    host = R.slice(start, e).toLowerCase();
    const v4b = parseIPv4(host);
    if (v4b) return { end: e, lower: v4b, kind: 'ipv4', value: v4b, stopped: true, va: start, vb: e };
    ascii = asciiHost(host);
    if (!ascii) return null;
    end = e;
    stopped = true;
  } else if (end < n && R.charCodeAt(end) >= 0x80) {
    stopped = true;
  }
  return { end, lower: host, kind: 'domain', value: host, ascii, stopped, va: start, vb: end };
}

function scanUrls(R: string, out: RHit[], mask: Uint8Array, stop: ((k: number) => boolean) | null): void {
  const n = R.length;
  const paths = new PathRuns(R, stop);
  let marked = 0; // path marks are set up to here (nested URLs share their path)
  let nested = 0;
  SCHEME.lastIndex = 0;
  for (let m = SCHEME.exec(R); m !== null; m = SCHEME.exec(R)) {
    const s = m.index;
    // URLs nested in another URL's query: real ones nest a few deep; a long chain is junk, and each
    // would copy the rest of the chain
    if (s >= marked) nested = 0;
    else if (++nested > MAX_NESTED) continue;
    let i = s + m[0].length;
    // userinfo: an '@' before the first '/', bounded
    let hostStart = i;
    for (let k = i; k < n && k - i < 256; k++) {
      const c = R.charCodeAt(k);
      if (c === 0x40) hostStart = k + 1;
      else if (c === 0x2f || c === 0x3f || c === 0x23 || c <= 0x20 || c >= 0x80) break;
    }
    const host = matchHost(R, hostStart);
    if (!host) continue;
    i = host.end;
    if (!host.stopped) {
      if (R.charCodeAt(i) === 0x3a) {
        let k = i + 1;
        while (k < n && k - i <= 5 && R.charCodeAt(k) >= 48 && R.charCodeAt(k) <= 57) k++;
        if (k > i + 1 && Number(R.slice(i + 1, k)) <= 65535 && !(k < n && isAlnum(R.charCodeAt(k)))) i = k;
      }
      const c = R.charCodeAt(i);
      if (c === 0x2f || c === 0x3f || c === 0x23) {
        const k = Math.min(paths.endOf(i), s + MAX_URL);
        i = paths.trim(i, k);
      }
    }
    const value = m[0].toLowerCase() + R.slice(s + m[0].length, hostStart) + host.lower + R.slice(host.end, i);
    out.push({ type: 'urls', value, a: s, b: i, context: 'bare' });
    if (host.kind === 'domain') {
      for (const form of hostForms(host.value, host.ascii!)) out.push({ type: 'domains', value: form, a: host.va, b: host.vb, context: 'url' });
    } else {
      out.push({ type: host.kind === 'ipv4' ? 'ipv4s' : 'ipv6s', value: host.value, a: host.va, b: host.vb, context: 'url' });
    }
    mask.fill(2, s, host.end);
    for (let k = Math.max(host.end, marked); k < i; k++) if (mask[k] === 0) mask[k] = 1;
    marked = Math.max(marked, i);
  }
}

function scanEmails(R: string, out: RHit[], mask: Uint8Array): void {
  const n = R.length;
  for (let at = R.indexOf('@'); at >= 0; at = R.indexOf('@', at + 1)) {
    if (mask[at] === 2) continue; // URL userinfo
    let a = at;
    while (a > 0 && at - a < 64 && isLocalChar(R.charCodeAt(a - 1))) a--;
    if (a > 0 && isLocalChar(R.charCodeAt(a - 1))) continue; // local part longer than 64
    while (a < at && (R[a] === '.' || R[a] === '-')) a++;
    if (a === at || R[at - 1] === '.') continue;
    let b = at + 1;
    while (b < n && b - at <= 254 && isHostChar(R.charCodeAt(b), false)) b++;
    while (b > at + 1 && (R[b - 1] === '.' || R[b - 1] === '-')) b--;
    const domain = R.slice(at + 1, b).toLowerCase();
    const ascii = asciiHost(domain);
    if (!ascii) continue;
    out.push({ type: 'emails', value: `${R.slice(a, at).toLowerCase()}@${domain}`, a, b, context: 'bare' });
    for (const form of hostForms(domain, ascii)) out.push({ type: 'domains', value: form, a: at + 1, b, context: 'email' });
    mask.fill(2, a, b);
  }
}

function versionBefore(R: string, a: number, around: Surround): boolean {
  let k = a;
  while (k > 0 && a - k < 3 && (R[k - 1] === ' ' || R[k - 1] === '\t')) k--;
  let prefix = R.slice(Math.max(0, k - 12), k);
  if (k === 0 || (k < 12 && a - k === 0)) prefix = around.before.normalize('NFKC').trimEnd() + prefix;
  return VERSION_BEFORE.test(prefix.slice(-12).toLowerCase());
}

// "1.2.3.4 概要": a section number that opens a heading line, not an address.
function headingNumber(R: string, a: number, b: number, ip: string, around: Surround): boolean {
  let k = a;
  while (k > 0 && a - k < 8 && (R[k - 1] === ' ' || R[k - 1] === '\t' || R[k - 1] === '#')) k--;
  if (k > 0 ? R[k - 1] !== '\n' : !around.lineStart) return false;
  if (R[b] !== ' ' && R[b] !== '\t') return false;
  let j = b;
  while (j < R.length && (R[j] === ' ' || R[j] === '\t')) j++;
  const next = j < R.length ? R[j] : around.after;
  if (next === '' || next === '\n' || next === '\r') return false;
  // "5.6.7.8 は誤検知", "1.2.3.4 was blocked": a sentence goes on, a heading starts a title
  const c = next.charCodeAt(0);
  if ((c >= 0x3041 && c <= 0x309f) || (c >= 97 && c <= 122)) return false;
  return ip.split('.').every((o) => Number(o) >= 1 && Number(o) <= 30);
}

function isTrim(ch: string): boolean {
  return ch === '.' || ch === '-' || ch === '_';
}

// Character classes of the run scanner: 1 = run character, 2 = also a hex digit.
const RUN_CLASS = new Uint8Array(0x530);
for (let c = 0; c < 0x530; c++) {
  const hexDigit = (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
  const run = isAlnum(c) || c === 45 || c === 46 || c === 95 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
  RUN_CLASS[c] = hexDigit ? 2 : run ? 1 : 0;
}

function isRunCode(c: number): boolean {
  return c < 0x530 && RUN_CLASS[c] !== 0;
}

// Runs that can hold a dotted name (domain, IPv4) are found from their dots; hashes and bitcoin addresses
// (long runs, which in practice always hold a digit) from their digits. Plain words of prose are never
// looked at one by one.
const DIGIT = /[0-9]/g;

function scanRuns(R: string, out: RHit[], mask: Uint8Array | null, rf: Refanged, around: Surround): void {
  const n = R.length;
  let from = 0;
  for (let d = R.indexOf('.'); d >= 0; d = R.indexOf('.', from)) {
    let a = d;
    while (a > 0 && isRunCode(R.charCodeAt(a - 1))) a--;
    let b = d + 1;
    while (b < n && isRunCode(R.charCodeAt(b))) b++;
    if (b - a >= 3) classifyRun(R, a, b, out, mask, rf, around);
    from = b + 1;
  }
  DIGIT.lastIndex = 0;
  for (let m = DIGIT.exec(R); m !== null; m = DIGIT.exec(R)) {
    let a = m.index;
    while (a > 0 && isRunCode(R.charCodeAt(a - 1))) a--;
    let b = m.index + 1;
    let dot = false;
    while (b < n && isRunCode(R.charCodeAt(b))) {
      if (R.charCodeAt(b) === 46) dot = true;
      b++;
    }
    DIGIT.lastIndex = b;
    if (dot || b - a < 14) continue; // dotted runs were taken above
    for (let k = a; k < m.index; k++) if (R.charCodeAt(k) === 46) dot = true;
    if (!dot) classifyRun(R, a, b, out, mask, rf, around);
  }
}

function classifyRun(R: string, a: number, b: number, out: RHit[], mask: Uint8Array | null, rf: Refanged, around: Surround): void {
  // "●●●●.co.jp", "**.example.com": a masked name is not an indicator ("*.example.com" is a wildcard)
  const prev = a > 0 ? R[a - 1] : around.before.slice(-1);
  const prev2 = a > 1 ? R[a - 2] : a === 1 ? around.before.slice(-1) : around.before.slice(-2, -1);
  if (MASK_CHARS.includes(prev) && prev !== '' && (prev !== '*' || prev2 === '*')) return;
  while (a < b && isTrim(R[a])) a++;
  while (b > a && isTrim(R[b - 1])) b--;
  if (b - a < 3) return;
  if (mask && (mask[a] >= 2 || mask[b - 1] >= 2)) return; // URL host, e-mail, IPv6 already taken
  const inUrl = mask !== null && mask[a] === 1;
  const s = R.slice(a, b);
  if (s.includes('.')) {
    const c0 = s.charCodeAt(0);
    // an address range written with a hyphen (192.0.2.1-192.0.2.9): each end on its own
    if (c0 >= 48 && c0 <= 57 && s.includes('-') && /^[0-9.-]+$/.test(s)) {
      let from = a;
      for (const part of s.split('-')) {
        if (part) classifyRun(R, from, from + part.length, out, mask, rf, around);
        from += part.length + 1;
      }
      return;
    }
    if (c0 >= 48 && c0 <= 57 && /^[0-9.]+$/.test(s)) {
      const ip = parseIPv4(s);
      if (ip && !versionBefore(R, a, around) && !headingNumber(R, a, b, ip, around)) {
        out.push({ type: 'ipv4s', value: ip, a, b, context: inUrl ? 'url' : 'bare' });
      }
      return;
    }
    if (inUrl) return; // names in a URL path are not hosts
    const lower = s.toLowerCase();
    const ascii = asciiHost(lower);
    if (!ascii) return;
    if (!rf.defangedWithin(a, b) && (looksLikeFileName(lower) || looksLikeProductName(s))) return;
    for (const form of hostForms(lower, ascii)) out.push({ type: 'domains', value: form, a, b, context: 'bare' });
    return;
  }
  const len = s.length;
  const ctx: HitContext = inUrl ? 'url' : 'bare';
  const hashType = HASH_TYPE[len];
  if (hashType && HEX.test(s)) {
    out.push({ type: hashType, value: s.toLowerCase(), a, b, context: ctx });
    return;
  }
  const c0 = s[0];
  if ((c0 === '1' || c0 === '3') && len >= 26 && len <= 35) {
    if (isBase58Address(s)) out.push({ type: 'bitcoin', value: s, a, b, context: ctx });
    return;
  }
  if ((c0 === 'b' || c0 === 'B') && len >= 14) {
    const addr = parseBech32Address(s);
    if (addr) out.push({ type: 'bitcoin', value: addr, a, b, context: ctx });
  }
}

function isV6Code(c: number): boolean {
  return (c >= 48 && c <= 58) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) || c === 46;
}

function scanIPv6(R: string, out: RHit[], mask: Uint8Array): void {
  const n = R.length;
  let from = 0;
  for (let colon = R.indexOf(':'); colon >= 0; colon = R.indexOf(':', from)) {
    let a = colon;
    while (a > 0 && isV6Code(R.charCodeAt(a - 1))) a--;
    let b = colon + 1;
    while (b < n && isV6Code(R.charCodeAt(b))) b++;
    from = b + 1;
    let run = R.slice(a, b);
    const first = run.indexOf(':');
    if (run.indexOf(':', first + 1) < 0) continue;
    if (mask[a] === 2) continue; // taken as a URL host
    // "IPv6:2001:db8::1": the run starts inside a word; keep what follows the first colon
    if (a > 0 && isAlnum(R.charCodeAt(a - 1)) && !run.startsWith('::')) {
      run = run.slice(first + 1);
      a += first + 1;
    } else if (run.startsWith(':') && !run.startsWith('::')) {
      run = run.slice(1); // "アドレス：2001:…" (a full-width colon folded by NFKC)
      a += 1;
    }
    let e = a + run.length;
    while (e > a && R[e - 1] === '.') e--;
    if (e - a > 2 && R[e - 1] === ':' && R[e - 2] !== ':') e--;
    if (e - a > 45 || e - a < 3) continue;
    if (e < n && isAlnum(R.charCodeAt(e))) continue;
    const v6 = parseIPv6(R.slice(a, e));
    if (!v6) continue;
    out.push({ type: 'ipv6s', value: v6, a, b: e, context: mask[a] === 1 ? 'url' : 'bare' });
    mask.fill(3, a, e); // its dotted tail (::ffff:192.0.2.1) is not a separate IPv4
  }
}

function scanIds(R: string, out: RHit[]): void {
  CVE.lastIndex = 0;
  for (let m = CVE.exec(R); m !== null; m = CVE.exec(R)) {
    if (m.index > 0 && isAlnum(R.charCodeAt(m.index - 1))) continue;
    out.push({ type: 'cves', value: `CVE-${m[1]}-${m[2]}`, a: m.index, b: m.index + m[0].length, context: 'bare' });
  }
  JVN.lastIndex = 0;
  for (let m = JVN.exec(R); m !== null; m = JVN.exec(R)) {
    if (m.index > 0 && isAlnum(R.charCodeAt(m.index - 1))) continue;
    const value = m[1] ? `JVNDB-${m[1]}-${m[2]}` : `JVN${(m[3] ?? '').toUpperCase()}#${m[4]}`;
    out.push({ type: 'jvns', value, a: m.index, b: m.index + m[0].length, context: 'bare' });
  }
  ASN.lastIndex = 0;
  for (let m = ASN.exec(R); m !== null; m = ASN.exec(R)) {
    const num = Number(m[1]);
    if (num < 1 || num > 4294967295 || (m[1].length > 1 && m[1][0] === '0')) continue;
    out.push({ type: 'asns', value: `AS${num}`, a: m.index, b: m.index + m[0].length, context: 'bare' });
  }
}

/** What lies just outside a window: the text before it on its line, and the character after it. */
interface Surround {
  /** up to CONTEXT characters before the window (normalized enough for the version-marker check) */
  before: string;
  /** the window starts a line */
  lineStart: boolean;
  /** the character after the window ('' at the end of the text) */
  after: string;
}

/** The scanner proper, over one window of text; offsets in the hits are `base` + window offsets. */
function scanWindow(text: string, base: number, around: Surround, out: IndicatorHit[]): void {
  // Pure ASCII without CR needs no normalization: skip building the offset map.
  // Pure ASCII, or ASCII with full-width forms that NFKC maps one character to one character, needs no
  // offset map: skip building it.
  let plain: string | null = null;
  if (!NEEDS_NORMALIZE.test(text)) plain = text;
  else if (!NEEDS_FULL_NORMALIZE.test(text)) plain = text.replace(FULL_WIDTH, toHalfWidth);
  const nt = plain === null ? normalize(text, { removeZeroWidth: true }) : null;
  const rf = refang(nt ? nt.text : plain!);
  const R = rf.text;
  const hits: RHit[] = [];
  const hasColon = R.includes(':');
  const hasAt = R.includes('@');
  // the mask records what the URL, e-mail and IPv6 passes took, so the run pass does not take it twice
  const mask = hasColon || hasAt ? new Uint8Array(R.length + 1) : null;
  if (mask && hasColon && R.includes('://')) {
    // "…/login（アクセスしないで）": NFKC turns full-width brackets into ASCII ones, but as written they
    // are Japanese punctuation and end the URL
    const source = nt ? nt.original : text;
    const stop =
      plain === text || !WIDE_BRACKET_RE.test(text)
        ? null
        : (k: number): boolean => {
            const t = rf.mapStart(k);
            const o = nt ? nt.start[t] : t;
            return WIDE_BRACKETS.includes(source[o]);
          };
    scanUrls(R, hits, mask, stop);
  }
  if (mask && hasAt) scanEmails(R, hits, mask);
  if (mask && hasColon) scanIPv6(R, hits, mask);
  scanRuns(R, hits, mask, rf, around);
  if (MAYBE_ID.test(R)) scanIds(R, hits);
  if (hits.length > 1) hits.sort((x, y) => x.a - y.a || TYPE_ORDER.get(x.type)! - TYPE_ORDER.get(y.type)!);
  for (const h of hits) {
    const s0 = rf.mapStart(h.a);
    const s1 = rf.mapEnd(h.b);
    const span = nt ? toOriginalSpan(nt, s0, s1) : { start: s0, end: s1 };
    out.push({
      type: h.type,
      value: h.value,
      start: base + span.start,
      end: base + span.end,
      raw: text.slice(span.start, span.end),
      defanged: rf.defangedWithin(h.a, h.b),
      context: h.context,
    });
  }
}

const NEEDS_NORMALIZE = /[^\x00-\x0c\x0e-\x7f]/;
const NEEDS_FULL_NORMALIZE = /[^\x00-\x0c\x0e-\x7f\u3000\uff01-\uff5e]/;
const FULL_WIDTH = /[\u3000\uff01-\uff5e]/g;
const toHalfWidth = (ch: string): string => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

// Characters an indicator can be written with before normalization: ASCII, full-width ASCII, spaces,
// zero-width characters, dash variants, and Latin/Greek/Cyrillic letters for IDNs. Japanese prose between
// such stretches cannot hold an indicator, so it is skipped without being normalized.
// A table over the BMP (one byte each): a regex here would allocate a string for every run of digits and
// brackets in the prose.
const STRETCH_CHAR = new Uint8Array(0x10000);
for (const [from, to] of [
  [0x09, 0x09], [0x20, 0x7e], [0xa0, 0xa0], [0xc0, 0x52f], [0x200b, 0x200d], [0x2010, 0x2015], [0x2060, 0x2060],
  [0x2212, 0x2212], [0x3000, 0x3000], [0xfeff, 0xfeff], [0xff01, 0xff5e],
]) STRETCH_CHAR.fill(1, from, to + 1);
// A stretch is worth scanning only if it holds what some indicator needs: a dot before a letter or digit,
// an '@', a colon before '/', a hex digit or another colon, a defanging bracket, an id prefix, or a long
// alphanumeric stretch with a digit (hashes, bitcoin). Most sentences of prose hold none of these.
const PROMISING =
  /[.．][0-9A-Za-z０-９Ａ-Ｚａ-ｚ]|[@＠]|[:：][/／0-9A-Fa-f:：０-９]|[[［(（{｛](?:[.．@＠:：]|[dDａ-ｚ]|at|AT)|[Cc][Vv][Ee]|[Jj][Vv][Nn]|ＣＶＥ|ＪＶＮ|ｃｖｅ|ｊｖｎ|AS|ＡＳ/;
const DIGIT_G = /[0-9０-９]/g;

/** A run of 14+ letters/digits holding a digit (hash, bitcoin address) — "in 2024," is not one. */
function hasLongRunWithDigit(s: string): boolean {
  DIGIT_G.lastIndex = 0;
  for (let m = DIGIT_G.exec(s); m !== null; m = DIGIT_G.exec(s)) {
    let a = m.index;
    while (a > 0 && isWide(s.charCodeAt(a - 1))) a--;
    let b = m.index + 1;
    while (b < s.length && isWide(s.charCodeAt(b))) b++;
    if (b - a >= 14) return true;
    DIGIT_G.lastIndex = b;
  }
  return false;
}
function isWide(c: number): boolean {
  return isAlnum(c) || (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}
const CONTEXT = 16;
const CJK_STOP = /[\s。、」』）】]/;

// Japanese internationalized names written bare ("「日本語.jp」"): only between clear delimiters, since
// Japanese prose runs into ASCII names without spaces. A name is a whole run of label characters and dots
// (kana, kanji, ASCII letters, digits, '-'), so it is found from its dots: the run around a dot is taken
// when it is delimited on both sides, starts with a label, holds no empty label and does not end in a dot.
const CJK_BEFORE = /[\s:：「『（(【[、,]/;
const CJK_AFTER = /[\s」』）)】\]、。,]/;
const HAS_KANA_KANJI = /[\u3041-\u30ff\u3400-\u9fff]/;

function isLabelCode(c: number): boolean {
  return (
    (c >= 0x3041 && c <= 0x30ff && c !== 0x30fb) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    isAlnum(c) ||
    c === 45
  );
}
function isDotCode(c: number): boolean {
  return c === 0x2e || c === 0xff0e;
}

/** Runs that may be bare names, as [start, end, start, end, …] (exported for its tests). */
export function bareNameRuns(text: string): number[] {
  const runs: number[] = [];
  const n = text.length;
  // the next '.' and the next '．' at or after the scan position
  let ascii = text.indexOf('.');
  let wide = text.indexOf('．');
  while (ascii >= 0 || wide >= 0) {
    const dot = wide < 0 || (ascii >= 0 && ascii < wide) ? ascii : wide;
    let a = dot;
    while (a > 0 && (isLabelCode(text.charCodeAt(a - 1)) || isDotCode(text.charCodeAt(a - 1)))) a--;
    let e = dot + 1;
    let emptyLabel = isDotCode(text.charCodeAt(a));
    while (e < n) {
      const c = text.charCodeAt(e);
      if (isDotCode(c)) emptyLabel ||= isDotCode(text.charCodeAt(e - 1));
      else if (!isLabelCode(c)) break;
      e++;
    }
    if (ascii >= 0 && ascii < e) ascii = text.indexOf('.', e);
    if (wide >= 0 && wide < e) wide = text.indexOf('．', e);
    // (the run holds no dot before `dot`: the scan would have stopped there first)
    if (emptyLabel || isDotCode(text.charCodeAt(e - 1))) continue;
    if (a > 0 && !CJK_BEFORE.test(text[a - 1])) continue;
    if (e < n && !CJK_AFTER.test(text[e])) continue;
    runs.push(a, e);
  }
  return runs;
}

function scanCjkIdn(text: string, out: IndicatorHit[]): void {
  const runs = bareNameRuns(text);
  for (let i = 0; i < runs.length; i += 2) {
    const a = runs[i];
    const e = runs[i + 1];
    const raw = text.slice(a, e);
    const host = raw.normalize('NFKC').toLowerCase();
    if (!HAS_KANA_KANJI.test(host)) continue; // plain ASCII names are found by the main scanner
    const ascii = asciiHost(host);
    if (!ascii || looksLikeFileName(host)) continue; // 「請求書.zip」 is a file
    for (const value of hostForms(host, ascii)) {
      out.push({ type: 'domains', value, start: a, end: e, raw, defanged: false, context: 'bare' });
    }
  }
}

/** Every indicator occurrence in `text`, in order, with offsets into `text` and how it was written. */
export function findIndicators(text: string): IndicatorHit[] {
  const out = findAscii(text);
  const before = out.length;
  scanCjkIdn(text, out);
  if (out.length > before) out.sort((x, y) => x.start - y.start || TYPE_ORDER.get(x.type)! - TYPE_ORDER.get(y.type)!);
  return out;
}

function findAscii(text: string): IndicatorHit[] {
  const out: IndicatorHit[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    while (i < n && STRETCH_CHAR[text.charCodeAt(i)] === 0) i++;
    const start = i;
    while (i < n && STRETCH_CHAR[text.charCodeAt(i)] === 1) i++;
    if (i - start < 3) continue;
    let s = text.slice(start, i);
    if (!PROMISING.test(s) && !(s.length >= 14 && hasLongRunWithDigit(s))) continue;
    let a = start;
    // "送信元：info@…": a full-width colon or space that only separates a label from the value is not
    // part of any indicator; leaving it out keeps most windows free of full-width characters
    let lead = 0;
    while (lead < s.length - 1 && (s.charCodeAt(lead) === 0xff1a || s.charCodeAt(lead) === 0x3000)) lead++;
    if (lead) {
      s = s.slice(lead);
      a += lead;
    }
    let end = a + s.length;
    // an internationalized host right after a scheme ("https://日本語.jp/パス")
    if (end < n && (s.endsWith('//') || s.endsWith('／／'))) {
      while (end < n && end - a < s.length + 256 && !CJK_STOP.test(text[end])) end++;
      i = end;
    }
    // bounded look back (lastIndexOf would rescan the whole text for every stretch)
    let prevNl = a - 1;
    while (prevNl >= 0 && a - prevNl <= CONTEXT && text[prevNl] !== '\n' && text[prevNl] !== '\r') prevNl--;
    const before = text.slice(Math.max(0, a - CONTEXT, prevNl + 1), a);
    const around: Surround = {
      before,
      lineStart: a === 0 || prevNl + 1 === a,
      after: end < n ? text[end] : '',
    };
    scanWindow(end === a + s.length ? s : text.slice(a, end), a, around, out);
  }
  return out;
}
