/// <reference lib="dom" />
// (DOM types: the page.evaluate callbacks below run in the browser.)
// Notice text is untrusted: a notice full of markup and javascript: URLs is ingested through the UI, then
// previewed, searched and opened; nothing it carries may run, and no link it names may be clickable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, SHOTS, startHarness, type Harness } from './browser.js';

const HOSTILE = [
  '<script>window.__xss = "script"; alert(1)</script>不正アクセスに関するお知らせ',
  '株式会社テスト<img src=x onerror="window.__xss=\'img\';alert(2)">',
  '当社サーバーが不正アクセスを受け、お客様の氏名とメールアドレス120件が漏えいしたおそれがあります。',
  '攻撃者のサイト javascript:window.__xss="url";alert(3) および hxxps://evil[.]example[.]com/<svg/onload=alert(4)> から',
  '<a href="javascript:window.__xss=\'link\'">こちら</a> <iframe src="javascript:alert(5)"></iframe>',
  '"><script src=//evil.example/x.js></script> \u0027-alert(6)-\u0027 {{constructor.constructor("alert(7)")()}}',
].join('\n');

let h: Harness;
let page: Page;
const dialogs: string[] = [];

async function nothingRan(p: Page) {
  expect(await p.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // Markup from the notice stays text: no element of the kinds it tried to inject exists in the page.
  expect(await p.locator('main img, main iframe, main svg, main script').count()).toBe(0);
  expect(await p.locator('a[href^="javascript:" i]').count()).toBe(0);
  // Links on the page are only the UI's own hash routes.
  const hrefs = await p.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href).toMatch(/^#\//);
}

describe.skipIf(!hasChromium)('XSS in chromium', () => {
  beforeAll(async () => {
    h = await startHarness();
    page = await h.context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${h.url}#/ingest`);
    await page.evaluate((token) => localStorage.setItem('jikenbo.token', token), h.token);
  }, 120_000);
  afterAll(async () => h?.close());

  it('preview and save run nothing', async () => {
    await page.goto(`${h.url}#/ingest`);
    await page.fill('[data-testid=ingest-text]', HOSTILE);
    await page.click('[data-testid=preview]');
    await page.locator('[data-testid=preview-record]').waitFor();
    await nothingRan(page);
    await page.click('[data-testid=save]');
    await page.locator('[data-testid=case-title]').waitFor();
    // the markup is shown literally, as text
    expect(await page.locator('[data-testid=notice-text]').textContent()).toContain('<img src=x onerror=');
    for (const row of await page.locator('tr[data-field]').all()) await row.click();
    await page.locator('[data-testid=indicators] button').first().click({ timeout: 2000 }).catch(() => undefined);
    await page.screenshot({ path: `${SHOTS}/xss-case.png`, fullPage: true });
    await nothingRan(page);
  }, 60_000);

  it('search results and the dashboard run nothing', async () => {
    await page.goto(`${h.url}#/?q=${encodeURIComponent('<script>')}`);
    await page.locator('[data-testid=total]').waitFor();
    await page.goto(`${h.url}#/?q=${encodeURIComponent('不正アクセス')}`);
    await page.locator('.hit').first().waitFor();
    await nothingRan(page);
    await page.goto(`${h.url}#/dashboard`);
    await page.locator('[data-testid=dash-total]').waitFor();
    await nothingRan(page);
  }, 60_000);

  it('the page is served with a CSP that forbids inline script', async () => {
    const res = await page.request.get(h.url);
    const csp = res.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // and the browser enforces it: an inline script added at run time does not execute
    await page.goto(`${h.url}#/`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__xss = "inline"';
      document.body.appendChild(s);
    });
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  }, 60_000);
});
