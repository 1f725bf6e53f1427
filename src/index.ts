// Library entry: what `import { … } from 'jikenbo'` gives.
import { createHash } from 'node:crypto';
import { extractIncident } from './extract/index.js';
import type { Document, Incident } from './model/index.js';

export * from './model/index.js';
export { extractIncident, extractIncidentBatch } from './extract/index.js';
export { normalize, toOriginalSpan } from './text/index.js';
export * from './exchange/index.js';
export { extractIndicators, loadWarninglists, type ExtractIndicatorsOptions, type IndicatorResult, type IndicatorOccurrence, type IndicatorTags, type Warninglist } from './ioc/index.js';

export interface ExtractOptions {
  /** recorded as source.path */
  path?: string;
  /** recorded as source.url */
  url?: string;
  /** media type of the input; text/plain by default */
  mediaType?: string;
}

/** Extract incident records from a notice given as text or as UTF-8 bytes. */
export function extractIncidents(input: string | Uint8Array, options: ExtractOptions = {}): Incident[] {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  const doc: Document = {
    text,
    source: {
      ...(options.path !== undefined ? { path: options.path } : {}),
      ...(options.url !== undefined ? { url: options.url } : {}),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      mediaType: options.mediaType ?? 'text/plain',
    },
  };
  return [extractIncident(doc)];
}
