// dataItems / excludedDataItems: which kinds of personal data were involved, and which the notice
// says were NOT involved (「クレジットカード情報は含まれておりません」).
import type { DataItem } from '../../model/index.js';
import { DATA_ITEMS } from '../../model/index.js';
import { isSpace, lineMarker } from '../../text/index.js';
import type { ExtractContext, FieldResult, Line, NSpan } from '../context.js';
import { result } from '../context.js';
import { clausesFromCuts, CUT_PATTERNS, type Clause } from './qty-clauses.js';
import { DATA_TERMS, fieldLike, OTHER_NUMBER_BEFORE, TERM_PATTERNS } from './qty-data-terms.js';
import { firstMatch, scanRanges, scannerOf, type TermMatch } from './qty-scan.js';
import { inSpans, sectionsOf } from './qty-scope.js';

export interface DataItemFields {
  dataItems: FieldResult<DataItem[]>;
  excludedDataItems: FieldResult<DataItem[]>;
}

// Sections that are about something else than the data involved: measures, the contact desk,
// requests to readers. Data words there (「パスワードを変更してください」) are not involved data.
const SKIP_TITLE =
  /(?:再発防止|防止策|防止対策|今後の対[応策]|今後の取り?組|対策|問い?合わせ|問合せ|窓口|連絡先|照会先|お願い|ご注意|注意喚起|原因)/;
const BULLET = new Set(['dot', 'dash', 'circle', 'square']);
const DATA_TITLE = /(?:情報|項目|内容|データ|記載|対象)/;
// data sections whose lines are the fields themselves (「漏えいした情報」, not 「漏えいの内容」)
const FIELD_TITLE = /(?:情報|項目)/;
const CONTENTS_TITLE = /内容/;

// What happened to the data: a sentence with a single data word needs one of these to count.
const DATA_VERB =
  /(?:漏えい|漏洩|流出|含まれ|含む|記載|閲覧|窃取|盗|詐取|持ち?出|紛失|誤送|誤って|添付|表示|入力|不正|おそれ|恐れ|可能性|確認|判明|対象|項目|保存|登録|保管|記録|印字|送付|アクセス)/;
// Sentences that use a data word for a response step or a request, not for involved data.
const RESPONSE =
  /(?:宛て?に|宛先へ|郵送(?:いた|し)|ご連絡(?:いた|し|を)|お知らせ(?:いた|し)|変更(?:を|して|して下さい|してください|をお願い)|再設定|ご注意|お問い合わせ|お願い(?:いた|し|申し)|ご確認ください)/;

// A clause that says the items were NOT there.
const NEGATION =
  /(?:(?:含まれ|含ま|含んで|含め)[^。、]{0,6}?(?:ない|ません|ず)|(?:保有|保持|お?預かり|取得|記録|保存|登録|管理)して(?:い|お)ない|含まれて(?:お|い)(?:りません|ません|らず)|含まれず|含まれない|含まれません|含んで(?:お|い)(?:りません|ません|らず)|含めて(?:お|い)(?:りません|ません|らず)|記載(?:は|も)?(?:ありません|ございません|されて(?:お|い)(?:りません|ません|らず)|していない|なし)|お?預かりして(?:お|い)(?:りません|ません|らず)|保有して(?:お|い)(?:りません|ません|らず)|保持して(?:お|い)(?:りません|ません|らず)|取得して(?:お|い)(?:りません|ません|らず)|取り?扱って(?:お|い)(?:りません|ません|らず)|入って(?:お|い)(?:りません|ません|らず)|対象外|該当しません|提供して(?:お|い)(?:りません|ません|らず)|表示されない|表示されません|(?:表示|閲覧|送信|記録|格納|印字|掲載|記載|保存|登録)されて(?:お|い)(?:りません|ません|らず)|(?:記載|保持|保有|保存|登録|入力|記入|表示)して(?:お|い)(?:りません|ません|らず)|登録されて(?:お|い)(?:りません|ません|らず)|保存されて(?:お|い)(?:りません|ません|らず)|(?:流出|漏えい|漏洩)(?:は|も)?(?:して(?:お|い)(?:りません|ません|らず)|ありません|ございません)|ではありません|ございません|ありません)/;

// 「流出した事実はありません」 denies the event, not the presence of the items
const NOT_ABOUT_ITEMS = /(?:事実|被害|形跡|痕跡|報告|問い合わせ|悪用|不正利用|二次被害|流出|漏えい|漏洩|アクセス)(?:は|も)(?:現時点で|現在)?(?:ありません|ございません|確認されて(?:お|い)(?:りません|ません))/g;

// Data words used for something other than data: 「パスワード設定」「メールアドレスから届いた」
// (an attachment's password: 「パスワードにより保護」「パスワードは別のメールで送付」「パスワードも送信していない」)
const PASSWORD_SETTING = /^(?:により(?:保護|暗号化)|で(?:保護|暗号化)|付き|(?:は|も|を)(?:別(?:の)?メール|別送|別途)|(?:は|も)送信(?:して|されて)(?:お|い)|(?:を|が|は)?(?:推測|使い回|無効|用い|使用|組み合わせ|の組み合わせ|設定|設定|付|つ|かけ|掛け|保護|管理|強化|変更|再設定|リセット|ロック|の設定|の変更|の強化|の管理|による|で保護))/;
const EMAIL_SENDER = /^(?:から|より|を(?:騙|かた|装|偽)|になりすま|を差出人)/;

const CREDENTIAL_TAKEN = /(?:流出|漏えい|漏洩|窃取|盗|詐取|不正に取得|取得され|含まれ|入力を求め|入力させ|入力を促|閲覧され|記載され|保存され|ハッシュ)/;
const CREDENTIAL_TOOL = /(?:設定|組み?合わ?せ|形跡|必要|ことはありません|を用い|を使用|を使い|入力し(?:た|まし|て)|変更され|リスト攻撃)/;
function credentialInvolved(clause: string): boolean {
  return CREDENTIAL_TAKEN.test(clause) && !CREDENTIAL_TOOL.test(clause);
}

// Sets of data items are bit masks: bit i is DATA_ITEMS[i]
if (DATA_ITEMS.length > 31) throw new Error('too many data items for a bit mask');
const ITEM_BIT = new Map(DATA_ITEMS.map((d, i) => [d, 1 << i]));
const OTHER = ITEM_BIT.get('other')!;

interface Hit {
  /** the data item's bit */
  item: number;
  start: number;
  end: number;
  /** a login credential: data only when taken, phished or listed with other data — not a PC's boot password */
  credential?: boolean;
}
const QUOTED_SENTENCE = /「[^「」\n]{4,200}」/g;
const CREDENTIAL_ID = /^(?:ID|ログインID|ユーザーID|ユーザID|利用者ID|アカウントID)$/;

/** Index of the clause containing `pos` (clauses are ordered and disjoint), or -1. */
function clauseIndexOf(clauses: Clause[], pos: number): number {
  let lo = 0;
  let hi = clauses.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = clauses[mid]!;
    if (pos < c.start) hi = mid - 1;
    else if (pos >= c.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

// (the two tests every hit gets are made in place, without a copy of the text after the word)
const COLON = 0x3a; // :
const WIDE_COLON = 0xff1a; // ：
const OPEN_QUOTE = 0x300c; // 「
const GA = 0x304c; // が
const WO = 0x3092; // を
const CHANGED = '変更され';

/** Whether text[from, to) starts with a label mark (as /^\s*[:：「]/ tests the slice). */
export function labelAfter(text: string, from: number, to: number): boolean {
  let p = from;
  while (p < to && isSpace(text.charCodeAt(p))) p++;
  if (p >= to) return false;
  const ch = text.charCodeAt(p);
  return ch === COLON || ch === WIDE_COLON || ch === OPEN_QUOTE;
}

/** Whether text[from, to) starts with 変更され, after が or を (as /^(?:が|を)?変更され/ tests the slice). */
export function changedAfter(text: string, from: number, to: number): boolean {
  let p = from;
  // (if the particle is there, 変更され can only follow it: it does not start with が or を)
  if (p < to && (text.charCodeAt(p) === GA || text.charCodeAt(p) === WO)) p++;
  return p + CHANGED.length <= to && text.startsWith(CHANGED, p);
}

/** Whether the vocabulary word `m` in clause `c` is used for something other than data. */
function notData(text: string, c: Clause, item: DataItem, m: TermMatch): boolean {
  if (item === 'other') return false;
  const to = Math.min(c.end, m.end + 8);
  if (m.word === '番号' && OTHER_NUMBER_BEFORE.test(text.slice(Math.max(c.start, m.start - 6), m.start) || ' ')) return true;
  if (item === 'password' && PASSWORD_SETTING.test(text.slice(m.end, to))) return true;
  if (item === 'email' && EMAIL_SENDER.test(text.slice(m.end, to))) return true;
  // a label with its value (「電話番号：0120…」「件名：「…」」) is a contact point or a lure, not data
  if (labelAfter(text, m.end, to)) return true;
  // 「登録メールアドレスが変更されました」: an account was taken over, the address itself was not exposed
  return changedAfter(text, m.end, to);
}

const QUOTED_STATEMENT = /(?:ました|ます|ください|です|ません)/;

/** Quoted sentences (the lure of a phishing mail: 「口座が凍結されました」) are not data descriptions.
 * `matches`: those of QUOTED_SENTENCE in the text. */
function quotedSentences(matches: readonly TermMatch[]): NSpan[] {
  const quotes: NSpan[] = [];
  for (const m of matches) if (QUOTED_STATEMENT.test(m.word)) quotes.push({ start: m.start, end: m.end });
  return quotes;
}

// The words, clause cuts and quotes of a notice are all found in one pass over it (qty-scan).
const TERMS_AT = 0;
const CUTS_AT = TERMS_AT + TERM_PATTERNS.length;
const QUOTES_AT = CUTS_AT + CUT_PATTERNS.length;
const SCANNER = scannerOf([...TERM_PATTERNS, ...CUT_PATTERNS, QUOTED_SENTENCE]);

// shared by every clause without hits (never pushed to)
const NO_HITS: Hit[] = [];

/** Adds the hits of one vocabulary pattern's matches to their clauses. */
function addHits(out: Hit[][], text: string, clauses: Clause[], quotes: NSpan[], item: DataItem, matches: readonly TermMatch[]): void {
  if (matches.length === 0) return; // (most patterns)
  const bit = ITEM_BIT.get(item)!;
  for (const m of matches) {
    const k = clauseIndexOf(clauses, m.start);
    if (k < 0) continue;
    if (quotes.length > 0 && inSpans(quotes, m.start)) continue;
    if (notData(text, clauses[k]!, item, m)) continue;
    const credential = item === 'password' || (item === 'id_number' && CREDENTIAL_ID.test(m.word));
    const hit = { item: bit, start: m.start, end: m.end, credential };
    if (out[k] === NO_HITS) out[k] = [hit];
    else out[k]!.push(hit);
  }
}

/**
 * Every vocabulary word in the text, each kept with the clause it sits in. One pass over the whole text
 * (rather than per clause) finds the words of all patterns (`matches`, from SCANNER). Hits of a clause
 * are in DATA_TERMS order, then OTHER_TERMS, each by position.
 */
function termHitsByClause(text: string, clauses: Clause[], matches: (readonly TermMatch[])[]): Hit[][] {
  const out: Hit[][] = new Array<Hit[]>(clauses.length).fill(NO_HITS);
  const quotes = quotedSentences(matches[QUOTES_AT]!);
  for (let i = 0; i < DATA_TERMS.length; i++) addHits(out, text, clauses, quotes, DATA_TERMS[i]![1], matches[TERMS_AT + i]!);
  addHits(out, text, clauses, quotes, 'other', matches[TERMS_AT + DATA_TERMS.length]!);
  return out;
}

// whether a list chunk holds any vocabulary word, by one scan (a regex of their union would try every
// word at every position)
const ANY_TERM = scannerOf(DATA_TERMS.map(([re]) => re));

// (what ends or contains these is a phrase, not a field name)
const PHRASE_CHUNK = /[がをにはでもへとやし]$|ます|ました|され|して|した|ません/;
// where list chunks are split (as the regex /[、,，・/「」『』()（）:：\n]|及び|…|の一部/ would): these
// characters, and these words (no two of them match at the same place, so their order is free)
const SPLIT_CHARS = '、,，・/「」『』()（）:：\n';
const SPLIT_WORDS = ['及び', 'および', '並びに', 'ならびに', 'または', '又は', 'もしくは', '等', 'など', 'とその', 'の一部'];
// character code → 1: a split character, k + 2: the first character of the split words WORDS_AT[k], in
// SPLIT_WORDS order (a table lookup per character: the regex split tried every word at every position)
const SPLIT_AT = new Uint8Array(0x10000);
const WORDS_AT: string[][] = [];
for (const w of SPLIT_WORDS) {
  const c = w.charCodeAt(0);
  if (SPLIT_AT[c] === 0) {
    SPLIT_AT[c] = WORDS_AT.length + 2;
    WORDS_AT.push([]);
  }
  WORDS_AT[SPLIT_AT[c]! - 2]!.push(w);
}
for (const ch of SPLIT_CHARS) SPLIT_AT[ch.charCodeAt(0)] = 1;

/** The length of the split character or word at s[i], or 0. */
function splitAt(s: string, i: number): number {
  const kind = SPLIT_AT[s.charCodeAt(i)]!;
  if (kind < 2) return kind;
  for (const w of WORDS_AT[kind - 2]!) if (s.startsWith(w, i)) return w.length;
  return 0;
}

/** The chunks of a list line (as s.split of the regex above: empty chunks included). */
export function splitChunks(s: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; ) {
    const n = splitAt(s, i);
    if (n === 0) {
      i++;
      continue;
    }
    out.push(s.slice(from, i));
    i += n;
    from = i;
  }
  out.push(s.slice(from));
  return out;
}

const GENERIC_CHUNK =
  /(?:個人情報|お客様|顧客|対象|一部|以下|当社|当院|当法人|弊社|皆様|方々|の方|データ|ファイル|書類|名簿|リスト|[0-9]|合計|件数|人数|^情報$|^内容$|^項目$)/;

/** `s` without a leading お/ご (as s.replace(/^[おご]/, '')) */
function withoutHonorific(s: string): string {
  return s.startsWith('お') || s.startsWith('ご') ? s.slice(1) : s;
}

// the endings withoutSuffix removes; of two that both end the string the longer one starts further left,
// where a search finds it first, so it is the one removed
const SUFFIXES = ['の各項目', 'の情報', '情報', 'など', '等', '。'];
// (most chunks end in none of their last characters: one lookup rules the endings out)
const SUFFIX_LAST = new Set(SUFFIXES.map((x) => x.charCodeAt(x.length - 1)));

/** `s` without one of SUFFIXES at its end (as s.replace(/(?:の情報|情報|等|など|の各項目|。)$/, '')) */
export function withoutSuffix(s: string): string {
  if (!SUFFIX_LAST.has(s.charCodeAt(s.length - 1))) return s;
  for (const x of SUFFIXES) if (s.endsWith(x)) return s.slice(0, s.length - x.length);
  return s;
}

/** Unmapped fields in a data list (「当国保組合の資格取得日」) are personal data of another kind. */
function otherChunks(text: string, c: Clause, body?: string): Hit[] {
  const s = body ?? text.slice(c.start, c.end);
  const out: Hit[] = [];
  let pos = 0;
  for (const raw of splitChunks(s)) {
    const at = s.indexOf(raw, pos);
    if (at >= 0) pos = at + raw.length;
    const trimmed = raw.trim();
    // the edits below remove at most 1 + 4 characters: longer or shorter pieces cannot become a field
    if (trimmed.length < 2 || trimmed.length > 14 + 5) continue;
    const chunk = withoutSuffix(withoutHonorific(trimmed));
    if (chunk.length < 2 || chunk.length > 14) continue;
    // (the tests only rule chunks out, so their order is free: the cheapest and most selective first)
    if (!fieldLike(chunk)) continue;
    if (GENERIC_CHUNK.test(chunk)) continue;
    if (PHRASE_CHUNK.test(chunk)) continue;
    if (firstMatch(ANY_TERM, chunk) >= 0) continue;
    out.push({ item: OTHER, start: c.start + Math.max(0, at), end: c.start + Math.max(0, at) + raw.length });
  }
  return out;
}

const MAX_EVIDENCE = 64;

/** The items of a bit mask, in DATA_ITEMS order. */
function itemsOf(bits: number): DataItem[] {
  const out: DataItem[] = [];
  for (let i = 0; i < DATA_ITEMS.length; i++) if ((bits & (1 << i)) !== 0) out.push(DATA_ITEMS[i]!);
  return out;
}

/**
 * Adds an evidence span unless it is there already: the first MAX_EVIDENCE different spans are kept.
 * `from`: where the spans of the current clause begin in `ev`. A clause's hits start inside it and
 * clauses are disjoint, so a span of an earlier clause never equals one of this clause: only this
 * clause's spans are compared with.
 */
function addEvidence(ev: NSpan[], from: number, h: Hit): void {
  if (ev.length >= MAX_EVIDENCE) return;
  for (let i = from; i < ev.length; i++) if (ev[i]!.start === h.start && ev[i]!.end === h.end) return;
  ev.push({ start: h.start, end: h.end });
}

/** Whether some hit is a login credential. */
function hasCredential(hits: Hit[]): boolean {
  for (const h of hits) if (h.credential) return true;
  return false;
}

/** Whether the hits name two different vocabulary items (not 'other'); `plain`: credentials left out. */
function twoItems(hits: Hit[], plain: boolean): boolean {
  let bits = 0;
  for (const h of hits) if (!(plain && h.credential)) bits |= h.item;
  bits &= ~OTHER;
  return (bits & (bits - 1)) !== 0;
}

// Cheap tests first: every NOT_ABOUT_ITEMS match ends in …ません, and every NEGATION match contains one
// of NEGATION_WORD's words, so clauses without them skip the long patterns.
const NEGATION_WORD = /ない|ません|ず|なし|対象外/;

function deniesEventIn(body: string): boolean {
  if (!body.includes('ません')) return false;
  NOT_ABOUT_ITEMS.lastIndex = 0;
  const found = NOT_ABOUT_ITEMS.test(body);
  NOT_ABOUT_ITEMS.lastIndex = 0;
  return found;
}

function isNegated(body: string): boolean {
  return NEGATION_WORD.test(body) && NEGATION.test(body);
}

// a list of fields, and a field with its value (「氏名：…」)
const LISTED = /[、・,]/;
const LABELLED = /[:：]/;
// a negation of containing or holding (「…は保持しておりません」) covers credentials too
const HELD = /(?:含|記載|保持|預か|保有)/;
// (sticky, at the end of a word; every alternative is shorter than the 3 characters looked at before)
const ONLY_AFTER = /(?:以外|のみ|だけ)/y;

/** The spans of the sections to skip, of those about the data, and of those that list data fields one per line. */
function sectionSpans(ctx: ExtractContext): { skip: NSpan[]; dataSections: NSpan[]; fieldSections: NSpan[] } {
  const skip: NSpan[] = [];
  const dataSections: NSpan[] = [];
  const fieldSections: NSpan[] = [];
  for (const s of sectionsOf(ctx)) {
    // the notice's own title line (【注意喚起】…) heads the whole text, not a part of it
    if (!s.heading || s.heading.start === 0) continue;
    if (SKIP_TITLE.test(s.title)) skip.push({ start: s.heading.start, end: s.end });
    else if (DATA_TITLE.test(s.title)) {
      dataSections.push({ start: s.heading.start, end: s.end });
      if (FIELD_TITLE.test(s.title) && !CONTENTS_TITLE.test(s.title)) fieldSections.push({ start: s.heading.start, end: s.end });
    }
  }
  return { skip, dataSections, fieldSections };
}

/** The parts of [0, length) outside `spans` (ascending and disjoint, as sections are). */
export function outsideSpans(spans: NSpan[], length: number): NSpan[] {
  const out: NSpan[] = [];
  let from = 0;
  for (const s of spans) {
    if (s.start > from) out.push({ start: from, end: s.start });
    from = Math.max(from, s.end);
  }
  if (length > from) out.push({ start: from, end: length });
  return out;
}

/** The lines that do not start inside one of `spans` (ascending and disjoint: inSpans, by one walk). */
export function linesOutside(lines: readonly Line[], spans: NSpan[]): readonly Line[] {
  if (spans.length === 0) return lines;
  const out: Line[] = [];
  let k = 0;
  for (const line of lines) {
    while (k < spans.length && spans[k]!.end <= line.start) k++;
    if (k < spans.length && line.start >= spans[k]!.start) continue;
    out.push(line);
  }
  return out;
}

export function extractDataItems(ctx: ExtractContext): DataItemFields {
  const text = ctx.text;
  const { skip, dataSections, fieldSections } = sectionSpans(ctx);
  let included = 0;
  let excluded = 0;
  const inEv: NSpan[] = [];
  const exEv: NSpan[] = [];
  // Clauses in a skipped section are not read: neither are its lines scanned nor cut. Sections are whole
  // lines and no match of SCANNER's patterns holds a line end, so the matches and clauses elsewhere are
  // those of the whole text, and every clause left starts outside the skipped sections.
  const matches = scanRanges(SCANNER, text, outsideSpans(skip, text.length));
  const clauses = clausesFromCuts(text, linesOutside(ctx.lines, skip), matches.slice(CUTS_AT, QUOTES_AT));
  const hitsOf = termHitsByClause(text, clauses, matches);
  for (let ci = 0; ci < clauses.length; ci++) {
    const c = clauses[ci]!;
    const hits = hitsOf[ci]!;
    if (hits.length === 0 && !inSpans(dataSections, c.start)) continue;
    if (hits.length === 0) {
      // a bulleted field of a data section that has no vocabulary word (「・売却希望物件の状況」)
      if (!inSpans(fieldSections, c.start)) continue;
      const body = text.slice(c.start, c.end);
      const mk = lineMarker(body);
      if (mk && BULLET.has(mk.kind) && !LABELLED.test(body)) {
        const inFrom = inEv.length;
        for (const h of otherChunks(text, { start: c.start + mk.contentOffset, end: c.end })) {
          included |= h.item;
          addEvidence(inEv, inFrom, h);
        }
      }
      continue;
    }
    const body = text.slice(c.start, c.end);
    const inData = inSpans(dataSections, c.start);
    const isList = twoItems(hits, false) || (inData && LISTED.test(body));
    const deniesEvent = deniesEventIn(body);
    if (deniesEvent && !isList) continue; // 「取引先の情報が閲覧された形跡はありません」
    const negated = isNegated(deniesEvent ? body.replace(NOT_ABOUT_ITEMS, '') : body);
    if (!isList && !inData && !negated && !DATA_VERB.test(body)) continue;
    if (!negated && !isList && RESPONSE.test(body)) continue;
    const all = isList || inData ? hits.concat(otherChunks(text, c, body)) : hits;
    // (only read for credential hits: the tests are skipped for clauses without one)
    const credentialsCount =
      hasCredential(hits) &&
      (twoItems(hits, true) || credentialInvolved(body) || (inData && isList && !CREDENTIAL_TOOL.test(body)));
    const inFrom = inEv.length;
    const exFrom = exEv.length;
    for (const h of all) {
      if (h.credential && !credentialsCount && !(negated && HELD.test(body))) continue;
      // 「メールアドレス以外の情報は含まれておりません」: the named item is the one that WAS involved
      ONLY_AFTER.lastIndex = h.end;
      const only = ONLY_AFTER.test(text);
      if (negated && !only) {
        if (h.item === OTHER) continue; // unnamed "other" exclusions are too vague to record
        excluded |= h.item;
        addEvidence(exEv, exFrom, h);
      } else {
        included |= h.item;
        addEvidence(inEv, inFrom, h);
      }
    }
  }
  return {
    dataItems: result(itemsOf(included), inEv),
    excludedDataItems: result(itemsOf(excluded & ~included), exEv),
  };
}
