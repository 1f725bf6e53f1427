// Use case: read inputs and extract one record per notice.
import { EXTRACT_CHUNK, extractIncident, extractIncidentBatch } from '../extract/index.js';
import type { Incident } from '../model/index.js';
import { readInputs, type InputOptions, type InputResult } from './inputs.js';

export type ExtractResult = { input: string; records: Incident[] } | { input: string; error: string };

/** Text held back for one batch at most: big inputs are extracted soon rather than kept in memory. */
const BATCH_CHARS = 8_000_000;

/**
 * The inputs' records, in input order. Documents are extracted in batches (extractIncidentBatch runs each
 * field over many notices at once, which is faster), so results arrive a batch at a time.
 */
export async function* extractFromInputs(inputs: string[], options: InputOptions = {}): AsyncGenerator<ExtractResult> {
  let pending: InputResult[] = [];
  let docs = 0;
  let chars = 0;
  for await (const r of readInputs(inputs, options)) {
    pending.push(r);
    if (!('error' in r)) {
      docs += r.documents.length;
      for (const d of r.documents) chars += d.text.length;
    }
    if (docs >= EXTRACT_CHUNK || chars >= BATCH_CHARS) {
      yield* extractPending(pending);
      pending = [];
      docs = 0;
      chars = 0;
    }
  }
  yield* extractPending(pending);
}

function extractPending(pending: InputResult[]): ExtractResult[] {
  const docs = pending.flatMap((r) => ('error' in r ? [] : r.documents));
  let records: Incident[];
  try {
    records = extractIncidentBatch(docs);
  } catch {
    // A bug in an extractor must not take the batch down: extract input by input to report it against
    // the input it came from.
    return pending.map(extractOne);
  }
  let next = 0;
  return pending.map((r) => {
    if ('error' in r) return r;
    const own = records.slice(next, next + r.documents.length);
    next += r.documents.length;
    return { input: r.input, records: own };
  });
}

function extractOne(r: InputResult): ExtractResult {
  if ('error' in r) return r;
  try {
    return { input: r.input, records: r.documents.map((d) => extractIncident(d)) };
  } catch (err) {
    return { input: r.input, error: `extraction failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
