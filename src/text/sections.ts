// Splitting a notice into headed sections (1.概要, ■経緯, 【…】, (1), 第2 …) and list items (・, ■, ●, -, (1), 1., 一.).
// Works on NFKC text (① arrives as 1, （１） as (1)). Everything is line based, so the work is linear.
import { isSpace } from './chars.js';

export interface TextLine {
  start: number;
  end: number;
  text: string;
}

export type MarkerKind =
  | 'number-dot' // 1. 1、
  | 'number-space' // 1 概要 (number then space; also ① followed by a space, after NFKC)
  | 'paren-number' // (1) 1)
  | 'kanji-number' // 一. 一、
  | 'dai' // 第1 第一
  | 'circled' // ① (NFKC turns it into a bare digit glued to the text: 1委託先…)
  | 'kana' // ア イ ウ
  | 'roman' // I. II. IV.
  | 'bracket' // 【…】
  | 'square' // ■ □
  | 'diamond' // ◆ ◇
  | 'circle' // ● ○ ◯ ◎
  | 'dot' // ・
  | 'dash' // - ‐ – ー * ＊ ＞ >
  | 'star' // ★ ☆ ※ is a note, not an item
  | 'plain'; // an unmarked heading line (「再発防止策」)

export interface Marker {
  kind: MarkerKind;
  /** the marker text as written */
  text: string;
  /** leading spaces before the marker (nesting depth hint) */
  indent: number;
  /** offset (in the line) where the content after the marker starts */
  contentOffset: number;
}

export interface Section {
  /** heading line, or null for the text before the first heading */
  heading: TextLine | null;
  /** heading text without its marker */
  title: string;
  marker: Marker | null;
  /** body span: from the line after the heading to the next heading of the same or a higher level */
  start: number;
  end: number;
  lines: TextLine[];
}

export interface ListItem {
  marker: Marker;
  /** span of the item content (marker excluded), continuation lines included */
  start: number;
  end: number;
  text: string;
}

export function splitLines(text: string, from = 0, to = text.length): TextLine[] {
  const out: TextLine[] = [];
  let pos = from;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > to) nl = to;
    out.push({ start: pos, end: nl, text: text.slice(pos, nl) });
    pos = nl + 1;
  }
  return out;
}

// Each pattern is tried at the marker's position in the line (sticky, so no copy of the rest of the
// line is made); `first` lists the characters the pattern can start with, so that a line is only tried
// against the few patterns its first character allows, in the order below.
const MARKERS: { kind: MarkerKind; first: string; re: RegExp }[] = [
  // (第2報, 第3回, 第1号 name a report, a session, an issue: not a heading number)
  { kind: 'dai', first: '第', re: /第[0-9一二三四五六七八九十]{1,3}(?![報回号弾次期位者])(?:[.、．:：\s]\s*|(?=[^\s0-9]))/y },
  { kind: 'paren-number', first: '(0123456789', re: /(?:\([0-9]{1,2}\)|[0-9]{1,2}\))\s*/y },
  { kind: 'number-dot', first: '0123456789', re: /[0-9]{1,2}[.、．:](?![0-9])\s*/y },
  { kind: 'number-space', first: '0123456789', re: /[0-9]{1,2}\s+/y },
  { kind: 'kanji-number', first: '一二三四五六七八九十', re: /[一二三四五六七八九十]{1,3}(?:[.、．]\s*|\s+)/y },
  { kind: 'roman', first: 'IVX', re: /(?:I{1,3}|IV|VI{0,3}|IX|X)[.、．)]\s*/y },
  { kind: 'kana', first: 'アイウエオカキクケコ', re: /[アイウエオカキクケコ](?:[.、．)]\s*|\s+)/y },
  // a digit glued to text that is not a unit or a date part: what NFKC makes of ①②③
  // (2社 is two companies, but ②社外… / ③社内… start an item)
  { kind: 'circled', first: '0123456789', re: /[0-9]{1,2}(?=社[外内員長宅]|[^\s0-9.,:：/年月日時分秒%件名人円万千百億歳回週個台本通枚部社頁ヶかカ])/y },
  { kind: 'bracket', first: '【', re: /【(?=[^】]{1,40}】)/y },
  { kind: 'square', first: '■□▪▫', re: /[■□▪▫]\s*/y },
  { kind: 'diamond', first: '◆◇◈', re: /[◆◇◈]\s*/y },
  { kind: 'circle', first: '●○◯◎•', re: /[●○◯◎•]\s*/y },
  { kind: 'dot', first: '・', re: /・\s*/y },
  { kind: 'dash', first: '-‐–—*>≫', re: /(?:-|‐|–|—|\*|>|≫)\s*/y },
  { kind: 'star', first: '★☆▶▷►', re: /[★☆▶▷►]\s*/y },
];

/** first character code of a marker → index into MARKER_LISTS of the patterns that can start with it,
 * in MARKERS order (0: none; a table lookup by code, not a Map lookup by a one-character string) */
const MARKER_LIST_OF = new Uint8Array(0x10000);
const MARKER_LISTS: { kind: MarkerKind; re: RegExp }[][] = [[]];
for (const m of MARKERS) {
  for (const ch of m.first) {
    const code = ch.charCodeAt(0);
    if (MARKER_LIST_OF[code] === 0) {
      MARKER_LIST_OF[code] = MARKER_LISTS.length;
      MARKER_LISTS.push([]);
    }
    MARKER_LISTS[MARKER_LIST_OF[code]!]!.push({ kind: m.kind, re: m.re });
  }
}

function isIndentCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000;
}

/** The list/heading marker a line starts with, or null. */
export function lineMarker(line: string): Marker | null {
  let indent = 0;
  while (indent < line.length && isIndentCode(line.charCodeAt(indent))) indent++;
  if (indent >= line.length) return null;
  const list = MARKER_LIST_OF[line.charCodeAt(indent)]!;
  if (list === 0) return null;
  for (const { kind, re } of MARKER_LISTS[list]!) {
    // (test, not exec: a sticky match ends at lastIndex, so no match array is needed)
    re.lastIndex = indent;
    if (re.test(line)) {
      const end = re.lastIndex;
      if (end >= line.length) return null; // a marker with nothing after it
      // (the marker starts on a non-space, so trimming it is dropping the spaces it ends with: one copy)
      let textEnd = end;
      while (isSpace(line.charCodeAt(textEnd - 1))) textEnd--;
      return { kind, text: line.slice(indent, textEnd), indent, contentOffset: end };
    }
  }
  return null;
}

const MAX_HEADING = 40;
const MARU = 0x3002; // 。
const DATED_START = /^[0-9]{1,2}[月:時]/;
const LABEL_OPEN = '<＜〈《';
const LABEL_LINE = /^[<＜〈《][^>＞〉》]{1,30}[>＞〉》]$/;

/** A short line without a closing 。 that starts with a marker (or is a 【…】 / ＜…＞ label) is a heading. */
export function isHeadingLine(line: string): Marker | null {
  return headingMarker(line, line.trim(), lineMarker(line));
}

/** isHeadingLine, given the trimmed line `t` and the line's marker `m` (lineMarker). */
function headingMarker(line: string, t: string, m: Marker | null): Marker | null {
  if (t.length === 0 || t.length > MAX_HEADING) return null;
  if (t.endsWith('。')) return null;
  if (m) {
    if (m.kind === 'dot' || m.kind === 'dash') return null; // ・ and - are list items, not headings
    // a dated line such as "5月27日 ..." or a clock time is an event, not a heading
    // (a 【…】 label with content on the same line, 【お問い合わせ先】電話…, is still a heading line)
    return DATED_START.test(t) ? null : m;
  }
  // (most lines do not start like a ＜…＞ label: one character comparison rules them out)
  if (LABEL_OPEN.includes(t[0]!) && LABEL_LINE.test(t)) {
    return { kind: 'bracket', text: t[0]!, indent: 0, contentOffset: line.indexOf(t[0]!) + 1 };
  }
  return null;
}

const TITLE_CLOSE = /[】>＞〉》]/;
const TITLE_CLOSES = /[】>＞〉》]/g;

function headingTitle(line: string, m: Marker): string {
  const rest = line.slice(m.contentOffset);
  // (test before replacing: most titles have none of these, and a replace copies the string)
  return (TITLE_CLOSE.test(rest) ? rest.replace(TITLE_CLOSES, ' ') : rest).trim();
}

// Words that headings of notices are made of; an unmarked short line needs one to be a heading.
const HEADING_WORDS =
  /(?:概要|経緯|経過|原因|対策|対応|防止|状況|問い?合わせ|問合せ|窓口|お詫び|内容|項目|対象|被害|今後|お願い|結果|事象|発生|情報|について|連絡先|取り?組)/;
const MAX_PLAIN_HEADING = 24;
// titles that open a new part even right after a list with the same numbering (「4. お問い合わせ」)
// (sticky: tried where a marker's content starts, without a copy of the rest of the line)
const STRONG_HEADING = /\s*(?:お?問い?合わせ|お問合せ|窓口|連絡先|本件に関する|今後の|原因|経緯|概要|再発防止|お詫び)/y;

// punctuation of a sentence, and dates, company names and numbers of a line that is not a heading
const CLAUSE_MARK = /[。、,:：]/;
const DATE_OR_NAME = /[0-9]{1,2}月|[0-9]{4}年|令和|平成|株式会社|[0-9]{2,}-/;

/** `t`: the trimmed line; `mark`: the line's own marker (lineMarker), both computed once by the caller. */
function plainHeading(line: string, t: string, mark: Marker | null): Marker | null {
  if (mark !== null || t.length < 2 || t.length > MAX_PLAIN_HEADING || CLAUSE_MARK.test(t)) return null;
  if (!HEADING_WORDS.test(t)) return null;
  if (DATE_OR_NAME.test(t)) return null;
  return { kind: 'plain', text: '', indent: 0, contentOffset: line.length - line.trimStart().length };
}

/** Numbered markers continue a list only with the next number; other markers always do. */
function follows(a: Marker, b: Marker): boolean {
  const na = markerNumber(a.text);
  const nb = markerNumber(b.text);
  return na < 0 || nb < 0 || nb === na + 1;
}

/** The first run of ASCII digits in a marker's text as a number, or -1 when it has none (一、 ア.). */
export function markerNumber(text: string): number {
  let i = 0;
  while (i < text.length && !isDigitCode(text.charCodeAt(i))) i++;
  if (i === text.length) return -1;
  let n = 0;
  for (; i < text.length && isDigitCode(text.charCodeAt(i)); i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function nextNonEmpty(lines: TextLine[], i: number, step: 1 | -1): number {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) if (trimmedText(lines[j]!.text).length > 0) return j;
  return -1;
}

/** `line` without leading and trailing spaces (trim() only when there are some: few lines have any). */
export function trimmedText(line: string): string {
  const n = line.length;
  return n > 0 && (isSpace(line.charCodeAt(0)) || isSpace(line.charCodeAt(n - 1))) ? line.trim() : line;
}

/** The marker of line `i`, looked up once: `marks` holds the ones found so far (undefined: not yet). */
function markAt(marks: (Marker | null | undefined)[], lines: TextLine[], i: number): Marker | null {
  const m = marks[i];
  return m !== undefined ? m : (marks[i] = lineMarker(lines[i]!.text));
}

/** Marker kinds that can be the top heading level, the more likely first. */
const TOP_KINDS: readonly MarkerKind[] = ['dai', 'number-dot', 'number-space', 'kanji-number', 'roman', 'square', 'diamond', 'star', 'circle', 'paren-number'];

interface Head {
  /** index of the heading line */
  idx: number;
  m: Marker;
}

/** The heading lines among `lines`, in order (see splitSections). */
function headsOf(lines: TextLine[]): Head[] {
  // a line's marker is only needed where a heading may be (short lines and their neighbours): found on
  // demand, once (undefined: not looked at yet)
  const marks: (Marker | null | undefined)[] = new Array<undefined>(lines.length);
  const heads: Head[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = trimmedText(lines[i]!.text);
    // a blank or long line, or a sentence, heads nothing (headingMarker and plainHeading would say so)
    if (t.length === 0 || t.length > MAX_HEADING || t.charCodeAt(t.length - 1) === MARU) continue;
    const mark = markAt(marks, lines, i);
    const m = headingMarker(lines[i]!.text, t, mark);
    if (!m) {
      const p = plainHeading(lines[i]!.text, t, mark);
      // an unmarked line right under a heading is that heading's body (「4. お問い合わせ」「窓口」)
      // (the look-back only when needed: it walks over every blank line before this one)
      if (p && !(heads.length > 0 && heads[heads.length - 1]!.idx === nextNonEmpty(lines, i, -1))) heads.push({ idx: i, m: p });
      continue;
    }
    if (m.kind !== 'bracket') {
      const prev = nextNonEmpty(lines, i, -1);
      // inside a list run: same marker, and for numbered markers the next number (「2. 研修」 then 「6. お問い合わせ」
      // is a heading again)
      STRONG_HEADING.lastIndex = m.contentOffset;
      const strong = STRONG_HEADING.test(lines[i]!.text);
      const pm = prev >= 0 ? markAt(marks, lines, prev) : null;
      if (pm?.kind === m.kind && follows(pm, m) && !strong) continue;
      const next = nextNonEmpty(lines, i, 1);
      const nm = next >= 0 ? markAt(marks, lines, next) : null;
      if (nm?.kind === m.kind && follows(m, nm) && !HEADING_WORDS.test(lines[i]!.text)) continue;
    }
    heads.push({ idx: i, m });
  }
  return heads;
}

/** The top heading level: the first of TOP_KINDS that heads two lines or more, else the first that heads one. */
function topKind(heads: Head[]): MarkerKind | null {
  let once: MarkerKind | null = null;
  for (const k of TOP_KINDS) {
    let n = 0;
    for (const h of heads) if (h.m.kind === k) n++;
    if (n >= 2) return k;
    if (n === 1 && once === null) once = k;
  }
  return once;
}

/**
 * Splits text into sections at heading lines. A run of consecutive lines with the same marker is a
 * list, not a series of headings (only its first line may head it). Of the remaining marked headings
 * the most used kind is the top level; 【…】 labels and unmarked heading lines (「再発防止策」) also
 * start sections. Text before the first heading is a section with `heading: null`.
 * `lines`: the text's lines (splitLines), when the caller has them already.
 */
export function splitSections(text: string, lines: TextLine[] = splitLines(text)): Section[] {
  const heads = headsOf(lines);
  const top = topKind(heads);
  const topHeads = heads.filter((h) => h.m.kind === top || h.m.kind === 'bracket' || h.m.kind === 'plain');
  const out: Section[] = [];
  const firstIdx = topHeads.length ? topHeads[0]!.idx : lines.length;
  if (firstIdx > 0) {
    const ls = lines.slice(0, firstIdx);
    out.push({ heading: null, title: '', marker: null, start: 0, end: ls.length ? ls[ls.length - 1]!.end : 0, lines: ls });
  }
  for (let h = 0; h < topHeads.length; h++) {
    const { idx, m } = topHeads[h]!;
    const nextIdx = h + 1 < topHeads.length ? topHeads[h + 1]!.idx : lines.length;
    const ls = lines.slice(idx + 1, nextIdx);
    const heading = lines[idx]!;
    out.push({
      heading,
      title: headingTitle(heading.text, m),
      marker: m,
      start: Math.min(heading.end + 1, text.length),
      end: ls.length ? ls[ls.length - 1]!.end : heading.end,
      lines: ls,
    });
  }
  return out;
}

/**
 * List items among `lines`. Only items of the first marker kind seen (at its indentation) are
 * returned — the top level; deeper or different markers and indented lines are folded into the
 * item above them as continuation text. Unmarked prose ends the list, or with `stopAtProse: false`
 * only the current item (items separated by explanatory paragraphs).
 */
export function listItems(lines: TextLine[], opts: { stopAtProse?: boolean } = {}): ListItem[] {
  const stopAtProse = opts.stopAtProse ?? true;
  const out: ListItem[] = [];
  let kind: MarkerKind | null = null;
  let indent = 0;
  let cur: ListItem | null = null;
  for (const line of lines) {
    if (trimmedText(line.text).length === 0) continue;
    const m = lineMarker(line.text);
    const isTop = m !== null && (kind === null ? m.kind !== 'bracket' : m.kind === kind && m.indent <= indent + 1);
    if (m && isTop) {
      if (kind === null) {
        kind = m.kind;
        indent = m.indent;
      }
      cur = { marker: m, start: line.start + m.contentOffset, end: line.end, text: line.text.slice(m.contentOffset) };
      out.push(cur);
    } else if (cur && (m !== null || isSpace(line.text.charCodeAt(0)))) {
      // nested item or indented continuation: part of the current item
      cur.end = line.end;
      cur.text += '\n' + line.text.trim();
    } else if (cur && kind !== null) {
      // unmarked, unindented prose after an item ends it; it ends the list too unless asked to go on
      cur = null;
      if (stopAtProse) break;
    }
  }
  return out;
}
