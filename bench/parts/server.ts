// HTTP API under load: requests/s and p50/p95 latency for search and case pages on a 100k-case SQLite
// casebook (SERVER_BENCH_CASES), load from a second process (autocannon) over loopback. Peer: GET /api/health
// on the same server, the floor of the HTTP stack (Fastify + auth + headers), so each page's ratio to it
// shows what the casebook work costs.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startServer } from '../../src/server/index.js';
import { openStore, TokenStore } from '../../src/store/index.js';
import { rng, syntheticRecord } from './store.js';

const run = promisify(execFile);
const CASES = Number(process.env.SERVER_BENCH_CASES ?? 100_000);
const SECONDS = Number(process.env.SERVER_BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;

interface Load {
  rps: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, token: string, seconds = SECONDS): Promise<Load> {
  const client = new URL('../load-client.mjs', import.meta.url).pathname;
  const { stdout } = await run(process.execPath, [client, url, token, String(seconds), String(CONNECTIONS)], { timeout: (seconds + 60) * 1000 });
  const r = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Load & { error?: string };
  if (r.error) throw new Error(r.error);
  return r;
}

export default async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-server-bench-'));
  const store = await openStore(join(dir, 'bench.db'));
  try {
    const t0 = performance.now();
    const rand = rng(7);
    for (let i = 0; i < CASES; i += 1000) {
      const batch = [];
      for (let j = i; j < Math.min(CASES, i + 1000); j++) batch.push(syntheticRecord(j, rand));
      await store.ingestBatch(batch);
    }
    console.log(`casebook: ${CASES.toLocaleString()} synthetic cases loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s (${cpus().length} CPUs, load and server share them)`);
    const { token } = await new TokenStore(store.db).create('reader', 'bench');
    const { app, url } = await startServer({ store, host: '127.0.0.1', port: 0, webRoot: null });
    try {
      const first = await store.search({ limit: 1 });
      const caseId = first.hits[0]?.id ?? '2020-001';
      const pages: [string, string][] = [
        ['health (peer)', 'api/health'],
        ['search: text', `api/incidents?q=${encodeURIComponent('ランサムウェア')}`],
        ['search: text + facet filter', `api/incidents?q=${encodeURIComponent('不正アクセス')}&category=unauthorized_access&year=2022`],
        ['search: filters only', 'api/incidents?dataItem=credit_card&leak=confirmed&minAffected=1000'],
        ['search: browse page 50', 'api/incidents?offset=1000'],
        ['case page', `api/incidents/${caseId}`],
      ];
      console.log(`load: autocannon in a child process, ${CONNECTIONS} connections, ${SECONDS} s per page after a 1 s warm-up`);
      console.log(`${'page'.padEnd(30)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'vs peer'.padStart(9)}  errors`);
      let peer = 0;
      for (const [name, path] of pages) {
        await load(url + path, token, 1);
        const r = await load(url + path, token);
        if (!peer) peer = r.rps;
        const bad = r.errors + r.non2xx;
        console.log(
          `${name.padEnd(30)}${r.rps.toFixed(0).padStart(9)}${r.p50.toFixed(1).padStart(9)}${r.p95.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}${(r.rps / peer).toFixed(2).padStart(8)}x  ${bad}`,
        );
      }
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
