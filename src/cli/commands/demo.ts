import type { Command } from 'commander';
import { ingestSamples, removeSqliteFiles, samplesDir } from '../../app/index.js';
import { isPostgresSpec } from '../../store/index.js';
import { printError } from '../output.js';
import { formatIngestSummary } from './ingest.js';
import { formatSearchResult } from './search.js';
import { isLoopbackHost } from '../../server/index.js';
import { serveStore } from './serve.js';
import { formatStats } from './stats.js';
import { withStore } from './store-helpers.js';

const DEMO_DB = 'jikenbo-demo.db';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(`ingest the bundled sample notices into a fresh database (${DEMO_DB}) and show what jikenbo does`)
    .option('--db <path|url>', `database to (re)create (default ./${DEMO_DB}; an existing SQLite file is replaced)`, DEMO_DB)
    .option('--query <text>', 'the example search', 'ランサムウェア')
    .option('--no-serve', 'only print the summary; do not start the web UI afterwards')
    .option('--host <address>', 'address for the web UI (loopback: read-only without a token)', '127.0.0.1')
    .option('--port <n>', 'port for the web UI', '8080')
    .action(async (flags: { db: string; query: string; serve: boolean; host: string; port: string }) => {
      if (!isPostgresSpec(flags.db) && flags.db !== ':memory:') await removeSqliteFiles(flags.db);
      await withStore(flags.db, async (store) => {
        const summary = await ingestSamples(store);
        if (summary.files === 0) {
          process.stdout.write(`no sample notices found in ${samplesDir()}\n`);
          return;
        }
        for (const f of summary.failed) printError(f.input, f.reason);
        process.stdout.write(`demo database: ${flags.db}\n${summary.files} sample notice(s): ${formatIngestSummary(summary)}\n\n`);
        process.stdout.write(formatStats('category', await store.stats('category')) + '\n\n');
        process.stdout.write(`search ${JSON.stringify(flags.query)}:\n`);
        process.stdout.write(formatSearchResult(await store.search({ q: flags.query, limit: 5 })) + '\n\n');
        process.stdout.write(`next: jikenbo search QUERY --db ${flags.db} · jikenbo show ID --db ${flags.db}\n`);
        // The demo ends in the browser: read-only without tokens on loopback (writes need jikenbo token create).
        if (flags.serve) await serveStore(store, { host: flags.host, port: flags.port, anonymousRead: isLoopbackHost(flags.host) });
      });
    });
}
