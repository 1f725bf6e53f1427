// Parts of a notice that describe neither the data involved nor the measures: the contact desk and
// requests to readers. Quantities and data items found there are ignored, and for the affected count
// the recurrence-prevention sections too (their counts are staff and checks).
import { splitSections, type Section, type TextLine } from '../../text/index.js';
import type { ExtractContext, NSpan } from '../context.js';

// Several extractors read the sections of the same notice; split it once per context (no shared state
// beyond the context's lifetime).
const cache = new WeakMap<ExtractContext, Section[]>();

/** ctx.lines as splitLines gives them: without the empty line after a final newline (or of an empty text). */
function textLines(ctx: ExtractContext): TextLine[] {
  const last = ctx.lines[ctx.lines.length - 1];
  return last !== undefined && last.start === ctx.text.length ? ctx.lines.slice(0, -1) : ctx.lines;
}

export function sectionsOf(ctx: ExtractContext): Section[] {
  let s = cache.get(ctx);
  if (!s) {
    s = splitSections(ctx.text, textLines(ctx));
    cache.set(ctx, s);
  }
  return s;
}

const CONTACT_TITLE = /(?:問い?合わせ|問合せ|窓口|連絡先|お願い|ご注意|注意喚起|本件に関する|照会先)/;

export function contactSectionSpans(ctx: ExtractContext): NSpan[] {
  const out: NSpan[] = [];
  for (const s of sectionsOf(ctx)) {
    if (s.heading && s.heading.start > 0 && CONTACT_TITLE.test(s.title)) out.push({ start: s.heading.start, end: s.end });
  }
  return out;
}

// A section of recurrence-prevention measures only (「原因と再発防止策」 also tells what happened).
const PREVENTION_ONLY_TITLE = /(?:再発防止|防止策|防止対策|改善策|今後の対策)/;
const CAUSE_TITLE = /原因|経緯|概要/;

/** The contact and request sections, and for counts the measures sections too (「2名の職員で確認」 is staff). */
export function countSkipSpans(ctx: ExtractContext): NSpan[] {
  const out = contactSectionSpans(ctx);
  for (const s of sectionsOf(ctx)) {
    if (s.heading && s.heading.start > 0 && PREVENTION_ONLY_TITLE.test(s.title) && !CAUSE_TITLE.test(s.title)) out.push({ start: s.heading.start, end: s.end });
  }
  return out;
}

export function inSpans(spans: NSpan[], pos: number): boolean {
  for (const s of spans) if (pos >= s.start && pos < s.end) return true;
  return false;
}
