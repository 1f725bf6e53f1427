// Concrete recurrence-prevention measures written as prose (「今後は、…に変更するとともに、…を行います」).
// Each measure joined by a connective counts once; a sentence that only promises effort counts as none.
import type { NSpan } from '../context.js';

export interface ProseMeasure extends NSpan {
  text: string;
}

// where a prose measure sentence starts when it is not inside a measures section
const OPENER = /^(?:\s*)(?:今後は|今後、|今後とも|同様の事案|このような事態)|再発防止/;
// words that promise effort without saying what will be done
const GENERIC =
  /(?:より一層の?|一層の|更なる|さらなる|(?:情報)?セキュリティ(?:対策)?の(?:強化|向上|徹底)|(?:委託先の)?管理体制(?:を含め(?:て)?|の(?:強化|見直し|徹底))?|[^、。]{0,24}?(?:対策|体制)(?:の|を)(?:強化|徹底|向上|充実)|(?:必要な|適切な|所要の)(?:対策|措置)を講じ|個人情報の(?:適切な|厳重な)?(?:管理|取り?扱い)(?:の徹底|に万全)?|(?:適切な|厳重な)(?:管理|取り?扱い)|再発防止(?:に|策の)[^。]*?(?:努め|取り組|尽くし|期し)[^。]*|全力|努めて?|万全|信頼回復|全社を挙げ|職員一同|社員一同|徹底して(?:まいり|参り)ます|お詫び[^。]*|ご迷惑[^。]*)/g;
// what a concrete measure is made of
const CONCRETE =
  /(?:導入|変更|見直|削除|設定|検査|点検|監査|研修|教育|施錠|暗号化|多要素|二段階|制限|禁止|廃止|使用|利用|追加|更新|記録|台帳|管理|書留|ダブルチェック|複数|チェック|限定|必須|義務|適用|実施|整備|構築|遮断|監視|マニュアル|手順|ルール|規程|仕組み|確認|改め|承認|許可制|のみ|限り|切り離|切り替|分離|取得|バックアップ|移行|電子化|持ち歩か|持ち出さ|求め)/;
/** Response steps, not recurrence prevention: contacting customers, a help desk, reports, the investigation. */
export const RESPONSE_STEP =
  /(?:ご連絡|お知らせ|お詫び|窓口|コールセンター|調査を(?:継続|進め|実施)|フォレンジック|警察|個人情報保護委員会|報告|相談|ご案内|返金|補填|再発行|ご説明|公表|開示)/;

// a sentence about the cause, not about a measure
const CAUSE = /(?:原因|判明|不備があった|が分かりました)/;
// connectives that join two measures in one sentence (not 対し、 関し、 際し、 おいて、)
const JOIN = /(?:するとともに、?|とともに、?|た(?:上|うえ)で、?|(?<![対関際付基伴通])(?:し|り|め|け|せ)、|(?<!考|踏ま|加|う)え、|また、|加えて、|併せて、?|あわせて、?)/g;

const MAX_SENTENCES = 40;
const ENUMERATED = /^\s*(?:[^、。]{0,8}、)?(?:第[一二三四五六七八九十0-9]{1,2}に|まず|次に|最後に)、?/;

const MARU = 0x3002; // 。
const LF = 0x0a;

function sentences(text: string, start: number, end: number): NSpan[] {
  const out: NSpan[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === MARU || ch === LF) {
      const e = ch === MARU ? i + 1 : i;
      if (e > s) out.push({ start: s, end: e });
      s = i + 1;
    }
  }
  if (end > s) out.push({ start: s, end });
  return out;
}

// every OPENER match contains one of these words: a sentence without one is not looked at
const OPENER_WORDS = ['今後', '同様の事案', 'このような事態', '再発防止'];

/** Where OPENER_WORDS occur in the text: start offsets, ascending, with their ends. */
function openerWords(text: string): NSpan[] {
  const out: NSpan[] = [];
  for (const w of OPENER_WORDS) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) out.push({ start: at, end: at + w.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether one of the (ascending) word spans lies inside [start, end); `from` is where to look on. */
function wordInside(words: NSpan[], from: number, start: number, end: number): boolean {
  for (let k = from; k < words.length && words[k]!.start < end; k++) if (words[k]!.start >= start && words[k]!.end <= end) return true;
  return false;
}

/**
 * `scope`: a measures section to read (else sentences anywhere that open like a measure);
 * `preventionSection`: inside a 再発防止 section, fixes already made (「設定を修正いたしました」) count too.
 */
export function concreteMeasures(text: string, scope: NSpan | null, preventionSection = false): ProseMeasure[] {
  const words = scope ? [] : openerWords(text);
  // (without a scope only sentences that open like a measure count: none when no opener word occurs)
  if (!scope && words.length === 0) return [];
  const spans = sentences(text, scope?.start ?? 0, scope?.end ?? text.length);
  const out: ProseMeasure[] = [];
  let w = 0; // first opener word not before the sentence
  for (const sp of spans) {
    if (!scope) {
      while (w < words.length && words[w]!.start < sp.start) w++;
      if (!wordInside(words, w, sp.start, sp.end)) continue;
    }
    const s = text.slice(sp.start, sp.end);
    if (!scope && !OPENER.test(s)) continue;
    if (s.trim().length < 8 || s.length > 400) continue;
    // a report of what was already done at the time (報告しました) is a response step, not a measure
    // (「…することといたしました」 is a decision about the future, so it counts)
    if (CAUSE.test(s)) continue;
    if (!preventionSection && RESPONSE_STEP.test(s)) continue;
    const future = /(?:ます|する|します|いたします|行う|図る|講じる|とする|しません|いたしません|こととい?たしました|こととしました|ことにしました)。?$/;
    // 「今後は、…に変更しました」: a change made for the future is a measure even in the past tense
    const forFuture = preventionSection || /^\s*(?:今後は|今後、|再発防止のため)/.test(s);
    if (!future.test(s.trim()) && !(forFuture && /ました。?$/.test(s.trim()))) continue;
    const rest = s.replace(GENERIC, ' ');
    if (!CONCRETE.test(rest)) continue;
    let pos = 0;
    const parts: NSpan[] = [];
    JOIN.lastIndex = 0;
    // a sentence the notice numbers itself (「第二に、…点検し、…通知する仕組みを導入します」) is one measure
    const numbered = ENUMERATED.test(s);
    for (let m = numbered ? null : JOIN.exec(s); m !== null; m = JOIN.exec(s)) {
      const end = m.index + m[0].length;
      parts.push({ start: pos, end });
      pos = end;
    }
    parts.push({ start: pos, end: s.length });
    let n = 0;
    const concrete = parts.map((p) => CONCRETE.test(s.slice(p.start, p.end).replace(GENERIC, ' ')));
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k]!;
      const piece = s.slice(p.start, p.end);
      if (!concrete[k]) continue;
      // 「確認したうえで再開します」: a precondition counts only when what follows is a measure too
      if (/(?:上|うえ)で、?$/.test(piece) && !concrete[k + 1]) continue;
      out.push({ text: piece.trim(), start: sp.start + p.start, end: sp.start + p.end });
      n++;
    }
    if (n === 0) out.push({ text: s.trim(), start: sp.start, end: sp.end });
    if (out.length >= MAX_SENTENCES) break;
  }
  return out;
}
