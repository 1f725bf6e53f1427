import type { Command } from 'commander';
import { InvalidValueError, type StatRow, type StatsDimension } from '../../store/index.js';
import { dbOption, withStore } from './store-helpers.js';

const DIMENSIONS: StatsDimension[] = ['month', 'category', 'data-item', 'organization', 'authority', 'contractor', 'leak', 'affected-bucket'];

export function formatStats(by: string, rows: StatRow[]): string {
  if (rows.length === 0) return `by ${by}: no cases`;
  const width = Math.min(40, Math.max(...rows.map((r) => r.key.length)));
  const max = Math.max(...rows.map((r) => r.count));
  return [`by ${by}:`, ...rows.map((r) => `  ${r.key.padEnd(width)}  ${String(r.count).padStart(6)}  ${'█'.repeat(Math.max(1, Math.round((r.count / max) * 30)))}`)].join('\n');
}

export function registerStats(program: Command): void {
  dbOption(
    program
      .command('stats')
      .description('count incident cases by a dimension')
      .option('--by <dimension>', DIMENSIONS.join(' | '), 'category')
      .option('--json', 'print rows as JSON'),
  ).action(async (flags: { db?: string; by: string; json?: boolean }) => {
    if (!(DIMENSIONS as string[]).includes(flags.by)) throw new InvalidValueError(`--by must be one of ${DIMENSIONS.join(', ')}`);
    const by = flags.by as StatsDimension;
    const rows = await withStore(flags.db, (store) => store.stats(by));
    process.stdout.write((flags.json ? JSON.stringify(rows, null, 2) : formatStats(by, rows)) + '\n');
  });
}
