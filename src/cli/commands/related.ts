import type { Command } from 'commander';
import { StoreError } from '../../store/index.js';
import { dbOption, withStore } from './store-helpers.js';

export function registerRelated(program: Command): void {
  dbOption(
    program
      .command('related')
      .description('cases related to one case: shared indicator, shared contractor/vendor, near-duplicate text')
      .argument('<id>', 'case number')
      .option('--json', 'print as JSON'),
  ).action(async (id: string, flags: { db?: string; json?: boolean }) => {
    const rows = await withStore(flags.db, async (store) => {
      if (!(await store.get(id))) throw new StoreError(`no case ${id}`);
      return store.related(id);
    });
    if (flags.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    else if (rows.length === 0) process.stdout.write(`${id}: no related cases\n`);
    else for (const r of rows) process.stdout.write(`${r.id}  ${r.reason.padEnd(18)} ${r.detail}  ${r.title}\n`);
  });
}
