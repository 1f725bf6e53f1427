// Shared CLI output helpers: one-line errors, exit codes, human summaries.
import type { Incident } from '../model/index.js';

export function printError(input: string, reason: string): void {
  process.stderr.write(`jikenbo: ${input}: ${reason}\n`);
}

export function fail(message: string): never {
  process.stderr.write(`jikenbo: ${message}\n`);
  process.exit(2);
}

const LEAK_LABEL: Record<string, string> = {
  confirmed: '漏えい確認 (confirmed)',
  possible: '漏えいのおそれ (possible)',
  none_confirmed: '漏えいなし (none confirmed)',
};

/** A readable multi-line summary of one record for a person at a terminal. */
export function formatSummary(r: Incident): string {
  const lines: string[] = [];
  const src = r.source.path ?? r.source.url ?? '';
  lines.push(`■ ${r.title || '(no title)'}${src ? `  [${src}]` : ''}`);
  if (!r.isIncident) {
    lines.push('  not an incident notice');
    return lines.join('\n');
  }
  const row = (label: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') lines.push(`  ${label.padEnd(14)}${value}`);
  };
  row('case', r.caseId);
  row('organization', r.organization);
  for (const p of r.otherOrganizations) row(`  ${p.role}`, p.name);
  row('published', r.publishedAt);
  row('discovered', r.discoveredAt);
  if (r.occurredFrom || r.occurredTo) row('occurred', `${r.occurredFrom ?? '?'} – ${r.occurredTo ?? '?'}`);
  row('categories', r.categories.join(', '));
  if (r.affectedCount !== null)
    row('affected', `${r.affectedApprox ? '約' : ''}${r.affectedCount.toLocaleString('en-US')}${r.affectedUnit ?? ''}`);
  row('data items', r.dataItems.join(', '));
  row('not included', r.excludedDataItems.join(', '));
  row('leak', r.leakStatus ? LEAK_LABEL[r.leakStatus] : null);
  row('reported to', r.authoritiesNotified.join(', '));
  if (r.countermeasureCount) row('measures', `${r.countermeasureCount}`);
  const ioc = Object.values(r.indicators).reduce((n, list) => n + list.length, 0);
  if (ioc) row('indicators', `${ioc}`);
  return lines.join('\n');
}
