// Follow-up notices (第2報, 続報, 最終報, 調査結果のご報告, or citing an earlier notice) join an existing case.

export interface FollowUp {
  /** 第1報, 第2報, 続報, 最終報, 調査結果 … or null */
  label: string | null;
  /** true when the notice presents itself as a follow-up of an earlier one */
  followUp: boolean;
}

const KANJI_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function reportNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (KANJI_DIGITS[s[1]] ?? 0);
  return KANJI_DIGITS[s] ?? 0;
}

// Bounded, linear patterns only: notice text is untrusted.
const NTH = /第\s?([0-9]{1,2}|[一二三四五六七八九十]{1,2})\s?報/;
const SEQUEL_TITLE = /続報|最終報|追加報告|調査結果|調査報告/;
const SEQUEL_BODY = /続報|最終報|調査結果(?:の|に関する)(?:ご報告|お知らせ)/;
const CITATION =
  /(?:[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日(?:付)?|先般|先日|既報|前回|これまで)[^。\n]{0,40}?(?:公表|お知らせ|ご報告|発表|公開)(?:いたしました|しました|した|のとおり|の通り|済み)/;

/** Detect a follow-up from the title and the opening of the text (NFKC-normalized here). */
export function detectFollowUp(title: string, text: string): FollowUp {
  const head = `${title}\n${text.slice(0, 800)}`.normalize('NFKC');
  const nth = NTH.exec(head);
  if (nth) {
    const n = reportNumber(nth[1]);
    return { label: `第${n}報`, followUp: n >= 2 };
  }
  const seq = SEQUEL_TITLE.exec(title.normalize('NFKC')) ?? SEQUEL_BODY.exec(text.slice(0, 300).normalize('NFKC'));
  if (seq) {
    const label = seq[0].startsWith('調査') ? '調査結果' : seq[0];
    return { label, followUp: true };
  }
  if (CITATION.test(head)) return { label: '続報', followUp: true };
  return { label: null, followUp: false };
}
