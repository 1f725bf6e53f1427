// The few things the two databases do differently. Everything else is one Kysely query layer (casebook.ts).
import type { Kysely, Transaction } from 'kysely';
import type { TextHits } from './facet-index.js';
import type { DialectName } from './migrations.js';
import type { DB } from './schema.js';

export interface TextFields {
  title: string;
  organization: string | null;
  search_text: string;
}

export interface DialectOps {
  name: DialectName;
  /** Keep the full-text index in step with a case row (SQLite external-content FTS; a no-op in PostgreSQL). */
  indexText(trx: Transaction<DB>, num: number, before: TextFields | null, after: TextFields): Promise<void>;
  /** Index many new case rows at once. */
  indexNew(trx: Transaction<DB>, rows: (TextFields & { num: number })[]): Promise<void>;
  /**
   * Cases whose text holds every term (NFKC, split on spaces), and where the database can tell cheaply, how
   * relevant the text is (higher is better). The caller ranks them by where the terms occur, then relevance.
   */
  textMatches(db: Kysely<DB>, terms: string[]): Promise<TextHits>;
  /** Index the near-duplicate band keys of new cases (see shingles.ts). */
  addBands(trx: Transaction<DB>, rows: { num: number; bands: number[] }[]): Promise<void>;
  /** Forget a case's band keys (its text changed). */
  dropBands(trx: Transaction<DB>, num: number): Promise<void>;
  /** Up to `limit` cases holding a band key. */
  casesWithBand(db: Kysely<DB>, band: number, limit: number): Promise<number[]>;
  /** Serialize writers across processes where the database does not do it for us. */
  lockForWrite(trx: Transaction<DB>): Promise<void>;
  /** A transient conflict worth retrying the whole transaction for. */
  isRetryable(err: unknown): boolean;
  /** Run a search's queries; PostgreSQL steers searches with a 3+ character term onto the trigram index. */
  readScope<T>(db: Kysely<DB>, hasText: boolean, work: (db: Kysely<DB>) => Promise<T>): Promise<T>;
  /** Refresh planner statistics after a bulk load. */
  analyze(db: Kysely<DB>): Promise<void>;
  /** Integrity check of the database file/server; returns problems (empty = fine). */
  checkIntegrity(db: Kysely<DB>): Promise<string[]>;
  close(): Promise<void>;
}

/** Escape LIKE wildcards; both dialects are given ESCAPE '\'. */
export function likePattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
