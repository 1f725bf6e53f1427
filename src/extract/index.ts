// Composes the field extractors into one Incident. Each field module is a pure function of the context.
import type { Document, EvidenceField, Incident, Span } from '../model/index.js';
import { toOriginalSpan, type NormalizedText } from '../text/index.js';
import { createContext, type NSpan } from './context.js';
import { extractAffected } from './fields/affected.js';
import { extractAuthorities } from './fields/authorities.js';
import { extractCategories } from './fields/categories.js';
import { extractCountermeasures } from './fields/countermeasures.js';
import { extractDataItems } from './fields/data-items.js';
import { extractDates } from './fields/dates.js';
import { extractAttackIndicators } from './fields/indicators.js';
import { extractIsIncident } from './fields/is-incident.js';
import { extractLeakStatus } from './fields/leak-status.js';
import { extractOrganization, extractOtherOrganizations } from './fields/organization.js';
import { extractCaseId, extractTitle } from './fields/title.js';

export type { ExtractContext, FieldResult, NSpan, Line } from './context.js';
export { createContext } from './context.js';

/** Extract one incident record from one document. Never throws on odd text; returns a record with nulls. */
export function extractIncident(doc: Document): Incident {
  return extractIncidentBatch([doc])[0]!;
}

/**
 * How many documents go through the fields together. Each field runs over the whole chunk before the next
 * one starts, so its code and its regexes stay in the processor's caches: over a corpus this is about
 * 1.5 times as fast as running every field on one document after another (`npm run bench -- extract`),
 * and it is why the CLI, ingest and the API hand documents over in batches. A chunk bounds the memory
 * (each document's context lives until its chunk is done).
 */
export const EXTRACT_CHUNK = 128;

/** One record per document, in order: the same records extractIncident gives, made a chunk at a time. */
export function extractIncidentBatch(docs: readonly Document[]): Incident[] {
  const out: Incident[] = [];
  for (let i = 0; i < docs.length; i += EXTRACT_CHUNK) extractChunk(docs.slice(i, i + EXTRACT_CHUNK), out);
  return out;
}

/** Evidence per field, in the order fields are first noted (the order of the record's `evidence` keys). */
type EvidenceNotes = Map<EvidenceField, NSpan[]>;

function note<T>(ev: EvidenceNotes, field: EvidenceField, r: { value: T; evidence: NSpan[] }): T {
  if (r.evidence.length) {
    const spans = ev.get(field);
    if (spans) for (const s of r.evidence) spans.push(s);
    else ev.set(field, r.evidence.slice());
  }
  return r.value;
}

function extractChunk(docs: readonly Document[], out: Incident[]): void {
  // field by field over the chunk (see EXTRACT_CHUNK); each field module is a pure function of the context
  const ctxs = docs.map((d) => createContext(d));
  const titles = ctxs.map((c) => extractTitle(c));
  const caseIds = ctxs.map((c) => extractCaseId(c));
  const orgs = ctxs.map((c) => extractOrganization(c));
  const others = ctxs.map((c, i) => extractOtherOrganizations(c, orgs[i]!.value));
  const dates = ctxs.map((c) => extractDates(c));
  const categories = ctxs.map((c) => extractCategories(c));
  const affected = ctxs.map((c) => extractAffected(c));
  const items = ctxs.map((c) => extractDataItems(c));
  const measures = ctxs.map((c) => extractCountermeasures(c));
  const leaks = ctxs.map((c) => extractLeakStatus(c));
  const authorities = ctxs.map((c) => extractAuthorities(c));
  const indicators = ctxs.map((c, i) => extractAttackIndicators(c, orgs[i]!.value));

  const evs: EvidenceNotes[] = [];
  const records = docs.map((doc, i): Incident => {
    const ev: EvidenceNotes = new Map();
    evs.push(ev);
    const title = note(ev, 'title', titles[i]!);
    const caseId = note(ev, 'caseId', caseIds[i]!);
    const organization = note(ev, 'organization', orgs[i]!);
    const otherOrganizations = note(ev, 'otherOrganizations', others[i]!);
    const d = dates[i]!;
    const cats = note(ev, 'categories', categories[i]!);
    const a = note(ev, 'affectedCount', affected[i]!);
    const countermeasures = note(ev, 'countermeasures', measures[i]!);
    const it = items[i]!;
    // built in the record's key order, without spreads (each costs microseconds per notice)
    return {
      isIncident: false, // decided last, from the record so far
      caseId,
      title,
      organization,
      otherOrganizations,
      publishedAt: note(ev, 'publishedAt', d.publishedAt),
      discoveredAt: note(ev, 'discoveredAt', d.discoveredAt),
      occurredFrom: note(ev, 'occurredFrom', d.occurredFrom),
      occurredTo: note(ev, 'occurredTo', d.occurredTo),
      categories: cats,
      affectedCount: a.count,
      affectedUnit: a.unit,
      affectedApprox: a.approx,
      dataItems: note(ev, 'dataItems', it.dataItems),
      excludedDataItems: note(ev, 'excludedDataItems', it.excludedDataItems),
      leakStatus: note(ev, 'leakStatus', leaks[i]!),
      authoritiesNotified: note(ev, 'authoritiesNotified', authorities[i]!),
      countermeasures,
      countermeasureCount: countermeasures.length > 0 ? countermeasures.length : null,
      timeline: note(ev, 'timeline', d.timeline),
      indicators: note(ev, 'indicators', indicators[i]!),
      evidence: {},
      text: doc.text,
      source: doc.source,
    };
  });
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const ctx = ctxs[i]!;
    const ev = evs[i]!;
    record.isIncident = note(ev, 'isIncident', extractIsIncident(ctx, record));
    const evidence: Partial<Record<EvidenceField, Span[]>> = {};
    for (const [field, spans] of ev) evidence[field] = originalSpans(ctx.nt, spans);
    record.evidence = evidence;
    out.push(record);
  }
}

/**
 * The spans mapped to the original text, empty ones dropped, sorted by start then end, and overlapping or
 * touching ones merged. (Built in one array, sorted by insertion: a field has a few spans, mostly in order,
 * and a filter-map-sort chain per field was a tenth of all the memory extraction allocated.)
 */
function originalSpans(nt: NormalizedText, spans: NSpan[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const o = toOriginalSpan(nt, s.start, s.end);
    if (o.end > o.start) out.push(o);
  }
  if (out.length > 32) out.sort(byStartThenEnd); // (insertion would be quadratic in a hostile notice)
  else {
    for (let i = 1; i < out.length; i++) {
      const o = out[i];
      let j = i;
      for (; j > 0 && byStartThenEnd(out[j - 1], o) > 0; j--) out[j] = out[j - 1];
      out[j] = o;
    }
  }
  let kept = 0;
  for (const s of out) {
    const last = kept > 0 ? out[kept - 1] : null;
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out[kept++] = s;
  }
  out.length = kept;
  return out;
}

function byStartThenEnd(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}
