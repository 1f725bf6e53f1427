// Use case: read inputs and extract one record per notice.
import { extractIncident } from '../extract/index.js';
import type { Incident } from '../model/index.js';
import { readInputs, type InputOptions } from './inputs.js';

export type ExtractResult = { input: string; records: Incident[] } | { input: string; error: string };

export async function* extractFromInputs(inputs: string[], options: InputOptions = {}): AsyncGenerator<ExtractResult> {
  for await (const r of readInputs(inputs, options)) {
    if ('error' in r) {
      yield r;
      continue;
    }
    try {
      yield { input: r.input, records: r.documents.map((d) => extractIncident(d)) };
    } catch (err) {
      // A bug in an extractor must not take the batch down; report it against the input.
      yield { input: r.input, error: `extraction failed: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
}
