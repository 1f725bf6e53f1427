// npm run eval -- DIR... [--verbose] [--json]
// Scores the extractor against gold files: NN.txt (or .html/.pdf) beside NN.json.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, basename } from 'node:path';
import { extractIncidents } from '../src/index.js';
import { scoreDocument, summarize, SCORED_FIELDS, type Gold, type DocScore } from './score.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const asJson = args.includes('--json');
const dirs = args.filter((a) => !a.startsWith('-'));
if (dirs.length === 0) {
  console.error('usage: npm run eval -- DIR... [--verbose] [--json]');
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
    const textFile = join(dir, `${stem}.txt`);
    if (!existsSync(textFile)) continue;
    const gold = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Gold;
    const [record] = extractIncidents(readFileSync(textFile), { path: textFile });
    const score = scoreDocument(textFile, record, gold);
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
