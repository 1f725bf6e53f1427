// A notice from a request — pasted text, an uploaded file or a URL — read into Documents with the same
// readers the CLI uses, so the preview and the saved record match what `jikenbo extract` would give.
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readInput } from '../app/index.js';
import type { Document } from '../model/index.js';
import { HttpError } from './errors.js';
import type { NoticeInput } from './schemas.js';

export interface NoticeLimits {
  /** bytes of an uploaded file or fetched page */
  maxBytes: number;
}

function fromText(input: NoticeInput): Document[] {
  const text = input.text ?? '';
  if (text.trim() === '') throw new HttpError(400, 'invalid_request', 'text is empty');
  const doc: Document = {
    text,
    source: { sha256: createHash('sha256').update(text).digest('hex'), mediaType: 'text/plain' },
  };
  if (input.title?.trim()) doc.title = input.title.trim();
  return [doc];
}

async function fromUpload(request: FastifyRequest, limits: NoticeLimits): Promise<Document[]> {
  const part = await request.file({ limits: { fileSize: limits.maxBytes, files: 1, fields: 4, parts: 5 } });
  if (!part) throw new HttpError(400, 'invalid_request', 'multipart body has no file part');
  if (part.fieldname !== 'file') throw new HttpError(400, 'invalid_request', 'the upload part must be named "file"');
  const bytes = await part.toBuffer();
  // The readers pick a format by file name, so keep a safe extension and nothing else of the client's name.
  const name = basename(part.filename || 'upload.txt').replace(/[^\w.\-\u3000-\u9fff]/g, '_').slice(-120) || 'upload.txt';
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '.txt';
  const dir = await mkdtemp(join(tmpdir(), 'jikenbo-upload-'));
  try {
    const path = join(dir, `upload${ext}`);
    await writeFile(path, bytes);
    const r = await readInput(path, { maxBytes: limits.maxBytes });
    if ('error' in r) throw new HttpError(422, 'unreadable_input', `${name}: ${r.error}`);
    for (const d of r.documents) d.source = { ...d.source, path: name };
    return r.documents;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function fromUrl(url: string, limits: NoticeLimits): Promise<Document[]> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HttpError(400, 'invalid_request', 'url is not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new HttpError(400, 'invalid_request', 'url must be http or https');
  // Only a URL string that is unmistakably a URL reaches the reader, never something it could take for a path.
  const r = await readInput(parsed.href, { maxBytes: limits.maxBytes });
  if ('error' in r) {
    const reason = r.error === 'no such file' ? 'fetching URLs is not available in this build' : r.error;
    throw new HttpError(422, 'unreadable_input', `${parsed.href}: ${reason}`);
  }
  return r.documents;
}

export async function readNotice(request: FastifyRequest, limits: NoticeLimits): Promise<Document[]> {
  if (request.isMultipart()) return fromUpload(request, limits);
  const body = (request.body ?? {}) as NoticeInput;
  const given = [body.text !== undefined, body.url !== undefined].filter(Boolean).length;
  if (given !== 1) throw new HttpError(400, 'invalid_request', 'give exactly one of text or url (or upload a file as multipart)');
  return body.url !== undefined ? fromUrl(body.url, limits) : fromText(body);
}
