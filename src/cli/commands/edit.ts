import type { Command } from 'commander';
import { editCase } from '../../app/index.js';
import { collect, dbOption, withStore } from './store-helpers.js';

export function registerEdit(program: Command): void {
  dbOption(
    program
      .command('edit')
      .description('correct a field of a case; stored as an analyst override that re-extraction never overwrites')
      .argument('<id>', 'case number')
      .requiredOption('--set <field=value>', 'field=value (repeatable); lists comma-separated, or JSON', collect)
      .option('--author <name>', 'who made the correction (default $USER)')
      .option('--json', 'print the updated case as JSON'),
  ).action(async (id: string, flags: { db?: string; set: string[]; author?: string; json?: boolean }) => {
    const author = flags.author ?? process.env.JIKENBO_AUTHOR ?? process.env.USER ?? 'analyst';
    const rec = await withStore(flags.db, (store) => editCase(store, id, flags.set, author));
    if (flags.json) process.stdout.write(JSON.stringify(rec, null, 2) + '\n');
    else {
      const fields = flags.set.map((s) => s.slice(0, s.indexOf('=')).trim());
      process.stdout.write(`${rec.id}: set ${fields.join(', ')} (by ${author})\n`);
    }
  });
}
