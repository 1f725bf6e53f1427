// Organization-name primitives: what a Japanese organization name ends with, how to cut one out of a line,
// and where names with a legal form (株式会社…, …株式会社) stand in running text.

/** Legal forms written before or after the name. */
export const LEGAL_FORM =
  '(?:株式会社|有限会社|合同会社|合資会社|合名会社|(?:一般|公益)(?:社団|財団)法人|学校法人|医療法人(?:社団|財団)?|社会福祉法人|宗教法人|特定非営利活動法人|NPO法人|(?:地方)?独立行政法人|国立大学法人|公立大学法人|国立研究開発法人|税理士法人|弁護士法人|監査法人|司法書士法人|行政書士法人|社会保険労務士法人|(?:消費)?生活協同組合|(?:農業|漁業|森林|事業|企業|信用)協同組合|(?:\\(株\\)|\\(有\\)))';
const LEGAL_FORM_RE = new RegExp(`^${LEGAL_FORM}$`);
const HAS_LEGAL_FORM = new RegExp(LEGAL_FORM);

// Endings of organization names without a legal form (public bodies, schools, hospitals, associations…).
const ORG_END =
  /(?:株式会社|有限会社|合同会社|法人|組合|信用金庫|金庫|銀行|事務所|病院|医院|クリニック|診療所|薬局|大学|短期大学|学校|高校|学園|学院|幼稚園|保育園|こども園|[都道府県市町村区]|役場|役所|庁|省|委員会|協会|協議会|財団|機構|センター|研究所|研究会|[^会]会|社|ステーション|グループ|ホールディングス|(?:Inc|Ltd|Co|Corp|LLC|GmbH|K\.K)\.?|Corporation|Company|Japan)$/i;

// Sub-units and signatories that follow the organization on a header/signature line.
const SUB_UNIT = /(?:部|課|室|係|局|支部|支店|本店|店|署|所|センター|事務局|担当|本部|営業所|教室)$/;
const PERSON_ROLE = /^(?:代表取締役|取締役|代表理事|理事長|会長|社長|院長|病院長|学長|校長|園長|所長|市長|町長|村長|区長|知事|委員長|局長|代表|執行役員|センター長|専務|常務|支店長|店長|事務局長|税理士|弁護士)/;

// Business names that end like this are organizations when they stand alone on a header or signature line
// (too loose for a title, where 「メールサービス 停止のお知らせ」 would pass).
const ORG_END_LOOSE = /(?:歯科|眼科|皮膚科|整骨院|接骨院|院|屋|堂|舗|館|園|商会|商店|工業|産業|製作所|工房|書房|ホテル|旅館|サービス|システムズ|ネットワークス|テクノロジーズ|ソリューションズ|事業団|公社|公団|基金)$/;

export function looksLikeOrg(name: string, loose = false): boolean {
  const n = name.trim();
  if (n.length < 2 || n.length > 60) return false;
  if (/[。、「」【】#＃]/.test(n)) return false;
  // 当社・弊社・同社… refer to an organization without naming it
  if (/^(?:当|弊|本|各|同|貴|御|他|自|全|子|親|会)社$|^(?:本|当|同)(?:会|市|町|村|県|区|院|学)$/.test(n)) return false;
  return HAS_LEGAL_FORM.test(n) || ORG_END.test(n) || (loose && ORG_END_LOOSE.test(n));
}

function isAsciiWord(s: string): boolean {
  return /^[A-Za-z0-9&.,'-]+$/.test(s);
}

/**
 * The organization at the start of a line of space-separated tokens ("株式会社 ゆめみ坂本舗 代表取締役 …",
 * "青葉台市 市民協働部 市民活動推進課", "LINE ヤフー株式会社"): tokens are joined while the name is still
 * incomplete (a bare legal form, a Latin word) and stop at sub-units and signatories.
 */
export function orgFromTokens(line: string, loose = false): { name: string; length: number; end: number } | null {
  const tokens = line.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return null;
  let name = tokens[0] as string;
  let used = 1;
  while (used < tokens.length) {
    const tok = tokens[used] as string;
    const lastTok = tokens[used - 1] as string;
    // still incomplete: a bare legal form, or a Latin word not yet ending an organization ("LINE", "Kestrelbay")
    const incomplete = LEGAL_FORM_RE.test(name) || (isAsciiWord(lastTok) && !looksLikeOrg(name));
    // a legal form written after a space ("ゆめみ坂 株式会社")
    const legalAfter = LEGAL_FORM_RE.test(tok) && !looksLikeOrg(name);
    if (PERSON_ROLE.test(tok)) break;
    if (!incomplete && !legalAfter) break;
    name = isAsciiWord(name.slice(-1)) && isAsciiWord(tok.charAt(0)) ? `${name} ${tok}` : `${name}${tok}`;
    used++;
  }
  if (!looksLikeOrg(name, loose)) return null;
  // "いずみ台町産業振興課" written without a space: cut a trailing sub-unit after a municipality.
  const sub = /^(.{1,20}?[都道府県市町村区])(.{1,15}(?:部|課|室|係))$/.exec(name);
  if (sub && sub[1] && !/委員会$/.test(name)) name = sub[1];
  if (SUB_UNIT.test(name) && !ORG_END.test(name) && !HAS_LEGAL_FORM.test(name)) return null;
  // where the used tokens end in the line, for evidence
  let end = 0;
  const src = line;
  for (let k = 0; k < used; k++) {
    const tok = tokens[k] as string;
    end = src.indexOf(tok, end) + tok.length;
  }
  return { name, length: used, end };
}

// Character classes as tables over UTF-16 code units: these run for every character around every legal form.
// NAME_CHAR: /[^\s、。,，.「」『』()（）［］[\]【】・:：;；/"'“”]/; KANJI_KATA: /[一-龠々ァ-ヶー A-Za-z0-9]/
// (test/extract/org-names.test.ts checks the tables against these patterns on every code unit).
const NOT_NAME = new Uint8Array(0x10000);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) NOT_NAME[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) NOT_NAME[c] = 1;
for (const ch of '、。,，.「」『』()（）［］[]【】・:：;；/"\'“”') NOT_NAME[ch.charCodeAt(0)] = 1;
const KANJI_KATA = new Uint8Array(0x10000);
KANJI_KATA.fill(1, 0x4e00, '龠'.charCodeAt(0) + 1);
KANJI_KATA.fill(1, 0x30a1, 'ヶ'.charCodeAt(0) + 1);
for (const ch of '々ー ') KANJI_KATA[ch.charCodeAt(0)] = 1;
KANJI_KATA.fill(1, 0x41, 0x5b);
KANJI_KATA.fill(1, 0x61, 0x7b);
KANJI_KATA.fill(1, 0x30, 0x3a);

/** NAME_CHAR at i (false past the end). */
export function isNameCharAt(s: string, i: number): boolean {
  return i < s.length && NOT_NAME[s.charCodeAt(i)] === 0;
}

/** KANJI_KATA at i (false past the end). */
export function isKanjiKataAt(s: string, i: number): boolean {
  return i >= 0 && i < s.length && KANJI_KATA[s.charCodeAt(i)] === 1;
}

const MULTI_PARTICLES = ['に委託', 'へ委託', 'が運営', 'が提供', 'が管理', 'が開発', 'が保守', 'に依頼', 'に関する', 'について', 'から', 'より', 'において', 'における', 'に対して', 'に対し', 'に対する', 'である', 'として', 'との', 'によって', 'により', 'による', 'など', '及び', 'および', '並びに', 'ならびに', 'では', 'には', 'とは', 'へは', 'にて', 'まで'];
const SINGLE_PARTICLES = 'がはをにへとでやものか';
const SINGLE = new Uint8Array(0x10000);
for (const ch of SINGLE_PARTICLES) SINGLE[ch.charCodeAt(0)] = 1;
// the first and the last characters of the multi-character particles: most positions need no particle loop
const MULTI_FIRST = new Uint8Array(0x10000);
const MULTI_LAST = new Uint8Array(0x10000);
for (const p of MULTI_PARTICLES) {
  MULTI_FIRST[p.charCodeAt(0)] = 1;
  MULTI_LAST[p.charCodeAt(p.length - 1)] = 1;
}
const MAX_NAME = 30;

/** Does a multi-character particle start at i? */
function multiParticleAt(s: string, i: number): boolean {
  if (MULTI_FIRST[s.charCodeAt(i)] !== 1) return false;
  for (const p of MULTI_PARTICLES) if (s.startsWith(p, i)) return true;
  return false;
}

/** Does a multi-character particle end at i? */
function multiParticleBefore(s: string, i: number): boolean {
  if (MULTI_LAST[s.charCodeAt(i - 1)] !== 1) return false;
  for (const p of MULTI_PARTICLES) if (s.endsWith(p, i)) return true;
  return false;
}

const LEGAL_FORM_Y = new RegExp(LEGAL_FORM, 'y');
// Every legal form holds one of these, starting at most KEY_REACH characters after the form starts
// (特定非営利活動法人, 社会保険労務士法人): the pattern is tried only just before them.
const LEGAL_KEYS = ['会社', '法人', '(株)', '(有)'];
const KEY_REACH = 7;
const LEGAL_FIRST = new Uint8Array(0x10000);
for (const ch of '株有合一公学医社宗特N地独国税弁監司行(') LEGAL_FIRST[ch.charCodeAt(0)] = 1;

/**
 * The next legal form at or after `from`, as LEGAL_FORM_G would find it. keyAt holds the next position of each
 * key (updated here), so the whole text is searched for each key about once.
 */
function nextLegalForm(text: string, from: number, keyAt: number[]): RegExpExecArray | null {
  for (;;) {
    let k = -1;
    for (let i = 0; i < LEGAL_KEYS.length; i++) {
      let at = keyAt[i] as number;
      if (at >= 0 && at < from) keyAt[i] = at = text.indexOf(LEGAL_KEYS[i] as string, from);
      if (at >= 0 && (k < 0 || at < k)) k = at;
    }
    if (k < 0) return null;
    // no form starts before k - KEY_REACH (its key would come before k); the first one from there wins
    for (let s = Math.max(from, k - KEY_REACH); s <= k; s++) {
      if (LEGAL_FIRST[text.charCodeAt(s)] !== 1) continue;
      LEGAL_FORM_Y.lastIndex = s;
      const m = LEGAL_FORM_Y.exec(text);
      if (m) return m;
    }
    from = k + 1;
  }
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** [ァ-ヺ], and with ー */
function isKatakana(c: number, withBar: boolean): boolean {
  return (c >= 0x30a1 && c <= 0x30fa) || (withBar && c === 0x30fc);
}

/** Where the name after a legal form ending at lfEnd ends (a bounded scan of name characters). */
function nameEnd(text: string, lfEnd: number): number {
  let after = lfEnd;
  while (after < text.length && after - lfEnd < MAX_NAME) {
    const c = text.charCodeAt(after);
    // "株式会社 NTT ドコモ": a space right after the legal form or after a Latin word continues the name
    if (c === 0x20 && isNameCharAt(text, after + 1) && (after === lfEnd || isAsciiAlnum(text.charCodeAt(after - 1)))) {
      after++;
      continue;
    }
    // 「トライデント・システムズ」: a middle dot between katakana words is part of the name, not a list
    if (c === 0x30fb && isKatakana(text.charCodeAt(after - 1), true) && after + 1 < text.length && isKatakana(text.charCodeAt(after + 1), false)) {
      after++;
      continue;
    }
    if (NOT_NAME[c] === 1) break;
    after++;
  }
  return after;
}

/** Where a name that contains a legal form stands in running text; bounded scans around each legal form. */
export function findLegalNames(text: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const keyAt = LEGAL_KEYS.map((k) => text.indexOf(k));
  let from = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = nextLegalForm(text, from, keyAt)) !== null && guard++ < 10000) {
    const lfStart = m.index;
    const lfEnd = m.index + m[0].length;
    from = lfEnd;
    // name after the legal form (株式会社ひなげし印刷, 株式会社 NTT ドコモ)
    const rawTail = text.slice(lfEnd, nameEnd(text, lfEnd));
    const trimmed = rawTail.trimStart();
    const tail = cutForward(trimmed);
    let headLen = -1;
    if (tail.length >= 2) {
      // 「A株式会社及びB株式会社」「A株式会社から」: the words after the legal form are not its name
      const startsWithParticle = SINGLE[rawTail.charCodeAt(0)] === 1 || multiParticleAt(rawTail, 0);
      if (!((startsWithParticle || rawTail.charCodeAt(0) === 0x20) && (headLen = backwardLength(text, lfStart)) >= 2)) {
        const end = lfEnd + (rawTail.length - trimmed.length) + tail.length;
        // the tail holds no white space but the spaces kept above
        const name = m[0] + tail;
        out.push({ name: tail.includes(' ') ? name.replace(/\s+/g, '') : name, start: lfStart, end });
        continue;
      }
    }
    // name before the legal form (ななかまどホールディングス株式会社)
    if (headLen < 0) headLen = backwardLength(text, lfStart);
    if (headLen >= 2) out.push({ name: text.slice(lfStart - headLen, lfStart) + m[0], start: lfStart - headLen, end: lfEnd });
  }
  return out;
}

function backwardLength(text: string, lfStart: number): number {
  let before = lfStart;
  while (before > 0 && lfStart - before < MAX_NAME && NOT_NAME[text.charCodeAt(before - 1)] === 0) before--;
  return cutBackward(text.slice(before, lfStart)).length;
}

function cutForward(s: string): string {
  for (let i = 1; i < s.length; i++) {
    if (i >= 2 && multiParticleAt(s, i)) return s.slice(0, i);
    if (KANJI_KATA[s.charCodeAt(i - 1)] === 1 && SINGLE[s.charCodeAt(i)] === 1) return s.slice(0, i);
  }
  return s;
}

export function cutBackward(s: string): string {
  // a name written before its legal form ends in kanji, katakana or Latin (…ホールディングス株式会社)
  if (!isKanjiKataAt(s, s.length - 1) || s.endsWith(' ')) return '';
  for (let i = s.length; i > 0; i--) {
    if (multiParticleBefore(s, i)) return s.slice(i);
    if (SINGLE[s.charCodeAt(i - 1)] === 1 && isKanjiKataAt(s, i - 2)) return s.slice(i);
  }
  return s;
}
