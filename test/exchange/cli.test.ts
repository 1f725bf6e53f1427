import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, sharedDir } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jikenbo-exchange-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'a.db');
const notices = ['001', '002', '003', '004'].map((n) => join(sharedDir, 'corpus', 'dev-synthetic', `${n}.txt`));

describe('jikenbo export / import', () => {
  it('exports every format from a store and imports them into another', () => {
    expect(runCli(['ingest', ...notices, '--db', db]).status).toBe(0);
    for (const f of ['stix', 'misp', 'veris', 'csv', 'atom']) {
      const r = runCli(['export', '--format', f, '--db', db, '--out', join(dir, `out.${f}`), '--all']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/^exported \d+ case\(s\) as /);
    }
    expect(runCli(['export', '--format', 'casebook', '--db', db, '--out', join(dir, 'site'), '--all']).status).toBe(0);
    expect(readdirSync(join(dir, 'site', 'cases')).length).toBeGreaterThan(0);
    const stix = JSON.parse(readFileSync(join(dir, 'out.stix'), 'utf8')) as { type: string };
    expect(stix.type).toBe('bundle');

    const db2 = join(dir, 'b.db');
    const imp = runCli(['import', join(dir, 'out.stix'), '--db', db2]);
    expect(imp.status, imp.stderr).toBe(0);
    expect(imp.stderr).toMatch(/imported (\d+) record\(s\) \(new \1, updated 0, unchanged 0\) from 1 file\(s\); 0 problem\(s\)/);
    // the same records again through VERIS: nothing new
    const again = runCli(['import', join(dir, 'out.veris'), '--db', db2]);
    expect(again.stderr).toMatch(/\(new 0, updated 0, unchanged \d+\)/);
  }, 180_000);

  it('reports bad files one line each, imports the good ones, exits 1', () => {
    const bad = join(dir, 'bad');
    runCli(['export', '--format', 'misp-feed', '--db', db, '--out', bad]);
    writeFileSync(join(bad, 'broken.json'), '{"Event": {"uuid": ');
    writeFileSync(join(bad, 'other.json'), '{"hello": 1}');
    const r = runCli(['import', bad, join(dir, 'missing.json'), '--jsonl']);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^jikenbo: .*broken\.json: \$: malformed JSON: /),
        expect.stringMatching(/^jikenbo: .*other\.json: \$: unrecognized content/),
        expect.stringMatching(/^jikenbo: .*missing\.json: no such file or directory$/),
      ]),
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout.trim().split('\n').length).toBeGreaterThan(0);
    for (const l of r.stdout.trim().split('\n')) expect((JSON.parse(l) as { title: string }).title).toBeTruthy();
  }, 60_000);

  it('rejects bad options with a one-line error', () => {
    expect(runCli(['export', '--format', 'pdf', '--db', db]).stderr).toMatch(/^jikenbo: --format must be one of/);
    expect(runCli(['export', '--format', 'stix', '--max-tlp', 'purple', '--db', db]).stderr).toMatch(/^jikenbo: --max-tlp must be one of/);
    expect(runCli(['export', '--format', 'casebook', '--db', db]).stderr).toMatch(/^jikenbo: --format casebook writes a directory/);
  }, 60_000);
});
