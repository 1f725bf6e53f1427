// Limits every reader honours; each has a default so a plain call is safe on untrusted input.
export interface ReadOptions {
  /** bytes per input (file, download, stdin) */
  maxBytes?: number;
  /** PDF pages read per document */
  maxPages?: number;
  /** whole-fetch timeout for URLs, and the time budget for one PDF */
  timeoutMs?: number;
  /** allow fetching loopback/private/link-local/metadata addresses */
  allowPrivate?: boolean;
  /** redirects followed per URL */
  maxRedirects?: number;
  /** documents taken from one feed or archive page */
  maxDocuments?: number;
}

export const READ_DEFAULTS = {
  maxBytes: 20 * 1024 * 1024,
  maxPages: 200,
  timeoutMs: 30_000,
  allowPrivate: false,
  maxRedirects: 5,
  maxDocuments: 1000,
} as const satisfies Required<ReadOptions>;

export function withDefaults(o: ReadOptions = {}): Required<ReadOptions> {
  return {
    maxBytes: o.maxBytes ?? READ_DEFAULTS.maxBytes,
    maxPages: o.maxPages ?? READ_DEFAULTS.maxPages,
    timeoutMs: o.timeoutMs ?? READ_DEFAULTS.timeoutMs,
    allowPrivate: o.allowPrivate ?? READ_DEFAULTS.allowPrivate,
    maxRedirects: o.maxRedirects ?? READ_DEFAULTS.maxRedirects,
    maxDocuments: o.maxDocuments ?? READ_DEFAULTS.maxDocuments,
  };
}
