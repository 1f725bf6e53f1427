// jikenbo iocs: output formats, warninglists, errors and exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sharedDir } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'iocs-'));
const file = join(dir, 'notice.txt');
writeFileSync(file, '送信元：info[@]fake-mail[.]com\n誘導先：hxxps://phish-site[.]net/login\n攻撃元 10.0.0.8 と bit.ly\n');

describe('jikenbo iocs', () => {
  it('--jsonl prints {source, indicators} per input with raw domains', () => {
    const r = runCli(['iocs', '--jsonl', file, file]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: { path: string }; indicators: Record<string, string[]> });
    expect(lines).toHaveLength(2);
    expect(lines[0].source.path).toBe(file);
    expect(lines[0].indicators.emails).toEqual(['info@fake-mail.com']);
    expect(lines[0].indicators.urls).toEqual(['https://phish-site.net/login']);
    expect(lines[0].indicators.domains).toEqual(['fake-mail.com', 'phish-site.net', 'bit.ly']);
    expect(lines[0].indicators.ipv4s).toEqual(['10.0.0.8']);
    expect(Object.keys(lines[0])).toEqual(['source', 'indicators']);
  });

  it('--warninglists tags benign values without dropping them', () => {
    const r = runCli(['iocs', '--json', '--warninglists', join(sharedDir, 'reference/misp/warninglists'), file]);
    expect(r.status).toBe(0);
    const [rec] = JSON.parse(r.stdout) as { indicators: Record<string, string[]>; tags: Record<string, { benign?: string[]; ip?: string }> }[];
    expect(rec.indicators.domains).toContain('bit.ly');
    expect(rec.tags['bit.ly'].benign).toContain('url-shortener');
    expect(rec.tags['10.0.0.8'].ip).toBe('private');
  });

  it('--csv prints one row per occurrence with offsets into the input', () => {
    const r = runCli(['iocs', '--csv', '-'], { input: 'C2 hxxp://c2[.]bad-host[.]com/x and "=cmd"@evil.com\n' });
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe('source,type,value,start,end,tags');
    expect(rows).toContain('"-","urls","http://c2.bad-host.com/x",3,31,""');
  });

  it('--offsets includes every occurrence', () => {
    const r = runCli(['iocs', '--jsonl', '--offsets', '-'], { input: 'x 203.0.113[.]5 y 203.0.113.5\n' });
    const rec = JSON.parse(r.stdout) as { offsets: { ipv4s: { raw: string; start: number }[] } };
    expect(rec.offsets.ipv4s.map((o) => o.raw)).toEqual(['203.0.113[.]5', '203.0.113.5']);
  });

  it('prints readable lines by default', () => {
    const r = runCli(['iocs', file]);
    expect(r.stdout).toContain('urls     https://phish-site.net/login');
    expect(r.stdout).toContain('ipv4s    10.0.0.8  [private]');
  });

  it('reports a bad input in one line, goes on, and exits 1', () => {
    const r = runCli(['iocs', '--jsonl', join(dir, 'missing.txt'), file]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`jikenbo: ${join(dir, 'missing.txt')}: no such file`);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a bad warninglist directory and conflicting formats', () => {
    const bad = runCli(['iocs', '--warninglists', dir, file]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^jikenbo: .*no warninglists/);
    expect(bad.stderr).not.toMatch(/at .*\.ts/);
    const both = runCli(['iocs', '--json', '--csv', file]);
    expect(both.status).toBe(2);
  });
});
