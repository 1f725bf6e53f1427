// PostgreSQL for teams: pg pool, pg_trgm GIN index for substring search over Japanese text.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { likePattern, type DialectOps } from '../dialect.js';
import { insertRows } from '../fast-insert.js';
import type { DB } from '../schema.js';

export interface PostgresOptions {
  /** schema to keep the tables in (created if missing); default from ?schema= in the URL, else public */
  schema?: string;
  poolSize?: number;
}

/** Split our own ?schema= parameter off the connection URL (pg would pass unknown parameters to the server). */
export function parsePostgresSpec(spec: string): { url: string; schema: string | null } {
  const u = new URL(spec);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  return { url: u.toString(), schema };
}

export async function openPostgres(spec: string, options: PostgresOptions = {}): Promise<{ db: Kysely<DB>; ops: DialectOps }> {
  const parsed = parsePostgresSpec(spec);
  const schema = options.schema ?? parsed.schema ?? 'public';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: parsed.url,
    max: options.poolSize ?? 4,
    connectionTimeoutMillis: 10_000,
    // The trigram operator class lives where the extension was installed (usually public).
    options: `-c search_path=${schema},public`,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the next query reconnects. Nothing to crash over.
  });
  try {
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot connect to PostgreSQL: ${err instanceof Error ? err.message : String(err)}`);
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });

  const ops: DialectOps = {
    name: 'postgres',
    async indexText() {
      // The GIN trigram index on case_docs.search_text is maintained by PostgreSQL itself.
    },
    async indexNew() {
      // likewise
    },
    async addBands(trx, rows) {
      await insertRows(trx, 'postgres', 'case_bands', rows.flatMap((r) => r.bands.map((band) => ({ case_num: r.num, band }))));
    },
    async dropBands(trx, num) {
      await trx.deleteFrom('case_bands').where('case_num', '=', num).execute();
    },
    async casesWithBand(kdb, band, limit) {
      const rows = await kdb.selectFrom('case_bands').select('case_num').where('band', '=', band).limit(limit).execute();
      return rows.map((r) => Number(r.case_num));
    },
    async textMatches(kdb, terms) {
      // pg_trgm cannot use its index for 1–2 character patterns (it would scan the whole index), so those are
      // written as an expression the index does not match and are checked on the rows the long terms found.
      const conds = sql.join(
        terms.map((t) => {
          const like = likeOperator(t);
          return [...t].length >= 3 ? sql`d.search_text ${like} ${likePattern(t)}` : sql`(d.search_text || '') ${like} ${likePattern(t)}`;
        }),
        sql` AND `,
      );
      // Ranked by the caller, by where the terms occur (see readScope for how the plan is kept on the index).
      const rows = await sql<{ num: number }>`SELECT d.num FROM case_docs d WHERE ${conds}`.execute(kdb);
      return { nums: rows.rows.map((r) => Number(r.num)), relevance: null };
    },
    readScope(kdb, hasText, work) {
      if (!hasText) return work(kdb);
      // ILIKE over Japanese text costs far more per row than the planner assumes, so it picks a sequential
      // scan for common terms; with scans discouraged it uses the trigram index (5–10× faster).
      return kdb.transaction().execute(async (trx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        return work(trx);
      });
    },
    async analyze(kdb) {
      await sql`ANALYZE cases, case_docs, case_terms, case_bands, versions`.execute(kdb);
    },
    async lockForWrite(trx) {
      // Case numbers are max+1 per year: serialize writers so two processes never pick the same one.
      await sql`SELECT pg_advisory_xact_lock(7213002)`.execute(trx);
    },
    isRetryable(err) {
      const code = err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : '';
      return code === '40001' || code === '40P01';
    },
    async checkIntegrity() {
      return [];
    },
    async close() {
      await db.destroy();
    },
  };
  return { db, ops };
}

/**
 * ILIKE folds the case of every row it checks, which costs several times LIKE on Japanese text. A term with
 * no letters that have case (kana, kanji, digits) matches the same rows with LIKE, so only terms such as
 * "BCC" or "ECサイト" pay for ILIKE. Both forms use the trigram index.
 */
function likeOperator(term: string) {
  return sql.raw(term.toLowerCase() === term.toUpperCase() ? 'LIKE' : 'ILIKE');
}

/** Drop a schema and everything in it (tests and benchmarks clean up after themselves). */
export async function dropPostgresSchema(spec: string, schema: string): Promise<void> {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const client = new pg.Client({ connectionString: parsePostgresSpec(spec).url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
