#!/usr/bin/env node
// The jikenbo command line. Each command lives in commands/<name>.ts and registers itself here.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { registerExtract } from './commands/extract.js';
import { registerIngest } from './commands/ingest.js';
import { registerSearch } from './commands/search.js';
import { registerShow } from './commands/show.js';
import { registerStats } from './commands/stats.js';
import { registerEdit } from './commands/edit.js';
import { registerRelated } from './commands/related.js';
import { registerDemo } from './commands/demo.js';
import { registerIocs } from './commands/iocs.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerServe } from './commands/serve.js';
import { registerToken } from './commands/token.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command();
program
  .name('jikenbo')
  .description('事件簿 — turn Japanese security-incident notices into explainable incident records')
  .version(pkg.version)
  .showHelpAfterError()
  .exitOverride();

registerExtract(program);
registerIngest(program);
registerSearch(program);
registerShow(program);
registerStats(program);
registerEdit(program);
registerRelated(program);
registerDemo(program);
registerIocs(program);
registerExport(program);
registerImport(program);
registerServe(program);
registerToken(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else {
    // Never a stack trace for users; JIKENBO_DEBUG=1 shows it for developers.
    process.stderr.write(`jikenbo: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.JIKENBO_DEBUG) console.error(err);
    process.exitCode = 1;
  }
}
