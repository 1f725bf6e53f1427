// jikenbo serve: the HTTP API and the web UI over one casebook database.
import type { Command } from 'commander';
import { startServer } from '../../server/index.js';
import { openStore, type Casebook } from '../../store/index.js';
import { dbOption } from './store-helpers.js';

export interface ServeFlags {
  db?: string;
  host: string;
  port: string;
  anonymousRead?: boolean;
}

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be an integer from 0 to 65535, not ${JSON.stringify(v)}`);
  return n;
}

/** Serve an open store until SIGINT/SIGTERM, then close the server and the store. */
export async function serveStore(store: Casebook, flags: Omit<ServeFlags, 'db'>): Promise<void> {
  const { app, url } = await startServer({ store, host: flags.host, port: port(flags.port), anonymousRead: flags.anonymousRead === true });
  process.stdout.write(`jikenbo: serving ${url}  (API ${url}api/, OpenAPI ${url}api/openapi.json)\n`);
  if (!flags.anonymousRead) process.stdout.write('jikenbo: every request needs a token: jikenbo token create --role reader\n');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
}

export function registerServe(program: Command): void {
  dbOption(
    program
      .command('serve')
      .description('serve the HTTP API and the web UI')
      .option('--host <address>', 'address to listen on (anything but loopback requires tokens)', '127.0.0.1')
      .option('--port <n>', 'port', '8080')
      .option('--anonymous-read', 'allow token-less read-only access (loopback only)'),
  ).action(async (flags: ServeFlags) => {
    const store = await openStore(flags.db);
    try {
      await serveStore(store, flags);
    } finally {
      await store.close();
    }
  });
}
