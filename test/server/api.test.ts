// API tests through fastify.inject: auth (no token, wrong role, anonymous flag), bad input, every endpoint.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/index.js';
import { openStore, TokenStore, type Casebook } from '../../src/store/index.js';

const NOTICE = [
  '不正アクセスによる個人情報漏えいのお知らせ',
  '2024年5月10日',
  '株式会社テスト商事',
  '当社が運営するオンラインショップのサーバーが第三者による不正アクセスを受け、ランサムウェアに感染しました。',
  'お客様の氏名、住所、電話番号、メールアドレス約1,234件が漏えいした可能性があります。',
  'なお、クレジットカード情報は含まれておりません。',
  '本件は個人情報保護委員会へ報告し、警察に相談しております。',
].join('\n');

let store: Casebook;
let app: FastifyInstance;
let anon: FastifyInstance;
const tok: Record<'reader' | 'analyst' | 'admin', string> = { reader: '', analyst: '', admin: '' };
const auth = (role: keyof typeof tok) => ({ authorization: `Bearer ${tok[role]}` });
let caseId = '';

beforeAll(async () => {
  store = await openStore(':memory:');
  const tokens = new TokenStore(store.db);
  for (const role of ['reader', 'analyst', 'admin'] as const) tok[role] = (await tokens.create(role, `test ${role}`)).token;
  app = await createServer({ store, webRoot: null, bodyLimit: 64 * 1024, maxUploadBytes: 32 * 1024 });
  anon = await createServer({ store, webRoot: null, anonymousRead: true });
  const r = await app.inject({ method: 'POST', url: '/api/incidents', headers: auth('analyst'), payload: { text: NOTICE } });
  expect(r.statusCode).toBe(201);
  caseId = r.json().results[0].id;
});

afterAll(async () => {
  await app.close();
  await anon.close();
  await store.close();
});

describe('auth', () => {
  it('refuses requests without a token', async () => {
    for (const url of ['/api/incidents', `/api/incidents/${caseId}`, '/api/stats', '/api/export?format=csv']) {
      const r = await app.inject({ url });
      expect(r.statusCode, url).toBe(401);
      expect(r.json().error.code).toBe('unauthorized');
    }
  });

  it('refuses unknown and malformed tokens', async () => {
    expect((await app.inject({ url: '/api/incidents', headers: { authorization: 'Bearer jkb_nope_nope' } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/incidents', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
  });

  it('refuses a role below the route', async () => {
    const r = await app.inject({ method: 'PATCH', url: `/api/incidents/${caseId}`, headers: auth('reader'), payload: { leakStatus: 'confirmed' } });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('forbidden');
    expect((await app.inject({ method: 'POST', url: '/api/extract', headers: auth('reader'), payload: { text: NOTICE } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/tokens', headers: auth('analyst') })).statusCode).toBe(403);
  });

  it('allows anonymous reads only with the flag, and never writes', async () => {
    expect((await anon.inject({ url: '/api/incidents' })).statusCode).toBe(200);
    expect((await anon.inject({ url: `/api/incidents/${caseId}` })).statusCode).toBe(200);
    expect((await anon.inject({ method: 'POST', url: '/api/incidents', payload: { text: NOTICE } })).statusCode).toBe(401);
    expect((await anon.inject({ method: 'PATCH', url: `/api/incidents/${caseId}`, payload: { title: 'x' } })).statusCode).toBe(401);
    // a non-loopback client is not anonymous-eligible
    expect((await anon.inject({ url: '/api/incidents', remoteAddress: '192.0.2.7' })).statusCode).toBe(401);
  });

  it('refuses anonymous access on a non-loopback host', async () => {
    await expect(createServer({ store, webRoot: null, anonymousRead: true, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('revoked tokens stop working; admins manage tokens without seeing secrets', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/tokens', headers: auth('admin'), payload: { role: 'reader', name: 'temp' } });
    expect(created.statusCode).toBe(201);
    const { token, info } = created.json();
    expect((await app.inject({ url: '/api/incidents', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    const list = await app.inject({ url: '/api/tokens', headers: auth('admin') });
    expect(list.body).not.toContain(token);
    expect(list.json().tokens.map((t: { id: string }) => t.id)).toContain(info.id);
    expect((await app.inject({ method: 'DELETE', url: `/api/tokens/${info.id}`, headers: auth('admin') })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/incidents', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });

  it('stores only hashes of tokens', async () => {
    const rows = await store.db.selectFrom('api_tokens' as never).selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(tok.reader.slice(10));
  });
});

describe('endpoints', () => {
  it('health and OpenAPI are public; the document lists every route with its schemas', async () => {
    expect((await app.inject({ url: '/api/health' })).json().status).toBe('ok');
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/extract', '/api/incidents', '/api/incidents/{id}', '/api/stats', '/api/export']) expect(doc.paths[p], p).toBeDefined();
    const patch = doc.paths['/api/incidents/{id}'].patch.requestBody.content['application/json'].schema;
    expect(patch.additionalProperties).toBe(false);
    expect(JSON.stringify(patch.properties.leakStatus)).toContain('none_confirmed');
  });

  it('extract previews without storing', async () => {
    const before = await store.count();
    const r = await app.inject({ method: 'POST', url: '/api/extract', headers: auth('analyst'), payload: { text: NOTICE.replace('1,234', '4,321') } });
    expect(r.statusCode).toBe(200);
    const rec = r.json().records[0];
    expect(rec.affectedCount).toBe(4321);
    expect(rec.evidence.affectedCount.length).toBeGreaterThan(0);
    expect(await store.count()).toBe(before);
  });

  it('extract accepts a multipart file upload', async () => {
    const form = new FormData();
    form.append('file', new Blob([NOTICE]), 'notice.txt');
    const r = await app.inject({ method: 'POST', url: '/api/extract', headers: auth('analyst'), payload: form });
    expect(r.statusCode).toBe(200);
    expect(r.json().records[0].title).toContain('不正アクセス');
    expect(r.json().records[0].source.path).toBe('notice.txt');
  });

  it('search returns hits with snippet segments, facets and paging', async () => {
    const r = await app.inject({ url: '/api/incidents?q=ランサムウェア&limit=5', headers: auth('reader') });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.total).toBe(1);
    expect(body.hits[0].id).toBe(caseId);
    expect(body.hits[0].snippet.some((s: { hit: boolean; text: string }) => s.hit && s.text.includes('ランサムウェア'))).toBe(true);
    expect(body.facets.category.ransomware).toBe(1);
    expect(body.limit).toBe(5);
    const filtered = await app.inject({ url: '/api/incidents?category=email_misdelivery', headers: auth('reader') });
    expect(filtered.json().total).toBe(0);
    const page2 = await app.inject({ url: '/api/incidents?offset=1', headers: auth('reader') });
    expect(page2.json().hits).toHaveLength(0);
  });

  it('case detail has evidence, versions and provenance; 404 for unknown ids', async () => {
    const r = await app.inject({ url: `/api/incidents/${caseId}`, headers: auth('reader') });
    const c = r.json();
    expect(c.record.text).toContain('不正アクセス');
    expect(c.versions.length).toBe(1);
    expect(c.provenance.affectedCount).toBe('auto');
    expect(Array.isArray(c.related)).toBe(true);
    const missing = await app.inject({ url: '/api/incidents/1999-999', headers: auth('reader') });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
  });

  it('PATCH stores an analyst override and marks provenance', async () => {
    const r = await app.inject({ method: 'PATCH', url: `/api/incidents/${caseId}`, headers: auth('analyst'), payload: { affectedCount: 2000, leakStatus: 'confirmed' } });
    expect(r.statusCode).toBe(200);
    const c = r.json();
    expect(c.record.affectedCount).toBe(2000);
    expect(c.provenance.affectedCount).toBe('analyst');
    expect(c.provenance.title).toBe('auto');
    expect(c.overrides.some((o: { author: string }) => o.author.includes('test analyst'))).toBe(true);
  });

  it('stats gives every dimension and month × category', async () => {
    const r = await app.inject({ url: '/api/stats', headers: auth('reader') });
    const s = r.json();
    expect(s.total).toBe(1);
    expect(s.stats.category.find((x: { key: string }) => x.key === 'ransomware').count).toBe(1);
    expect(s.stats['month-category'].some((x: { category: string }) => x.category === 'ransomware')).toBe(true);
    expect((await app.inject({ url: '/api/stats?by=leak', headers: auth('reader') })).json().stats.leak[0].key).toBe('confirmed');
  });

  it('export returns each format', async () => {
    const stix = await app.inject({ url: '/api/export?format=stix', headers: auth('reader') });
    expect(stix.json().type).toBe('bundle');
    const csv = await app.inject({ url: '/api/export?format=csv', headers: auth('reader') });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(caseId);
    expect((await app.inject({ url: '/api/export?format=misp', headers: auth('reader') })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/export?format=veris', headers: auth('reader') })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/export?format=atom', headers: auth('reader') })).body).toContain('<feed');
    expect((await app.inject({ url: '/api/export?format=pdf', headers: auth('reader') })).statusCode).toBe(400);
  });
});

describe('bad input', () => {
  const expectError = (r: { statusCode: number; json(): { error: { code: string; message: string } }; body: string }, status: number, code: string) => {
    expect(r.statusCode).toBe(status);
    expect(r.json().error.code).toBe(code);
    expect(r.body).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack traces
  };

  it('invalid JSON', async () => {
    expectError(await app.inject({ method: 'POST', url: '/api/extract', headers: { ...auth('analyst'), 'content-type': 'application/json' }, payload: '{"text": ' }), 400, 'invalid_json');
  });

  it('oversized bodies and uploads', async () => {
    expectError(await app.inject({ method: 'POST', url: '/api/extract', headers: auth('analyst'), payload: { text: 'あ'.repeat(70_000) } }), 413, 'payload_too_large');
    const form = new FormData();
    form.append('file', new Blob(['あ'.repeat(20_000)]), 'big.txt');
    expectError(await app.inject({ method: 'POST', url: '/api/extract', headers: auth('analyst'), payload: form }), 413, 'payload_too_large');
  });

  it('unknown fields and vocabulary values', async () => {
    expectError(await app.inject({ method: 'PATCH', url: `/api/incidents/${caseId}`, headers: auth('analyst'), payload: { nonsense: 1 } }), 400, 'invalid_request');
    expectError(await app.inject({ method: 'PATCH', url: `/api/incidents/${caseId}`, headers: auth('analyst'), payload: { categories: ['alien_attack'] } }), 400, 'invalid_request');
    expectError(await app.inject({ method: 'PATCH', url: `/api/incidents/${caseId}`, headers: auth('analyst'), payload: {} }), 400, 'invalid_request');
    expectError(await app.inject({ method: 'POST', url: '/api/extract', headers: auth('analyst'), payload: { text: NOTICE, extra: true } }), 400, 'invalid_request');
    expectError(await app.inject({ url: '/api/incidents?category=alien_attack', headers: auth('reader') }), 400, 'invalid_value');
    expectError(await app.inject({ url: '/api/incidents?limit=100000', headers: auth('reader') }), 400, 'invalid_request');
    expectError(await app.inject({ url: '/api/incidents?sort=evil', headers: auth('reader') }), 400, 'invalid_request');
  });

  it('a failed PATCH writes nothing', async () => {
    const before = (await app.inject({ url: `/api/incidents/${caseId}`, headers: auth('reader') })).json().record.title;
    const r = await app.inject({ method: 'PATCH', url: `/api/incidents/${caseId}`, headers: auth('analyst'), payload: { title: 'changed', occurredFrom: '2024/01/01' } });
    expect(r.statusCode).toBe(400);
    expect((await app.inject({ url: `/api/incidents/${caseId}`, headers: auth('reader') })).json().record.title).toBe(before);
  });

  it('neither text nor url, or a non-http url', async () => {
    expectError(await app.inject({ method: 'POST', url: '/api/extract', headers: auth('analyst'), payload: {} }), 400, 'invalid_request');
    expectError(await app.inject({ method: 'POST', url: '/api/extract', headers: auth('analyst'), payload: { url: 'file:///etc/passwd' } }), 400, 'invalid_request');
    expectError(await app.inject({ method: 'POST', url: '/api/extract', headers: auth('analyst'), payload: { text: '   ' } }), 400, 'invalid_request');
  });

  it('a URL preview never fetches private addresses (no SSRF into the host network)', async () => {
    for (const url of ['http://127.0.0.1:1/notice.html', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/x']) {
      const r = await app.inject({ method: 'POST', url: '/api/extract', headers: auth('analyst'), payload: { url } });
      expectError(r, 422, 'unreadable_input');
    }
  });

  it('an uploaded HTML page is read by the HTML reader', async () => {
    const form = new FormData();
    form.append('file', new Blob(['<html><head><title>t</title></head><body><main><h1>不正アクセスに関するお知らせ</h1><p>当社サーバーが不正アクセスを受けました。</p></main></body></html>']), 'n.html');
    const r = await app.inject({ method: 'POST', url: '/api/extract', headers: auth('analyst'), payload: form });
    expect(r.statusCode).toBe(200);
    expect(r.json().records[0].text).not.toContain('<p>');
    expect(r.json().records[0].source.mediaType).toBe('text/html');
  });

  it('unknown API routes are JSON 404s with security headers', async () => {
    const r = await app.inject({ url: '/api/nothing' });
    expectError(r, 404, 'not_found');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('static UI', () => {
  it('serves the built UI with the CSP, long-lived hashed assets and a JSON 404 for unknown API paths', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const root = await mkdtemp(join(tmpdir(), 'jikenbo-web-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title><script type="module" src="/assets/a-123.js"></script>');
    await writeFile(join(root, 'assets', 'a-123.js'), 'export {}');
    const web = await createServer({ store, webRoot: root });
    try {
      const index = await web.inject({ url: '/' });
      expect(index.statusCode).toBe(200);
      expect(index.headers['content-security-policy']).toContain("default-src 'self'");
      expect(String(index.headers['cache-control'])).not.toContain('immutable');
      const asset = await web.inject({ url: '/assets/a-123.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
      expect((await web.inject({ url: '/api/nope' })).json().error.code).toBe('not_found');
      expect((await web.inject({ url: '/../../etc/passwd' })).statusCode).toBe(404);
    } finally {
      await web.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
