// Shared by the store tests: record factories and the list of backends the one suite runs against.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyIndicators, type Incident } from '../../src/model/index.js';
import { dropPostgresSchema, openStore, type Casebook, type OpenOptions } from '../../src/store/index.js';
import { sharedDir } from '../helpers/cli.js';

export function sha(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** A complete record; `text` drives the source hash so distinct texts are distinct notices. */
export function makeRecord(fields: Partial<Incident> = {}): Incident {
  const text = fields.text ?? `${fields.title ?? '不正アクセスに関するお知らせ'}\n${fields.organization ?? '株式会社サンプル'}は、第三者による不正アクセスを受けたことを確認しました。`;
  return {
    isIncident: true,
    caseId: null,
    title: '不正アクセスに関するお知らせ',
    organization: '株式会社サンプル',
    otherOrganizations: [],
    publishedAt: '2024-05-01',
    discoveredAt: null,
    occurredFrom: null,
    occurredTo: null,
    categories: ['unauthorized_access'],
    affectedCount: null,
    affectedUnit: null,
    affectedApprox: null,
    dataItems: [],
    excludedDataItems: [],
    leakStatus: null,
    authoritiesNotified: [],
    countermeasures: [],
    countermeasureCount: null,
    timeline: [],
    indicators: emptyIndicators(),
    evidence: {},
    source: { path: 'test.txt', sha256: sha(text), mediaType: 'text/plain' },
    ...fields,
    text,
  };
}

/** The labelled corpus as stored records: gold fields over the notice text. */
export function goldRecords(set = 'seed-000'): Incident[] {
  const dir = join(sharedDir, 'corpus', set);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const gold = JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.json')), 'utf8')) as Partial<Incident> & { notes?: string };
      delete gold.notes;
      const title = text.split('\n').find((l) => l.trim()) ?? '';
      return makeRecord({
        ...gold,
        title: gold.title ?? title,
        indicators: { ...emptyIndicators(), ...(gold.indicators ?? {}) },
        text,
        source: { path: f, sha256: sha(text), mediaType: 'text/plain' },
      });
    });
}

export interface Backend {
  name: string;
  /** a fresh, empty store */
  open(options?: OpenOptions): Promise<Casebook>;
  /** reopen the same database */
  reopen(options?: OpenOptions): Promise<Casebook>;
  cleanup(): Promise<void>;
}

export const PG_URL = process.env.JIKENBO_TEST_PG;
if (!PG_URL) console.log('store tests: JIKENBO_TEST_PG is not set; skipping the PostgreSQL suite (e.g. JIKENBO_TEST_PG=postgres://postgres@127.0.0.1:5432/test)');

let counter = 0;

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-store-'));
  const path = join(dir, 'test.db');
  return {
    name: 'sqlite',
    open: (o) => openStore(path, o),
    reopen: (o) => openStore(path, o),
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresBackend(): Backend {
  const url = PG_URL as string;
  const schema = `jikenbo_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  return {
    name: 'postgres',
    open: (o) => openStore(url, { schema, ...o }),
    reopen: (o) => openStore(url, { schema, ...o }),
    cleanup: () => dropPostgresSchema(url, schema),
  };
}

/** Backend factories for describe.each: SQLite always, PostgreSQL when configured. */
export const BACKENDS: { name: string; make: () => Backend }[] = [
  { name: 'sqlite', make: sqliteBackend },
  ...(PG_URL ? [{ name: 'postgres', make: postgresBackend }] : []),
];
