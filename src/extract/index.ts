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
  const ctx = createContext(doc);
  // evidence per field, in the order fields are first noted (the order of the record's `evidence` keys)
  const ev = new Map<EvidenceField, NSpan[]>();
  const note = <T>(field: EvidenceField, r: { value: T; evidence: NSpan[] }): T => {
    if (r.evidence.length) {
      const spans = ev.get(field);
      if (spans) for (const s of r.evidence) spans.push(s);
      else ev.set(field, r.evidence.slice());
    }
    return r.value;
  };

  const title = note('title', extractTitle(ctx));
  const caseId = note('caseId', extractCaseId(ctx));
  const organization = note('organization', extractOrganization(ctx));
  const otherOrganizations = note('otherOrganizations', extractOtherOrganizations(ctx, organization));
  const dates = extractDates(ctx);
  const categories = note('categories', extractCategories(ctx));
  const affected = note('affectedCount', extractAffected(ctx));
  const items = extractDataItems(ctx);
  const countermeasures = note('countermeasures', extractCountermeasures(ctx));

  // built in the record's key order, without spreads (each costs microseconds per notice)
  const record: Incident = {
    isIncident: false, // decided last, from the record so far
    caseId,
    title,
    organization,
    otherOrganizations,
    publishedAt: note('publishedAt', dates.publishedAt),
    discoveredAt: note('discoveredAt', dates.discoveredAt),
    occurredFrom: note('occurredFrom', dates.occurredFrom),
    occurredTo: note('occurredTo', dates.occurredTo),
    categories,
    affectedCount: affected.count,
    affectedUnit: affected.unit,
    affectedApprox: affected.approx,
    dataItems: note('dataItems', items.dataItems),
    excludedDataItems: note('excludedDataItems', items.excludedDataItems),
    leakStatus: note('leakStatus', extractLeakStatus(ctx)),
    authoritiesNotified: note('authoritiesNotified', extractAuthorities(ctx)),
    countermeasures,
    countermeasureCount: countermeasures.length > 0 ? countermeasures.length : null,
    timeline: note('timeline', dates.timeline),
    indicators: note('indicators', extractAttackIndicators(ctx, organization)),
    evidence: {},
    text: doc.text,
    source: doc.source,
  };
  record.isIncident = note('isIncident', extractIsIncident(ctx, record));

  const evidence: Partial<Record<EvidenceField, Span[]>> = {};
  for (const [field, spans] of ev) evidence[field] = originalSpans(ctx.nt, spans);
  record.evidence = evidence;
  return record;
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
