// Extraction throughput on one core over thousands of notices, beside a plain NFKC pass over the same text
// (the cheapest thing any extractor must do), so the ratio shows what the field extractors cost on top.
// Measured two ways: in batches (extractIncidentBatch, as the CLI, ingest and the API extract) and one
// notice at a time (extractIncident, a single-notice caller).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractIncident, extractIncidentBatch } from '../../src/extract/index.js';
import type { Document } from '../../src/model/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = ['samples', 'test/fixtures/notices', '../shared/corpus/dev-synthetic', '../shared/corpus/seed-000'];
const TARGET_MB_S = 20;

function loadBase(): string[] {
  const texts: string[] = [];
  for (const rel of SOURCES) {
    const dir = join(root, rel);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) texts.push(readFileSync(join(dir, f), 'utf8'));
  }
  return texts;
}

// Deterministic variations so the corpus is thousands of distinct notices, not one text repeated.
function vary(text: string, i: number): string {
  const n = (i * 7919) % 9973;
  return text
    .replace(/\d{1,3}(,\d{3})+|\d+/g, (m) => (m.length <= 2 ? m : String((Number(m.replace(/,/g, '')) + n) % 1_000_000)))
    .replace(/株式会社/g, i % 3 === 0 ? '株式会社' : i % 3 === 1 ? '(株)' : '株式会社 ');
}

export default async function run(): Promise<void> {
  const base = loadBase();
  if (base.length === 0) {
    console.log('extract: no notices found to build a corpus');
    return;
  }
  const COUNT = 3000;
  const ROUNDS = 5;
  const docs: Document[] = [];
  let bytes = 0;
  for (let i = 0; i < COUNT; i++) {
    const text = vary(base[i % base.length], i);
    bytes += Buffer.byteLength(text);
    docs.push({ text, source: { sha256: String(i), mediaType: 'text/plain' } });
  }
  const mb = bytes / 1e6;

  const nfkcPass = () => {
    let sink = 0;
    for (const d of docs) sink += d.text.normalize('NFKC').length;
    return sink;
  };
  const batchPass = () => {
    let sink = 0;
    for (const r of extractIncidentBatch(docs)) sink += r.categories.length;
    return sink;
  };
  const singlePass = () => {
    let sink = 0;
    for (const d of docs) sink += extractIncident(d).categories.length;
    return sink;
  };

  // Warm-up: V8 is still optimizing the field code during the second pass over the corpus, and a full
  // collection falls in every other pass, so two passes of each, then the median of five rounds.
  for (let w = 0; w < 2; w++) {
    batchPass();
    singlePass();
    nfkcPass();
  }
  const bt: number[] = [];
  const sg: number[] = [];
  const nf: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let t = performance.now();
    batchPass();
    bt.push((performance.now() - t) / 1000);
    t = performance.now();
    singlePass();
    sg.push((performance.now() - t) / 1000);
    t = performance.now();
    nfkcPass();
    nf.push((performance.now() - t) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const btS = median(bt);
  const sgS = median(sg);
  const nfS = median(nf);
  // (the slowest and fastest round beside the median: on a shared machine rounds differ by a third)
  const spread = (xs: number[]) => `rounds ${(mb / Math.max(...xs)).toFixed(1)}–${(mb / Math.min(...xs)).toFixed(1)}`;
  const figures = (s: number, xs: number[]) =>
    `${(COUNT / s).toFixed(0)} notices/s, ${(mb / s).toFixed(1)} MB/s (one core; ${spread(xs)}), ${((mb / s) / TARGET_MB_S).toFixed(2)}× of the ${TARGET_MB_S} MB/s target`;
  console.log(`corpus: ${COUNT} notices, ${mb.toFixed(1)} MB (from ${base.length} base notices)`);
  console.log(`jikenbo extract, in batches: ${figures(btS, bt)}`);
  console.log(`jikenbo extract, one at a time: ${figures(sgS, sg)}`);
  console.log(`peer String.normalize('NFKC'): ${(mb / nfS).toFixed(1)} MB/s`);
  console.log(`ratio extract/NFKC: ${(nfS / btS).toFixed(3)}× in batches, ${(nfS / sgS).toFixed(3)}× one at a time`);
}
