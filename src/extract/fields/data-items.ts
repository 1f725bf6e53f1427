// dataItems / excludedDataItems: which kinds of personal data were involved, and which the notice
// says were NOT involved (「クレジットカード情報は含まれておりません」).
import type { DataItem } from '../../model/index.js';
import { DATA_ITEMS } from '../../model/index.js';
import { lineMarker } from '../../text/index.js';
import type { ExtractContext, FieldResult, NSpan } from '../context.js';
import { result } from '../context.js';
import { clausesOf, type Clause } from './qty-clauses.js';
import { DATA_TERMS, FIELD_LIKE, OTHER_NUMBER_BEFORE, OTHER_TERMS } from './qty-data-terms.js';
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

interface Hit {
  item: DataItem;
  start: number;
  end: number;
  /** a login credential: data only when taken, phished or listed with other data — not a PC's boot password */
  credential?: boolean;
}
const QUOTED_SENTENCE = /「[^「」\n]{4,200}」/g;
const CREDENTIAL_ID = /^(?:ID|ログインID|ユーザーID|ユーザID|利用者ID|アカウントID)$/;

/**
 * Every vocabulary word in the text, each kept with the clause it sits in. One pass per pattern over the
 * whole text (rather than per clause) keeps the work to a few scans of the notice.
 */
function termHitsByClause(text: string, clauses: Clause[]): Hit[][] {
  const out: Hit[][] = clauses.map(() => []);
  const clauseOf = (pos: number): number => {
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
  };
  const add = (item: DataItem, start: number, end: number, credential: boolean) => {
    const k = clauseOf(start);
    if (k < 0) return;
    if (quotes.length > 0 && inSpans(quotes, start)) return;
    const c = clauses[k]!;
    const after = text.slice(end, Math.min(c.end, end + 8));
    if (item !== 'other') {
      if (text.slice(start, end) === '番号' && OTHER_NUMBER_BEFORE.test(text.slice(Math.max(c.start, start - 6), start) || ' ')) return;
      if (item === 'password' && PASSWORD_SETTING.test(after)) return;
      if (item === 'email' && EMAIL_SENDER.test(after)) return;
      // a label with its value (「電話番号：0120…」「件名：「…」」) is a contact point or a lure, not data
      if (/^\s*[:：「]/.test(after)) return;
      // 「登録メールアドレスが変更されました」: an account was taken over, the address itself was not exposed
      if (/^(?:が|を)?変更され/.test(after)) return;
    }
    out[k]!.push({ item, start, end, credential });
  };
  // quoted sentences (the lure of a phishing mail: 「口座が凍結されました」) are not data descriptions
  const quotes: NSpan[] = [];
  QUOTED_SENTENCE.lastIndex = 0;
  for (let m = QUOTED_SENTENCE.exec(text); m !== null; m = QUOTED_SENTENCE.exec(text)) {
    if (/(?:ました|ます|ください|です|ません)/.test(m[0])) quotes.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const [re, item] of DATA_TERMS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      add(item, m.index, m.index + m[0].length, item === 'password' || (item === 'id_number' && CREDENTIAL_ID.test(m[0])));
    }
  }
  OTHER_TERMS.lastIndex = 0;
  for (let m = OTHER_TERMS.exec(text); m !== null; m = OTHER_TERMS.exec(text)) add('other', m.index, m.index + m[0].length, false);
  return out;
}

// non-global copies of the vocabulary patterns, for plain tests (no lastIndex state)
const TERM_TESTS = DATA_TERMS.map(([re]) => new RegExp(re.source));

const CHUNK_SPLIT = /[、,，・/「」『』()（）:：\n]|及び|および|並びに|ならびに|または|又は|もしくは|等|など|とその|の一部/;
const GENERIC_CHUNK =
  /(?:個人情報|お客様|顧客|対象|一部|以下|当社|当院|当法人|弊社|皆様|方々|の方|データ|ファイル|書類|名簿|リスト|[0-9]|合計|件数|人数|^情報$|^内容$|^項目$)/;

/** Unmapped fields in a data list (「当国保組合の資格取得日」) are personal data of another kind. */
function otherChunks(text: string, c: Clause): Hit[] {
  const s = text.slice(c.start, c.end);
  const out: Hit[] = [];
  let pos = 0;
  for (const raw of s.split(CHUNK_SPLIT)) {
    const at = s.indexOf(raw, pos);
    if (at >= 0) pos = at + raw.length;
    const chunk = raw
      .trim()
      .replace(/^[おご]/, '')
      .replace(/(?:の情報|情報|等|など|の各項目|。)$/, '');
    if (chunk.length < 2 || chunk.length > 14) continue;
    if (GENERIC_CHUNK.test(chunk)) continue;
    if (/[がをにはでもへとやし]$|ます|ました|され|して|した|ません/.test(chunk)) continue;
    if (!FIELD_LIKE.test(chunk)) continue;
    if (TERM_TESTS.some((re) => re.test(chunk))) continue;
    out.push({ item: 'other', start: c.start + Math.max(0, at), end: c.start + Math.max(0, at) + raw.length });
  }
  return out;
}

const MAX_EVIDENCE = 64;

function order(items: Set<DataItem>): DataItem[] {
  return DATA_ITEMS.filter((d) => items.has(d));
}

export function extractDataItems(ctx: ExtractContext): DataItemFields {
  const text = ctx.text;
  const skip: NSpan[] = [];
  const dataSections: NSpan[] = [];
  const fieldSections: NSpan[] = []; // sections that list data fields one per line
  for (const s of sectionsOf(ctx)) {
    // the notice's own title line (【注意喚起】…) heads the whole text, not a part of it
    if (!s.heading || s.heading.start === 0) continue;
    if (SKIP_TITLE.test(s.title)) skip.push({ start: s.heading.start, end: s.end });
    else if (DATA_TITLE.test(s.title)) {
      dataSections.push({ start: s.heading.start, end: s.end });
      if (/(?:情報|項目)/.test(s.title) && !/内容/.test(s.title)) fieldSections.push({ start: s.heading.start, end: s.end });
    }
  }
  const included = new Set<DataItem>();
  const excluded = new Set<DataItem>();
  const inEv: NSpan[] = [];
  const exEv: NSpan[] = [];
  const clauses = clausesOf(text);
  const hitsOf = termHitsByClause(text, clauses);
  for (let ci = 0; ci < clauses.length; ci++) {
    const c = clauses[ci]!;
    if (inSpans(skip, c.start)) continue;
    const hits = hitsOf[ci]!;
    if (hits.length === 0 && !inSpans(dataSections, c.start)) continue;
    const body = text.slice(c.start, c.end);
    if (hits.length === 0) {
      // a bulleted field of a data section that has no vocabulary word (「・売却希望物件の状況」)
      const mk = lineMarker(body);
      if (mk && BULLET.has(mk.kind) && !/[:：]/.test(body) && inSpans(fieldSections, c.start)) {
        for (const h of otherChunks(text, { start: c.start + mk.contentOffset, end: c.end })) {
          included.add(h.item);
          inEv.push({ start: h.start, end: h.end });
        }
      }
      continue;
    }
    const distinct = new Set(hits.filter((h) => h.item !== 'other').map((h) => h.item));
    const plainData = new Set(hits.filter((h) => h.item !== 'other' && !h.credential).map((h) => h.item));
    const inData = inSpans(dataSections, c.start);
    const isList = distinct.size >= 2 || (inData && /[、・,]/.test(body));
    const deniesEvent = NOT_ABOUT_ITEMS.test(body);
    NOT_ABOUT_ITEMS.lastIndex = 0;
    if (deniesEvent && !isList) continue; // 「取引先の情報が閲覧された形跡はありません」
    const negated = NEGATION.test(body.replace(NOT_ABOUT_ITEMS, ''));
    if (!isList && !inData && !negated && !DATA_VERB.test(body)) continue;
    if (!negated && !isList && RESPONSE.test(body)) continue;
    const all = isList || inData ? [...hits, ...otherChunks(text, c)] : hits;
    const credentialsCount =
      plainData.size >= 2 || credentialInvolved(body) || (inData && isList && !CREDENTIAL_TOOL.test(body));
    for (const h of all) {
      if (h.credential && !credentialsCount && !(negated && /(?:含|記載|保持|預か|保有)/.test(body))) continue;
      // 「メールアドレス以外の情報は含まれておりません」: the named item is the one that WAS involved
      const only = /^(?:以外|のみ|だけ)/.test(text.slice(h.end, h.end + 3));
      if (negated && !only) {
        if (h.item === 'other') continue; // unnamed "other" exclusions are too vague to record
        excluded.add(h.item);
        exEv.push({ start: h.start, end: h.end });
      } else {
        included.add(h.item);
        inEv.push({ start: h.start, end: h.end });
      }
    }
  }
  for (const d of included) excluded.delete(d);
  const uniq = (ev: NSpan[]) => {
    const seen = new Set<string>();
    return ev.filter((e) => {
      const k = `${e.start}:${e.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  return {
    dataItems: result(order(included), uniq(inEv).slice(0, MAX_EVIDENCE)),
    excludedDataItems: result(order(excluded), uniq(exEv).slice(0, MAX_EVIDENCE)),
  };
}
