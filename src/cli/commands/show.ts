import type { Command } from 'commander';
import { EDITABLE_FIELDS } from '../../model/index.js';
import { StoreError, type CaseDetail } from '../../store/index.js';
import { dbOption, withStore } from './store-helpers.js';

function value(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    return v.map((x) => (typeof x === 'object' && x !== null ? Object.values(x).join(' ') : String(x))).join(', ');
  }
  if (typeof v === 'object') {
    const parts = Object.entries(v as Record<string, unknown[]>).filter(([, l]) => Array.isArray(l) && l.length).map(([k, l]) => `${k}: ${l.join(', ')}`);
    return parts.length ? parts.join('; ') : '—';
  }
  return String(v);
}

export function formatCase(c: CaseDetail): string {
  const lines = [`case ${c.id}`, `  ${c.record.title}`, ''];
  for (const f of EDITABLE_FIELDS) {
    const mark = c.provenance[f] === 'analyst' ? 'analyst' : 'auto';
    const text = value((c.record as unknown as Record<string, unknown>)[f]);
    lines.push(`  ${f.padEnd(20)} ${`[${mark}]`.padEnd(10)}${text.length > 200 ? `${text.slice(0, 200)}…` : text}`);
  }
  lines.push('', `versions (${c.versions.length}):`);
  for (const v of c.versions) {
    lines.push(`  ${v.version}. ${v.label ?? ''}${v.label ? ' ' : ''}${v.record.publishedAt ?? ''} ${v.record.source.path ?? v.record.source.url ?? ''} (ingested ${v.ingestedAt})`);
  }
  if (c.overrides.length) {
    lines.push('', 'analyst overrides:');
    for (const o of c.overrides) lines.push(`  ${o.at} ${o.author}: ${o.field} = ${JSON.stringify(o.value)}`);
  }
  if (c.related.length) {
    lines.push('', 'related:');
    for (const r of c.related) lines.push(`  ${r.id} ${r.reason} (${r.detail}) ${r.title}`);
  }
  return lines.join('\n');
}

export function registerShow(program: Command): void {
  dbOption(
    program
      .command('show')
      .description('show one case: every field marked auto or analyst, versions, overrides, related cases')
      .argument('<id>', 'case number, e.g. 2023-478')
      .option('--json', 'print the case as JSON'),
  ).action(async (id: string, flags: { db?: string; json?: boolean }) => {
    const c = await withStore(flags.db, (store) => store.get(id));
    if (!c) throw new StoreError(`no case ${id}`);
    process.stdout.write((flags.json ? JSON.stringify(c, null, 2) : formatCase(c)) + '\n');
  });
}
