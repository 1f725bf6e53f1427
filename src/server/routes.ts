// The API routes. Handlers stay thin: validate (schemas), call the app/store use case, shape the reply.
import type { FastifyInstance } from 'fastify';
import { buildSearchQuery, type RawSearchOptions } from '../app/index.js';
import { exportAtom, exportCsv, exportMisp, exportStix, exportVeris } from '../exchange/index.js';
import { extractIncidentBatch } from '../extract/index.js';
import type { EditableField } from '../model/index.js';
import { casesByMonthAndCategory, validateFieldValue, type Casebook, type StatsDimension, type TokenStore } from '../store/index.js';
import { HttpError } from './errors.js';
import { readNotice, type NoticeLimits } from './notice.js';
import {
  CaseId,
  CasePatch,
  ErrorReply,
  ExportParams,
  SearchParams,
  STAT_DIMENSIONS,
  StatsParams,
  TokenCreate,
  TokenIdParam,
  noticeBody,
  type ExportParams as ExportQuery,
  type SearchParams as SearchQueryParams,
} from './schemas.js';

export interface RouteOptions extends NoticeLimits {
  store: Casebook;
  tokens: TokenStore;
  version: string;
}

const errors = { 400: { $ref: 'Error#' }, 401: { $ref: 'Error#' }, 403: { $ref: 'Error#' } };

function rawSearch(q: Omit<SearchQueryParams, 'limit' | 'offset'>): RawSearchOptions {
  return {
    q: q.q, category: q.category, dataItem: q.dataItem, authority: q.authority, org: q.org,
    since: q.since, until: q.until, year: q.year, minAffected: q.minAffected, leak: q.leak, all: q.all,
  };
}

export function registerRoutes(app: FastifyInstance, o: RouteOptions): void {
  const { store } = o;
  app.addSchema(ErrorReply);

  app.get('/api/health', { schema: { summary: 'liveness', tags: ['meta'] } }, async () => ({ status: 'ok', version: o.version }));

  app.post('/api/extract', {
    config: { role: 'analyst' },
    schema: { summary: 'extract records from text, an uploaded file or a URL (nothing is stored)', tags: ['incidents'], body: noticeBody, response: errors },
  }, async (request) => {
    const docs = await readNotice(request, o);
    return { records: extractIncidentBatch(docs) };
  });

  app.post('/api/incidents', {
    config: { role: 'analyst' },
    schema: { summary: 'extract and store a notice (text, file or URL)', tags: ['incidents'], body: noticeBody },
  }, async (request, reply) => {
    const docs = await readNotice(request, o);
    const results = await store.ingestBatch(extractIncidentBatch(docs));
    reply.code(results.some((r) => r.outcome === 'new') ? 201 : 200);
    return { results };
  });

  app.get('/api/incidents', {
    config: { role: 'reader' },
    schema: { summary: 'search cases: full text, filters, facets with counts, paging', tags: ['incidents'], querystring: SearchParams, response: errors },
  }, async (request) => {
    const q = request.query as SearchQueryParams;
    const limit = q.limit ?? 20;
    const offset = q.offset ?? 0;
    const result = await store.search({ ...buildSearchQuery(rawSearch(q)), limit, offset });
    return { ...result, limit, offset };
  });

  app.get('/api/incidents/:id', {
    config: { role: 'reader' },
    schema: { summary: 'one case: record, evidence, provenance, versions, overrides, related cases', tags: ['incidents'], params: CaseId, response: errors },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const found = await store.get(id);
    if (!found) throw new HttpError(404, 'not_found', `no case ${id}`);
    return found;
  });

  app.patch('/api/incidents/:id', {
    config: { role: 'analyst' },
    schema: { summary: 'analyst correction: each field given is stored as an override', tags: ['incidents'], params: CaseId, body: CasePatch, response: errors },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const patch = request.body as CasePatch;
    if (!(await store.get(id))) throw new HttpError(404, 'not_found', `no case ${id}`);
    const fields = Object.entries(patch) as [EditableField, unknown][];
    for (const [field, value] of fields) validateFieldValue(field, value); // all checked before any is written
    const author = request.caller ? `${request.caller.name || 'token'}#${request.caller.id}` : 'anonymous';
    for (const [field, value] of fields) await store.setOverride(id, field, value, author);
    return store.get(id);
  });

  app.get('/api/stats', {
    config: { role: 'reader' },
    schema: { summary: 'counts for dashboards: by one dimension, or all of them', tags: ['stats'], querystring: StatsParams, response: errors },
  }, async (request) => {
    const { by } = request.query as { by?: StatsDimension };
    const dims: readonly StatsDimension[] = by ? [by] : STAT_DIMENSIONS;
    const stats: Record<string, unknown> = {};
    for (const d of dims) stats[d] = await store.stats(d);
    if (!by) stats['month-category'] = await casesByMonthAndCategory(store.db);
    return { total: await store.count(), stats };
  });

  app.get('/api/export', {
    config: { role: 'reader' },
    schema: { summary: 'export matching cases as STIX 2.1, MISP, VERIS, CSV or Atom', tags: ['exchange'], querystring: ExportParams, response: errors },
  }, async (request, reply) => {
    const q = request.query as ExportQuery;
    const cases = await store.list({ limit: q.limit ?? 1000, offset: 0, query: buildSearchQuery(rawSearch(q)) });
    const name = `jikenbo-export.${q.format === 'csv' ? 'csv' : q.format === 'atom' ? 'atom' : 'json'}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    switch (q.format) {
      case 'stix':
        return reply.type('application/json').send(exportStix(cases, { tlp: 'clear' }));
      case 'misp':
        return reply.type('application/json').send(exportMisp(cases, { tlp: 'clear' }));
      case 'veris':
        return reply.type('application/json').send(exportVeris(cases));
      case 'csv':
        return reply.type('text/csv; charset=utf-8').send(exportCsv(cases, { bom: true }));
      case 'atom':
        return reply.type('application/atom+xml; charset=utf-8').send(exportAtom(cases, { limit: q.limit ?? 1000 }));
    }
  });

  app.get('/api/tokens', { config: { role: 'admin' }, schema: { summary: 'list API tokens (never their secrets)', tags: ['admin'], response: errors } },
    async () => ({ tokens: await o.tokens.list() }));
  app.post('/api/tokens', {
    config: { role: 'admin' },
    schema: { summary: 'create a token; the secret is in this reply only', tags: ['admin'], body: TokenCreate },
  }, async (request, reply) => {
    const b = request.body as TokenCreate;
    const created = await o.tokens.create(b.role, b.name ?? '');
    reply.code(201);
    return created;
  });
  app.delete('/api/tokens/:id', { config: { role: 'admin' }, schema: { summary: 'revoke a token', tags: ['admin'], params: TokenIdParam, response: errors } },
    async (request) => {
      const { id } = request.params as { id: string };
      if (!(await o.tokens.revoke(id))) throw new HttpError(404, 'not_found', `no live token ${id}`);
      return { revoked: id };
    });
}
