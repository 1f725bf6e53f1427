// isIncident: does the text report a security incident (including an alert about a concrete
// phishing campaign), or is it another kind of text (product release, event report, travel log,
// generic advisory, maintenance notice, earnings revision)? A small additive score of signals.
import type { Incident } from '../../model/index.js';
import type { ExtractContext, FieldResult, NSpan } from '../context.js';
import { result } from '../context.js';
import { analyzeCategories } from './class-categories.js';
import { isAdvisory, isGeneral, mayHold, sentenceGate, sentencesOf } from './class-text.js';
import { mayOccur } from './regex-prefilter.js';

const CASEBOOK = /セキュリティ事件簿/;
const APOLOGY = /お詫び|おわび|お詫|陳謝|謝罪|申し訳(?:ござ|あり)|\bwe (?:sincerely )?apologi[sz]e\b|\bapologi[sz]e for\b/i;
// Something happened to us and we found out: an event noun and a finding/occurrence verb (or the
// organization's judgement of what it was: 「DDoS攻撃と判断しております」).
const EVENT_NOUN = /不正アクセス|窃取|DDoS|DoS|攻撃|不正ログイン|漏えい|漏洩|流出|紛失|盗難|盗まれ|誤送信|誤送付|誤封入|誤表示|誤掲載|感染|ランサムウェア|暗号化され|改ざん|乗っ?取|閲覧(?:可能|でき)|持ち?出|攻撃を受け|被害|所在不明|不審な(?:メール|SMS|通信|アクセス)|装った|なりすまし/;
const EVENT_VERB = /(?:判明|発生|確認|検知|発覚|認知|発見)(?:いたしました|しました|されました|した|された|しております|されております|いたしております)|(?:受け|遭い|遭っ)(?:まし)?た|事案が発生|事態が発生|ことが分かり|(?:攻撃|被害)(?:\))?と判断(?:いたし|し)(?:ております|ました)/;
// A concrete phishing alert: brand impersonation plus specific lures or indicators.
const IMPERSONATION = /(?:を|の名称を|の名前を)(?:装|騙|かた)|なりすまし|偽(?:の)?(?:サイト|メール|SMS)|フィッシング/;
const TITLE_EVENT = /data breach|security incident|cyber ?attack|unauthori[sz]ed access|ransomware|漏えい|漏洩|流出|紛失|盗難|誤送信|誤送付|誤配|誤封入|誤掲載|個人情報[^\n]{0,10}事故|情報セキュリティ事故|誤交付|誤廃棄|不正アクセス|不正ログイン|乗っ?取|改ざん|感染|ランサムウェア|被害|閲覧可能|所在不明|事案|盗まれ|不正(?:な)?持ち?出|持ち出し|不正閲覧|サイバー攻撃/;
// A title warning readers is an advisory, not a report.
const WARNING_TITLE = /ご注意|注意喚起|にご用心/;
// A regulator's action over a leak (個人情報保護委員会の指導・勧告) reports an incident too.
const REGULATOR_ACTION = /行政上の対応|(?:勧告|指導等?|命令|行政指導)を(?:行|受け)|漏えい等事案|報告徴収/;
// A general warning to the public: many senders, nationwide, "for example" — not one campaign against us.
const GENERIC_ALERT = /全国的に|各地で|多発して|増えています|増加しています|よくある手口|手口の例|例えば|被害に遭わないために|(?:など|等)を装/g;
const SELF_IMPERSONATION = /(?:当|弊|本)(?:社|行|金庫|庫|組合|学|院|市|町|村|協会|法人|グループ|機構)(?:を|の名(?:称|前)を)(?:装|騙|かた|名乗)|(?:当|弊|本)(?:社|行|金庫|組合|学|院|市|町|村)を名乗/;
const CONCRETE = /hxxps?:|\[\.\]|\[@\]|\[at\]|件名[:：]|送信元[:：]|差出人[:：]|URL[:：]|誘導先|ドメイン[:：]/i;

// Kinds of non-incident text.
const NON_INCIDENT: RegExp[] = [
  /提供を開始|提供開始|販売開始|発売|新バージョン|新機能|リリースいたします|月額|税別|初期費用|導入事例|(?:^|\n)\s*[■●◆【]?\s*価格/, // product / release
  /ウェビナー|参加費|受講料|お申し?込みは|開催(?:いた)?します/, // event announcement
  /参加レポート|参加してきました|行ってきました|基調講演|パネルディスカッション|登壇|講演資料|セミナーレポート|聴講|カンファレンス|講演(?:者|では)|セッションでは/, // event report
  /旅行記|旅日記|旅の記録|散策|散歩|泊まりました|観光しました|食べました/, // travel / personal blog
  /業績予想|通期連結|当期純利益|1株当たり/, // earnings
  /メンテナンス(?:を実施|に伴う|作業|のお知らせ)|サービス(?:の)?一時停止のお知らせ|計画停止/, // maintenance
  /セキュリティ月間|対策のお願い|実践できる|ツール(?:一覧|まとめ|紹介)|入れておきたい|おすすめ|オススメ|便利な|ご紹介します|[0-9]+選|本記事|この記事|筆者/, // awareness / lists / articles
  /(?:調査)?レポート(?:を|として)?(?:公開|発行|発表)|白書|実態調査|回答率|回答した(?:企業|組織|方)|調査結果の公表|アンケート調査を実施/, // surveys and statistics
  /戦略|ロードマップ|ソリューション|メリット|について解説|DX|クラウドネイティブ|ゼロトラスト|考察|ベストプラクティス/, // strategy articles
];

// Words of a trip: several of them together make a travel text (one alone may be a hotel's notice).
const TRAVEL_WORDS = /ホテル|旅館|温泉|観光|空港|フライト|新幹線|電車で|バスで|景色|絶景|ビーチ|散策|名物|ランチ|ディナー|お土産|紅葉|桜|渓流|神社|お寺/g;

function countDistinct(text: string, re: RegExp): number {
  const seen = new Set<string>();
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = re.exec(text)) !== null && guard++ < 200) seen.add(m[0]);
  return seen.size;
}

export function extractIsIncident(ctx: ExtractContext, _prior: Partial<Incident>): FieldResult<boolean> {
  const j = judged(ctx);
  return result(j.value, [...j.evidence]);
}

/** The same judgement without the record (categories use it to fall back to "other"). */
export function isIncidentText(ctx: ExtractContext): boolean {
  return judged(ctx).value;
}

// Categories ask first when they find none; the field asks again.
const cache = new WeakMap<ExtractContext, FieldResult<boolean>>();
function judged(ctx: ExtractContext): FieldResult<boolean> {
  let j = cache.get(ctx);
  if (!j) {
    j = judge(ctx);
    cache.set(ctx, j);
  }
  return j;
}

/** re.test(text), skipped when the notice lacks the characters every match needs (text is part of the notice). */
function found(ctx: ExtractContext, re: RegExp, text: string): boolean {
  return mayOccur(ctx, re) && re.test(text);
}

// The event cue runs only on the sentences both its gates let through (see sentenceGate).
const G_EVENT_NOUN = sentenceGate(EVENT_NOUN);
const G_EVENT_VERB = sentenceGate(EVENT_VERB);

function judge(ctx: ExtractContext): FieldResult<boolean> {
  const sentences = sentencesOf(ctx);
  const evidence: NSpan[] = [];
  let score = 0;

  const title = sentences.find((s) => s.title);
  if (title && found(ctx, CASEBOOK, title.text)) {
    score += 3;
    evidence.push({ start: title.start, end: title.end });
  }
  const head = ctx.text.slice(0, 4000);
  // A title naming an incident ("個人情報の漏えいについて", "USBメモリの紛失について").
  if (title && found(ctx, TITLE_EVENT, title.text) && !WARNING_TITLE.test(title.text)) score += 2;
  // Apologies are the register of incident notices; releases, reports and advisories do not apologize.
  if (found(ctx, APOLOGY, head)) score += 3;

  let eventSpan: NSpan | null = null;
  for (const s of sentences) {
    if (isAdvisory(s) || isGeneral(s)) continue;
    if (!mayHold(s, G_EVENT_NOUN) || !mayHold(s, G_EVENT_VERB)) continue;
    const n = EVENT_NOUN.exec(s.text);
    if (n && EVENT_VERB.test(s.text)) {
      eventSpan = { start: s.start, end: s.end };
      break;
    }
  }
  if (eventSpan) {
    score += 2;
    evidence.push(eventSpan);
  }

  const regulator = found(ctx, REGULATOR_ACTION, head);
  if (regulator) score += 3;

  const cats = analyzeCategories(ctx);
  if (cats.categories.length > 0) score += 1;

  const generalWarning = mayOccur(ctx, GENERIC_ALERT) && countDistinct(head, GENERIC_ALERT) >= 2 && !found(ctx, SELF_IMPERSONATION, head);
  const concretePhishing = found(ctx, IMPERSONATION, ctx.text) && found(ctx, CONCRETE, ctx.text) && !generalWarning;
  if (concretePhishing) score += 2;

  let kinds = 0;
  for (const re of NON_INCIDENT) if (found(ctx, re, head)) kinds++;
  if (mayOccur(ctx, TRAVEL_WORDS) && countDistinct(head, TRAVEL_WORDS) >= 3) kinds++;
  // A phishing alert legitimately says "campaign" and "ご注意"; a concrete one stays an incident.
  score -= concretePhishing ? Math.min(kinds, 1) * 2 : kinds * 2;

  // An apology alone (an outage, a delayed shipment) is not a security incident: something must name one.
  const named = cats.categories.length > 0 || concretePhishing || regulator || (title !== undefined && found(ctx, TITLE_EVENT, title.text));
  const isIncident = score >= 3 && named;
  return result(isIncident, isIncident ? evidence : []);
}
