import type { Command } from 'commander';
import { extractFromInputs } from '../../app/index.js';
import { formatSummary, printError, fail } from '../output.js';
import { createProgress, type Progress } from '../progress.js';
import { addReaderOptions, readerOptions, type ReaderFlags } from '../reader-flags.js';

interface ExtractFlags extends ReaderFlags {
  json?: boolean;
  jsonl?: boolean;
}

/** More inputs than this show a progress bar (on a terminal only). */
const PROGRESS_AFTER = 5;

export function registerExtract(program: Command): void {
  const cmd = program
    .command('extract')
    .description('extract incident records from notices (files, folders, URLs, feeds, or - for stdin)')
    .argument('[inputs...]', 'notice files, folders, http(s) URLs, or - for standard input', ['-'])
    .option('--json', 'print a JSON array of records')
    .option('--jsonl', 'print one JSON record per line');
  addReaderOptions(cmd).action(async (inputs: string[], flags: ExtractFlags) => {
    if (flags.json && flags.jsonl) fail('choose one of --json and --jsonl');
    let progress: Progress | null = null;
    const options = {
      ...readerOptions(flags),
      onRead: (done: number, total: number) => {
        if (!progress && total > PROGRESS_AFTER) progress = createProgress(total, 'extract');
        progress?.update(done);
      },
    };
    let failed = 0;
    const all: unknown[] = [];
    let first = true;
    try {
      for await (const r of extractFromInputs(inputs.length ? inputs : ['-'], options)) {
        if ('error' in r) {
          failed++;
          printError(r.input, r.error);
          continue;
        }
        // Every document of a multi-notice input (feed, archive page) gives its own record.
        for (const record of r.records) {
          if (flags.jsonl) process.stdout.write(JSON.stringify(record) + '\n');
          else if (flags.json) all.push(record);
          else {
            process.stdout.write((first ? '' : '\n') + formatSummary(record) + '\n');
            first = false;
          }
        }
      }
    } finally {
      (progress as Progress | null)?.stop();
    }
    if (flags.json) process.stdout.write(JSON.stringify(all, null, 2) + '\n');
    if (failed) process.exitCode = 1;
  });
}
