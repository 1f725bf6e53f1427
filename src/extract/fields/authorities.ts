// authoritiesNotified: authorities the organization (or its contractor) reported to or consulted.
// A mention counts only in a sentence that states a report (報告/届出/相談/通報/提供…) as done,
// not a request to readers ("警察にご相談ください"), not the authority contacting the organization
// ("警察から連絡"), not a plan ("報告する予定").
import type { Authority } from '../../model/index.js';
import type { ExtractContext, FieldResult, NSpan } from '../context.js';
import { result } from '../context.js';
import { isAdvisory, mayHold, sentenceGate, sentencesOf, type Sentence } from './class-text.js';

interface AuthorityRule {
  id: Authority;
  re: RegExp;
}

// Order matters: police before ministry (警視庁/警察庁 end in 庁), privacy_mark before other (審査機関).
const RULES: AuthorityRule[] = [
  { id: 'ppc', re: /個人情報保護委員会|PPC|Personal Information Protection Commission/gi },
  { id: 'police', re: /\bpolice\b|警察|警視庁|交番|駐在所|遺失物届|110番|被害届|県警|府警|道警|サイバー犯罪相談/g },
  { id: 'ipa', re: /IPA|情報処理推進機構/g },
  { id: 'jpcert', re: /JPCERT|JPCERT\/CC|JPCERTコーディネーションセンター/gi },
  { id: 'privacy_mark', re: /プライバシーマーク|Pマーク|JIPDEC|日本情報経済社会推進協会|審査機関|付与機関/g },
  {
    id: 'ministry',
    re: /所管(?:の)?(?:省庁|官庁)|監督官庁|関係省庁|主務(?:大臣|官庁)|(?:総務|法務|外務|財務|文部科学|厚生労働|農林水産|経済産業|国土交通|環境|防衛)省|内閣府|復興庁|(?:金融|消費者|デジタル|こども家庭|文化|スポーツ|観光|特許|中小企業|国税|資源エネルギー)庁|[\p{Script=Han}]{0,4}財務(?:支)?局|財務事務所|[\p{Script=Han}]{0,4}(?:経済産業|総合通信|厚生|運輸|地方整備)局/gu,
  },
  {
    id: 'other',
    re: /関係当局|関係機関|所管(?:の)?(?:保健所|自治体)|保健所|(?:税理士|弁護士|司法書士|行政書士|社会保険労務士|土地家屋調査士)会|日本公認会計士協会|NISC|内閣サイバーセキュリティセンター|[都道府県]教育委員会|[市区町村]教育委員会|教育委員会|(?<![\p{Script=Han}])[都道府県市区町村](?:の[^、。\n]{1,14}?(?:課|部|局|室|センター)|(?=へ|に(?!お)|及び|および|並びに|ならびに|、|や))|[\p{Script=Han}]{1,3}[都道府県](?=へ|に(?!お)|及び|および|並びに|ならびに|、|の[^、。\n]{1,14}?(?:課|部|局|室))/gu,
  },
];

// Verbs of reporting/consulting, as done (past or progressive/perfect).
const REPORT = /\b(?:reported|notified|informed|consulted|filed)\b|報告|届け?出|届を提出|届けを提出|相談|通報|申告|情報(?:を)?提供|提供(?:いた)?し|速報|連絡(?:いた)?し|提出|届け|共有|告訴|告発/;
const PLAN = /予定|今後|まいります|する方針|検討/;
// The authority acting on the organization: "警察から連絡", "警察が捜査", "委員会は…指導".
const FROM_AUTHORITY = /^(?:から|より|が|との|と(?:の)?協議|は、?[^。]{0,30}(?:指導|勧告|命令|求め)|(?:に|へ)(?:対し(?:て)?)?、?(?:本件の)?(?:報告|連絡|届出)(?:が|を受))/;
// Reporting to a client or principal is not an authority report.
const CLIENT = /委託元|発注元|引受保険会社|取引先|元請/;

// (module constants: a literal in a function makes a RegExp per call)
const PPC_AFTER = /^(?:である|たる|の)?個人情報保護委員会/;
const REPORT_NOUN = /報告|届け?出|通報/;
const CONDITION_TAIL = /場合[^。]*$/;
const REQUEST = /ください|下さい/;
const SECTION_HEADING = /への(?:報告|届出|届け出|相談|連絡)(?:について)?$/;
const REPORT_DONE = /(?:報告|届出|届け出|相談|通報|提出|提供|申告|連絡)(?:を)?(?:し|いたし|済|行い|行っ|完了)/;
const ASCII_START = /^[A-Za-z]/;
const ADDRESS = /本社|所在|住所|在住|置く|ある|拠点/;

// Each regex runs only on the sentences its gate lets through (see sentenceGate).
const G_RULES = RULES.map((r) => sentenceGate(r.re));
const G_REPORT = sentenceGate(REPORT);

function mentions(s: Sentence): { id: Authority; span: NSpan }[] {
  const out: { id: Authority; span: NSpan }[] = [];
  const taken: [number, number][] = [];
  for (let r = 0; r < RULES.length; r++) {
    // (a rule that cannot match here takes no span from the others)
    if (!mayHold(s, G_RULES[r])) continue;
    const rule = RULES[r];
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = rule.re.exec(s.text)) !== null && guard++ < 20) {
      const a = m.index;
      const b = a + m[0].length;
      if (taken.some(([x, y]) => a < y && b > x)) continue;
      const after = s.text.slice(b, b + 40);
      if (FROM_AUTHORITY.test(after)) continue;
      // "監督官庁である個人情報保護委員会" names one authority, not two
      if (rule.id === 'ministry' && PPC_AFTER.test(after)) continue;
      const before = s.text.slice(Math.max(0, a - 12), a);
      if (rule.id === 'other' && CLIENT.test(before + m[0])) continue;
      // "県民税", "県内" etc. are not the prefecture as an authority (handled by the lookaheads), and
      // "X県支部" of the organization itself is not either.
      taken.push([a, b]);
      out.push({ id: rule.id, span: { start: s.start + a, end: s.start + b } });
    }
  }
  return out;
}

export function extractAuthorities(ctx: ExtractContext): FieldResult<Authority[]> {
  const found = new Map<Authority, NSpan[]>();
  for (const s of sentencesOf(ctx)) {
    if (s.title) continue;
    if (!mayHold(s, G_REPORT)) continue;
    if (isAdvisory(s) && !REPORT_NOUN.test(s.text.replace(CONDITION_TAIL, ''))) continue;
    if (REQUEST.test(s.text)) continue;
    if (!REPORT.test(s.text)) continue;
    // a heading such as "■ 関係機関への報告" announces a section; the sentences below say who was told
    if (SECTION_HEADING.test(s.text.trim())) continue;
    if (PLAN.test(s.text) && !REPORT_DONE.test(s.text)) continue;
    for (const { id, span } of mentions(s)) {
      const rel = span.end - s.start;
      // the report verb must follow the authority within the sentence
      // in English the verb comes first ("consulted the police")
      const english = ASCII_START.test(s.text.slice(span.start - s.start, span.end - s.start));
      // a place named before the verb ("東京都に本社を置く…") is an address, not an authority told
      const window = s.text.slice(rel, rel + (id === 'other' ? 24 : 40));
      const verbAfter = REPORT.test(window) && !(id === 'other' && ADDRESS.test(window.split(REPORT)[0] ?? ''));
      const verbBefore = english && REPORT.test(s.text.slice(Math.max(0, span.start - s.start - 40), span.start - s.start));
      if (!verbAfter && !verbBefore) continue;
      const list = found.get(id) ?? [];
      list.push(span);
      found.set(id, list);
    }
  }
  const order: Authority[] = ['ppc', 'police', 'ministry', 'ipa', 'jpcert', 'privacy_mark', 'other'];
  const ids = order.filter((a) => found.has(a));
  const evidence = ids.flatMap((a) => (found.get(a) ?? []).slice(0, 2));
  return result(ids, evidence);
}
