// Cases → MISP events (core format) and a MISP feed directory. Attribute category/type pairs follow
// describeTypes.json; to_ids only for attack indicators; narrative values never correlate.
import {
  AUTHORITY_LABELS,
  CATEGORY_MAPPINGS,
  LEAK_STATUS_MAPPINGS,
  TLP_MAPPINGS,
  industryOf,
  ransomwareFamiliesIn,
  type Incident,
  type Indicators,
  type TlpLevel,
} from '../../model/index.js';
import { stableUuid, uniq, type ExportCase } from '../common.js';

export const VICTIM_TEMPLATE = { uuid: 'a8806e40-39ad-435f-be02-ac2a13d6fc7d', version: '10' };
export const INCIDENT_TEMPLATE = { uuid: '38597424-f9bb-4865-9b4b-819172df0334', version: '1' };
/** comment marking the attribute that carries the full jikenbo record (lossless round trip) */
export const RECORD_COMMENT = 'jikenbo-record';
export const TEXT_COMMENT = 'notice text';

export interface MispAttribute {
  uuid: string;
  type: string;
  category: string;
  value: string;
  to_ids: boolean;
  distribution: string;
  timestamp: string;
  deleted: boolean;
  disable_correlation: boolean;
  comment?: string;
  object_relation?: string;
}
export interface MispObject {
  uuid: string;
  name: string;
  'meta-category': string;
  description: string;
  template_uuid: string;
  template_version: string;
  distribution: string;
  timestamp: string;
  deleted: boolean;
  Attribute: MispAttribute[];
  ObjectReference?: { uuid: string; object_uuid: string; referenced_uuid: string; relationship_type: string; timestamp: string }[];
}
export interface MispEvent {
  Event: {
    uuid: string;
    info: string;
    date: string;
    published: boolean;
    timestamp: string;
    publish_timestamp: string;
    distribution: string;
    sharing_group_id: string;
    threat_level_id: string;
    analysis: string;
    Orgc: { uuid: string; name: string };
    Tag: { name: string }[];
    Attribute: MispAttribute[];
    Object: MispObject[];
  };
}

export interface MispExportOptions {
  tlp?: TlpLevel;
  producer?: string;
}

/** type, category, to_ids for each indicator kind (pairs allowed by describeTypes.json). */
const INDICATOR_TYPES: Record<keyof Indicators, { type: (v: string) => string; category: string; toIds: boolean }> = {
  urls: { type: () => 'url', category: 'Network activity', toIds: true },
  domains: { type: () => 'domain', category: 'Network activity', toIds: true },
  ipv4s: { type: () => 'ip-dst', category: 'Network activity', toIds: true },
  ipv6s: { type: () => 'ip-dst', category: 'Network activity', toIds: true },
  emails: { type: () => 'email-src', category: 'Payload delivery', toIds: true },
  md5s: { type: () => 'md5', category: 'Payload delivery', toIds: true },
  sha1s: { type: () => 'sha1', category: 'Payload delivery', toIds: true },
  sha256s: { type: () => 'sha256', category: 'Payload delivery', toIds: true },
  cves: { type: () => 'vulnerability', category: 'External analysis', toIds: false },
};

function unixSeconds(iso: string): string {
  const t = Date.parse(iso);
  return String(Number.isNaN(t) ? 0 : Math.floor(t / 1000));
}

function threatLevel(r: Incident): string {
  if ((r.affectedCount ?? 0) >= 100_000) return '1';
  const attack = r.categories.some((c) => CATEGORY_MAPPINGS[c].veris.actor.kind === 'external');
  return attack ? '2' : r.categories.length ? '3' : '4';
}

/** Our own free tags: lossless and searchable in MISP, outside any taxonomy. */
export function recordTags(r: Incident): string[] {
  return [
    ...r.categories.map((c) => `jikenbo:category="${c}"`),
    ...r.dataItems.map((d) => `jikenbo:data-item="${d}"`),
    ...(r.leakStatus ? [`jikenbo:leak-status="${r.leakStatus}"`] : []),
    ...r.authoritiesNotified.map((a) => `jikenbo:authority="${a}"`),
  ];
}

/** The same value twice in a record (a party listed twice) is one attribute: MISP lists hold unique items. */
function uniqueByUuid(attributes: MispAttribute[]): MispAttribute[] {
  const seen = new Set<string>();
  return attributes.filter((a) => {
    if (seen.has(a.uuid)) return false;
    seen.add(a.uuid);
    return true;
  });
}

export function exportMispEvent(c: ExportCase, options: MispExportOptions = {}): MispEvent {
  const r = c.record;
  const tlp = TLP_MAPPINGS[options.tlp ?? 'clear'];
  const ts = unixSeconds(c.updatedAt > c.createdAt ? c.updatedAt : c.createdAt);
  const eventUuid = stableUuid('misp-event', c.id);
  const attr = (key: string, a: Omit<MispAttribute, 'uuid' | 'distribution' | 'timestamp' | 'deleted'>): MispAttribute => ({
    uuid: stableUuid('misp-attribute', c.id, key, a.type, a.value),
    distribution: '5',
    timestamp: ts,
    deleted: false,
    ...a,
  });
  const narrative = (key: string, type: string, category: string, value: string, comment?: string, relation?: string) =>
    attr(key, { type, category, value, to_ids: false, disable_correlation: true, ...(comment ? { comment } : {}), ...(relation ? { object_relation: relation } : {}) });

  const attributes: MispAttribute[] = [];
  for (const kind of Object.keys(INDICATOR_TYPES) as (keyof Indicators)[]) {
    const t = INDICATOR_TYPES[kind];
    for (const value of r.indicators[kind])
      attributes.push(attr(kind, { type: t.type(value), category: t.category, value, to_ids: t.toIds, disable_correlation: false }));
  }
  if (r.source.url) attributes.push(attr('link', { type: 'link', category: 'External analysis', value: r.source.url, to_ids: false, disable_correlation: false, comment: 'notice' }));
  if (r.affectedCount !== null)
    attributes.push(narrative('affected', 'counter', 'Other', String(r.affectedCount), `affected ${r.affectedApprox ? 'about ' : ''}${r.affectedUnit ?? ''}`.trim()));
  for (const p of r.otherOrganizations) attributes.push(narrative(`party:${p.role}`, 'target-org', 'Targeting data', p.name, p.role));
  for (const a of r.authoritiesNotified) attributes.push(narrative(`authority:${a}`, 'text', 'Other', AUTHORITY_LABELS[a].ja, `notified: ${AUTHORITY_LABELS[a].en}`));
  if (r.text) attributes.push(narrative('text', 'text', 'Other', r.text, TEXT_COMMENT));
  const { text: _text, ...withoutText } = r;
  attributes.push(narrative('record', 'text', 'Other', JSON.stringify(withoutText), RECORD_COMMENT));

  const objects: MispObject[] = [];
  const sector = industryOf(r.organization);
  let victimUuid: string | undefined;
  if (r.organization) {
    victimUuid = stableUuid('misp-object', c.id, 'victim');
    objects.push({
      uuid: victimUuid,
      name: 'victim',
      'meta-category': 'misc',
      description: 'Victim object describing the targeted victim(s) of an attack.',
      template_uuid: VICTIM_TEMPLATE.uuid,
      template_version: VICTIM_TEMPLATE.version,
      distribution: '5',
      timestamp: ts,
      deleted: false,
      Attribute: [
        narrative('victim:name', 'target-org', 'Targeting data', r.organization, undefined, 'name'),
        narrative('victim:classification', 'text', 'Other', 'organization', undefined, 'classification'),
        narrative('victim:regions', 'target-location', 'Targeting data', 'Japan', undefined, 'regions'),
        ...(sector ? [narrative('victim:sectors', 'text', 'Other', sector.mispVictim, undefined, 'sectors')] : []),
      ],
    });
  }
  const incidentUuid = stableUuid('misp-object', c.id, 'incident');
  const types = uniq(r.categories.flatMap((cat) => CATEGORY_MAPPINGS[cat].stix));
  objects.push({
    uuid: incidentUuid,
    name: 'incident',
    'meta-category': 'misc',
    description: 'An incident object, mirroring the STIX incident and its core extension.',
    template_uuid: INCIDENT_TEMPLATE.uuid,
    template_version: INCIDENT_TEMPLATE.version,
    distribution: '5',
    timestamp: ts,
    deleted: false,
    Attribute: [
      narrative('incident:name', 'text', 'Other', (r.title || c.id).slice(0, 1000), undefined, 'name'),
      narrative('incident:determination', 'text', 'Other', r.leakStatus ? LEAK_STATUS_MAPPINGS[r.leakStatus].stixDetermination : 'suspected', undefined, 'determination'),
      narrative('incident:status', 'text', 'Other', 'closed', undefined, 'investigation_status'),
      ...types.map((t) => narrative(`incident:type:${t}`, 'text', 'Other', t, undefined, 'incident_type')),
    ],
    ...(victimUuid
      ? { ObjectReference: [{ uuid: stableUuid('misp-ref', c.id, 'targets'), object_uuid: incidentUuid, referenced_uuid: victimUuid, relationship_type: 'targets', timestamp: ts }] }
      : {}),
  });

  const tags = uniq([
    tlp.misp,
    ...r.categories.flatMap((cat) => CATEGORY_MAPPINGS[cat].misp),
    ...(r.categories.includes('ransomware') ? ransomwareFamiliesIn(`${r.title}\n${r.text}`).map((f) => `misp-galaxy:ransomware="${f}"`) : []),
    ...(sector ? [`misp-galaxy:sector="${sector.misp}"`] : []),
    ...recordTags(r),
  ]);
  const date = r.publishedAt ?? (c.createdAt.slice(0, 10) || '1970-01-01');
  return {
    Event: {
      uuid: eventUuid,
      // one line, at most 256 characters
      info: (r.title || r.organization || c.id).replace(/[\r\n]+/g, ' ').slice(0, 256),
      date,
      published: false,
      timestamp: ts,
      publish_timestamp: '0',
      distribution: tlp.mispDistribution,
      sharing_group_id: '0',
      threat_level_id: threatLevel(r),
      analysis: '2',
      Orgc: { uuid: stableUuid('misp-org', options.producer ?? 'jikenbo'), name: options.producer ?? 'jikenbo' },
      Tag: tags.map((name) => ({ name })),
      Attribute: uniqueByUuid(attributes),
      Object: objects,
    },
  };
}

export function exportMisp(cases: Iterable<ExportCase>, options: MispExportOptions = {}): MispEvent[] {
  return [...cases].map((c) => exportMispEvent(c, options));
}

/** A MISP feed: one `<uuid>.json` per event plus `manifest.json`; returns file name → JSON text. */
export function exportMispFeed(cases: Iterable<ExportCase>, options: MispExportOptions = {}): Map<string, string> {
  const files = new Map<string, string>();
  const manifest: Record<string, unknown> = {};
  for (const ev of exportMisp(cases, options)) {
    const e = ev.Event;
    files.set(`${e.uuid}.json`, JSON.stringify(ev, null, 1));
    manifest[e.uuid] = { info: e.info, Orgc: e.Orgc, analysis: e.analysis, timestamp: e.timestamp, date: e.date, threat_level_id: e.threat_level_id, Tag: e.Tag };
  }
  files.set('manifest.json', JSON.stringify(manifest, null, 1));
  return files;
}
