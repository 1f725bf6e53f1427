// What every field extractor receives: the normalized notice text and helpers to report evidence.
import type { Document } from '../model/index.js';
import { normalize, type NormalizedText } from '../text/index.js';

/** A span in the *normalized* text (ctx.text). compose.ts maps it back to the original. */
export interface NSpan {
  start: number;
  end: number;
}

export interface FieldResult<T> {
  value: T;
  evidence: NSpan[];
}

export interface Line {
  /** offsets in ctx.text */
  start: number;
  end: number;
  text: string;
}

export interface ExtractContext {
  doc: Document;
  nt: NormalizedText;
  /** NFKC text with LF line ends: what extractors match against */
  text: string;
  lines: Line[];
}

export function createContext(doc: Document): ExtractContext {
  const nt = normalize(doc.text);
  const text = nt.text;
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    lines.push({ start: pos, end: nl, text: text.slice(pos, nl) });
    pos = nl + 1;
  }
  return { doc, nt, text, lines };
}

export function result<T>(value: T, evidence: NSpan[] = []): FieldResult<T> {
  return { value, evidence };
}
