// Cases → CSV (RFC 4180), one row per case: the record's scalar fields and joined lists. A UTF-8 BOM makes
// Excel read Japanese correctly; cells that a spreadsheet would run as formulas are neutralized.
import type { Indicators } from '../model/index.js';
import type { ExportCase } from './common.js';

export const CSV_COLUMNS = [
  'id',
  'caseId',
  'title',
  'organization',
  'otherOrganizations',
  'publishedAt',
  'discoveredAt',
  'occurredFrom',
  'occurredTo',
  'categories',
  'affectedCount',
  'affectedUnit',
  'affectedApprox',
  'dataItems',
  'excludedDataItems',
  'leakStatus',
  'authoritiesNotified',
  'countermeasureCount',
  'countermeasures',
  'indicators',
  'url',
] as const;

/** Quote when needed; prefix formula-looking cells with ' (CSV injection). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const join = (xs: readonly string[]) => xs.join('; ');

/** `header: false` and `bom: false` give rows to append to an earlier page. */
export function exportCsv(cases: Iterable<ExportCase>, options: { bom?: boolean; header?: boolean } = {}): string {
  const rows: string[] = options.header === false ? [] : [CSV_COLUMNS.join(',')];
  for (const c of cases) {
    const r = c.record;
    const ind = (Object.keys(r.indicators) as (keyof Indicators)[]).flatMap((k) => r.indicators[k]);
    const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: c.id,
      caseId: r.caseId ?? '',
      title: r.title,
      organization: r.organization ?? '',
      otherOrganizations: join(r.otherOrganizations.map((p) => `${p.name} (${p.role})`)),
      publishedAt: r.publishedAt ?? '',
      discoveredAt: r.discoveredAt ?? '',
      occurredFrom: r.occurredFrom ?? '',
      occurredTo: r.occurredTo ?? '',
      categories: join(r.categories),
      affectedCount: r.affectedCount === null ? '' : String(r.affectedCount),
      affectedUnit: r.affectedUnit ?? '',
      affectedApprox: r.affectedApprox === null ? '' : String(r.affectedApprox),
      dataItems: join(r.dataItems),
      excludedDataItems: join(r.excludedDataItems),
      leakStatus: r.leakStatus ?? '',
      authoritiesNotified: join(r.authoritiesNotified),
      countermeasureCount: r.countermeasureCount === null ? '' : String(r.countermeasureCount),
      countermeasures: join(r.countermeasures),
      indicators: join(ind),
      url: r.source.url ?? '',
    };
    rows.push(CSV_COLUMNS.map((k) => csvCell(cells[k])).join(','));
  }
  if (!rows.length) return '';
  return `${options.bom === false ? '' : '\uFEFF'}${rows.join('\r\n')}\r\n`;
}
