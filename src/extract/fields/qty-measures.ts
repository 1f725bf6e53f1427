// Concrete recurrence-prevention measures written as prose (「今後は、…に変更するとともに、…を行います」).
// Each measure joined by a connective counts once; a sentence that only promises effort counts as none.
import type { NSpan } from '../context.js';

export interface ProseMeasure extends NSpan {
  text: string;
}

// where a prose measure sentence starts when it is not inside a measures section
// (「今後の販売では、」 opens one too)
const OPENER = /^(?:\s*)(?:今後は|今後、|今後とも|今後の[^、。]{1,12}(?:では|について(?:は)?|に(?:おいて|つき)は?)、|同様の事案|このような事態)|再発防止/;
// words that promise effort without saying what will be done
const GENERIC =
  /(?:より一層の?|一層の|更なる|さらなる|(?:情報)?セキュリティ(?:対策)?の(?:強化|向上|徹底)|(?:委託先の)?管理体制(?:を含め(?:て)?|の(?:強化|見直し|徹底))?|[^、。]{0,24}?(?:対策|体制)(?:の|を)(?:強化|徹底|向上|充実)|(?:必要な|適切な|所要の)(?:対策|措置)を講じ|個人情報の(?:適切な|適正な|厳重な)?(?:管理|取り?扱い)(?:の徹底|に万全)?|(?:適切な|適正な|厳重な)(?:管理|取り?扱い)|再発防止(?:に|策の)[^。]*?(?:努め|取り組|尽くし|期し)[^。]*|全力|努めて?|万全|信頼回復|全社を挙げ|職員一同|社員一同|徹底して(?:まいり|参り)ます|お詫び[^。]*|ご迷惑[^。]*)/g;
// what a concrete measure is made of
const CONCRETE =
  /(?:導入|変更|見直|削除|設定|検査|点検|監査|研修|教育|施錠|暗号化|多要素|二段階|制限|禁止|廃止|使用|利用|追加|更新|記録|台帳|管理|書留|ダブルチェック|複数|チェック|限定|必須|義務|適用|実施|整備|構築|遮断|監視|マニュアル|手順|ルール|規程|仕組み|確認|改め(?!て)|承認|許可制|のみ|限り|切り離|切り替|分離|取得|バックアップ|移行|電子化|持ち歩か|持ち出さ|求め|原則)/;
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

/** Sentences of text[start, end): each ends after a 。 or before a line end. */
export function sentences(text: string, start: number, end: number): NSpan[] {
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

/** The sentence (as `sentences` splits the whole text) that holds the character at `pos`. */
function sentenceAt(text: string, pos: number): NSpan {
  let s = pos;
  while (s > 0 && text.charCodeAt(s - 1) !== MARU && text.charCodeAt(s - 1) !== LF) s--;
  let e = pos;
  while (e < text.length && text.charCodeAt(e) !== MARU && text.charCodeAt(e) !== LF) e++;
  return { start: s, end: e < text.length && text.charCodeAt(e) === MARU ? e + 1 : e };
}

// every OPENER match contains one of these words (none holds a 。 or a line end, so each occurrence lies
// in one sentence): a sentence without one is not looked at
const OPENER_WORDS = ['今後', '同様の事案', 'このような事態', '再発防止'];

/** The sentences that hold an opener word, in text order (found from the words, not by splitting the text). */
export function openerSentences(text: string): NSpan[] {
  const at: number[] = [];
  for (const w of OPENER_WORDS) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) at.push(i);
  at.sort((a, b) => a - b);
  const out: NSpan[] = [];
  for (const pos of at) if (out.length === 0 || pos >= out[out.length - 1]!.end) out.push(sentenceAt(text, pos));
  return out;
}

// how a measure sentence ends: a promise or a decision about the future
const FUTURE = /(?:ます|する|します|いたします|行う|図る|講じる|とする|しません|いたしません|こととい?たしました|こととしました|ことにしました)。?$/;
const PAST = /ました。?$/;
const FOR_FUTURE = /^\s*(?:今後は|今後、|再発防止のため)/;
const PRECONDITION = /(?:上|うえ)で、?$/;
// how a sentence makes a standing rule, not a one-off step
const STANDING_RULE = /運用(?:と|に)|(?:こと|よう)と(?:いた)?し|ようにし|体制と/;

/**
 * `scope`: a measures section to read (else sentences anywhere that open like a measure);
 * `preventionSection`: inside a 再発防止 section, fixes already made (「設定を修正いたしました」) count too.
 */
export function concreteMeasures(text: string, scope: NSpan | null, preventionSection = false): ProseMeasure[] {
  // (without a scope only sentences that open like a measure count)
  const spans = scope ? sentences(text, scope.start, scope.end) : openerSentences(text);
  const out: ProseMeasure[] = [];
  for (const sp of spans) {
    const s = text.slice(sp.start, sp.end);
    if (!scope && !OPENER.test(s)) continue;
    const trimmed = s.trim();
    if (trimmed.length < 8 || s.length > 400) continue;
    // a report of what was already done at the time (報告しました) is a response step, not a measure
    // (「…することといたしました」 is a decision about the future, so it counts)
    if (CAUSE.test(s)) continue;
    if (!preventionSection && RESPONSE_STEP.test(s)) continue;
    // 「今後は、…に変更しました」: a change made for the future is a measure even in the past tense
    const forFuture = preventionSection || FOR_FUTURE.test(s);
    if (!FUTURE.test(trimmed) && !(forFuture && PAST.test(trimmed))) continue;
    const rest = s.replace(GENERIC, ' ');
    if (!CONCRETE.test(rest)) continue;
    const parts = joinedParts(s);
    let n = 0;
    // (a sentence of one piece is that piece: it was just found concrete)
    const concrete = parts.length === 1 ? [true] : parts.map((p) => CONCRETE.test(s.slice(p.start, p.end).replace(GENERIC, ' ')));
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k]!;
      const piece = s.slice(p.start, p.end);
      if (!concrete[k]) continue;
      // 「確認したうえで再開します」: a precondition is a measure of its own only when what follows is one
      // too; before a standing rule (「…確認を行ったうえで再開する運用とします」) the two are one measure
      if (PRECONDITION.test(piece) && !concrete[k + 1]) {
        const next = parts[k + 1];
        if (next === undefined || !STANDING_RULE.test(s.slice(next.start, next.end))) continue;
        out.push({ text: s.slice(p.start, next.end).trim(), start: sp.start + p.start, end: sp.start + next.end });
        n++;
        k++;
        continue;
      }
      out.push({ text: piece.trim(), start: sp.start + p.start, end: sp.start + p.end });
      n++;
    }
    if (n === 0) out.push({ text: trimmed, start: sp.start, end: sp.end });
    if (out.length >= MAX_SENTENCES) break;
  }
  return out;
}

/** The pieces of sentence `s` between its connectives (offsets in `s`). */
function joinedParts(s: string): NSpan[] {
  const parts: NSpan[] = [];
  let pos = 0;
  // a sentence the notice numbers itself (「第二に、…点検し、…通知する仕組みを導入します」) is one measure
  if (!ENUMERATED.test(s)) {
    JOIN.lastIndex = 0;
    for (let m = JOIN.exec(s); m !== null; m = JOIN.exec(s)) {
      const end = m.index + m[0].length;
      parts.push({ start: pos, end });
      pos = end;
    }
  }
  parts.push({ start: pos, end: s.length });
  return parts;
}
