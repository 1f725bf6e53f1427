// Checking records that come from outside (our own STIX extension, MISP free tags, VERIS plus): every field
// is type-checked and every vocabulary value checked against the closed lists; bad values are dropped with
// a message naming the field, the rest of the record is kept.
import {
  AFFECTED_UNITS,
  emptyIndicators,
  isAuthority,
  isCategory,
  isDataItem,
  isLeakStatus,
  isRole,
  type AffectedUnit,
  type Incident,
  type Indicators,
} from '../model/index.js';
import { isObject, isoDate, str } from './common.js';

const MAX_TEXT = 5_000_000;

export function coerceIncident(input: Record<string, unknown>, base: Incident, path: string): { record: Incident; problems: string[] } {
  const problems: string[] = [];
  const r: Incident = structuredClone(base);
  const bad = (field: string, why: string) => problems.push(`${path}.${field}: ${why}`);
  const vocab = <T extends string>(field: string, guard: (v: string) => v is T): T[] | undefined => {
    const v = input[field];
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) {
      bad(field, 'not a list');
      return undefined;
    }
    const out: T[] = [];
    v.forEach((x, i) => {
      if (typeof x === 'string' && guard(x)) {
        if (!out.includes(x)) out.push(x);
      } else bad(`${field}[${i}]`, `unknown value ${JSON.stringify(x).slice(0, 60)}`);
    });
    return out;
  };
  const text = (field: string, max = 10_000): string | null | undefined => {
    const v = input[field];
    if (v === undefined) return undefined;
    if (v === null) return null;
    if (typeof v !== 'string') {
      bad(field, 'not a string');
      return undefined;
    }
    return v.slice(0, max);
  };
  const date = (field: string): string | null | undefined => {
    const v = input[field];
    if (v === undefined) return undefined;
    if (v === null) return null;
    const d = typeof v === 'string' ? isoDate(v) : null;
    if (!d) bad(field, 'not a YYYY-MM-DD date');
    return d ?? undefined;
  };

  if (typeof input.isIncident === 'boolean') r.isIncident = input.isIncident;
  const caseId = text('caseId', 40);
  if (caseId !== undefined) r.caseId = caseId;
  const title = text('title', 1000);
  if (typeof title === 'string') r.title = title;
  const org = text('organization', 500);
  if (org !== undefined) r.organization = org;
  for (const f of ['publishedAt', 'discoveredAt', 'occurredFrom', 'occurredTo'] as const) {
    const d = date(f);
    if (d !== undefined) r[f] = d;
  }
  const cats = vocab('categories', isCategory);
  if (cats) r.categories = cats;
  const items = vocab('dataItems', isDataItem);
  if (items) r.dataItems = items;
  const excluded = vocab('excludedDataItems', isDataItem);
  if (excluded) r.excludedDataItems = excluded;
  const auth = vocab('authoritiesNotified', isAuthority);
  if (auth) r.authoritiesNotified = auth;
  if (input.affectedCount !== undefined) {
    const n = input.affectedCount;
    if (n === null || (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)) r.affectedCount = n;
    else bad('affectedCount', 'not a non-negative integer');
  }
  if (input.affectedUnit !== undefined) {
    const u = input.affectedUnit;
    if (u === null || (typeof u === 'string' && (AFFECTED_UNITS as readonly string[]).includes(u))) r.affectedUnit = u as AffectedUnit | null;
    else bad('affectedUnit', `unknown value ${JSON.stringify(u).slice(0, 40)}`);
  }
  if (typeof input.affectedApprox === 'boolean' || input.affectedApprox === null) r.affectedApprox = input.affectedApprox;
  if (input.leakStatus !== undefined) {
    const l = input.leakStatus;
    if (l === null || (typeof l === 'string' && isLeakStatus(l))) r.leakStatus = l;
    else bad('leakStatus', `unknown value ${JSON.stringify(l).slice(0, 40)}`);
  }
  if (input.otherOrganizations !== undefined) {
    if (!Array.isArray(input.otherOrganizations)) bad('otherOrganizations', 'not a list');
    else
      r.otherOrganizations = input.otherOrganizations.flatMap((p, i) => {
        const name = isObject(p) ? str(p.name) : undefined;
        const role = isObject(p) ? str(p.role) : undefined;
        if (name && role && isRole(role)) return [{ name: name.slice(0, 500), role }];
        bad(`otherOrganizations[${i}]`, 'needs a name and a known role');
        return [];
      });
  }
  if (input.countermeasures !== undefined) {
    if (Array.isArray(input.countermeasures)) r.countermeasures = input.countermeasures.filter((x): x is string => typeof x === 'string').map((x) => x.slice(0, 2000));
    else bad('countermeasures', 'not a list');
  }
  if (input.countermeasureCount !== undefined) {
    const n = input.countermeasureCount;
    if (n === null || (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)) r.countermeasureCount = n;
    else bad('countermeasureCount', 'not a non-negative integer');
  }
  if (input.timeline !== undefined) {
    if (!Array.isArray(input.timeline)) bad('timeline', 'not a list');
    else
      r.timeline = input.timeline.flatMap((e, i) => {
        const d = isObject(e) ? isoDate(str(e.date)) : null;
        const t = isObject(e) ? str(e.text) : undefined;
        if (!d || t === undefined) {
          bad(`timeline[${i}]`, 'needs a date and a text');
          return [];
        }
        const time = isObject(e) ? str(e.time) : undefined;
        return [{ date: d, ...(time && /^\d{1,2}:\d{2}$/.test(time) ? { time } : {}), text: t.slice(0, 2000) }];
      });
  }
  if (input.indicators !== undefined) {
    if (!isObject(input.indicators)) bad('indicators', 'not an object');
    else r.indicators = mergeIndicators(r.indicators, input.indicators, (f, why) => bad(`indicators.${f}`, why));
  }
  if (isObject(input.evidence)) {
    const ev: Incident['evidence'] = {};
    for (const [k, spans] of Object.entries(input.evidence)) {
      if (!Array.isArray(spans)) continue;
      const ok = spans.filter((s): s is { start: number; end: number } => isObject(s) && Number.isInteger(s.start) && Number.isInteger(s.end));
      (ev as Record<string, unknown>)[k] = ok.map((s) => ({ start: s.start, end: s.end }));
    }
    r.evidence = ev;
  }
  const t = input.text;
  if (typeof t === 'string') r.text = t.slice(0, MAX_TEXT);
  if (isObject(input.source)) {
    // an imported record keeps the source it had: where the notice itself came from
    const s = input.source;
    const sha = str(s.sha256);
    if (sha && /^[0-9a-f]{64}$/.test(sha))
      r.source = {
        ...(str(s.path) ? { path: str(s.path) } : {}),
        ...(str(s.url) ? { url: str(s.url) } : {}),
        sha256: sha,
        mediaType: str(s.mediaType) ?? r.source.mediaType,
        ...(str(s.fetchedAt) ? { fetchedAt: str(s.fetchedAt) } : {}),
      };
    else bad('source.sha256', 'not a sha256 hex digest');
  }
  return { record: r, problems };
}

export function mergeIndicators(into: Indicators, from: Record<string, unknown>, bad: (field: string, why: string) => void = () => {}): Indicators {
  const out: Indicators = { ...emptyIndicators(), ...structuredClone(into) };
  for (const [k, v] of Object.entries(from)) {
    if (!(k in out)) {
      bad(k, 'unknown indicator kind');
      continue;
    }
    if (!Array.isArray(v)) {
      bad(k, 'not a list');
      continue;
    }
    const list = out[k as keyof Indicators];
    for (const x of v) if (typeof x === 'string' && x.length <= 4096 && !list.includes(x)) list.push(x);
  }
  return out;
}
