// Import of a large STIX bundle: our streaming importer (records assembled, bounded memory) beside the peer
// every non-streaming importer relies on, JSON.parse of the whole file. Prints MB/s and peak RSS growth of each.
import { appendFileSync, createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportSession, asCase, exportStix } from '../../src/exchange/index.js';
import { emptyIndicators, type Incident } from '../../src/model/index.js';

// JIKENBO_BENCH_MB=1100 checks a 1 GB bundle; JSON.parse cannot take a string that long (V8 caps strings near 512 MB)
const TARGET_MB = Number(process.env.JIKENBO_BENCH_MB ?? 100);
const PEER_MAX_MB = 400;

function record(i: number): Incident {
  return {
    isIncident: true,
    caseId: `2024-${i}`,
    title: `株式会社テスト${i} ランサムウェア被害のお知らせ`,
    organization: `株式会社テスト${i}`,
    otherOrganizations: [],
    publishedAt: '2024-05-10',
    discoveredAt: null,
    occurredFrom: null,
    occurredTo: null,
    categories: ['ransomware'],
    affectedCount: i,
    affectedUnit: '人',
    affectedApprox: false,
    dataItems: ['name'],
    excludedDataItems: [],
    leakStatus: 'possible',
    authoritiesNotified: [],
    countermeasures: [],
    countermeasureCount: null,
    timeline: [],
    indicators: { ...emptyIndicators(), ipv4s: Array.from({ length: 20 }, (_, k) => `10.${i % 250}.${k}.${(i * 7) % 250}`) },
    evidence: {},
    text: 'ランサムウェアによる暗号化被害が発生しました。'.repeat(20),
    source: { sha256: i.toString(16).padStart(64, '0'), mediaType: 'text/plain' },
  };
}

function peakDuring<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number; peakMb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  return fn().then((result) => {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, seconds: (performance.now() - t0) / 1000, peakMb: (peak - base) / 1e6 };
  });
}

export default async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-bench-'));
  const file = join(dir, 'bundle.json');
  // written slice by slice: the benchmark never holds the whole file (1 GB is longer than V8's longest string)
  writeFileSync(file, '{"type":"bundle","id":"bundle--00000000-0000-4000-8000-000000000000","objects":[');
  let bytes = 0;
  let cases = 0;
  for (let i = 0; bytes < TARGET_MB * 1e6; i += 200) {
    const objs = exportStix(Array.from({ length: 200 }, (_, k) => asCase(record(i + k), `2024-${i + k}`))).objects;
    const text = (i ? ',' : '') + objs.map((o) => JSON.stringify(o)).join(',');
    appendFileSync(file, text);
    bytes += Buffer.byteLength(text);
    cases += 200;
  }
  appendFileSync(file, ']}');
  const mb = statSync(file).size / 1e6;

  global.gc?.();
  const ours = await peakDuring(async () => {
    let n = 0;
    for await (const ev of new ImportSession().importStream(file, createReadStream(file, { highWaterMark: 1 << 20 }))) if (ev.kind === 'record') n++;
    return n;
  });
  console.log(`bundle: ${mb.toFixed(0)} MB, ${cases} cases`);
  console.log(`jikenbo import (streamed, records built): ${(mb / ours.seconds).toFixed(1)} MB/s, peak RSS +${ours.peakMb.toFixed(0)} MB, ${ours.result} records`);
  if (mb > PEER_MAX_MB) {
    console.log(`JSON.parse whole file (peer): not possible at ${mb.toFixed(0)} MB (string length limit)`);
  } else {
    global.gc?.();
    const peer = await peakDuring(async () => (JSON.parse(readFileSync(file, 'utf8')) as { objects: unknown[] }).objects.length);
    console.log(`JSON.parse whole file (peer, parse only): ${(mb / peer.seconds).toFixed(1)} MB/s, peak RSS +${peer.peakMb.toFixed(0)} MB, ${peer.result} objects`);
    console.log(`ratio: speed ${(ours.seconds / peer.seconds).toFixed(1)}x slower, memory ${(ours.peakMb / Math.max(1, peer.peakMb)).toFixed(2)}x of peer`);
  }
  rmSync(dir, { recursive: true, force: true });
}
