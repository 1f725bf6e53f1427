// Reliability of the SQLite store: a writer killed with SIGKILL mid-batch leaves a consistent database with
// every committed record intact, and readers are never blocked by a writer (WAL).
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { genRecord } from './fixtures/gen.js';

const script = fileURLToPath(new URL('./fixtures/slow-ingest.ts', import.meta.url));
const BATCH = 100;

/** Start the ingest process; resolves `waitFor(n)` once it has reported at least n committed records. */
function startIngest(db: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, db, String(BATCH)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let committed = 0;
  let stderr = '';
  const waiters: { n: number; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    for (const m of chunk.matchAll(/committed (\d+)/g)) committed = Math.max(committed, Number(m[1]));
    for (const w of waiters.filter((x) => committed >= x.n)) w.resolve();
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    child,
    exited,
    committed: () => committed,
    waitFor: (n: number) =>
      new Promise<void>((resolve, reject) => {
        if (committed >= n) return resolve();
        waiters.push({ n, resolve });
        child.on('exit', () => (committed >= n ? resolve() : reject(new Error(`ingest exited early: ${stderr}`))));
      }),
  };
}

describe('sqlite reliability', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jikenbo-crash-'));
    db = join(dir, 'crash.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('survives SIGKILL mid-batch: integrity ok, whole batches only, every committed record intact', async () => {
    const ingest = startIngest(db);
    await ingest.waitFor(BATCH * 3);
    // Kill at an arbitrary moment inside the following batches.
    await new Promise((r) => setTimeout(r, 7 + Math.random() * 40));
    ingest.child.kill('SIGKILL');
    await ingest.exited;
    const reported = ingest.committed();

    const store = await openStore(db);
    try {
      expect(await store.checkIntegrity()).toEqual([]);
      const count = await store.count();
      expect(count % BATCH).toBe(0); // no half batch
      expect(count).toBeGreaterThanOrEqual(reported); // nothing reported as committed was lost
      expect(count).toBeLessThanOrEqual(reported + BATCH); // at most the batch committed just before the kill
      const all = await store.list({ limit: count + 10 });
      expect(all).toHaveLength(count);
      const byPath = new Map(all.map((c) => [c.record.source.path, c.record]));
      for (let i = 0; i < count; i++) expect(byPath.get(`gen-${i}.txt`)).toEqual(genRecord(i));
      // The full-text index agrees with the table.
      expect((await store.search({ q: `N${count - 1}。`, limit: 5 })).hits.map((h) => h.title)).toEqual([`不正アクセスに関するお知らせ N${count - 1}`]);
      // And the database accepts more writes, continuing where it stopped.
      const more = await store.ingest(genRecord(count));
      expect(more.outcome).toBe('new');
      expect((await store.ingest(genRecord(0))).outcome).toBe('unchanged');
    } finally {
      await store.close();
    }
  }, 60_000);

  it('readers are not blocked while a writer holds the write lock', async () => {
    const store = await openStore(db);
    await store.ingest(genRecord(0));
    const writer = new Database(db);
    writer.pragma('busy_timeout = 0');
    try {
      writer.exec('BEGIN IMMEDIATE');
      writer.prepare(`UPDATE cases SET title = 'uncommitted' WHERE id = (SELECT min(id) FROM cases)`).run();
      // A second connection (a reader) sees the committed state, immediately, during the open write.
      const reader = await openStore(db, { busyTimeoutMs: 0 });
      try {
        expect(await reader.count()).toBe(1);
        expect((await reader.search({})).hits[0].title).toBe('不正アクセスに関するお知らせ N0');
      } finally {
        await reader.close();
      }
      writer.exec('COMMIT');
    } finally {
      writer.close();
      await store.close();
    }
  });

  it('readers keep working while another process ingests', async () => {
    const ingest = startIngest(db);
    await ingest.waitFor(BATCH);
    const reader = await openStore(db, { busyTimeoutMs: 0 });
    try {
      let last = 0;
      for (let k = 0; k < 20; k++) {
        const n = await reader.count();
        expect(n).toBeGreaterThanOrEqual(last);
        expect(n % BATCH).toBe(0);
        last = n;
        expect((await reader.search({ q: 'お知らせ', limit: 1 })).total).toBeGreaterThan(0);
        await new Promise((r) => setTimeout(r, 10));
      }
    } finally {
      ingest.child.kill('SIGKILL');
      await ingest.exited;
      await reader.close();
    }
  }, 60_000);
});
