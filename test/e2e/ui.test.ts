/// <reference lib="dom" />
// (DOM types: the page.evaluate callbacks below run in the browser.)
// The analyst's path in a real browser: ingest through the UI, search, open the case, see a field's evidence,
// correct a field, view the dashboard. Screenshots go to test-results/e2e/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, SHOTS, startHarness, type Harness } from './browser.js';

const NOTICE = [
  '当社ウェブサイトへの不正アクセスによる個人情報漏えいに関するお知らせ',
  '2024年6月3日',
  '株式会社さくら通販',
  'このたび、当社が運営する通販サイトのサーバーが第三者による不正アクセスを受け、ランサムウェアに感染したことが判明いたしました。',
  '調査の結果、お客様の氏名、住所、電話番号、メールアドレス合計12,345件が漏えいした可能性があります。',
  'なお、クレジットカード情報は含まれておりません。',
  '本件については個人情報保護委員会へ報告するとともに、警察に相談しております。',
].join('\n');

let h: Harness;
let page: Page;
const errors: string[] = [];

describe.skipIf(!hasChromium)('web UI in chromium', () => {
  beforeAll(async () => {
    h = await startHarness();
    page = await h.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  }, 120_000);
  afterAll(async () => h?.close());

  it('sets a token, previews and saves a pasted notice', async () => {
    // without a token the server refuses, and the page says what to do
    await page.goto(`${h.url}#/`);
    await page.locator('[role=alert] .hint').waitFor();
    expect(await page.locator('[role=alert]').textContent()).toContain('jikenbo token create');
    await page.goto(`${h.url}#/ingest`);
    await page.getByRole('button', { name: /APIトークン/ }).click();
    await page.fill('input[name=token]', h.token);
    await page.getByRole('button', { name: '保存', exact: true }).first().click();
    await page.fill('[data-testid=ingest-text]', NOTICE);
    await page.click('[data-testid=preview]');
    const preview = page.locator('[data-testid=preview-record]');
    await preview.waitFor();
    expect(await preview.locator('tr[data-field=affectedCount] td.value').textContent()).toContain('12,345');
    await page.screenshot({ path: `${SHOTS}/1-ingest-preview.png`, fullPage: true });
    expect(await h.store.count()).toBe(0); // a preview stores nothing
    await page.click('[data-testid=save]');
    await page.locator('[data-testid=case-title]').waitFor();
    expect(await page.locator('[data-testid=case-title]').textContent()).toContain('不正アクセス');
    expect(await h.store.count()).toBe(1);
  }, 60_000);

  it('previews an uploaded file', async () => {
    await page.goto(`${h.url}#/ingest`);
    const notice = '誤送信に関するお詫び\n2024年7月1日\n当社職員が、お客様35名のメールアドレスを宛先に入力したまま一斉送信したことが判明しました。';
    await page.setInputFiles('input[type=file]', { name: 'misdelivery.txt', mimeType: 'text/plain', buffer: Buffer.from(notice) });
    await page.click('[data-testid=preview]');
    const preview = page.locator('[data-testid=preview-record]');
    await preview.waitFor();
    expect(await preview.locator('h2').textContent()).toContain('誤送信');
    expect(await preview.locator('tr[data-field=affectedCount] td.value').textContent()).toContain('35');
    expect(await h.store.count()).toBe(1);
  }, 60_000);

  it('finds the case by a Japanese query with highlighted snippets and facets, and keeps the query in the URL', async () => {
    await page.goto(`${h.url}#/?q=${encodeURIComponent('ランサムウェア')}`);
    await page.locator('.hit').first().waitFor();
    expect(await page.locator('[data-testid=total]').textContent()).toMatch(/^1\s/);
    expect(await page.locator('.snippet mark').first().textContent()).toBe('ランサムウェア');
    const facet = page.locator('[data-testid=facets] label', { hasText: 'ランサムウェア' });
    expect(await facet.locator('.count').textContent()).toBe('1');
    await facet.locator('input').check();
    await page.waitForURL(/category=ransomware/);
    await page.locator('.hit').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/2-search.png`, fullPage: true });
    // the filtered results download as CSV, fetched with the token
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-menu] button', { hasText: 'CSV' }).click()]);
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv).toContain('株式会社さくら通販');
    expect(csv.trim().split('\n')).toHaveLength(2);
    await page.locator('.hit-title').first().click();
    await page.locator('[data-testid=case-title]').waitFor();
  }, 60_000);

  it('highlights the evidence of a clicked field in the notice text', async () => {
    expect(await page.locator('[data-testid=notice-text] mark').count()).toBe(0);
    await page.click('tr[data-field=affectedCount]');
    const marks = page.locator('[data-testid=notice-text] mark');
    await marks.first().waitFor();
    expect((await marks.allTextContents()).join('')).toContain('12,345');
    await page.click('tr[data-field=dataItems]');
    expect((await marks.allTextContents()).join('')).toContain('氏名');
    await page.screenshot({ path: `${SHOTS}/3-case-evidence.png`, fullPage: true });
  }, 60_000);

  it('stores an analyst correction and shows it as analyst', async () => {
    expect(await page.locator('[data-testid=prov-leakStatus]').textContent()).toBe('自動');
    await page.selectOption('[data-testid=correction-form] select[name=field]', 'leakStatus');
    await page.fill('[data-testid=correction-form] textarea[name=value]', 'confirmed');
    await page.click('[data-testid=correction-form] button[type=submit]');
    await page.locator('[data-testid=prov-leakStatus]', { hasText: '分析者' }).waitFor();
    expect(await page.locator('tr[data-field=leakStatus] td.value').textContent()).toBe('漏えい確認');
    const id = (await page.locator('.case-id').first().textContent()) ?? '';
    expect((await h.store.get(id))?.record.leakStatus).toBe('confirmed');
    // a list field: comma-separated vocabulary codes
    await page.selectOption('[data-testid=correction-form] select[name=field]', 'categories');
    await page.fill('[data-testid=correction-form] textarea[name=value]', 'ransomware, malware');
    await page.click('[data-testid=correction-form] button[type=submit]');
    await page.locator('[data-testid=prov-categories]', { hasText: '分析者' }).waitFor();
    expect(await page.locator('tr[data-field=categories] td.value').textContent()).toBe('ランサムウェア、マルウェア');
    await page.screenshot({ path: `${SHOTS}/4-case-corrected.png`, fullPage: true });
  }, 60_000);

  it('shows the dashboard with its chart and counts', async () => {
    await page.goto(`${h.url}#/dashboard`);
    await page.locator('[data-testid=dash-total]').waitFor();
    expect(await page.locator('[data-testid=dash-total]').textContent()).toBe('1');
    await page.locator('[data-testid=month-chart] canvas').waitFor();
    expect(await page.locator('[data-testid=dash-items] li').count()).toBeGreaterThan(2);
    expect(await page.locator('[data-testid=dash-leak]').textContent()).toContain('漏えい確認');
    await page.screenshot({ path: `${SHOTS}/5-dashboard.png`, fullPage: true });
  }, 60_000);

  it('switches to English and fits a phone screen', async () => {
    await page.click('[data-testid=lang]');
    await page.locator('nav a', { hasText: 'Dashboard' }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.url}#/?q=${encodeURIComponent('不正アクセス')}`);
    await page.locator('.hit-title').first().click();
    await page.locator('[data-testid=case-title]').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `${SHOTS}/6-case-phone-en.png`, fullPage: true });
    await page.click('[data-testid=lang]');
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);

  it('shows a follow-up notice as a second version and can display the first', async () => {
    const second = NOTICE.replace('に関するお知らせ', 'に関するお知らせ（第2報）').replace('2024年6月3日', '2024年6月20日').replace('12,345件', '15,000件');
    const r = await page.request.post(`${h.url}api/incidents`, { headers: { authorization: `Bearer ${h.token}` }, data: { text: second } });
    expect(r.ok()).toBe(true);
    const { results } = (await r.json()) as { results: { id: string; version: number }[] };
    expect(results[0].version).toBe(2);
    await page.goto(`${h.url}#/case/${results[0].id}`);
    await page.reload(); // the page may already show this case (same hash): load it afresh
    await page.locator('[data-testid=versions] li').nth(1).waitFor();
    expect(await page.locator('tr[data-field=affectedCount] td.value').textContent()).toContain('15,000');
    await page.locator('[data-testid=versions] li button').first().click();
    await page.locator('[data-testid=version-banner]').waitFor();
    expect(await page.locator('tr[data-field=affectedCount] td.value').textContent()).toContain('12,345');
    await page.screenshot({ path: `${SHOTS}/7-case-first-version.png`, fullPage: true });
    await page.locator('[data-testid=version-banner] button').click();
    expect(await page.locator('tr[data-field=affectedCount] td.value').textContent()).toContain('15,000');
  }, 60_000);

  it('logs no script errors', () => {
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
