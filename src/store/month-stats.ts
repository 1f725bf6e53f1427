// Cases per month split by category, for the dashboard's stacked chart (one query instead of one per category).
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

export interface MonthCategoryRow {
  month: string;
  category: string;
  count: number;
}

export async function casesByMonthAndCategory(db: Kysely<DB>): Promise<MonthCategoryRow[]> {
  const r = await sql<{ month: string; category: string; n: number }>`
    SELECT coalesce(substr(c.published_at, 1, 7), 'unknown') AS month, t.value AS category, count(*) AS n
    FROM case_terms t JOIN cases c ON c.num = t.case_num
    WHERE t.kind = 'cat' AND c.is_incident = 1
    GROUP BY coalesce(substr(c.published_at, 1, 7), 'unknown'), t.value
    ORDER BY month, category LIMIT 20000`.execute(db);
  return r.rows.map((x) => ({ month: String(x.month), category: String(x.category), count: Number(x.n) }));
}
