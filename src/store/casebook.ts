// The Store over Kysely: one query layer for SQLite and PostgreSQL. Dialect differences (full-text search,
// write locking, integrity checks) come in through DialectOps.
import { hash } from 'node:crypto';
import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import { AUTHORITIES, CATEGORIES, DATA_ITEMS, EDITABLE_FIELDS, type EditableField, type Incident } from '../model/index.js';
import type { DialectOps, TextFields } from './dialect.js';
import { applyOverrides, InvalidValueError, isEditableField, validateFieldValue } from './fields.js';
import { FacetIndex, type TextMatches } from './facet-index.js';
import { insertRows } from './fast-insert.js';
import { detectFollowUp } from './followup.js';
import { CONTENT_KEY_CHARS } from './migrations.js';
import type { CasesTable, DB, VersionsTable } from './schema.js';
import { bandsOf, jaccard, shingleSet } from './shingles.js';
import { makeSnippet } from './snippet.js';
import { authMask, catMask, itemMask, orgKey, searchText, termsOf, unmask, VOCAB_FINGERPRINT, type Term } from './terms.js';
import type {
  CaseDetail,
  CaseRecord,
  CaseVersion,
  IngestItemResult,
  Override,
  RelatedCase,
  SearchHit,
  SearchQuery,
  SearchResult,
  StatRow,
  StatsDimension,
  Store,
} from './types.js';

export class StoreError extends Error {}
export { InvalidValueError };

const sha256 = (s: string) => hash('sha256', s, 'hex'); // one-shot: no Hash object per call
const nowIso = () => new Date().toISOString();
const MAX_LIMIT = 10_000;
const NEAR_DUPLICATE = 0.5;
// a minhash band found in more cases than this is boilerplate, not evidence of a near-duplicate
const COMMON_BAND = 200;
const MAX_QUERY_TERMS = 8;
const MAX_TERM_CHARS = 200;

/** Parse a case number 2023-478 / 2023-0478 into its parts; null when it is not one. */
export function parseCaseId(id: string | null | undefined): { year: number; seq: number } | null {
  const m = id ? /^(\d{4})-(\d{1,6})$/.exec(id.trim()) : null;
  if (!m) return null;
  const seq = Number(m[2]);
  return seq > 0 ? { year: Number(m[1]), seq } : null;
}

export function formatCaseId(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(3, '0')}`;
}

/** Split a query into NFKC terms, bounded so a pasted document does not become a huge query. */
export function queryTerms(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .normalize('NFKC')
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .slice(0, MAX_QUERY_TERMS)
    .map((t) => t.slice(0, MAX_TERM_CHARS));
}

type CaseRow = Selectable<CasesTable>;

/** A new case of the batch, not written yet; the database numbers it when it is. */
interface PendingCase {
  row: Omit<Insertable<CasesTable>, 'num'>;
  record: Incident;
  text: TextFields;
  version: Omit<Insertable<VersionsTable>, 'case_num'>;
}

/** Per-transaction state: new cases and their derived rows are written together, and case numbers are
 *  counted in memory (the transaction holds the write lock, so nobody else can take one meanwhile). */
interface BatchContext {
  /**
   * New cases not written yet: their rows go in with a few multi-row statements (one statement per case cost
   * more than all else), so every read of cases first flushes them or also looks here.
   */
  pending: PendingCase[];
  /** content keys of pending versions, to notice the same notice twice in one batch */
  pendingKeys: Set<string>;
  /** "year-seq" of pending cases */
  pendingIds: Set<string>;
  nextSeq: Map<number, number>;
  /** revision stamped on every cases row this transaction writes */
  rev: number;
  /** content keys that may exist in the database (looked up once per batch, plus those written since) */
  knownKeys: Set<string>;
  /** organization keys that have cases (likewise): a notice of an unknown organization needs no lookup */
  knownOrgs: Set<string>;
}

/**
 * Which notice a record was extracted from: its source and text. 128 bits of SHA-256 (schema v3) keep the
 * unique index, which every batch writes all over, at half the size of the full digest.
 */
const contentKeyOf = (r: Incident) => sha256(`${r.source.sha256}\u0000${sha256(r.text)}`).slice(0, CONTENT_KEY_CHARS);

function newContext(rev: number): BatchContext {
  return { pending: [], pendingKeys: new Set(), pendingIds: new Set(), nextSeq: new Map(), rev, knownKeys: new Set(), knownOrgs: new Set() };
}

interface VersionRow {
  id: number;
  label: string | null;
  follow_up: number;
  published_at: string | null;
  record_json: string;
  ingested_at: string;
}

/** Publication order of versions: by date when both have one, else by ingest order. */
function byPublication(a: VersionRow, b: VersionRow): number {
  if (a.published_at && b.published_at && a.published_at !== b.published_at) return a.published_at < b.published_at ? -1 : 1;
  return a.id - b.id;
}

/** The effective record JSON of a case_docs row: stored, or else the case's one version. */
function effectiveJson(docs: string): RawBuilder<string> {
  return sql<string>`COALESCE(${sql.ref(`${docs}.record_json`)}, (SELECT v.record_json FROM versions v WHERE v.case_num = ${sql.ref(`${docs}.num`)} ORDER BY v.id DESC LIMIT 1))`;
}

function textFields(r: { title: string; organization: string | null }, search_text: string): TextFields {
  return { title: r.title, organization: r.organization, search_text };
}

/** Columns of the cases row derived from the effective record. */
function caseColumns(r: Incident) {
  return {
    org_key: orgKey(r.organization),
    title: r.title ?? '',
    organization: r.organization,
    published_at: r.publishedAt,
    affected_count: r.affectedCount,
    leak_status: r.leakStatus,
    is_incident: r.isIncident ? 1 : 0,
    cat_mask: catMask(r),
    item_mask: itemMask(r),
    auth_mask: authMask(r),
  };
}

/** Cases of an organization (by orgKey), through its term: the cases table keeps no index of its own for it. */
function casesOfOrg(trx: Transaction<DB>, key: string) {
  return trx.selectFrom('case_terms').select('case_num').where('kind', '=', 'org').where('value', '=', key);
}

/**
 * A case's terms, plus for correlation contractor/vendor keys and contractor display names for stats; each
 * (kind, value) once (SQLite keys the table by them).
 */
function allTerms(r: Incident): Term[] {
  const out = termsOf(r);
  const extra = new Set<string>();
  const add = (kind: Term['kind'], value: string) => {
    const key = `${kind}\u0000${value}`;
    if (!extra.has(key)) out.push({ kind, value });
    extra.add(key);
  };
  for (const p of r.otherOrganizations) {
    if (p.role !== 'contractor' && p.role !== 'subcontractor' && p.role !== 'vendor') continue;
    const k = orgKey(p.name);
    if (!k) continue;
    add('pkey', k);
    if (p.role !== 'vendor') add('cname', p.name.normalize('NFKC').trim());
  }
  return out;
}

function checkRecord(r: Incident): void {
  if (!r || typeof r !== 'object') throw new StoreError('record is not an object');
  if (typeof r.text !== 'string') throw new StoreError('record has no text');
  if (!r.source || typeof r.source.sha256 !== 'string') throw new StoreError('record has no source.sha256');
}

export class Casebook implements Store {
  private readonly index = new FacetIndex();

  constructor(
    readonly db: Kysely<DB>,
    readonly ops: DialectOps,
  ) {}

  // ---------------------------------------------------------------- writing

  async ingest(record: Incident): Promise<IngestItemResult> {
    return (await this.ingestBatch([record]))[0];
  }

  private sinceAnalyze = 0;

  async ingestBatch(records: Incident[]): Promise<IngestItemResult[]> {
    for (const r of records) checkRecord(r);
    const results = await this.writeTransaction(async (trx, rev) => {
      const ctx = newContext(rev);
      const keys = records.map(contentKeyOf);
      // Two lookups for the whole batch instead of two per record: most records are new notices of
      // organizations not seen before.
      for (let i = 0; i < keys.length; i += 500) {
        const rows = await trx.selectFrom('versions').select('content_key').where('content_key', 'in', keys.slice(i, i + 500)).execute();
        for (const row of rows) ctx.knownKeys.add(row.content_key);
      }
      const orgs = [...new Set(records.map((r) => orgKey(r.organization)).filter((k): k is string => k !== null))];
      for (let i = 0; i < orgs.length; i += 500) {
        const rows = await trx.selectFrom('case_terms').select('value').distinct().where('kind', '=', 'org').where('value', 'in', orgs.slice(i, i + 500)).execute();
        for (const row of rows) ctx.knownOrgs.add(row.value);
      }
      const out: IngestItemResult[] = [];
      for (let i = 0; i < records.length; i++) out.push(await this.ingestOne(trx, records[i], keys[i], ctx));
      await this.flushDerived(trx, ctx);
      return out;
    });
    // Planner statistics go stale after bulk loads (PostgreSQL then scans instead of using the trigram index).
    this.sinceAnalyze += results.filter((r) => r.outcome === 'new').length;
    if (this.sinceAnalyze >= 1000) {
      const total = await this.count();
      if (this.sinceAnalyze >= Math.max(1000, total * 0.2)) {
        this.sinceAnalyze = 0;
        await this.ops.analyze(this.db);
      }
    }
    return results;
  }

  /** Run `work` in a write transaction, with the revision number this transaction stamps on cases rows. */
  private async writeTransaction<T>(work: (trx: Transaction<DB>, rev: number) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction().execute(async (trx) => {
          await this.ops.lockForWrite(trx);
          // Writers are serialized, so revisions rise in commit order (the column index relies on it).
          const head = await sql<{ r: number | null }>`SELECT max(rev) AS r FROM cases`.execute(trx);
          return work(trx, Number(head.rows[0]?.r ?? 0) + 1);
        });
      } catch (err) {
        if (attempt >= 5 || !this.ops.isRetryable(err)) throw err;
        await new Promise((res) => setTimeout(res, 50 * (attempt + 1) + Math.random() * 50));
      }
    }
  }

  private async ingestOne(trx: Transaction<DB>, r: Incident, contentKey: string, ctx: BatchContext): Promise<IngestItemResult> {
    const now = nowIso();
    const recordJson = JSON.stringify(r);
    const recordHash = sha256(recordJson);
    const fu = detectFollowUp(r.title ?? '', r.text);

    if (ctx.pendingKeys.has(contentKey)) await this.flushDerived(trx, ctx);
    const seen = ctx.knownKeys.has(contentKey) && await trx
      .selectFrom('versions')
      .innerJoin('cases', 'cases.num', 'versions.case_num')
      .select(['versions.id', 'versions.case_num', 'versions.record_hash', 'cases.id as case_id'])
      .where('versions.content_key', '=', contentKey)
      .executeTakeFirst();
    if (seen) {
      const version = await this.versionNumber(trx, seen.case_num, seen.id);
      if (seen.record_hash === recordHash) return { outcome: 'unchanged', id: seen.case_id, version };
      // Same notice, new extraction (a better extractor): replace the auto values; overrides still win.
      await trx
        .updateTable('versions')
        .set({ record_json: recordJson, record_hash: recordHash, label: fu.label, follow_up: fu.followUp ? 1 : 0, published_at: r.publishedAt, updated_at: now })
        .where('id', '=', seen.id)
        .execute();
      await this.refreshCase(trx, seen.case_num, now, ctx);
      return { outcome: 'updated', id: seen.case_id, version };
    }

    ctx.knownKeys.add(contentKey);
    const target = await this.findCaseFor(trx, r, fu.followUp, ctx);
    if (target) {
      await this.flushDerived(trx, ctx); // keep version ids in ingest order
      const ins = await trx
        .insertInto('versions')
        .values({
          case_num: target.num,
          content_key: contentKey,
          record_hash: recordHash,
          label: fu.label,
          follow_up: fu.followUp ? 1 : 0,
          published_at: r.publishedAt,
          record_json: recordJson,
          ingested_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.refreshCase(trx, target.num, now, ctx);
      return { outcome: 'updated', id: target.id, version: await this.versionNumber(trx, target.num, ins.id) };
    }

    // A new case: the notice's own number when it has a free one, else the next number of its year.
    const stated = parseCaseId(r.caseId);
    let year: number;
    let seq: number;
    let isStated = 0;
    if (stated && !ctx.pendingIds.has(formatCaseId(stated.year, stated.seq)) && !(await trx.selectFrom('cases').select('num').where('year', '=', stated.year).where('seq', '=', stated.seq).executeTakeFirst())) {
      ({ year, seq } = stated);
      isStated = 1;
    } else {
      year = r.publishedAt ? Number(r.publishedAt.slice(0, 4)) : new Date().getUTCFullYear();
      let next = ctx.nextSeq.get(year);
      if (next === undefined) {
        const max = await trx
          .selectFrom('cases')
          .select(sql<number | null>`max(seq)`.as('m'))
          .where('year', '=', year)
          .executeTakeFirst();
        next = Number(max?.m ?? 0) + 1;
        for (const p of ctx.pending) if (p.row.year === year) next = Math.max(next, p.row.seq + 1);
      }
      seq = next;
    }
    // Keep the in-memory counter past every number taken (a stated number may jump ahead of it). A year not
    // yet counted is read from the table when first needed, which then includes rows of this transaction.
    const counted = ctx.nextSeq.get(year);
    if (!isStated || counted !== undefined) ctx.nextSeq.set(year, Math.max(seq + 1, counted ?? 0));
    const id = formatCaseId(year, seq);
    const cols = caseColumns(r);
    const text = searchText(r);
    const version = {
      content_key: contentKey,
      record_hash: recordHash,
      label: fu.label,
      follow_up: fu.followUp ? 1 : 0,
      published_at: r.publishedAt,
      record_json: recordJson,
      ingested_at: now,
      updated_at: now,
    };
    const row = { id, year, seq, stated: isStated, ...cols, rev: ctx.rev, created_at: now, updated_at: now };
    ctx.pending.push({ row, record: r, text: textFields(cols, text), version });
    ctx.pendingKeys.add(contentKey);
    ctx.pendingIds.add(id);
    if (cols.org_key) ctx.knownOrgs.add(cols.org_key);
    return { outcome: 'new', id, version: 1 };
  }

  /** Which existing case a notice belongs to: its stated number, or an earlier notice of the same organization. */
  private async findCaseFor(trx: Transaction<DB>, r: Incident, followUp: boolean, ctx: BatchContext): Promise<{ num: number; id: string } | null> {
    const stated = parseCaseId(r.caseId);
    if (stated) {
      if (ctx.pendingIds.has(formatCaseId(stated.year, stated.seq))) await this.flushDerived(trx, ctx);
      const c = await trx
        .selectFrom('cases')
        .select(['num', 'id'])
        .where('year', '=', stated.year)
        .where('seq', '=', stated.seq)
        .where('stated', '=', 1)
        .executeTakeFirst();
      if (c) return c;
    }
    const key = orgKey(r.organization);
    if (!key || !ctx.knownOrgs.has(key)) return null;
    await this.flushDerived(trx, ctx); // the organization's cases may be pending
    if (followUp) {
      // The most recent case of the organization published no later than this notice.
      let q = trx.selectFrom('cases').select(['num', 'id']).where('num', 'in', casesOfOrg(trx, key));
      if (r.publishedAt) q = q.where((eb) => eb.or([eb('published_at', '<=', r.publishedAt), eb('published_at', 'is', null)]));
      const c = await q
        .orderBy(sql`(published_at IS NULL)`)
        .orderBy('published_at', 'desc')
        .orderBy('num', 'desc')
        .limit(1)
        .executeTakeFirst();
      return c ?? null;
    }
    // A first notice ingested after its follow-ups: join a case that so far holds only follow-ups.
    if (!r.publishedAt) return null;
    // Two plain queries: this runs for nearly every new notice and almost always finds nothing.
    const later = await trx
      .selectFrom('cases')
      .select(['num', 'id', 'published_at'])
      .where('num', 'in', casesOfOrg(trx, key))
      .where('published_at', '>=', r.publishedAt)
      .limit(20)
      .execute();
    later.sort((a, b) => String(a.published_at).localeCompare(String(b.published_at)));
    for (const c of later) {
      const first = await trx.selectFrom('versions').select('id').where('case_num', '=', c.num).where('follow_up', '=', 0).limit(1).executeTakeFirst();
      if (!first) return { num: c.num, id: c.id };
    }
    return null;
  }

  private async versionNumber(trx: Kysely<DB> | Transaction<DB>, caseNum: number, versionId: number): Promise<number> {
    const rows = await this.versionRows(trx, caseNum);
    return rows.findIndex((v) => v.id === versionId) + 1;
  }

  private async versionRows(trx: Kysely<DB> | Transaction<DB>, caseNum: number): Promise<VersionRow[]> {
    const rows = await trx
      .selectFrom('versions')
      .select(['id', 'label', 'follow_up', 'published_at', 'record_json', 'ingested_at'])
      .where('case_num', '=', caseNum)
      .execute();
    return rows.map((v) => ({ ...v, id: Number(v.id), follow_up: Number(v.follow_up) })).sort(byPublication);
  }

  /** Recompute a case's effective record (newest version + overrides) and everything derived from it. */
  private async refreshCase(trx: Transaction<DB>, num: number, now: string, ctx: BatchContext): Promise<void> {
    await this.flushDerived(trx, ctx);
    const before = await trx
      .selectFrom('cases')
      .innerJoin('case_docs', 'case_docs.num', 'cases.num')
      .select(['cases.title', 'cases.organization', 'case_docs.search_text'])
      .where('cases.num', '=', num)
      .executeTakeFirstOrThrow();
    const versions = await this.versionRows(trx, num);
    const newest = JSON.parse(versions[versions.length - 1].record_json) as Incident;
    const overrides = await trx.selectFrom('overrides').select(['field', 'value_json']).where('case_num', '=', num).orderBy('id').execute();
    const { record } = applyOverrides(newest, overrides);
    const cols = caseColumns(record);
    const text = searchText(record);
    await trx.updateTable('cases').set({ ...cols, rev: ctx.rev, updated_at: now }).where('num', '=', num).execute();
    if (cols.org_key) ctx.knownOrgs.add(cols.org_key);
    await trx.updateTable('case_docs').set({ search_text: text, record_json: JSON.stringify(record) }).where('num', '=', num).execute();
    await trx.deleteFrom('case_terms').where('case_num', '=', num).execute();
    const bandsChanged = before.search_text !== text;
    if (bandsChanged) await this.ops.dropBands(trx, num);
    await this.writeDerived(trx, num, record, bandsChanged ? text : null, textFields(before, before.search_text), textFields(cols, text));
  }

  /** The batch's new cases with their versions, text, terms, bands and full-text rows, in a few multi-row statements. */
  private async flushDerived(trx: Transaction<DB>, ctx: BatchContext): Promise<void> {
    if (ctx.pending.length === 0) return;
    const pending = ctx.pending;
    ctx.pending = [];
    ctx.pendingKeys.clear();
    ctx.pendingIds.clear();
    // The database numbers the rows; RETURNING order is unspecified, so the numbers are matched by case id.
    const numbered = await insertRows(trx, this.ops.name, 'cases', pending.map((p) => p.row), ['id', 'num']);
    const numOf = new Map(numbered.map((r) => [String(r.id), Number(r.num)]));
    const nums = pending.map((p) => numOf.get(p.row.id) as number);
    await insertRows(trx, this.ops.name, 'case_docs', pending.map((p, k) => ({ num: nums[k], search_text: p.text.search_text, record_json: null })));
    await insertRows(trx, this.ops.name, 'versions', pending.map((p, k) => ({ case_num: nums[k], ...p.version })));
    await insertRows(
      trx,
      this.ops.name,
      'case_terms',
      pending.flatMap((p, k) => allTerms(p.record).map((t) => ({ case_num: nums[k], kind: t.kind, value: t.value }))),
    );
    await this.ops.addBands(trx, pending.map((p, k) => ({ num: nums[k], bands: bandsOf(p.text.search_text) })));
    await this.ops.indexNew(trx, pending.map((p, k) => ({ num: nums[k], ...p.text })));
  }

  private async writeDerived(
    trx: Transaction<DB>,
    num: number,
    r: Incident,
    bandText: string | null,
    beforeText: TextFields | null,
    afterText: TextFields,
  ): Promise<void> {
    await insertRows(trx, this.ops.name, 'case_terms', allTerms(r).map((t) => ({ case_num: num, kind: t.kind, value: t.value })));
    if (bandText !== null) {
      await this.ops.addBands(trx, [{ num, bands: bandsOf(bandText) }]);
    }
    if (!beforeText || beforeText.search_text !== afterText.search_text || beforeText.title !== afterText.title || beforeText.organization !== afterText.organization) {
      await this.ops.indexText(trx, num, beforeText, afterText);
    }
  }

  async setOverride(id: string, field: EditableField, value: unknown, author: string): Promise<CaseRecord> {
    if (!isEditableField(field)) throw new InvalidValueError(`${String(field)}: not an editable field (${EDITABLE_FIELDS.join(', ')})`);
    validateFieldValue(field, value);
    const who = String(author ?? '').trim();
    if (!who || who.length > 200) throw new InvalidValueError('author: expected a name of 1–200 characters');
    await this.writeTransaction(async (trx, rev) => {
      const c = await trx.selectFrom('cases').select('num').where('id', '=', id).executeTakeFirst();
      if (!c) throw new StoreError(`no case ${id}`);
      const now = nowIso();
      await trx.insertInto('overrides').values({ case_num: c.num, field, value_json: JSON.stringify(value), author: who, at: now }).execute();
      await this.refreshCase(trx, c.num, now, newContext(rev));
    });
    const rec = await this.caseRecords(this.caseQuery().where('cases.id', '=', id));
    return rec[0];
  }

  // ---------------------------------------------------------------- reading

  private async caseRecords(q: { execute(): Promise<(CaseRow & { record_json: string })[]> }): Promise<CaseRecord[]> {
    return (await this.caseRecordsWithNum(q)).map(({ num: _num, ...rest }) => rest);
  }

  private async caseRecordsWithNum(q: { execute(): Promise<(CaseRow & { record_json: string })[]> }): Promise<(CaseRecord & { num: number })[]> {
    const rows = await q.execute();
    if (rows.length === 0) return [];
    const nums = rows.map((r) => r.num);
    const analyst = new Map<number, Set<string>>();
    for (let i = 0; i < nums.length; i += 500) {
      const ov = await this.db
        .selectFrom('overrides')
        .select(['case_num', 'field'])
        .distinct()
        .where('case_num', 'in', nums.slice(i, i + 500))
        .execute();
      for (const o of ov) {
        const set = analyst.get(Number(o.case_num)) ?? new Set<string>();
        set.add(o.field);
        analyst.set(Number(o.case_num), set);
      }
    }
    return rows.map((r) => {
      const a = analyst.get(Number(r.num));
      const provenance: CaseRecord['provenance'] = {};
      for (const f of EDITABLE_FIELDS) provenance[f] = a?.has(f) ? 'analyst' : 'auto';
      return { num: Number(r.num), id: r.id, record: JSON.parse(r.record_json) as Incident, provenance, createdAt: r.created_at, updatedAt: r.updated_at };
    });
  }

  /** cases joined with their record */
  private caseQuery() {
    return this.db.selectFrom('cases').innerJoin('case_docs', 'case_docs.num', 'cases.num').selectAll('cases').select(effectiveJson('case_docs').as('record_json'));
  }

  async get(id: string): Promise<CaseDetail | null> {
    const [rec] = await this.caseRecords(this.caseQuery().where('cases.id', '=', id));
    if (!rec) return null;
    const { num } = await this.db.selectFrom('cases').select('num').where('id', '=', id).executeTakeFirstOrThrow();
    const versions: CaseVersion[] = (await this.versionRows(this.db, num)).map((v, i) => ({
      version: i + 1,
      label: v.label,
      record: JSON.parse(v.record_json) as Incident,
      ingestedAt: v.ingested_at,
    }));
    const overrides: Override[] = (
      await this.db.selectFrom('overrides').select(['field', 'value_json', 'author', 'at']).where('case_num', '=', num).orderBy('id').execute()
    ).map((o) => ({ field: o.field as EditableField, value: JSON.parse(o.value_json), author: o.author, at: o.at }));
    return { ...rec, versions, overrides, related: await this.related(id) };
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('cases').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Check the vocabulary filters of a query (the CLI and API validate too; this guards other callers). */
  private checkQuery(query: SearchQuery): void {
    const check = (values: readonly string[] | undefined, vocabulary: readonly string[]) => {
      for (const v of values ?? []) if (!vocabulary.includes(v)) throw new InvalidValueError(`unknown value: ${v}`);
    };
    check(query.categories, CATEGORIES);
    check(query.dataItems, DATA_ITEMS);
    check(query.authorities, AUTHORITIES);
  }

  /** Text matches from the database, then filters, facets and the page from the column index. */
  private async locate(db: Kysely<DB>, query: SearchQuery, offset: number, limit: number) {
    this.checkQuery(query);
    await this.index.sync(db);
    const terms = queryTerms(query.q);
    let matches: TextMatches | null = null;
    if (terms.length) {
      const found = await this.ops.textMatches(db, terms);
      matches = this.index.rankByFields(found.nums, terms, found.relevance);
    }
    return { terms, ...this.index.query(query, matches, offset, limit) };
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const limit = Math.max(0, Math.min(MAX_LIMIT, Math.floor(query.limit ?? 20)));
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const indexable = queryTerms(query.q).some((t) => [...t].length >= 3);
    return this.ops.readScope(this.db, indexable, async (db) => {
      const { terms, total, facets, page } = await this.locate(db, query, offset, limit);
      if (page.length === 0) return { total, hits: [], facets };
      const nums = page.map((p) => p.num);
      const rows = await db
        .selectFrom('cases')
        .innerJoin('case_docs', 'case_docs.num', 'cases.num')
        .select(['cases.num', 'id', 'title', 'organization', 'published_at', 'cat_mask', 'affected_count', 'leak_status', 'case_docs.search_text'])
        .where('cases.num', 'in', nums)
        .execute();
      const byNum = new Map(rows.map((r) => [Number(r.num), r]));
      const hits: SearchHit[] = [];
      for (const p of page) {
        const r = byNum.get(p.num);
        if (!r) continue;
        hits.push({
          id: r.id,
          title: r.title,
          organization: r.organization,
          publishedAt: r.published_at,
          categories: unmask(Number(r.cat_mask), CATEGORIES),
          affectedCount: r.affected_count === null ? null : Number(r.affected_count),
          leakStatus: (r.leak_status as SearchHit['leakStatus']) ?? null,
          // Snippet from the body: skip the title and organization lines that start search_text.
          snippet: makeSnippet(r.search_text.split('\n').slice(2).join('\n'), terms),
          score: p.score,
        });
      }
      return { total, hits, facets };
    });
  }

  async list(options: { limit?: number; offset?: number; query?: SearchQuery } = {}): Promise<CaseRecord[]> {
    const limit = Math.max(0, Math.min(MAX_LIMIT, Math.floor(options.limit ?? 100)));
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const query = { ...options.query, includeNonIncidents: options.query?.includeNonIncidents ?? true };
    const { page } = await this.locate(this.db, query, offset, limit);
    if (page.length === 0) return [];
    const records = await this.caseRecordsWithNum(this.caseQuery().where('cases.num', 'in', page.map((p) => p.num)));
    const order = new Map(page.map((p, i) => [p.num, i]));
    return records.sort((a, b) => (order.get(a.num) ?? 0) - (order.get(b.num) ?? 0)).map(({ num: _num, ...rest }) => rest);
  }

  async stats(by: StatsDimension): Promise<StatRow[]> {
    const termStat = async (kind: string, where: RawBuilder<unknown> = sql`1 = 1`) => {
      const r = await sql<{ key: string; n: number }>`
        SELECT t.value AS key, count(DISTINCT t.case_num) AS n FROM case_terms t JOIN cases c ON c.num = t.case_num
        WHERE t.kind = ${kind} AND c.is_incident = 1 AND ${where}
        GROUP BY t.value ORDER BY n DESC, t.value LIMIT 1000`.execute(this.db);
      return r.rows.map((x) => ({ key: x.key, count: Number(x.n) }));
    };
    const columnStat = async (expr: RawBuilder<unknown>, order: 'key' | 'count') => {
      const r = await sql<{ key: string; n: number }>`
        SELECT ${expr} AS key, count(*) AS n FROM cases c WHERE c.is_incident = 1
        GROUP BY ${expr} ORDER BY ${order === 'key' ? sql`key` : sql`n DESC, key`} LIMIT 1000`.execute(this.db);
      return r.rows.map((x) => ({ key: String(x.key), count: Number(x.n) }));
    };
    switch (by) {
      case 'month':
        return columnStat(sql`coalesce(substr(c.published_at, 1, 7), 'unknown')`, 'key');
      case 'category':
        return termStat('cat');
      case 'data-item':
        return termStat('item');
      case 'authority':
        return termStat('auth');
      case 'contractor':
        return termStat('cname');
      case 'organization':
        return columnStat(sql`coalesce(c.organization, 'unknown')`, 'count');
      case 'leak':
        return columnStat(sql`coalesce(c.leak_status, 'unknown')`, 'count');
      case 'affected-bucket': {
        const order = ['1-99', '100-999', '1000-9999', '10000-99999', '100000+', 'unknown'];
        const rows = await columnStat(
          sql`CASE WHEN c.affected_count IS NULL THEN 'unknown' WHEN c.affected_count < 100 THEN '1-99'
               WHEN c.affected_count < 1000 THEN '100-999' WHEN c.affected_count < 10000 THEN '1000-9999'
               WHEN c.affected_count < 100000 THEN '10000-99999' ELSE '100000+' END`,
          'count',
        );
        return rows.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
      }
      default:
        throw new InvalidValueError(`unknown stats dimension: ${String(by)}`);
    }
  }

  async related(id: string): Promise<RelatedCase[]> {
    const me = await this.db
      .selectFrom('cases')
      .innerJoin('case_docs', 'case_docs.num', 'cases.num')
      .select(['cases.num', 'case_docs.search_text', effectiveJson('case_docs').as('record_json')])
      .where('cases.id', '=', id)
      .executeTakeFirst();
    if (!me) throw new StoreError(`no case ${id}`);
    const found: { num: number; reason: string; detail: string }[] = [];

    // 1. Shared indicators of the attack.
    const iocs = await sql<{ num: number; value: string }>`
      SELECT DISTINCT o.case_num AS num, o.value FROM case_terms t
      JOIN case_terms o ON o.kind = 'ioc' AND o.value = t.value AND o.case_num <> t.case_num
      WHERE t.case_num = ${me.num} AND t.kind = 'ioc' LIMIT 500`.execute(this.db);
    for (const r of iocs.rows) found.push({ num: Number(r.num), reason: 'shared-indicator', detail: r.value.replace(/^[a-z0-9]+:/, '') });

    // 2. A shared contractor or vendor: named by both, or one case's contractor is the other's reporting organization.
    const record = JSON.parse(me.record_json) as Incident;
    const mine = new Map<string, { name: string; role: string }>();
    for (const p of record.otherOrganizations) {
      const k = orgKey(p.name);
      if (k && (p.role === 'contractor' || p.role === 'subcontractor' || p.role === 'vendor')) mine.set(k, p);
    }
    if (mine.size) {
      const rows = await this.db
        .selectFrom('case_terms')
        .select(['case_num', 'value'])
        .distinct()
        .where('kind', 'in', ['pkey', 'org'])
        .where('value', 'in', [...mine.keys()])
        .where('case_num', '<>', me.num)
        .limit(500)
        .execute();
      for (const r of rows) {
        const p = mine.get(r.value);
        if (p) found.push({ num: Number(r.case_num), reason: p.role === 'vendor' ? 'shared-vendor' : 'shared-contractor', detail: p.name });
      }
    }
    const myKey = orgKey(record.organization);
    if (myKey) {
      const rows = await this.db
        .selectFrom('case_terms')
        .select('case_num')
        .distinct()
        .where('kind', '=', 'pkey')
        .where('value', '=', myKey)
        .where('case_num', '<>', me.num)
        .limit(500)
        .execute();
      for (const r of rows) found.push({ num: Number(r.case_num), reason: 'shared-contractor', detail: record.organization ?? myKey });
    }

    // 3. Near-duplicate text: candidates share a minhash band; confirmed by exact shingle Jaccard.
    // Its bands are those of its stored text (they are written from it), so they are recomputed, not read.
    const bands = bandsOf(me.search_text);
    if (bands.length) {
      // A band shared by very many cases is boilerplate (a template's standard paragraphs), not a sign of the
      // same notice: such bands are skipped, so the cost per case page stays bounded as the casebook grows.
      const shared = new Map<number, number>();
      for (const band of bands) {
        const rows = await this.ops.casesWithBand(this.db, band, COMMON_BAND + 1);
        if (rows.length > COMMON_BAND) continue;
        for (const n of rows) if (n !== me.num) shared.set(n, (shared.get(n) ?? 0) + 1);
      }
      const cands = [...shared]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, 50)
        .map(([num]) => ({ case_num: num }));
      if (cands.length) {
        const mineSet = shingleSet(me.search_text);
        const texts = await this.db
          .selectFrom('case_docs')
          .select(['num', 'search_text'])
          .where('num', 'in', cands.map((c) => Number(c.case_num)))
          .execute();
        for (const t of texts) {
          const j = jaccard(mineSet, shingleSet(t.search_text));
          if (j >= NEAR_DUPLICATE) found.push({ num: Number(t.num), reason: 'near-duplicate', detail: `jaccard ${j.toFixed(2)}` });
        }
      }
    }

    if (found.length === 0) return [];
    const seen = new Set<string>();
    const unique = found.filter((f) => {
      const k = `${f.num}\u0000${f.reason}\u0000${f.detail}`;
      return seen.has(k) ? false : (seen.add(k), true);
    });
    const nums = [...new Set(unique.map((f) => f.num))];
    const info = new Map<number, { id: string; title: string }>();
    for (let i = 0; i < nums.length; i += 500) {
      for (const r of await this.db.selectFrom('cases').select(['num', 'id', 'title']).where('num', 'in', nums.slice(i, i + 500)).execute()) {
        info.set(Number(r.num), { id: r.id, title: r.title });
      }
    }
    return unique
      .map((f) => ({ id: info.get(f.num)?.id ?? '', title: info.get(f.num)?.title ?? '', reason: f.reason, detail: f.detail }))
      .filter((r) => r.id)
      .slice(0, 200);
  }

  // ---------------------------------------------------------------- maintenance

  /** Problems found by the database's own integrity check plus cross-table consistency (empty = fine). */
  async checkIntegrity(): Promise<string[]> {
    const problems = await this.ops.checkIntegrity(this.db);
    const orphans = await sql<{ n: number }>`SELECT count(*) AS n FROM cases c
      WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.case_num = c.num)`.execute(this.db);
    if (Number(orphans.rows[0].n) > 0) problems.push(`${orphans.rows[0].n} case(s) without a version`);
    const docless = await sql<{ n: number }>`SELECT count(*) AS n FROM cases c
      WHERE NOT EXISTS (SELECT 1 FROM case_docs d WHERE d.num = c.num)`.execute(this.db);
    if (Number(docless.rows[0].n) > 0) problems.push(`${docless.rows[0].n} case(s) without a record`);
    return problems;
  }

  /** Masks are bit positions in the vocabularies; if those lists changed, recompute them from the records. */
  async syncVocabulary(): Promise<void> {
    const meta = await this.db.selectFrom('store_meta').select('value').where('key', '=', 'vocab').executeTakeFirst();
    if (meta?.value === VOCAB_FINGERPRINT) return;
    await this.writeTransaction(async (trx, rev) => {
      if (meta) {
        let after = 0;
        for (;;) {
          const rows = await trx.selectFrom('case_docs').select(['num', effectiveJson('case_docs').as('record_json')]).where('num', '>', after).orderBy('num').limit(500).execute();
          if (!rows.length) break;
          for (const r of rows) {
            const rec = JSON.parse(r.record_json) as Incident;
            await trx.updateTable('cases').set({ cat_mask: catMask(rec), item_mask: itemMask(rec), auth_mask: authMask(rec), rev }).where('num', '=', r.num).execute();
          }
          after = Number(rows[rows.length - 1].num);
        }
        await trx.updateTable('store_meta').set({ value: VOCAB_FINGERPRINT }).where('key', '=', 'vocab').execute();
      } else {
        await trx.insertInto('store_meta').values({ key: 'vocab', value: VOCAB_FINGERPRINT }).execute();
      }
    });
  }

  async close(): Promise<void> {
    await this.ops.close();
  }
}
