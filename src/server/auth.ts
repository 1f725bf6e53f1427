// Who may call what: API tokens (Authorization: Bearer …) with roles reader < analyst < admin. Anonymous
// callers get reader rights only when the server was started with anonymousRead on a loopback address and
// the request itself comes from loopback.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isIP } from 'node:net';
import { roleAllows, type TokenInfo, type TokenRole, type TokenStore } from '../store/index.js';
import { HttpError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the least role a route needs; routes without one are public */
    role?: TokenRole;
  }
  interface FastifyRequest {
    caller: TokenInfo | null;
  }
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1' || h.startsWith('::ffff:127.');
}

export interface AuthOptions {
  tokens: TokenStore;
  anonymousRead: boolean;
}

function bearer(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (!h) return null;
  const m = /^Bearer[ \t]+(\S{1,300})$/i.exec(h);
  if (!m) throw new HttpError(401, 'unauthorized', 'Authorization header must be "Bearer TOKEN"');
  return m[1];
}

export function installAuth(app: FastifyInstance, options: AuthOptions): void {
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request) => {
    const need = request.routeOptions.config?.role;
    if (!need) return;
    const token = bearer(request);
    if (token) {
      const who = await options.tokens.verify(token);
      if (!who) throw new HttpError(401, 'unauthorized', 'unknown or revoked token');
      if (!roleAllows(who.role, need)) throw new HttpError(403, 'forbidden', `this needs the ${need} role; the token has ${who.role}`);
      request.caller = who;
      return;
    }
    if (need === 'reader' && options.anonymousRead && isLoopbackHost(request.ip)) return;
    throw new HttpError(401, 'unauthorized', `this needs a token with the ${need} role (Authorization: Bearer TOKEN)`);
  });
}
