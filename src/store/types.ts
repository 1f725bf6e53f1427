// The Store contract shared by the SQLite and PostgreSQL implementations and used by app/, server/ and
// exchange CLI commands. Implementations may add methods; changing these signatures means updating all users.
import type { Authority, Category, DataItem, EditableField, Incident, LeakStatus } from '../model/index.js';

/** A stored case: the newest version's record with analyst overrides applied. */
export interface CaseRecord {
  /** case number, YYYY-NNN */
  id: string;
  record: Incident;
  /** field → 'auto' (extracted) or 'analyst' (overridden) */
  provenance: Partial<Record<EditableField, 'auto' | 'analyst'>>;
  createdAt: string;
  updatedAt: string;
}

export interface CaseVersion {
  /** 1-based version number within the case, in order of publication */
  version: number;
  /** 第1報, 第2報, 続報, 最終報 … as detected, or null */
  label: string | null;
  record: Incident;
  ingestedAt: string;
}

export interface Override {
  field: EditableField;
  value: unknown;
  author: string;
  at: string;
}

export interface RelatedCase {
  id: string;
  title: string;
  /** shared-indicator | shared-contractor | shared-vendor | near-duplicate */
  reason: string;
  /** the shared value (indicator, organization name) or similarity */
  detail: string;
}

export interface CaseDetail extends CaseRecord {
  versions: CaseVersion[];
  overrides: Override[];
  related: RelatedCase[];
}

export interface SearchQuery {
  q?: string;
  categories?: Category[];
  dataItems?: DataItem[];
  authorities?: Authority[];
  org?: string;
  /** ISO dates on publishedAt */
  since?: string;
  until?: string;
  year?: number;
  minAffected?: number;
  leak?: LeakStatus;
  /** include records the extractor judged not to be incidents (default: incidents only) */
  includeNonIncidents?: boolean;
  limit?: number;
  offset?: number;
}

/** A snippet as segments, so no HTML is ever built from notice text: `hit` marks matched text. */
export type Snippet = { text: string; hit: boolean }[];

export interface SearchHit {
  id: string;
  title: string;
  organization: string | null;
  publishedAt: string | null;
  categories: Category[];
  affectedCount: number | null;
  leakStatus: LeakStatus | null;
  snippet: Snippet;
  score: number;
}

export interface Facets {
  category: Record<string, number>;
  dataItem: Record<string, number>;
  year: Record<string, number>;
  leakStatus: Record<string, number>;
  authority: Record<string, number>;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Facets;
}

export type StatsDimension = 'month' | 'category' | 'data-item' | 'organization' | 'authority' | 'contractor' | 'leak' | 'affected-bucket';

export interface StatRow {
  key: string;
  count: number;
}

export type IngestOutcome = 'new' | 'updated' | 'unchanged';

export interface IngestItemResult {
  outcome: IngestOutcome;
  id: string;
  version: number;
}

export interface Store {
  /** Insert or version one record. Idempotent on source.sha256 + text. */
  ingest(record: Incident): Promise<IngestItemResult>;
  /** Ingest many records in one transaction; all or nothing. */
  ingestBatch(records: Incident[]): Promise<IngestItemResult[]>;
  get(id: string): Promise<CaseDetail | null>;
  search(query: SearchQuery): Promise<SearchResult>;
  stats(by: StatsDimension): Promise<StatRow[]>;
  /** Store an analyst correction; re-extraction never overwrites it. */
  setOverride(id: string, field: EditableField, value: unknown, author: string): Promise<CaseRecord>;
  related(id: string): Promise<RelatedCase[]>;
  /** Every case (non-incidents too unless the query says otherwise), in search order (newest first without
   *  a text query), in pages — for exporters. */
  list(options?: { limit?: number; offset?: number; query?: SearchQuery }): Promise<CaseRecord[]>;
  count(): Promise<number>;
  close(): Promise<void>;
}
