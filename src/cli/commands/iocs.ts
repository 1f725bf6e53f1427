// jikenbo iocs: every indicator in the inputs (raw extraction: URL hosts and e-mail domains are listed
// under domains too), refanged and normalized; optionally with offsets and warninglist tags.
import type { Command } from 'commander';
import {
  extractIndicators,
  INDICATOR_TYPES,
  loadWarninglists,
  readInputs,
  type IndicatorResult,
  type Warninglist,
} from '../../app/index.js';
import { fail, printError } from '../output.js';

interface IocsFlags {
  json?: boolean;
  jsonl?: boolean;
  csv?: boolean;
  warninglists?: string;
  offsets?: boolean;
  maxBytes?: string;
}

function csvField(s: string): string {
  // quote always; neutralize spreadsheet formulas (untrusted text ends up in Excel)
  const safe = /^[=+@\t\r]|^-./.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

function tagText(r: IndicatorResult, value: string): string {
  const t = r.tags?.[value];
  if (!t) return '';
  return [t.ip, ...(t.benign ?? []).map((b) => `benign:${b}`)].filter(Boolean).join(' ');
}

function printText(path: string, r: IndicatorResult, many: boolean): void {
  const lines: string[] = [];
  if (many) lines.push(`■ ${path}`);
  for (const type of INDICATOR_TYPES) {
    for (const value of r[type]) {
      const tag = tagText(r, value);
      lines.push(`${type.padEnd(9)}${value}${tag ? `  [${tag}]` : ''}`);
    }
  }
  if (lines.length === (many ? 1 : 0)) lines.push('(no indicators)');
  process.stdout.write(lines.join('\n') + '\n');
}

export function registerIocs(program: Command): void {
  program
    .command('iocs')
    .description('list the indicators (URLs, domains, IPs, e-mails, hashes, CVEs, ASNs, bitcoin, JVN ids) in texts')
    .argument('[inputs...]', 'files, or - for standard input', ['-'])
    .option('--json', 'print one JSON array of {source, indicators}')
    .option('--jsonl', 'print one {"source","indicators"} JSON line per input')
    .option('--csv', 'print CSV rows: source,type,value,start,end,tags')
    .option('--warninglists <dir>', 'tag values found on the MISP warninglists in DIR (NAME/list.json) as benign')
    .option('--offsets', 'include every occurrence with offsets into the input text')
    .option('--max-bytes <n>', 'largest input accepted, in bytes', String(20 * 1024 * 1024))
    .action(async (inputs: string[], flags: IocsFlags) => {
      // a closed pipe (| head) ends the output quietly
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      });
      if ([flags.json, flags.jsonl, flags.csv].filter(Boolean).length > 1) fail('choose one of --json, --jsonl and --csv');
      const maxBytes = Number(flags.maxBytes);
      if (!Number.isInteger(maxBytes) || maxBytes <= 0) fail('--max-bytes must be a positive integer');
      let lists: Warninglist[] | undefined;
      if (flags.warninglists !== undefined) {
        try {
          lists = loadWarninglists(flags.warninglists);
        } catch (err) {
          fail(err instanceof Error ? err.message : String(err));
        }
      }
      const names = inputs.length ? inputs : ['-'];
      const all: unknown[] = [];
      let failed = 0;
      if (flags.csv) process.stdout.write('source,type,value,start,end,tags\n');
      for await (const r of readInputs(names, { maxBytes })) {
        if ('error' in r) {
          failed++;
          printError(r.input, r.error);
          continue;
        }
        for (const doc of r.documents) {
          const found = extractIndicators(doc.text, { offsets: flags.offsets || flags.csv, warninglists: lists, tags: true });
          const source = { path: doc.source.path ?? doc.source.url ?? r.input };
          if (flags.csv) {
            for (const type of INDICATOR_TYPES) {
              for (const o of found.offsets![type]) {
                process.stdout.write(
                  [source.path, type, o.value].map(csvField).join(',') + `,${o.start},${o.end},${csvField(tagText(found, o.value))}\n`,
                );
              }
            }
            continue;
          }
          const { offsets, tags, ...indicators } = found;
          const record = {
            source,
            indicators,
            // the JSON shape stays {source, indicators} unless tagging against warninglists was asked for
            ...(lists && tags ? { tags } : {}),
            ...(offsets ? { offsets } : {}),
          };
          if (flags.jsonl) process.stdout.write(JSON.stringify(record) + '\n');
          else if (flags.json) all.push(record);
          else printText(source.path, found, names.length > 1);
        }
      }
      if (flags.json) process.stdout.write(JSON.stringify(all, null, 2) + '\n');
      if (failed) process.exitCode = 1;
    });
}
