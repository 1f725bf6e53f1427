// The publication date a container gives (meta tags, <time>, feed fields), as ISO YYYY-MM-DD. Dates written
// in the notice text are left to extract/, which knows a reference to an earlier notice from the notice's own date.
import { findDates, normalize } from '../text/index.js';

/** ISO date from a machine-readable value (ISO 8601, RFC 822 feed dates, 2024/05/01), else from Japanese text. */
export function isoFromValue(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const v = value.trim().slice(0, 200);
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(v);
  if (iso) return check(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (/^[A-Za-z]{3},?\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{4}/.test(v) || /^\d{1,2}\s+[A-Za-z]{3}\s+\d{4}/.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return new Date(t).toISOString().slice(0, 10);
  }
  return firstDateInText(v);
}

/** The first full date written in a stretch of text (title block, byline). */
export function firstDateInText(text: string): string | undefined {
  const nt = normalize(text.slice(0, 2000)).text;
  for (const d of findDates(nt)) if (d.kind === 'full' && d.iso) return d.iso;
  return undefined;
}

function check(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
