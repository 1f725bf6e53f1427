// extractIncidentBatch runs each field over a chunk of notices before the next field. It must give exactly
// the records extractIncident gives one notice at a time: same values, same key order, same evidence.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXTRACT_CHUNK, extractIncident, extractIncidentBatch } from '../../src/extract/index.js';
import type { Document } from '../../src/model/index.js';

const NOTICES = fileURLToPath(new URL('../fixtures/notices/', import.meta.url));

function corpus(): Document[] {
  const texts = readdirSync(NOTICES).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(NOTICES, f), 'utf8'));
  const docs: Document[] = [];
  // more than two chunks, with the odd inputs a batch must not let leak into its neighbours
  const odd = ['', '\n\n', '。。。', '令和6年2月15日に不正アクセスが判明', 'x'.repeat(3000)];
  for (let i = 0; docs.length < 2 * EXTRACT_CHUNK + 7; i++) {
    const text = i % 9 === 4 ? odd[i % odd.length]! : texts[i % texts.length]!.replace(/株式会社/g, i % 2 ? '(株)' : '株式会社');
    docs.push({ text, source: { sha256: String(i), mediaType: 'text/plain' } });
  }
  return docs;
}

// key order is part of the record (JSON output), so records are compared as their JSON
const asJson = (r: unknown) => JSON.stringify(r);

describe('extractIncidentBatch', () => {
  it('gives each document the record extractIncident gives it, across chunk boundaries', () => {
    const docs = corpus();
    const batch = extractIncidentBatch(docs);
    expect(batch).toHaveLength(docs.length);
    for (let i = 0; i < docs.length; i++) expect(asJson(batch[i]), `document ${i}`).toBe(asJson(extractIncident(docs[i]!)));
    // the records really differ from one another: a batch that repeated one record would fail above
    expect(new Set(batch.map((r) => r.organization)).size).toBeGreaterThan(10);
  });

  it('does not depend on what else is in the batch', () => {
    const docs = corpus();
    const whole = extractIncidentBatch(docs).map(asJson);
    const reversed = extractIncidentBatch([...docs].reverse()).map(asJson).reverse();
    expect(reversed).toEqual(whole);
  });

  it('returns nothing for no documents', () => {
    expect(extractIncidentBatch([])).toEqual([]);
  });
});
