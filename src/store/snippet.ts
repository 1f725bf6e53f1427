// Snippets as segments ({text, hit}) so callers never build HTML from notice text.
import type { Snippet } from './types.js';

const WIDTH = 120;

/** A window of `text` around the first query term, with every term occurrence in it marked. */
export function makeSnippet(text: string, terms: string[]): Snippet {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const needles = terms.map((t) => t.toLowerCase()).filter((t) => t.length > 0);
  let first = -1;
  for (const n of needles) {
    const i = lower.indexOf(n);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(WIDTH / 3));
  const end = Math.min(flat.length, start + WIDTH);
  const windowLower = lower.slice(start, end);
  // mark[i] = true where character start+i is inside some match
  const mark = new Array<boolean>(end - start).fill(false);
  for (const n of needles) {
    for (let i = windowLower.indexOf(n); i >= 0; i = windowLower.indexOf(n, i + 1)) {
      for (let k = i; k < Math.min(i + n.length, mark.length); k++) mark[k] = true;
    }
  }
  const out: Snippet = [];
  if (start > 0) out.push({ text: '…', hit: false });
  let segStart = 0;
  for (let i = 1; i <= mark.length; i++) {
    if (i === mark.length || mark[i] !== mark[segStart]) {
      out.push({ text: flat.slice(start + segStart, start + i), hit: mark[segStart] });
      segStart = i;
    }
  }
  if (end < flat.length) out.push({ text: '…', hit: false });
  return out;
}
