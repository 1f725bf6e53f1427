// MISP events → records. Reads our own events losslessly (the jikenbo-record attribute) and other
// producers' events from standard parts: info, date, tags, indicator attributes, the victim object.
// Attributes are taken one at a time (MispEventBuilder), so an event with a million attributes streams.
import { createHash } from 'node:crypto';
import { categoryFor, isAuthority, isCategory, isDataItem, isLeakStatus, type Incident, type Indicators } from '../../model/index.js';
import { blankIncident, canonicalJson, detach, isObject, isoDate, str, uniq } from '../common.js';
import type { ImportSink } from '../problems.js';
import { coerceIncident } from '../record.js';
import { RECORD_COMMENT, TEXT_COMMENT } from './export.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_VALUE = 4096;

function tagNames(v: unknown): string[] {
  return Array.isArray(v) ? v.flatMap((t) => (isObject(t) && typeof t.name === 'string' ? [t.name] : [])) : [];
}

/** Builds one record from a MISP event: attributes first (any number, one at a time), then the event itself. */
export class MispEventBuilder {
  private readonly found: { [K in keyof Indicators]: Set<string> } = {
    urls: new Set(),
    domains: new Set(),
    ipv4s: new Set(),
    ipv6s: new Set(),
    emails: new Set(),
    md5s: new Set(),
    sha1s: new Set(),
    sha256s: new Set(),
    cves: new Set(),
  };
  private readonly hash = createHash('sha256');
  private url: string | undefined;
  private organization: string | undefined;
  private affected: number | undefined;
  private text: string | undefined;
  private own: { value: Record<string, unknown>; path: string } | undefined;

  constructor(
    private readonly file: string,
    private readonly sink: ImportSink,
  ) {}

  /** One attribute of the event (top level, or inside an object that is not victim/incident). */
  attribute(a: unknown, p: string): void {
    if (!isObject(a)) return this.sink.problem(p, 'not an attribute object');
    this.hash.update(canonicalJson(a));
    const type = str(a.type);
    const value = typeof a.value === 'string' ? a.value : typeof a.value === 'number' ? String(a.value) : undefined;
    if (!type || value === undefined) return this.sink.problem(p, 'attribute needs a type and a value');
    if (a.deleted === true) return;
    const add = (kind: keyof Indicators, v: string) => {
      if (v.length <= MAX_VALUE) this.found[kind].add(detach(v));
    };
    // composite types carry two values (domain|ip, filename|sha256, ip-dst|port …): read the useful parts
    if (type.includes('|')) {
      const cut = value.indexOf('|');
      if (cut < 0) return this.sink.problem(p, `composite type ${type} needs a value with "|"`);
      const [t1, t2] = type.split('|');
      for (const [t, x] of [
        [t1, value.slice(0, cut)],
        [t2, value.slice(cut + 1)],
      ] as const) {
        if (t === 'domain' || t === 'hostname') add('domains', x.toLowerCase());
        else if (t === 'ip' || t === 'ip-dst' || t === 'ip-src') add(x.includes(':') ? 'ipv6s' : 'ipv4s', x);
        else if (t === 'md5' || t === 'sha1' || t === 'sha256') add(`${t}s`, x.toLowerCase());
      }
      return;
    }
    switch (type) {
      case 'url':
        return add('urls', value);
      case 'domain':
      case 'hostname':
        return add('domains', value.toLowerCase());
      case 'ip-dst':
      case 'ip-src':
        return add(value.includes(':') ? 'ipv6s' : 'ipv4s', value);
      case 'email-src':
      case 'email-dst':
      case 'email':
        return add('emails', value);
      case 'md5':
      case 'sha1':
      case 'sha256':
        return add(`${type}s`, value.toLowerCase());
      case 'vulnerability':
        if (/^CVE-\d{4}-\d{4,}$/i.test(value)) add('cves', value.toUpperCase());
        return;
      case 'link':
        if (!this.url && /^https?:\/\//i.test(value)) this.url = detach(value);
        return;
      case 'target-org':
        if (!this.organization && !a.comment) this.organization = detach(value.slice(0, 500));
        return;
      case 'counter':
        if (/^\d{1,15}$/.test(value)) this.affected = Number(value);
        return;
      case 'text':
        if (a.comment === TEXT_COMMENT) this.text = detach(value.slice(0, 5_000_000));
        else if (a.comment === RECORD_COMMENT) {
          try {
            const parsed: unknown = JSON.parse(value);
            if (isObject(parsed)) this.own = { value: parsed, path: `${p}.value` };
            else this.sink.problem(`${p}.value`, 'record is not a JSON object');
          } catch {
            this.sink.problem(`${p}.value`, 'record is not valid JSON');
          }
        }
        return;
      default:
        return;
    }
  }

  /** The event itself (its Attribute list may be empty when attributes were streamed in before). */
  finish(ev: Record<string, unknown>, at: string): void {
    const sink = this.sink;
    const uuid = str(ev.uuid);
    if (!uuid || !UUID.test(uuid)) return sink.problem(`${at}.uuid`, 'missing or invalid event uuid');
    const info = str(ev.info);
    if (info === undefined) return sink.problem(`${at}.info`, 'event without info');
    if (ev.Attribute !== undefined && !Array.isArray(ev.Attribute)) return sink.problem(`${at}.Attribute`, 'not a list');
    if (ev.Object !== undefined && !Array.isArray(ev.Object)) return sink.problem(`${at}.Object`, 'not a list');
    (Array.isArray(ev.Attribute) ? ev.Attribute : []).forEach((a, i) => this.attribute(a, `${at}.Attribute[${i}]`));
    (Array.isArray(ev.Object) ? ev.Object : []).forEach((o, i) => {
      if (!isObject(o) || !Array.isArray(o.Attribute)) return sink.problem(`${at}.Object[${i}]`, 'object without an Attribute list');
      const name = str(o.name);
      o.Attribute.forEach((a, j) => {
        const p = `${at}.Object[${i}].Attribute[${j}]`;
        if (name === 'victim') {
          if (isObject(a) && a.object_relation === 'name' && typeof a.value === 'string' && !this.organization) this.organization = a.value.slice(0, 500);
        } else if (name !== 'incident') this.attribute(a, p);
      });
    });
    const { Attribute: _a, Object: _o, ...header } = ev;
    this.hash.update(canonicalJson(header));

    const r: Incident = blankIncident({ path: this.file, ...(this.url ? { url: this.url } : {}), sha256: this.hash.digest('hex'), mediaType: 'application/misp+json' });
    r.title = info.slice(0, 1000);
    r.publishedAt = isoDate(str(ev.date));
    r.organization = this.organization ?? null;
    if (this.affected !== undefined) r.affectedCount = this.affected;
    if (this.text !== undefined) r.text = this.text;
    for (const k of Object.keys(this.found) as (keyof Indicators)[]) r.indicators[k] = [...this.found[k]];
    const tags = tagNames(ev.Tag);
    const ours = (prefix: string) =>
      tags.flatMap((t) => {
        const m = new RegExp(`^jikenbo:${prefix}="([a-z_]+)"$`).exec(t);
        return m ? [m[1]] : [];
      });
    const ownCats = ours('category');
    r.categories = uniq(ownCats.length ? ownCats.filter(isCategory) : tags.flatMap((t) => categoryFor('misp', t) ?? []));
    r.dataItems = uniq(ours('data-item').filter(isDataItem));
    r.authoritiesNotified = uniq(ours('authority').filter(isAuthority));
    r.leakStatus = ours('leak-status').find(isLeakStatus) ?? null;
    for (const t of [...ownCats.filter((c) => !isCategory(c)), ...ours('data-item').filter((d) => !isDataItem(d))])
      sink.problem(`${at}.Tag`, `unknown vocabulary value "${t}"`);

    let record = r;
    if (this.own) {
      const res = coerceIncident(this.own.value, r, this.own.path);
      for (const pr of res.problems) {
        const i = pr.indexOf(': ');
        sink.problem(pr.slice(0, i), pr.slice(i + 2));
      }
      record = res.record;
    }
    sink.record({ record, path: at, format: 'misp', originId: uuid.toLowerCase() });
  }
}

/** One MISP event (`{Event: {...}}` or the bare event object) at `path`. */
export function importMispEvent(input: unknown, file: string, path: string, sink: ImportSink): void {
  const wrapped = isObject(input) && isObject(input.Event);
  const ev = wrapped ? (input as { Event: Record<string, unknown> }).Event : input;
  if (!isObject(ev)) return sink.problem(path, 'not a MISP event object');
  new MispEventBuilder(file, sink).finish(ev, wrapped ? `${path}.Event` : path);
}

/** A MISP feed manifest (uuid → event summary): nothing to import by itself; returns the listed uuids. */
export function manifestUuids(v: unknown): string[] | null {
  if (!isObject(v)) return null;
  const keys = Object.keys(v);
  if (!keys.length || !keys.every((k) => UUID.test(k) && isObject(v[k]) && typeof (v[k] as Record<string, unknown>).info === 'string')) return null;
  return keys;
}
