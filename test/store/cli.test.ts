// The casebook commands end to end: ingest, search, show, edit, stats, related, with one-line errors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('casebook CLI', () => {
  let dir: string;
  let db: string;
  let files: string[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jikenbo-cli-'));
    db = join(dir, 'cli.db');
    files = [
      ['a.txt', '株式会社テスト物流 不正アクセスに関するお知らせ\n\n当社の配送管理サーバーがランサムウェアに感染したことが判明しました。お客様の氏名・住所が暗号化されました。'],
      ['b.txt', '市立テスト病院 メール誤送信に関するお詫び\n\n職員が患者様へのご案内メールを送信する際、宛先をBCCに設定せず送信しました。'],
    ].map(([name, text]) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ingests idempotently and reports new/updated/unchanged/failed', () => {
    const first = runCli(['ingest', ...files, '--db', db, '--json']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const s1 = JSON.parse(first.stdout);
    expect(s1).toMatchObject({ new: 2, updated: 0, unchanged: 0, failed: [] });
    expect(s1.ids).toHaveLength(2);

    const again = runCli(['ingest', ...files, join(dir, 'missing.txt'), '--db', db]);
    expect(again.status).toBe(1);
    expect(again.stdout.trim()).toBe('ingested: 0 new, 0 updated, 2 unchanged, 1 failed');
    expect(again.stderr.trim()).toBe(`jikenbo: ${join(dir, 'missing.txt')}: no such file`);
  });

  it('searches with highlighted snippets, filters and JSON output', () => {
    const r = runCli(['search', 'ランサムウェア', '--all', '--db', db, '--json']);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.total).toBe(1);
    expect(result.hits[0].title).toContain('テスト物流');
    expect(result.hits[0].snippet.filter((s: { hit: boolean }) => s.hit).map((s: { text: string }) => s.text)).toEqual(['ランサムウェア']);
    expect(result.facets).toHaveProperty('category');

    const text = runCli(['search', 'BCC', '--all', '--db', db]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('【BCC】');
    expect(text.stdout).toMatch(/^1 case\(s\)/);

    const bad = runCli(['search', '--category', 'nonsense', '--db', db]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('jikenbo: --category: unknown value "nonsense"');
  });

  it('shows a case with auto/analyst marks, and edit stores an analyst override', () => {
    const hit = JSON.parse(runCli(['search', 'BCC', '--all', '--db', db, '--json']).stdout).hits[0];
    const before = JSON.parse(runCli(['show', hit.id, '--db', db, '--json']).stdout);
    expect(before.provenance.categories).toBe('auto');
    expect(before.versions).toHaveLength(1);

    const edit = runCli(['edit', hit.id, '--set', 'categories=email_misdelivery', '--set', 'affectedCount=1,200', '--set', 'isIncident=true', '--author', 'tanaka', '--db', db]);
    expect(edit.stderr).toBe('');
    expect(edit.status).toBe(0);
    const after = JSON.parse(runCli(['show', hit.id, '--db', db, '--json']).stdout);
    expect(after.record.categories).toEqual(['email_misdelivery']);
    expect(after.record.affectedCount).toBe(1200);
    expect(after.provenance).toMatchObject({ categories: 'analyst', affectedCount: 'analyst', title: 'auto' });
    expect(after.overrides.map((o: { author: string }) => o.author)).toEqual(['tanaka', 'tanaka', 'tanaka']);

    const shown = runCli(['show', hit.id, '--db', db]);
    expect(shown.stdout).toMatch(/categories\s+\[analyst\]\s+email_misdelivery/);
    expect(shown.stdout).toMatch(/title\s+\[auto\]/);

    // Re-ingesting the same notice does not undo the correction.
    runCli(['ingest', ...files, '--db', db]);
    expect(JSON.parse(runCli(['show', hit.id, '--db', db, '--json']).stdout).record.categories).toEqual(['email_misdelivery']);

    // Now an incident, it counts in stats.
    const stats = JSON.parse(runCli(['stats', '--by', 'category', '--db', db, '--json']).stdout);
    expect(stats).toContainEqual({ key: 'email_misdelivery', count: 1 });
  });

  it('rejects bad edits and unknown cases with one-line errors and exit code 1', () => {
    const hit = JSON.parse(runCli(['search', 'BCC', '--all', '--db', db, '--json']).stdout).hits[0];
    for (const [args, message] of [
      [['edit', hit.id, '--set', 'leakStatus=maybe'], 'leakStatus: expected confirmed, possible, none_confirmed or null'],
      [['edit', hit.id, '--set', 'categories=ransomware,bogus'], 'categories: expected categories from the vocabulary'],
      [['edit', hit.id, '--set', 'text=hello'], 'text: not an editable field'],
      [['edit', '1999-001', '--set', 'leakStatus=confirmed'], 'no case 1999-001'],
      [['show', '1999-001'], 'no case 1999-001'],
      [['related', '1999-001'], 'no case 1999-001'],
      [['stats', '--by', 'color'], '--by must be one of month, category, data-item, organization, authority, contractor, leak, affected-bucket'],
    ] as [string[], string][]) {
      const r = runCli([...args, '--db', db]);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr.trim()).toBe(`jikenbo: ${message}`);
    }
    const notDb = join(dir, 'a.txt');
    const r = runCli(['search', 'x', '--db', notDb]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  it('uses JIKENBO_DB when --db is not given', () => {
    const other = join(dir, 'env.db');
    const r = runCli(['ingest', files[0]], { env: { JIKENBO_DB: other } });
    expect(r.status).toBe(0);
    expect(runCli(['search', '--all', '--json'], { env: { JIKENBO_DB: other } }).stdout).toContain('"total": 1');
  });
});
