// Dated clauses: each date mention with the text that follows it up to the next date or sentence end,
// classified by what the clause says happened (discovery, an event, a citation of an earlier notice).
import { findDates, isSpace, type DateMention } from '../../text/index.js';
import type { ExtractContext } from '../context.js';
import { firstMatches, scannerOf } from './qty-scan.js';

export interface DatedClause {
  mention: DateMention;
  /** text after the date up to the next date mention or sentence end (bounded) */
  after: string;
  /** the whole sentence holding the date (bounded) */
  sentence: string;
  /** the date cites an earlier notice (「2024年5月29日付」「11月27日に公表した」) */
  cited: boolean;
  discovery: boolean;
  event: boolean;
  /** the first event word comes before the first discovery word: the date belongs to the event */
  eventFirst: boolean;
}

const MAX_CLAUSE = 160;
// A notice has tens of dates; beyond this many the text is not a notice and later dates are ignored.
const MAX_MENTIONS = 1000;

// The organization (or someone who told it) learned of the incident.
export const DISCOVERY =
  /判明|認識|覚知|認知|察知|から(?:の)?(?:ご)?(?:連絡|通報|報告|指摘|通知|情報提供|問い合わせ|お問い合わせ|申し出|相談)(?!を装|を騙|をかた|に見せかけ)|情報提供を受|第一報|一報が|連絡により|通報により|指摘により|申し出により|報告により|連絡をいただ|ご連絡|問い合わせをいただ|通知を受|報告をいただ|発覚|検知|把握|気づ|気付|発見し|発見いたし|確認(?!され(?:て)?(?:い|お)(?:ない|ません|りません))|連絡を受|連絡があ|通報を受|報告を受|報告があ|指摘を受|指摘があ|ご指摘|申し出|申出|お問い合わせ|問い合わせ(?:が|を受)|相談を受|アラート|異常を/;
// Something happened to data, devices or systems.
export const EVENT_WORD =
  /発生|不正アクセス|侵入|攻撃|感染|紛失|盗難|盗まれ|置き忘|置いたまま|置き去り|誤送信|誤送付|誤って|誤配|送信|送付|発送|郵送|投函|持ち出|流出|漏えい(?!対策|防止)|漏洩(?!対策|防止)|改ざん|ログイン|暗号化|閲覧|公開|掲載|設定|停止|障害|届かず|なくし|失くし|開封|開い|実行|ダウンロード|作成|接続|車上荒らし|被害|配布|状態|続いて|乗っ取|なりすま|窃取|ひったく|置き引き|誤交付|誤表示|表示され|アップロード|廃棄|悪用|大量のアクセス|大量の通信|封入|同封|封緘|印字|受付分|受け付け|出され|処分|運搬|持ち帰|配達|保管し|紛れ|引き渡|引渡し|預け|売却/;
// Where each of the two is first found in a clause, by one scan for both (qty-scan) rather than a regex
// call for each that tries every word at every position.
export const CLAUSE_WORDS = scannerOf([DISCOVERY, EVENT_WORD]);
const FIRSTS = new Int32Array(2); // (reused: filled and read right away for each clause)
// The date belongs to an earlier notice this one refers to.
export const CITED =
  /^\s?(?:に(?:て)?(?:第[一二三四五1-9]報|続報|速報)(?!が)|付(?:け)?\s?(?:の|で|にて)?\s?(?:[「『]|第\d報|お知らせ|プレスリリース|公表|発表|報道|掲載|ニュース)|に(?:て)?(?:公表|発表|お知らせ|掲載|公開)(?:し|いた)|(?:の|に)(?:第\d報|お知らせ|プレスリリース))/;
// A label before the date on its line says what the date is (「発生日時：」「判明日：」「期間：」).
const LABEL_EVENT =
  /(?:(?:発生|発送|送信|紛失|盗難|被害|不正アクセス|漏えい|流出|誤送信|誤送付|誤交付|誤掲載|掲載)(?:の)?(?:日時|日|期間|状況|時刻|概要)?|(?:^|[【■●◆□\s])(?:期間|日時))\s?[】\]]?\s?[:：]?\s*$/;
const LABEL_DISCOVERY = /(?:判明|発覚|発見|検知|覚知|認知|把握)(?:の)?(?:日時|日|経緯)?\s?[】\]]?\s?[:：]?\s*$/;
// A contractor (or its staff: 「再委託先の従業員が」) doing the detecting: for the organization that is part
// of the incident, not its discovery.
const CONTRACTOR_SUBJECT =
  /(?:再委託先|委託先|委託業者)(?:の[^、。]{1,8}?)?(?:において|が|は|では|で)(?![^。]{0,30}(?:当社|弊社|当院|当法人|本学|当学|当組合|当協会|当会|当財団|当センター|本市|本町|本県|市に|町に|県に|区に|村に))/;
// The sentence reports what an investigation found out about an earlier date.
const INVESTIGATION = /調査の結果|その結果|調査により|調査したところ|解析の結果|分析の結果|確認したところ|調べたところ|ところ[、,]/;
// 「19時30分から20時15分までの間」: a range inside the day, not the start of a period.
export const SAME_DAY_RANGE = /^\s?(?:頃|ごろ)?\s?(?:から|より|〜|~)\s?(?:(?:午前|午後)?\s?\d{1,2}(?:時|:)|正午|夕方|夜|深夜)/;
// A date that starts a period (「6月17日頃から」) is not when anybody found out.
export const PERIOD_START = /^\s?(?:頃|ごろ)?\s?(?:から|より|以降)/;
// The date ends a range (「…から2月5日までの間」).
// (a join word anywhere between the two dates; RANGE_JOIN_ONLY: the gap is nothing but one)
const RANGE_WORD = /から|より|〜|~|～|－|―|–/;
export const RANGE_JOIN_ONLY = /^\s?(?:頃|ごろ)?\s?(?:から|より|〜|~|～|-|－|―|ー|–)\s?$/;
const RANGE_END_AFTER = /^\s?(?:の?(?:朝|昼|夕方|夜|深夜|未明|早朝|明け方|正午))?\s?(?:頃|ごろ)?\s?(?:まで|迄|の間|にかけて|の期間)/;
// After this point the notice talks about its own response, not the incident.
// (「4月21日より、対象となるお客様へ順次…」: whom the response goes to may come first)
export const RESPONSE_ONLY = /^\s?(?:頃|ごろ)?\s?(?:より|から|以降)[、,\s]*(?:[^。、\n]{1,20}?(?:へ|に対し(?:て)?|に)[、,]?\s?)?(?:順次|個別|書面|メール|電話|ご連絡|お詫び|ご案内|郵送)|^[、,\s]*(?:順次|個別に)/;
// A clause that ends in the organization's response (「…誤って同封した通知書を回収しました」) dates the
// response, whatever event words it quotes.
const RESPONSE_ACT = /(?:回収|謝罪|お詫び)(?:いたし|し)(?:まし)?た。?\s*$/;
// Reports or inquiries arriving, one after another.
const REPORTS_COME_IN = /寄せられ|相次|複数(?:寄せ|いただ|受け)|多数(?:寄せ|いただ|受け)/;
const REPORT_NOUN = /連絡|通報|報告|問い合わせ|問合せ|相談|申し出|指摘|情報提供|苦情/;
// A discovery verb right after the date: the date is when it came to light, whatever the sentence began with.
const DISCOVERY_AT = /^\s?(?:頃|ごろ)?\s?(?:に|、|,)?\s?(?:判明|発覚|検知|確認|把握|発見)/;
// a bullet or dash that closes the text between a date alone on its line and the next date
const BULLET_END = /[・-]\s?$/;
// a clause that stops at an inner date in mid-sentence
const OPEN_END = /[、,がはをの]\s?$/;

// What the text after a date starts with, after one optional space, where CITED, PERIOD_START and RESPONSE_ONLY
// may match: each reads a ^\s? first, then one of these (CITED: に, の, 付; PERIOD_START: 頃, ごろ, から, より,
// 以降, or a second space; RESPONSE_ONLY: those, 順次/個別に or any run of 、, and spaces). Most dates are
// followed by none of them, and a look at one character costs far less than a regex call.
export const MAY_CITE = 1;
export const MAY_START_PERIOD = 2;
export const MAY_RESPOND = 4;

/** Which of CITED, PERIOD_START and RESPONSE_ONLY may match the text after a date (MAY_… bits). */
export function mayMatchAfter(after: string): number {
  const i = isSpace(after.charCodeAt(0)) ? 1 : 0;
  const c = after.charCodeAt(i);
  switch (c) {
    case 0x306b: // に
    case 0x306e: // の
    case 0x4ed8: // 付
      return MAY_CITE;
    case 0x9803: // 頃
    case 0x3054: // ご
    case 0x304b: // か
    case 0x3088: // よ
    case 0x4ee5: // 以
      return MAY_START_PERIOD | MAY_RESPOND;
    case 0x3001: // 、
    case 0x2c: // ,
    case 0x9806: // 順
    case 0x500b: // 個
      return MAY_RESPOND;
    default:
      return isSpace(c) ? MAY_START_PERIOD | MAY_RESPOND : 0;
  }
}

export function datedClauses(
  ctx: ExtractContext,
  publishedAt: string | null,
  defaultYear: number | undefined,
  firstFull?: string,
): DatedClause[] {
  const text = ctx.text;
  const mentions = findDates(text, { defaultYear, notAfter: publishedAt ?? undefined, firstFull, limit: MAX_MENTIONS });
  const out: (DatedClause & { cutShortDiscovery: boolean; sentenceEnd: number })[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as DateMention;
    const next = mentions[i + 1];
    const sEnd = sentenceEnd(text, m.end);
    const sStart = sentenceStart(text, m.start);
    let clauseEnd = Math.min(sEnd, next && next.start < sEnd ? next.start : sEnd, m.end + MAX_CLAUSE);
    // the label of a date: earlier on its line, or a heading line right above a date that starts its line
    const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
    const atLineStart = onlyBullets(text, lineStart, m.start);
    // a date alone on its line (a timeline heading, 「9月22日(日)」) is described by the lines below it
    if (atLineStart && onlySpaceOrParen(text, m.end, clauseEnd)) {
      clauseEnd = Math.min(next ? next.start : text.length, m.end + MAX_CLAUSE);
      if (next && BULLET_END.test(text.slice(m.end, next.start))) clauseEnd = next.start;
    }
    const after = text.slice(m.end, clauseEnd);
    const sentence = text.slice(Math.max(sStart, m.start - MAX_CLAUSE), Math.min(sEnd, m.end + MAX_CLAUSE));
    const may = mayMatchAfter(after);
    const cited = (may & MAY_CITE) !== 0 && CITED.test(after);
    const responseOnly = (may & MAY_RESPOND) !== 0 && RESPONSE_ONLY.test(after);
    const labelFrom = atLineStart ? text.lastIndexOf('\n', Math.max(0, lineStart - 2)) + 1 : lineStart;
    const before = text.slice(Math.max(labelFrom, m.start - 24), m.start);
    const prev = mentions[i - 1];
    const between = prev ? text.slice(prev.end, m.start) : '';
    const rangeEnd =
      !!prev &&
      between.length <= 40 &&
      !hasSentenceEnd(between) &&
      (RANGE_JOIN_ONLY.test(between) || (RANGE_WORD.test(between) && RANGE_END_AFTER.test(text.slice(m.end, m.end + 8))));
    // 「8月5日、委託先から当社に対し、同社のサーバーが8月2日に…暗号化されたとの報告がありました」:
    // a clause cut short by an inner date keeps the sentence's final verb
    const cutShort = next !== undefined && next.start === clauseEnd && OPEN_END.test(after);
    const clause = stripQuotes(stripParens(cutShort ? text.slice(m.end, Math.min(sEnd, m.end + 2 * MAX_CLAUSE)) : after));
    const lead = text.slice(sStart, m.start);
    // every match holds 委託: without 委 on either side the joined text need not be built
    const byContractor = (lead.includes('委') || clause.includes('委')) && CONTRACTOR_SUBJECT.test(lead + clause);
    // 「調査の結果、攻撃者は6月26日に侵入」: a past event revealed later, not the day of finding out
    const revealed = INVESTIGATION.test(lead) && !DISCOVERY_AT.test(after);
    const periodStart = (may & MAY_START_PERIOD) !== 0 && PERIOD_START.test(after) && !SAME_DAY_RANGE.test(after);
    // 「…から連絡を受けたのは、2024年1月31日です」: the cue stands before the date
    const cueBefore = endsWithCue(lead);
    // 「…との連絡が、9月29日以降、お客さまから相次いで寄せられて」: reports coming in since a date start on that date
    // (read up to the next date: 「1月16日頃から送信が始まり、1月17日朝より…相次いだ」 has the reports on the 17th)
    const reportsSince = periodStart && REPORTS_COME_IN.test(after) && REPORT_NOUN.test(lead + after);
    // the word lists are scanned once per clause: the first position of each also says whether it occurs
    firstMatches(CLAUSE_WORDS, clause, FIRSTS);
    const dPos = FIRSTS[0] as number;
    const ePos = FIRSTS[1] as number;
    let discovery = cueBefore || reportsSince || !cited && !responseOnly && !rangeEnd && !periodStart && !byContractor && !revealed && dPos >= 0;
    let event = !cited && !responseOnly && (ePos >= 0 || (byContractor && dPos >= 0)) && !RESPONSE_ACT.test(clause);
    if (LABEL_DISCOVERY.test(before)) {
      discovery = true;
      event = false;
    } else if (LABEL_EVENT.test(before)) {
      event = true;
    }
    // the inner date of a sentence whose outer date took the discovery verb is an event
    const outer = out[out.length - 1];
    if (outer && outer.cutShortDiscovery && outer.mention.end <= m.start && m.start < sEnd && outer.sentenceEnd === sEnd) discovery = false;
    // the discovery word closes a long clause that starts with the event (「…配布したチラシに…記載されていたことが判明」)
    const eventFirst = ePos >= 0 && (dPos < 0 || (ePos < dPos && dPos - ePos > 20));
    out.push({ mention: m, after, sentence, cited, discovery, event, eventFirst, cutShortDiscovery: cutShort && discovery, sentenceEnd: sEnd });
  }
  return out;
}

// 「…判明したのは、」 at the end of the text before a date
const CUE_BEFORE = /(?:判明|発覚|把握|認識|気付|気づ|検知|連絡を受け|報告を受け|指摘を受け)(?:した|いた|た)?の(?:は|が)[、,]?\s?$/;

/** CUE_BEFORE, tried only when its のは/のが stands in the last four characters, as every match needs. */
function endsWithCue(lead: string): boolean {
  const tail = lead.slice(-4);
  return (tail.includes('のは') || tail.includes('のが')) && CUE_BEFORE.test(lead);
}

/** /^[\s・-]*$/ on text.slice(from, to) */
function onlyBullets(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x30fb && c !== 0x2d && !isSpace(c)) return false;
  }
  return true;
}

/** /^[\s)]*$/ on text.slice(from, to) */
function onlySpaceOrParen(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x29 && !isSpace(c)) return false;
  }
  return true;
}

/** /[。\n]/.test(s) */
function hasSentenceEnd(s: string): boolean {
  return s.includes('。') || s.includes('\n');
}

const QUOTED = /「[^「」]{0,80}」/g;
const PARENTHESISED = /\([^()]{0,60}\)/g;

/**
 * Quoted words (what a caller said, a mail's subject) are not the notice's own account. (No includes('「')
 * first: V8 finds a character by the larger of its two bytes, 0x30 here, which nearly every kana has; the
 * regex's own search is faster.)
 */
function stripQuotes(s: string): string {
  return s.replace(QUOTED, '「」');
}

/** Parenthesised asides (「（調査により判明）」) say how a fact became known later, not when. */
function stripParens(s: string): string {
  return s.includes('(') ? s.replace(PARENTHESISED, '') : s;
}

function sentenceEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + 400);
  // 。 inside brackets (「…という。」) does not end the sentence
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return i;
    if (c === 0x28 /* ( */ || c === 0x300c /* 「 */ || c === 0x300e /* 『 */) depth++;
    else if ((c === 0x29 /* ) */ || c === 0x300d /* 」 */ || c === 0x300f /* 』 */) && depth > 0) depth--;
    else if (c === 0x3002 /* 。 */ && depth === 0) return i;
  }
  return limit;
}

function sentenceStart(text: string, from: number): number {
  const limit = Math.max(0, from - 400);
  for (let i = from - 1; i >= limit; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 /* 。 */ || c === 0x0a) return i + 1;
  }
  return limit;
}
