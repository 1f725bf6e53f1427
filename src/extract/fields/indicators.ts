// The record's `indicators`: indicators of the attack only. The IoC engine finds every indicator; this
// module drops what a notice mentions for other reasons — the organization's own domains and contact
// addresses, example placeholders and masked values — and keeps URL hosts and e-mail domains out of
// `domains` (they are already in `urls` / `emails`).
import { emptyIndicators, type Indicators } from '../../model/index.js';
import { findIndicators, type IndicatorHit } from '../../ioc/index.js';
import type { ExtractContext, FieldResult, NSpan } from '../context.js';
import { result } from '../context.js';

const RECORD_TYPES = new Set<keyof Indicators>(['urls', 'domains', 'ipv4s', 'ipv6s', 'emails', 'md5s', 'sha1s', 'sha256s', 'cves']);

// A line that speaks of the organization itself or how to reach it.
const OWN_CUE =
  /当社|弊社|当行|当金庫|当庫|本学|本校|当校|当協会|当院|当館|当店|当法人|当組合|当機構|当団体|当財団|当センター|当市|当町|当村|当グループ|弊行|弊学|正規|公式|お問い?合わ?せ|問合せ|窓口|連絡先|相談|受付|Eメール|E-mail|e-mail|メール[:：]|TEL|電話/;
// A line that speaks of the attack.
const ATTACK_CUE =
  /送信元|差出人|誘導|偽|不審|攻撃|不正|フィッシング|悪意|悪性|C2|C&C|マルウェア|ウイルス|ウィルス|通信先|接続元|アクセス元|踏み台|ダウンロード先|配信元|送信先|感染|改ざん|詐欺|スパム|IPアドレス|IoC|侵入|詐称|なりすまし|騙|かたる|装った|偽装|遮断|ブロック|アクセスしないで|開かないで|クリックしないで|malicious|phishing|attacker|C2/i;
// a statement of the organization's own address ("当社のメールアドレスは…", "正規のアドレス") wins over
// attack words on the same line ("the spoofed sender is our real address" is still our address)
const OWN_STATEMENT =
  /(?:当|弊|本)(?:社|学|校|金庫|庫|協会|行|院|館|店|法人|組合|機構|団体|財団|センター|市|町|村|グループ)(?:から)?の(?:正規の|公式の)?(?:メール)?(?:アドレス|ドメイン|メール)|正規|公式/;
// authorities' and vendors' advisories cited as references
const REFERENCE_HOST = /(?:^|\.)(?:go\.jp|lg\.jp|jpcert\.or\.jp|jvn\.jp|nist\.gov|mitre\.org|cisa\.gov)$/;
// always about the attack when present: vulnerabilities exploited, files found
const ALWAYS_ATTACK = new Set(['cves', 'md5s', 'sha1s', 'sha256s']);

const BULLET = /^\s*(?:[・\-*•◆◇■□▶►>]|\d+[.)]|[(（]\d+[)）])\s*/;
const PLACEHOLDER_LABELS = new Set(['example', 'sample', 'dummy', 'yourdomain', 'your-domain', 'domain', 'xxxx', 'test']);
const SECOND_LEVEL = new Set(['co', 'or', 'ne', 'ac', 'go', 'lg', 'ed', 'gr', 'ad', 'com', 'net', 'org', 'gov', 'edu']);

function lineAt(text: string, pos: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  const nl = text.indexOf('\n', pos);
  return { start, end: nl < 0 ? text.length : nl };
}

// A line that is one item of a list of values: a bullet, or a bare value with no Japanese words.
const SIBLING_VALUE = /^[\s\x21-\x7e\uff01-\uff5e]{1,200}$/;

/** The line of an occurrence, plus the lead-in line above when it is an item of a list. */
function contextOf(text: string, pos: number): string {
  const line = lineAt(text, pos);
  const own = text.slice(line.start, line.end);
  let prevEnd = line.start - 1;
  const parts = [own];
  const item = BULLET.test(own) || SIBLING_VALUE.test(own) || own.trim().length < 60;
  // walk up over sibling items to the line that introduces the list (at most 8 lines)
  for (let i = 0; i < 8 && prevEnd > 0 && item; i++) {
    const prev = lineAt(text, prevEnd);
    const s = text.slice(prev.start, prev.end);
    if (s.trim() === '') break;
    if (!BULLET.test(s) && !SIBLING_VALUE.test(s)) {
      parts.push(s);
      break;
    }
    prevEnd = prev.start - 1;
  }
  return parts.join('\n');
}

/** An own-address statement ends at most a few characters before `pos` in `line`. */
function ownStatementJustBefore(line: string, pos: number): boolean {
  const re = new RegExp(OWN_STATEMENT.source, 'g');
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    const gap = pos - (m.index + m[0].length);
    if (gap >= 0 && gap <= 24 && !ATTACK_CUE.test(line.slice(m.index + m[0].length, pos))) return true;
  }
  return false;
}

function hostOf(h: IndicatorHit): string | null {
  if (h.type === 'domains') return h.value;
  if (h.type === 'emails') return h.value.slice(h.value.lastIndexOf('@') + 1);
  if (h.type === 'urls') {
    const m = /^[a-z]+:\/\/(?:[^/?#@]*@)?([^/?#:[\]]+)/.exec(h.value);
    return m ? m[1] : null;
  }
  return null;
}

/** example.co.jp → example.co.jp; mail.example.com → example.com (enough to recognize one's own domain). */
function registrable(host: string): string {
  const labels = host.split('.');
  const n = labels.length;
  if (n >= 3 && labels[n - 1].length === 2 && SECOND_LEVEL.has(labels[n - 2])) return labels.slice(n - 3).join('.');
  return labels.slice(Math.max(0, n - 2)).join('.');
}

function isPlaceholder(h: IndicatorHit): boolean {
  const host = hostOf(h);
  const local = h.type === 'emails' ? h.value.slice(0, h.value.lastIndexOf('@')) : '';
  const labels = host ? host.split('.') : [];
  // a label of one repeated character (xxx, aaa) is a mask — except the www of real hosts
  if (labels.some((l) => PLACEHOLDER_LABELS.has(l) || (l !== 'www' && /^(.)\1+$/.test(l)))) return true;
  if (local && (/^(.)\1+$/.test(local) || /^x{3,}/i.test(local))) return true;
  return /[x]{3,}\./i.test(h.raw) || /\*{2,}/.test(h.raw);
}

export function extractAttackIndicators(ctx: ExtractContext, _organization: string | null): FieldResult<Indicators> {
  const text = ctx.text;
  const hits = findIndicators(text).filter((h) => RECORD_TYPES.has(h.type as keyof Indicators));
  if (hits.length === 0) return result(emptyIndicators());

  // first: which occurrences are the organization's own (contact points, its official domains)
  const own = new Set<IndicatorHit>();
  const ownDomains = new Set<string>();
  for (const h of hits) {
    if (ALWAYS_ATTACK.has(h.type)) continue;
    const span = lineAt(text, h.start);
    const line = text.slice(span.start, span.end);
    const host = hostOf(h);
    if (h.defanged) {
      // even defanged, "当社の正規のアドレス（info[@]example[.]co[.]jp）が詐称され…" is the organization's own
      if (ownStatementJustBefore(line, h.start - span.start)) {
        own.add(h);
        if (host) ownDomains.add(registrable(host));
      }
      continue;
    }
    const around = contextOf(text, h.start);
    if (OWN_CUE.test(line) && (!ATTACK_CUE.test(line) || OWN_STATEMENT.test(line))) {
      own.add(h);
      if (host) ownDomains.add(registrable(host));
    } else if (!ATTACK_CUE.test(around) || (host && REFERENCE_HOST.test(host))) {
      own.add(h); // a plainly written address with nothing about an attack around it, or a cited advisory
    }
  }

  const out = emptyIndicators();
  const seen = new Set<string>();
  const evidence: NSpan[] = [];
  for (const h of hits) {
    if (own.has(h) || isPlaceholder(h)) continue;
    if (h.type === 'domains' && h.context !== 'bare') continue;
    const host = hostOf(h);
    if (host && ownDomains.has(registrable(host))) continue;
    const key = `${h.type}\u0000${h.value}`;
    evidence.push({ start: h.start, end: h.end });
    if (seen.has(key)) continue;
    seen.add(key);
    out[h.type as keyof Indicators].push(h.value);
  }
  // a bare domain that is also a URL host or e-mail domain in this notice is not repeated
  const hostsElsewhere = new Set<string>();
  for (const u of out.urls) {
    const m = /^[a-z]+:\/\/(?:[^/?#@]*@)?([^/?#:[\]]+)/.exec(u);
    if (m) hostsElsewhere.add(m[1]);
  }
  for (const e of out.emails) hostsElsewhere.add(e.slice(e.lastIndexOf('@') + 1));
  out.domains = out.domains.filter((d) => !hostsElsewhere.has(d));
  return result(out, evidence);
}
