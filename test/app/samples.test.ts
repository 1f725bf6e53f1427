// The bundled sample notices (samples/) are what a first-time user sees through `jikenbo demo`. Their gold
// labels live under test/fixtures/samples so the package ships only the notices. This checks that the set
// is what the demo promises (enough notices, every format, every category, some non-incidents), that the
// labels are well-formed and agree with the extractor above a floor, and that the demo loads them all.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFromInputs, ingestSamples, sampleFiles, samplesDir } from '../../src/app/index.js';
import type { Incident } from '../../src/index.js';
import { CATEGORIES } from '../../src/model/index.js';
import { openStore, type Casebook } from '../../src/store/index.js';
import { scoreDocument, summarize, type Gold as ScoredGold } from '../../scripts/score.js';
import { goldProblems, searchable, INDICATOR_KEYS, type Gold } from '../helpers/gold.js';
import { runCli } from '../helpers/cli.js';

const GOLD_DIR = fileURLToPath(new URL('../fixtures/samples/', import.meta.url));
const stem = (f: string) => basename(f, extname(f));

function loadGold(): Map<string, Gold> {
  const golds = new Map<string, Gold>();
  for (const n of readdirSync(GOLD_DIR).filter((n) => n.endsWith('.json')).sort()) {
    golds.set(basename(n, '.json'), JSON.parse(readFileSync(join(GOLD_DIR, n), 'utf8')) as Gold);
  }
  return golds;
}

describe('bundled samples', () => {
  let files: string[] = [];
  const golds = loadGold();
  const records = new Map<string, Incident>();

  beforeAll(async () => {
    files = await sampleFiles();
    for (const f of files) {
      for await (const r of extractFromInputs([f])) {
        if ('error' in r) throw new Error(`${f}: ${r.error}`);
        records.set(stem(f), r.records[0]!);
      }
    }
  }, 120_000);

  it('holds at least 30 notices in every input format, each with a gold file and back', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(new Set(files.map((f) => extname(f).toLowerCase()))).toEqual(new Set(['.txt', '.html', '.eml', '.pdf']));
    expect([...golds.keys()].sort()).toEqual(files.map(stem).sort());
    // at least one text file that is not UTF-8, so the demo shows encoding detection at work
    const notUtf8 = files.filter((f) => f.endsWith('.txt')).filter((f) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(f));
        return false;
      } catch {
        return true;
      }
    });
    expect(notUtf8.length).toBeGreaterThanOrEqual(1);
  });

  it('has gold records that follow the schema, name what the text says, and cover every category', () => {
    const bad: string[] = [];
    const seen = new Set<string>();
    let nonIncidents = 0;
    for (const [s, g] of golds) {
      for (const p of goldProblems(g)) bad.push(`${s}.json: ${p}`);
      if (!g.isIncident) {
        nonIncidents++;
        continue;
      }
      for (const c of (g.categories as string[] | undefined) ?? []) seen.add(c);
      const text = records.get(s)?.text;
      if (text === undefined) continue;
      const hay = searchable(text);
      const need = [String(g.organization), ...(g.otherOrganizations as { name: string }[]).map((o) => o.name)];
      if (typeof g.caseId === 'string') need.push(`#${g.caseId}`);
      for (const k of INDICATOR_KEYS) need.push(...(g.indicators as Record<string, string[]>)[k]!);
      for (const n of need) if (!hay.includes(searchable(n))) bad.push(`${s}: "${n}" not in the text`);
    }
    expect(bad).toEqual([]);
    expect(nonIncidents).toBeGreaterThanOrEqual(4);
    expect(CATEGORIES.filter((c) => c !== 'other' && !seen.has(c))).toEqual([]);
  });

  it('the extractor agrees with the gold labels above a floor', () => {
    const docs = [...golds].map(([s, g]) => scoreDocument(s, records.get(s) ?? {}, g as ScoredGold));
    const summary = summarize(docs);
    // every non-incident is told apart from the notices
    expect(summary.perField.isIncident.mean).toBe(1);
    expect(summary.macro).toBeGreaterThanOrEqual(0.9);
    for (const [field, { mean }] of Object.entries(summary.perField)) {
      expect.soft(mean, field).toBeGreaterThanOrEqual(0.75);
    }
  });
});

describe('jikenbo demo', () => {
  let dir = '';
  let store: Casebook | null = null;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jikenbo-demo-'));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingests every sample into a fresh database without a failure', async () => {
    store = await openStore(join(dir, 'samples.db'));
    const summary = await ingestSamples(store);
    expect(summary.failed).toEqual([]);
    expect(summary.files).toBeGreaterThanOrEqual(30);
    const cases = await store.list({ limit: 1000 });
    expect(cases.length).toBeGreaterThanOrEqual(25); // follow-ups join their first notice's case
    const categories = await store.stats('category');
    expect(categories.length).toBeGreaterThanOrEqual(10);
    const hits = await store.search({ q: 'ランサムウェア', limit: 10 });
    expect(hits.total).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('the CLI replaces an old demo database and prints stats and a search', () => {
    const db = join(dir, 'cli-demo.db');
    const first = runCli(['demo', '--no-serve', '--db', db]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const again = runCli(['demo', '--no-serve', '--db', db]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/(\d+) sample notice\(s\): (\d+) new/);
    const [, files, created] = /(\d+) sample notice\(s\): (\d+) new/.exec(again.stdout)!;
    expect(Number(files)).toBeGreaterThanOrEqual(30);
    // a fresh database each time: everything is new again, nothing "unchanged"
    expect(Number(created)).toBeGreaterThanOrEqual(25);
    expect(again.stdout).toContain('ランサムウェア');
    expect(samplesDir()).toMatch(/samples\/?$/);
  }, 240_000);
});
