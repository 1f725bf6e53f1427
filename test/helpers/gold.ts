// Gold-label checks shared by the fixture tests and the bundled-samples test: the schema of
// shared/corpus/README.md with values from the closed vocabularies of src/model.
import {
  AFFECTED_UNITS,
  AUTHORITIES,
  CATEGORIES,
  DATA_ITEMS,
  LEAK_STATUSES,
  ROLES,
} from '../../src/model/index.js';

export const INCIDENT_KEYS = [
  'isIncident',
  'caseId',
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
  'countermeasureCount',
  'indicators',
];
export const OPTIONAL_KEYS = ['notes'];
export const INDICATOR_KEYS = ['urls', 'domains', 'emails', 'ipv4s'];
export const DATE_FIELDS = ['publishedAt', 'discoveredAt', 'occurredFrom', 'occurredTo'] as const;

export type Gold = Record<string, unknown>;

/** A real calendar day written as YYYY-MM-DD. */
function isIsoDate(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Lists every schema violation of one gold record (empty when valid). */
export function goldProblems(g: Gold): string[] {
  const p: string[] = [];
  if (typeof g.isIncident !== 'boolean') return ['isIncident must be a boolean'];
  if (!g.isIncident) {
    const extra = Object.keys(g).filter((k) => k !== 'isIncident');
    if (extra.length) p.push(`non-incident gold has other fields: ${extra.join(', ')}`);
    return p;
  }
  for (const k of INCIDENT_KEYS) if (!(k in g)) p.push(`missing field ${k}`);
  for (const k of Object.keys(g)) {
    if (!INCIDENT_KEYS.includes(k) && !OPTIONAL_KEYS.includes(k)) p.push(`unknown field ${k}`);
  }
  if (g.caseId !== null && (typeof g.caseId !== 'string' || g.caseId === '')) p.push('caseId must be a string or null');
  // Spaces are only kept between Latin words (Kestrelbay Japan); stray spaces around kana/kanji are removed.
  if (typeof g.organization !== 'string' || g.organization.trim() !== g.organization || g.organization === '') {
    p.push('organization must be a non-empty trimmed string');
  } else if (/[^\x00-\x7f]\s|\s[^\x00-\x7f]/.test(g.organization)) {
    p.push('organization has a stray space next to Japanese text');
  }
  if (!Array.isArray(g.otherOrganizations)) p.push('otherOrganizations must be an array');
  else {
    for (const o of g.otherOrganizations as Gold[]) {
      if (typeof o?.name !== 'string' || o.name === '') p.push('otherOrganizations entry without name');
      if (!(ROLES as readonly unknown[]).includes(o?.role)) p.push(`bad role ${String(o?.role)}`);
      if (o && Object.keys(o).some((k) => k !== 'name' && k !== 'role')) p.push('otherOrganizations entry has extra keys');
    }
  }
  for (const f of DATE_FIELDS) {
    if (g[f] !== null && !isIsoDate(g[f])) p.push(`${f} is not an ISO date: ${String(g[f])}`);
  }
  if (isIsoDate(g.occurredFrom) && isIsoDate(g.occurredTo) && String(g.occurredFrom) > String(g.occurredTo)) {
    p.push('occurredFrom is after occurredTo');
  }
  if (g.occurredFrom === null && g.occurredTo !== null) p.push('occurredTo without occurredFrom');
  const vocab: [string, readonly string[]][] = [
    ['categories', CATEGORIES],
    ['dataItems', DATA_ITEMS],
    ['excludedDataItems', DATA_ITEMS],
    ['authoritiesNotified', AUTHORITIES],
  ];
  for (const [f, allowed] of vocab) {
    const v = g[f];
    if (!isStringArray(v)) {
      p.push(`${f} must be an array of strings`);
      continue;
    }
    for (const x of v) if (!allowed.includes(x)) p.push(`${f}: ${x} is not in the vocabulary`);
    if (new Set(v).size !== v.length) p.push(`${f} has duplicates`);
  }
  if (isStringArray(g.categories) && g.categories.length === 0) p.push('an incident needs at least one category');
  if (isStringArray(g.dataItems) && isStringArray(g.excludedDataItems)) {
    const both = g.excludedDataItems.filter((x) => (g.dataItems as string[]).includes(x));
    if (both.length) p.push(`items both included and excluded: ${both.join(', ')}`);
  }
  if (g.affectedCount === null) {
    if (g.affectedUnit !== null || g.affectedApprox !== null) p.push('affectedUnit/affectedApprox must be null without a count');
  } else {
    if (!Number.isSafeInteger(g.affectedCount) || (g.affectedCount as number) < 1) p.push('affectedCount must be a positive integer');
    if (!(AFFECTED_UNITS as readonly unknown[]).includes(g.affectedUnit)) p.push(`bad affectedUnit ${String(g.affectedUnit)}`);
    if (typeof g.affectedApprox !== 'boolean') p.push('affectedApprox must be a boolean with a count');
  }
  if (g.leakStatus !== null && !(LEAK_STATUSES as readonly unknown[]).includes(g.leakStatus)) {
    p.push(`bad leakStatus ${String(g.leakStatus)}`);
  }
  if (g.countermeasureCount !== null && (!Number.isSafeInteger(g.countermeasureCount) || (g.countermeasureCount as number) < 1)) {
    p.push('countermeasureCount must be a positive integer or null');
  }
  const ind = g.indicators as Gold | null;
  if (typeof ind !== 'object' || ind === null) p.push('indicators must be an object');
  else {
    for (const k of INDICATOR_KEYS) if (!isStringArray(ind[k])) p.push(`indicators.${k} must be an array of strings`);
    for (const k of Object.keys(ind)) if (!INDICATOR_KEYS.includes(k)) p.push(`unknown indicators.${k}`);
  }
  if ('notes' in g && typeof g.notes !== 'string') p.push('notes must be a string');
  return p;
}

/** The text with spaces removed and common defanging undone, for substring checks. */
export function searchable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\bhxxp/gi, 'http')
    .replace(/\[\.\]|\(\.\)|\[dot\]/gi, '.')
    .replace(/\[@\]|\[at\]|\(at\)/gi, '@')
    .replace(/\s+/g, '');
}
