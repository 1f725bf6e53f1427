// The casebook store: openStore() picks SQLite (a file path or :memory:) or PostgreSQL (postgres://…),
// runs pending migrations and returns a Store.
import { Casebook } from './casebook.js';
import { migrate } from './migrations.js';
import { openPostgres } from './postgres/index.js';
import { openSqlite } from './sqlite/index.js';

export type * from './types.js';
export { Casebook, StoreError, InvalidValueError, parseCaseId, formatCaseId } from './casebook.js';
export { validateFieldValue, isEditableField } from './fields.js';
export { detectFollowUp } from './followup.js';
export { MIGRATIONS, LATEST_VERSION, migrate } from './migrations.js';
export { dropPostgresSchema } from './postgres/index.js';
export { TokenStore, TOKEN_ROLES, isTokenRole, roleAllows, type TokenRole, type TokenInfo } from './tokens.js';
export { casesByMonthAndCategory, type MonthCategoryRow } from './month-stats.js';

export const DEFAULT_DB = './jikenbo.db';

export interface OpenOptions {
  /** PostgreSQL schema (default: ?schema= in the URL, else public) */
  schema?: string;
  /** stop migrating at this version (tests build old databases with it) */
  targetVersion?: number;
  busyTimeoutMs?: number;
}

/** Where the database is: the explicit spec, else JIKENBO_DB, else ./jikenbo.db. */
export function resolveDbSpec(spec?: string): string {
  return spec || process.env.JIKENBO_DB || DEFAULT_DB;
}

export function isPostgresSpec(spec: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(spec);
}

export async function openStore(spec?: string, options: OpenOptions = {}): Promise<Casebook> {
  const where = resolveDbSpec(spec);
  const { db, ops } = isPostgresSpec(where)
    ? await openPostgres(where, { schema: options.schema })
    : openSqlite(where, { busyTimeoutMs: options.busyTimeoutMs });
  try {
    await migrate(db, ops.name, options.targetVersion);
    const store = new Casebook(db, ops);
    if (options.targetVersion === undefined) await store.syncVocabulary();
    return store;
  } catch (err) {
    await ops.close().catch(() => undefined);
    throw err;
  }
}
