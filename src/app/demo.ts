// Use case: a first-time user's one command — ingest the bundled sample notices into a fresh database.
import { readdir, rm, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Store } from '../store/index.js';
import { ingestInputs, type IngestOptions, type IngestSummary } from './ingest.js';

/** The samples/ folder shipped with the package (same relative place from src/app and dist/app). */
export function samplesDir(): string {
  return fileURLToPath(new URL('../../samples/', import.meta.url));
}

export async function sampleFiles(dir = samplesDir()): Promise<string[]> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) return [];
  const names = (await readdir(dir)).filter((n) => /\.(txt|html?|pdf|eml)$/i.test(n)).sort();
  return names.map((n) => join(dir, n));
}

/** Remove a SQLite database file and its WAL companions so the demo starts fresh. */
export async function removeSqliteFiles(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) await rm(`${path}${suffix}`, { force: true });
}

export async function ingestSamples(store: Store, options: IngestOptions = {}): Promise<IngestSummary & { files: number }> {
  const files = await sampleFiles();
  const summary = await ingestInputs(store, files, options);
  return { ...summary, files: files.length };
}
