// Archive pages: one page holding several notices. A casebook blog's monthly page carries one
// 【セキュリティ事件簿#YYYY-NNN】 heading per post; each heading starts a notice.

const CASE_HEADING = /^[ \t\u3000]*【セキュリティ事件簿[#＃][^】\n]{1,40}】/;

export interface Part {
  title?: string;
  text: string;
}

/** Lines that start a casebook post. */
function headingLines(lines: string[]): number[] {
  const at: number[] = [];
  for (let i = 0; i < lines.length; i++) if (CASE_HEADING.test(lines[i].slice(0, 80))) at.push(i);
  return at;
}

/** Splits text with two or more casebook headings into one part per post; null when it is one notice. */
export function splitCasebookText(text: string, max: number): Part[] | null {
  const lines = text.split('\n');
  const at = headingLines(lines);
  if (at.length < 2) return null;
  const parts: Part[] = [];
  for (let k = 0; k < at.length && parts.length < max; k++) {
    const body = lines.slice(at[k], k + 1 < at.length ? at[k + 1] : lines.length).join('\n').trim();
    parts.push({ title: lines[at[k]].trim(), text: body });
  }
  return parts;
}
