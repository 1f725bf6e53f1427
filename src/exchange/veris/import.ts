// VERIS incidents (VCDB layout: one JSON file per incident, or an array) → records. Our own exports carry
// the full record in `plus`; other records are read from victim, action, attribute and timeline.
import { DATA_ITEMS, DATA_ITEM_MAPPINGS, verisCategory, type Category, type DataItem, type LeakStatus } from '../../model/index.js';
import { blankIncident, isObject, isoDate, str, strings, uniq } from '../common.js';
import { objectSha256, type ImportSink } from '../problems.js';
import { coerceIncident } from '../record.js';
import { PLUS_RECORD } from './export.js';

const DISCLOSURE: Record<string, LeakStatus> = { Yes: 'confirmed', Potentially: 'possible', No: 'none_confirmed' };

/** True when the object looks like a VERIS incident (used for format detection). */
export function looksLikeVeris(v: unknown): boolean {
  return isObject(v) && 'incident_id' in v && ('action' in v || 'actor' in v || 'schema_version' in v);
}

// a VERIS data variety maps back to a data item only when exactly one item maps to it
const DATA_BACK = new Map<string, DataItem>();
for (const v of uniq(Object.values(DATA_ITEM_MAPPINGS).map((m) => m.veris))) {
  const items = DATA_ITEMS.filter((d) => DATA_ITEM_MAPPINGS[d].veris === v);
  if (items.length === 1) DATA_BACK.set(v, items[0]);
}

export function importVerisIncident(v: unknown, file: string, path: string, sink: ImportSink): void {
  if (!isObject(v)) return sink.problem(path, 'not a VERIS incident object');
  const id = str(v.incident_id);
  if (!id) return sink.problem(`${path}.incident_id`, 'missing incident_id');
  for (const key of ['action', 'actor', 'asset', 'timeline'])
    if (v[key] !== undefined && !isObject(v[key])) return sink.problem(`${path}.${key}`, 'must be an object');
  if (!isObject(v.action)) return sink.problem(`${path}.action`, 'missing action');

  const refs = (str(v.reference) ?? '').split(/[\s;,]+/).filter((u) => /^https?:\/\//i.test(u));
  const r = blankIncident({ path: file, ...(refs[0] ? { url: refs[0] } : {}), sha256: objectSha256(v), mediaType: 'application/vnd.veris+json' });
  const summary = str(v.summary) ?? '';
  r.title = summary.split('\n')[0].slice(0, 1000) || id;
  r.text = summary.slice(0, 5_000_000);
  r.isIncident = v.security_incident !== 'False positive';
  const victim = isObject(v.victim) ? v.victim : {};
  r.organization = str(victim.victim_id)?.slice(0, 500) ?? null;
  const plus = isObject(v.plus) ? v.plus : {};
  r.publishedAt = isoDate(str(plus.created));
  const t = isObject(v.timeline) && isObject(v.timeline.incident) ? v.timeline.incident : {};
  if (typeof t.year === 'number' && typeof t.month === 'number' && typeof t.day === 'number')
    r.occurredFrom = isoDate(`${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`);

  const cats: Category[] = [];
  const asset = isObject(v.asset) ? v.asset : {};
  const assets = (Array.isArray(asset.assets) ? asset.assets : []).flatMap((x) => (isObject(x) && typeof x.variety === 'string' ? [x.variety] : []));
  for (const [kind, a] of Object.entries(v.action)) {
    if (!isObject(a)) {
      sink.problem(`${path}.action.${kind}`, 'must be an object');
      continue;
    }
    for (const variety of strings(a.variety)) {
      const cat = verisCategory(kind, variety, assets);
      if (cat) cats.push(cat);
    }
    if (kind === 'hacking' && strings(a.vector).includes('VPN') && !cats.includes('vulnerability_exploit') && strings(a.variety).includes('Exploit vuln'))
      cats.push('vulnerability_exploit');
  }
  r.categories = uniq(cats);
  const attribute = isObject(v.attribute) ? v.attribute : {};
  const conf = isObject(attribute.confidentiality) ? attribute.confidentiality : null;
  if (conf) {
    r.leakStatus = DISCLOSURE[str(conf.data_disclosure) ?? ''] ?? null;
    if (typeof conf.data_total === 'number' && Number.isSafeInteger(conf.data_total) && conf.data_total >= 0) r.affectedCount = conf.data_total;
    const data = Array.isArray(conf.data) ? conf.data : [];
    r.dataItems = uniq(data.flatMap((d) => (isObject(d) && typeof d.variety === 'string' && DATA_BACK.has(d.variety) ? [DATA_BACK.get(d.variety)!] : [])));
  }
  const hacking = isObject(v.action.hacking) ? v.action.hacking : {};
  const cve = str(hacking.cve);
  if (cve) r.indicators.cves = uniq(cve.toUpperCase().match(/CVE-\d{4}-\d{4,}/g) ?? []);

  let record = r;
  if (isObject(plus[PLUS_RECORD])) {
    // the record's text travels beside it (an empty text is left out)
    const res = coerceIncident({ ...plus[PLUS_RECORD], text: typeof plus.jikenbo_text === 'string' ? plus.jikenbo_text : '' }, r, `${path}.plus.${PLUS_RECORD}`);
    for (const pr of res.problems) {
      const i = pr.indexOf(': ');
      sink.problem(pr.slice(0, i), pr.slice(i + 2));
    }
    record = res.record;
  }
  sink.record({ record, path, format: 'veris', originId: id });
}
