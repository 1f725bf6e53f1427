// leakStatus: did personal data reach someone unauthorized (confirmed), might it have (possible),
// does the notice say nothing leaked (none_confirmed), or is it silent (null)?
// Several statements → the most severe; "流出は確認されていないが可能性を否定できない" → possible.
import type { LeakStatus } from '../../model/index.js';
import type { ExtractContext, FieldResult, NSpan } from '../context.js';
import { result } from '../context.js';
import { analyzeCategories } from './class-categories.js';
import { alternativeGates, findCue, hasNegation, isAdvisory, isMeasure, mayHold, narrowed, negatedAfter, sentenceGate, sentencesOf, type Sentence } from './class-text.js';

const W = '[^。\\n]';
const near = (n: number): string => `${W}{0,${n}}`;

// What a leak is called, and the acts of someone seeing or taking data.
const LEAK = '(?:流出|漏えい|漏洩|漏れ|窃取|盗取|抜き取|持ち?出|閲覧|開示|表示|外部(?:に|へ)送信|送信され|抽出|ダウンロードされ|公開|取得され|アクセス|悪用|不正利用|提供)';

// Possible: おそれ / 可能性 / 否定できない / 懸念 / whether anyone saw it cannot be checked.
const POSSIBLE = new RegExp(
  `${LEAK}${near(30)}(?:おそれ|恐れ|可能性|懸念)|(?:おそれ|恐れ|可能性)${near(6)}(?:がある|があり|のある|が生じ|を否定|は否定|が否定|が残|も否定)|否定(?:は|も)?(?:でき|出来)(?:ない|ず|ません)|否定することは(?:でき|出来)(?:ない|ず|ません)|完全(?:には|に)?否定${near(8)}(?:でき|出来)(?:ない|ず|ておりません|ていません|ません)|確認(?:すること|が)?(?:は|が)?(?:でき|出来)(?:ない|ず|ません)|かどうか${near(10)}(?:確認|特定|判断)(?:すること)?(?:は|が)?(?:でき|出来)(?:ない|ません|ず)`,
);
const VIEW_CONFIRMED = new RegExp(
  // (確認できた/確認できました, not 確認できませんでした)
  `(?:閲覧|表示|ダウンロード|アクセス)(?:され|が)(?:た|ていた|てい)?${near(6)}(?:こと)?(?:が|を)?確認(?:され|し|いた|でき(?:た|まし))` +
    // 「実際に表示されたのは38名分であることを確認しております」
    `|(?:閲覧|表示|ダウンロード)され(?:てい)?たのは[^。\n]{1,24}?(?:こと)?(?:を|が)確認(?:され|し|いた)` +
    // 「別の方の画面に表示されていたことが、記録から確認されています」: how it was found sits in between
    `|(?:閲覧|表示|ダウンロード)され(?:てい)?たこと(?:が|を)、?${near(12)}確認(?:され|し|いた|でき(?:た|まし))`,
);
// A ransom note or an error screen "表示されている" shows no one's data.
const SCREEN_MESSAGE = /脅迫|身代金|エラー|警告/;
const POSSIBILITY_WORD = /(?:おそれ|恐れ|可能性|懸念)$/;
const LOW_OR_NONE = /^(?:は|も)(?:極めて|非常に|ほぼ|ほとんど)?(?:低い|ない|無い|ありません|ございません)/;
const PERSONAL = /個人情報|情報|データ|氏名|お客様|会員|利用者|患者|名簿|ファイル|フォルダ/;
const DATA_WORDS = /情報|データ|ファイル|名簿|書類|流出|漏えい|漏洩|閲覧|窃取|持ち?出|悪用|不正利用|個人|アドレス|番号|記録/;
// Confirmed: data reached someone, stated as a fact (not as a state of being viewable).
const TAKEN = '(?:流出|漏えい|漏洩|窃取|盗取|抜き取|抽出|開示)';
const NOT_FACT = '(?!可能性|おそれ|恐れ|懸念|疑い|とみられ|と思われ|と考えられ|か|場合|状態|事実|形跡|痕跡)';
// A predicate that closes its clause ("流出しました。", "流出しており、"), not an attributive
// ("流出した情報は以下のとおり" is a heading-like phrase, often beside おそれ).
const CLAUSE_END = '(?=[。、\\n]|$|こと(?!は)|ため|ので|が、|ことが|ことを)';
const CONFIRMED = new RegExp(
  [
    `${TAKEN}(?:し|され|させ|いたし|致し)(?:て(?:い|お))?(?:た|ました|ていた|り)${NOT_FACT}${CLAUSE_END}`,
    `外部(?:に|へ)持ち?出(?:し|され)(?:て(?:い|お))?(?:た|ました|ていた|り)${NOT_FACT}`,
    `(?:参照|閲覧|持ち?出|窃取|流出|外部送信|ダウンロード)${near(10)}(?:形跡|痕跡)(?:が|を)(?:確認|発見)(?:され|し|いた)`,
    `${TAKEN}(?:の事実|したこと|した事実|されたこと|された事実|されていたこと)${near(4)}(?:が|を)?(?:確認|判明)`,
    `${TAKEN}(?:が|の事実が)(?:ある|あった)(?:こと)?(?:が|を)(?:確認|判明)`,
    `(?:情報|データ|ファイル)${near(40)}(?:外部|第三者|攻撃者)${near(12)}(?:に|へ)送信(?:され|し)(?:て(?:い|お))?(?:た|ました|ていた)${NOT_FACT}${CLAUSE_END}`,
    // attributive form confirmed later in the sentence: "情報が取得された応募者は1,436名であることを確認"
    `(?:${TAKEN}(?:し|され)|(?:情報|データ)(?:が|を)(?:不正に)?(?:取得|入手)され)(?:てい)?た${NOT_FACT}${near(30)}(?:を|が)(?:確認|判明)(?:し|され|いた)`,
    `(?:アクセス|ダウンロード)${near(12)}[0-9]+回`,
    `(?:閲覧|ダウンロード)(?:し|され)(?:てい)?(?:た|ました)${NOT_FACT}${near(6)}(?:こと)?(?:が|を)?(?:確認|判明)`,
    `(?:ダウンロード|閲覧|持ち?出し|送信|抽出)が行われ`,
    `(?:情報|データ)${near(6)}(?:が|を)(?:不正に)?(?:取得|入手)され(?:た|ていた|ました)${NOT_FACT}${CLAUSE_END}`,
    `第三者(?:に|へ)(?!より|よって)[^、。\n]{0,10}(?:開示|閲覧|提供|渡|配布|交付)(?:され|し)(?:まし)?た${NOT_FACT}${CLAUSE_END}`,
    `(?:誤って|別の方に)${near(10)}(?:交付|手渡|配布)(?:し|され)`,
    `売却(?:した|していた|し)|(?:知人|第三者|他人|名簿業者)${near(10)}(?:話し|伝え|漏らし|提供し|売却)|(?:使用|利用)したことを認め`,
    `掲載されている(?:こと)?(?:が|を)確認|公開されている(?:こと)?(?:が|を)確認`,
    `不正(?:な)?送金|不正(?:に)?出金`,
    // victims typed their data into the fake site
    `偽${near(20)}(?:サイト|ページ|画面)${near(20)}(?:入力|送信)(?:して|され|した)${near(30)}(?:確認|判明)(?:し|され|いた)`,
  ].join('|'),
);
// None: the notice says nothing leaked or nobody accessed.
const NONE_CUE = new RegExp(
  `${LEAK}|二次被害|被害|入力(?:した|された|してしまった)(?:お客様|方)|不正(?:な)?(?:利用|使用)|形跡|痕跡|ログイン|個人情報(?:を|は)?(?:一切)?(?:取り?扱|保有|お?預か|保存|保持|管理)`,
);

// Lost or stolen and not (yet) recovered.
const NOT_RECOVERED = /(?:発見|回収|見つか)[^。\n]{0,8}?(?:おりません|いません|ていない|いない|おらず|ない|ず)|所在不明|行方不明|発見には至|所在(?:が)?(?:不明|わからな|確認でき)/;
const RECOVERED = /(?:発見|回収|見つか)(?:し|され|いた|り|っ)(?:まし)?た|(?:発見|回収)され[、,]|拾得され|(?:警察|交番|署)[^。\n]{0,10}(?:で|から)受け取|発見・回収|回収(?:済|いたしました|しました|しており)|戻って(?:き|まいり)/;

function usable(s: Sentence): boolean {
  if (s.title) return true;
  return !isAdvisory(s) && !isMeasure(s);
}

// Notices written in English.
const EN_POSSIBLE = /\b(?:may|might|could) have been (?:exposed|leaked|accessed|viewed|compromised|stolen|exfiltrated)|cannot (?:be )?rule(?:d)? out|\bpossib(?:le|ility)[^.\n]{0,30}(?:leak|expos|exfiltrat|access)/i;
const EN_NONE = /no (?:evidence|indication|sign)s? (?:of|that)[^.\n]{0,40}(?:leak|expos|access|exfiltrat|misuse)|(?:has|have) not been (?:leaked|exposed|accessed|misused)|no (?:personal )?(?:data|information) (?:was|were|has been) (?:leaked|exposed|accessed)/i;
const EN_CONFIRMED = /(?<!may |might |could )(?:was|were|has been|have been) (?:leaked|exfiltrated|stolen|disclosed)\b/i;

function spanAt(s: Sentence, m: RegExpExecArray): NSpan {
  return { start: s.start + m.index, end: s.start + m.index + m[0].length };
}

// The statements of a sentence, each looked for only when the verdict needs it: the first sentence
// stating a confirmed leak decides, so the rarer checks run only on notices that get that far.

// Each cue regex runs only on the sentences its gate lets through (see sentenceGate).
const G_EN_CONFIRMED = sentenceGate(EN_CONFIRMED);
const G_EN_POSSIBLE = sentenceGate(EN_POSSIBLE);
const G_EN_NONE = sentenceGate(EN_NONE);
const G_CONFIRMED = alternativeGates(CONFIRMED);
const G_VIEW = sentenceGate(VIEW_CONFIRMED);
const G_POSSIBLE = alternativeGates(new RegExp(POSSIBLE.source, 'g'));
const G_NONE = alternativeGates(new RegExp(NONE_CUE.source, 'g'));
const G_NOT_RECOVERED = sentenceGate(NOT_RECOVERED);
const G_RECOVERED = sentenceGate(RECOVERED);

/** Does the notice have English prose (English cues count only then)? Asked only when one may match. */
class English {
  private known: boolean | null = null;
  constructor(private readonly text: string) {}
  get value(): boolean {
    this.known ??= hasEnglishProse(this.text);
    return this.known;
  }
}

const isAsciiLetter = (c: number): boolean => ((c | 0x20) - 0x61) >>> 0 < 26;

/**
 * Three ASCII words of two letters or more, each one space apart: /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/.
 * (Read from space to space: a notice has few, while the regex tries every character of it.) The
 * middle word fills the gap between two spaces; two letters before the first and after the second suffice.
 */
export function hasEnglishProse(text: string): boolean {
  for (let p = text.indexOf(' '); p >= 0; p = text.indexOf(' ', p + 1)) {
    if (!isAsciiLetter(text.charCodeAt(p + 1)) || !isAsciiLetter(text.charCodeAt(p + 2))) continue;
    let q = p - 1;
    while (q >= 0 && isAsciiLetter(text.charCodeAt(q))) q--;
    // q: the space before the middle word, if the letters before p are one
    if (p - q - 1 >= 2 && text.charCodeAt(q) === 0x20 && isAsciiLetter(text.charCodeAt(q - 1)) && isAsciiLetter(text.charCodeAt(q - 2))) return true;
  }
  return false;
}

/** A statement that data reached someone. */
function confirmedIn(s: Sentence, english: English): NSpan | null {
  if (mayHold(s, G_EN_CONFIRMED) && english.value) {
    const m = EN_CONFIRMED.exec(s.text);
    if (m) return spanAt(s, m);
  }
  // (of its twenty-one alternatives a sentence may hold two or three: only those run)
  const confirmed = narrowed(s, G_CONFIRMED);
  const c = confirmed ? findCue(s, confirmed) : null;
  if (c) return c.span;
  // "別のお客様への表示が確認された" — but a ransom note "表示されていることを確認" shows no one's data
  if (mayHold(s, G_VIEW) && PERSONAL.test(s.text) && !SCREEN_MESSAGE.test(s.text)) {
    const v = findCue(s, VIEW_CONFIRMED);
    if (v) return v.span;
  }
  return null;
}

interface Possibility {
  possible: NSpan | null;
  /** "可能性はありません": the possibility itself denied */
  denial: NSpan | null;
}
const NO_POSSIBILITY: Possibility = { possible: null, denial: null };

/**
 * Every possibility cue: "可能性は低いものの、否定はできない" holds a denial and a possibility
 * ("サービスに影響が出るおそれ" is not about data: the sentence must speak of data or its leak).
 */
function possibilityIn(s: Sentence): Possibility {
  const possibleRe = narrowed(s, G_POSSIBLE);
  if (!possibleRe) return NO_POSSIBILITY;
  possibleRe.lastIndex = 0;
  let pm = possibleRe.exec(s.text);
  if (pm === null || !DATA_WORDS.test(s.text)) return NO_POSSIBILITY;
  let denial: NSpan | null = null;
  let possible: NSpan | null = null;
  for (let pg = 0; pm !== null && pg++ < 10; pm = possibleRe.exec(s.text)) {
    const at = pm.index + pm[0].length;
    const span = { start: s.start + pm.index, end: s.start + at };
    // "可能性はありません" / "おそれは低い" deny the possibility
    const denied =
      POSSIBILITY_WORD.test(pm[0]) && LOW_OR_NONE.test(s.text.slice(at));
    if (denied) denial ??= span;
    else possible ??= span;
  }
  return { possible, denial };
}

/** A statement that nothing leaked (English, a denied possibility, a negated leak cue). */
function noneIn(s: Sentence, english: English, possibility: Possibility): NSpan | null {
  if (mayHold(s, G_EN_NONE) && english.value) {
    const m = EN_NONE.exec(s.text);
    if (m) return spanAt(s, m);
  }
  if (!possibility.possible && possibility.denial) return possibility.denial;
  // negatedAfter needs a negation in the sentence; without one no cue can be denied
  const none = narrowed(s, G_NONE);
  if (!none || !hasNegation(s)) return null;
  none.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = none.exec(s.text)) !== null && guard++ < 20) {
    if (negatedAfter(s.text, m.index + m[0].length, 40)) return spanAt(s, m);
  }
  return null;
}

// 「（2）漏洩したクレジットカード情報」 beside 「（3）漏洩した可能性のある個人情報」: the notice labels one
// list leaked and the other possibly leaked, so the first is a statement of fact. (Alone, such a label is
// often a loose heading in a notice that says おそれ.)
const LEAKED_LABEL = /^[\s(（]*(?:[0-9０-９]{1,2}[)）.．]?|[■□●・])?\s*(?:漏えい|漏洩|流出)した(?!可能性|おそれ|恐れ)[^。、\n]{1,20}(?:情報|データ)\s*$/m;
const POSSIBLY_LEAKED_LABEL = /(?:漏えい|漏洩|流出)した(?:可能性|おそれ|恐れ)のある[^。、\n]{0,20}(?:情報|データ)\s*$/m;

function leakedBesidePossible(text: string): NSpan | null {
  if (!text.includes('した可能性のある') && !text.includes('したおそれのある') && !text.includes('した恐れのある')) return null;
  if (!POSSIBLY_LEAKED_LABEL.test(text)) return null;
  const m = LEAKED_LABEL.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

export function extractLeakStatus(ctx: ExtractContext): FieldResult<LeakStatus | null> {
  const cats = new Set(analyzeCategories(ctx).categories);
  // English cues only when the notice has English prose
  const english = new English(ctx.text);
  const sentences = sentencesOf(ctx).filter(usable);

  for (const s of sentences) {
    const confirmed = confirmedIn(s, english);
    if (confirmed) return result<LeakStatus | null>('confirmed', [confirmed]);
  }
  const labelled = leakedBesidePossible(ctx.text);
  if (labelled) return result<LeakStatus | null>('confirmed', [labelled]);
  // A misdelivery that arrived, a handed-out paper, an insider who took data: the data reached someone.
  const misdelivered = cats.has('email_misdelivery') || cats.has('fax_misdelivery') || cats.has('postal_misdelivery');
  const catSpan = analyzeCategories(ctx).evidence.slice(0, 1);
  if (misdelivered) return result<LeakStatus | null>('confirmed', catSpan);
  const possibilities = sentences.map((s) => possibilityIn(s));
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const m = mayHold(s, G_EN_POSSIBLE) && english.value ? EN_POSSIBLE.exec(s.text) : null;
    const possible = m ? spanAt(s, m) : possibilities[i].possible;
    if (possible) return result<LeakStatus | null>('possible', [possible]);
  }
  const lostOrStolen = cats.has('device_loss') || cats.has('document_loss') || cats.has('theft');
  let recovered: NSpan | null = null;
  if (lostOrStolen) {
    let unrecovered: NSpan | null = null;
    for (const s of sentences) {
      if (mayHold(s, G_NOT_RECOVERED)) unrecovered ??= findCue(s, NOT_RECOVERED, true)?.span ?? null;
      if (mayHold(s, G_RECOVERED)) recovered ??= findCue(s, RECOVERED)?.span ?? null;
    }
    if (unrecovered || !recovered) return result<LeakStatus | null>('possible', unrecovered ? [unrecovered] : catSpan);
  }
  // An insider who viewed or took data is someone unauthorized who saw it, whatever happened next.
  if (cats.has('insider_misuse')) return result<LeakStatus | null>('confirmed', catSpan);
  for (let i = 0; i < sentences.length; i++) {
    const none = noneIn(sentences[i], english, possibilities[i]);
    if (none) return result<LeakStatus | null>('none_confirmed', [none]);
  }
  if (cats.has('other')) return result<LeakStatus | null>('confirmed', catSpan);
  // Data left open to others with nothing said about access: it may have been seen.
  if (cats.has('misconfiguration_exposure')) return result<LeakStatus | null>('possible', catSpan);
  if (recovered) return result<LeakStatus | null>('none_confirmed', [recovered]);
  return result<LeakStatus | null>(null);
}
