// Casebook store: ingest records/s (extraction excluded) and search latency p50/p95 at 10k and 100k synthetic
// records built from notice templates, SQLite and PostgreSQL side by side. Peer: the same rows written to and
// scanned from one plain better-sqlite3 table (prepared INSERT; LIKE scan), the floor any store pays.
// STORE_BENCH_SIZES=10000,100000 (default) and JIKENBO_TEST_PG / JIKENBO_BENCH_PG select what runs.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTHORITIES, CATEGORIES, DATA_ITEMS, emptyIndicators, type Incident } from '../../src/model/index.js';
import { dropPostgresSchema, openStore, type Casebook, type SearchQuery } from '../../src/store/index.js';

const TARGET_INGEST = 5000;
const TARGET_P95_MS = 20;
const BATCH = 1000;

// A small deterministic PRNG so every run stores the same corpus.
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 0x100000000;
  };
}

const PREFIX = ['株式会社', '', '一般社団法人', '', '学校法人'];
const STEMS = ['アサヒ', 'ミドリ', 'ヒカリ', 'サクラ', 'ツバサ', 'ミナト', 'カエデ', 'ハルカ', 'イズミ', 'ホシノ', 'タカミ', 'ナギサ'];
const KINDS = ['製作所', '商事', '物流', 'システムズ', '病院', '学園', '信用金庫', '市役所', 'ホールディングス', '出版'];
const CONTRACTORS = ['株式会社イーストネット', '株式会社ウエストデータ', 'ノースクラウド株式会社', '株式会社サウスソリューションズ'];
const EVENTS: Record<string, string> = {
  ransomware: '当社サーバーがランサムウェアに感染し、ファイルが暗号化されたことが判明いたしました。',
  unauthorized_access: '当社が運営するECサイトが第三者による不正アクセスを受けたことを確認いたしました。',
  email_misdelivery: '職員がメールを送信する際、宛先をBCCに設定せずに送信したことが判明いたしました。',
  device_loss: '従業員が業務用ノートパソコンを紛失したことが判明いたしました。',
  phishing: '当社を装ったフィッシングメールが送信されていることを確認いたしました。',
  web_skimming: '決済画面が改ざんされ、クレジットカード情報が窃取された可能性があることが判明いたしました。',
};
const EVENT_KEYS = Object.keys(EVENTS) as (keyof typeof EVENTS)[];
const FILLER =
  '本件につきましては、外部の専門調査機関の協力を得て原因の究明と影響範囲の特定を進めております。' +
  'お客様をはじめ関係者の皆様に多大なるご迷惑とご心配をおかけしましたことを深くお詫び申し上げます。' +
  '今後は、監視体制の強化、従業員教育の徹底、システムの脆弱性診断の定期実施など再発防止に努めてまいります。';

export function syntheticRecord(i: number, rand: () => number): Incident {
  const org = `${PREFIX[i % PREFIX.length]}${STEMS[Math.floor(rand() * STEMS.length)]}${KINDS[Math.floor(rand() * KINDS.length)]}${i}`;
  const cat = EVENT_KEYS[Math.floor(rand() * EVENT_KEYS.length)];
  const year = 2019 + Math.floor(rand() * 7);
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
  const count = Math.floor(10 ** (1 + rand() * 5));
  const items = DATA_ITEMS.filter(() => rand() < 0.2);
  const contractor = rand() < 0.2 ? CONTRACTORS[Math.floor(rand() * CONTRACTORS.length)] : null;
  const title = `${org} ${cat === 'email_misdelivery' ? 'メール誤送信' : '個人情報漏えいのおそれ'}に関するお知らせとお詫び`;
  const text = [
    title,
    '',
    `${year}年${Number(month)}月${Number(day)}日`,
    org,
    '',
    `このたび、${contractor ? `当社が業務を委託している${contractor}において、` : ''}${EVENTS[cat]}`,
    `調査の結果、お客様${count.toLocaleString('en-US')}名分の個人情報が漏えいしたおそれがあります。整理番号${i}。`,
    FILLER,
  ].join('\n');
  return {
    isIncident: true,
    caseId: null,
    title,
    organization: org,
    otherOrganizations: contractor ? [{ name: contractor, role: 'contractor' }] : [],
    publishedAt: `${year}-${month}-${day}`,
    discoveredAt: null,
    occurredFrom: null,
    occurredTo: null,
    categories: [cat as (typeof CATEGORIES)[number]],
    affectedCount: count,
    affectedUnit: '名',
    affectedApprox: false,
    dataItems: items,
    excludedDataItems: [],
    leakStatus: rand() < 0.5 ? 'possible' : 'confirmed',
    authoritiesNotified: AUTHORITIES.filter(() => rand() < 0.3),
    countermeasures: [],
    countermeasureCount: null,
    timeline: [],
    indicators: emptyIndicators(),
    evidence: {},
    text,
    source: { path: `synthetic/${i}.txt`, sha256: createHash('sha256').update(text).digest('hex'), mediaType: 'text/plain' },
  };
}

export const QUERIES: SearchQuery[] = [
  { q: 'ランサムウェア' },
  { q: 'ヒカリ物流' },
  { q: '整理番号4242' },
  { q: 'イーストネット' },
  { q: '病院' },
  { q: 'BCC', categories: ['email_misdelivery'] },
  { categories: ['web_skimming'], since: '2023-01-01' },
  { dataItems: ['credit_card'], leak: 'confirmed', minAffected: 1000 },
  { q: 'フィッシング', org: 'サクラ' },
  { q: '不正アクセス ECサイト', year: 2022 },
];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

interface Figures {
  ingest: number;
  /** records per second of this process's CPU time: the same figure without other processes' load */
  ingestCpu: number;
  p50: number;
  p95: number;
  /** p95 of this process's CPU time per search (the whole search for SQLite; the client side for PostgreSQL) */
  cpuP95: number;
}

async function measureStore(store: Casebook, records: Incident[]): Promise<Figures> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < records.length; i += BATCH) await store.ingestBatch(records.slice(i, i + BATCH));
  const ingest = records.length / ((performance.now() - t0) / 1000);
  const cpu = process.cpuUsage(c0);
  const ingestCpu = records.length / ((cpu.user + cpu.system) / 1e6);
  for (const q of QUERIES) await store.search(q); // warm caches
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      const t = performance.now();
      const c = process.cpuUsage();
      await store.search({ ...q, limit: 20 });
      const used = process.cpuUsage(c);
      times.push(performance.now() - t);
      cpuTimes.push((used.user + used.system) / 1000);
    }
  }
  return { ingest, ingestCpu, p50: pct(times, 50), p95: pct(times, 95), cpuP95: pct(cpuTimes, 95) };
}

function measurePeer(path: string, records: Incident[]): Figures {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE plain (id INTEGER PRIMARY KEY, text TEXT, record TEXT)');
  const ins = db.prepare('INSERT INTO plain (text, record) VALUES (?, ?)');
  const t0 = performance.now();
  for (let i = 0; i < records.length; i += BATCH) {
    db.transaction(() => {
      for (const r of records.slice(i, i + BATCH)) ins.run(r.text, JSON.stringify(r));
    })();
  }
  const ingest = records.length / ((performance.now() - t0) / 1000);
  const ingestCpu = Number.NaN;
  const scan = db.prepare("SELECT id FROM plain WHERE text LIKE ? ESCAPE '\\' LIMIT 20");
  const count = db.prepare("SELECT count(*) FROM plain WHERE text LIKE ? ESCAPE '\\'");
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      const like = `%${q.q?.split(' ')[0] ?? '整理番号'}%`;
      const t = performance.now();
      scan.all(like);
      count.get(like);
      times.push(performance.now() - t);
    }
  }
  db.close();
  return { ingest, ingestCpu, p50: pct(times, 50), p95: pct(times, 95), cpuP95: Number.NaN };
}

async function pgReachable(url: string): Promise<string | null> {
  try {
    const s = await openStore(url, { schema: `jikenbo_bench_probe_${process.pid}` });
    await s.close();
    await dropPostgresSchema(url, `jikenbo_bench_probe_${process.pid}`);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

const fmt = (f: Figures | null) =>
  f ? `${f.ingest.toFixed(0).padStart(7)} rec/s (${Number.isNaN(f.ingestCpu) ? '    —' : f.ingestCpu.toFixed(0).padStart(5)}/CPU-s)  p50 ${f.p50.toFixed(2).padStart(6)} ms  p95 ${f.p95.toFixed(2).padStart(6)} ms  (CPU p95 ${Number.isNaN(f.cpuP95) ? '—' : f.cpuP95.toFixed(2)} ms)` : '(skipped)';

export default async function run(): Promise<void> {
  const sizes = (process.env.STORE_BENCH_SIZES ?? '10000,100000').split(',').map(Number).filter((n) => n > 0);
  const pgUrl = process.env.JIKENBO_BENCH_PG ?? process.env.JIKENBO_TEST_PG;
  const pgProblem = pgUrl ? await pgReachable(pgUrl) : 'JIKENBO_TEST_PG is not set';
  if (pgProblem) console.log(`postgres: skipped (${pgProblem})`);
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-bench-'));
  try {
    for (const n of sizes) {
      const rand = rng(n);
      const records = Array.from({ length: n }, (_, i) => syntheticRecord(i, rand));
      const mb = records.reduce((s, r) => s + Buffer.byteLength(r.text), 0) / 1e6;

      const sqlite = await openStore(join(dir, `bench-${n}.db`));
      const sq = await measureStore(sqlite, records);
      await sqlite.close();

      let pg: Figures | null = null;
      if (!pgProblem && pgUrl) {
        const schema = `jikenbo_bench_${process.pid}_${n}`;
        const store = await openStore(pgUrl, { schema });
        try {
          pg = await measureStore(store, records);
        } finally {
          await store.close();
          await dropPostgresSchema(pgUrl, schema);
        }
      }
      const peer = measurePeer(join(dir, `peer-${n}.db`), records);

      console.log(`\n${n.toLocaleString('en-US')} records (${mb.toFixed(1)} MB of text), batches of ${BATCH}, ${QUERIES.length} queries × 5:`);
      console.log(`  jikenbo sqlite    ${fmt(sq)}`);
      console.log(`  jikenbo postgres  ${fmt(pg)}`);
      console.log(`  peer plain table  ${fmt(peer)}   (prepared INSERT; LIKE scan + count)`);
      console.log(
        `  sqlite: ingest ${(sq.ingest / TARGET_INGEST).toFixed(2)}× of target ${TARGET_INGEST}/s ` +
          `(${(sq.ingestCpu / TARGET_INGEST).toFixed(2)}× per CPU-second; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores), ` +
          `${(sq.ingest / peer.ingest).toFixed(2)}× of peer; search p95 ${(TARGET_P95_MS / sq.p95).toFixed(2)}× of target ${TARGET_P95_MS} ms (CPU p95 ${(TARGET_P95_MS / sq.cpuP95).toFixed(2)}×)` +
          ` (${(peer.p95 / sq.p95).toFixed(1)}× faster than a LIKE scan)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
