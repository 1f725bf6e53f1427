// jikenbo import: STIX 2.1 bundles, MISP events / feed directories and VERIS (VCDB) files into the store.
// Files are streamed; each bad object is reported as `jikenbo: FILE: JSON-PATH: reason`, the rest imported.
import type { Command } from 'commander';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ImportSession } from '../../exchange/index.js';
import type { Incident } from '../../model/index.js';
import type { Casebook } from '../../store/index.js';
import { printError } from '../output.js';
import { dbOption, withStore } from './store-helpers.js';

interface ImportFlags {
  db?: string;
  jsonl?: boolean;
}

const MAX_DEPTH = 8;

/** JSON files under the inputs: files as given, directories walked (hidden entries skipped). */
async function* jsonFiles(inputs: string[], bad: (input: string, why: string) => void): AsyncGenerator<string> {
  async function* walk(dir: string, depth: number): AsyncGenerator<string> {
    if (depth > MAX_DEPTH) return;
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) yield* walk(p, depth + 1);
      else if (e.isFile() && e.name.toLowerCase().endsWith('.json')) yield p;
    }
  }
  for (const input of inputs) {
    try {
      const s = await stat(input);
      if (s.isDirectory()) yield* walk(input, 0);
      else yield input;
    } catch (e) {
      bad(input, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message);
    }
  }
}

export function registerImport(program: Command): void {
  dbOption(
    program
      .command('import')
      .description('import STIX 2.1 bundles, MISP events or feed directories, VERIS/VCDB JSON (format detected from content)')
      .argument('<inputs...>', 'files or directories')
      .option('--jsonl', 'print the imported records as JSON lines instead of storing them'),
  ).action(async (inputs: string[], flags: ImportFlags) => {
    let problems = 0;
    const bad = (input: string, why: string) => {
      problems++;
      printError(input, why);
    };
    const session = new ImportSession();
    const counts = { files: 0, records: 0, new: 0, updated: 0, unchanged: 0 };

    const run = async (store: Casebook | null) => {
      let batch: { record: Incident; where: string }[] = [];
      const flush = async () => {
        if (!store || !batch.length) return;
        const items = batch;
        batch = [];
        try {
          for (const r of await store.ingestBatch(items.map((x) => x.record))) counts[r.outcome]++;
        } catch {
          // the batch is all or nothing: retry one by one so a single bad record is reported, not the batch lost
          for (const x of items) {
            try {
              counts[(await store.ingest(x.record)).outcome]++;
            } catch (e) {
              counts.records--;
              bad(x.where, `not stored: ${e instanceof Error ? e.message : String(e)}`);
            }
          }
        }
      };
      for await (const file of jsonFiles(inputs, bad)) {
        counts.files++;
        const stream = createReadStream(file, { highWaterMark: 1 << 20 });
        for await (const ev of session.importStream(file, stream)) {
          if (ev.kind === 'problem') {
            bad(file, `${ev.path}: ${ev.message}`);
            continue;
          }
          counts.records++;
          if (!store) process.stdout.write(JSON.stringify(ev.record) + '\n');
          else {
            batch.push({ record: ev.record, where: `${file}: ${ev.path}` });
            if (batch.length >= 200) await flush();
          }
        }
      }
      await flush();
    };
    if (flags.jsonl) await run(null);
    else await withStore(flags.db, run);
    const stored = flags.jsonl ? '' : ` (new ${counts.new}, updated ${counts.updated}, unchanged ${counts.unchanged})`;
    process.stderr.write(`imported ${counts.records} record(s)${stored} from ${counts.files} file(s); ${problems} problem(s)\n`);
    if (problems) process.exitCode = 1;
  });
}
