// A case: record and notice text side by side, versions, related cases, and the analyst correction form.
import { useEffect, useState } from 'preact/hooks';
import { ErrorNote } from '../components/error-note.js';
import { api, jsonBody } from '../api.js';
import { fieldLabel, t } from '../i18n.js';
import { RecordView } from '../components/record-view.js';
import type { CaseDetail, Incident } from '../types.js';

const EDITABLE = [
  'title', 'organization', 'publishedAt', 'discoveredAt', 'occurredFrom', 'occurredTo', 'categories', 'affectedCount',
  'dataItems', 'excludedDataItems', 'leakStatus', 'authoritiesNotified', 'countermeasures', 'isIncident', 'caseId',
] as const;
const LISTS = new Set(['categories', 'dataItems', 'excludedDataItems', 'authoritiesNotified', 'countermeasures']);

/** The form's text → the JSON value the API expects for that field. */
export function parseValue(field: string, raw: string): unknown {
  const s = raw.trim();
  // countermeasures are sentences (they contain 、), one per line; vocabulary lists split on commas too
  if (field === 'countermeasures') return s.split('\n').map((x) => x.trim()).filter(Boolean);
  if (LISTS.has(field)) return s === '' ? [] : s.split(/[,、\s]+/).filter(Boolean);
  if (field === 'isIncident') return s === 'true' || s === '1' || s === '✓';
  if (field === 'title') return s;
  if (s === '' || s === 'null') return null;
  if (field === 'affectedCount') return /^\d[\d,]*$/.test(s) ? Number(s.replace(/,/g, '')) : s;
  return s;
}

function currentText(field: string, r: Incident): string {
  const v = (r as unknown as Record<string, unknown>)[field];
  if (Array.isArray(v)) return v.join(field === 'countermeasures' ? '\n' : ', ');
  return v === null || v === undefined ? '' : String(v);
}

function CorrectionForm({ c, onSaved }: { c: CaseDetail; onSaved: (c: CaseDetail) => void }) {
  const [field, setField] = useState<string>('leakStatus');
  const [value, setValue] = useState(currentText('leakStatus', c.record));
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      class="correction"
      data-testid="correction-form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const updated = await api<CaseDetail>(`/api/incidents/${encodeURIComponent(c.id)}`, { method: 'PATCH', ...jsonBody({ [field]: parseValue(field, value) }) });
          setMsg({ ok: true, text: t('saved') });
          onSaved(updated);
        } catch (err) {
          setMsg({ ok: false, text: (err as Error).message });
        }
      }}
    >
      <h3>{t('correct')}</h3>
      <label>
        {t('field')}
        <select
          name="field"
          value={field}
          onChange={(e) => {
            setField(e.currentTarget.value);
            setValue(currentText(e.currentTarget.value, c.record));
            setMsg(null);
          }}
        >
          {EDITABLE.map((f) => (
            <option key={f} value={f}>
              {fieldLabel(f)} ({f})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('value')}
        <textarea name="value" rows={field === 'countermeasures' ? 5 : 2} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      </label>
      <small class="muted">{t('correctHint')}</small>
      <button type="submit">{t('saveCorrection')}</button>
      {msg && (
        <p class={msg.ok ? 'ok' : 'error'} role="status">
          {msg.text}
        </p>
      )}
    </form>
  );
}

export function CasePage({ id }: { id: string }) {
  const [c, setC] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** a version shown instead of the current record (null: the current, corrected record) */
  const [shown, setShown] = useState<number | null>(null);
  useEffect(() => {
    setC(null);
    setShown(null);
    setError(null);
    api<CaseDetail>(`/api/incidents/${encodeURIComponent(id)}`).then(setC, (e: unknown) => setError(e));
  }, [id]);
  if (error !== null) return <ErrorNote error={error} />;
  if (!c) return <p>{t('loading')}</p>;
  const version = shown === null ? null : c.versions.find((v) => v.version === shown) ?? null;
  const r = version ? version.record : c.record;
  return (
    <article class="case-page">
      <header class="case-head">
        <span class="case-id">{c.id}</span>
        <h2 data-testid="case-title">{r.title || c.id}</h2>
        {!r.isIncident && <p class="warn">{t('notIncident')}</p>}
        {(r.source.url || r.source.path) && <p class="muted source">{r.source.url ?? r.source.path}</p>}
      </header>
      {version && (
        <p class="warn" data-testid="version-banner">
          {t('showingVersion')} {version.label ?? `#${version.version}`} ·{' '}
          <button type="button" class="link" onClick={() => setShown(null)}>
            {t('backToCurrent')}
          </button>
        </p>
      )}
      <RecordView key={shown ?? 'current'} record={r} provenance={version ? undefined : c.provenance} />
      <div class="case-extra">
        <section>
          <h3>{t('versions')}</h3>
          <ol class="versions" data-testid="versions">
            {c.versions.map((v) => (
              <li key={v.version} class={shown === v.version ? 'selected' : ''}>
                <button type="button" class="link" onClick={() => setShown(shown === v.version ? null : v.version)}>
                  <strong>{v.label ?? `#${v.version}`}</strong> {v.record.publishedAt ?? ''}
                </button>{' '}
                <span class="muted">{v.record.title}</span>
              </li>
            ))}
          </ol>
        </section>
        <section>
          <h3>{t('related')}</h3>
          {c.related.length === 0 ? (
            <p class="muted">{t('none')}</p>
          ) : (
            <ul class="related" data-testid="related">
              {c.related.map((x) => (
                <li key={`${x.id}:${x.reason}`}>
                  <a href={`#/case/${encodeURIComponent(x.id)}`}>{x.title || x.id}</a> <span class="tag">{x.reason}</span> <code>{x.detail}</code>
                </li>
              ))}
            </ul>
          )}
        </section>
        <CorrectionForm key={c.updatedAt} c={c} onSaved={setC} />
      </div>
    </article>
  );
}
