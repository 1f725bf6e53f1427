// Multi-row INSERT compiled directly to SQL text. Kysely's builder costs several microseconds per value, which
// dominated ingest (a record writes ~20 term/band rows); this goes through the same Kysely connection and
// transaction, only skipping the builder. Table and column names come from code, never from input.
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { DialectName } from './migrations.js';
import type { DB } from './schema.js';

const IDENT = /^[a-z_][a-z0-9_]*$/;
const MAX_PARAMS = 900; // under SQLite's default limit of 999 host parameters (old builds) and PG's 65535

export async function insertRows<T extends Record<string, unknown>>(
  db: Kysely<DB> | Transaction<DB>,
  dialect: DialectName,
  table: keyof DB,
  rows: T[],
  returning: string[] = [],
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  for (const c of [table, ...columns, ...returning]) if (!IDENT.test(c)) throw new Error(`bad identifier ${c}`);
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const tail = returning.length ? ` RETURNING ${returning.join(', ')}` : '';
  const sqliteTuple = `(${columns.map(() => '?').join(', ')})`;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length; i += perChunk) {
    const end = Math.min(rows.length, i + perChunk);
    const params: unknown[] = [];
    for (let k = i; k < end; k++) for (const c of columns) params.push(rows[k][c] ?? null);
    // Ingest writes about a million rows per 100k cases: one string per statement, not one per row.
    let tuples: string;
    if (dialect === 'sqlite') {
      tuples = new Array<string>(end - i).fill(sqliteTuple).join(', ');
    } else {
      const marks: string[] = [];
      for (let k = 0, n = 0; k < end - i; k++) marks.push(`(${columns.map(() => `$${++n}`).join(', ')})`);
      tuples = marks.join(', ');
    }
    const res = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(head + tuples + tail, params));
    out.push(...res.rows);
  }
  return out;
}
