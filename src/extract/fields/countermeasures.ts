// countermeasures: the recurrence-prevention measures the notice lists (top-level items only), or the
// concrete measures it states in prose. A generic promise (「再発防止に努めてまいります」) is none.
import { lineMarker, listItems, type Section, type TextLine } from '../../text/index.js';
import type { ExtractContext, FieldResult, NSpan } from '../context.js';
import { result } from '../context.js';
import { concreteMeasures, RESPONSE_STEP } from './qty-measures.js';
import { sectionsOf } from './qty-scope.js';

const PREVENTION_TITLE = /(?:再発防止|再発の防止|防止策|防止対策|防止に向け|改善策|今後の対策|再発防止策)/;
const MEASURE_TITLE = /(?:対策|今後の対応|今後の取り?組|今後について|改善)/;
// (「原因と再発防止策」「原因及び再発防止策」 head measures too)
const NOT_MEASURE_TITLE = /(?:対策本部|問い?合わせ|窓口|お願い|経緯|概要|原因(?!と|及び|および|並びに|・|、))/;
// a sentence that introduces a list of measures
const INTRO =
  /(?:(?:以下|次|下記)の(?:対策|取り?組み?|措置|再発防止策|改善策|点|事項)|(?:以下|次|下記)を(?:実施|徹底)|再発防止[^。]{0,24}(?:以下|次|下記)の?(?:とおり|通り|対策|取り?組|措置)|(?:以下|次|下記)のとおり[^。]{0,12}(?:再発防止|対策))/;
const MAX_ITEMS = 30;
const READER_REQUEST = /(?:ご注意|お願い|ください|下さい)/;

// where the contact part starts when it has no heading of its own; list lines after it are contact details
const CONTACT_LINE = /^\s*(?:[【<＜(]?\s*)?(?:本件に関する)?(?:お?問い?合わせ|お問合せ|窓口|連絡先|照会先)/;
const CONTACT_ITEM = /^\s*(?:電話|TEL|Tel|FAX|受付時間|メール|E-?mail|URL|住所)\s*(?:番号|アドレス)?\s*:|https?:\/\//;

// a dated line is an event of the timeline, not a measure
const DATED_ITEM = /^[0-9]{1,2}月[0-9]{1,2}日|^令和|^平成|^20[0-9]{2}年/;

interface Item extends NSpan {
  text: string;
}

/** The first line of `text`, trimmed. */
function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return (nl < 0 ? text : text.slice(0, nl)).trim();
}

function itemsAfter(lines: TextLine[], stopAtProse = true): Item[] {
  const cut = lines.findIndex((l) => CONTACT_LINE.test(l.text));
  if (cut >= 0) lines = lines.slice(0, cut);
  const out: Item[] = [];
  for (const it of listItems(lines, { stopAtProse })) {
    if (CONTACT_ITEM.test(it.text) || DATED_ITEM.test(it.text.trim())) continue;
    out.push({ text: firstLine(it.text), start: it.start, end: it.end });
    if (out.length === MAX_ITEMS) break;
  }
  return out;
}

/** Titled sections that may hold measures: the 再発防止 ones and the other measure ones, in text order. */
function measureSections(sections: Section[]): { prevention: Section[]; other: Section[] } {
  const prevention: Section[] = [];
  const other: Section[] = [];
  for (const s of sections) {
    if (s.heading === null || s.heading.start === 0 || NOT_MEASURE_TITLE.test(s.title)) continue;
    if (PREVENTION_TITLE.test(s.title)) prevention.push(s);
    else if (MEASURE_TITLE.test(s.title)) other.push(s);
  }
  return { prevention, other };
}

function itemsResult(items: Item[]): FieldResult<string[]> {
  return result(items.map((i) => i.text), items.map((i): NSpan => ({ start: i.start, end: i.end })));
}

export function extractCountermeasures(ctx: ExtractContext): FieldResult<string[]> {
  const text = ctx.text;
  const { prevention, other } = measureSections(sectionsOf(ctx));
  // the most specific section with a list wins (「原因と再発防止について」 > 「□再発防止」 sub-heading)
  for (let k = prevention.length - 1; k >= 0; k--) {
    const items = itemsAfter(prevention[k]!.lines, false);
    if (items.length > 0) return itemsResult(items);
  }
  for (const section of other) {
    // a 今後の対応 list mixes measures with response steps (contacting customers, a help desk, reports)
    const items = itemsAfter(section.lines, false).filter((i) => !RESPONSE_STEP.test(i.text));
    if (items.length > 0) return itemsResult(items);
  }
  // a list introduced in running text: 「今後は、次の対策を徹底し、再発防止に努めてまいります。」
  // (a line can only match INTRO when the whole text does: one search of the text skips the line loop
  // for most notices; the empty line ctx.lines may end with is passed over like any blank line)
  const lines = INTRO.test(text) ? ctx.lines : [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!INTRO.test(line.text) || line.text.length > 300) continue;
    // 「以下の点にご注意ください」 introduces advice to readers, not measures
    if (READER_REQUEST.test(line.text)) continue;
    // the list must start right below the intro
    let j = i + 1;
    while (j < lines.length && lines[j]!.text.trim().length === 0) j++;
    if (j >= lines.length || lineMarker(lines[j]!.text) === null) continue;
    const items = itemsAfter(lines.slice(j, j + MAX_ITEMS * 3));
    if (items.length > 0) return itemsResult(items);
  }
  // measures stated in prose
  const section = prevention[0] ?? other[0];
  const scope = section ? { start: section.start, end: section.end } : null;
  const prose = concreteMeasures(text, scope, prevention.length > 0);
  return result(prose.map((p) => p.text), prose.map((p): NSpan => ({ start: p.start, end: p.end })));
}
