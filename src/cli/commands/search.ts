import type { Command } from 'commander';
import { searchCases } from '../../app/index.js';
import type { SearchResult } from '../../store/index.js';
import { collect, dbOption, renderSegments, withStore } from './store-helpers.js';

interface SearchFlags {
  db?: string;
  category?: string[];
  dataItem?: string[];
  authority?: string[];
  org?: string;
  since?: string;
  until?: string;
  year?: string;
  minAffected?: string;
  leak?: string;
  limit?: string;
  offset?: string;
  json?: boolean;
  all?: boolean;
}

function facetLine(name: string, counts: Record<string, number>): string | null {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length ? `  ${name}: ${entries.map(([k, n]) => `${k} ${n}`).join(', ')}` : null;
}

export function formatSearchResult(r: SearchResult): string {
  const lines: string[] = [`${r.total} case(s)${r.hits.length < r.total ? `, showing ${r.hits.length}` : ''}`];
  for (const h of r.hits) {
    lines.push('');
    lines.push(`${h.id}  ${h.publishedAt ?? '----------'}  ${h.organization ?? '(organization unknown)'}`);
    lines.push(`  ${h.title}`);
    const meta = [h.categories.join(', '), h.affectedCount !== null ? `${h.affectedCount.toLocaleString('en-US')} affected` : '', h.leakStatus ?? '']
      .filter(Boolean)
      .join(' · ');
    if (meta) lines.push(`  ${meta}`);
    if (h.snippet.length) lines.push(`  ${renderSegments(h.snippet)}`);
  }
  if (r.total > 0) {
    lines.push('', 'facets:');
    for (const [name, counts] of Object.entries(r.facets)) {
      const l = facetLine(name, counts);
      if (l) lines.push(l);
    }
  }
  return lines.join('\n');
}

export function registerSearch(program: Command): void {
  dbOption(
    program
      .command('search')
      .description('search the casebook (Japanese full text, filters, facets)')
      .argument('[query]', 'words to find (all must match); 1–2 character words use substring matching')
      .option('--category <c>', 'only cases with this category (repeatable; all must match)', collect)
      .option('--data-item <d>', 'only cases exposing this data item (repeatable)', collect)
      .option('--authority <a>', 'only cases reported to this authority (repeatable)', collect)
      .option('--org <text>', 'organization name contains')
      .option('--since <date>', 'published on or after (YYYY-MM-DD, YYYY-MM, YYYY)')
      .option('--until <date>', 'published on or before')
      .option('--year <yyyy>', 'published in this year')
      .option('--min-affected <n>', 'at least this many people/records affected')
      .option('--leak <status>', 'confirmed | possible | none_confirmed')
      .option('--limit <n>', 'hits to show', '20')
      .option('--offset <n>', 'skip this many hits')
      .option('--all', 'include notices judged not to be incidents')
      .option('--json', 'print hits and facets as JSON'),
  ).action(async (query: string | undefined, flags: SearchFlags) => {
    const result = await withStore(flags.db, (store) => searchCases(store, { q: query, ...flags }));
    process.stdout.write((flags.json ? JSON.stringify(result, null, 2) : formatSearchResult(result)) + '\n');
  });
}
