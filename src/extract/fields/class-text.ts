// Shared helpers for the classification fields (categories, isIncident, leakStatus, authorities):
// sentence splitting with offsets, section roles (recurrence measures, requests to readers),
// negation of a cue inside its clause. Every regex here is bounded ([^。\n]{0,N}) so time stays linear.
import { isBlank, isSpace } from '../../text/index.js';
import type { ExtractContext, NSpan } from '../context.js';
import { AnchorGates, alternativesOf } from './regex-prefilter.js';

export interface Sentence {
  /** offsets in ctx.text */
  start: number;
  end: number;
  text: string;
  /** true for the notice title (first non-empty line) */
  title: boolean;
  /** inside a recurrence-prevention / future-measures section */
  measures: boolean;
  /** inside a section addressed to readers (requests, contact points) */
  advice: boolean;
  /** computed once: a request/conditional, a future measure, a general remark */
  advisory: boolean;
  measure: boolean;
  general: boolean;
  /** holds a negated predicate somewhere (negatedAfter can be true only then): 1 yes, 0 no, -1 not yet known */
  negation: number;
  /** the gate marks (see sentenceGate; shared with other sentences), this sentence's row in them, and how many gates they cover */
  marks: Int32Array;
  row: number;
  known: number;
}

// --- Sentence gates: which registered regexes may match which sentence, from one pass per notice. ---

const gated: RegExp[] = [];
let gates: AnchorGates | null = null;

/**
 * Registers a regex run on single sentences (at module load) and returns its id for mayHold. All
 * registered regexes are gated by one pass over the notice's characters (AnchorGates).
 */
export function sentenceGate(re: RegExp): number {
  gated.push(re);
  gates = null;
  return gated.length - 1;
}

/** Might the regex registered as id match the sentence's text? false is certain. */
export function mayHold(s: Sentence, id: number): boolean {
  return id >= s.known || (s.marks[s.row + (id >> 5)] & (1 << (id & 31))) !== 0;
}

/** Does the regex registered as id (one without the g flag) match the sentence? It runs only past its gate. */
export function holds(s: Sentence, id: number): boolean {
  return mayHold(s, id) && gated[id].test(s.text);
}

/**
 * The marks of gate ids [32 w, 32 w + 32) for the sentence (bit k: id 32 w + k may match), with the
 * bits of ids registered after the sentence was made all set.
 */
export function gateWord(s: Sentence, w: number): number {
  const known = s.known - w * 32;
  if (known <= 0) return -1;
  const bits = s.marks[s.row + w];
  // (the ids from known on, made after the sentence, may all match)
  return known >= 32 ? bits : bits | ~((1 << known) - 1);
}

/**
 * A regex of many alternatives gated alternative by alternative: a sentence runs only those that may
 * match it. An alternative that matches nowhere in the sentence never decides where (or whether) the
 * alternation matches, so the narrowed regex finds exactly what the whole one finds, from every
 * lastIndex. (Worth it for a costly regex whose alternatives rarely meet: V8 tries every alternative
 * at every position.)
 */
export interface AlternativeGates {
  re: RegExp;
  alternatives: string[];
  /** gate id of the first alternative; the others follow */
  first: number;
  /** the regex narrowed to each set of alternatives met so far (bit k: alternative k) */
  narrowed: Map<number, RegExp>;
}

/** Registers each top-level alternative of re (at most 31, no backreferences) as a sentence gate. */
export function alternativeGates(re: RegExp): AlternativeGates {
  const alternatives = alternativesOf(re.source);
  if (alternatives.length > 31 || /\\[1-9]|\\k</.test(re.source)) throw new Error(`cannot gate the alternatives of ${re}`);
  const first = gated.length;
  // (without the g flag, as every gated regex: holds() tests them)
  for (const a of alternatives) sentenceGate(new RegExp(a, re.flags.replace('g', '')));
  return { re, alternatives, first, narrowed: new Map() };
}

/** Most narrowed regexes kept per regex; past that the whole regex runs (the same matches, only slower). */
const MAX_NARROWED = 256;

/** The regex narrowed to the alternatives that may match the sentence (the same flags); null when none may. */
export function narrowed(s: Sentence, g: AlternativeGates): RegExp | null {
  const n = g.alternatives.length;
  const shift = g.first & 31;
  let mask = gateWord(s, g.first >> 5) >>> shift;
  if (shift + n > 32) mask |= gateWord(s, (g.first >> 5) + 1) << (32 - shift);
  mask &= (1 << n) - 1;
  if (mask === 0) return null;
  let re = g.narrowed.get(mask);
  if (re === undefined) {
    if (g.narrowed.size >= MAX_NARROWED) return g.re;
    re = new RegExp(g.alternatives.filter((_, k) => (mask & (1 << k)) !== 0).join('|'), g.re.flags);
    g.narrowed.set(mask, re);
  }
  return re;
}

function markGates(text: string, sentences: Sentence[]): void {
  gates ??= new AnchorGates(gated);
  const rows = gates.scan(text, sentences);
  const marks = rows.marks;
  const words = gates.words;
  const known = gated.length;
  for (let j = 0; j < sentences.length; j++) {
    const s = sentences[j];
    s.marks = marks;
    s.row = rows.first + j * words;
    s.known = known;
  }
}
const NO_MARKS = new Int32Array(0);

/** Longest sentence we look at; longer runs are cut so every pattern stays cheap. */
const MAX_SENTENCE = 600;

// What each character does to sentence splitting: nothing, open or close a bracket, end a sentence.
const OPENS = 1;
const CLOSES = 2;
const ENDS = 3;
const BREAK_KIND = new Uint8Array(0x10000);
for (const ch of '(「『【[〔（') BREAK_KIND[ch.charCodeAt(0)] = OPENS;
for (const ch of ')」』】]〕）') BREAK_KIND[ch.charCodeAt(0)] = CLOSES;
for (const ch of '。!?') BREAK_KIND[ch.charCodeAt(0)] = ENDS;
// The same characters as a bit set (8 KB: it stays in cache while other fields run, the table does not).
const BREAKS = new Int32Array(2048);
for (let c = 0; c < 0x10000; c++) if (BREAK_KIND[c] !== 0) BREAKS[c >> 5] |= 1 << (c & 31);

// Headings that open a section we do not read as a description of the event.
const MEASURE_HEADING = /再発防止|防止策|今後の対策|今後の取り?組|改善策|対策について|当社の対策|セキュリティ対策/;
const ADVICE_HEADING = /お願い|お問い?合わ?せ|問合せ|相談窓口|ご注意|注意点|連絡先|窓口/;
// Words of the headings that open a section describing the event.
const SECTION_WORDS = /経緯|概要|原因|対応|状況|情報|被害|対象|発生|判明|について|報告|経過|事案|内容|調査|結果|お知らせ|攻撃|侵入|流出|漏えい|漏洩|件数|人数|期間|日時/;
// A line that looks like a heading: numbered or marked, short, not a sentence.
const HEADING_MARK = /^\s*(?:[0-9０-９]{1,2}\s*[.．、)）:]|[(（][0-9０-９]{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.．]|第[0-9一二三四五六七八九十]{1,2}|[【■□◆◇▼▽●○◎☆★〇]|[0-9]{1,2}\s)/;

// Marks of list items (not of section headings) inside a measures list.
const ITEM_MARK = /^\s*(?:[・\-•*‐]|[①-⑳]|[(（][0-9０-９]{1,2}[)）]|[0-9０-９]{1,2}[)）])/;

function isHeading(line: string): boolean {
  // (the trimmed length first: most lines are too long to be headings, and need no trimmed copy)
  let a = 0;
  let b = line.length;
  while (a < b && isSpace(line.charCodeAt(a))) a++;
  while (b > a && isSpace(line.charCodeAt(b - 1))) b--;
  if (b === a || b - a > 40) return false;
  if (line.charCodeAt(b - 1) === 0x3002) return false; // ends in 。: a sentence
  return b - a <= 16 || HEADING_MARK.test(line.slice(a, b));
}

const cache = new WeakMap<ExtractContext, Sentence[]>();

/** Sentences of the notice, split at 。！？ and line ends (not inside brackets), with section roles. */
export function sentencesOf(ctx: ExtractContext): Sentence[] {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const out: Sentence[] = [];
  let titleSeen = false;
  let measures = false;
  let advice = false;
  // (characters read from ctx.text itself, where lines and sentences have their offsets: faster than
  // reading each line's own sliced string)
  const text = ctx.text;
  for (const line of ctx.lines) {
    const lt = line.text;
    const end = line.end;
    if (isBlank(text, line.start, end)) continue;
    const isTitle = !titleSeen;
    titleSeen = true;
    if (!isTitle && isHeading(lt)) {
      if (MEASURE_HEADING.test(lt)) {
        measures = true;
        advice = false;
      } else if (ADVICE_HEADING.test(lt)) {
        advice = true;
        measures = false;
      } else if (SECTION_WORDS.test(lt) && !(measures && ITEM_MARK.test(lt))) {
        // a short bullet item ("・EDRの導入") stays inside its section; only a real heading ends it
        measures = false;
        advice = false;
      }
    }
    let depth = 0;
    let s = line.start;
    // a table lookup per character: cheaper than a regex call (and its match array) per break
    for (let i = s; i < end; i++) {
      const c = text.charCodeAt(i);
      if ((BREAKS[c >> 5] & (1 << (c & 31))) === 0) continue;
      const kind = BREAK_KIND[c];
      while (i - s > MAX_SENTENCE) {
        push(out, text, s, s + MAX_SENTENCE, isTitle, measures, advice);
        s += MAX_SENTENCE;
      }
      if (kind === OPENS) depth++;
      else if (kind === CLOSES) depth = Math.max(0, depth - 1);
      else if (depth === 0) {
        push(out, text, s, i + 1, isTitle, measures, advice);
        s = i + 1;
      }
    }
    while (end - s > MAX_SENTENCE) {
      push(out, text, s, s + MAX_SENTENCE, isTitle, measures, advice);
      s += MAX_SENTENCE;
    }
    if (s < end) push(out, text, s, end, isTitle, measures, advice);
  }
  markGates(ctx.text, out);
  markRoles(out);
  cache.set(ctx, out);
  return out;
}

/** Adds the sentence at [start, end) of the notice text unless it is blank. */
function push(out: Sentence[], noticeText: string, start: number, end: number, title: boolean, measures: boolean, advice: boolean): void {
  if (isBlank(noticeText, start, end)) return;
  const text = noticeText.slice(start, end);
  out.push({ start, end, text, title, measures, advice, advisory: false, measure: measures, general: false, negation: -1, marks: NO_MARKS, row: 0, known: 0 });
}

/** The per-sentence flags: a regex runs only on the sentences its gate lets through. */
function markRoles(sentences: Sentence[]): void {
  for (const s of sentences) {
    s.advisory = holds(s, G_ADVISORY);
    if (!s.measure) s.measure = holds(s, G_MEASURE);
    s.general = holds(s, G_GENERAL);
  }
}

/** Does the sentence hold a negated predicate? (Asked only once a cue is found: most sentences never are.) */
export function hasNegation(s: Sentence): boolean {
  if (s.negation < 0) s.negation = holds(s, G_NEGATION) ? 1 : 0;
  return s.negation === 1;
}

/** Requests and conditionals addressed to readers: not statements of what happened. */
// (…がありましたら、ご連絡くださるよう: a conditional 〜ましたら is hypothetical too)
const ADVISORY = /ください|下さい|くださるよう|下さるよう|(?:あり|ござい|届き|受け)ましたら|お願い(?:いた)?します|お願い申し上げ|ようお願い|場合(?:は|には|、|に)|際(?:は|には)|ご注意|ご確認(?:を|の上|のうえ|いただ)|ご留意/;
export function isAdvisory(s: Sentence): boolean {
  return s.advisory;
}

/** Future measures and training: mentions of attacks there are not events. */
const MEASURE_WORDS = /再発防止|防止策|訓練|研修|導入(?:いた)?し(?:ます|てまいります)|導入を|徹底|見直|強化|禁止|義務付|必須|対策(?:を|の|と)|予定|検討|脆弱性診断/;
export function isMeasure(s: Sentence): boolean {
  return s.measure;
}

/** Statements that are general (news, trends), not about this event. */
const GENERAL = /近年|昨今|一般に|一般的|事例|傾向|多発|増加して|相次いで|毎年のように|[0-9]+割(?:が|の|に)|[0-9.]+\s?[%％](?:が|の|に)/;
export function isGeneral(s: Sentence): boolean {
  return s.general;
}

// Clause breaks: a cue before "が、" is not negated by a predicate after it.
const CLAUSE_BREAK = /が、|ものの|けれども|ただし|しかし|一方|ですが|ましたが|ませんが/g;
// Negated predicates. 否定できない is a double negative (possible), handled by the caller's own cues.
// (「提供や売却は否定しております」: a denial by the person concerned also negates; 否定できない does not match)
const NEGATION = /否定して(?:おり|いま|い)|否定しました|ではな[くい]|ではありません|ではございません|ございません|ありません|おりません|いません|ていない|ておらず|なかった|されず|はなく|もなく|はない|がない|もない|ませんでした|至っておりません|至っていません|無い|なし/g;
const NEGATION_TEST = new RegExp(NEGATION.source);
const G_ADVISORY = sentenceGate(ADVISORY);
const G_MEASURE = sentenceGate(MEASURE_WORDS);
const G_GENERAL = sentenceGate(GENERAL);
const G_NEGATION = sentenceGate(NEGATION_TEST);

// Negations that are not denials: 否定できない (possible), 完全には…ない (partial), and attributive
// forms before a noun (…されていない既知の脆弱性). (Module constants: a literal in a function makes a RegExp per call.)
const CANNOT_DENY = /否定(?:でき|出来|する(?:こと)?は(?:でき|出来))/;
const CANNOT_DENY_BEFORE = /否定(?:でき|出来)$|否定することは(?:でき|出来)$|完全には$|完全に$/;
const NOUN_START = /[\p{Script=Han}\p{Script=Katakana}]/u;
const ATTRIBUTIVE_NEGATION = /ていない|はない|がない|もない|無い/;

/** Does the clause that contains [from, to) in sentence text end in a negated predicate? */
export function negatedAfter(text: string, to: number, window = 70): boolean {
  let end = Math.min(text.length, to + window);
  CLAUSE_BREAK.lastIndex = to;
  const br = CLAUSE_BREAK.exec(text);
  if (br && br.index < end) end = br.index + br[0].length;
  const tail = text.slice(to, end);
  NEGATION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NEGATION.exec(tail)) !== null) {
    const before = tail.slice(Math.max(0, m.index - 6), m.index);
    if (CANNOT_DENY.test(before + m[0])) continue;
    if (CANNOT_DENY_BEFORE.test(before)) continue;
    const after = tail.charAt(m.index + m[0].length);
    // an attributive form (…されていない既知の脆弱性) modifies a noun; it does not negate the cue
    if (NOUN_START.test(after) && ATTRIBUTIVE_NEGATION.test(m[0])) continue;
    if (!aboutCue(tail.slice(0, m.index))) continue;
    return true;
  }
  return false;
}

// Topic nouns that still speak about the cue: "流出した事実は…ありません", "感染の形跡はない".
const CUE_TOPIC = /(?:事実|形跡|痕跡|記録|報告|被害|こと|もの|おそれ|恐れ|可能性|兆候|様子|確認|実態|状況)(?:に|で)?$/;
const COORDINATION = /^(?:や|及び|および|並びに|ならびに|、|・|と|又は|または|も|等|など)/;
// A topic particle (は, には, では but not ではない…), a particle ending a modifier, a coordinated topic.
const TOPIC_PARTICLE = /(?:には|では(?!な|あり|ござ)|は)(?=[^いな]|$)/g;
const PARTICLE = /[がをにへでと、]/;
const TOPIC_COORDINATION = /事実や|や、|及び|および|並びに|ならびに|又は|または/;

/**
 * Is the text between a cue and a negation still about the cue? A new topic in between
 * ("不正アクセスを受けたサーバーには…含まれておりません") takes the negation for itself, unless the
 * cue is coordinated into that topic ("改ざんや情報の流出はありません").
 */
function aboutCue(between: string): boolean {
  if (COORDINATION.test(between)) return true;
  const re = TOPIC_PARTICLE;
  re.lastIndex = 0;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(between)) !== null) last = m.index;
  if (last <= 0) return true; // no new topic, or the cue itself is the topic ("流出はありません")
  const topic = between.slice(0, last);
  // "脆弱性を悪用した攻撃は…ません": the cue modifies the denied noun directly (no particle between)
  if (topic.length <= 10 && !PARTICLE.test(topic)) return true;
  return CUE_TOPIC.test(topic) || TOPIC_COORDINATION.test(topic);
}

export interface CueHit {
  sentence: Sentence;
  span: NSpan;
  text: string;
}

/** First match of re in a sentence whose clause is not negated; returns the span in ctx.text. */
const globalCache = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globalCache.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    globalCache.set(re, g);
  }
  g.lastIndex = 0;
  return g;
}

export function findCue(s: Sentence, re: RegExp, allowNegated = false): CueHit | null {
  const g = globalOf(re);
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = g.exec(s.text)) !== null && guard++ < 50) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    // (a sentence without any negated predicate cannot negate its cue)
    if (allowNegated || !hasNegation(s) || !negatedAfter(s.text, m.index + m[0].length)) {
      return { sentence: s, span: { start: s.start + m.index, end: s.start + m.index + m[0].length }, text: m[0] };
    }
  }
  return null;
}

/** Join spans, dropping duplicates; bounded so evidence stays small. */
export function uniqSpans(spans: NSpan[], max = 12): NSpan[] {
  const seen = new Set<string>();
  const out: NSpan[] = [];
  for (const s of spans) {
    const k = `${s.start}:${s.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(s);
    if (out.length >= max) break;
  }
  return out;
}
