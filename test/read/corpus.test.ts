// The readers must not cost the extractor anything: every corpus notice, wrapped in a realistic web page
// (navigation, sidebar, footer, scripts), extracts to the same key fields as the plain text.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractIncident } from '../../src/extract/index.js';
import { readBytes } from '../../src/read/index.js';

const FIELDS = ['isIncident', 'organization', 'affectedCount', 'publishedAt', 'leakStatus', 'categories', 'dataItems'] as const;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(text: string): string {
  const [title, ...rest] = text.split('\n');
  const nav = Array.from({ length: 12 }, (_, i) => `<li><a href="/c/${i}">カテゴリ${i}</a></li>`).join('');
  const body = rest.map((l) => (l.trim() ? `<p>${esc(l)}</p>` : '')).join('\n');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${esc(title)} | 株式会社サイト</title>
<script>var s = "スクリプト";</script></head><body><header><nav><ul>${nav}</ul></nav></header>
<main><article><h1>${esc(title)}</h1>${body}</article></main><aside><h3>人気の記事</h3><ul>${nav}</ul></aside>
<footer><p>Copyright 株式会社サイト</p></footer></body></html>`;
}

describe('HTML-wrapped corpus notices', () => {
  const dirs = ['seed-000', 'dev-synthetic'].map((d) => resolve(process.cwd(), '../shared/corpus', d)).filter(existsSync);

  it('extract to the same fields as their plain text', async (ctx) => {
    if (dirs.length === 0) return ctx.skip();
    const agree: Record<string, number> = {};
    let n = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
        const text = readFileSync(join(dir, f), 'utf8');
        const plain = extractIncident({ text, source: { sha256: 'x', mediaType: 'text/plain' } }) as unknown as Record<string, unknown>;
        const docs = await readBytes(Buffer.from(page(text)), { path: `${f}.html` });
        expect(docs).toHaveLength(1);
        const html = extractIncident(docs[0]) as unknown as Record<string, unknown>;
        n++;
        for (const k of FIELDS) agree[k] = (agree[k] ?? 0) + (JSON.stringify(plain[k]) === JSON.stringify(html[k]) ? 1 : 0);
      }
    }
    expect(n).toBeGreaterThan(10);
    for (const k of FIELDS) expect(agree[k] / n, k).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
