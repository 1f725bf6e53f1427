// The casebook site in a real browser, opened from the file system: links work, styles apply, and hostile
// notice text stays text (no script runs, no markup is created).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCasebook, casePageName } from '../../src/exchange/casebook/index.js';
import { asCase } from '../../src/exchange/common.js';
import { handCases, handRecord } from './fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hostile = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"><b>太字</b>';

describe.skipIf(!existsSync(CHROMIUM))('casebook site in a browser (file://)', () => {
  let dir = '';
  let browser: Browser;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jikenbo-casebook-'));
    const evil = asCase(
      handRecord({ caseId: '2024-666', title: `悪意ある${hostile}`, organization: hostile, text: `本文${hostile}`, evidence: { title: [{ start: 0, end: 6 }] }, source: { url: 'javascript:alert(1)', sha256: 'b'.repeat(64), mediaType: 'text/html' } }),
      '2024-666',
    );
    for (const [name, html] of exportCasebook([...handCases(), evil])) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), html);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('opens the index, follows a case link, shows highlighted evidence and runs no notice script', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    expect(await page.title()).toBe('事件簿 casebook');
    await page.click(`a[href="cases/${casePageName('2024-666')}"] >> nth=0`);
    await page.waitForLoadState();
    expect(page.url()).toContain(`/cases/${casePageName('2024-666')}`);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // the hostile markup is visible as text, never as elements
    expect(await page.locator('.notice img, .notice script, .notice b, td img').count()).toBe(0);
    expect(await page.locator('.notice').innerText()).toContain('<script>window.__xss=2</script>');
    const mark = page.locator('.notice mark').first();
    expect(await mark.getAttribute('title')).toBe('title');
    expect(await mark.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 229, 138)');
    // a javascript: source URL is not a link
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator('td', { hasText: 'javascript:alert(1)' }).count()).toBe(1);
    await mkdir(resolve('test-results/exchange'), { recursive: true });
    await page.screenshot({ path: resolve('test-results/exchange/casebook-case.png'), fullPage: true });
    await page.click('nav a');
    expect(await page.title()).toBe('事件簿 casebook');
    expect(dialogs).toEqual([]);
    await page.close();
  }, 60_000);
});
