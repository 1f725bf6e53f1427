import { mkdtempSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, sharedDir } from '../helpers/cli.js';

const notice = `【セキュリティ事件簿#2024-101】株式会社テスト商会 不正アクセスに関するお知らせ

2024年3月1日
株式会社テスト商会

当社サーバーが第三者による不正アクセスを受け、お客様の氏名及びメールアドレス 約1,200件が漏えいした可能性があることが判明しました。
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jikenbo-cli-'));
  writeFileSync(join(dir, 'ok.txt'), notice);
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8, 9, 0, 0, 0, 1, 2]));
  writeFileSync(join(dir, 'plain.txt'), 'お知らせ\n\n特に数字も日付もない文章です。\n');
  // 200 MB, sparse: must be refused by size without being read into memory.
  const fd = openSync(join(dir, 'huge.txt'), 'w');
  ftruncateSync(fd, 200 * 1024 * 1024);
  closeSync(fd);
});

describe('jikenbo extract', () => {
  it('prints a readable summary by default', () => {
    const r = runCli(['extract', join(dir, 'ok.txt')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('株式会社テスト商会');
    expect(r.stderr).toBe('');
  });

  it('--jsonl prints one record per line with every record field and the path as given', () => {
    const r = runCli(['extract', '--jsonl', join(dir, 'ok.txt'), join(dir, 'plain.txt')]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const rec = JSON.parse(lines[0]);
    for (const field of [
      'isIncident', 'caseId', 'title', 'organization', 'otherOrganizations', 'publishedAt', 'discoveredAt',
      'occurredFrom', 'occurredTo', 'categories', 'affectedCount', 'affectedUnit', 'affectedApprox', 'dataItems',
      'excludedDataItems', 'leakStatus', 'authoritiesNotified', 'countermeasures', 'countermeasureCount',
      'timeline', 'indicators', 'evidence', 'text', 'source',
    ]) {
      expect(rec, field).toHaveProperty(field);
    }
    expect(rec.source.path).toBe(join(dir, 'ok.txt'));
    expect(rec.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rec.caseId).toBe('2024-101');
  });

  it('--json prints an array and reads standard input with -', () => {
    const r = runCli(['extract', '--json', '-'], { input: notice });
    expect(r.status).toBe(0);
    const arr = JSON.parse(r.stdout);
    expect(Array.isArray(arr)).toBe(true);
    expect(arr[0].source.path).toBe('-');
  });

  it('evidence spans point into the original text', () => {
    const r = runCli(['extract', '--jsonl', join(sharedDir, 'corpus/dev-synthetic/001.txt')]);
    const rec = JSON.parse(r.stdout);
    expect(Object.keys(rec.evidence).length).toBeGreaterThan(0);
    for (const spans of Object.values(rec.evidence) as { start: number; end: number }[][]) {
      for (const s of spans) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(rec.text.length);
        expect(s.end).toBeGreaterThan(s.start);
      }
    }
  });

  it('bad inputs give one line each, the rest is still processed, exit code 1, no stack trace', () => {
    const inputs = ['empty.txt', 'binary.txt', 'missing.txt', 'huge.txt', 'ok.txt', 'plain.txt'].map((f) => join(dir, f));
    const r = runCli(['extract', '--jsonl', ...inputs]);
    expect(r.status).toBe(1);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(4);
    for (const [i, line] of errors.entries()) {
      expect(line).toMatch(new RegExp(`^jikenbo: ${inputs[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\S`));
    }
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('rejects invalid UTF-8 by default with a clear reason', () => {
    writeFileSync(join(dir, 'bad-utf8.txt'), Buffer.concat([Buffer.from('お知らせ '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1])]));
    const r = runCli(['extract', join(dir, 'bad-utf8.txt')]);
    // The readers may decode it as another encoding; either way no crash and no stack trace.
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a notice with no dates or numbers still yields a record', () => {
    const r = runCli(['extract', '--json', join(dir, 'plain.txt')]);
    expect(r.status).toBe(0);
    const [rec] = JSON.parse(r.stdout);
    expect(rec.publishedAt).toBeNull();
    expect(rec.affectedCount).toBeNull();
  });

  it('unknown options are reported without a stack trace', () => {
    const r = runCli(['extract', '--no-such-flag']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown option/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
