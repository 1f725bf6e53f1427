// Refanging: turns defanged notation (hxxp, [.], (dot), [@], [://] …) back into the characters it stands for,
// only where it sits inside a candidate token (a word character on both sides), and remembers every
// substitution so that offsets in the refanged text map back to the text it came from.

interface Swap {
  /** span in the refanged text */
  r0: number;
  r1: number;
  /** span in the source text */
  s0: number;
  s1: number;
}

export interface Refanged {
  text: string;
  /** source offset of the character at refanged offset p (span start) */
  mapStart(p: number): number;
  /** source offset just after the character before refanged offset p (span end) */
  mapEnd(p: number): number;
  /** a substitution happened inside [a, b) of the refanged text */
  defangedWithin(a: number, b: number): boolean;
}

// One pass, fixed-length alternatives only (linear): the scheme forms and the bracketed separators.
const CANDIDATE =
  /h(?:xx|\*\*)ps?(?=\[?:)|fxps?(?=\[?:)|ttps?(?=:\/\/|\[:)|\[(?:\.|dot|:\/\/|:|@|at)\]|\((?:\.|dot|@|at)\)|\{(?:\.|dot|@|at)\}/gi;

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}
function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function refang(src: string): Refanged {
  const swaps: Swap[] = [];
  const parts: string[] = [];
  let last = 0; // next source offset not yet copied
  let outLen = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(src); m !== null; m = CANDIDATE.exec(src)) {
    const token = m[0];
    let s0 = m.index;
    let s1 = s0 + token.length;
    const lower = token.toLowerCase();
    let replacement: string;
    const before = s0 > 0 ? src.charCodeAt(s0 - 1) : 32;
    if (lower[0] === 'h' || lower[0] === 'f' || lower[0] === 't') {
      // a scheme: must start a word
      if (isAlnumCode(before)) continue;
      const secure = lower.endsWith('s');
      replacement = lower[0] === 'f' ? (secure ? 'ftps' : 'ftp') : secure ? 'https' : 'http';
    } else {
      const inner = lower.slice(1, -1);
      if (inner === '://' || inner === ':') {
        if (!isAlnumCode(before)) continue;
        replacement = inner;
      } else {
        replacement = inner === '.' || inner === 'dot' ? '.' : '@';
        // a separator needs a word character on each side, allowing one space each side (" [.] ")
        let a = s0;
        let b = s1;
        if (src.charCodeAt(a - 1) === 32 && src.charCodeAt(b) === 32) {
          a--;
          b++;
        }
        if (a < last || a === 0 || !isWordCode(src.charCodeAt(a - 1)) || !isWordCode(src.charCodeAt(b))) continue;
        // prose like "look (at) this" becomes "look@this", which the e-mail validator then rejects
        // (no public domain after the '@')
        s0 = a;
        s1 = b;
      }
    }
    if (s0 < last) continue;
    if (s0 > last) {
      parts.push(src.slice(last, s0));
      outLen += s0 - last;
    }
    swaps.push({ r0: outLen, r1: outLen + replacement.length, s0, s1 });
    parts.push(replacement);
    outLen += replacement.length;
    last = s1;
  }
  if (swaps.length === 0) return new SwapMap(src, swaps);
  parts.push(src.slice(last));
  return new SwapMap(parts.join(''), swaps);
}

// A class rather than closures: refang runs once per stretch of text, so per-call allocations matter.
class SwapMap implements Refanged {
  constructor(
    readonly text: string,
    private readonly swaps: Swap[],
  ) {}

  /** index of the last swap with r0 <= p (or -1) */
  private find(p: number): number {
    const swaps = this.swaps;
    let lo = 0;
    let hi = swaps.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (swaps[mid].r0 <= p) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  }

  mapStart(p: number): number {
    if (this.swaps.length === 0) return p;
    const k = this.find(p);
    if (k < 0) return p;
    const s = this.swaps[k];
    return p < s.r1 ? s.s0 : p - s.r1 + s.s1;
  }

  mapEnd(p: number): number {
    if (this.swaps.length === 0) return p;
    const k = this.find(p - 1);
    if (k < 0) return p;
    const s = this.swaps[k];
    return p <= s.r1 ? s.s1 : p - s.r1 + s.s1;
  }

  defangedWithin(a: number, b: number): boolean {
    if (this.swaps.length === 0) return false;
    const k = this.find(b - 1);
    return k >= 0 && this.swaps[k].r1 > a;
  }
}
