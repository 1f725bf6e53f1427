// npm run eval -- DIR... [--texts DIR] [--verbose] [--json]
// Scores the extractor against gold files: NN.json beside the notice NN.txt (or .html/.eml/.pdf), or, with
// --texts, the notice of the same stem in that folder (the bundled samples keep their gold under test/).
// Notices go through the readers, as `jikenbo extract` would read them.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, basename } from 'node:path';
import { extractFromInputs } from '../src/app/index.js';
import type { Incident } from '../src/index.js';
import { scoreDocument, summarize, SCORED_FIELDS, type Gold, type DocScore } from './score.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const asJson = args.includes('--json');
const textsAt = args.indexOf('--texts');
const textsDir = textsAt >= 0 ? args[textsAt + 1] : undefined;
const dirs = args.filter((a, i) => !a.startsWith('-') && !(textsAt >= 0 && i === textsAt + 1));
const NOTICE_EXTENSIONS = ['.txt', '.html', '.eml', '.pdf'];
if (dirs.length === 0 || (textsAt >= 0 && !textsDir)) {
  console.error('usage: npm run eval -- DIR... [--texts DIR] [--verbose] [--json]');
  process.exit(2);
}

const docs: DocScore[] = [];
const details: string[] = [];
for (const dir of dirs) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`eval: ${dir}: not a directory`);
    process.exit(2);
  }
  for (const name of readdirSync(dir).sort()) {
    if (extname(name) !== '.json') continue;
    const stem = basename(name, '.json');
    const textFile = NOTICE_EXTENSIONS.map((ext) => join(textsDir ?? dir, `${stem}${ext}`)).find((f) => existsSync(f));
    if (!textFile) continue;
    const gold = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Gold;
    const record = await extractOne(textFile);
    const score = scoreDocument(textFile, record ?? {}, gold);
    docs.push(score);
    if (verbose) {
      for (const [f, s] of Object.entries(score.scores)) {
        if (s < 1) {
          const p = (record as unknown as Record<string, unknown>)[f];
          details.push(`${textFile} ${f} (${s.toFixed(2)}): got ${JSON.stringify(p)} want ${JSON.stringify(gold[f as keyof Gold])}`);
        }
      }
    }
  }
}

const summary = summarize(docs);
if (asJson) {
  console.log(JSON.stringify({ documents: docs.length, ...summary }, null, 2));
} else {
  if (verbose) console.log(details.join('\n') + '\n');
  console.log(`documents: ${docs.length}`);
  for (const f of SCORED_FIELDS) {
    const { mean, n } = summary.perField[f];
    console.log(`${f.padEnd(22)}${mean.toFixed(3)}  (n=${n})`);
  }
  console.log(`${'macro'.padEnd(22)}${summary.macro.toFixed(3)}`);
}

async function extractOne(file: string): Promise<Incident | undefined> {
  for await (const r of extractFromInputs([file])) {
    if ('error' in r) {
      console.error(`eval: ${file}: ${r.error}`);
      return undefined;
    }
    return r.records[0];
  }
  return undefined;
}
