// A URL → Documents: fetch under the limits, then read what came back (content type decides the reader).
import type { Document } from '../model/index.js';
import { fetchUrl } from './fetch.js';
import { withDefaults, type ReadOptions } from './options.js';
import { readBytes } from './reader.js';

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

export async function readUrl(url: string, options: ReadOptions = {}): Promise<Document[]> {
  const o = withDefaults(options);
  const got = await fetchUrl(url, o);
  return readBytes(got.bytes, { url: got.url, contentType: got.contentType, fetchedAt: got.fetchedAt }, o);
}
