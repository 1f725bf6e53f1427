// jikenbo export: cases from the store → STIX / MISP / MISP feed / VERIS / CSV / Atom / casebook site.
import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildSearchQuery } from '../../app/index.js';
import {
  StixBundleWriter,
  casebookIndex,
  casebookPages,
  exportAtom,
  exportCsv,
  exportMisp,
  exportMispFeed,
  exportVeris,
  type ExportCase,
} from '../../exchange/index.js';
import { TLP_LEVELS, isTlpLevel, type TlpLevel } from '../../model/index.js';
import type { Casebook } from '../../store/index.js';
import { fail } from '../output.js';
import { collect, dbOption, withStore } from './store-helpers.js';

export const EXPORT_FORMATS = ['stix', 'misp', 'misp-feed', 'veris', 'csv', 'atom', 'casebook'] as const;
type Format = (typeof EXPORT_FORMATS)[number];
const DIRECTORY_FORMATS = new Set<Format>(['misp-feed', 'casebook']);

interface ExportFlags {
  format?: string;
  out?: string;
  maxTlp?: string;
  db?: string;
  category?: string[];
  dataItem?: string[];
  authority?: string[];
  org?: string;
  since?: string;
  until?: string;
  year?: string;
  minAffected?: string;
  leak?: string;
  limit?: string;
  all?: boolean;
}

/**
 * The TLP level of a case. Cases come from published notices, so they are TLP:CLEAR; the function is the one
 * place to change when analyst-private cases arrive.
 */
function caseTlp(_c: ExportCase): TlpLevel {
  return 'clear';
}

const PAGE = 500;

/** Pages of cases, newest first, at most `--limit` in all; versions only when the format shows them. */
async function* casePages(store: Casebook, flags: ExportFlags, query: string | undefined, withVersions: boolean, maxTlp: TlpLevel): AsyncGenerator<ExportCase[]> {
  const max = flags.limit === undefined ? Number.MAX_SAFE_INTEGER : Number(flags.limit);
  const q = buildSearchQuery({ ...flags, q: query, limit: undefined, offset: undefined });
  const rank = (l: TlpLevel) => TLP_LEVELS.indexOf(l);
  let taken = 0;
  for (let offset = 0; taken < max; offset += PAGE) {
    const page = await store.list({ limit: PAGE, offset, query: q });
    const cases: ExportCase[] = page.slice(0, max - taken).filter((c) => rank(caseTlp(c)) <= rank(maxTlp));
    taken += Math.min(page.length, max - taken);
    if (withVersions)
      for (let i = 0; i < cases.length; i++) {
        const d = await store.get(cases[i].id);
        if (d) cases[i] = { ...cases[i], versions: d.versions };
      }
    if (cases.length) yield cases;
    if (page.length < PAGE) break;
  }
}

/** A case without its text and evidence: enough for indexes and feeds, small enough to keep for every case. */
function light(c: ExportCase): ExportCase {
  return { id: c.id, createdAt: c.createdAt, updatedAt: c.updatedAt, record: { ...c.record, text: '', evidence: {}, timeline: [], countermeasures: [] } };
}

/** Where output goes: a file or standard output, written piece by piece with back-pressure. */
function textSink(out: string | undefined): { write(s: string): Promise<void>; close(): Promise<void> } {
  const stream = !out || out === '-' ? process.stdout : createWriteStream(out);
  const failed = new Promise<never>((_, reject) => stream.on('error', reject));
  failed.catch(() => undefined);
  return {
    write: (s) => Promise.race([failed, new Promise<void>((resolve) => (stream.write(s) ? resolve() : stream.once('drain', resolve)))]),
    close: () => (stream === process.stdout ? Promise.resolve() : Promise.race([failed, new Promise<void>((resolve) => stream.end(resolve))])),
  };
}

async function writeFiles(dir: string, files: Map<string, string>): Promise<void> {
  for (const [name, text] of files) {
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
}

/** Directory formats: files per page, then the manifest or index that lists them all. */
async function exportDirectory(format: 'misp-feed' | 'casebook', pages: AsyncGenerator<ExportCase[]>, dir: string, tlp: TlpLevel): Promise<number> {
  let count = 0;
  const manifest: Record<string, unknown> = {};
  const index: ExportCase[] = [];
  for await (const page of pages) {
    count += page.length;
    if (format === 'casebook') {
      await writeFiles(dir, casebookPages(page));
      index.push(...page.map(light));
      continue;
    }
    const files = exportMispFeed(page, { tlp });
    Object.assign(manifest, JSON.parse(files.get('manifest.json') ?? '{}') as object);
    files.delete('manifest.json');
    await writeFiles(dir, files);
  }
  await mkdir(dir, { recursive: true });
  if (format === 'casebook') await writeFile(join(dir, 'index.html'), casebookIndex(index));
  else await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return count;
}

/** File formats, written page by page so a large casebook never sits in memory whole. */
async function exportFile(format: Exclude<Format, 'misp-feed' | 'casebook'>, pages: AsyncGenerator<ExportCase[]>, out: string | undefined, tlp: TlpLevel): Promise<number> {
  if (out && out !== '-') await mkdir(dirname(out), { recursive: true });
  const sink = textSink(out);
  let count = 0;
  try {
    if (format === 'atom') {
      const all: ExportCase[] = [];
      for await (const page of pages) all.push(...page.map(light));
      await sink.write(exportAtom(all));
      return all.length;
    }
    if (format === 'csv') {
      for await (const page of pages) {
        await sink.write(exportCsv(page, { bom: count === 0, header: count === 0 }));
        count += page.length;
      }
      if (!count) await sink.write(exportCsv([]));
      return count;
    }
    // JSON: one object per line inside the bundle / list
    const stix = new StixBundleWriter({ tlp });
    const objectsOf = (page: ExportCase[]): unknown[] => (format === 'stix' ? stix.objects(page) : format === 'misp' ? exportMisp(page, { tlp }) : exportVeris(page));
    let held: ExportCase[] = [];
    let written = 0;
    for await (const page of pages) {
      count += page.length;
      // one MISP case is written as a single event object (what MISP's JSON import takes), so wait and see
      if (format === 'misp' && count === 1 && written === 0) {
        held = page;
        continue;
      }
      if (written === 0) await sink.write(format === 'stix' ? '{"type": "bundle",\n"objects": [\n' : '[\n');
      for (const o of objectsOf([...held, ...page])) await sink.write(`${written++ ? ',\n' : ''}${JSON.stringify(o)}`);
      held = [];
    }
    if (held.length) await sink.write(`${JSON.stringify(exportMisp(held, { tlp })[0], null, 2)}\n`);
    else if (format === 'stix') {
      if (written === 0) {
        await sink.write('{"type": "bundle",\n"objects": [\n');
        for (const o of stix.objects([])) await sink.write(`${written++ ? ',\n' : ''}${JSON.stringify(o)}`);
      }
      await sink.write(`\n],\n"id": "${stix.bundleId()}"}\n`);
    } else await sink.write(written ? '\n]\n' : '[]\n');
    return count;
  } finally {
    await sink.close();
  }
}

export function registerExport(program: Command): void {
  dbOption(
    program
      .command('export')
      .description('export cases as STIX 2.1, MISP (event or feed), VERIS 1.4, CSV, Atom or a static casebook site')
      .argument('[query]', 'only cases matching these words (as in search)')
      .requiredOption('--format <format>', EXPORT_FORMATS.join(' | '))
      .option('--out <path>', 'output file (default: standard output); a directory for misp-feed and casebook')
      .option('--max-tlp <level>', `leave out cases marked above this level: ${TLP_LEVELS.join(' | ')}`, 'clear')
      .option('--category <c>', 'only cases with this category (repeatable)', collect)
      .option('--data-item <d>', 'only cases exposing this data item (repeatable)', collect)
      .option('--authority <a>', 'only cases reported to this authority (repeatable)', collect)
      .option('--org <text>', 'organization name contains')
      .option('--since <date>', 'published on or after (YYYY-MM-DD, YYYY-MM, YYYY)')
      .option('--until <date>', 'published on or before')
      .option('--year <yyyy>', 'published in this year')
      .option('--min-affected <n>', 'at least this many people/records affected')
      .option('--leak <status>', 'confirmed | possible | none_confirmed')
      .option('--limit <n>', 'at most this many cases (newest first)')
      .option('--all', 'include notices judged not to be incidents'),
  ).action(async (query: string | undefined, flags: ExportFlags) => {
    const format = flags.format as Format;
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    const maxTlp = flags.maxTlp ?? 'clear';
    if (!isTlpLevel(maxTlp)) fail(`--max-tlp must be one of ${TLP_LEVELS.join(', ')}`);
    if (flags.limit !== undefined && !/^\d{1,9}$/.test(flags.limit)) fail('--limit must be a non-negative integer');
    if (DIRECTORY_FORMATS.has(format) && !flags.out) fail(`--format ${format} writes a directory: give it with --out DIR`);

    // cases from published notices are TLP:CLEAR (caseTlp); markings carry that level
    const tlp: TlpLevel = 'clear';
    const count = await withStore(flags.db, (store) => {
      const pages = casePages(store, flags, query, format === 'casebook', maxTlp);
      return format === 'misp-feed' || format === 'casebook' ? exportDirectory(format, pages, flags.out as string, tlp) : exportFile(format, pages, flags.out, tlp);
    });
    process.stderr.write(`exported ${count} case(s) as ${format}${flags.out && flags.out !== '-' ? ` to ${flags.out}` : ''}\n`);
  });
}
