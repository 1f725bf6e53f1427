import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/app/index.js';
import { readBytes } from '../../src/read/index.js';
import { encode } from './helpers.js';

const BODY = '当社サーバーが不正アクセスを受け、お客様の個人情報が流出した可能性があります。';

describe('feeds', () => {
  it('RSS 2.0: each item is a document with its link, title, date and content', async () => {
    const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>News</title>
      <item><title>A社 お知らせ</title><link>https://a.example/1</link><pubDate>Tue, 07 May 2024 10:00:00 +0900</pubDate><description>&lt;p&gt;${BODY}A&lt;/p&gt;</description></item>
      <item><title>B社 お知らせ</title><link>https://b.example/2</link><pubDate>Wed, 08 May 2024 01:00:00 GMT</pubDate><content:encoded><![CDATA[<p>${BODY}B</p>]]></content:encoded></item>
    </channel></rss>`;
    const docs = await readBytes(Buffer.from(rss), { path: 'feed.xml' });
    expect(docs).toHaveLength(2);
    expect(docs[0].title).toBe('A社 お知らせ');
    expect(docs[0].source.url).toBe('https://a.example/1');
    expect(docs[0].text).toContain(`${BODY}A`);
    expect(docs[0].text).not.toContain('<p>');
    expect(docs[1].publishedAt).toBe('2024-05-08');
    expect(docs[1].text).toContain(`${BODY}B`);
  });

  it('Atom: entries with alternate links, summary or content', async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><title>C社</title><link rel="alternate" href="https://c.example/x"/><published>2024-04-01T00:00:00Z</published><summary>${BODY}C</summary></entry>
      <entry><title type="html">D社</title><link href="https://d.example/y"/><updated>2024-04-02T00:00:00Z</updated><content type="html">&lt;p&gt;${BODY}D&lt;/p&gt;</content></entry></feed>`;
    const docs = await readBytes(Buffer.from(atom));
    expect(docs.map((d) => d.source.url)).toEqual(['https://c.example/x', 'https://d.example/y']);
    expect(docs.map((d) => d.publishedAt)).toEqual(['2024-04-01', '2024-04-02']);
    expect(docs[1].text).toContain(`${BODY}D`);
  });

  it('a broken feed is a one-line error', async () => {
    await expect(readBytes(Buffer.from('<rss><channel></channel></rss>'))).rejects.toThrow(/no items/);
  });
});

describe('e-mail', () => {
  it('decodes ISO-2022-JP headers and a base64 body', async () => {
    const subject = '=?ISO-2022-JP?B?' + Buffer.from(encode('不正アクセスのお知らせ', 'JIS')).toString('base64') + '?=';
    const body = Buffer.from(encode(BODY, 'JIS')).toString('base64');
    const eml = [
      'From: info@example.co.jp',
      'To: user@example.com',
      `Subject: ${subject}`,
      'Date: Fri, 10 May 2024 09:00:00 +0900',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=ISO-2022-JP',
      'Content-Transfer-Encoding: base64',
      '',
      body,
      '',
    ].join('\r\n');
    const [doc] = await readBytes(Buffer.from(eml), { path: 'notice.eml' });
    expect(doc.title).toBe('不正アクセスのお知らせ');
    expect(doc.text).toContain(BODY);
    expect(doc.publishedAt).toBe('2024-05-10');
    expect(doc.source.mediaType).toBe('message/rfc822');
  });
});

describe('text archives and folders', () => {
  it('a text file with several casebook posts gives one document each', async () => {
    const text = `【セキュリティ事件簿#2024-001】A社 お知らせ\n${BODY}\n\n【セキュリティ事件簿#2024-002】B社 お知らせ\n${BODY}\n`;
    const docs = await readBytes(Buffer.from(text));
    expect(docs.map((d) => d.title)).toEqual(['【セキュリティ事件簿#2024-001】A社 お知らせ', '【セキュリティ事件簿#2024-002】B社 お知らせ']);
  });

  it('folders are read recursively, one result per file, with include/exclude globs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jikenbo-folder-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.txt'), BODY);
    writeFileSync(join(dir, 'a.json'), '{"gold": true}');
    writeFileSync(join(dir, 'sub', 'b.html'), `<html><body><p>${BODY}</p></body></html>`);
    writeFileSync(join(dir, 'sub', 'c.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 255, 254, 0]));
    const collect = async (opts: object) => {
      const out: { input: string; ok: boolean }[] = [];
      for await (const r of readInputs([dir], opts)) out.push({ input: r.input.slice(dir.length + 1), ok: 'documents' in r });
      return out;
    };
    expect(await collect({})).toEqual([
      { input: 'a.txt', ok: true },
      { input: join('sub', 'b.html'), ok: true },
      { input: join('sub', 'c.txt'), ok: false },
    ]);
    expect((await collect({ exclude: ['c.txt'] })).map((r) => r.input)).toEqual(['a.txt', join('sub', 'b.html')]);
    expect((await collect({ include: ['*.html'] })).map((r) => r.input)).toEqual([join('sub', 'b.html')]);
    expect((await collect({ include: ['*.json'] })).map((r) => r.input)).toEqual(['a.json']);
  });
});
