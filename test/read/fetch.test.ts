import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress, readUrl } from '../../src/read/index.js';
import { encode } from './helpers.js';

const BODY = '当社サーバーが不正アクセスを受け、お客様の個人情報が流出した可能性があります。';
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hop = Number(url.searchParams.get('n') ?? 0);
    switch (url.pathname) {
      case '/notice.html':
        res.writeHead(200, { 'content-type': 'text/html; charset=Shift_JIS' });
        res.end(Buffer.from(encode(`<html><head><title>髙﨑㈱ お知らせ</title></head><body><h1>髙﨑㈱ お知らせ</h1><p>${BODY}</p></body></html>`, 'SJIS')));
        return;
      case '/redirect':
        res.writeHead(302, { location: hop > 1 ? `/redirect?n=${hop - 1}` : '/notice.html' });
        res.end();
        return;
      case '/slow':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('start');
        return; // never ends
      case '/huge':
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 200; i++) res.write('あ'.repeat(1000));
        res.end();
        return;
      case '/huge-declared':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(10 * 1024 * 1024 * 1024) });
        res.write('x');
        return;
      default:
        res.writeHead(404);
        res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const open = { allowPrivate: true, timeoutMs: 5000 };

describe('readUrl', () => {
  it('fetches a page and decodes it by the HTTP charset', async () => {
    const [doc] = await readUrl(`${base}/notice.html`, open);
    expect(doc.title).toBe('髙﨑㈱ お知らせ');
    expect(doc.text).toContain(BODY);
    expect(doc.source.url).toBe(`${base}/notice.html`);
    expect(doc.source.fetchedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('follows up to 5 redirects and refuses a sixth', async () => {
    const [doc] = await readUrl(`${base}/redirect?n=5`, open);
    expect(doc.source.url).toBe(`${base}/notice.html`);
    await expect(readUrl(`${base}/redirect?n=6`, open)).rejects.toThrow(/more than 5 redirects/);
  });

  it('reports 404, timeouts and oversized bodies in one line', async () => {
    await expect(readUrl(`${base}/missing`, open)).rejects.toThrow(/^HTTP 404$/);
    await expect(readUrl(`${base}/slow`, { ...open, timeoutMs: 300 })).rejects.toThrow(/timed out after 300 ms/);
    await expect(readUrl(`${base}/huge`, { ...open, maxBytes: 10_000 })).rejects.toThrow(/larger than 10000 bytes/);
    await expect(readUrl(`${base}/huge-declared`, open)).rejects.toThrow(/larger than/);
  });

  it('refuses loopback, private and metadata addresses unless allowed, also through DNS names', async () => {
    const closed = { allowPrivate: false, timeoutMs: 5000 };
    await expect(readUrl(`${base}/notice.html`, closed)).rejects.toThrow(/refused: 127\.0\.0\.1/);
    const port = (server.address() as AddressInfo).port;
    await expect(readUrl(`http://localhost:${port}/notice.html`, closed)).rejects.toThrow(/refused: localhost resolves to a non-public address/);
    await expect(readUrl('http://169.254.169.254/latest/meta-data/', closed)).rejects.toThrow(/refused/);
    await expect(readUrl('http://[::ffff:10.0.0.1]/', closed)).rejects.toThrow(/refused/);
    await expect(readUrl('file:///etc/passwd', closed)).rejects.toThrow(/unsupported URL scheme/);
  });

  it('classifies addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fe80::1', 'fc00::1', '100.64.0.1', '0.0.0.0', '::ffff:192.168.0.1'])
      expect(isPublicAddress(a), a).toBe(false);
    for (const a of ['8.8.8.8', '1.1.1.1', '2001:4860:4860::8888']) expect(isPublicAddress(a), a).toBe(true);
    expect(isPublicAddress('not an address')).toBe(false);
  });
});
