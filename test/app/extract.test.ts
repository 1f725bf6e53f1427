// extractFromInputs extracts in batches: results must still come one per input, in input order, with read
// errors in their place and every input's own records.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFromInputs, type ExtractResult } from '../../src/app/index.js';
import { EXTRACT_CHUNK, extractIncident } from '../../src/extract/index.js';

const NOTICE = readFileSync(fileURLToPath(new URL('../fixtures/notices/', import.meta.url)) + '001.txt', 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'jikenbo-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(inputs: string[]): Promise<ExtractResult[]> {
  const out: ExtractResult[] = [];
  for await (const r of extractFromInputs(inputs)) out.push(r);
  return out;
}

describe('extractFromInputs', () => {
  it('keeps input order and each input its own record across batches', async () => {
    const inputs: string[] = [];
    // more files than one batch holds, each notice told apart by its organization
    for (let i = 0; i < EXTRACT_CHUNK + 20; i++) {
      const f = join(dir, `n${String(i).padStart(3, '0')}.txt`);
      writeFileSync(f, `株式会社テスト${i}号\n${NOTICE}`);
      inputs.push(f);
      if (i === 5 || i === EXTRACT_CHUNK) inputs.push(join(dir, `missing-${i}.txt`));
    }
    const results = await collect(inputs);
    expect(results.map((r) => r.input)).toEqual(inputs);
    for (const r of results) {
      if (r.input.includes('missing-')) {
        expect('error' in r).toBe(true);
        continue;
      }
      if ('error' in r) throw new Error(`${r.input}: ${r.error}`);
      expect(r.records).toHaveLength(1);
      const doc = { text: readFileSync(r.input, 'utf8'), source: r.records[0]!.source };
      expect(JSON.stringify(r.records[0])).toBe(JSON.stringify(extractIncident(doc)));
    }
  });

  it('gives nothing for no inputs', async () => {
    expect(await collect([])).toEqual([]);
  });
});
