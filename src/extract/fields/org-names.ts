// Organization-name primitives: what a Japanese organization name ends with, how to cut one out of a line,
// and where names with a legal form (株式会社…, …株式会社) stand in running text.

/** Legal forms written before or after the name. */
export const LEGAL_FORM =
  '(?:株式会社|有限会社|合同会社|合資会社|合名会社|(?:一般|公益)(?:社団|財団)法人|学校法人|医療法人(?:社団|財団)?|社会福祉法人|宗教法人|特定非営利活動法人|NPO法人|(?:地方)?独立行政法人|国立大学法人|公立大学法人|国立研究開発法人|税理士法人|弁護士法人|監査法人|司法書士法人|行政書士法人|社会保険労務士法人|(?:\\(株\\)|\\(有\\)))';
const LEGAL_FORM_RE = new RegExp(`^${LEGAL_FORM}$`);
const LEGAL_FORM_G = new RegExp(LEGAL_FORM, 'g');
const HAS_LEGAL_FORM = new RegExp(LEGAL_FORM);

// Endings of organization names without a legal form (public bodies, schools, hospitals, associations…).
const ORG_END =
  /(?:株式会社|有限会社|合同会社|法人|組合|信用金庫|金庫|銀行|事務所|病院|医院|クリニック|診療所|薬局|大学|短期大学|学校|高校|学園|学院|幼稚園|保育園|こども園|[都道府県市町村区]|庁|省|委員会|協会|協議会|財団|機構|センター|研究所|研究会|[^会]会|社|ステーション|グループ|ホールディングス|(?:Inc|Ltd|Co|Corp|LLC|GmbH|K\.K)\.?|Corporation|Company|Japan)$/i;

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

const NAME_CHAR = /[^\s、。,，.「」『』()（）［］[\]【】・:：;；/"'“”]/;
const KANJI_KATA = /[一-龠々ァ-ヶー A-Za-z0-9]/;
const MULTI_PARTICLES = ['に委託', 'へ委託', 'が運営', 'が提供', 'が管理', 'が開発', 'が保守', 'に依頼', 'に関する', 'について', 'から', 'より', 'において', 'における', 'に対して', 'に対し', 'に対する', 'である', 'として', 'との', 'によって', 'により', 'による', 'など', '及び', 'および', '並びに', 'ならびに', 'では', 'には', 'とは', 'へは', 'にて', 'まで'];
const SINGLE_PARTICLES = 'がはをにへとでやものか';
const MAX_NAME = 30;

/** Where a name that contains a legal form stands in running text; bounded scans around each legal form. */
export function findLegalNames(text: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const re = LEGAL_FORM_G;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = re.exec(text)) !== null && guard++ < 10000) {
    const lfStart = m.index;
    const lfEnd = m.index + m[0].length;
    // name after the legal form (株式会社ひなげし印刷, 株式会社 NTT ドコモ)
    let after = lfEnd;
    while (after < text.length && after - lfEnd < MAX_NAME) {
      const c = text[after] as string;
      // "株式会社 NTT ドコモ": a space right after the legal form or after a Latin word continues the name
      if (c === ' ' && NAME_CHAR.test(text[after + 1] ?? ' ') && (after === lfEnd || /[A-Za-z0-9]/.test(text[after - 1] as string))) {
        after++;
        continue;
      }
      // 「トライデント・システムズ」: a middle dot between katakana words is part of the name, not a list
      if (c === '・' && /[ァ-ヺー]/.test(text[after - 1] ?? '') && /[ァ-ヺ]/.test(text[after + 1] ?? '')) {
        after++;
        continue;
      }
      if (!NAME_CHAR.test(c)) break;
      after++;
    }
    const rawTail = text.slice(lfEnd, after);
    const tail = cutForward(rawTail.trimStart());
    // 「A株式会社及びB株式会社」「A株式会社から」: the words after the legal form are not its name
    const startsWithParticle = SINGLE_PARTICLES.includes(rawTail.charAt(0)) || MULTI_PARTICLES.some((p) => rawTail.startsWith(p));
    const headLen = backwardLength(text, lfStart);
    if (tail.length >= 2 && !((startsWithParticle || rawTail.startsWith(' ')) && headLen >= 2)) {
      const end = lfEnd + (rawTail.length - rawTail.trimStart().length) + tail.length;
      out.push({ name: (text.slice(lfStart, lfEnd) + tail).replace(/\s+/g, ''), start: lfStart, end });
      continue;
    }
    // name before the legal form (ななかまどホールディングス株式会社)
    if (headLen >= 2) out.push({ name: text.slice(lfStart - headLen, lfStart) + m[0], start: lfStart - headLen, end: lfEnd });
  }
  return out;
}

function backwardLength(text: string, lfStart: number): number {
  let before = lfStart;
  while (before > 0 && lfStart - before < MAX_NAME && NAME_CHAR.test(text[before - 1] as string)) before--;
  return cutBackward(text.slice(before, lfStart)).length;
}

function cutForward(s: string): string {
  let cut = s.length;
  for (let i = 1; i < s.length; i++) {
    const prev = s[i - 1] as string;
    const rest = s.slice(i);
    if (i >= 2 && MULTI_PARTICLES.some((p) => rest.startsWith(p))) {
      cut = i;
      break;
    }
    if (!KANJI_KATA.test(prev)) continue;
    if (SINGLE_PARTICLES.includes(rest[0] as string)) {
      cut = i;
      break;
    }
  }
  return s.slice(0, cut);
}

export function cutBackward(s: string): string {
  // a name written before its legal form ends in kanji, katakana or Latin (…ホールディングス株式会社)
  if (!KANJI_KATA.test(s.slice(-1)) || s.endsWith(' ')) return '';
  for (let i = s.length; i > 0; i--) {
    const left = s.slice(0, i);
    for (const p of MULTI_PARTICLES) if (left.endsWith(p)) return s.slice(i);
    const c = s[i - 1] as string;
    const cc = s[i - 2];
    if (SINGLE_PARTICLES.includes(c) && cc !== undefined && KANJI_KATA.test(cc)) return s.slice(i);
  }
  return s;
}
