import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { encode, tinyPdf } from './helpers.js';

const BODY = '当社サーバーが第三者による不正アクセスを受け、お客様の個人情報 1,234件が流出した可能性があることが判明しました。';

describe('jikenbo extract with readers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-cli-read-'));
  const good = join(dir, 'good.txt');
  const sjis = join(dir, 'sjis.html');
  const binary = join(dir, 'binary.txt');
  const scan = join(dir, 'scan.pdf');
  const archive = join(dir, 'archive.txt');
  writeFileSync(good, `株式会社テスト 不正アクセスに関するお知らせ\n${BODY}\n`);
  writeFileSync(sjis, encode(`<html><head><meta charset="Shift_JIS"><title>髙﨑㈱ お知らせ</title></head><body><h1>髙﨑㈱ お知らせ</h1><p>${BODY}</p></body></html>`, 'SJIS'));
  writeFileSync(binary, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256)));
  writeFileSync(scan, tinyPdf('0 0 m 100 100 l S'));
  writeFileSync(archive, `【セキュリティ事件簿#2024-001】A社 お知らせ\n${BODY}\n\n【セキュリティ事件簿#2024-002】B社 お知らせ\n${BODY}\n`);

  it('a batch with bad inputs prints one line per failure, goes on, and exits 1', () => {
    const missing = join(dir, 'missing.txt');
    const r = runCli(['extract', '--jsonl', good, binary, missing, scan, sjis]);
    expect(r.status).toBe(1);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toEqual([
      `jikenbo: ${binary}: binary data, not text`,
      `jikenbo: ${missing}: no such file`,
      expect.stringMatching(new RegExp(`^jikenbo: ${scan}: PDF has no text layer`)),
    ]);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: { path: string }; text: string });
    expect(records.map((x) => x.source.path)).toEqual([good, sjis]);
    expect(records[1].text).toContain('髙﨑㈱');
  }, 60_000);

  it('every notice of an archive input gives a record', () => {
    const r = runCli(['extract', '--jsonl', archive]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  }, 60_000);

  it('a folder gives one result per file, filtered by --include/--exclude', () => {
    const r = runCli(['extract', '--jsonl', '--exclude', 'binary.txt', '--exclude', '*.pdf', dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // good.txt, sjis.html and the two posts of archive.txt
    expect(r.stdout.trim().split('\n')).toHaveLength(4);
  }, 60_000);

  it('private URLs are refused without --allow-private, and bad limits are one-line errors', () => {
    const r = runCli(['extract', 'http://127.0.0.1:9/notice']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^jikenbo: http:\/\/127\.0\.0\.1:9\/notice: refused: 127\.0\.0\.1 is a non-public address \(--allow-private\)\n$/);
    const bad = runCli(['extract', '--max-pages', 'lots', good]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toBe('jikenbo: --max-pages must be a positive integer\n');
  }, 60_000);
});
