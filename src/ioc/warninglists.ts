// MISP warninglists: lists of known-benign values (top sites, URL shorteners, cloud ranges …). A match tags
// an indicator as benign with the list's folder name; it is never dropped. Lists are untrusted input:
// sizes are bounded and regex entries are compiled only when they cannot backtrack catastrophically.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ipaddr from 'ipaddr.js';
import type { IndicatorType } from './types.js';

export type WarninglistKind = 'string' | 'substring' | 'hostname' | 'cidr' | 'regex';

export interface Warninglist {
  /** the folder name: what the `benign` tag says */
  id: string;
  name: string;
  kind: WarninglistKind;
  /** indicator types the list applies to (from matching_attributes); undefined = all */
  appliesTo?: Set<IndicatorType>;
  strings: Set<string>;
  substrings: string[];
  cidrs: [ipaddr.IPv4 | ipaddr.IPv6, number][];
  regexes: RegExp[];
  /** entries that were ignored (bad CIDR, unsafe or invalid regex) */
  skipped: number;
}

const MAX_FILE_BYTES = 64 * 1024 * 1024;
const MAX_REGEX_LENGTH = 512;
/** regex entries are only tried on values up to this length, which bounds any super-linear case */
const MAX_REGEX_INPUT = 2048;

const ATTRIBUTE_TYPES: Record<string, IndicatorType[]> = {
  domain: ['domains'],
  hostname: ['domains'],
  'domain|ip': ['domains', 'ipv4s', 'ipv6s'],
  'hostname|port': ['domains'],
  url: ['urls'],
  uri: ['urls'],
  link: ['urls'],
  'ip-src': ['ipv4s', 'ipv6s'],
  'ip-dst': ['ipv4s', 'ipv6s'],
  'ip-src|port': ['ipv4s', 'ipv6s'],
  'ip-dst|port': ['ipv4s', 'ipv6s'],
  email: ['emails'],
  'email-src': ['emails'],
  'email-dst': ['emails'],
  'whois-registrant-email': ['emails'],
  md5: ['md5s'],
  sha1: ['sha1s'],
  sha256: ['sha256s'],
  sha512: ['sha512s'],
  vulnerability: ['cves'],
  AS: ['asns'],
  'btc': ['bitcoin'],
};

/**
 * A regex is accepted only when no quantified group contains another quantifier or an alternation
 * (the shapes behind catastrophic backtracking), it has no backreferences and is of bounded length.
 */
export function compileSafeRegex(pattern: string): RegExp | null {
  if (pattern.length > MAX_REGEX_LENGTH) return null;
  // MISP lists often write Perl/PCRE style /…/flags
  let body = pattern;
  let flags = '';
  const slashed = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  if (slashed) {
    body = slashed[1];
    flags = slashed[2].replace(/[^imsu]/g, '');
  }
  if (/\\[1-9]|\\k</.test(body)) return null;
  // walk groups: does a group that contains a quantifier/alternation get quantified itself?
  const stack: { risky: boolean }[] = [];
  let risky = false;
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') {
      stack.push({ risky });
      risky = false;
    } else if (ch === ')') {
      const inner: boolean = risky;
      const outer = stack.pop();
      if (!outer) return null;
      const next = body[i + 1];
      if (inner && (next === '*' || next === '+' || next === '{' || next === '?')) return null;
      risky = outer.risky || inner;
    } else if (ch === '*' || ch === '+' || ch === '{' || ch === '|') risky = true;
  }
  if (stack.length) return null;
  try {
    return new RegExp(body, flags);
  } catch {
    return null;
  }
}

function appliesTo(attrs: unknown): Set<IndicatorType> | undefined {
  if (!Array.isArray(attrs) || attrs.length === 0) return undefined;
  const set = new Set<IndicatorType>();
  for (const a of attrs) for (const t of ATTRIBUTE_TYPES[String(a)] ?? []) set.add(t);
  return set.size ? set : undefined;
}

/** Parse one list.json (already read). Throws a one-line Error when the file is not a warninglist. */
export function parseWarninglist(id: string, json: string): Warninglist {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error(`${id}: list.json is not valid JSON`);
  }
  if (!data || typeof data !== 'object') throw new Error(`${id}: list.json is not an object`);
  const d = data as Record<string, unknown>;
  const kind = d.type;
  if (kind !== 'string' && kind !== 'substring' && kind !== 'hostname' && kind !== 'cidr' && kind !== 'regex') {
    throw new Error(`${id}: unsupported warninglist type ${JSON.stringify(kind)}`);
  }
  if (!Array.isArray(d.list)) throw new Error(`${id}: list.json has no "list" array`);
  const wl: Warninglist = {
    id,
    name: typeof d.name === 'string' ? d.name : id,
    kind,
    appliesTo: appliesTo(d.matching_attributes),
    strings: new Set(),
    substrings: [],
    cidrs: [],
    regexes: [],
    skipped: 0,
  };
  for (const raw of d.list) {
    if (typeof raw !== 'string' || raw.length === 0 || raw.length > 4096) {
      wl.skipped++;
      continue;
    }
    const entry = raw.trim();
    switch (kind) {
      case 'string':
        wl.strings.add(entry.toLowerCase());
        break;
      case 'substring':
        wl.substrings.push(entry.toLowerCase());
        break;
      case 'hostname':
        wl.strings.add(entry.toLowerCase().replace(/^\*?\.+/, '').replace(/\.$/, ''));
        break;
      case 'cidr':
        try {
          wl.cidrs.push(entry.includes('/') ? ipaddr.parseCIDR(entry) : [ipaddr.parse(entry), entry.includes(':') ? 128 : 32]);
        } catch {
          wl.skipped++;
        }
        break;
      case 'regex': {
        const re = compileSafeRegex(entry);
        if (re) wl.regexes.push(re);
        else wl.skipped++;
        break;
      }
    }
  }
  return wl;
}

/** Read every `*\/list.json` under `dir`. Throws a one-line Error if the directory holds none. */
export function loadWarninglists(dir: string): Warninglist[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    throw new Error(`${dir}: cannot read warninglist directory`);
  }
  const lists: Warninglist[] = [];
  for (const name of names) {
    const file = join(dir, name, 'list.json');
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      continue;
    }
    if (size > MAX_FILE_BYTES) throw new Error(`${file}: warninglist larger than ${MAX_FILE_BYTES} bytes`);
    lists.push(parseWarninglist(name, readFileSync(file, 'utf8')));
  }
  if (lists.length === 0) throw new Error(`${dir}: no warninglists (expected NAME/list.json folders)`);
  return lists;
}

function hostOf(type: IndicatorType, value: string): string | null {
  if (type === 'domains') return value;
  if (type === 'emails') return value.slice(value.lastIndexOf('@') + 1);
  if (type === 'urls') {
    const m = /^[a-z]+:\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]+)/.exec(value);
    return m ? m[1] : null;
  }
  return null;
}

function matchOne(wl: Warninglist, type: IndicatorType, value: string): boolean {
  if (wl.appliesTo && !wl.appliesTo.has(type)) return false;
  const lower = value.toLowerCase();
  switch (wl.kind) {
    case 'string':
      return wl.strings.has(lower) || (hostOf(type, lower) !== null && wl.strings.has(hostOf(type, lower)!));
    case 'substring':
      return wl.substrings.some((s) => lower.includes(s));
    case 'hostname': {
      let host = hostOf(type, lower);
      if (host === null) return false;
      // the host itself or any parent domain on the list
      for (;;) {
        if (wl.strings.has(host)) return true;
        const dot = host.indexOf('.');
        if (dot < 0) return false;
        host = host.slice(dot + 1);
      }
    }
    case 'cidr': {
      let ip: string | null = type === 'ipv4s' || type === 'ipv6s' ? value : hostOf(type, lower);
      if (!ip) return false;
      ip = ip.replace(/^\[|\]$/g, '');
      if (!ipaddr.isValid(ip)) return false;
      const addr = ipaddr.parse(ip);
      return wl.cidrs.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits));
    }
    case 'regex':
      return value.length <= MAX_REGEX_INPUT && wl.regexes.some((re) => re.test(value));
  }
}

/** Names of the lists that match one indicator value of the given type. */
export function matchWarninglists(lists: readonly Warninglist[], type: IndicatorType, value: string): string[] {
  const out: string[] = [];
  for (const wl of lists) if (matchOne(wl, type, value)) out.push(wl.id);
  return out;
}
