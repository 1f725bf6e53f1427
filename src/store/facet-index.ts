// An in-process column index of every case's filter and facet values (masks, date, leak status, affected
// count, organization). Filters and facet counts over tens of thousands of matches cost ~1 µs per row in SQL
// (a row lookup each); over typed arrays they cost nanoseconds. The database stays the source of truth:
// every write stamps its rows with a rising revision, and before each search the index loads the rows
// whose revision it has not seen (one indexed query when nothing changed).
import { sql, type Kysely } from 'kysely';
import { AUTHORITIES, CATEGORIES, DATA_ITEMS, LEAK_STATUSES } from '../model/index.js';
import type { DB } from './schema.js';
import type { Facets, SearchQuery } from './types.js';

const LEAKS: readonly (string | null)[] = [null, ...LEAK_STATUSES];

/** yyyymmdd as a number (0 when unknown), so date filters and ordering are integer compares. */
function dateKey(iso: string | null): number {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return 0;
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

export interface Ranked {
  num: number;
  score: number;
}

/**
 * Cases whose text holds every query term with their scores (see rankByFields; higher is better), as parallel
 * arrays: tens of thousands of small objects would cost more than finding them.
 */
export interface TextMatches {
  nums: ArrayLike<number>;
  scores: ArrayLike<number>;
}

/** What a database's full-text search finds: cases, and optionally a text relevance for each (BM25). */
export interface TextHits {
  nums: ArrayLike<number>;
  relevance: ArrayLike<number> | null;
}

export class FacetIndex {
  private size = 0;
  private capacity = 0;
  private num = new Int32Array(0);
  private incident = new Uint8Array(0);
  private cat = new Int32Array(0);
  private item = new Int32Array(0);
  private auth = new Int32Array(0);
  private published = new Int32Array(0);
  private leak = new Uint8Array(0);
  private affected = new Float64Array(0);
  /** NFKC lower-case title, a NUL, then the organization: one search tells whether a term is in either */
  private names: string[] = [];
  /** where each row's organization starts in `names` */
  private orgStart = new Int32Array(0);
  /** case num → position + 1 (0 = absent); case nums are small dense integers */
  private slotOf = new Int32Array(0);
  private rev = -1;

  private grow(min: number): void {
    if (min <= this.capacity) return;
    const cap = Math.max(min, this.capacity * 2, 1024);
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.num = copy(this.num, (n) => new Int32Array(n));
    this.incident = copy(this.incident, (n) => new Uint8Array(n));
    this.cat = copy(this.cat, (n) => new Int32Array(n));
    this.item = copy(this.item, (n) => new Int32Array(n));
    this.auth = copy(this.auth, (n) => new Int32Array(n));
    this.published = copy(this.published, (n) => new Int32Array(n));
    this.leak = copy(this.leak, (n) => new Uint8Array(n));
    this.affected = copy(this.affected, (n) => new Float64Array(n));
    this.orgStart = copy(this.orgStart, (n) => new Int32Array(n));
    this.capacity = cap;
  }

  /** Load rows written since the last sync. */
  async sync(db: Kysely<DB>): Promise<void> {
    const head = await sql<{ r: number | null }>`SELECT max(rev) AS r FROM cases`.execute(db);
    const latest = Number(head.rows[0]?.r ?? -1);
    if (latest <= this.rev && this.size > 0) return;
    if (latest < this.rev) this.reset(); // a different database (dropped and recreated): start over
    const rows = await db
      .selectFrom('cases')
      .select(['num', 'is_incident', 'cat_mask', 'item_mask', 'auth_mask', 'published_at', 'leak_status', 'affected_count', 'organization', 'title', 'rev'])
      .where('rev', '>', this.rev)
      .execute();
    this.grow(this.size + rows.length);
    let maxRev = this.rev;
    for (const r of rows) {
      const num = Number(r.num);
      if (num >= this.slotOf.length) {
        const bigger = new Int32Array(Math.max(num + 1, this.slotOf.length * 2, 1024));
        bigger.set(this.slotOf);
        this.slotOf = bigger;
      }
      let i = this.slotOf[num] - 1;
      if (i < 0) {
        i = this.size++;
        this.slotOf[num] = i + 1;
      }
      this.num[i] = num;
      this.incident[i] = Number(r.is_incident);
      this.cat[i] = Number(r.cat_mask);
      this.item[i] = Number(r.item_mask);
      this.auth[i] = Number(r.auth_mask);
      this.published[i] = dateKey(r.published_at);
      this.leak[i] = Math.max(0, LEAKS.indexOf(r.leak_status));
      this.affected[i] = r.affected_count === null ? Number.NaN : Number(r.affected_count);
      const title = r.title.normalize('NFKC').toLowerCase();
      this.names[i] = `${title}\u0000${(r.organization ?? '').normalize('NFKC').toLowerCase()}`;
      this.orgStart[i] = title.length + 1;
      maxRev = Math.max(maxRev, Number(r.rev));
    }
    this.rev = Math.max(maxRev, latest);
  }

  private reset(): void {
    this.size = 0;
    this.slotOf = new Int32Array(0);
    this.names = [];
    this.rev = -1;
  }

  /**
   * Filter (all rows, or the text matches given), count facets over the whole result, and pick the page
   * in order: score, then newest publication (unknown last), then newest case.
   */
  private slotOfNum(num: number): number {
    return num >= 0 && num < this.slotOf.length ? this.slotOf[num] - 1 : -1;
  }

  /**
   * Score matches by where the terms occur: each term 1, plus 5 in the title, plus 3 in the organization. A
   * text relevance, when the database gave one, orders matches within that: it is squashed below 1 first.
   */
  rankByFields(nums: ArrayLike<number>, terms: string[], relevance: ArrayLike<number> | null = null): TextMatches {
    const lower = terms.map((t) => t.toLowerCase());
    const scores = new Float64Array(nums.length);
    for (let k = 0; k < nums.length; k++) {
      const i = this.slotOfNum(nums[k]);
      if (i < 0) continue;
      const names = this.names[i];
      const sep = this.orgStart[i] - 1;
      const r = relevance ? Math.max(0, relevance[k]) : 0;
      let score = r / (1 + r);
      for (const t of lower) {
        score += 1;
        // Most rows hold the term in neither, and one search says so. The first occurrence lies within the
        // title exactly when the title holds one.
        const at = names.indexOf(t);
        if (at < 0) continue;
        if (at + t.length <= sep) score += 5;
        if (at > sep || names.indexOf(t, sep + 1) >= 0) score += 3;
      }
      scores[k] = score;
    }
    return { nums, scores };
  }

  query(q: SearchQuery, matches: TextMatches | null, offset: number, limit: number): { total: number; facets: Facets; page: Ranked[] } {
    const mask = (values: readonly string[] | undefined, vocabulary: readonly string[]) =>
      (values ?? []).reduce((m, v) => (vocabulary.indexOf(v) >= 0 ? m | (1 << vocabulary.indexOf(v)) : m), 0);
    const catM = mask(q.categories, CATEGORIES);
    const itemM = mask(q.dataItems, DATA_ITEMS);
    const authM = mask(q.authorities, AUTHORITIES);
    const since = q.since ? dateKey(q.since) : 0;
    const until = q.until ? dateKey(q.until) : 0;
    const yearFrom = q.year !== undefined ? q.year * 10000 : 0;
    const yearTo = q.year !== undefined ? q.year * 10000 + 9999 : 0;
    const leak = q.leak ? LEAKS.indexOf(q.leak) : -1;
    const org = q.org ? q.org.normalize('NFKC').toLowerCase() : '';
    const minAffected = q.minAffected;
    const all = q.includeNonIncidents === true;

    const catCount = new Array<number>(CATEGORIES.length).fill(0);
    const itemCount = new Array<number>(DATA_ITEMS.length).fill(0);
    const authCount = new Array<number>(AUTHORITIES.length).fill(0);
    const yearCount = new Int32Array(10000); // by year; 0 = unknown (dateKey keeps years to four digits)
    const leakCount = new Array<number>(LEAKS.length).fill(0);
    const want = offset + limit;
    const best: { i: number; score: number }[] = [];
    let total = 0;

    // a before b in result order?
    const before = (ai: number, as: number, bi: number, bs: number) => {
      if (as !== bs) return as > bs;
      const ap = this.published[ai];
      const bp = this.published[bi];
      if ((ap === 0) !== (bp === 0)) return ap !== 0;
      if (ap !== bp) return ap > bp;
      return this.num[ai] > this.num[bi];
    };

    const consider = (i: number, score: number) => {
      if (!all && this.incident[i] !== 1) return;
      if ((this.cat[i] & catM) !== catM || (this.item[i] & itemM) !== itemM || (this.auth[i] & authM) !== authM) return;
      const p = this.published[i];
      if (since && (p === 0 || p < since)) return;
      if (until && (p === 0 || p > until)) return;
      if (yearFrom && (p < yearFrom || p > yearTo)) return;
      if (leak >= 0 && this.leak[i] !== leak) return;
      if (minAffected !== undefined && !(this.affected[i] >= minAffected)) return;
      if (org && this.names[i].indexOf(org, this.orgStart[i]) < 0) return;
      total++;
      for (let b = 0, m = this.cat[i]; m; b++, m >>>= 1) if (m & 1) catCount[b]++;
      for (let b = 0, m = this.item[i]; m; b++, m >>>= 1) if (m & 1) itemCount[b]++;
      for (let b = 0, m = this.auth[i]; m; b++, m >>>= 1) if (m & 1) authCount[b]++;
      yearCount[Math.floor(p / 10000)]++;
      leakCount[this.leak[i]]++;
      if (want === 0) return;
      // Keep the best `want` in order; most rows lose against the current last one and cost one compare.
      if (best.length === want) {
        const last = best[want - 1];
        if (!before(i, score, last.i, last.score)) return;
        best.pop();
      }
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (before(best[mid].i, best[mid].score, i, score)) lo = mid + 1;
        else hi = mid;
      }
      best.splice(lo, 0, { i, score });
    };

    if (matches) {
      const { nums, scores } = matches;
      for (let k = 0; k < nums.length; k++) {
        const i = this.slotOfNum(nums[k]);
        if (i >= 0) consider(i, scores[k]);
      }
    } else {
      for (let i = 0; i < this.size; i++) consider(i, 0);
    }

    const facets: Facets = { category: {}, dataItem: {}, year: {}, leakStatus: {}, authority: {} };
    CATEGORIES.forEach((v, b) => catCount[b] && (facets.category[v] = catCount[b]));
    DATA_ITEMS.forEach((v, b) => itemCount[b] && (facets.dataItem[v] = itemCount[b]));
    AUTHORITIES.forEach((v, b) => authCount[b] && (facets.authority[v] = authCount[b]));
    yearCount.forEach((n, y) => n && (facets.year[y === 0 ? 'unknown' : String(y)] = n));
    LEAKS.forEach((v, k) => leakCount[k] && (facets.leakStatus[v ?? 'unknown'] = leakCount[k]));
    return { total, facets, page: best.slice(offset).map((b) => ({ num: this.num[b.i], score: b.score })) };
  }
}
