// publishedAt, discoveredAt, occurredFrom/To and the timeline, from dated clauses of the notice.
import type { TimelineEvent } from '../../model/index.js';
import { findDates, isSpace } from '../../text/index.js';
import type { ExtractContext, FieldResult, Line, NSpan } from '../context.js';
import { result } from '../context.js';
import { EVENT_WORD, PERIOD_START, RANGE_JOIN_ONLY, SAME_DAY_RANGE, datedClauses, type DatedClause } from './date-clauses.js';
import { orgFromTokens } from './org-names.js';
import { nonEmptyLines } from './title.js';

export interface DateFields {
  publishedAt: FieldResult<string | null>;
  discoveredAt: FieldResult<string | null>;
  occurredFrom: FieldResult<string | null>;
  occurredTo: FieldResult<string | null>;
  timeline: FieldResult<TimelineEvent[]>;
}

// Lines this close to the top or bottom form the header / signature block where a notice states its own date.
const HEADER_LINES = 8;
const FOOTER_LINES = 6;
// Labels that may precede the notice's own date on its line.
const DATE_LABEL_WORDS = ['公開日', '掲載日', '発表日', '発行日', '更新日', '作成日', '公表日', '日付', '最終更新日', '掲載', '公開', '更新', '発表'];
const DATE_LABEL = new RegExp(`^(?:${DATE_LABEL_WORDS.join('|')})\\s?[:：]?\\s?`);
const DATE_SUFFIX = /^\s?(?:公開|掲載|発表|発行|更新|公表)?\s?$/;

// (regexes are module constants throughout: a literal in a function makes a new RegExp object each call)
// a sentence end or a heading's number or mark
const PROSE_MARK = /。|^\s?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s?[.．、)]|^\s?[■□●◆【<＜]/;
// the 以上 that closes a notice
const CLOSING = /^\s?以上\s?$/;
// a date in parentheses closing the title line
const TITLE_PAREN = /\(([^()]{6,24})\)\s?$/;

// the header ends at the first sentence or heading; the signature block starts after the last one
function isProse(l: { text: string }): boolean {
  // (the length first: it spares the pattern's walk through a long line)
  return l.text.trim().length > 60 || PROSE_MARK.test(l.text);
}

// What a full date (the only kind that dates a notice) starts with: a digit, an era, R/H/S or a kanji numeral.
const FULL_DATE_FIRSTS = '0-9令平昭大RHS〇一二三四五六七八九';
const FULL_DATE_FIRST = new RegExp(`^[${FULL_DATE_FIRSTS}]`);
// what a line dated by its label or its date starts with
const DATE_LINE_FIRST = new RegExp(`^[${FULL_DATE_FIRSTS}${[...new Set(DATE_LABEL_WORDS.map((w) => w[0]))].join('')}]`);
const FIRST_ONLY = { limit: 1 };

/** /\)\s?$/ without the regex's search through the line */
export function endsWithParen(t: string): boolean {
  const n = t.length;
  return t.charCodeAt(n - 1) === 0x29 || (n > 1 && isSpace(t.charCodeAt(n - 1)) && t.charCodeAt(n - 2) === 0x29);
}

/** The notice's own date: a header/footer line that holds only a date, or a dated heading (第2報 …). */
export function findPublished(ctx: ExtractContext): { iso: string; span: NSpan } | null {
  const nonEmpty = nonEmptyLines(ctx);
  // the header lines, then the signature block from the last line up
  const candidates: Line[] = [];
  for (let i = 0; i < Math.min(HEADER_LINES, nonEmpty.length); i++) {
    const l = nonEmpty[i] as Line;
    if (i > 0 && isProse(l)) break;
    candidates.push(l);
  }
  for (let i = nonEmpty.length - 1; i >= Math.max(0, nonEmpty.length - FOOTER_LINES); i--) {
    const l = nonEmpty[i] as Line;
    if (isProse(l) && !CLOSING.test(l.text)) break;
    candidates.push(l);
  }
  // 「…について（2023年3月24日）」: a date in parentheses closing the title line
  const title = nonEmpty[0];
  if (title && endsWithParen(title.text)) {
    const paren = TITLE_PAREN.exec(title.text);
    const ms = paren?.[1] && FULL_DATE_FIRST.test(paren[1]) ? findDates(paren[1], FIRST_ONLY) : [];
    const m = ms[0];
    if (paren && m && m.kind === 'full' && m.iso && m.start === 0 && m.end === (paren[1] as string).length) {
      const start = title.start + paren.index + 1;
      return { iso: m.iso, span: { start, end: start + m.end } };
    }
  }
  for (const line of candidates) {
    const trimmed = line.text.trim();
    // a body that starts with a date starts with a label or with the date itself
    if (!DATE_LINE_FIRST.test(trimmed)) continue;
    const body = trimmed.replace(DATE_LABEL, '');
    // only a full date at the start counts: the first mention is enough, and none is looked for elsewhere
    if (body.length > 40 || !FULL_DATE_FIRST.test(body)) continue;
    const ms = findDates(body, FIRST_ONLY);
    const m = ms[0];
    if (!m || m.kind !== 'full' || !m.iso || m.start !== 0) continue;
    // the date alone, or followed by the organization (「2024年5月1日 株式会社○○」)
    const rest = body.slice(m.end);
    if (!DATE_SUFFIX.test(rest) && !orgFromTokens(rest.trim())) continue;
    const offset = line.start + line.text.indexOf(body);
    return { iso: m.iso, span: { start: offset + m.start, end: offset + m.end } };
  }
  return null;
}

// A range: "A から/〜 B まで/にかけて/の間".
const SENTENCE_BREAK = /[。\n]/;
const FROM_WORD = /(?:から|より)/;
// (the gap after the first date starts with the join; RANGE_JOIN_ONLY: it is nothing else)
const RANGE_JOIN_START = /^\s?(?:頃|ごろ)?\s?(?:から|より|〜|~|～|-|－|―|ー|–)/;
const RANGE_END = /^\s?(?:の?(?:朝|昼|夕方|夜|深夜|未明|早朝|明け方|正午))?\s?(?:頃|ごろ)?\s?(?:まで|迄|の間|にかけて|の期間)/;
// The event is still going on or the item is still missing: no end date.
// (an investigation that goes on is not the incident going on)
const ONGOING = /現在も(?![^。\n]{0,20}(?:捜査|調査))(?:[^。\n]{0,20})(?:送信|発生|続い|継続|確認され)|所在不明|引き続き[^。\n]{0,10}(?:送信|発生)されて/;

// Events that are states lasting until found, and acts that are over once done.
const LASTING = /侵入|不正アクセス|攻撃|感染|暗号化|改ざん|不正ログイン|ログインされ|乗っ取|閲覧(?:可能|できる)|公開(?:状態|されて)|設定|障害|停止|表示され/;
const ONE_OFF = /誤送信|誤送付|誤配|送信し|送付し|発送し|紛失|置き忘|盗|配布|廃棄|誤交付|誤って/;
// The state that made the incident possible was ended.
const FIXED = /復旧|遮断|切り離|設定を変更|設定を修正|修正し|削除し|閉鎖|無効化|停止し|停止いた|公開を停止|利用を停止|回復し/;
// A state that is found in place (files encrypted, pages altered) — it lasted until the day it was found.
const FOUND_STATE = /暗号化され|改ざんされ|感染して|感染し(?:た|てい)|表示されて|閲覧できる状態|公開されて/;
const FOUND_STATE_WINDOW = 200;
const THEFT = /盗|ひったく|車上荒らし|置き引き/;
// A loss noticed in the clause that tells it (「網棚に鞄を置いたまま下車し、20時10分頃に…気付きました」).
// (a theft is a loss too: THEFT's words are among these)
const LOSS_ACT = new RegExp(`置き忘|置いたまま|置き去り|紛失|落とし|${THEFT.source}`);
const OUTAGE = /閲覧(?:しづら|しにく|でき(?:ない|なく))|つながりにく|接続しにく|アクセスしにく|利用(?:しづら|しにく|でき(?:ない|なく))/;

interface Range {
  from: DatedClause;
  to: DatedClause | null;
  monthOnly: boolean;
}

function findRanges(ctx: ExtractContext, clauses: DatedClause[]): Range[] {
  const out: Range[] = [];
  for (let i = 0; i < clauses.length; i++) {
    const a = clauses[i] as DatedClause;
    const b = clauses[i + 1];
    if (a.cited) continue;
    const between = b ? ctx.text.slice(a.mention.end, b.mention.start) : '';
    if (!b || between.length > 60 || SENTENCE_BREAK.test(between)) continue;
    const spans = FROM_WORD.test(between) && RANGE_END.test(ctx.text.slice(b.mention.end, b.mention.end + 8));
    if (spans) {
      out.push({ from: a, to: b, monthOnly: !a.mention.iso || !b.mention.iso });
      i++;
      continue;
    }
    if (!RANGE_JOIN_START.test(between)) continue;
    const joinOnly = RANGE_JOIN_ONLY.test(between);
    const endOk = RANGE_END.test(ctx.text.slice(b.mention.end, b.mention.end + 8));
    if (!joinOnly && !endOk) continue;
    out.push({ from: a, to: b, monthOnly: !a.mention.iso || !b.mention.iso });
    i++;
  }
  return out;
}

export function extractDates(ctx: ExtractContext): DateFields {
  const pub = findPublished(ctx);
  const publishedAt = pub?.iso ?? ctx.doc.publishedAt ?? null;
  const first = publishedAt ? null : firstFullDate(ctx.text);
  const defaultYear = publishedAt ? Number(publishedAt.slice(0, 4)) : first ? Number(first.slice(0, 4)) : undefined;
  // The notice's own date and dates of earlier notices are not events.
  const clauses = datedClauses(ctx, publishedAt, defaultYear, first ?? undefined).filter((c) => !c.cited && !(pub && c.mention.start === pub.span.start));

  const stated = statedDiscovery(clauses, publishedAt);
  const { from, to } = occurrence(ctx, clauses, publishedAt, stated?.mention.iso ?? null);
  let disc = stated;
  // A theft is known when it happens and an outage as it starts: with no discovery date stated, that day counts.
  if (!disc && from && THEFT.test(from.sentence)) disc = to ?? from;
  else if (!disc && from && OUTAGE.test(from.sentence)) disc = from;

  const occurredFrom = from?.mention.iso ?? null;
  const occurredTo = occurredFrom ? (to?.mention.iso ?? null) : null;
  const timeline = buildTimeline(ctx, clauses);
  return {
    publishedAt: result(publishedAt, pub ? [pub.span] : []),
    discoveredAt: result(disc?.mention.iso ?? null, disc ? span(disc) : []),
    occurredFrom: result(occurredFrom, from && occurredFrom ? span(from) : []),
    occurredTo: result(occurredTo, to && occurredTo ? span(to) : []),
    timeline: result(timeline.events, timeline.spans),
  };
}

/** The evidence of a clause: its date. */
function span(c: DatedClause): NSpan[] {
  return [{ start: c.mention.start, end: c.mention.end }];
}

/** Dated, and on or before `limit` (any date when there is none). */
function datedBy(c: DatedClause, limit: string | null): boolean {
  return !!c.mention.iso && (!limit || c.mention.iso <= limit);
}

/** The earliest dated clause that says the organization learned of the incident. */
function statedDiscovery(clauses: DatedClause[], publishedAt: string | null): DatedClause | null {
  // 「4月8日、…配布したチラシに…が記載されていたことが判明」 with a later 「4月9日、…ご連絡により判明」: the
  // earlier date belongs to the event; the org first learned on the day of the plain discovery clause.
  const pureDiscovery = clauses.filter((c) => c.discovery && !c.event && datedBy(c, publishedAt));
  for (const c of clauses) {
    // (a loss told with its noticing, 「鞄を置いたまま下車し、…気付きました」, was noticed that day)
    if (c.discovery && c.event && c.eventFirst && !LOSS_ACT.test(c.after) && pureDiscovery.some((p) => (p.mention.iso as string) > (c.mention.iso as string))) c.discovery = false;
  }
  return earliest(clauses.filter((c) => c.discovery && datedBy(c, publishedAt)));
}

// 「攻撃は翌19日の午前3時頃まで断続的に続きました」: an end stated on its own.
const STATED_END = /^\s?(?:頃|ごろ)?\s?(?:の\s?(?:午前|午後)?\s?\d{1,2}時(?:\d{1,2}分)?\s?(?:頃|ごろ)?\s?)?まで/;

/** Dated from `since` up to the notice's own date. */
function inTime(c: DatedClause, since: string, publishedAt: string | null): boolean {
  return !!c.mention.iso && c.mention.iso >= since && (!publishedAt || c.mention.iso <= publishedAt);
}

// Every match of ONGOING holds one of these words.
function mayBeOngoing(text: string): boolean {
  return (text.includes('現在も') || text.includes('所在不明') || text.includes('引き続き')) && ONGOING.test(text);
}

/** When it happened: an explicit range wins; else from the earliest event up to discovery to where it ended. */
function occurrence(
  ctx: ExtractContext,
  clauses: DatedClause[],
  publishedAt: string | null,
  discoveredAt: string | null,
): { from: DatedClause | null; to: DatedClause | null } {
  const ranges = findRanges(ctx, clauses).filter((r) => !publishedAt || (r.from.mention.iso ?? r.from.mention.month ?? '') <= publishedAt);
  const range = ranges.find((r) => !discoveredAt || !r.from.mention.iso || r.from.mention.iso <= discoveredAt);
  const events = clauses.filter((c) => c.event && !c.discovery && datedBy(c, discoveredAt));
  // with no event dated on its own, a loss told together with its noticing happened that day
  if (events.length === 0) {
    const lossFound = clauses.find((c) => c.event && c.discovery && c.eventFirst && c.mention.iso === discoveredAt && LOSS_ACT.test(c.after));
    if (lossFound) events.push(lossFound);
  }
  const firstEvent = earliest(events);
  if (range && !range.monthOnly && (!firstEvent || (range.from.mention.iso as string) <= (firstEvent.mention.iso as string))) {
    return { from: range.from, to: range.to };
  }
  // a month-only range (「令和6年9月から12月にかけて」) gives no day
  if (!firstEvent) return { from: null, to: null };
  const since = firstEvent.mention.iso as string;
  // 「10時12分頃から15時40分頃まで」 is a range within the day
  const sameDay = SAME_DAY_RANGE.test(firstEvent.after);
  const startsOpen = !sameDay && PERIOD_START.test(firstEvent.after);
  // an open start (「9月1日頃から」) ends when the notice says the state was stopped or fixed, else stays open
  const fixedAt = startsOpen ? latest(clauses.filter((c) => inTime(c, since, publishedAt) && FIXED.test(c.after))) : null;
  const statedEnd = clauses.find((c) => c !== firstEvent && inTime(c, since, publishedAt) && STATED_END.test(c.after) && EVENT_WORD.test(c.sentence + c.after));
  if (statedEnd) return { from: firstEvent, to: statedEnd };
  if ((startsOpen && !fixedAt) || mayBeOngoing(ctx.text)) return { from: firstEvent, to: null };
  // a state that lasts (intrusion, exposure) runs up to the last event dated up to its discovery; a one-off act
  // (a mail sent, a bag stolen) ends with the acts themselves
  const lasting = LASTING.test(firstEvent.sentence) && !ONE_OFF.test(firstEvent.sentence);
  const until = lasting ? clauses.filter((c) => c.event && EVENT_WORD.test(c.after) && datedBy(c, discoveredAt)) : events;
  // 「18日の朝、ファイルを開けないことに気付きました。…暗号化されており」: the state was still there when found
  const found = lasting && discoveredAt ? clauses.find((c) => c.discovery && c.mention.iso === discoveredAt) : undefined;
  if (found) {
    // up to the next date: a state written after another date (「同社のサーバーが8月2日に…暗号化された」) belongs to it
    const nextDate = clauses.find((c) => c.mention.start > found.mention.end);
    const end = Math.min(found.mention.end + FOUND_STATE_WINDOW, nextDate ? nextDate.mention.start : ctx.text.length);
    if (FOUND_STATE.test(ctx.text.slice(found.mention.end, end))) until.push(found);
  }
  // a lasting state ends when it was stopped (「アカウントを回復し」), if that came after the last event
  const stopped = lasting && !fixedAt ? latest(clauses.filter((c) => inTime(c, since, publishedAt) && FIXED.test(c.after))) : null;
  const last = latest(until);
  const end = fixedAt ?? (stopped && (!last || (stopped.mention.iso as string) > (last.mention.iso as string)) ? stopped : last);
  return { from: firstEvent, to: end ?? firstEvent };
}

/** The first full date, for year-less dates written before it. */
function firstFullDate(text: string): string | null {
  const m = FULL_DATE_HINT.exec(text);
  if (!m) return null;
  const head = text.slice(m.index, m.index + 40);
  // nearly always the hint itself is that date: the first mention (the same with a limit) settles it
  const lead = findDates(head, FIRST_ONLY)[0];
  if (lead && lead.kind === 'full' && lead.iso) return lead.iso;
  const first = findDates(head).find((d) => d.kind === 'full' && d.iso);
  return first?.iso ?? null;
}
const FULL_DATE_HINT = /(?:令和|平成|昭和)\s?(?:元|\d{1,2})\s?年\s?\d{1,2}\s?月|\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}/;

function latest(cs: DatedClause[]): DatedClause | null {
  let best: DatedClause | null = null;
  for (const c of cs) {
    if (!c.mention.iso) continue;
    if (!best || c.mention.iso > (best.mention.iso as string)) best = c;
  }
  return best;
}

const LABEL_BULLETS = /^[\s・■●◆□\-*]+/;
const LABEL_COLON = /\s?[:：]\s?$/;

function labelOf(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return text
    .slice(lineStart, at)
    .replace(LABEL_BULLETS, '')
    .replace(LABEL_COLON, '')
    .trim()
    .slice(0, MAX_EVENT_TEXT);
}

function earliest(cs: DatedClause[]): DatedClause | null {
  let best: DatedClause | null = null;
  for (const c of cs) {
    if (!c.mention.iso) continue;
    if (!best || c.mention.iso < (best.mention.iso as string)) best = c;
  }
  return best;
}

const MAX_EVENT_TEXT = 120;
// the start of a range, with nothing after its join
const RANGE_START_ONLY = /^\s?(?:頃|ごろ)?\s?(?:から|より|〜|~)\s?$/;
// what stands between a date and the words of its event
const EVENT_LEAD = /^[\s、,:：)）]+/;
const EVENT_PARTICLE = /^(?:頃|ごろ)?\s?(?:に|、|,)?\s?/;
const SPACES = /\s+/g;

/** Dated events in date order (stable for equal dates), each with the clause that describes it. */
function buildTimeline(ctx: ExtractContext, clauses: DatedClause[]): { events: TimelineEvent[]; spans: NSpan[] } {
  const items: TimelineItem[] = [];
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i] as DatedClause;
    const next = clauses[i + 1];
    if (!c.mention.iso) continue;
    // the start of a range (「5月8日から12月11日までの間、…」) is described by the clause after its end
    const rangeStart = !!next && RANGE_START_ONLY.test(c.after) && (next.event || next.discovery);
    if (!(c.event || c.discovery || rangeStart)) continue;
    const end = rangeStart && next ? next.mention.end + next.after.length : c.mention.end + c.after.length;
    let text = ctx.text
      .slice(c.mention.end, end)
      .replace(EVENT_LEAD, '')
      .replace(EVENT_PARTICLE, '')
      .replace(SPACES, ' ')
      .trim()
      .slice(0, MAX_EVENT_TEXT);
    // 「発生日：2024年1月5日」: the label says what happened
    if (!text) text = labelOf(ctx.text, c.mention.start);
    if (!text) continue;
    const ev: TimelineEvent = { date: c.mention.iso, text };
    if (c.mention.time) ev.time = c.mention.time;
    items.push({ ev, span: { start: c.mention.start, end: Math.min(ctx.text.length, end) } });
  }
  inDateOrder(items);
  return { events: items.map((i) => i.ev), spans: items.map((i) => i.span) };
}

export interface TimelineItem {
  ev: TimelineEvent;
  span: NSpan;
}

/**
 * items.sort by date and time. Most timelines are written in order: sort copies the array before it finds that
 * out, and an array where no item compares below the one before it is what it leaves as it is.
 */
export function inDateOrder(items: TimelineItem[]): TimelineItem[] {
  return items.every((item, i) => i === 0 || byDate(item, items[i - 1] as TimelineItem) >= 0) ? items : items.sort(byDate);
}

function byDate(a: TimelineItem, b: TimelineItem): number {
  return a.ev.date < b.ev.date ? -1 : a.ev.date > b.ev.date ? 1 : (a.ev.time ?? '') < (b.ev.time ?? '') ? -1 : 0;
}
