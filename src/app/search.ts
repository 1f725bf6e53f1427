// Use case: turn user-supplied search options (CLI flags, query strings) into a validated SearchQuery.
import { isAuthority, isCategory, isDataItem, isLeakStatus, type Authority, type Category, type DataItem } from '../model/index.js';
import { InvalidValueError, type SearchQuery, type SearchResult, type Store } from '../store/index.js';

export interface RawSearchOptions {
  q?: string;
  category?: string[];
  dataItem?: string[];
  authority?: string[];
  org?: string;
  since?: string;
  until?: string;
  year?: string | number;
  minAffected?: string | number;
  leak?: string;
  limit?: string | number;
  offset?: string | number;
  /** include records judged not to be incidents */
  all?: boolean;
}

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function int(name: string, v: string | number | undefined, min: number, max: number): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidValueError(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

function list<T extends string>(name: string, values: string[] | undefined, ok: (v: string) => v is T): T[] | undefined {
  if (!values?.length) return undefined;
  const out = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const v of out) if (!ok(v)) throw new InvalidValueError(`--${name}: unknown value ${JSON.stringify(v)}`);
  return out as T[];
}

/** Dates may be YYYY, YYYY-MM or YYYY-MM-DD; since takes the start of the period, until its end. */
function bound(name: string, v: string | undefined, end: boolean): string | undefined {
  if (!v) return undefined;
  if (!DATE.test(v)) throw new InvalidValueError(`--${name} must be a date YYYY-MM-DD (or YYYY-MM, YYYY)`);
  if (v.length === 10) return v;
  if (v.length === 7) return end ? `${v}-31` : `${v}-01`;
  return end ? `${v}-12-31` : `${v}-01-01`;
}

export function buildSearchQuery(o: RawSearchOptions): SearchQuery {
  if (o.leak !== undefined && o.leak !== '' && !isLeakStatus(o.leak)) {
    throw new InvalidValueError('--leak must be confirmed, possible or none_confirmed');
  }
  return {
    q: o.q?.trim() || undefined,
    categories: list<Category>('category', o.category, isCategory),
    dataItems: list<DataItem>('data-item', o.dataItem, isDataItem),
    authorities: list<Authority>('authority', o.authority, isAuthority),
    org: o.org?.trim() || undefined,
    since: bound('since', o.since, false),
    until: bound('until', o.until, true),
    year: int('year', o.year, 1900, 2999),
    minAffected: int('min-affected', o.minAffected, 0, Number.MAX_SAFE_INTEGER),
    leak: o.leak && isLeakStatus(o.leak) ? o.leak : undefined,
    limit: int('limit', o.limit, 0, 10_000),
    offset: int('offset', o.offset, 0, 10_000_000),
    includeNonIncidents: o.all === true ? true : undefined,
  };
}

export async function searchCases(store: Store, options: RawSearchOptions): Promise<SearchResult> {
  return store.search(buildSearchQuery(options));
}
