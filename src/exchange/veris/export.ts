// A case → a VERIS 1.4 incident (VCDB conventions: schema_name/source_id "vcdb"-style, victim_id = name,
// reference = notice URL). The category → action/actor/asset/attribute mapping lives in model/mappings.ts.
import {
  CATEGORY_MAPPINGS,
  DATA_ITEM_MAPPINGS,
  LEAK_STATUS_MAPPINGS,
  industryOf,
  type Category,
  type Incident,
  type VerisActionKind,
} from '../../model/index.js';
import { stableUuid, uniq, type ExportCase } from '../common.js';

export type VerisIncident = Record<string, unknown>;

/** `plus` key carrying the full record for a lossless round trip (VERIS leaves `plus` open). */
export const PLUS_RECORD = 'jikenbo_record';

function dateParts(iso: string | null): { year: number; month?: number; day?: number } | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return y >= 1950 && y <= 2050 ? { year: y, ...(m ? { month: m } : {}), ...(d ? { day: d } : {}) } : null;
}

/** timeline.discovery: how long from the incident to its discovery, in days, when both dates are known. */
function discoveryDelay(r: Incident): { discovery?: { unit: string; value: number } } {
  if (!r.occurredFrom || !r.discoveredAt) return {};
  const days = Math.round((Date.parse(r.discoveredAt) - Date.parse(r.occurredFrom)) / 86_400_000);
  return Number.isFinite(days) && days >= 0 ? { discovery: { unit: 'Days', value: days } } : {};
}

function mentionsVpn(r: Incident): boolean {
  return /VPN/i.test(r.text.slice(0, 200_000)) || /VPN/i.test(r.title);
}

function actionsFor(r: Incident, cats: Category[]) {
  const action: Record<string, { variety: string[]; vector: string[]; target?: string[] }> = {};
  for (const cat of cats)
    for (const a of CATEGORY_MAPPINGS[cat].veris.actions) {
      const entry = (action[a.kind] ??= { variety: [], vector: [] });
      entry.variety = uniq([...entry.variety, a.variety]);
      let vector = a.vector;
      // the notice says how they got in: a VPN appliance is the usual way in Japanese ransomware notices
      if (a.kind === 'hacking' && mentionsVpn(r)) vector = 'VPN';
      entry.vector = uniq([...entry.vector, vector]);
      if (a.target) entry.target = uniq([...(entry.target ?? []), a.target]);
    }
  // a specific variety makes "Unknown" redundant
  for (const e of Object.values(action)) {
    if (e.variety.length > 1) e.variety = e.variety.filter((v) => v !== 'Unknown');
    if (e.vector.length > 1) e.vector = e.vector.filter((v) => v !== 'Unknown');
  }
  return action as Partial<Record<VerisActionKind, { variety: string[]; vector: string[]; target?: string[] }>>;
}

export function exportVerisIncident(c: ExportCase): VerisIncident {
  const r = c.record;
  const cats = r.categories.length ? r.categories : [];
  const action = actionsFor(r, cats);
  const actor: Record<string, Record<string, unknown>> = {};
  for (const cat of cats) {
    const a = CATEGORY_MAPPINGS[cat].veris.actor;
    const e = (actor[a.kind] ??= a.kind === 'partner' ? { country: ['JP'], motive: [] as string[] } : { variety: [] as string[], motive: [] as string[] });
    e.motive = uniq([...(e.motive as string[]), a.motive]);
    if (a.variety) e.variety = uniq([...(e.variety as string[]), a.variety]);
  }
  for (const e of Object.values(actor))
    for (const k of ['variety', 'motive']) if (Array.isArray(e[k]) && e[k].length > 1) e[k] = (e[k] as string[]).filter((v) => v !== 'Unknown');
  if (r.otherOrganizations.some((p) => p.role === 'contractor' || p.role === 'subcontractor') && cats.includes('supply_chain') && !actor.partner)
    actor.partner = { country: ['JP'], motive: ['Unknown'] };

  const assets = uniq(cats.flatMap((cat) => CATEGORY_MAPPINGS[cat].veris.assets));
  if (action.hacking?.vector.includes('VPN')) assets.push('N - Remote access');
  const availability = uniq(cats.flatMap((cat) => CATEGORY_MAPPINGS[cat].veris.availability ?? []));
  const integrity = uniq(cats.flatMap((cat) => CATEGORY_MAPPINGS[cat].veris.integrity ?? []));

  const attribute: Record<string, unknown> = {};
  if (r.leakStatus || r.dataItems.length || r.affectedCount !== null) {
    const varieties = uniq(r.dataItems.map((d) => DATA_ITEM_MAPPINGS[d].veris));
    attribute.confidentiality = {
      data_disclosure: r.leakStatus ? LEAK_STATUS_MAPPINGS[r.leakStatus].veris : 'Unknown',
      ...(varieties.length ? { data: varieties.map((variety) => ({ variety })) } : {}),
      ...(r.affectedCount !== null ? { data_total: r.affectedCount } : {}),
      data_victim: ['Customer'],
    };
  }
  if (availability.length) attribute.availability = { variety: availability };
  if (integrity.length) attribute.integrity = { variety: integrity };
  // VERIS checkValidity: a confirmed incident must affect some attribute; a notice always concerns information
  if (r.isIncident && !Object.keys(attribute).length) attribute.confidentiality = { data_disclosure: 'Unknown' };

  const sector = industryOf(r.organization);
  const incidentDate = dateParts(r.occurredFrom ?? r.discoveredAt ?? r.publishedAt) ?? { year: Number((c.createdAt || '1970').slice(0, 4)) || 1970 };
  const summary = [r.title, r.organization ? `(${r.organization})` : '', r.categories.length ? `Categories: ${r.categories.join(', ')}.` : '']
    .filter(Boolean)
    .join(' ');
  const { text: _text, ...withoutText } = r;
  return {
    schema_version: '1.4.0',
    schema_name: 'vcdb',
    source_id: 'jikenbo',
    incident_id: stableUuid('veris', c.id).toUpperCase(),
    security_incident: r.isIncident ? (r.leakStatus ? LEAK_STATUS_MAPPINGS[r.leakStatus].verisIncident : 'Confirmed') : 'False positive',
    ...(r.source.url ? { reference: r.source.url } : {}),
    summary: summary || c.id,
    confidence: 'Medium',
    timeline: { incident: incidentDate, ...discoveryDelay(r) },
    victim: {
      ...(r.organization ? { victim_id: r.organization } : {}),
      country: ['JP'],
      employee_count: 'Unknown',
      industry: sector?.naics ?? '000',
      government: [sector?.naics === '92' ? 'Local' : 'NA'],
    },
    action: Object.keys(action).length ? action : { unknown: { notes: 'not stated in the notice' } },
    actor: Object.keys(actor).length ? actor : { unknown: { notes: 'not stated in the notice' } },
    asset: { assets: (assets.length ? assets : ['Unknown']).map((variety) => ({ variety })), cloud: ['Unknown'] },
    ...(Object.keys(attribute).length ? { attribute } : {}),
    discovery_method: { unknown: true },
    plus: {
      analysis_status: 'Validated',
      ...(r.publishedAt ? { created: `${r.publishedAt}T00:00:00Z` } : {}),
      [PLUS_RECORD]: withoutText,
      ...(r.text ? { jikenbo_text: r.text } : {}),
    },
  };
}

export function exportVeris(cases: Iterable<ExportCase>): VerisIncident[] {
  return [...cases].map(exportVerisIncident);
}
