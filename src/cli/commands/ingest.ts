import type { Command } from 'commander';
import { ingestInputs, type IngestSummary } from '../../app/index.js';
import { fail, printError } from '../output.js';
import { createProgress } from '../progress.js';
import { dbOption, withStore } from './store-helpers.js';

interface IngestFlags {
  db?: string;
  batchSize?: string;
  maxBytes?: string;
  json?: boolean;
}

export function formatIngestSummary(s: IngestSummary): string {
  return `${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed.length} failed`;
}

export function registerIngest(program: Command): void {
  dbOption(
    program
      .command('ingest')
      .description('read notices, extract records and store them in the casebook (idempotent)')
      .argument('<sources...>', 'notice files (or - for standard input)')
      .option('--batch-size <n>', 'records per transaction', '200')
      .option('--max-bytes <n>', 'largest input accepted, in bytes', String(20 * 1024 * 1024))
      .option('--json', 'print the summary as JSON'),
  ).action(async (sources: string[], flags: IngestFlags) => {
    const batchSize = Number(flags.batchSize);
    const maxBytes = Number(flags.maxBytes);
    if (!Number.isInteger(batchSize) || batchSize < 1) fail('--batch-size must be a positive integer');
    if (!Number.isInteger(maxBytes) || maxBytes < 1) fail('--max-bytes must be a positive integer');
    const summary = await withStore(flags.db, async (store) => {
      const progress = createProgress(sources.length, 'ingest');
      try {
        return await ingestInputs(store, sources, {
          batchSize,
          maxBytes,
          onProgress: (e) => progress.update(e.inputsDone, `${e.recordsStored} stored`),
        });
      } finally {
        progress.stop();
      }
    });
    for (const f of summary.failed) printError(f.input, f.reason);
    if (flags.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else process.stdout.write(`ingested: ${formatIngestSummary(summary)}\n`);
    if (summary.failed.length) process.exitCode = 1;
  });
}
