// IoC engine throughput beside the npm package ioc-extractor on the same generated corpus (≥ 10 MB of
// Japanese and English notices and threat-report prose with embedded, partly defanged indicators), runs
// alternating in one process; prints both MB/s and the median ratio. Also scores both engines against
// jikenbo's conformance suite (test/ioc/cases.ts).
import { extractIOC } from 'ioc-extractor';
import { extractIndicators, INDICATOR_TYPES, type IndicatorType } from '../../src/ioc/index.js';
import { CASES } from '../../test/ioc/cases.js';

const TARGET_MB = 10.5;
const RUNS = 5;
const TARGET_RATIO = 5;

// Deterministic PRNG (mulberry32) so every run measures the same corpus.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JA_PROSE = [
  'このたび、当社が運営する通信販売サイトにおいて、第三者による不正アクセスを受け、お客様の個人情報が流出した可能性があることが判明いたしました。',
  'お客様をはじめ関係者の皆様には多大なるご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。',
  '令和6年4月1日（月）10時30分頃、社内サーバーにおいて不審な通信を検知し、直ちにネットワークから隔離いたしました。',
  '外部専門機関による調査の結果、約1,234名分の氏名、住所、電話番号、メールアドレスが閲覧可能な状態であったことが確認されました。',
  '現時点で、本件に起因する個人情報の不正利用等の二次被害は確認されておりません。',
  '再発防止策として、システムの監視体制の強化、パスワードの定期変更、多要素認証の導入を進めてまいります。',
  'なお、本件については個人情報保護委員会へ報告するとともに、所轄の警察署に相談しております。',
  '本件に関するお問い合わせは、下記の専用窓口までお願いいたします（受付時間：平日9:00〜17:00）。',
  '不審なメールを受信された場合は、添付ファイルを開いたり、本文中のURLにアクセスしたりせず、削除してください。',
  '調査で確認された攻撃元のIPアドレスは、以下のとおりです。',
];
const EN_PROSE = [
  'We are writing to inform you of a data security incident that may have involved some of your personal information.',
  'On March 3, 2024, we detected unusual activity on a server and immediately launched an investigation with a third-party forensic firm.',
  'The threat actor gained initial access through a vulnerable VPN appliance and moved laterally using stolen credentials.',
  'Analysts observed the loader beaconing to its command-and-control infrastructure every 60 seconds over HTTPS.',
  'The phishing e-mails impersonated a shipping company and urged recipients to confirm a delivery address.',
  'We have no evidence that any information has been misused, but we are notifying affected individuals out of an abundance of caution.',
  'Indicators of compromise observed during the intrusion are listed below; defanged values are shown in brackets.',
  'The ransomware encrypted file servers and left a note demanding payment in Bitcoin within 72 hours.',
];

function label(r: () => number): string {
  const words = ['secure', 'login', 'update', 'cdn', 'mail', 'verify', 'account', 'portal', 'check', 'kakunin', 'bank', 'shop', 'gift', 'present', 'auth', 'cloud'];
  return `${words[Math.floor(r() * words.length)]}-${words[Math.floor(r() * words.length)]}${Math.floor(r() * 100)}`;
}
function hex(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(r() * 16)];
  return s;
}
const TLDS = ['com', 'net', 'xyz', 'top', 'shop', 'co.jp', 'jp', 'info', 'online'];

function indicator(r: () => number, ja: boolean): string {
  const tld = TLDS[Math.floor(r() * TLDS.length)];
  const host = `${label(r)}.${tld}`;
  const ip = `${[192, 198, 203, 45][Math.floor(r() * 4)]}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}`;
  const defang = r() < 0.5;
  const d = (s: string) => (defang ? s.replace(/\.(?=[^.]*$)/, '[.]') : s);
  switch (Math.floor(r() * 9)) {
    case 0:
      return ja ? `誘導先URL：${defang ? 'hxxps' : 'https'}://${d(host)}/login/index.php` : `URL ${defang ? 'hxxps' : 'https'}://${d(host)}/login?id=${Math.floor(r() * 1e6)}`;
    case 1:
      return ja ? `送信元：info${defang ? '[@]' : '@'}${d(host)}` : `sender support${defang ? '[@]' : '@'}${d(host)}`;
    case 2:
      return ja ? `攻撃元IPアドレス：${d(ip)}` : `C2 ${d(ip)}:443`;
    case 3:
      return ja ? `ドメイン ${d(host)} を確認` : `domain ${d(host)}`;
    case 4:
      return `SHA-256: ${hex(r, 64)}`;
    case 5:
      return ja ? `脆弱性（CVE-20${20 + Math.floor(r() * 5)}-${1000 + Math.floor(r() * 50000)}）` : `exploiting CVE-2023-${1000 + Math.floor(r() * 50000)}`;
    case 6:
      return `MD5 ${hex(r, 32)}`;
    case 7:
      return ja ? `ＩＰ：２０３．０．１１３．${Math.floor(r() * 256)}` : `from 2001:db8::${hex(r, 4)}`;
    default:
      return ja ? `バージョン 1.2.${Math.floor(r() * 10)}.${Math.floor(r() * 10)} を適用` : `build 10.0.19041.${Math.floor(r() * 9999)}`;
  }
}

export function buildCorpus(seed = 20240401, targetBytes = TARGET_MB * 1e6): string[] {
  const r = rng(seed);
  const docs: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const ja = r() < 0.6;
    const prose = ja ? JA_PROSE : EN_PROSE;
    const parts: string[] = [ja ? '【セキュリティ事件簿#2024-' + Math.floor(r() * 999) + '】不正アクセスに関するお知らせ' : 'Notice of Data Security Incident'];
    const sentences = 12 + Math.floor(r() * 20);
    for (let i = 0; i < sentences; i++) {
      parts.push(prose[Math.floor(r() * prose.length)]);
      if (r() < 0.25) parts.push((ja ? '・' : '- ') + indicator(r, ja));
    }
    const doc = parts.join('\n') + '\n';
    bytes += Buffer.byteLength(doc);
    docs.push(doc);
  }
  return docs;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// ioc-extractor's result keys, mapped onto jikenbo's types (it has no JVN ids).
const PEER_KEY: Partial<Record<IndicatorType, string>> = {
  urls: 'urls',
  domains: 'domains',
  ipv4s: 'ipv4s',
  ipv6s: 'ipv6s',
  emails: 'emails',
  md5s: 'md5s',
  sha1s: 'sha1s',
  sha256s: 'sha256s',
  sha512s: 'sha512s',
  cves: 'cves',
  asns: 'asns',
  bitcoin: 'btcs',
};

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/** Share of conformance cases each engine gets fully right (sets compared; order ignored for the peer). */
export function conformance(): { jikenbo: number; peer: number; n: number } {
  let ours = 0;
  let peer = 0;
  for (const c of CASES) {
    const got = extractIndicators(c.text);
    if (INDICATOR_TYPES.every((t) => sameSet(got[t], c.expect[t] ?? []))) ours++;
    const theirs = extractIOC(c.text, { sort: false }) as unknown as Record<string, string[]>;
    const ok = INDICATOR_TYPES.every((t) => {
      const key = PEER_KEY[t];
      const list = key ? (theirs[key] ?? []).map((v) => (t === 'cves' ? v.toUpperCase() : t === 'asns' ? v.replace(/^ASN?\s*/i, 'AS') : v)) : [];
      return sameSet(list, c.expect[t] ?? []);
    });
    if (ok) peer++;
  }
  return { jikenbo: ours / CASES.length, peer: peer / CASES.length, n: CASES.length };
}

export default async function run(): Promise<void> {
  const docs = buildCorpus();
  const mb = docs.reduce((n, d) => n + Buffer.byteLength(d), 0) / 1e6;
  const ours = () => {
    let found = 0;
    for (const d of docs) {
      const r = extractIndicators(d);
      for (const t of INDICATOR_TYPES) found += r[t].length;
    }
    return found;
  };
  const theirs = () => {
    let found = 0;
    for (const d of docs) {
      const r = extractIOC(d) as unknown as Record<string, string[]>;
      for (const k of Object.keys(r)) found += r[k].length;
    }
    return found;
  };
  const time = (f: () => number): [number, number] => {
    const t0 = performance.now();
    const found = f();
    return [(performance.now() - t0) / 1000, found];
  };
  console.log(`corpus: ${docs.length} documents, ${mb.toFixed(1)} MB (Japanese and English, seed 20240401)`);
  ours(); // warm up both
  theirs();
  const ratios: number[] = [];
  const oursMBs: number[] = [];
  const theirsMBs: number[] = [];
  let foundOurs = 0;
  let foundTheirs = 0;
  for (let i = 0; i < RUNS; i++) {
    // alternate which goes first so neither always runs on a warmer or cooler machine
    const [a, fa] = i % 2 === 0 ? time(ours) : [0, 0];
    const [b, fb] = time(theirs);
    const [c, fc] = i % 2 === 1 ? time(ours) : [a, fa];
    oursMBs.push(mb / c);
    theirsMBs.push(mb / b);
    ratios.push(b / c);
    foundOurs = fc;
    foundTheirs = fb;
  }
  console.log(`jikenbo extractIndicators  ${median(oursMBs).toFixed(1)} MB/s  (${foundOurs} values)`);
  console.log(`ioc-extractor extractIOC    ${median(theirsMBs).toFixed(1)} MB/s  (${foundTheirs} values)`);
  const ratio = median(ratios);
  console.log(`median speed ratio: ${ratio.toFixed(2)}x ioc-extractor (target ≥ ${TARGET_RATIO}x) ${ratio >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}`);
  const conf = conformance();
  console.log(
    `conformance suite (${conf.n} cases): jikenbo ${(conf.jikenbo * 100).toFixed(1)}%, ioc-extractor ${(conf.peer * 100).toFixed(1)}%`,
  );
}
