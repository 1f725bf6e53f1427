// Bytes → Documents: the format is decided by magic bytes, then the declared content type, then the name,
// then the text itself (feed root, HTML markup, e-mail headers). Bad input throws ReadError only.
import { createHash } from 'node:crypto';
import type { Document, Source } from '../model/index.js';
import { splitCasebookText } from './archive.js';
import { charsetOf, decodeBytes, sniffDeclaredCharset } from './decode.js';
import { looksLikeEmail, readEmail } from './eml.js';
import { ReadError, reasonOf } from './errors.js';
import { feedKind, readFeed } from './feed.js';
import { readHtml } from './html.js';
import { withDefaults, type ReadOptions } from './options.js';
import { readPdf } from './pdf.js';

export interface SourceInfo {
  path?: string;
  url?: string;
  /** HTTP Content-Type (with charset), when fetched */
  contentType?: string;
  fetchedAt?: string;
}

export type Format = 'pdf' | 'html' | 'feed' | 'email' | 'text';

const BINARY_MAGIC: [string, number[]][] = [
  ['ZIP/Office', [0x50, 0x4b, 0x03, 0x04]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['gzip', [0x1f, 0x8b]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf]],
  ['OLE/Office', [0xd0, 0xcf, 0x11, 0xe0]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
];

function startsWith(b: Uint8Array, magic: number[]): boolean {
  return magic.every((m, i) => b[i] === m);
}

function isPdf(b: Uint8Array): boolean {
  const head = Buffer.from(b.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function mediaOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function extOf(name: string | undefined): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name ?? '');
  return m ? m[1].toLowerCase() : '';
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(html|head|body)[\s>]/.test(head);
}

const MEDIA_TYPES: Record<Format, string> = {
  pdf: 'application/pdf',
  html: 'text/html',
  feed: 'application/xml',
  email: 'message/rfc822',
  text: 'text/plain',
};

function source(info: SourceInfo, sha256: string, format: Format, itemUrl?: string): Source {
  const s: Source = { sha256, mediaType: MEDIA_TYPES[format] };
  if (info.path) s.path = info.path;
  if (itemUrl ?? info.url) s.url = itemUrl ?? info.url;
  if (info.fetchedAt) s.fetchedAt = info.fetchedAt;
  return s;
}

function doc(text: string, src: Source, title?: string, publishedAt?: string): Document {
  const d: Document = { text, source: src };
  if (title) d.title = title;
  if (publishedAt) d.publishedAt = publishedAt;
  return d;
}

async function readAll(bytes: Uint8Array, info: SourceInfo, options: ReadOptions): Promise<Document[]> {
  const o = withDefaults(options);
  if (bytes.length === 0) throw new ReadError('empty input');
  if (bytes.length > o.maxBytes) throw new ReadError(`input is larger than ${o.maxBytes} bytes (--max-bytes)`);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const media = mediaOf(info.contentType);
  const ext = extOf(info.path ?? (info.url ? new URL(info.url).pathname : undefined));

  if (isPdf(bytes)) {
    const pdf = await readPdf(bytes, o.maxPages, o.timeoutMs);
    return [doc(pdf.text, source(info, sha, 'pdf'), pdf.title)];
  }
  if (media === 'application/pdf' || ext === 'pdf') throw new ReadError('not a valid PDF (no %PDF header)');
  for (const [name, magic] of BINARY_MAGIC) if (startsWith(bytes, magic)) throw new ReadError(`binary data (${name}), not a notice`);

  if (media === 'message/rfc822' || ext === 'eml') {
    const mail = await readEmail(bytes);
    return [doc(mail.text, source(info, sha, 'email'), mail.title, mail.publishedAt)];
  }

  const markup = media.includes('html') || media.includes('xml') || ['html', 'htm', 'xhtml', 'xml', 'rss', 'atom', 'rdf'].includes(ext);
  const declared = charsetOf(info.contentType) ?? (markup || bytes[0] === 0x3c ? sniffDeclaredCharset(bytes) : null);
  const { text } = decodeBytes(bytes, declared);

  if (feedKind(text)) {
    return readFeed(text, o.maxDocuments).map((i) => doc(i.text, source(info, sha, 'feed', i.link), i.title, i.publishedAt));
  }
  if (media.includes('html') || ['html', 'htm', 'xhtml'].includes(ext) || looksLikeHtml(text)) {
    const parts = readHtml(text, o.maxDocuments).filter((p) => p.text.trim() !== '');
    if (parts.length === 0) throw new ReadError('HTML page has no text');
    return parts.map((p) => doc(p.text, source(info, sha, 'html'), p.title, p.publishedAt));
  }
  if (looksLikeEmail(text)) {
    const mail = await readEmail(bytes);
    return [doc(mail.text, source(info, sha, 'email'), mail.title, mail.publishedAt)];
  }
  const posts = splitCasebookText(text.replace(/\r\n?/g, '\n'), o.maxDocuments);
  if (posts) return posts.map((p) => doc(p.text, source(info, sha, 'text'), p.title));
  return [doc(text, source(info, sha, 'text'))];
}

/**
 * Reads one input's bytes into one or more Documents (several for feeds and archive pages).
 * Throws only ReadError, whose message is a one-line reason.
 */
export async function readBytes(bytes: Uint8Array, info: SourceInfo = {}, options: ReadOptions = {}): Promise<Document[]> {
  try {
    return await readAll(bytes, info, options);
  } catch (err) {
    throw err instanceof ReadError ? err : new ReadError(reasonOf(err));
  }
}
