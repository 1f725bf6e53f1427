// The serve and token commands as a user runs them: tokens printed once and usable, revoked tokens refused,
// serve answering on the port it prints and stopping cleanly on SIGTERM.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const MAIN = resolve(process.cwd(), 'src/cli/main.ts');
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', MAIN, ...args], { timeout: 60_000 });

let dir = '';
let db = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jikenbo-serve-cli-'));
  db = join(dir, 'c.db');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

function serve(args: string[]): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--db', db, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => (child.kill('SIGKILL'), fail(new Error(`serve did not start: ${out}`))), 30_000);
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /serving (http:\/\/\S+\/)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      ok({
        url: m[1],
        stop: () => new Promise((done) => (child.once('exit', (code) => done(code)), child.kill('SIGTERM'))),
      });
    });
    child.once('exit', (code) => (clearTimeout(timer), fail(new Error(`serve exited ${code}: ${out}`))));
  });
}

describe('jikenbo token and serve', () => {
  it('creates, lists and revokes tokens that the server accepts and then refuses', async () => {
    const created = await cli('token', 'create', '--role', 'reader', '--name', 'ci', '--db', db);
    const token = created.stdout.trim();
    expect(token).toMatch(/^jkb_[0-9a-f]+_\S+$/);
    const list = await cli('token', 'list', '--json', '--db', db);
    const tokens = JSON.parse(list.stdout) as { id: string; role: string; name: string }[];
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ role: 'reader', name: 'ci' });
    expect(list.stdout).not.toContain(token);

    const server = await serve([]);
    try {
      expect((await fetch(`${server.url}api/incidents`)).status).toBe(401);
      const ok = await fetch(`${server.url}api/incidents`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { total: number }).total).toBe(0);
      await cli('token', 'revoke', tokens[0].id, '--db', db);
      expect((await fetch(`${server.url}api/incidents`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 90_000);

  it('rejects a bad role and anonymous access off loopback with one-line errors', async () => {
    const bad = await cli('token', 'create', '--role', 'root', '--db', db).catch((e: { code: number; stderr: string }) => e);
    expect('code' in bad && bad.code).toBe(1);
    expect((bad as { stderr: string }).stderr).toMatch(/^jikenbo: --role must be one of reader, analyst, admin\n$/);
    const off = await cli('serve', '--db', db, '--host', '0.0.0.0', '--port', '0', '--anonymous-read').catch((e: { code: number; stderr: string }) => e);
    expect((off as { stderr: string }).stderr).toMatch(/^jikenbo: anonymous read access is only allowed on a loopback address/);
  }, 60_000);

  it('serves anonymous reads on loopback with --anonymous-read', async () => {
    const server = await serve(['--anonymous-read']);
    try {
      expect((await fetch(`${server.url}api/incidents`)).status).toBe(200);
      expect((await fetch(`${server.url}api/incidents`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
