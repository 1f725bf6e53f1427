// The reader flags every command that takes inputs can share: limits, private addresses, folder globs.
import type { Command } from 'commander';
import { READ_DEFAULTS } from '../read/index.js';
import type { InputOptions } from '../app/index.js';
import { fail } from './output.js';

export interface ReaderFlags {
  maxBytes?: string;
  maxPages?: string;
  timeout?: string;
  allowPrivate?: boolean;
  include?: string[];
  exclude?: string[];
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function addReaderOptions(cmd: Command): Command {
  return cmd
    .option('--max-bytes <n>', 'largest input accepted, in bytes', String(READ_DEFAULTS.maxBytes))
    .option('--max-pages <n>', 'PDF pages read per document', String(READ_DEFAULTS.maxPages))
    .option('--timeout <ms>', 'time limit per URL fetch and per PDF, in milliseconds', String(READ_DEFAULTS.timeoutMs))
    .option('--allow-private', 'allow URLs on loopback/private/link-local addresses')
    .option('--include <glob>', 'files to read inside folders (repeatable; default: notice-like extensions)', collect)
    .option('--exclude <glob>', 'files to skip inside folders (repeatable)', collect);
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) fail(`${name} must be a positive integer`);
  return n;
}

export function readerOptions(flags: ReaderFlags): InputOptions {
  return {
    maxBytes: positive('--max-bytes', flags.maxBytes, READ_DEFAULTS.maxBytes),
    maxPages: positive('--max-pages', flags.maxPages, READ_DEFAULTS.maxPages),
    timeoutMs: positive('--timeout', flags.timeout, READ_DEFAULTS.timeoutMs),
    allowPrivate: !!flags.allowPrivate,
    include: flags.include,
    exclude: flags.exclude,
  };
}
