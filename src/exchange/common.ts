// Shared helpers for exporters and importers: the case shape they work on, stable ids, canonical JSON,
// and small guards for reading untrusted JSON.
import { v5 as uuidv5 } from 'uuid';
import type { CaseRecord } from '../store/types.js';
import { emptyIndicators, type Incident } from '../model/index.js';

/** What exporters need from a case; a CaseRecord satisfies it, a bare Incident can be wrapped with `asCase`. */
export type ExportCase = Pick<CaseRecord, 'id' | 'record' | 'createdAt' | 'updatedAt'> & {
  versions?: { version: number; label: string | null; record: Incident; ingestedAt: string }[];
};

/** Our own UUIDv5 namespace for SDO/SRO/MISP uuids, so a re-export yields the same ids. */
export const JIKENBO_NAMESPACE = '6f1d1c9e-0b7a-5c1e-9d3a-2a6b8e4f7c10';
/** The STIX 2.1 namespace for deterministic SCO ids (spec section 2.9). */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

export function stableUuid(...parts: string[]): string {
  return uuidv5(parts.join('\u0000'), JIKENBO_NAMESPACE);
}

/** A stable key for a record that has no case number yet. */
export function caseKey(r: Incident): string {
  return r.caseId ?? r.source.url ?? `sha256:${r.source.sha256}`;
}

const EPOCH = '1970-01-01T00:00:00.000Z';

export function asCase(record: Incident, id = caseKey(record)): ExportCase {
  const at = record.source.fetchedAt ?? (record.publishedAt ? `${record.publishedAt}T00:00:00.000Z` : EPOCH);
  return { id, record, createdAt: at, updatedAt: at };
}

/** RFC 8785 (JCS) canonical JSON for the plain values SCO ids are computed from (strings, numbers, objects, arrays). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** STIX timestamp with exactly millisecond precision (the schemas require `.\d{3}Z`). */
export function stixTime(iso: string | null | undefined, fallback = EPOCH): string {
  const d = new Date(iso ?? fallback);
  return Number.isNaN(d.getTime()) ? fallback : d.toISOString();
}

export function isoDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  if (!m) return null;
  return Number.isNaN(new Date(`${m[1]}T00:00:00Z`).getTime()) ? null : m[1];
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** An empty record to fill from an imported object; `source` says where it came from. */
export function blankIncident(source: Incident['source']): Incident {
  return {
    isIncident: true,
    caseId: null,
    title: '',
    organization: null,
    otherOrganizations: [],
    publishedAt: null,
    discoveredAt: null,
    occurredFrom: null,
    occurredTo: null,
    categories: [],
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
    text: '',
    source,
  };
}

export function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/**
 * A flat copy of a string. Substrings V8 cuts from a parser's input chunk keep the whole chunk alive; a
 * streaming importer that keeps ids and names for later must copy them, or memory grows with the file.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}
