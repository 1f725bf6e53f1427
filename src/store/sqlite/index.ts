// SQLite: the embedded default. WAL so readers never wait for a writer; FTS5 trigram for Japanese search.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import { likePattern, type DialectOps } from '../dialect.js';
import { insertRows } from '../fast-insert.js';
import { bandWord, bandWords } from '../shingles.js';
import type { DB } from '../schema.js';

export interface SqliteOptions {
  /** milliseconds a writer waits for another writer before giving up */
  busyTimeoutMs?: number;
  readonly?: boolean;
}

/**
 * Kysely prepares every query afresh; better-sqlite3 statements are reusable, so keep the recent ones.
 * Preparing costs about as much as running a small insert, and ingest runs the same few statements per record.
 */
function cachedStatements(raw: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    prepare(sqlText: string) {
      let st = cache.get(sqlText);
      if (!st) {
        if (cache.size >= 256) cache.clear();
        st = raw.prepare(sqlText);
        cache.set(sqlText, st);
      }
      return st;
    },
    close() {
      cache.clear();
      raw.close();
    },
  };
}

/** Appended to indexed text so a 1–2 character term at the very end still begins a trigram. */
const END = '\n';
/** Above this many text matches, skip BM25 (see textMatches). */
const BM25_LIMIT = 4000;
/** The most trigrams a short term expands to before falling back to a scan. */
const MAX_EXPANSION = 400;

/** An FTS5 string literal: query syntax in user input stays inert. */
function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

export function openSqlite(path: string, options: SqliteOptions = {}): { db: Kysely<DB>; ops: DialectOps; raw: Database.Database } {
  let raw: Database.Database;
  try {
    raw = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (err) {
    throw new Error(`cannot open database ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  raw.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 10_000))}`);
  if (path !== ':memory:' && !options.readonly) raw.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode (only an OS crash may lose the last commits).
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('cache_size = -65536'); // 64 MB page cache: the FTS index is write-heavy
  raw.pragma('temp_store = MEMORY');
  // Checkpoint the WAL every ~200 MB instead of 4 MB: bulk ingest rewrites the same index pages, and each
  // checkpoint copies them again (measured: a seventh less commit time at 100k records than every 40 MB).
  // (The WAL file keeps its size while the database is open and goes when the last connection closes;
  // truncating it after each checkpoint cost more than the larger interval saved.)
  raw.pragma('wal_autocheckpoint = 50000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cachedStatements(raw) }) });
  // Statements for the search's own raw reads, apart from Kysely's cache (pluck/raw change a statement's mode).
  const own = new Map<string, Database.Statement>();
  const ownStatement = (sqlText: string, mode: 'pluck' | 'raw') => {
    const key = `${mode} ${sqlText}`;
    let st = own.get(key);
    if (!st) {
      if (own.size >= 64) own.clear();
      st = mode === 'pluck' ? raw.prepare(sqlText).pluck() : raw.prepare(sqlText).raw();
      own.set(key, st);
    }
    return st;
  };
  const plucked = (sqlText: string) => ownStatement(sqlText, 'pluck');
  const rowsOf = (sqlText: string) => ownStatement(sqlText, 'raw');

  const ops: DialectOps = {
    name: 'sqlite',
    async indexText(trx, num, before, after) {
      if (before) await sql`DELETE FROM cases_fts WHERE rowid = ${num}`.execute(trx);
      await sql`INSERT INTO cases_fts (rowid, search_text) VALUES (${num}, ${after.search_text + END})`.execute(trx);
    },
    async indexNew(trx, rows) {
      await insertRows(trx, 'sqlite', 'cases_fts', rows.map((r) => ({ rowid: r.num, search_text: r.search_text + END })));
    },
    async addBands(trx, rows) {
      const values = rows.filter((r) => r.bands.length).map((r) => ({ rowid: r.num, bands: bandWords(r.bands) }));
      await insertRows(trx, 'sqlite', 'case_bands_fts', values);
    },
    async dropBands(trx, num) {
      await sql`DELETE FROM case_bands_fts WHERE rowid = ${num}`.execute(trx);
    },
    async casesWithBand(_kdb, band, limit) {
      return plucked('SELECT rowid FROM case_bands_fts WHERE case_bands_fts MATCH ? LIMIT ?').all(`"${bandWord(band)}"`, limit) as number[];
    },
    async textMatches(_kdb, terms) {
      // Straight through better-sqlite3 (the same connection Kysely uses, so the same transaction): tens of
      // thousands of matching rowids cost more as query-builder row objects than in FTS5 itself.
      const groups: string[] = [];
      const scan: string[] = [];
      for (const t of terms) {
        if ([...t].length >= 3) {
          groups.push(quote(t));
          continue;
        }
        // A 1–2 character term: every occurrence starts some indexed trigram (texts end with END), so the
        // term matches exactly the documents holding one of the trigrams that begin with it.
        const lower = t.toLowerCase();
        const found = plucked('SELECT term FROM cases_fts_terms WHERE term >= ? AND term < ? LIMIT ?').all(lower, `${lower}\u{10FFFF}`, MAX_EXPANSION + 1) as string[];
        if (found.length === 0) return { nums: [], relevance: null };
        if (found.length > MAX_EXPANSION) scan.push(t); // too common to expand: check the text itself
        else groups.push(`(${found.map(quote).join(' OR ')})`);
      }
      const likes = scan.map(likePattern);
      const likeSql = scan.map(() => `d.search_text LIKE ? ESCAPE '\\'`).join(' AND ');
      if (groups.length === 0) {
        return { nums: plucked(`SELECT d.num FROM case_docs d WHERE ${likeSql}`).all(...likes) as number[], relevance: null };
      }
      // Each term a quoted FTS5 string (quotes doubled), so query syntax in user input is inert.
      const expr = groups.join(' AND ');
      const nums = (
        scan.length
          ? plucked(`SELECT f.rowid FROM (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?) f JOIN case_docs d ON d.num = f.rowid WHERE ${likeSql}`).all(expr, ...likes)
          : plucked('SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?').all(expr)
      ) as number[];
      // BM25 over tens of thousands of matches costs more than the rest of the search together and tells
      // little apart for so broad a query; then the caller ranks by title/organization hits and recency.
      if (nums.length > BM25_LIMIT) return { nums, relevance: null };
      const bm25 = new Map<number, number>();
      const rows = rowsOf('SELECT rowid, -bm25(cases_fts) FROM cases_fts WHERE cases_fts MATCH ?').all(expr) as [number, number][];
      for (const [num, score] of rows) bm25.set(num, score);
      return { nums, relevance: nums.map((num) => bm25.get(num) ?? 0) };
    },
    readScope(kdb, _hasText, work) {
      return work(kdb);
    },
    async analyze() {
      // SQLite's default plans are right here (rowid joins, FTS subqueries); nothing to refresh.
    },
    async lockForWrite() {
      // SQLite has one writer at a time already; busy_timeout makes the others wait.
    },
    isRetryable(err) {
      const code = err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : '';
      return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
    },
    async checkIntegrity() {
      const rows = raw.pragma('integrity_check') as { integrity_check: string }[];
      const problems = rows.map((r) => r.integrity_check).filter((s) => s !== 'ok');
      try {
        raw.prepare(`INSERT INTO cases_fts (cases_fts, rank) VALUES ('integrity-check', 0)`).run();
      } catch (err) {
        problems.push(`full-text index: ${err instanceof Error ? err.message : String(err)}`);
      }
      return problems;
    },
    async close() {
      await db.destroy();
    },
  };
  return { db, ops, raw };
}
