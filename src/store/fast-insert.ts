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
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const marks = columns.map((c) => {
        params.push(row[c] ?? null);
        return dialect === 'postgres' ? `$${params.length}` : '?';
      });
      return `(${marks.join(', ')})`;
    });
    const text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}${returning.length ? ` RETURNING ${returning.join(', ')}` : ''}`;
    const res = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, params));
    out.push(...res.rows);
  }
  return out;
}
