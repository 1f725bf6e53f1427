// organization (the reporting organization as written) and otherOrganizations with their roles.
import type { Party, Role } from '../../model/index.js';
import type { ExtractContext, FieldResult, Line, NSpan } from '../context.js';
import { result } from '../context.js';
import { cutBackward, findLegalNames, looksLikeOrg, orgFromTokens } from './org-names.js';
import { nonEmptyLines, titleLine } from './title.js';

const LEADING_TAGS = /^(?:\s?【[^】\n]{0,40}】\s?)+/;
const HEADER_LINES = 6;
const FOOTER_LINES = 8;
const MAX_ORG_LINE = 60;

interface Found {
  name: string;
  span: NSpan;
}

/** A short header/signature line that starts with an organization ("株式会社○○", "○○市 総務部"). */
function orgFromLine(line: Line): Found | null {
  let t = line.text.trim();
  // 「会社名：株式会社○○」 labels, 「株式会社○○（東証プライム：1234）」 listings
  const label = /^(?:会社名|法人名|団体名|組織名|発表者|発信者|発信元|差出人|発行者)\s?[:：]\s?/.exec(t);
  if (label) t = t.slice(label[0].length);
  t = t.replace(/\s?\((?:東証|証券コード|コード|本社)[^()]{0,30}\)\s?$/, '');
  if (t.length === 0 || t.length > MAX_ORG_LINE || /[。]/.test(t)) return null;
  if ((/^[■□●○◆◇・*\-–(（\d]/.test(t) && !/^\((?:株|有)\)/.test(t)) || /[:：]/.test(t)) return null;
  const org = orgFromTokens(t, true);
  if (!org) return null;
  const start = line.start + line.text.indexOf(t);
  return { name: org.name, span: { start, end: start + Math.min(t.length, org.end) } };
}

/** "株式会社○○ 不正アクセスに関する…" — the organization written before the subject in the title. */
function orgFromTitle(line: Line): Found | null {
  const tag = LEADING_TAGS.exec(line.text);
  const from = tag ? tag[0].length : 0;
  const rest = line.text.slice(from).trim();
  const tokens = rest.split(/\s+/);
  if (tokens.length >= 2) {
    const org = orgFromTokens(rest);
    if (org && org.length < tokens.length) {
      const start = line.start + line.text.indexOf(rest);
      return { name: org.name, span: { start, end: start + org.end } };
    }
  }
  // "…について - 株式会社○○", "…について｜株式会社○○"
  const dash = /\s(?:-|–|—|\||｜|\/)\s?([^\s|｜/]{2,40})\s?$/.exec(rest);
  if (dash && dash[1] && looksLikeOrg(dash[1])) {
    const org = orgFromTokens(dash[1]);
    if (org) {
      const start = line.start + line.text.lastIndexOf(dash[1]);
      return { name: org.name, span: { start, end: start + dash[1].length } };
    }
  }
  // "…について（株式会社やまびこ介護サービス）"
  const paren = /\(([^()]{2,50})\)\s?$/.exec(rest);
  if (paren && paren[1] && looksLikeOrg(paren[1]) && !/^第.{1,3}報$|お詫び|報告|続報|お知らせ/.test(paren[1])) {
    const org = orgFromTokens(paren[1]);
    if (org) {
      const start = line.start + line.text.lastIndexOf(paren[1]);
      return { name: org.name, span: { start, end: start + paren[1].length } };
    }
  }
  return null;
}

/** "○○（以下「当社」）は" — the organization introducing itself in the first sentences. */
function orgFromSelfReference(ctx: ExtractContext): Found | null {
  const head = ctx.text.slice(0, 3000);
  // every match holds 「(以下」: without it the pattern (a 2–40 character run tried at each position) cannot match
  if (!head.includes('(以下')) return null;
  const m = /([^\s、。「」()]{2,40})\s?\(以下[、,]?\s?「?(?:当社|弊社|当院|本学|当法人|当協会|当組合|当財団|当会|本校|当センター|当市|当町|本市|本町)/.exec(head);
  if (m && m[1] && looksLikeOrg(m[1])) {
    const org = orgFromTokens(m[1]);
    if (org) return { name: org.name, span: { start: m.index, end: m.index + m[1].length } };
  }
  return null;
}

export function findOrganization(ctx: ExtractContext): Found | null {
  const tl = titleLine(ctx);
  if (tl) {
    const fromTitle = orgFromTitle(tl);
    if (fromTitle) return fromTitle;
  }
  const nonEmpty = nonEmptyLines(ctx);
  const titleIdx = tl ? nonEmpty.findIndex((l) => l.start === tl.start) : -1;
  // header lines: those above the title (press-release layout) and those right under it
  const header = [...nonEmpty.slice(0, Math.max(0, titleIdx)), ...nonEmpty.slice(titleIdx + 1, titleIdx + 1 + HEADER_LINES)];
  for (const l of header) {
    const f = orgFromLine(l);
    if (f) return f;
  }
  const self = orgFromSelfReference(ctx);
  if (self) return self;
  for (const l of nonEmpty.slice(-FOOTER_LINES).reverse()) {
    if (tl && l.start === tl.start) continue;
    const f = orgFromLine(l);
    if (f) return f;
  }
  return orgAsSubject(ctx);
}

/** Last resort: a named organization as the subject of an early sentence (「株式会社○○は、」「株式会社○○が運営する」). */
function orgAsSubject(ctx: ExtractContext): Found | null {
  const head = ctx.text.slice(0, 1500);
  for (const n of findLegalNames(head)) {
    if (/^\s?(?:は[、,]?|では|が運営|が提供する(?:サービス|サイト)|\(以下)/.test(head.slice(n.end, n.end + 8))) {
      const before = head.slice(Math.max(0, n.start - 12), n.start);
      if (/委託|ベンダー|から|より|親会社|子会社/.test(before)) continue;
      return { name: n.name, span: { start: n.start, end: n.end } };
    }
  }
  // 「汐見野市市民課において、」「南浦町では、」: a municipality opening a sentence, its section left out
  const city = /(?:^|\n|。)\s?(\p{Script=Han}{1,6}?(?:市|区|町|村)|\p{Script=Han}{1,3}(?:都|道|府|県))(?:\p{Script=Han}{1,10}?(?:課|部|局|室|係|センター))?(?:において|では|は[、,])/u.exec(head);
  if (city && city[1] && !/^(?:当|本|同|各|全|他|貴|弊|大|市|町|村|区|県)/.test(city[1])) {
    const start = city.index + city[0].indexOf(city[1]);
    return { name: city[1], span: { start, end: start + city[1].length } };
  }
  return null;
}

export function extractOrganization(ctx: ExtractContext): FieldResult<string | null> {
  const f = findOrganization(ctx);
  return f ? result(f.name, [f.span]) : result(null);
}

// Bodies that are authorities the organization reports to: not listed as other organizations.
const AUTHORITY = /警察|個人情報保護委員会|省$|庁$|JPCERT|情報処理推進機構|IPA|保健所|財務局|労働局|NISC|プライバシーマーク|日本情報経済社会推進協会/;
const MAX_PARTIES = 20;
const WINDOW_BEFORE = 40;
const WINDOW_AFTER = 30;

// Role cues, checked in the text right before a name; the cue nearest to the name decides.
const ROLE_CUES: [RegExp, Role][] = [
  [/再委託/g, 'subcontractor'],
  [/委託元|受託|発注元/g, 'other'],
  [/親会社/g, 'parent'],
  [/子会社|グループ会社|関係会社|関連会社/g, 'other'],
  [/委託/g, 'contractor'],
  // (「決済代行会社である」「配信基盤を提供する」「メールサーバーを借りている」: a vendor the organization uses)
  [/ベンダー|製造元|開発元|提供元|販売元|メーカー|保守(?:会社|業者|事業者)|開発会社|システム会社|サービス提供(?:会社|事業者|者)|決済代行|を提供(?:する|している)|を借りている/g, 'vendor'],
];

const ANY_CUE = new RegExp(ROLE_CUES.map(([re]) => re.source).join('|'));

/** Role from the words around a name, relative to the reporting organization. */
function roleFromContext(before: string, afterText: string): Role {
  let after = afterText;
  // both patterns about a short name start with it
  if (afterText.includes('(以下')) {
    // "株式会社○○（以下「委託先」）" names the role right after the name
    const label = /^\s?\(以下[、,]?\s?「([^」]{1,12})」/.exec(afterText);
    if (label && label[1]) {
      // 「（以下「受託者」）に委託した」: the one who took the work on is our contractor
      if (/^受託(?:者|事業者|業者|会社)$/.test(label[1])) return 'contractor';
      const r = cueRole(label[1]);
      if (r) return r;
    }
    // "株式会社○○に委託しており", "株式会社○○が提供する…" (after a 「（以下「○○社」）」 short name)
    after = after.replace(/^\s?\(以下[^()]{0,20}\)/, '');
  }
  const first = after.charAt(0);
  if (first === 'に' || first === 'へ') {
    if (/^(?:に|へ)(?:[^。、]{0,8})?再委託/.test(after)) return 'subcontractor';
    if (/^(?:に|へ)(?:[^。、]{0,8})?委託/.test(after)) return 'contractor';
  }
  if (first === 'が' && /^が(?:提供|開発|製造|販売|保守)/.test(after)) return 'vendor';
  // most names have no cue before them: one test of all cues settles that
  if (!ANY_CUE.test(before)) return 'other';
  let best: { pos: number; role: Role } | null = null;
  for (const [re, role] of ROLE_CUES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(before)) !== null) {
      const pos = m.index + m[0].length;
      // a longer cue ending at the same place (再委託 vs 委託) was listed first and wins
      if (!best || pos > best.pos) best = { pos, role };
    }
  }
  return best ? best.role : 'other';
}

function cueRole(s: string): Role | null {
  for (const [re, role] of ROLE_CUES) {
    re.lastIndex = 0;
    if (re.test(s)) return role;
  }
  return null;
}

// What every match of the client pattern in extractOtherOrganizations contains.
const CLIENT_GATE = /[都道府県市町村区](?:から|より)[^。\n]{0,40}(?:受託|委託を受け)|委託元(?:である|の)/;

/** CLIENT_GATE, tried only when the text holds one of the words every match of it ends or starts with. */
function mayHaveClient(text: string): boolean {
  return (text.includes('受託') || text.includes('委託を受け') || text.includes('委託元')) && CLIENT_GATE.test(text);
}

interface PartyList {
  /** the reporting organization without spaces */
  own: string;
  parties: Map<string, Party>;
  evidence: NSpan[];
}

function addParty(list: PartyList, name: string, role: Role, span: NSpan): void {
  const key = withoutSpaces(name);
  const own = list.own;
  if (!key || (own && (key === own || own.includes(key) || key.includes(own)))) return;
  if (AUTHORITY.test(key)) return;
  const prev = list.parties.get(key);
  // a specific role found anywhere beats "other"
  if (!prev || (prev.role === 'other' && role !== 'other')) list.parties.set(key, { name: key, role });
  list.evidence.push(span);
}

/** s.replace(/\s+/g, '') without the regex call for the usual name without white space. */
function withoutSpaces(s: string): string {
  return /\s/.test(s) ? s.replace(/\s+/g, '') : s;
}

/** The text up to the first 。 or line end (split(/[。\n]/)[0]). */
function upToSentenceEnd(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3002 || c === 0x0a) return s.slice(0, i);
  }
  return s;
}

export function extractOtherOrganizations(ctx: ExtractContext, organization: string | null): FieldResult<Party[]> {
  const text = ctx.text;
  const list: PartyList = { own: withoutSpaces(organization ?? ''), parties: new Map<string, Party>(), evidence: [] };
  const { parties, evidence } = list;
  for (const n of findLegalNames(text)) {
    if (parties.size >= MAX_PARTIES) break;
    const before = sentenceSlice(text, n.start - WINDOW_BEFORE, n.start);
    const after = upToSentenceEnd(text.slice(n.end, Math.min(text.length, n.end + WINDOW_AFTER)));
    addParty(list, n.name, roleFromContext(before, after), { start: n.start, end: n.end });
  }
  // A public body the organization works for (委託元): 「みなみ野市から…業務を受託」「委託元であるみなみ野市」
  // (gated on the part every match must contain: the pattern tries a run of up to 14 characters at each position)
  const client = !mayHaveClient(text) ? null : /([一-龠々ぁ-んァ-ヶー]{1,14}[都道府県市町村区])(?:から|より)[^。\n]{0,40}(?:受託|委託を受け)|委託元(?:である|の)\s?([一-龠々ぁ-んァ-ヶー]{1,14}[都道府県市町村区])/g;
  let cm: RegExpExecArray | null;
  let guard = 0;
  while (client && (cm = client.exec(text)) !== null && guard++ < 50) {
    const raw = cm[1] ?? cm[2] ?? '';
    const name = cutBackward(raw);
    if (name.length >= 2 && looksLikeOrg(name)) {
      const start = cm.index + cm[0].indexOf(raw) + raw.length - name.length;
      addParty(list, name, 'other', { start, end: start + name.length });
    }
  }
  // 個人情報保護委員会 is listed only as the author of an administrative action toward the organization.
  if (!list.own.includes('個人情報保護委員会') && text.includes('個人情報保護委員会')) {
    const re = /個人情報保護委員会(?:から|より|による|が当社|は当社)[^。\n]{0,40}(?:指導|勧告|命令|報告徴収|立入検査|行政指導)/g;
    const m = re.exec(text);
    if (m) {
      parties.set('個人情報保護委員会', { name: '個人情報保護委員会', role: 'regulator' });
      evidence.push({ start: m.index, end: m.index + '個人情報保護委員会'.length });
    }
  }
  return result([...parties.values()], evidence);
}

function sentenceSlice(text: string, from: number, to: number): string {
  const s = text.slice(Math.max(0, from), to);
  const cut = Math.max(s.lastIndexOf('。'), s.lastIndexOf('\n'));
  return cut >= 0 ? s.slice(cut + 1) : s;
}
