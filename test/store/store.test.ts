// One suite, run against SQLite (temp file) and PostgreSQL (JIKENBO_TEST_PG): the Store contract.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyIndicators } from '../../src/model/index.js';
import { InvalidValueError, type Casebook } from '../../src/store/index.js';
import { BACKENDS, goldRecords, makeRecord, sha, type Backend } from './helpers.js';

describe.each(BACKENDS)('store ($name)', ({ make }) => {
  let backend: Backend;
  let store: Casebook;

  beforeEach(async () => {
    backend = make();
    store = await backend.open();
  });
  afterEach(async () => {
    await store.close();
    await backend.cleanup();
  });

  describe('ingest', () => {
    it('is idempotent: the same source bytes twice make one record', async () => {
      const r = makeRecord();
      const first = await store.ingest(r);
      const second = await store.ingest(structuredClone(r));
      expect(first.outcome).toBe('new');
      expect(second).toEqual({ outcome: 'unchanged', id: first.id, version: 1 });
      expect(await store.count()).toBe(1);
      expect((await store.get(first.id))?.versions).toHaveLength(1);
    });

    it('re-extraction of the same notice updates auto values but never an analyst override', async () => {
      const r = makeRecord({ affectedCount: 10, leakStatus: 'possible' });
      const { id } = await store.ingest(r);
      await store.setOverride(id, 'leakStatus', 'confirmed', 'alice');
      const again = await store.ingest({ ...r, affectedCount: 12, leakStatus: 'none_confirmed' });
      expect(again).toMatchObject({ outcome: 'updated', id });
      const c = await store.get(id);
      expect(c?.record.affectedCount).toBe(12);
      expect(c?.record.leakStatus).toBe('confirmed');
      expect(c?.provenance.leakStatus).toBe('analyst');
      expect(c?.provenance.affectedCount).toBe('auto');
      expect(c?.versions).toHaveLength(1);
    });

    it('handles a repeated notice and a follow-up within one batch', async () => {
      const first = makeRecord({ organization: '株式会社バッチ', title: 'お知らせ（第1報）', text: 'バッチ 第1報', publishedAt: '2024-02-01' });
      const second = makeRecord({ organization: '株式会社バッチ', title: 'お知らせ（第2報）', text: 'バッチ 第2報', publishedAt: '2024-02-09' });
      const out = await store.ingestBatch([first, structuredClone(first), second]);
      expect(out.map((o) => o.outcome)).toEqual(['new', 'unchanged', 'updated']);
      expect(new Set(out.map((o) => o.id)).size).toBe(1);
      expect((await store.get(out[0].id))?.versions.map((v) => v.label)).toEqual(['第1報', '第2報']);
    });

    it('a batch is all or nothing', async () => {
      const good = makeRecord({ text: '一件目の通知 ランサムウェア被害' });
      const bad = { ...makeRecord({ text: '二件目' }), source: undefined } as unknown as ReturnType<typeof makeRecord>;
      await expect(store.ingestBatch([good, bad])).rejects.toThrow();
      expect(await store.count()).toBe(0);
      const ok = await store.ingestBatch([good, makeRecord({ text: '二件目の通知' })]);
      expect(ok.map((o) => o.outcome)).toEqual(['new', 'new']);
      expect(await store.count()).toBe(2);
    });
  });

  describe('case numbers', () => {
    it('keeps a stated number and numbers the rest YYYY-NNN by year of publication, sequentially', async () => {
      const a = await store.ingest(makeRecord({ text: 'A社の通知', organization: 'A社', publishedAt: '2024-02-01' }));
      const b = await store.ingest(makeRecord({ text: 'B社の通知', organization: 'B社', publishedAt: '2024-03-01' }));
      const c = await store.ingest(makeRecord({ text: 'C社の通知', organization: 'C社', publishedAt: '2023-12-24' }));
      const d = await store.ingest(makeRecord({ text: 'D社の通知', organization: 'D社', caseId: '2023-478', publishedAt: '2023-12-25' }));
      const e = await store.ingest(makeRecord({ text: 'E社の通知', organization: 'E社', publishedAt: '2023-12-26' }));
      expect([a.id, b.id, c.id, d.id]).toEqual(['2024-001', '2024-002', '2023-001', '2023-478']);
      expect(e.id).toBe('2023-479');
      // Numbers never change once given, whatever comes later.
      await store.ingest(makeRecord({ text: 'F社の通知', organization: 'F社', publishedAt: '2024-01-01' }));
      expect((await store.get('2024-001'))?.record.organization).toBe('A社');
      expect((await store.get('2024-003'))?.record.organization).toBe('F社');
    });

    it('numbers correctly within one batch, around stated numbers', async () => {
      const rec = (name: string, caseId: string | null = null) =>
        makeRecord({ text: `${name}の通知`, organization: name, caseId, publishedAt: '2023-06-01' });
      const out = await store.ingestBatch([rec('一社'), rec('二社', '2023-478'), rec('三社'), rec('四社', '2023-005'), rec('五社')]);
      expect(out.map((o) => o.id)).toEqual(['2023-001', '2023-478', '2023-479', '2023-005', '2023-480']);
      const next = await store.ingestBatch([rec('六社', '2023-002'), rec('七社')]);
      expect(next.map((o) => o.id)).toEqual(['2023-002', '2023-481']);
    });

    it('within one batch, a stated number met twice is one case, and a year counts stated numbers not yet written', async () => {
      const a = makeRecord({ text: '事件簿 初報', caseId: '2022-046', organization: 'Y社', publishedAt: '2022-05-01' });
      const b = makeRecord({ text: '事件簿 別の掲載', caseId: '2022-046', organization: 'Y社', publishedAt: '2022-06-01' });
      const c = makeRecord({ text: 'Z社の通知', organization: 'Z社', publishedAt: '2022-07-01' });
      const out = await store.ingestBatch([a, c, b]);
      expect(out.map((o) => [o.outcome, o.id, o.version])).toEqual([['new', '2022-046', 1], ['new', '2022-047', 1], ['updated', '2022-046', 2]]);
      expect(await store.count()).toBe(2);
    });

    it('a notice carrying an existing stated number becomes a version of that case', async () => {
      const first = await store.ingest(makeRecord({ text: '事件簿 初報', caseId: '2024-046', organization: 'X社' }));
      const next = await store.ingest(makeRecord({ text: '事件簿 別の掲載', caseId: '2024-046', organization: 'X社', publishedAt: '2024-06-01' }));
      expect(first.id).toBe('2024-046');
      expect(next).toMatchObject({ outcome: 'updated', id: '2024-046', version: 2 });
    });
  });

  describe('follow-up notices', () => {
    it('groups 第2報 and 最終報 of one organization into one case, newest values shown, every version kept', async () => {
      const org = '株式会社ミナト物流';
      const first = await store.ingest(
        makeRecord({ title: '不正アクセスに関するお知らせ（第1報）', organization: org, publishedAt: '2024-04-01', affectedCount: null, text: `${org} 第1報 サーバーに不正アクセス` }),
      );
      await store.ingest(makeRecord({ title: '別件', organization: '株式会社ほかの会社', publishedAt: '2024-04-10', text: '無関係な通知です' }));
      const second = await store.ingest(
        makeRecord({ title: '不正アクセスに関するお知らせ（第2報）', organization: 'ミナト物流株式会社', publishedAt: '2024-04-20', affectedCount: 1200, text: `${org} 第2報 調査の結果 1,200件` }),
      );
      const last = await store.ingest(
        makeRecord({ title: '不正アクセスに関する調査結果のご報告', organization: org, publishedAt: '2024-06-01', affectedCount: 1500, leakStatus: 'confirmed', text: `${org} 最終的な調査結果` }),
      );
      expect(second).toMatchObject({ outcome: 'updated', id: first.id, version: 2 });
      expect(last).toMatchObject({ outcome: 'updated', id: first.id, version: 3 });
      const c = await store.get(first.id);
      expect(c?.versions.map((v) => v.label)).toEqual(['第1報', '第2報', '調査結果']);
      expect(c?.versions.map((v) => v.record.affectedCount)).toEqual([null, 1200, 1500]);
      expect(c?.record.affectedCount).toBe(1500);
      expect(c?.record.leakStatus).toBe('confirmed');
      expect(await store.count()).toBe(2);
    });

    it('a notice citing an earlier notice joins that case; a follow-up of another organization does not', async () => {
      const a = await store.ingest(makeRecord({ organization: '株式会社アオバ', publishedAt: '2024-01-10', text: 'アオバ 不正アクセス 初回' }));
      const cite = await store.ingest(
        makeRecord({
          organization: '株式会社アオバ',
          publishedAt: '2024-02-10',
          title: '個人情報漏えいに関するお知らせ',
          text: '当社は、2024年1月10日付「不正アクセスについて」にて公表いたしましたとおり、調査を進めてまいりました。',
        }),
      );
      const other = await store.ingest(makeRecord({ organization: '株式会社ミドリ', publishedAt: '2024-02-11', title: 'お知らせ（第2報）', text: 'ミドリ 第2報' }));
      expect(cite).toMatchObject({ outcome: 'updated', id: a.id });
      expect(other.outcome).toBe('new');
    });

    it('a first notice ingested after its follow-up joins the follow-up case as version 1', async () => {
      const follow = await store.ingest(makeRecord({ organization: 'ナミキ株式会社', publishedAt: '2024-03-05', title: '続報：不正アクセスについて', text: 'ナミキ 続報', affectedCount: 50 }));
      const first = await store.ingest(makeRecord({ organization: 'ナミキ株式会社', publishedAt: '2024-03-01', title: '不正アクセスについて', text: 'ナミキ 初報', affectedCount: null }));
      expect(first).toMatchObject({ outcome: 'updated', id: follow.id, version: 1 });
      const c = await store.get(follow.id);
      expect(c?.versions.map((v) => v.record.publishedAt)).toEqual(['2024-03-01', '2024-03-05']);
      expect(c?.record.affectedCount).toBe(50);
    });
  });

  describe('analyst overrides', () => {
    it('records who and when, marks provenance, survives a new version, and validates against the vocabularies', async () => {
      const org = '株式会社ツバサ';
      const { id } = await store.ingest(makeRecord({ organization: org, categories: ['malware'], text: 'ツバサ 初報 マルウェア' }));
      const rec = await store.setOverride(id, 'categories', ['ransomware'], 'alice');
      expect(rec.record.categories).toEqual(['ransomware']);
      expect(rec.provenance.categories).toBe('analyst');
      expect(rec.provenance.title).toBe('auto');
      await store.ingest(makeRecord({ organization: org, publishedAt: '2024-05-09', title: 'お知らせ（第2報）', categories: ['malware', 'phishing'], text: 'ツバサ 第2報' }));
      const c = await store.get(id);
      expect(c?.versions).toHaveLength(2);
      expect(c?.record.categories).toEqual(['ransomware']);
      expect(c?.overrides).toEqual([{ field: 'categories', value: ['ransomware'], author: 'alice', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
      expect((await store.search({ categories: ['ransomware'] })).total).toBe(1);
      expect((await store.search({ categories: ['phishing'] })).total).toBe(0);

      await expect(store.setOverride(id, 'categories', ['not_a_category'], 'alice')).rejects.toBeInstanceOf(InvalidValueError);
      await expect(store.setOverride(id, 'publishedAt', '2024-02-30', 'alice')).rejects.toBeInstanceOf(InvalidValueError);
      await expect(store.setOverride(id, 'affectedCount', -1, 'alice')).rejects.toBeInstanceOf(InvalidValueError);
      await expect(store.setOverride(id, 'leakStatus', 'confirmed', '')).rejects.toBeInstanceOf(InvalidValueError);
      await expect(store.setOverride('1999-999', 'leakStatus', 'confirmed', 'alice')).rejects.toThrow(/no case/);
    });
  });

  describe('search', () => {
    beforeEach(async () => {
      await store.ingestBatch([
        makeRecord({ title: 'ランサムウェア被害に関するお知らせ', organization: '株式会社アサヒ製作所', publishedAt: '2024-01-15', categories: ['ransomware'], dataItems: ['name', 'email'], affectedCount: 5000, leakStatus: 'possible', authoritiesNotified: ['ppc'], text: 'アサヒ製作所のサーバーがランサムウェアに感染しました。氏名とメールアドレスが暗号化されました。' }),
        makeRecord({ title: '不正アクセスに関するお知らせ', organization: '株式会社ヒカリ', publishedAt: '2023-07-01', categories: ['unauthorized_access'], dataItems: ['name', 'credit_card'], affectedCount: 120, leakStatus: 'confirmed', text: 'ヒカリのECサイトが不正アクセスを受けました。調査の結果、ランサムウェアではないことを確認しています。' }),
        makeRecord({ title: 'メール誤送信のお詫び', organization: '市立みどり病院', publishedAt: '2024-08-20', categories: ['email_misdelivery'], dataItems: ['email'], affectedCount: 30, leakStatus: 'confirmed', text: '職員がBCCを使わずにメールを送信し、患者様30名のメールアドレスが表示されました。' }),
        makeRecord({ title: '無関係', isIncident: false, organization: '株式会社ソラ', categories: [], text: '新製品のお知らせ。ランサムウェア対策ソフトを発売します。' }),
      ]);
    });

    it('finds Japanese text by trigram, ranks a title hit first, and returns snippets as segments', async () => {
      const r = await store.search({ q: 'ランサムウェア' });
      expect(r.total).toBe(2); // the product note is not an incident
      expect(r.hits[0].organization).toBe('株式会社アサヒ製作所');
      expect(r.hits[0].score).toBeGreaterThan(r.hits[1].score);
      for (const h of r.hits) {
        const hits = h.snippet.filter((s) => s.hit).map((s) => s.text);
        expect(hits.length).toBeGreaterThan(0);
        expect(hits.every((t) => t === 'ランサムウェア')).toBe(true);
        expect(h.snippet.map((s) => s.text).join('')).not.toMatch(/<[a-z]/i);
      }
      expect((await store.search({ q: 'ランサムウェア', includeNonIncidents: true })).total).toBe(3);
    });

    it('a title hit outranks a text that only repeats the term', async () => {
      // Many texts without the term make it rare, so BM25 rates the repetition highly.
      await store.ingestBatch(Array.from({ length: 40 }, (_, i) => makeRecord({ organization: `別社${i}`, text: `別社${i}の設備点検のお知らせ。` })));
      await store.ingest(makeRecord({ title: 'システム障害のお知らせ', organization: '株式会社ツバサ', publishedAt: '2024-09-01', text: 'ランサムウェア'.repeat(12) }));
      const r = await store.search({ q: 'ランサムウェア' });
      expect(r.hits.map((h) => h.organization).slice(0, 1)).toEqual(['株式会社アサヒ製作所']);
      expect(r.hits.map((h) => h.organization)).toContain('株式会社ツバサ');
    });

    it('normalizes the query (full-width) and requires every term', async () => {
      expect((await store.search({ q: 'ＢＣＣ' })).hits.map((h) => h.organization)).toEqual(['市立みどり病院']);
      expect((await store.search({ q: 'ランサムウェア アサヒ' })).total).toBe(1);
      expect((await store.search({ q: 'ランサムウェア 存在しない語' })).total).toBe(0);
    });

    it('falls back to substring matching for 1–2 character queries', async () => {
      const r = await store.search({ q: '病院' });
      expect(r.hits.map((h) => h.organization)).toEqual(['市立みどり病院']);
      expect((await store.search({ q: '氏' })).total).toBe(1);
      expect((await store.search({ q: '%' })).total).toBe(0);
    });

    it('finds a short term at the very end of a text, and ignores case for ASCII', async () => {
      await store.ingest(makeRecord({ title: 'お知らせ', organization: '某所', text: '受付端末の障害。場所は東病院', publishedAt: '2022-01-01' }));
      await store.ingest(makeRecord({ title: 'お知らせ', organization: '別所', text: '管理画面のIDが漏れた', publishedAt: '2022-01-02' }));
      expect((await store.search({ q: '病院' })).hits.map((h) => h.organization).sort()).toEqual(['市立みどり病院', '某所'].sort());
      expect((await store.search({ q: 'id' })).hits.map((h) => h.organization)).toEqual(['別所']);
      expect((await store.search({ q: 'Ｉｄ 漏れ' })).hits.map((h) => h.organization)).toEqual(['別所']);
      // a term that mixes letters and kana still ignores case; a kana-only term of three or more characters too
      expect((await store.search({ q: '管理画面のid' })).hits.map((h) => h.organization)).toEqual(['別所']);
      expect((await store.search({ q: '受付端末' })).hits.map((h) => h.organization)).toEqual(['某所']);
    });

    it('treats query syntax in user input as plain text', async () => {
      for (const q of ['"', 'ラン"サム', 'NEAR(a b)', 'a OR b', '* ^', "'; DROP TABLE cases; --", '_']) {
        const r = await store.search({ q });
        expect(r.total).toBe(0);
      }
      expect(await store.count()).toBe(4);
    });

    it('filters by category, data item, authority, organization, dates, affected count and leak status', async () => {
      const orgs = async (q: Parameters<Casebook['search']>[0]) => (await store.search(q)).hits.map((h) => h.organization).sort();
      expect(await orgs({ categories: ['ransomware'] })).toEqual(['株式会社アサヒ製作所']);
      expect(await orgs({ dataItems: ['email'] })).toEqual(['市立みどり病院', '株式会社アサヒ製作所'].sort());
      expect(await orgs({ dataItems: ['email', 'name'] })).toEqual(['株式会社アサヒ製作所']);
      expect(await orgs({ authorities: ['ppc'] })).toEqual(['株式会社アサヒ製作所']);
      expect(await orgs({ org: 'ヒカリ' })).toEqual(['株式会社ヒカリ']);
      expect(await orgs({ since: '2024-01-01' })).toEqual(['市立みどり病院', '株式会社アサヒ製作所'].sort());
      expect(await orgs({ until: '2024-01-31' })).toEqual(['株式会社アサヒ製作所', '株式会社ヒカリ'].sort());
      expect(await orgs({ year: 2023 })).toEqual(['株式会社ヒカリ']);
      expect(await orgs({ minAffected: 100 })).toEqual(['株式会社アサヒ製作所', '株式会社ヒカリ'].sort());
      expect(await orgs({ leak: 'confirmed', q: 'メール' })).toEqual(['市立みどり病院']);
    });

    it('counts facets over the whole result set, not just the page', async () => {
      const r = await store.search({ limit: 1 });
      expect(r.hits).toHaveLength(1);
      expect(r.total).toBe(3);
      expect(r.facets.leakStatus).toEqual({ confirmed: 2, possible: 1 });
      expect(r.facets.dataItem).toEqual({ name: 2, email: 2, credit_card: 1 });
      expect(r.facets.year).toEqual({ '2023': 1, '2024': 2 });
      expect(r.facets.category).toEqual({ ransomware: 1, unauthorized_access: 1, email_misdelivery: 1 });
      expect(r.facets.authority).toEqual({ ppc: 1 });
      // With no query, newest first.
      expect(r.hits[0].publishedAt).toBe('2024-08-20');
      const page2 = await store.search({ limit: 1, offset: 1 });
      expect(page2.hits[0].publishedAt).toBe('2024-01-15');
    });

    it('sees writes made through another connection (search keeps no stale state)', async () => {
      const other = await backend.reopen();
      try {
        expect((await other.search({ categories: ['ransomware'] })).total).toBe(1);
        const { id } = await store.ingest(makeRecord({ organization: '株式会社あとから', categories: ['ransomware'], text: 'あとから来たランサムウェア被害', publishedAt: '2024-09-01' }));
        expect((await other.search({ categories: ['ransomware'] })).total).toBe(2);
        expect((await other.search({ q: 'あとから' })).hits.map((h) => h.id)).toEqual([id]);
        await store.setOverride(id, 'categories', ['phishing'], 'bob');
        await store.setOverride(id, 'isIncident', false, 'bob');
        expect((await other.search({ categories: ['ransomware'] })).total).toBe(1);
        expect((await other.search({ categories: ['phishing'], includeNonIncidents: true })).hits.map((h) => h.id)).toEqual([id]);
        expect((await other.search({})).facets.category).toEqual({ ransomware: 1, unauthorized_access: 1, email_misdelivery: 1 });
      } finally {
        await other.close();
      }
    });

    it('lists and counts every case for exporters', async () => {
      expect(await store.count()).toBe(4);
      const all = await store.list();
      expect(all).toHaveLength(4);
      expect(all.every((c) => c.provenance.title === 'auto')).toBe(true);
      expect((await store.list({ limit: 2, offset: 3 })).length).toBe(1);
      expect((await store.list({ query: { categories: ['ransomware'] } })).map((c) => c.record.organization)).toEqual(['株式会社アサヒ製作所']);
    });
  });

  describe('stats', () => {
    it('counts incidents by month, category, data item, organization, authority, contractor, leak and size', async () => {
      await store.ingestBatch([
        makeRecord({ text: 'n1', organization: '甲社', publishedAt: '2024-01-05', categories: ['ransomware', 'supply_chain'], dataItems: ['name'], authoritiesNotified: ['ppc', 'police'], otherOrganizations: [{ name: '株式会社委託先システムズ', role: 'contractor' }], leakStatus: 'possible', affectedCount: 150 }),
        makeRecord({ text: 'n2', organization: '乙社', publishedAt: '2024-01-20', categories: ['ransomware'], dataItems: ['name', 'address'], authoritiesNotified: ['ppc'], otherOrganizations: [{ name: '株式会社委託先システムズ', role: 'contractor' }], affectedCount: 15000 }),
        makeRecord({ text: 'n3', organization: '甲社', publishedAt: '2024-03-01', categories: ['phishing'] }),
        makeRecord({ text: 'n4', organization: '丙社', isIncident: false, publishedAt: '2024-03-01', categories: [] }),
      ]);
      expect(await store.stats('month')).toEqual([{ key: '2024-01', count: 2 }, { key: '2024-03', count: 1 }]);
      expect(await store.stats('category')).toEqual([
        { key: 'ransomware', count: 2 },
        { key: 'phishing', count: 1 },
        { key: 'supply_chain', count: 1 },
      ]);
      expect(await store.stats('data-item')).toEqual([{ key: 'name', count: 2 }, { key: 'address', count: 1 }]);
      expect(await store.stats('organization')).toEqual([{ key: '甲社', count: 2 }, { key: '乙社', count: 1 }]);
      expect(await store.stats('authority')).toEqual([{ key: 'ppc', count: 2 }, { key: 'police', count: 1 }]);
      expect(await store.stats('contractor')).toEqual([{ key: '株式会社委託先システムズ', count: 2 }]);
      expect(await store.stats('leak')).toEqual([{ key: 'unknown', count: 2 }, { key: 'possible', count: 1 }]);
      expect(await store.stats('affected-bucket')).toEqual([
        { key: '100-999', count: 1 },
        { key: '10000-99999', count: 1 },
        { key: 'unknown', count: 1 },
      ]);
    });
  });

  describe('related', () => {
    it('finds cases sharing an indicator, a contractor, or near-duplicate text, each with the reason', async () => {
      const c2 = '株式会社イーストシステム';
      const base = 'このたび、当社が業務を委託している外部事業者のサーバーがランサムウェアに感染し、当社のお客様情報が暗号化された可能性があることが判明いたしました。現在、外部専門機関と連携して調査を進めております。';
      const [a, b, c, d, e] = await store.ingestBatch([
        makeRecord({ organization: '北町市', text: `北町市からのお知らせ。${base}`, otherOrganizations: [{ name: c2, role: 'contractor' }] }),
        makeRecord({ organization: '南町', text: '南町のお知らせ。委託先で障害が発生しました。詳細は調査中です。', otherOrganizations: [{ name: 'イーストシステム株式会社', role: 'contractor' }] }),
        makeRecord({ organization: c2, text: '当社サーバーへのランサムウェア攻撃について。複数の取引先のデータに影響が及ぶおそれがあります。' }),
        makeRecord({ organization: '西町', text: 'フィッシングサイトに関する注意喚起。偽サイトのドメインに注意してください。', indicators: { ...emptyIndicators(), domains: ['evil-login.example'] } }),
        makeRecord({ organization: '東町', text: `東町からのお知らせ。${base}`, indicators: { ...emptyIndicators(), domains: ['evil-login.example'] } }),
      ]);
      const rel = await store.related(a.id);
      expect(rel).toContainEqual({ id: b.id, title: expect.any(String), reason: 'shared-contractor', detail: c2 });
      expect(rel).toContainEqual({ id: c.id, title: expect.any(String), reason: 'shared-contractor', detail: c2 });
      expect(rel).toContainEqual(expect.objectContaining({ id: e.id, reason: 'near-duplicate', detail: expect.stringMatching(/^jaccard 0\.\d\d$/) }));
      expect(rel.some((r) => r.id === d.id)).toBe(false);
      // The contractor's own notice points back at its clients.
      expect((await store.related(c.id)).filter((r) => r.reason === 'shared-contractor').map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
      expect(await store.related(d.id)).toEqual([{ id: e.id, title: expect.any(String), reason: 'shared-indicator', detail: 'evil-login.example' }]);
      expect((await store.get(d.id))?.related).toHaveLength(1);
    });

    it('still finds a near-duplicate among hundreds of cases that share a boilerplate paragraph', async () => {
      // (related() skips minhash bands common to very many cases; the bench shows what that saves)
      const boilerplate = '本件に関するお問い合わせは下記の窓口までお願いいたします。受付時間は平日9時から17時までです。';
      const topics = ['書類の紛失', 'メールの誤送信', 'FAXの誤送信', '端末の盗難', 'サイトの改ざん'];
      const many = Array.from({ length: 230 }, (_, i) =>
        makeRecord({ organization: `見本町${i}`, text: `見本町${i}における${topics[i % 5]}について(整理番号${i * 37})。${boilerplate}`, publishedAt: '2023-01-01' }),
      );
      const copies = await store.ingestBatch(many);
      expect(new Set(copies.map((c) => c.id)).size).toBe(230);
      const base = 'このたび、当社が業務を委託している外部事業者のサーバーがランサムウェアに感染し、当社のお客様情報が暗号化された可能性があることが判明いたしました。';
      const [x, y] = await store.ingestBatch([
        makeRecord({ organization: '北町市', text: `北町市からのお知らせ。${base}${boilerplate}` }),
        makeRecord({ organization: '東町', text: `東町からのお知らせ。${base}${boilerplate}` }),
      ]);
      expect((await store.related(x.id)).map((r) => r.id)).toEqual([y.id]);
    });
  });

  it('stores the labelled corpus and finds each notice by its organization', async () => {
    const records = goldRecords();
    const results = await store.ingestBatch(records);
    expect(new Set(results.map((r) => r.id)).size).toBeGreaterThan(0);
    const stated = records.filter((r) => r.caseId);
    for (const r of stated) expect(results.map((x) => x.id)).toContain(r.caseId);
    for (const r of records.filter((x) => x.isIncident && x.organization)) {
      const found = await store.search({ q: r.organization as string, includeNonIncidents: true, limit: 50 });
      expect(found.hits.map((h) => h.organization)).toContain(r.organization);
    }
    expect(await store.checkIntegrity()).toEqual([]);
    expect(sha('x')).toHaveLength(64);
  });
});
