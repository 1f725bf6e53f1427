// STIX 2.1 bundle → records. Objects arrive one at a time (a 1 GB bundle is streamed), only the types that
// make up a record are kept, and records are assembled at the end. OpenCTI's extra incident properties
// (severity, incident_type, first_seen …) are accepted.
import { ROLES, ROLE_MAPPINGS, categoryFor, isCategory, type Category, type Incident, type Role } from '../../model/index.js';
import { blankIncident, detach, isObject, isoDate, str, strings, uniq } from '../common.js';
import { objectSha256, type ImportSink } from '../problems.js';
import { coerceIncident } from '../record.js';
import { INCIDENT_CORE_EXTENSION, JIKENBO_EXTENSION } from './export.js';
import { checkPattern, indicatorsInPattern, type IndicatorKind } from './pattern.js';
import { fromStixRecord } from './record.js';

const KEEP = new Set(['incident', 'identity', 'indicator', 'relationship', 'report', 'vulnerability']);
const ID = /^([a-z][a-z0-9-]{1,249})--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Obj = Record<string, unknown> & { type: string; id: string };
type Found = { kind: IndicatorKind; value: string };
interface ReportInfo {
  published?: string;
  url?: string;
  /** the report's indicator / vulnerability refs: they belong to the report's incidents */
  refs: string[];
}

const httpUrl = (refs: unknown) =>
  (Array.isArray(refs) ? refs : []).filter(isObject).map((e) => str(e.url)).find((u) => u && /^https?:\/\//i.test(u));

/**
 * Collects what records need from a bundle, object by object. A big bundle is mostly indicators and
 * relationships, so those are kept in digested form (parsed pattern values; only relationships that touch
 * an incident); incidents are kept whole, everything else is dropped as it streams past.
 */
export class StixCollector {
  private readonly seen = new Map<string, string>();
  private readonly incidents = new Map<string, { obj: Obj; path: string }>();
  private readonly indicators = new Map<string, Found[]>();
  private readonly vulnerabilities = new Map<string, string>();
  private readonly identities = new Map<string, { name: string; roles: string[] }>();
  private readonly links = new Map<string, { rel: string; other: string }[]>();
  private readonly reportOf = new Map<string, ReportInfo>();
  private readonly file: string;
  constructor(
    private readonly sink: ImportSink,
    file: string,
  ) {
    this.file = file;
  }

  /** Check one object and keep what matters for records. */
  add(obj: unknown, path: string): void {
    if (!isObject(obj)) return this.sink.problem(path, 'not a JSON object');
    const type = str(obj.type);
    const id = str(obj.id);
    if (!type) return this.sink.problem(`${path}.type`, 'missing type');
    if (!id) return this.sink.problem(`${path}.id`, 'missing id');
    const m = ID.exec(id);
    if (!m || m[1] !== type) return this.sink.problem(`${path}.id`, `id ${JSON.stringify(id.slice(0, 80))} is not a valid ${type} identifier`);
    if (!KEEP.has(type)) return;
    const first = this.seen.get(id);
    if (first !== undefined) {
      this.sink.problem(path, `duplicate id ${id} (first at ${first})`);
      // a newer version of an incident replaces the older one; other duplicates are dropped
      const prev = this.incidents.get(id);
      if (!prev || !(String(obj.modified ?? '') > String(prev.obj.modified ?? ''))) return;
    }
    switch (type) {
      case 'incident':
        if (typeof obj.name !== 'string') return this.sink.problem(`${path}.name`, 'incident without a name');
        // a deep copy: the parsed object's strings would otherwise pin the parser's input chunks
        this.incidents.set(detach(id), { obj: structuredClone(obj) as Obj, path });
        break;
      case 'indicator':
        if (obj.pattern_type === 'stix' && typeof obj.pattern === 'string') {
          const check = checkPattern(obj.pattern);
          if (!check.ok) return this.sink.problem(`${path}.pattern`, `invalid STIX pattern: ${check.reason}`);
          this.indicators.set(
            detach(id),
            indicatorsInPattern(obj.pattern).map((f) => ({ kind: f.kind, value: detach(f.value) })),
          );
        }
        break;
      case 'vulnerability':
        if (typeof obj.name === 'string' && /^CVE-\d{4}-\d{4,}$/i.test(obj.name)) this.vulnerabilities.set(detach(id), obj.name.toUpperCase());
        break;
      case 'identity':
        if (typeof obj.name === 'string') this.identities.set(detach(id), { name: detach(obj.name.slice(0, 500)), roles: strings(obj.roles).map(detach) });
        break;
      case 'relationship': {
        const s = str(obj.source_ref);
        const t = str(obj.target_ref);
        if (!s || !t) return this.sink.problem(path, 'relationship without source_ref/target_ref');
        const rel = str(obj.relationship_type) ?? 'related-to';
        if (s.startsWith('incident--')) this.link(detach(s), detach(rel), detach(t));
        if (t.startsWith('incident--')) this.link(detach(t), `~${rel}`, detach(s));
        break;
      }
      case 'report': {
        const refs = strings(obj.object_refs);
        const url = httpUrl(obj.external_references);
        const published = str(obj.published);
        const info: ReportInfo = {
          published: published ? detach(published.slice(0, 40)) : undefined,
          url: url ? detach(url) : undefined,
          refs: refs.filter((r) => r.startsWith('indicator--') || r.startsWith('vulnerability--')).map(detach),
        };
        for (const r of refs) if (r.startsWith('incident--') && !this.reportOf.has(r)) this.reportOf.set(detach(r), info);
        break;
      }
    }
    this.seen.set(detach(id), path);
  }

  private link(incident: string, rel: string, other: string): void {
    const list = this.links.get(incident);
    if (list) list.push({ rel, other });
    else this.links.set(incident, [{ rel, other }]);
  }

  finish(): void {
    for (const [id, { obj, path }] of this.incidents) {
      const record = this.toRecord(obj, this.reportOf.get(id), this.links.get(id) ?? [], path);
      if (record) this.sink.record({ record, path, format: 'stix', originId: id });
    }
  }

  private toRecord(inc: Obj, report: ReportInfo | undefined, links: { rel: string; other: string }[], path: string): Incident | null {
    const refs = (Array.isArray(inc.external_references) ? inc.external_references : []).filter(isObject);
    const url = httpUrl(refs) ?? report?.url;
    const r = blankIncident({ path: this.file, ...(url ? { url } : {}), sha256: objectSha256(inc), mediaType: 'application/stix+json;version=2.1' });
    const extensions = isObject(inc.extensions) ? inc.extensions : {};
    const own = fromStixRecord(extensions[JIKENBO_EXTENSION]);
    r.title = (inc.name as string).slice(0, 1000);
    r.text = (str(inc.description) ?? '').slice(0, 5_000_000);
    r.publishedAt = isoDate(str(report?.published)) ?? isoDate(str(inc.created));
    r.occurredFrom = isoDate(str(inc.first_seen));
    r.caseId = refs.filter((e) => e.source_name === 'notice' || e.source_name === 'jikenbo').map((e) => str(e.external_id)).find((x) => x && /^\d{4}-\d+$/.test(x)) ?? null;

    const core = isObject(extensions[INCIDENT_CORE_EXTENSION]) ? extensions[INCIDENT_CORE_EXTENSION] : {};
    // ambiguous foreign values (unauthorized-release: misdelivery or exposure?) are left out
    const cats: Category[] = [
      ...strings(inc.labels).filter(isCategory),
      ...strings(core.incident_types).flatMap((t) => categoryFor('stix', t) ?? []),
      ...strings(inc.incident_type ? [inc.incident_type] : []).flatMap((t) => categoryFor('opencti', t) ?? []),
    ];
    r.categories = uniq(cats);
    const counts = isObject(core.impacted_entity_counts) ? core.impacted_entity_counts : {};
    if (typeof counts.individual === 'number' && Number.isSafeInteger(counts.individual) && counts.individual >= 0) r.affectedCount = counts.individual;

    const related = new Set(links.map((l) => l.other));
    if (report) for (const ref of report.refs) related.add(ref);
    for (const l of links) {
      const other = this.identities.get(l.other);
      if (!other) continue;
      if (l.rel === 'targets' && !r.organization) r.organization = other.name;
      else if (l.rel !== 'targets' && !r.otherOrganizations.some((p) => p.name === other.name)) {
        const role = (ROLES as readonly Role[]).find((x) => ROLE_MAPPINGS[x].stixRole === other.roles[0]) ?? 'other';
        r.otherOrganizations.push({ name: other.name, role });
      }
    }
    for (const id of related) {
      for (const { kind, value } of this.indicators.get(id) ?? []) if (!r.indicators[kind].includes(value)) r.indicators[kind].push(value);
      const cve = this.vulnerabilities.get(id);
      if (cve && !r.indicators.cves.includes(cve)) r.indicators.cves.push(cve);
    }
    if (!own) return r;
    const { record, problems } = coerceIncident(own, r, `${path}.extensions["${JIKENBO_EXTENSION}"]`);
    for (const p of problems) {
      const [where, ...why] = p.split(': ');
      this.sink.problem(where, why.join(': '));
    }
    return record;
  }
}

/** A whole bundle already in memory. */
export function importStixBundle(bundle: unknown, file: string, sink: ImportSink): void {
  if (!isObject(bundle) || bundle.type !== 'bundle') return sink.problem('$', 'not a STIX bundle (type must be "bundle")');
  if (!Array.isArray(bundle.objects)) return sink.problem('$.objects', 'a bundle needs an objects list');
  const c = new StixCollector(sink, file);
  bundle.objects.forEach((o, i) => c.add(o, `$.objects[${i}]`));
  c.finish();
}
