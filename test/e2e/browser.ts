// Shared setup for the real-browser tests: Debian's chromium driven by playwright-core, the web UI built
// into a temporary folder, and a server on a random loopback port over an in-memory casebook.
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { startServer } from '../../src/server/index.js';
import { openStore, TokenStore, type Casebook } from '../../src/store/index.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`e2e: skipped — no chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk)`);

export const SHOTS = resolve(process.cwd(), 'test-results/e2e');

export interface Harness {
  url: string;
  token: string;
  store: Casebook;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const work = await mkdtemp(join(tmpdir(), 'jikenbo-e2e-'));
  const webRoot = join(work, 'web');
  await build({ configFile: resolve(process.cwd(), 'web/vite.config.ts'), logLevel: 'error', build: { outDir: webRoot, emptyOutDir: true } });
  await mkdir(SHOTS, { recursive: true });
  const store = await openStore(':memory:');
  const { token } = await new TokenStore(store.db).create('analyst', 'e2e');
  const server: { app: FastifyInstance; url: string } = await startServer({ store, webRoot, host: '127.0.0.1', port: 0 });
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'ja-JP',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    url: server.url,
    token,
    store,
    context,
    async close() {
      await context.close().catch(() => undefined);
      await server.app.close();
      await store.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
