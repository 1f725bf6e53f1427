// Shared by the casebook commands: the --db option, opening/closing the store, one-line errors.
import type { Command } from 'commander';
import { openStore, type Casebook } from '../../store/index.js';

export function dbOption(cmd: Command): Command {
  return cmd.option('--db <path|url>', 'database: a SQLite file, :memory:, or postgres://… (default $JIKENBO_DB or ./jikenbo.db)');
}

/** Open the store, run `work`, always close. Errors propagate as one-line messages (main.ts prints them). */
export async function withStore<T>(db: string | undefined, work: (store: Casebook) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** commander collector for repeatable options. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Highlight hits: bold on a colour terminal, 【】 elsewhere. */
export function renderSegments(segments: { text: string; hit: boolean }[]): string {
  const color = process.stdout.isTTY && !process.env.NO_COLOR;
  return segments.map((s) => (s.hit ? (color ? `\x1b[1m${s.text}\x1b[22m` : `【${s.text}】`) : s.text)).join('');
}
