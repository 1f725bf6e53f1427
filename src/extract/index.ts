// Composes the field extractors into one Incident. Each field module is a pure function of the context.
import type { Document, EvidenceField, Incident, Span } from '../model/index.js';
import { toOriginalSpan, type NormalizedText } from '../text/index.js';
import { createContext, type NSpan } from './context.js';
import { extractAffected } from './fields/affected.js';
import { extractAuthorities } from './fields/authorities.js';
import { extractCategories } from './fields/categories.js';
import { sentencesOf } from './fields/class-text.js';
import { extractCountermeasures } from './fields/countermeasures.js';
import { extractDataItems } from './fields/data-items.js';
import { extractDates } from './fields/dates.js';
import { extractAttackIndicators } from './fields/indicators.js';
import { extractIsIncident } from './fields/is-incident.js';
import { extractLeakStatus } from './fields/leak-status.js';
import { extractOrganization, extractOtherOrganizations } from './fields/organization.js';
import { sectionsOf } from './fields/qty-scope.js';
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
 * 1.4 times as fast as running every field on one document after another (`npm run bench -- extract`),
 * and it is why the CLI, ingest and the API hand documents over in batches. Measured side by side, 512
 * documents were a few percent faster than 256, and those than 128. A chunk bounds the memory: each
 * document's context lives until its chunk is done (about 20 KB for a typical 2.5 KB notice, some 10 MB
 * for a chunk).
 */
export const EXTRACT_CHUNK = 512;

/** One record per document, in order: the same records extractIncident gives, made a chunk at a time. */
export function extractIncidentBatch(docs: readonly Document[]): Incident[] {
  const out: Incident[] = [];
  for (let i = 0; i < docs.length; i += EXTRACT_CHUNK) extractChunk(docs.slice(i, i + EXTRACT_CHUNK), out);
  return out;
}

function extractChunk(docs: readonly Document[], out: Incident[]): void {
  // field by field over the chunk (see EXTRACT_CHUNK); each field module is a pure function of the context
  const ctxs = docs.map((d) => createContext(d));
  const titles = ctxs.map((c) => extractTitle(c));
  const caseIds = ctxs.map((c) => extractCaseId(c));
  const orgs = ctxs.map((c) => extractOrganization(c));
  const others = ctxs.map((c, i) => extractOtherOrganizations(c, orgs[i]!.value));
  const dates = ctxs.map((c) => extractDates(c));
  // the analyses several fields share get their own pass too (each is cached per context)
  for (const c of ctxs) sentencesOf(c);
  const categories = ctxs.map((c) => extractCategories(c));
  for (const c of ctxs) sectionsOf(c);
  const affected = ctxs.map((c) => extractAffected(c));
  const items = ctxs.map((c) => extractDataItems(c));
  const measures = ctxs.map((c) => extractCountermeasures(c));
  const leaks = ctxs.map((c) => extractLeakStatus(c));
  const authorities = ctxs.map((c) => extractAuthorities(c));
  const indicators = ctxs.map((c, i) => extractAttackIndicators(c, orgs[i]!.value));

  const records: Incident[] = [];
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    const d = dates[i]!;
    const a = affected[i]!.value;
    const it = items[i]!;
    const countermeasures = measures[i]!.value;
    // built in the record's key order, without spreads (each costs microseconds per notice)
    const record: Incident = {
      isIncident: false, // decided last, from the record so far
      caseId: caseIds[i]!.value,
      title: titles[i]!.value,
      organization: orgs[i]!.value,
      otherOrganizations: others[i]!.value,
      publishedAt: d.publishedAt.value,
      discoveredAt: d.discoveredAt.value,
      occurredFrom: d.occurredFrom.value,
      occurredTo: d.occurredTo.value,
      categories: categories[i]!.value,
      affectedCount: a.count,
      affectedUnit: a.unit,
      affectedApprox: a.approx,
      dataItems: it.dataItems.value,
      excludedDataItems: it.excludedDataItems.value,
      leakStatus: leaks[i]!.value,
      authoritiesNotified: authorities[i]!.value,
      countermeasures,
      countermeasureCount: countermeasures.length > 0 ? countermeasures.length : null,
      timeline: d.timeline.value,
      indicators: indicators[i]!.value,
      evidence: {},
      text: doc.text,
      source: doc.source,
    };
    records.push(record);
  }
  // (isIncident over the whole chunk too, like every other field: it reads the record so far)
  const incidents = ctxs.map((c, i) => extractIsIncident(c, records[i]!));

  for (let i = 0; i < docs.length; i++) {
    const ctx = ctxs[i]!;
    const d = dates[i]!;
    const it = items[i]!;
    const record = records[i]!;
    const incident = incidents[i]!;
    record.isIncident = incident.value;

    // evidence keys in this fixed order (the order the record has always listed them in), fields without
    // evidence left out
    const evidence: Partial<Record<EvidenceField, Span[]>> = {};
    const add = (field: EvidenceField, spans: NSpan[]): void => {
      if (spans.length > 0) evidence[field] = originalSpans(ctx.nt, spans);
    };
    add('title', titles[i]!.evidence);
    add('caseId', caseIds[i]!.evidence);
    add('organization', orgs[i]!.evidence);
    add('otherOrganizations', others[i]!.evidence);
    add('categories', categories[i]!.evidence);
    add('affectedCount', affected[i]!.evidence);
    add('countermeasures', measures[i]!.evidence);
    add('publishedAt', d.publishedAt.evidence);
    add('discoveredAt', d.discoveredAt.evidence);
    add('occurredFrom', d.occurredFrom.evidence);
    add('occurredTo', d.occurredTo.evidence);
    add('dataItems', it.dataItems.evidence);
    add('excludedDataItems', it.excludedDataItems.evidence);
    add('leakStatus', leaks[i]!.evidence);
    add('authoritiesNotified', authorities[i]!.evidence);
    add('timeline', d.timeline.evidence);
    add('indicators', indicators[i]!.evidence);
    add('isIncident', incident.evidence);
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
