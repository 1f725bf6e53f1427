// STIX 2.1 patterning: building patterns for our indicators, reading simple equality patterns back, and a
// syntax check for the grammar (STIXPattern.g4) — the JSON schemas do not parse patterns.
import type { Indicators } from '../../model/index.js';

export type IndicatorKind = keyof Indicators;

/** Escape a value for a single-quoted STIX string literal. */
export function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const PATH_BY_KIND: Partial<Record<IndicatorKind, string>> = {
  urls: 'url:value',
  domains: 'domain-name:value',
  ipv4s: 'ipv4-addr:value',
  ipv6s: 'ipv6-addr:value',
  emails: 'email-addr:value',
  md5s: "file:hashes.MD5",
  sha1s: "file:hashes.'SHA-1'",
  sha256s: "file:hashes.'SHA-256'",
};

export function patternFor(kind: IndicatorKind, value: string): string | null {
  const path = PATH_BY_KIND[kind];
  return path ? `[${path} = ${quote(value)}]` : null;
}

/** The (kind, value) pairs of every `path = 'literal'` comparison in a pattern we understand. */
export function indicatorsInPattern(pattern: string): { kind: IndicatorKind; value: string }[] {
  const out: { kind: IndicatorKind; value: string }[] = [];
  let tokens: Token[];
  try {
    tokens = tokenize(pattern);
  } catch {
    return out;
  }
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, op, b] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (a.t !== 'path' || op.t !== 'op' || op.v !== '=' || b.t !== 'string') continue;
    const path = a.v.replace(/'/g, '').toLowerCase();
    const kind = (
      {
        'url:value': 'urls',
        'domain-name:value': 'domains',
        'ipv4-addr:value': 'ipv4s',
        'ipv6-addr:value': 'ipv6s',
        'email-addr:value': 'emails',
        'file:hashes.md5': 'md5s',
        'file:hashes.sha-1': 'sha1s',
        'file:hashes.sha1': 'sha1s',
        'file:hashes.sha-256': 'sha256s',
        'file:hashes.sha256': 'sha256s',
      } as Record<string, IndicatorKind>
    )[path];
    if (kind) out.push({ kind, value: b.v });
  }
  return out;
}

type Token =
  | { t: 'path'; v: string }
  | { t: 'op'; v: string }
  | { t: 'string'; v: string }
  | { t: 'literal'; v: string }
  | { t: 'punct'; v: string }
  | { t: 'word'; v: string };

const WORDS = new Set(['AND', 'OR', 'NOT', 'FOLLOWEDBY', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET', 'IN', 'WITHIN', 'SECONDS', 'REPEATS', 'TIMES', 'START', 'STOP']);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error('unterminated string');
        const d = src[i];
        if (d === '\\') {
          const n = src[i + 1];
          if (n !== '\\' && n !== "'") throw new Error('bad escape');
          v += n;
          i += 2;
        } else if (d === "'") {
          i++;
          break;
        } else {
          v += d;
          i++;
        }
      }
      out.push({ t: 'string', v });
      continue;
    }
    if ('[]()'.includes(c) || c === ',') {
      out.push({ t: 'punct', v: c });
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['!=', '<=', '>=', '<>'].includes(two)) {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('=<>'.includes(c)) {
      out.push({ t: 'op', v: c });
      i++;
      continue;
    }
    // t'…' timestamps, h'…' hex, b'…' binary literals
    if (/[thb]/.test(c) && src[i + 1] === "'") {
      const end = src.indexOf("'", i + 2);
      if (end < 0) throw new Error('unterminated literal');
      out.push({ t: 'literal', v: src.slice(i, end + 1) });
      i = end + 1;
      continue;
    }
    // object path: type ':' property ( '.' key | '[' index ']' )*  where keys may be quoted
    const m = /^[a-z0-9][a-z0-9-]*:/.exec(src.slice(i, i + 260));
    if (m) {
      let j = i + m[0].length;
      let path = m[0];
      for (;;) {
        const part = /^(?:[a-z_][a-z0-9_-]*|'(?:[^'\\]|\\.)*'|\[(?:\d+|\*)\])/i.exec(src.slice(j, j + 300));
        if (!part) break;
        path += part[0];
        j += part[0].length;
        if (src[j] === '.') {
          path += '.';
          j++;
        } else if (src[j] !== '[') break;
      }
      if (path.endsWith(':') || path.endsWith('.')) throw new Error('bad object path');
      out.push({ t: 'path', v: path });
      i = j;
      continue;
    }
    const w = /^(?:-?\d+(?:\.\d+)?|[A-Za-z]+)/.exec(src.slice(i, i + 40));
    if (!w) throw new Error(`unexpected character ${JSON.stringify(c)}`);
    if (/^[A-Za-z]/.test(w[0])) {
      if (w[0] === 'true' || w[0] === 'false') out.push({ t: 'literal', v: w[0] });
      else if (WORDS.has(w[0])) out.push({ t: 'word', v: w[0] });
      else throw new Error(`unknown keyword ${w[0]}`);
    } else out.push({ t: 'literal', v: w[0] });
    i += w[0].length;
  }
  return out;
}

/**
 * True when `pattern` follows the STIX 2.1 pattern grammar: observation expressions `[comparison]` joined by
 * AND/OR/FOLLOWEDBY, with optional qualifiers, parentheses and NOT. Returns the reason otherwise.
 */
export function checkPattern(pattern: string): { ok: true } | { ok: false; reason: string } {
  let tokens: Token[];
  try {
    tokens = tokenize(pattern);
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  let p = 0;
  const peek = () => tokens[p];
  const isP = (v: string) => peek()?.t === 'punct' && peek()?.v === v;
  const isW = (v: string) => peek()?.t === 'word' && peek()?.v === v;
  const expect = (v: string) => {
    if (!isP(v)) throw new Error(`expected ${v}`);
    p++;
  };
  const value = () => {
    const t = peek();
    if (t?.t === 'string' || t?.t === 'literal') {
      p++;
      return;
    }
    if (isP('(')) {
      p++;
      value();
      while (isP(',')) {
        p++;
        value();
      }
      expect(')');
      return;
    }
    throw new Error('expected a value');
  };
  const comparison = () => {
    if (isP('(')) {
      p++;
      compOr();
      expect(')');
      return;
    }
    if (peek()?.t !== 'path') throw new Error('expected an object path');
    p++;
    if (isW('NOT')) p++;
    const t = peek();
    if (t?.t === 'op') p++;
    else if (t?.t === 'word' && ['LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET', 'IN'].includes(t.v)) p++;
    else throw new Error('expected a comparison operator');
    value();
  };
  const compAnd = () => {
    comparison();
    while (isW('AND')) {
      p++;
      comparison();
    }
  };
  const compOr = () => {
    compAnd();
    while (isW('OR')) {
      p++;
      compAnd();
    }
  };
  const qualifiers = () => {
    for (;;) {
      if (isW('WITHIN')) {
        p++;
        if (peek()?.t !== 'literal') throw new Error('WITHIN needs a number');
        p++;
        if (!isW('SECONDS')) throw new Error('expected SECONDS');
        p++;
      } else if (isW('REPEATS')) {
        p++;
        if (peek()?.t !== 'literal') throw new Error('REPEATS needs a number');
        p++;
        if (!isW('TIMES')) throw new Error('expected TIMES');
        p++;
      } else if (isW('START')) {
        p++;
        if (peek()?.t !== 'literal') throw new Error('START needs a timestamp');
        p++;
        if (!isW('STOP')) throw new Error('expected STOP');
        p++;
        if (peek()?.t !== 'literal') throw new Error('STOP needs a timestamp');
        p++;
      } else return;
    }
  };
  const observation = () => {
    if (isP('[')) {
      p++;
      compOr();
      expect(']');
    } else if (isP('(')) {
      p++;
      obsSeq();
      expect(')');
    } else throw new Error('expected [ or (');
    qualifiers();
  };
  const obsSeq = () => {
    observation();
    while (isW('AND') || isW('OR') || isW('FOLLOWEDBY')) {
      p++;
      observation();
    }
  };
  try {
    obsSeq();
    if (p !== tokens.length) throw new Error('trailing input');
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}
