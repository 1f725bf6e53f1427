// Notice text with some character ranges marked. Text is rendered as text nodes (Preact escapes it), never HTML.
import { useEffect, useRef } from 'preact/hooks';
import type { Span } from '../types.js';

/** Split text into plain and marked pieces; overlapping or out-of-range spans are merged and clamped. */
export function markSegments(text: string, spans: Span[]): { text: string; mark: boolean }[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, Math.min(text.length, s.start)), end: Math.max(0, Math.min(text.length, s.end)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const out: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const s of merged) {
    if (s.start > at) out.push({ text: text.slice(at, s.start), mark: false });
    out.push({ text: text.slice(s.start, s.end), mark: true });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

export function Highlighted({ text, spans }: { text: string; spans: Span[] }) {
  const ref = useRef<HTMLPreElement>(null);
  useEffect(() => {
    ref.current?.querySelector('mark')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [spans]);
  return (
    <pre class="notice" ref={ref} data-testid="notice-text">
      {markSegments(text, spans).map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}
    </pre>
  );
}
