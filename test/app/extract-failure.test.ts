// When an extractor throws, only the input it came from fails: the batch is redone input by input.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Document } from '../../src/model/index.js';

const POISON = 'この行で抽出器が落ちる';
vi.mock('../../src/extract/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/extract/index.js')>();
  const check = (d: Document) => {
    if (d.text.includes(POISON)) throw new Error('simulated extractor bug');
  };
  return {
    ...real,
    extractIncident: (d: Document) => (check(d), real.extractIncident(d)),
    extractIncidentBatch: (docs: readonly Document[]) => (docs.forEach(check), real.extractIncidentBatch(docs)),
  };
});
const { extractFromInputs } = await import('../../src/app/index.js');

const dir = mkdtempSync(join(tmpdir(), 'jikenbo-extract-fail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extractFromInputs with a failing extractor', () => {
  it('reports the failure against its input and still extracts the others', async () => {
    const files = ['a', 'b', 'c'].map((n) => join(dir, `${n}.txt`));
    writeFileSync(files[0]!, '株式会社エー\n不正アクセスについて');
    writeFileSync(files[1]!, `株式会社ビー\n${POISON}`);
    writeFileSync(files[2]!, '株式会社シー\n誤送信について');
    const out = [];
    for await (const r of extractFromInputs(files)) out.push(r);
    expect(out.map((r) => r.input)).toEqual(files);
    expect(out[1]).toEqual({ input: files[1], error: 'extraction failed: simulated extractor bug' });
    expect(out[0]).toHaveProperty('records');
    expect(out[2]).toHaveProperty('records');
  });
});
