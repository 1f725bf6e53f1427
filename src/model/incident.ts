import type { AffectedUnit, Authority, Category, DataItem, LeakStatus, Role } from './vocabulary.js';

/** A half-open range of UTF-16 offsets into the record's `text` (the original, un-normalized text). */
export interface Span {
  start: number;
  end: number;
}

export interface Party {
  name: string;
  role: Role;
}

export interface TimelineEvent {
  /** ISO YYYY-MM-DD */
  date: string;
  /** HH:MM, when the notice gives a time */
  time?: string;
  text: string;
}

/** Indicators of the attack (refanged, normalized). */
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

export function emptyIndicators(): Indicators {
  return { urls: [], domains: [], ipv4s: [], ipv6s: [], emails: [], md5s: [], sha1s: [], sha256s: [], cves: [] };
}

export interface Source {
  path?: string;
  url?: string;
  /** sha256 (hex) of the source bytes the notice was read from */
  sha256: string;
  mediaType: string;
  fetchedAt?: string;
}

/** One notice as read from a source: decoded, main text only. Produced by read/, consumed by extract/. */
export interface Document {
  text: string;
  title?: string;
  /** ISO date given by the container (HTML meta, feed item), when known */
  publishedAt?: string;
  source: Source;
}

/** Field names that carry evidence. */
export type EvidenceField =
  | 'isIncident'
  | 'caseId'
  | 'title'
  | 'organization'
  | 'otherOrganizations'
  | 'publishedAt'
  | 'discoveredAt'
  | 'occurredFrom'
  | 'occurredTo'
  | 'categories'
  | 'affectedCount'
  | 'dataItems'
  | 'excludedDataItems'
  | 'leakStatus'
  | 'authoritiesNotified'
  | 'countermeasures'
  | 'timeline'
  | 'indicators';

export interface Incident {
  isIncident: boolean;
  caseId: string | null;
  title: string;
  organization: string | null;
  otherOrganizations: Party[];
  publishedAt: string | null;
  discoveredAt: string | null;
  occurredFrom: string | null;
  occurredTo: string | null;
  categories: Category[];
  affectedCount: number | null;
  affectedUnit: AffectedUnit | null;
  affectedApprox: boolean | null;
  dataItems: DataItem[];
  excludedDataItems: DataItem[];
  leakStatus: LeakStatus | null;
  authoritiesNotified: Authority[];
  countermeasures: string[];
  countermeasureCount: number | null;
  timeline: TimelineEvent[];
  indicators: Indicators;
  evidence: Partial<Record<EvidenceField, Span[]>>;
  text: string;
  source: Source;
}

/** Record fields an analyst may correct (stored as overrides). */
export const EDITABLE_FIELDS = [
  'isIncident',
  'caseId',
  'title',
  'organization',
  'otherOrganizations',
  'publishedAt',
  'discoveredAt',
  'occurredFrom',
  'occurredTo',
  'categories',
  'affectedCount',
  'affectedUnit',
  'affectedApprox',
  'dataItems',
  'excludedDataItems',
  'leakStatus',
  'authoritiesNotified',
  'countermeasures',
  'countermeasureCount',
  'timeline',
  'indicators',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
