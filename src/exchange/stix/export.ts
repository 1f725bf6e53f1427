// Cases → one STIX 2.1 bundle. Per case: incident (+ Incident Core extension and our record extension),
// identities, indicators with patterns, SCOs with deterministic ids, vulnerabilities, relationships and a
// report for the notice itself. Objects carry TLP 2.0 markings.
import { createHash } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import {
  CATEGORY_MAPPINGS,
  LEAK_STATUS_MAPPINGS,
  ROLE_MAPPINGS,
  TLP_MAPPINGS,
  industryOf,
  ransomwareFamiliesIn,
  type Incident,
  type TlpLevel,
} from '../../model/index.js';
import { STIX_SCO_NAMESPACE, canonicalJson, stableUuid, stixTime, uniq, type ExportCase } from '../common.js';
import { patternFor, type IndicatorKind } from './pattern.js';
import { toStixRecord } from './record.js';

export const INCIDENT_CORE_EXTENSION = 'extension-definition--ef765651-680c-498d-9894-99799f2fa126';
export const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
/** Our property extension carrying the full record, so a jikenbo → jikenbo round trip loses nothing. */
export const JIKENBO_EXTENSION = `extension-definition--${stableUuid('stix-extension', 'jikenbo-record', '1')}`;

export type StixObject = Record<string, unknown> & { type: string; id: string };
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

export interface StixExportOptions {
  tlp?: TlpLevel;
  /** the producing organization; defaults to "jikenbo" */
  producer?: string;
}

const SCO_TYPE: Partial<Record<IndicatorKind, string>> = {
  urls: 'url',
  domains: 'domain-name',
  ipv4s: 'ipv4-addr',
  ipv6s: 'ipv6-addr',
  emails: 'email-addr',
  md5s: 'file',
  sha1s: 'file',
  sha256s: 'file',
};
const HASH_NAME: Partial<Record<IndicatorKind, string>> = { md5s: 'MD5', sha1s: 'SHA-1', sha256s: 'SHA-256' };

/** A cyber-observable object with its deterministic id (STIX 2.1 §2.9, UUIDv5 over canonical JSON). */
export function scoFor(kind: IndicatorKind, value: string): StixObject | null {
  const type = SCO_TYPE[kind];
  if (!type) return null;
  const props: Record<string, unknown> = HASH_NAME[kind] ? { hashes: { [HASH_NAME[kind]]: value } } : { value };
  return { type, spec_version: '2.1', id: `${type}--${uuidv5(canonicalJson(props), STIX_SCO_NAMESPACE)}`, ...props };
}

export function tlpMarking(level: TlpLevel): StixObject {
  const m = TLP_MAPPINGS[level];
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: m.stixId,
    created: '2022-10-01T00:00:00.000Z',
    name: m.stixName,
    extensions: { [TLP2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}

function summary(r: Incident): string {
  const parts = [r.organization ? `${r.organization}: ${r.title}` : r.title];
  if (r.categories.length) parts.push(`Categories: ${r.categories.join(', ')}.`);
  if (r.affectedCount !== null) parts.push(`Affected: ${r.affectedApprox ? 'about ' : ''}${r.affectedCount}${r.affectedUnit ?? ''}.`);
  if (r.dataItems.length) parts.push(`Data: ${r.dataItems.join(', ')}.`);
  if (r.leakStatus) parts.push(`Leak: ${r.leakStatus}.`);
  return parts.join(' ');
}

// Shared objects (markings, identities, IoCs, groups) may recur across cases and pages and are written once;
// per-case objects have ids derived from the case, so only those need no memory to stay unique.
const SHARED = new Set(['marking-definition', 'extension-definition', 'identity', 'intrusion-set', 'vulnerability', 'indicator', 'url', 'domain-name', 'ipv4-addr', 'ipv6-addr', 'email-addr', 'file']);

/**
 * Writes a bundle's objects page by page, so a large casebook exports without holding every case: call
 * `objects(page)` per page of cases, then `bundleId()` (it depends on every object written).
 */
export class StixBundleWriter {
  private readonly seen = new Set<string>();
  private readonly ids = createHash('sha256');
  private started = false;
  private readonly base: StixObject[];
  private readonly producer: StixObject;
  private readonly markingRefs: string[];

  constructor(options: StixExportOptions = {}) {
    const tlp = options.tlp ?? 'clear';
    const producerName = options.producer ?? 'jikenbo';
    const marking = tlpMarking(tlp);
    const markingRefs = [marking.id];
    const producer: StixObject = {
      type: 'identity',
      spec_version: '2.1',
      id: `identity--${stableUuid('identity', 'producer', producerName)}`,
      created: '2020-01-01T00:00:00.000Z',
      modified: '2020-01-01T00:00:00.000Z',
      name: producerName,
      identity_class: 'system',
      object_marking_refs: markingRefs,
    };
    const extDef: StixObject = {
      type: 'extension-definition',
      spec_version: '2.1',
      id: JIKENBO_EXTENSION,
      created_by_ref: producer.id,
      created: '2020-01-01T00:00:00.000Z',
      modified: '2020-01-01T00:00:00.000Z',
      name: 'jikenbo incident record',
      description: 'The full jikenbo record of a Japanese incident notice, as JSON in record_json.',
      schema: 'https://github.com/jikenbo/jikenbo/blob/main/DESIGN.md#the-record',
      version: '1.0.0',
      extension_types: ['property-extension'],
      object_marking_refs: markingRefs,
    };
    this.base = [marking, producer, extDef];
    this.producer = producer;
    this.markingRefs = markingRefs;
  }

  /** The objects these cases add to the bundle (the first call also writes the marking, producer and extension). */
  objects(cases: Iterable<ExportCase>): StixObject[] {
    const out: StixObject[] = [];
    let local = new Set<string>();
    const add = (o: StixObject) => {
      if (this.seen.has(o.id) || local.has(o.id)) return o.id;
      (SHARED.has(o.type) ? this.seen : local).add(o.id);
      this.ids.update(`${o.id}\n`);
      out.push(o);
      return o.id;
    };
    if (!this.started) {
      this.base.forEach(add);
      this.started = true;
    }
    const { producer, markingRefs } = this;
    for (const c of cases) {
      local = new Set();
      const r = c.record;
      const key = c.id;
      const created = stixTime(c.createdAt);
      const modified = stixTime(c.updatedAt > c.createdAt ? c.updatedAt : c.createdAt);
      const common = { spec_version: '2.1', created_by_ref: producer.id, created, modified, object_marking_refs: markingRefs };
      const refs: string[] = [];
      const rel = (source: string, type: string, target: string, description?: string) =>
        refs.push(
          add({
            type: 'relationship',
            id: `relationship--${stableUuid('rel', source, type, target)}`,
            ...common,
            relationship_type: type,
            source_ref: source,
            target_ref: target,
            ...(description ? { description } : {}),
          }),
        );
      const noticeRef = r.source.url ? [{ source_name: 'notice', url: r.source.url, ...(r.caseId ? { external_id: r.caseId } : {}) }] : [];
      const incidentTypes = uniq(r.categories.flatMap((cat) => CATEGORY_MAPPINGS[cat].stix));
      const coreExt: Record<string, unknown> = {
        extension_type: 'property-extension',
        determination: r.leakStatus ? LEAK_STATUS_MAPPINGS[r.leakStatus].stixDetermination : 'suspected',
        investigation_status: 'closed',
        ...(incidentTypes.length ? { incident_types: incidentTypes } : {}),
        ...(r.affectedCount !== null ? { impacted_entity_counts: { individual: r.affectedCount } } : {}),
      };
      const incident: StixObject = {
        type: 'incident',
        id: `incident--${stableUuid('incident', key)}`,
        ...common,
        name: r.title || r.organization || key,
        description: summary(r),
        ...(r.categories.length ? { labels: [...r.categories] } : {}),
        external_references: [{ source_name: 'jikenbo', external_id: key }, ...noticeRef],
        extensions: { [INCIDENT_CORE_EXTENSION]: coreExt, [JIKENBO_EXTENSION]: { extension_type: 'property-extension', ...toStixRecord(r) } },
      };
      refs.push(add(incident));

      if (r.organization) {
        const sector = industryOf(r.organization);
        const victim: StixObject = {
          type: 'identity',
          id: `identity--${stableUuid('identity', 'org', r.organization)}`,
          ...common,
          name: r.organization,
          identity_class: 'organization',
          ...(sector ? { sectors: [sector.stix] } : {}),
        };
        refs.push(add(victim));
        rel(incident.id, 'targets', victim.id);
      }
      for (const p of r.otherOrganizations) {
        const other: StixObject = {
          type: 'identity',
          id: `identity--${stableUuid('identity', 'org', p.name)}`,
          ...common,
          name: p.name,
          identity_class: 'organization',
          roles: [ROLE_MAPPINGS[p.role].stixRole],
        };
        refs.push(add(other));
        rel(other.id, 'related-to', incident.id, `role: ${p.role}`);
      }
      // a named ransomware group: the incident is attributed to it
      if (r.categories.includes('ransomware'))
        for (const family of ransomwareFamiliesIn(`${r.title}\n${r.text}`)) {
          const group: StixObject = {
            type: 'intrusion-set',
            id: `intrusion-set--${stableUuid('intrusion-set', family.toLowerCase())}`,
            ...common,
            name: family,
            external_references: [{ source_name: 'misp-galaxy:ransomware', external_id: family }],
          };
          refs.push(add(group));
          rel(incident.id, 'attributed-to', group.id);
        }
      for (const kind of Object.keys(r.indicators) as IndicatorKind[]) {
        for (const value of r.indicators[kind]) {
          if (kind === 'cves') {
            const vuln: StixObject = {
              type: 'vulnerability',
              id: `vulnerability--${stableUuid('vulnerability', value.toUpperCase())}`,
              ...common,
              name: value.toUpperCase(),
              external_references: [{ source_name: 'cve', external_id: value.toUpperCase() }],
            };
            refs.push(add(vuln));
            rel(incident.id, 'related-to', vuln.id);
            continue;
          }
          const pattern = patternFor(kind, value);
          const sco = scoFor(kind, value);
          if (!pattern || !sco) continue;
          refs.push(add(sco));
          const indicator: StixObject = {
            type: 'indicator',
            id: `indicator--${stableUuid('indicator', pattern)}`,
            ...common,
            name: value,
            indicator_types: ['malicious-activity'],
            pattern,
            pattern_type: 'stix',
            pattern_version: '2.1',
            valid_from: r.publishedAt ? stixTime(r.publishedAt) : created,
          };
          refs.push(add(indicator));
          // STIX 2.1 defines no indicator→incident relationship; related-to is the generic one
          rel(indicator.id, 'related-to', incident.id);
        }
      }
      add({
        type: 'report',
        id: `report--${stableUuid('report', key)}`,
        ...common,
        name: r.title || key,
        description: `Notice: ${summary(r)}`,
        report_types: ['threat-report'],
        published: r.publishedAt ? stixTime(r.publishedAt) : created,
        object_refs: uniq([incident.id, ...refs]),
        ...(noticeRef.length ? { external_references: noticeRef } : {}),
      });
    }
    return out;
  }

  bundleId(): string {
    return `bundle--${stableUuid('bundle', this.ids.copy().digest('hex'))}`;
  }
}

export function exportStix(cases: Iterable<ExportCase>, options: StixExportOptions = {}): StixBundle {
  const writer = new StixBundleWriter(options);
  const objects = writer.objects(cases);
  return { type: 'bundle', id: writer.bundleId(), objects };
}
