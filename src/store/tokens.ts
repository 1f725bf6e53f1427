// API tokens for the HTTP server: random secrets shown once, stored only as SHA-256 hashes, each with a role.
// Kept beside the casebook tables in the same database; the table is created on first use so the token
// feature does not depend on a casebook migration.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

export const TOKEN_ROLES = ['reader', 'analyst', 'admin'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export function isTokenRole(v: unknown): v is TokenRole {
  return typeof v === 'string' && (TOKEN_ROLES as readonly string[]).includes(v);
}

/** reader < analyst < admin */
export function roleAllows(have: TokenRole, need: TokenRole): boolean {
  return TOKEN_ROLES.indexOf(have) >= TOKEN_ROLES.indexOf(need);
}

export interface TokenInfo {
  id: string;
  name: string;
  role: TokenRole;
  createdAt: string;
  lastUsedAt: string | null;
}

const PREFIX = 'jkb_';
// Tokens are 32 random bytes, so a fast hash is enough: there is nothing to brute-force.
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface TokenRow {
  id: string;
  name: string;
  role: string;
  created_at: string;
  last_used_at: string | null;
}

const toInfo = (r: TokenRow): TokenInfo => ({
  id: r.id,
  name: r.name,
  role: isTokenRole(r.role) ? r.role : 'reader',
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
});

export class TokenStore {
  private ready: Promise<void> | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  private ensure(): Promise<void> {
    this.ready ??= sql`CREATE TABLE IF NOT EXISTS api_tokens (
        id TEXT PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
      )`
      .execute(this.db)
      .then(() => undefined);
    return this.ready;
  }

  /** Create a token; the secret is returned here and never again. */
  async create(role: TokenRole, name = ''): Promise<{ token: string; info: TokenInfo }> {
    if (!isTokenRole(role)) throw new Error(`role must be one of ${TOKEN_ROLES.join(', ')}`);
    await this.ensure();
    const id = randomBytes(6).toString('hex');
    const token = `${PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
    const at = new Date().toISOString();
    const label = name.slice(0, 200);
    await sql`INSERT INTO api_tokens (id, hash, name, role, created_at) VALUES (${id}, ${hashToken(token)}, ${label}, ${role}, ${at})`.execute(this.db);
    return { token, info: { id, name: label, role, createdAt: at, lastUsedAt: null } };
  }

  /** The token's identity when it is valid and not revoked, else null. */
  async verify(token: string): Promise<TokenInfo | null> {
    if (!token.startsWith(PREFIX) || token.length > 200) return null;
    await this.ensure();
    const { rows } = await sql<TokenRow>`SELECT id, name, role, created_at, last_used_at FROM api_tokens
      WHERE hash = ${hashToken(token)} AND revoked_at IS NULL`.execute(this.db);
    if (rows.length === 0) return null;
    const info = toInfo(rows[0]);
    // Best effort bookkeeping; at most one write per token per minute.
    const now = new Date();
    if (!info.lastUsedAt || now.getTime() - Date.parse(info.lastUsedAt) > 60_000) {
      await sql`UPDATE api_tokens SET last_used_at = ${now.toISOString()} WHERE id = ${info.id}`.execute(this.db).catch(() => undefined);
    }
    return info;
  }

  async list(): Promise<TokenInfo[]> {
    await this.ensure();
    const { rows } = await sql<TokenRow>`SELECT id, name, role, created_at, last_used_at FROM api_tokens
      WHERE revoked_at IS NULL ORDER BY created_at, id`.execute(this.db);
    return rows.map(toInfo);
  }

  /** Revoke by id; true when a live token was revoked. */
  async revoke(id: string): Promise<boolean> {
    await this.ensure();
    const r = await sql`UPDATE api_tokens SET revoked_at = ${new Date().toISOString()} WHERE id = ${id} AND revoked_at IS NULL`.execute(this.db);
    return Number(r.numAffectedRows ?? 0) > 0;
  }
}
