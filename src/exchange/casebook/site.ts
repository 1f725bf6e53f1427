// Cases → a static casebook site that opens from the file system (relative links, no script):
// index.html (by month and by category), cases/<id>.html (record, highlighted evidence, versions).
// Every piece of notice text is HTML-escaped; links only for http(s) URLs.
import { createHash } from 'node:crypto';
import { CATEGORIES, type Incident, type Span } from '../../model/index.js';
import type { ExportCase } from '../common.js';
import { escapeHtml as h, safeHref } from '../html.js';

const MAX_TEXT = 500_000;

const CSS = `body{font-family:system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#222}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{width:12rem;color:#555;font-weight:600}mark{background:#ffe58a}mark[title]{cursor:help}
.notice{white-space:pre-wrap;border:1px solid #ddd;padding:1rem;background:#fafafa}
nav a{margin-right:1rem}h2{margin-top:2rem;border-bottom:2px solid #333}ul.cases{padding-left:1.2rem}
.meta{color:#666;font-size:.9em}`;

/** A file name for a case id: safe characters only, stable, never a path. */
export function casePageName(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
  return safe === id ? `${safe}.html` : `${safe}-${createHash('sha256').update(id).digest('hex').slice(0, 8)}.html`;
}

function page(title: string, body: string, root: string): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${h(title)}</title><style>${CSS}</style></head>
<body><nav><a href="${root}index.html">事件簿 casebook</a></nav>
${body}
</body></html>
`;
}

/** The notice text with evidence spans wrapped in <mark title="fields">, everything escaped. */
export function highlightEvidence(r: Incident): string {
  const text = r.text.slice(0, MAX_TEXT);
  const marks: { start: number; end: number; field: string }[] = [];
  for (const [field, spans] of Object.entries(r.evidence) as [string, Span[] | undefined][])
    for (const s of spans ?? []) {
      const start = Math.max(0, Math.min(text.length, s.start));
      const end = Math.max(start, Math.min(text.length, s.end));
      if (end > start) marks.push({ start, end, field });
    }
  // cut the text at every span boundary; each piece is marked with the fields covering it
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const fields = marks.filter((m) => m.start <= a && m.end >= b).map((m) => m.field);
    const piece = h(text.slice(a, b));
    out += fields.length ? `<mark title="${h([...new Set(fields)].join(', '))}">${piece}</mark>` : piece;
  }
  return out + (r.text.length > MAX_TEXT ? '\n…' : '');
}

function recordTable(r: Incident): string {
  const row = (k: string, v: string | null) => (v ? `<tr><th>${h(k)}</th><td>${v}</td></tr>` : '');
  const list = (xs: readonly string[]) => (xs.length ? h(xs.join(', ')) : null);
  const url = safeHref(r.source.url);
  const indicators = Object.entries(r.indicators).flatMap(([k, vs]) => (vs as string[]).map((v) => `${k}: ${v}`));
  return `<table>
${row('caseId', r.caseId ? h(r.caseId) : null)}${row('organization', r.organization ? h(r.organization) : null)}${row('other organizations', list(r.otherOrganizations.map((p) => `${p.name} (${p.role})`)))}
${row('published', r.publishedAt)}${row('discovered', r.discoveredAt)}${row('occurred', r.occurredFrom || r.occurredTo ? h(`${r.occurredFrom ?? '?'} – ${r.occurredTo ?? '?'}`) : null)}
${row('categories', list(r.categories))}${row('affected', r.affectedCount !== null ? h(`${r.affectedApprox ? '約' : ''}${r.affectedCount.toLocaleString('en-US')}${r.affectedUnit ?? ''}`) : null)}
${row('data items', list(r.dataItems))}${row('not included', list(r.excludedDataItems))}${row('leak status', r.leakStatus)}
${row('authorities notified', list(r.authoritiesNotified))}${row('countermeasures', r.countermeasures.length ? `<ul>${r.countermeasures.map((c) => `<li>${h(c)}</li>`).join('')}</ul>` : null)}
${row('timeline', r.timeline.length ? `<ul>${r.timeline.map((e) => `<li>${h(e.date)}${e.time ? ` ${h(e.time)}` : ''} ${h(e.text)}</li>`).join('')}</ul>` : null)}
${row('indicators', indicators.length ? `<ul>${indicators.map((x) => `<li><code>${h(x)}</code></li>`).join('')}</ul>` : null)}
${row('source', url ? `<a href="${url}" rel="noopener noreferrer">${url}</a>` : r.source.url ? h(r.source.url) : r.source.path ? h(r.source.path) : null)}
</table>`;
}

function casePage(c: ExportCase): string {
  const r = c.record;
  const versions = c.versions?.length
    ? `<h2>Versions</h2><ol>${c.versions
        .map((v) => `<li>${h(v.label ?? `version ${v.version}`)} — ${h(v.record.publishedAt ?? v.ingestedAt.slice(0, 10))}: ${h(v.record.title)}</li>`)
        .join('')}</ol>`
    : '';
  return page(
    r.title || c.id,
    `<h1>${h(r.title || c.id)}</h1>
<p class="meta">${h(c.id)} · updated ${h(c.updatedAt.slice(0, 10))}</p>
<h2>Record</h2>
${recordTable(r)}
<h2>Notice text and evidence</h2>
<div class="notice">${highlightEvidence(r)}</div>
${versions}`,
    '../',
  );
}

const monthOf = (c: ExportCase) => (c.record.publishedAt ?? c.createdAt).slice(0, 7) || 'unknown';

function indexPage(cases: ExportCase[]): string {
  const item = (c: ExportCase) =>
    `<li><a href="cases/${h(casePageName(c.id))}">${h(c.record.title || c.id)}</a> <span class="meta">${h(c.record.organization ?? '')} ${h(c.record.publishedAt ?? '')}</span></li>`;
  const byMonth = new Map<string, ExportCase[]>();
  for (const c of cases) (byMonth.get(monthOf(c)) ?? byMonth.set(monthOf(c), []).get(monthOf(c))!).push(c);
  const months = [...byMonth.keys()].sort().reverse();
  const cats = CATEGORIES.filter((cat) => cases.some((c) => c.record.categories.includes(cat)));
  return page(
    '事件簿 casebook',
    `<h1>事件簿 casebook</h1><p class="meta">${cases.length} cases</p>
<nav><a href="#by-month">by month</a><a href="#by-category">by category</a></nav>
<h2 id="by-month">By month</h2>
${months.map((m) => `<h3 id="m-${h(m)}">${h(m)}</h3><ul class="cases">${byMonth.get(m)!.map(item).join('')}</ul>`).join('\n')}
<h2 id="by-category">By category</h2>
${cats.map((cat) => `<h3 id="c-${h(cat)}">${h(cat)}</h3><ul class="cases">${cases.filter((c) => c.record.categories.includes(cat)).map(item).join('')}</ul>`).join('\n')}`,
    '',
  );
}

/** The case pages alone (relative path → content), for writing a large casebook page by page. */
export function casebookPages(cases: Iterable<ExportCase>): Map<string, string> {
  const files = new Map<string, string>();
  for (const c of cases) files.set(`cases/${casePageName(c.id)}`, casePage(c));
  return files;
}

/** The index page; it reads only titles, organizations, dates and categories, so records may come without text. */
export function casebookIndex(cases: Iterable<ExportCase>): string {
  return indexPage([...cases].sort((a, b) => (monthOf(a) < monthOf(b) ? 1 : monthOf(a) > monthOf(b) ? -1 : a.id.localeCompare(b.id))));
}

/** relative path → file content */
export function exportCasebook(cases: Iterable<ExportCase>): Map<string, string> {
  const list = [...cases].sort((a, b) => (monthOf(a) < monthOf(b) ? 1 : monthOf(a) > monthOf(b) ? -1 : a.id.localeCompare(b.id)));
  // styles are inlined: a page opened from the file system should not depend on its neighbours
  const files = new Map<string, string>([['index.html', indexPage(list)]]);
  for (const c of list) files.set(`cases/${casePageName(c.id)}`, casePage(c));
  return files;
}
