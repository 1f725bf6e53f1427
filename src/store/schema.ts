// Table shapes for Kysely. Both dialects use the same tables; only DDL and full-text search differ.
import type { Generated } from 'kysely';

export interface CasesTable {
  /** surrogate integer key: FTS rowid in SQLite, join key everywhere */
  num: Generated<number>;
  /** case number YYYY-NNN, never changes */
  id: string;
  year: number;
  seq: number;
  /** 1 when the number came from the notice itself (【セキュリティ事件簿#…】) */
  stated: number;
  org_key: string | null;
  title: string;
  organization: string | null;
  published_at: string | null;
  affected_count: number | null;
  leak_status: string | null;
  is_incident: number;
  cat_mask: number;
  item_mask: number;
  auth_mask: number;
  /** revision of the write that last changed the row (rises in commit order) */
  rev: number;
  created_at: string;
  updated_at: string;
}

/** The large per-case values, kept apart so filter and facet scans over `cases` stay narrow. */
export interface DocsTable {
  num: number;
  /** NFKC title + organization + text: what search matches and snippets come from */
  search_text: string;
  /** the effective record (newest version with analyst overrides applied); NULL while the case is exactly
   *  its one version, which saves writing every record twice on ingest */
  record_json: string | null;
}

export interface VersionsTable {
  id: Generated<number>;
  case_num: number;
  /** sha256 of source bytes + text: the idempotency key */
  content_key: string;
  /** sha256 of the extracted record, to tell re-extraction changes from no-ops */
  record_hash: string;
  label: string | null;
  /** 1 when the notice presented itself as a follow-up (第2報, 続報 …) */
  follow_up: number;
  published_at: string | null;
  record_json: string;
  ingested_at: string;
  updated_at: string;
}

export interface OverridesTable {
  id: Generated<number>;
  case_num: number;
  field: string;
  value_json: string;
  author: string;
  at: string;
}

/** Multi-valued facts about a case used by stats and correlation: kind ∈ cat, item, auth, ioc, party, org. */
export interface TermsTable {
  case_num: number;
  kind: string;
  value: string;
}

/**
 * Locality-sensitive hash bands of the case text, for near-duplicate candidates: since schema v3 one 31-bit
 * key per band, keyed (band, case_num). PostgreSQL only; SQLite keeps them in case_bands_fts.
 */
export interface BandsTable {
  case_num: number;
  band: number;
}

/**
 * SQLite's full-text index (schema v3: one column; title and organization lead search_text), contentless,
 * rowid = case num.
 */
export interface FtsTable {
  rowid: number;
  search_text: string;
}

/** SQLite's band index (schema v3): a contentless FTS5 table, one word per band key, rowid = case num. */
export interface BandsFtsTable {
  rowid: number;
  bands: string;
}

export interface MigrationsTable {
  version: number;
  applied_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface DB {
  cases: CasesTable;
  case_docs: DocsTable;
  versions: VersionsTable;
  overrides: OverridesTable;
  case_terms: TermsTable;
  case_bands: BandsTable;
  case_bands_fts: BandsFtsTable;
  cases_fts: FtsTable;
  schema_migrations: MigrationsTable;
  store_meta: MetaTable;
}
