// Test records for exchange tests: extracted from dev-corpus notices (values not asserted — the extractor
// changes) plus hand-built records that exercise every field.
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { extractIncident } from '../../src/extract/index.js';
import { emptyIndicators, type Incident } from '../../src/model/index.js';
import { asCase, type ExportCase } from '../../src/exchange/common.js';
import { sharedDir } from '../helpers/cli.js';

export const refDir = join(sharedDir, 'reference');

export function corpusRecords(n = 12): Incident[] {
  const dir = join(sharedDir, 'corpus', 'dev-synthetic');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, n);
  return files.map((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    return extractIncident({ text, source: { path: f, sha256: createHash('sha256').update(text).digest('hex'), mediaType: 'text/plain' } });
  });
}

export function handRecord(over: Partial<Incident> = {}): Incident {
  const text = '【セキュリティ事件簿#2024-123】株式会社テスト商事 ランサムウェア被害のお知らせ <script>alert(1)</script> & "引用"';
  return {
    isIncident: true,
    caseId: '2024-123',
    title: '株式会社テスト商事 ランサムウェア被害のお知らせ',
    organization: '株式会社テスト商事',
    otherOrganizations: [
      { name: '保守ベンダー株式会社', role: 'contractor' },
      { name: '親会社ホールディングス', role: 'parent' },
    ],
    publishedAt: '2024-05-10',
    discoveredAt: '2024-04-28',
    occurredFrom: '2024-04-20',
    occurredTo: '2024-04-28',
    categories: ['ransomware', 'vulnerability_exploit'],
    affectedCount: 5960000,
    affectedUnit: '人分',
    affectedApprox: true,
    dataItems: ['name', 'address', 'email', 'credit_card'],
    excludedDataItems: ['my_number'],
    leakStatus: 'possible',
    authoritiesNotified: ['ppc', 'police'],
    countermeasures: ['VPN機器の更新', 'EDRの導入'],
    countermeasureCount: 2,
    timeline: [
      { date: '2024-04-28', time: '09:30', text: 'サーバーの暗号化を確認' },
      { date: '2024-05-10', text: '公表' },
    ],
    indicators: {
      ...emptyIndicators(),
      urls: ["http://evil.example/pay?x='1'"],
      domains: ['evil.example'],
      ipv4s: ['198.51.100.7'],
      ipv6s: ['2001:db8::7'],
      emails: ['attacker@evil.example'],
      md5s: ['d41d8cd98f00b204e9800998ecf8427e'],
      sha1s: ['da39a3ee5e6b4b0d3255bfef95601890afd80709'],
      sha256s: ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
      cves: ['CVE-2023-46805'],
    },
    evidence: { title: [{ start: 20, end: 40 }], organization: [{ start: 20, end: 29 }] },
    text,
    source: { url: 'https://www.example.co.jp/news/2024/0510.html', sha256: createHash('sha256').update(text).digest('hex'), mediaType: 'text/html' },
    ...over,
  };
}

export function handCases(): ExportCase[] {
  const misdelivery = handRecord({
    caseId: '2024-200',
    title: 'メール誤送信に関するお詫び',
    organization: '○○市',
    otherOrganizations: [],
    categories: ['email_misdelivery'],
    affectedCount: 245,
    affectedUnit: '名',
    affectedApprox: false,
    dataItems: ['email'],
    excludedDataItems: [],
    leakStatus: 'confirmed',
    indicators: emptyIndicators(),
    publishedAt: '2024-06-01',
    source: { url: 'https://www.city.example.lg.jp/oshirase.html', sha256: 'a'.repeat(64), mediaType: 'text/html' },
  });
  return [asCase(handRecord(), '2024-123'), asCase(misdelivery, '2024-200')];
}

/** The fields every format must carry across a round trip. */
export function coreFields(r: Incident) {
  return {
    title: r.title,
    organization: r.organization,
    publishedAt: r.publishedAt,
    categories: [...r.categories].sort(),
    url: r.source.url ?? null,
  };
}
