// What the store derives from a record for filtering, facets, stats and correlation.
import { AUTHORITIES, CATEGORIES, DATA_ITEMS, type Incident } from '../model/index.js';

// Legal-form words that vary between notices of one organization (株式会社X vs X株式会社 vs (株)X).
const LEGAL_FORMS = /株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|公益社団法人|一般財団法人|公益財団法人|社会福祉法人|医療法人(?:社団|財団)?|学校法人|国立大学法人|独立行政法人|特定非営利活動法人|\(株\)|\(有\)|㈱|㈲/g;

/** A comparison key for organization names: NFKC, legal forms and spaces removed, lower case. */
export function orgKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const k = name.normalize('NFKC').replace(LEGAL_FORMS, '').replace(/[\s・.,、。「」『』"'()（）]/g, '').toLowerCase();
  return k.length > 0 ? k : null;
}

function mask(values: readonly string[], vocabulary: readonly string[]): number {
  let m = 0;
  for (const v of values) {
    const i = vocabulary.indexOf(v);
    if (i >= 0) m |= 1 << i;
  }
  return m;
}

export function unmask<T extends string>(m: number, vocabulary: readonly T[]): T[] {
  return vocabulary.filter((_, i) => (m & (1 << i)) !== 0);
}

export const catMask = (r: Incident): number => mask(r.categories, CATEGORIES);
export const itemMask = (r: Incident): number => mask(r.dataItems, DATA_ITEMS);
export const authMask = (r: Incident): number => mask(r.authoritiesNotified, AUTHORITIES);

/** A fingerprint of the vocabularies the masks were computed with; a change triggers recomputation. */
export const VOCAB_FINGERPRINT = [CATEGORIES.join(','), DATA_ITEMS.join(','), AUTHORITIES.join(',')].join('|');

export function searchText(r: Incident): string {
  return [r.title, r.organization ?? '', r.text].join('\n').normalize('NFKC');
}

export interface Term {
  kind: 'cat' | 'item' | 'auth' | 'ioc' | 'party' | 'org' | 'pkey' | 'cname';
  value: string;
}

const MAX_TERMS = 2000; // a notice listing thousands of indicators should not explode the table

export function termsOf(r: Incident): Term[] {
  const out: Term[] = [];
  const seen = new Set<string>();
  const add = (kind: Term['kind'], value: string) => {
    const key = `${kind}\u0000${value}`;
    if (value && !seen.has(key) && out.length < MAX_TERMS) {
      seen.add(key);
      out.push({ kind, value });
    }
  };
  for (const c of r.categories) add('cat', c);
  for (const d of r.dataItems) add('item', d);
  for (const a of r.authoritiesNotified) add('auth', a);
  const org = orgKey(r.organization);
  if (org) add('org', org);
  for (const p of r.otherOrganizations) {
    const k = orgKey(p.name);
    // role:key for correlation; the display name is kept in the record
    if (k) add('party', `${p.role}:${k}`);
  }
  const ind = r.indicators;
  if (ind) {
    for (const [type, list] of Object.entries(ind) as [string, string[]][]) {
      for (const v of list ?? []) add('ioc', `${type}:${String(v).toLowerCase()}`);
    }
  }
  return out;
}
