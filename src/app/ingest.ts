// Use case: read inputs → extract → store, in transactions of batches, with a summary of what happened.
import type { Incident } from '../model/index.js';
import type { Store } from '../store/index.js';
import { extractFromInputs } from './extract.js';
import type { InputOptions } from './inputs.js';

export interface IngestOptions extends InputOptions {
  /** records per transaction */
  batchSize?: number;
  /** called after each input is read (done inputs so far) and after each committed batch */
  onProgress?: (event: { inputsDone: number; recordsStored: number }) => void;
}

export interface IngestSummary {
  new: number;
  updated: number;
  unchanged: number;
  failed: { input: string; reason: string }[];
  /** case ids touched, in ingest order */
  ids: string[];
}

const errorLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

export async function ingestInputs(store: Store, inputs: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const batchSize = Math.max(1, Math.min(10_000, options.batchSize ?? 200));
  const summary: IngestSummary = { new: 0, updated: 0, unchanged: 0, failed: [], ids: [] };
  let pending: { input: string; record: Incident }[] = [];
  let inputsDone = 0;
  let stored = 0;

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    let results;
    try {
      results = await store.ingestBatch(batch.map((b) => b.record));
    } catch {
      // One bad record must not sink the batch: retry one by one to find it and keep the rest.
      results = [];
      for (const b of batch) {
        try {
          results.push((await store.ingestBatch([b.record]))[0]);
        } catch (err) {
          results.push(null);
          summary.failed.push({ input: b.input, reason: `store failed: ${errorLine(err)}` });
        }
      }
    }
    for (const r of results) {
      if (!r) continue;
      summary[r.outcome]++;
      summary.ids.push(r.id);
      stored++;
    }
    options.onProgress?.({ inputsDone, recordsStored: stored });
  };

  for await (const r of extractFromInputs(inputs, options)) {
    inputsDone++;
    if ('error' in r) summary.failed.push({ input: r.input, reason: r.error });
    else for (const record of r.records) pending.push({ input: r.input, record });
    if (pending.length >= batchSize) await flush();
    else options.onProgress?.({ inputsDone, recordsStored: stored });
  }
  await flush();
  return summary;
}
