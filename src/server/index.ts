// The HTTP server: the JSON API under /api and the built web UI (web/dist) from one Fastify process.
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TokenStore, type Casebook } from '../store/index.js';
import { installAuth, isLoopbackHost } from './auth.js';
import { errorHandler, sendError } from './errors.js';
import { registerRoutes } from './routes.js';
import { addSecurityHeaders } from './security.js';

export { isLoopbackHost } from './auth.js';
export { CONTENT_SECURITY_POLICY } from './security.js';

export interface ServerOptions {
  store: Casebook;
  /** defaults to tokens kept in the store's database */
  tokens?: TokenStore;
  /** the address the server will listen on; anonymous access is refused unless it is loopback */
  host?: string;
  /** let token-less callers on loopback search and read (never write) */
  anonymousRead?: boolean;
  /** folder of the built UI; default web/dist of the package, null to serve the API only */
  webRoot?: string | null;
  /** JSON body limit in bytes (default 4 MiB) */
  bodyLimit?: number;
  /** upload / fetched page limit in bytes (default 20 MiB) */
  maxUploadBytes?: number;
  /** per-request time limit in ms (default 30 s) */
  requestTimeoutMs?: number;
  logger?: boolean;
}

const pkgRoot = new URL('../../', import.meta.url);
const version = (JSON.parse(readFileSync(new URL('package.json', pkgRoot), 'utf8')) as { version: string }).version;

export function defaultWebRoot(): string {
  return fileURLToPath(new URL('web/dist/', pkgRoot));
}

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const host = options.host ?? '127.0.0.1';
  if (options.anonymousRead && !isLoopbackHost(host)) {
    throw new Error(`anonymous read access is only allowed on a loopback address, not ${host}`);
  }
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 4 * 1024 * 1024,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 10_000,
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    ajv: {
      // Unknown fields are errors, not silently dropped; repeated query parameters become arrays.
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
  });
  app.setErrorHandler(errorHandler);
  addSecurityHeaders(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'jikenbo API', version, description: 'Japanese security-incident notices as structured, explainable records' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(multipart, { limits: { fileSize: options.maxUploadBytes ?? 20 * 1024 * 1024, files: 1 } });
  const tokens = options.tokens ?? new TokenStore(options.store.db);
  installAuth(app, { tokens, anonymousRead: options.anonymousRead === true });
  registerRoutes(app, { store: options.store, tokens, version, maxBytes: options.maxUploadBytes ?? 20 * 1024 * 1024 });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  const hasUi = webRoot !== null && existsSync(`${webRoot}/index.html`);
  if (hasUi) {
    await app.register(fastifyStatic, {
      root: webRoot,
      index: ['index.html'],
      wildcard: true,
      maxAge: 0,
      // Vite names assets by content hash, so they never change; index.html is always revalidated.
      setHeaders: (reply, path) => {
        if (/[\\/]assets[\\/]/.test(path)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') return sendError(reply, 404, 'not_found', `no route ${request.method} ${request.url.split('?')[0].slice(0, 200)}`);
    if (!hasUi) return sendError(reply, 404, 'not_found', 'the web UI is not built (npm run build:web)');
    return sendError(reply, 404, 'not_found', 'not found');
  });
  return app;
}

export interface StartOptions extends ServerOptions {
  port?: number;
}

/** Create and listen; resolves to the server and its URL. */
export async function startServer(options: StartOptions): Promise<{ app: FastifyInstance; url: string }> {
  const host = options.host ?? '127.0.0.1';
  const app = await createServer({ ...options, host });
  await app.listen({ host, port: options.port ?? 8080 });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : options.port ?? 8080;
  const shown = host.includes(':') ? `[${host}]` : host;
  return { app, url: `http://${shown}:${port}/` };
}
