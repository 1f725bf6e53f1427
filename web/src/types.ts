// The API's shapes as the UI uses them (the UI talks only to the HTTP API, so it keeps its own copy).
export interface Span {
  start: number;
  end: number;
}
export interface Indicators {
  urls: string[];
  domains: string[];
  ipv4s: string[];
  ipv6s: string[];
  emails: string[];
  md5s: string[];
  sha1s: string[];
  sha256s: string[];
  cves: string[];
}
export interface Incident {
  isIncident: boolean;
  caseId: string | null;
  title: string;
  organization: string | null;
  otherOrganizations: { name: string; role: string }[];
  publishedAt: string | null;
  discoveredAt: string | null;
  occurredFrom: string | null;
  occurredTo: string | null;
  categories: string[];
  affectedCount: number | null;
  affectedUnit: string | null;
  affectedApprox: boolean | null;
  dataItems: string[];
  excludedDataItems: string[];
  leakStatus: string | null;
  authoritiesNotified: string[];
  countermeasures: string[];
  countermeasureCount: number | null;
  timeline: { date: string; time?: string; text: string }[];
  indicators: Indicators;
  evidence: Record<string, Span[] | undefined>;
  text: string;
  source: { path?: string; url?: string; sha256: string; mediaType: string };
}
export type Segment = { text: string; hit: boolean };
export interface SearchHit {
  id: string;
  title: string;
  organization: string | null;
  publishedAt: string | null;
  categories: string[];
  affectedCount: number | null;
  leakStatus: string | null;
  snippet: Segment[];
}
export type FacetName = 'category' | 'dataItem' | 'year' | 'leakStatus' | 'authority';
export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Record<FacetName, Record<string, number>>;
  limit: number;
  offset: number;
}
export interface CaseDetail {
  id: string;
  record: Incident;
  provenance: Record<string, 'auto' | 'analyst' | undefined>;
  createdAt: string;
  updatedAt: string;
  versions: { version: number; label: string | null; record: Incident; ingestedAt: string }[];
  overrides: { field: string; value: unknown; author: string; at: string }[];
  related: { id: string; title: string; reason: string; detail: string }[];
}
export interface StatRow {
  key: string;
  count: number;
}
export interface StatsReply {
  total: number;
  stats: Record<string, StatRow[]> & { 'month-category'?: { month: string; category: string; count: number }[] };
}
