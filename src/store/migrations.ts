// Versioned schema migrations. Each runs once, in its own transaction, and is recorded in schema_migrations,
// so a database written by an older jikenbo opens and upgrades in place. Never edit a released migration:
// add a new one.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.js';
import { insertRows } from './fast-insert.js';
import { bandsOf, bandWords } from './shingles.js';

export type DialectName = 'sqlite' | 'postgres';

/** Hex digits of a version's content key (since v3; v1 and v2 stored all 64). */
export const CONTENT_KEY_CHARS = 32;

export interface Migration {
  version: number;
  description: string;
  up(trx: Transaction<DB>, dialect: DialectName): Promise<void>;
}

async function exec(trx: Transaction<DB>, statements: string[]): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(trx);
}

const v1: Migration = {
  version: 1,
  description: 'cases, versions, overrides, terms, full-text index',
  async up(trx, dialect) {
    const serial = dialect === 'sqlite' ? 'INTEGER PRIMARY KEY' : 'SERIAL PRIMARY KEY';
    await exec(trx, [
      `CREATE TABLE cases (
        num ${serial},
        id TEXT NOT NULL UNIQUE,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        stated INTEGER NOT NULL DEFAULT 0,
        org_key TEXT,
        title TEXT NOT NULL,
        organization TEXT,
        published_at TEXT,
        affected_count INTEGER,
        leak_status TEXT,
        is_incident INTEGER NOT NULL,
        cat_mask INTEGER NOT NULL,
        item_mask INTEGER NOT NULL,
        auth_mask INTEGER NOT NULL,
        rev INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (year, seq)
      )`,
      `CREATE INDEX cases_org_key ON cases (org_key)`,
      `CREATE INDEX cases_published ON cases (published_at)`,
      `CREATE INDEX cases_rev ON cases (rev)`,
      `CREATE TABLE case_docs (
        num INTEGER PRIMARY KEY REFERENCES cases (num),
        search_text TEXT NOT NULL,
        record_json TEXT
      )`,
      `CREATE TABLE versions (
        id ${serial},
        case_num INTEGER NOT NULL REFERENCES cases (num),
        content_key TEXT NOT NULL UNIQUE,
        record_hash TEXT NOT NULL,
        label TEXT,
        follow_up INTEGER NOT NULL DEFAULT 0,
        published_at TEXT,
        record_json TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX versions_case ON versions (case_num)`,
      `CREATE TABLE overrides (
        id ${serial},
        case_num INTEGER NOT NULL REFERENCES cases (num),
        field TEXT NOT NULL,
        value_json TEXT NOT NULL,
        author TEXT NOT NULL,
        at TEXT NOT NULL
      )`,
      `CREATE INDEX overrides_case ON overrides (case_num)`,
      `CREATE TABLE case_terms (
        case_num INTEGER NOT NULL REFERENCES cases (num),
        kind TEXT NOT NULL,
        value TEXT NOT NULL
      )`,
      `CREATE INDEX case_terms_value ON case_terms (kind, value)`,
      `CREATE INDEX case_terms_case ON case_terms (case_num)`,
      `CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
    ]);
    if (dialect === 'sqlite') {
      // Contentless FTS5 (the text lives in case_docs) keyed by cases.num; trigram works for Japanese
      // without a word segmenter.
      await exec(trx, [
        `CREATE VIRTUAL TABLE cases_fts USING fts5(title, organization, search_text,
           content='', contentless_delete=1, tokenize='trigram')`,
        // Its term list: 1–2 character queries become an OR of the indexed trigrams that start with them.
        `CREATE VIRTUAL TABLE cases_fts_terms USING fts5vocab(cases_fts, 'row')`,
      ]);
    } else {
      await exec(trx, [
        `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
        `CREATE INDEX case_docs_search_trgm ON case_docs USING gin (search_text gin_trgm_ops)`,
      ]);
    }
  },
};

const v2: Migration = {
  version: 2,
  description: 'near-duplicate bands (minhash LSH) for correlation, backfilled from stored text',
  async up(trx, dialect) {
    await exec(trx, [
      `CREATE TABLE case_bands (case_num INTEGER NOT NULL REFERENCES cases (num), band TEXT NOT NULL)`,
      `CREATE INDEX case_bands_band ON case_bands (band)`,
      `CREATE INDEX case_bands_case ON case_bands (case_num)`,
    ]);
    // Backfill in pages so a large casebook does not load all text at once.
    let after = 0;
    for (;;) {
      const rows = await trx
        .selectFrom('case_docs')
        .select(['num', 'search_text'])
        .where('num', '>', after)
        .orderBy('num')
        .limit(500)
        .execute();
      if (rows.length === 0) break;
      // (v3 replaces this table; today's bandsOf keys are numbers, stored here as text)
      const values = rows.flatMap((r) => bandsOf(r.search_text).map((band) => ({ case_num: r.num, band: String(band) })));
      await insertRows(trx, dialect, 'case_bands', values); // (untyped: this is the v2 table, not today's)
      after = rows[rows.length - 1].num;
    }
  },
};

const v3: Migration = {
  version: 3,
  description: 'faster ingest: integer band keys (SQLite: in an FTS5 index), one-column full-text index, fewer B-tree indexes',
  async up(trx, dialect) {
    // Bands are rebuilt rather than converted: the keys are a different hash of the same minhash rows.
    // Nothing looks cases up by publication date (filters run in memory), and an organization's cases are
    // found through its 'org' term, so these two indexes only cost writes.
    await exec(trx, [
      `DROP INDEX cases_published`,
      `DROP INDEX cases_org_key`,
      `UPDATE versions SET content_key = substr(content_key, 1, ${CONTENT_KEY_CHARS})`,
    ]);
    if (dialect === 'sqlite') {
      await exec(trx, [
        // The full-text index had title and organization as columns of their own, though search_text begins
        // with both: a fifth of its work was indexing them twice. Ranking by title/organization hits is done
        // by the caller either way.
        `DROP TABLE cases_fts_terms`,
        `DROP TABLE cases_fts`,
        `CREATE VIRTUAL TABLE cases_fts USING fts5(search_text, content='', contentless_delete=1, tokenize='trigram')`,
        `CREATE VIRTUAL TABLE cases_fts_terms USING fts5vocab(cases_fts, 'row')`,
        // (char(10) is the END marker the SQLite layer appends, see sqlite/index.ts)
        `INSERT INTO cases_fts (rowid, search_text) SELECT num, search_text || char(10) FROM case_docs`,
        // Terms keyed (kind, value, case_num) without a rowid: two B-trees to write per term instead of three.
        `CREATE TABLE case_terms_v3 (kind TEXT NOT NULL, value TEXT NOT NULL, case_num INTEGER NOT NULL REFERENCES cases (num),
           PRIMARY KEY (kind, value, case_num)) WITHOUT ROWID`,
        `INSERT INTO case_terms_v3 (kind, value, case_num) SELECT DISTINCT kind, value, case_num FROM case_terms`,
        `DROP TABLE case_terms`,
        `ALTER TABLE case_terms_v3 RENAME TO case_terms`,
        `CREATE INDEX case_terms_case ON case_terms (case_num)`,
        `DROP TABLE case_bands`,
        // One word per band key, rowid = case num. FTS5 segments take random keys at a fraction of what a
        // B-tree index pays: a batch no longer dirties pages all over a table of ten keys per case.
        `CREATE VIRTUAL TABLE case_bands_fts USING fts5(bands, content='', contentless_delete=1, detail='none', tokenize='ascii')`,
        // Merge segments when 8 (not 4) wait at a level: about half the rewriting while ingesting, for a few
        // more segments per term read by a search.
        `INSERT INTO cases_fts (cases_fts, rank) VALUES ('automerge', 8)`,
        `INSERT INTO case_bands_fts (case_bands_fts, rank) VALUES ('automerge', 8)`,
      ]);
    } else {
      await exec(trx, [
        `DROP TABLE case_bands`,
        `CREATE TABLE case_bands (band INTEGER NOT NULL, case_num INTEGER NOT NULL REFERENCES cases (num), PRIMARY KEY (band, case_num))`,
        `CREATE INDEX case_bands_case ON case_bands (case_num)`,
      ]);
    }
    // Every stored case's bands, from its text, in pages so a large casebook is not loaded at once.
    let after = 0;
    for (;;) {
      const rows = await trx.selectFrom('case_docs').select(['num', 'search_text']).where('num', '>', after).orderBy('num').limit(500).execute();
      if (rows.length === 0) break;
      const banded = rows.map((r) => ({ num: r.num, bands: bandsOf(r.search_text) }));
      if (dialect === 'sqlite') {
        const words = banded.filter((r) => r.bands.length).map((r) => ({ rowid: r.num, bands: bandWords(r.bands) }));
        await insertRows(trx, dialect, 'case_bands_fts', words);
      } else {
        await insertRows(trx, dialect, 'case_bands', banded.flatMap((r) => r.bands.map((band) => ({ case_num: r.num, band }))));
      }
      after = rows[rows.length - 1].num;
    }
  },
};

export const MIGRATIONS: readonly Migration[] = [v1, v2, v3];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Bring the schema up to `target` (default: latest). Returns the versions applied. */
export async function migrate(db: Kysely<DB>, dialect: DialectName, target = LATEST_VERSION): Promise<number[]> {
  await sql
    .raw(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`)
    .execute(db);
  const applied = new Set((await db.selectFrom('schema_migrations').select('version').execute()).map((r) => Number(r.version)));
  const newest = Math.max(0, ...applied);
  if (newest > LATEST_VERSION) {
    throw new Error(`database schema v${newest} is newer than this jikenbo (v${LATEST_VERSION}); upgrade jikenbo`);
  }
  const done: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version > target || applied.has(m.version)) continue;
    await db.transaction().execute(async (trx) => {
      if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(7213001)`.execute(trx);
      // Another process may have applied it while we waited for the lock.
      const again = await trx.selectFrom('schema_migrations').select('version').where('version', '=', m.version).executeTakeFirst();
      if (again) return;
      await m.up(trx, dialect);
      await trx.insertInto('schema_migrations').values({ version: m.version, applied_at: new Date().toISOString() }).execute();
      done.push(m.version);
    });
  }
  return done;
}
