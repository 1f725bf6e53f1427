// Search: a Japanese query box, facets with counts, highlighted snippets, paging. The URL holds the query.
import { useEffect, useState } from 'preact/hooks';
import { ErrorNote } from '../components/error-note.js';
import { ExportMenu } from '../components/export-menu.js';
import { api } from '../api.js';
import { t, vocab, type UiKey } from '../i18n.js';
import { go } from '../router.js';
import type { FacetName, SearchResult } from '../types.js';

const PAGE = 20;
/** facet in the reply → its query parameter */
const FACETS: { name: FacetName; param: string; label: UiKey; single?: boolean }[] = [
  { name: 'category', param: 'category', label: 'facetCategory' },
  { name: 'dataItem', param: 'dataItem', label: 'facetDataItem' },
  { name: 'year', param: 'year', label: 'facetYear', single: true },
  { name: 'leakStatus', param: 'leak', label: 'facetLeakStatus', single: true },
  { name: 'authority', param: 'authority', label: 'facetAuthority' },
];

export function SearchPage({ params }: { params: URLSearchParams }) {
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState(params.get('q') ?? '');
  const key = params.toString();

  useEffect(() => {
    setDraft(params.get('q') ?? '');
    const q = new URLSearchParams(params);
    q.set('limit', String(PAGE));
    let live = true;
    api<SearchResult>(`/api/incidents?${q}`)
      .then((r) => live && (setResult(r), setError(null)))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [key]);

  const update = (change: (p: URLSearchParams) => void) => {
    const p = new URLSearchParams(params);
    change(p);
    p.delete('offset');
    go('/', p);
  };
  const toggle = (param: string, value: string, single?: boolean) =>
    update((p) => {
      const has = p.getAll(param).includes(value);
      const rest = p.getAll(param).filter((v) => v !== value);
      p.delete(param);
      if (!single) for (const v of rest) p.append(param, v);
      if (!has) p.append(param, value);
    });
  const offset = Number(params.get('offset') ?? 0);
  const page = (o: number) => {
    const p = new URLSearchParams(params);
    if (o > 0) p.set('offset', String(o));
    else p.delete('offset');
    go('/', p);
  };

  return (
    <div class="search-page">
      <form
        class="search-box"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update((p) => (draft.trim() ? p.set('q', draft.trim()) : p.delete('q')));
        }}
      >
        <input type="search" name="q" value={draft} placeholder={t('searchPlaceholder')} onInput={(e) => setDraft(e.currentTarget.value)} aria-label={t('search')} />
        <button type="submit">{t('search')}</button>
      </form>
      {error !== null && <ErrorNote error={error} />}
      <div class="search-layout">
        <aside class="facets" data-testid="facets">
          {result &&
            FACETS.map((f) => {
              const counts = Object.entries(result.facets[f.name] ?? {}).sort((a, b) => (f.name === 'year' ? b[0].localeCompare(a[0]) : b[1] - a[1]));
              if (counts.length === 0) return null;
              return (
                <fieldset key={f.name}>
                  <legend>{t(f.label)}</legend>
                  {counts.slice(0, 12).map(([value, n]) => (
                    <label key={value}>
                      <input type="checkbox" checked={params.getAll(f.param).includes(value)} onChange={() => toggle(f.param, value, f.single)} />
                      <span>{f.name === 'year' ? value : vocab(value)}</span> <span class="count">{n}</span>
                    </label>
                  ))}
                </fieldset>
              );
            })}
          <label class="all">
            <input type="checkbox" checked={params.get('all') === 'true'} onChange={() => update((p) => (p.get('all') ? p.delete('all') : p.set('all', 'true')))} />
            {t('includeAll')}
          </label>
        </aside>
        <section class="results" aria-live="polite">
          {!result && !error && <p>{t('loading')}</p>}
          {result && (
            <>
              <div class="results-head">
                <p class="total" data-testid="total">
                  {result.total.toLocaleString()} {t('results')}
                </p>
                {result.total > 0 && <ExportMenu params={params} />}
              </div>
              {result.hits.length === 0 && <p>{t('noResults')}</p>}
              <ol class="hits">
                {result.hits.map((h) => (
                  <li key={h.id} class="hit">
                    <a href={`#/case/${encodeURIComponent(h.id)}`} class="hit-title">
                      {h.title || h.id}
                    </a>
                    <div class="hit-meta">
                      <span class="case-id">{h.id}</span>
                      {h.organization && <span>{h.organization}</span>}
                      {h.publishedAt && <span>{h.publishedAt}</span>}
                      {h.affectedCount !== null && <span>{h.affectedCount.toLocaleString()}</span>}
                      {h.leakStatus && <span class={`leak leak-${h.leakStatus}`}>{vocab(h.leakStatus)}</span>}
                      {h.categories.map((c) => (
                        <span class="tag" key={c}>
                          {vocab(c)}
                        </span>
                      ))}
                    </div>
                    <p class="snippet">{h.snippet.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : s.text))}</p>
                  </li>
                ))}
              </ol>
              <nav class="pager">
                <button type="button" disabled={offset === 0} onClick={() => page(Math.max(0, offset - PAGE))}>
                  {t('prev')}
                </button>
                <span>
                  {result.total === 0 ? 0 : offset + 1}–{Math.min(offset + PAGE, result.total)} / {result.total}
                </span>
                <button type="button" disabled={offset + PAGE >= result.total} onClick={() => page(offset + PAGE)}>
                  {t('next')}
                </button>
              </nav>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
