// Candidate affected counts: numbers with a people/records counter (件・名・人・人分) in a sentence about
// personal data, with figures that count something else (mails sent, requests, staff who acted) left out.
import { findQuantitiesOf, type Quantity } from '../../text/index.js';

export interface CountCandidate extends Quantity {
  /** the sentence (or list line) the figure sits in */
  sentence: string;
  /** 合計/計/総数/全… marks the figure as a total */
  total: boolean;
  /** the sentence talks about people or personal data */
  personal: boolean;
}

// the people/records counters 件, 名, 人, 人分 (and 名分, 件分) are the counter words that start with these
const PEOPLE_UNIT_FIRSTS = ['件', '名', '人'];

// Things that are counted in 件/名 but are not people or records of personal data.
const NOT_PERSONAL =
  /(?:メール(?!アドレス)|送信|配信|迷惑|スパム|リクエスト|アクセス数|通信|サイト|ページ|ホームページ|問い合わせ|問合せ|お問合せ|相談|被害届|ログイン試行|試行|攻撃|不審な|電話|着信|注文(?!者)|(?:カード)?決済(?=件数|回数|数)|利用件数|投稿|書き込み|ツイート|改ざん|端末|サーバ|ファイル(?!に)|台)/;

// the counted thing written right before the figure: 「不審なメール1,600件」「サーバー3台」
const NOT_PERSONAL_END = new RegExp(`${NOT_PERSONAL.source}(?:件数|数|総数)?(?:の|を|が|は|、|:)?\\s*(?:合計|計|約|およそ|最大)?\\s*$`);

// Figures for the people who caused or handled the incident ("職員1名が", "従業員2名により").
const ACTOR_BEFORE = /(?:職員|従業員|社員|担当者|担当職員|教職員|教員|作業員|委託先|派遣社員|元従業員|アルバイト|当社|当院|当校|スタッフ|医師|看護師|者)\s*$/;
const ACTOR_AFTER = /^\s*(?:が|により|によって|で(?:対応|作業)|は、?(?:誤|不正|私物|自宅|持ち)|の(?:業務用)?(?:PC|パソコン|端末|スマートフォン|アカウント|メールアカウント|私物))/;

const PERSONAL =
  /(?:個人情報|情報|お客様|顧客|会員|患者|利用者|対象|漏えい|漏洩|流出|名簿|データ|被保険者|世帯|児童|生徒|学生|住民|市民|受験|応募|取引先|お取引|従業員|職員|氏名|住所|方|様|者)/;
const TOTAL_BEFORE = /(?:合計|計|総数|総計|全|延べ|あわせて|合わせて)\s*(?:で|は|が|:)?\s*(?:約|およそ|最大)?\s*$/;

const CONTRAST = /^\s*(?:ですが|でしたが|のところ|中、|中で|のうち、?(?!.*(?:および|及び)))/;

/** A sentence end: a line end or 。 */
function endsSentence(code: number): boolean {
  return code === 0x0a || code === 0x3002;
}

function sentenceAround(text: string, start: number, end: number): { s: number; e: number } {
  let s = start;
  const minS = Math.max(0, start - 200);
  while (s > minS && !endsSentence(text.charCodeAt(s - 1))) s--;
  let e = end;
  const maxE = Math.min(text.length, end + 200);
  while (e < maxE && !endsSentence(text.charCodeAt(e))) e++;
  return { s, e };
}

// 「対象件数：1,234」「人数 約300」: a figure whose counter word is in the label before it
const LABELLED = /(対象件数|件数|対象人数|人数|対象者数)\s*(?:は|:)?\s*(約|およそ|最大)?\s*([0-9][0-9,]{0,14})(?![0-9,]|\s*(?:件|名|人|万|千|億|%|円|年|月|日|回|通))/g;

function labelledQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  // every label ends in 件数, 人数 or 者数: most notices have none, and a search for 数 is much cheaper
  // than the regex search
  if (!hasCountLabel(text)) return out;
  LABELLED.lastIndex = 0;
  for (let m = LABELLED.exec(text); m !== null; m = LABELLED.exec(text)) {
    const raw = m[3]!;
    const value = Number(raw.replace(/,/g, ''));
    if (!Number.isSafeInteger(value)) continue;
    const end = m.index + m[0].length;
    out.push({ value, raw, start: end - raw.length, end, kanjiOnly: false, unit: m[1]!.includes('件') ? '件' : '人', approx: Boolean(m[2]), exprStart: m.index, exprEnd: end });
  }
  return out;
}

/** Does text hold 件数, 人数 or 者数? (one search for their 数, rather than one per word) */
export function hasCountLabel(text: string): boolean {
  for (let i = text.indexOf('数', 1); i > 0; i = text.indexOf('数', i + 1)) {
    const c = text.charCodeAt(i - 1);
    if (c === 0x4ef6 /* 件 */ || c === 0x4eba /* 人 */ || c === 0x8005 /* 者 */) return true;
  }
  return false;
}

/** `q` with its sentence and marks (fields copied one by one: an object spread is slow on Node 20). */
function candidateOf(q: Quantity, sentence: string, total: boolean, personal: boolean): CountCandidate {
  return {
    value: q.value,
    start: q.start,
    end: q.end,
    raw: q.raw,
    kanjiOnly: q.kanjiOnly,
    unit: q.unit,
    approx: q.approx,
    exprStart: q.exprStart,
    exprEnd: q.exprEnd,
    sentence,
    total,
    personal,
  };
}

// the words right after a figure that say what it counts (matched on the few characters after it)
// 「約1万件のスパムメール」「20件の不審なアクセス」 (a short modifier allowed, but not one naming people)
const NOT_PEOPLE_AFTER =
  /^\s*の?[^、。\s様者方員客]{0,6}?(?:メール(?!アドレス)|送信|配信|通知|問い合わせ|お問い合わせ|ご相談|アクセス|リクエスト|SMS|ショートメッセージ|投稿|書き込み|ログイン|不正利用|事案|インシデント|注文|取引|誤送付|誤送信|誤配|誤交付|紛失|事故|事象|案件)/;
// 「3,082件のアカウントでログインが成功」 counts accounts (people's records), not logins
const ACCOUNTS_AFTER = /^\s*の?(?:会員|お客様の?|利用者の?)?アカウント/;
const SENT_TO_AFTER = /^\s*(?:の[^、。]{0,8})?(?:に|へ)(?:送信|お送り|配信|送付|発送)/;
// 「2名のお客様からお問い合わせ」: the people who reported it, not the people affected
const REPORTERS_AFTER = /^\s*の?(?:お客様|会員様?|利用者|方|受信者)から(?:の)?(?:お?問い?合わせ|ご?連絡|ご?指摘|申告|通報|苦情)/;
const TOTAL_AFTER = /^\s*(?:全体|全員|合計)/;
// a mail address or phone number names no counted thing (「メールアドレス1,000件」 counts people)
const CONTACT_WORDS = /(?:メールアドレス|電話番号)/g;

/** People and records figures in text order: counted ones and labelled ones (few notices have labels). */
function quantitiesOf(text: string): Quantity[] {
  const found = findQuantitiesOf(text, PEOPLE_UNIT_FIRSTS);
  const labelled = labelledQuantities(text);
  return labelled.length === 0 ? found : [...found, ...labelled].sort((a, b) => a.start - b.start);
}

export function countCandidates(text: string): CountCandidate[] {
  const out: CountCandidate[] = [];
  for (const q of quantitiesOf(text)) {
    if (q.value <= 0) continue;
    const { s, e } = sentenceAround(text, q.exprStart, q.exprEnd);
    const sentence = text.slice(s, e);
    // the words right around the figure decide what it counts
    const before = text.slice(Math.max(s, q.exprStart - 10), q.exprStart);
    const after = text.slice(q.exprEnd, Math.min(e, q.exprEnd + 14));
    if (NOT_PERSONAL_END.test(before.replace(CONTACT_WORDS, '・'))) continue;
    if (!ACCOUNTS_AFTER.test(after) && NOT_PEOPLE_AFTER.test(after)) continue;
    if (SENT_TO_AFTER.test(after)) continue;
    if (REPORTERS_AFTER.test(after)) continue;
    if (ACTOR_BEFORE.test(before) && ACTOR_AFTER.test(after)) continue;
    const total = TOTAL_BEFORE.test(text.slice(Math.max(s, q.exprStart - 12), q.exprStart)) || TOTAL_AFTER.test(after);
    out.push(candidateOf(q, sentence, total, isPersonal(text, q, s, e, sentence)));
  }
  return withoutPopulations(text, out);
}

/** The figure, its sentence or (for a figure in a sentence of its own, 「(3,775件)」) the sentence before talks about people. */
function isPersonal(text: string, q: Quantity, s: number, e: number, sentence: string): boolean {
  if (PERSONAL.test(text.slice(Math.max(s, q.exprStart - 14), Math.min(e, q.exprEnd + 6))) || PERSONAL.test(sentence)) return true;
  if (s === 0) return false;
  const prev = sentenceAround(text, Math.max(0, s - 2), Math.max(0, s - 1));
  return PERSONAL.test(text.slice(prev.s, prev.e));
}

/** 「登録者は1,964名ですが、抽出が確認されたのは1,210名」: the figure before the contrast is the population. */
function withoutPopulations(text: string, cands: CountCandidate[]): CountCandidate[] {
  return cands.filter((c, i) => {
    const next = cands[i + 1];
    if (!next || next.sentence !== c.sentence) return true;
    const between = text.slice(c.exprEnd, next.exprStart);
    return !(between.length < 60 && CONTRAST.test(between));
  });
}

/**
 * Picks the affected count: a stated total first, else the largest figure; an exact figure that
 * a rounded or approximate one stands for (3万4千件を超え → 34,112件) wins over it.
 */
export function pickCount(cands: CountCandidate[]): CountCandidate | null {
  const personal = cands.filter((c) => c.personal);
  const pool = personal.length ? personal : cands;
  if (pool.length === 0) return null;
  const totals = pool.filter((c) => c.total);
  const from = totals.length ? totals : pool;
  let best = from[0]!;
  for (const c of from) if (c.value > best.value) best = c;
  // only a rounded form (万/千, kanji, a round 約 figure) stands for a more exact one
  if (best.kanjiOnly || /[万千億]/.test(best.raw) || (best.approx && best.value % 100 === 0)) {
    // an exact figure close to the rounded one is the same count, written precisely
    let exact: CountCandidate | null = null;
    for (const c of pool) {
      if (c.approx || c === best) continue;
      if (/[万千億]/.test(c.raw) && c.value % 1000 === 0) continue;
      const ratio = c.value / best.value;
      if (ratio >= 0.9 && ratio <= 1.15 && (exact === null || Math.abs(c.value - best.value) < Math.abs(exact.value - best.value))) exact = c;
    }
    if (exact) return exact;
  }
  return best;
}
