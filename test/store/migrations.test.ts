// A database written by schema v1 (built here, row by row, as v1 wrote it) opens and upgrades in place.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, type Casebook } from '../../src/store/index.js';
import { BACKENDS, makeRecord, sha, type Backend } from './helpers.js';

describe.each(BACKENDS)('migrations ($name)', ({ name, make }) => {
  let backend: Backend;
  let store: Casebook | null = null;

  beforeEach(() => {
    backend = make();
  });
  afterEach(async () => {
    await store?.close();
    store = null;
    await backend.cleanup();
  });

  const v1Record = (organization: string, text: string) =>
    makeRecord({ organization, text, title: `${organization}のお知らせ`, categories: ['ransomware'], publishedAt: '2024-02-01' });

  async function writeV1Case(db: Casebook, id: string, seq: number, organization: string, text: string): Promise<void> {
    const r = v1Record(organization, text);
    const now = '2024-02-02T00:00:00.000Z';
    const searchText = [r.title, organization, text].join('\n').normalize('NFKC');
    const { num } = await db.db
      .insertInto('cases')
      .values({
        id, year: 2024, seq, stated: 0, org_key: organization, title: r.title, organization, published_at: r.publishedAt,
        affected_count: null, leak_status: null, is_incident: 1, cat_mask: 1, item_mask: 0, auth_mask: 0, rev: 0,
        created_at: now, updated_at: now,
      })
      .returning('num')
      .executeTakeFirstOrThrow();
    await db.db.insertInto('case_docs').values({ num, search_text: searchText, record_json: JSON.stringify(r) }).execute();
    await db.db
      .insertInto('versions')
      // the content key as v1 wrote it: the full digest of source and text
      .values({ case_num: num, content_key: sha(`${r.source.sha256}\u0000${sha(r.text)}`), record_hash: sha(JSON.stringify(r)), label: null, follow_up: 0, published_at: r.publishedAt, record_json: JSON.stringify(r), ingested_at: now, updated_at: now })
      .execute();
    await db.db.insertInto('case_terms').values([{ case_num: num, kind: 'cat', value: 'ransomware' }, { case_num: num, kind: 'org', value: organization }]).execute();
    if (name === 'sqlite') {
      await sql`INSERT INTO cases_fts (rowid, title, organization, search_text) VALUES (${num}, ${r.title}, ${organization}, ${searchText})`.execute(db.db);
    }
  }

  it('upgrades a v1 database: data kept, new structures backfilled, numbering continues', async () => {
    const v1 = await backend.open({ targetVersion: 1 });
    const body = '当社のファイルサーバーが第三者による不正アクセスを受け、ランサムウェアによりデータが暗号化されたことが判明いたしました。現在、外部の専門家と調査を進めております。';
    await writeV1Case(v1, '2024-001', 1, '甲商事', `甲商事より。${body}`);
    await writeV1Case(v1, '2024-002', 2, '乙商事', `乙商事より。${body}`);
    const tables = async (s: Casebook) =>
      (await s.db.selectFrom('schema_migrations').select('version').orderBy('version').execute()).map((r) => Number(r.version));
    expect(await tables(v1)).toEqual([1]);
    await v1.close();

    store = await backend.reopen();
    expect(await tables(store)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
    expect(await store.count()).toBe(2);
    expect((await store.get('2024-001'))?.record.organization).toBe('甲商事');
    expect((await store.search({ q: 'ランサムウェア' })).total).toBe(2);
    // v3 rebuilt the full-text index from the stored text, its term list (short queries) with it.
    expect((await store.search({ q: '甲' })).hits.map((h) => h.id)).toEqual(['2024-001']);
    // v2 added near-duplicate bands: the two cases now find each other.
    expect(await store.related('2024-001')).toContainEqual(expect.objectContaining({ id: '2024-002', reason: 'near-duplicate' }));
    // v3 shortened content keys in place: the same notice again is recognised, not a new case.
    const again = await store.ingest(v1Record('乙商事', `乙商事より。${body}`));
    expect(again).toMatchObject({ id: '2024-002', outcome: 'unchanged' });
    const next = await store.ingest(makeRecord({ text: '丙商事の通知', organization: '丙商事', publishedAt: '2024-05-05' }));
    expect(next.id).toBe('2024-003');
    expect(await store.checkIntegrity()).toEqual([]);
    await store.close();

    // Opening again applies nothing twice.
    store = await backend.reopen();
    expect(await tables(store)).toHaveLength(LATEST_VERSION);
  });

  it('refuses a database from a newer jikenbo with a clear message', async () => {
    const s = await backend.open();
    await s.db.insertInto('schema_migrations').values({ version: LATEST_VERSION + 50, applied_at: 'x' }).execute();
    await s.close();
    await expect(backend.reopen()).rejects.toThrow(/newer than this jikenbo/);
  });
});
