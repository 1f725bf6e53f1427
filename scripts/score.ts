// Field-by-field scoring of extracted records against gold JSON files (schema: shared/corpus/README.md).
import type { Incident } from '../src/model/index.js';

export const SCORED_FIELDS = [
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
] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export type Gold = Partial<Record<ScoredField, unknown>> & { isIncident: boolean; notes?: string };

/** F1 of two sets; two empty sets agree fully. */
export function setF1(predicted: Iterable<string>, gold: Iterable<string>): number {
  const p = new Set(predicted);
  const g = new Set(gold);
  if (p.size === 0 && g.size === 0) return 1;
  let hit = 0;
  for (const v of p) if (g.has(v)) hit++;
  if (hit === 0) return 0;
  const precision = hit / p.size;
  const recall = hit / g.size;
  return (2 * precision * recall) / (precision + recall);
}

const INDICATOR_KEYS = ['urls', 'domains', 'emails', 'ipv4s'] as const;

function indicatorSet(v: unknown): string[] {
  const out: string[] = [];
  if (!v || typeof v !== 'object') return out;
  const rec = v as Record<string, unknown>;
  for (const k of INDICATOR_KEYS) {
    const list = rec[k];
    if (Array.isArray(list)) for (const x of list) out.push(`${k}:${String(x).toLowerCase()}`);
  }
  return out;
}

function partySet(v: unknown, withRole: boolean): string[] {
  if (!Array.isArray(v)) return [];
  return v.map((p: { name?: unknown; role?: unknown }) =>
    withRole ? `${String(p.name).replace(/\s+/g, '')}|${String(p.role)}` : String(p.name).replace(/\s+/g, ''),
  );
}

function normalizeScalar(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/\s+/g, '');
  return v ?? null;
}

/** Score one field in [0,1]. */
export function scoreField(field: ScoredField, predicted: Partial<Incident>, gold: Gold): number {
  const p = (predicted as Record<string, unknown>)[field];
  const g = gold[field];
  switch (field) {
    case 'categories':
    case 'dataItems':
    case 'excludedDataItems':
    case 'authoritiesNotified':
      return setF1((p as string[] | undefined) ?? [], (g as string[] | undefined) ?? []);
    case 'otherOrganizations':
      return setF1(partySet(p, true), partySet(g, true));
    case 'indicators':
      return setF1(indicatorSet(p), indicatorSet(g));
    default:
      return normalizeScalar(p) === normalizeScalar(g) ? 1 : 0;
  }
}

export interface DocScore {
  id: string;
  scores: Partial<Record<ScoredField, number>>;
}

/** isIncident is scored on every document; the other fields on gold incidents only. */
export function scoreDocument(id: string, predicted: Partial<Incident>, gold: Gold): DocScore {
  const scores: Partial<Record<ScoredField, number>> = { isIncident: predicted.isIncident === gold.isIncident ? 1 : 0 };
  if (gold.isIncident) {
    for (const f of SCORED_FIELDS) if (f !== 'isIncident' && f in gold) scores[f] = scoreField(f, predicted, gold);
  }
  return { id, scores };
}

export interface Summary {
  perField: Record<ScoredField, { mean: number; n: number }>;
  macro: number;
}

export function summarize(docs: DocScore[]): Summary {
  const perField = {} as Record<ScoredField, { mean: number; n: number }>;
  let sum = 0;
  let fields = 0;
  for (const f of SCORED_FIELDS) {
    const vals = docs.map((d) => d.scores[f]).filter((v): v is number => v !== undefined);
    const mean = vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : 1;
    perField[f] = { mean, n: vals.length };
    if (vals.length) {
      sum += mean;
      fields++;
    }
  }
  return { perField, macro: fields ? sum / fields : 0 };
}
