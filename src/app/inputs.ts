// Turns the inputs a user names (files, folders, URLs, '-') into Documents, one result per file or URL;
// a failing input gives a one-line reason and the batch goes on.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Document } from '../model/index.js';
import { READ_DEFAULTS, ReadError, isUrl, readBytes, readUrl, reasonOf, type ReadOptions } from '../read/index.js';

export interface InputOptions extends ReadOptions {
  /** globs a file inside a folder must match (default: notice-like extensions) */
  include?: string[];
  /** globs that drop files inside a folder */
  exclude?: string[];
  /** called after each result with how many of how many are done (for a progress bar) */
  onRead?: (done: number, total: number, input: string) => void;
}

export type InputResult = { input: string; documents: Document[] } | { input: string; error: string };

export const DEFAULT_MAX_BYTES = READ_DEFAULTS.maxBytes;
/** What a folder holds that is read when no --include is given (gold .json files and the like are not notices). */
export const DEFAULT_INCLUDE = ['*.{txt,text,md,html,htm,xhtml,pdf,eml,xml,rss,atom,rdf}'];

/** Kept for callers of the old name: the reader's error type. */
export { ReadError as InputError };

async function readStdin(max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    total += b.length;
    if (total > max) throw new ReadError(`input is larger than ${max} bytes (--max-bytes)`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Reads one file, URL or '-' (a folder is expanded by readInputs, not here). */
export async function readInput(input: string, options: InputOptions = {}): Promise<InputResult> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    if (isUrl(input)) return { input, documents: await readUrl(input, options) };
    let bytes: Uint8Array;
    if (input === '-') {
      bytes = await readStdin(max);
    } else {
      const info = await stat(input).catch(() => null);
      if (!info) throw new ReadError('no such file');
      if (info.isDirectory()) throw new ReadError('is a directory');
      if (!info.isFile()) throw new ReadError('not a regular file');
      if (info.size > max) throw new ReadError(`file is larger than ${max} bytes (--max-bytes)`);
      bytes = await readFile(input);
    }
    return { input, documents: await readBytes(bytes, { path: input }, options) };
  } catch (err) {
    return { input, error: describeError(err) };
  }
}

/** Files under a folder, recursively, sorted, filtered by include/exclude globs on the relative path. */
export async function listFolder(dir: string, options: InputOptions = {}): Promise<string[]> {
  const include = picomatch(options.include?.length ? options.include : DEFAULT_INCLUDE, { basename: true, dot: false });
  const exclude = options.exclude?.length ? picomatch(options.exclude, { basename: true, dot: true }) : () => false;
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(d, e.name);
      const rel = relative(dir, full).split(sep).join('/');
      if (exclude(rel)) continue;
      // Symlinked folders are not followed: no loops, no escaping the folder.
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && include(rel)) out.push(full);
    }
  };
  await walk(dir);
  return out;
}

/** One result per file (folders expanded), per URL and for '-'; never throws. */
export async function* readInputs(inputs: string[], options: InputOptions = {}): AsyncGenerator<InputResult> {
  const expanded: (string | InputResult)[] = [];
  for (const input of inputs) {
    if (input === '-' || isUrl(input)) {
      expanded.push(input);
      continue;
    }
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) {
      try {
        const files = await listFolder(input, options);
        if (files.length === 0) expanded.push({ input, error: 'folder has no matching files (--include/--exclude)' });
        else expanded.push(...files);
      } catch (err) {
        expanded.push({ input, error: describeError(err) });
      }
    } else expanded.push(input);
  }
  let done = 0;
  for (const item of expanded) {
    const r = typeof item === 'string' ? await readInput(item, options) : item;
    done++;
    options.onRead?.(done, expanded.length, r.input);
    yield r;
  }
}

export function describeError(err: unknown): string {
  return reasonOf(err);
}
