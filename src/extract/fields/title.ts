// title and caseId: the notice's title line and the 【セキュリティ事件簿#…】 casebook number.
import { isSpace } from '../../text/index.js';
import type { ExtractContext, FieldResult, Line } from '../context.js';
import { result } from '../context.js';
import { orgFromTokens } from './org-names.js';

// 【セキュリティ事件簿#2023-478】 (also without the brackets' content varying in spaces); case id is verbatim after #.
const CASEBOOK = /【\s?セキュリティ事件簿\s?[#＃]\s?([^】\n]{1,40}?)\s?】/;
// A leading bracketed tag on a title line: 【重要】, 【お詫び】, 【セキュリティ事件簿#…】.
const LEADING_TAGS = /^(?:\s?【[^】\n]{0,40}】\s?)+/;
const MAX_TITLE = 200;

function isOrgLine(t: string): boolean {
  const bare = t.replace(/\s?\([^()]{0,40}\)\s?$/, '');
  if (bare.length > 40 || /について|お知らせ|お詫び|報告|ご案内|注意|説明会/.test(bare)) return false;
  const org = orgFromTokens(bare);
  return !!org && org.length === bare.split(/\s+/).filter(Boolean).length;
}

// Per notice: the title, the organization and the dates all look at the title line and the non-empty lines.
const TITLE_LINES = new WeakMap<ExtractContext, Line | null>();
const NON_EMPTY = new WeakMap<ExtractContext, Line[]>();

/** l.text.trim() !== '' without making the trimmed copy. */
function hasText(l: Line): boolean {
  const t = l.text;
  for (let i = 0; i < t.length; i++) if (!isSpace(t.charCodeAt(i))) return true;
  return false;
}

/** The lines that hold more than white space (shared: do not modify). */
export function nonEmptyLines(ctx: ExtractContext): Line[] {
  let lines = NON_EMPTY.get(ctx);
  if (!lines) {
    lines = [];
    for (const l of ctx.lines) if (hasText(l)) lines.push(l);
    NON_EMPTY.set(ctx, lines);
  }
  return lines;
}

/** The first non-empty line within the first lines: the notice's title (or heading). */
export function titleLine(ctx: ExtractContext): Line | null {
  let line = TITLE_LINES.get(ctx);
  if (line === undefined) {
    line = findTitleLine(ctx);
    TITLE_LINES.set(ctx, line);
  }
  return line;
}

function findTitleLine(ctx: ExtractContext): Line | null {
  // every casebook tag holds the word: without it no line needs the pattern
  const casebook = ctx.text.includes('セキュリティ事件簿') ? ctx.lines.find((l) => CASEBOOK.test(l.text)) : undefined;
  if (casebook) return casebook;
  // a web page's reader knows the heading: labels and dates printed above it are not the title
  const known = ctx.doc.title?.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (known && known.length >= 6) {
    const heading = ctx.lines.slice(0, 12).find((l) => l.text.replace(/\s+/g, ' ').trim() === known);
    if (heading) return heading;
  }
  for (const l of ctx.lines.slice(0, 50)) {
    const t = l.text.trim();
    if (t === '' || /^[-=_*#\s]+$/.test(t)) continue;
    // addressees and press-release labels stand above the title
    if (/各位$|^(?:プレスリリース|ニュースリリース|報道発表資料|報道資料|報道関係者の皆様へ|news\s?release|press\s?release)$/i.test(t)) continue;
    // a date-only line above the title
    if (/^(?:\d{4}[年/.-]\d{1,2}[月/.-]\d{1,2}日?|(?:令和|平成)\s?(?:元|\d{1,2})\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日)$/.test(t)) continue;
    // an organization line above the title (press-release layout)
    if (isOrgLine(t)) continue;
    return l;
  }
  return null;
}

export function extractTitle(ctx: ExtractContext): FieldResult<string> {
  const line = titleLine(ctx);
  if (!line) return result((ctx.doc.title ?? '').normalize('NFKC').replace(LEADING_TAGS, '').trim().slice(0, MAX_TITLE));
  const raw = line.text;
  const tag = LEADING_TAGS.exec(raw);
  let from = tag ? tag[0].length : 0;
  // keep a tag that is the whole line (e.g. 【お知らせ】 alone)
  if (raw.slice(from).trim() === '') from = 0;
  const lead = raw.slice(from).length - raw.slice(from).trimStart().length;
  const text = raw.slice(from).trim().replace(/^#+\s?/, '').slice(0, MAX_TITLE);
  const start = line.start + from + lead;
  return result(text, [{ start, end: Math.min(line.end, start + text.length) }]);
}

export function extractCaseId(ctx: ExtractContext): FieldResult<string | null> {
  const head = ctx.text.slice(0, 5000);
  const m = head.includes('セキュリティ事件簿') ? CASEBOOK.exec(head) : null;
  if (!m || m[1] === undefined) {
    // the container's title (HTML <title>, feed item) may carry the casebook tag the body lacks
    const t = ctx.doc.title ? CASEBOOK.exec(ctx.doc.title.normalize('NFKC')) : null;
    return result(t?.[1]?.trim() || null);
  }
  const id = m[1].trim();
  const start = m.index + m[0].indexOf(m[1]);
  return id ? result(id, [{ start, end: start + m[1].length }]) : result(null);
}
