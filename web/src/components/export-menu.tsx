// Download the current search's cases in an exchange format. Fetched with the token, saved from a Blob.
import { useState } from 'preact/hooks';
import { getToken } from '../api.js';
import { t } from '../i18n.js';

const FORMATS = [
  ['csv', 'csv'],
  ['stix', 'json'],
  ['misp', 'json'],
  ['veris', 'json'],
  ['atom', 'atom'],
] as const;
/** search parameters the export endpoint also understands */
const FILTERS = ['q', 'category', 'dataItem', 'authority', 'org', 'since', 'until', 'year', 'minAffected', 'leak', 'all'];

export function ExportMenu({ params }: { params: URLSearchParams }) {
  const [error, setError] = useState<string | null>(null);
  const download = async (format: string, ext: string) => {
    setError(null);
    const q = new URLSearchParams();
    for (const [k, v] of params) if (FILTERS.includes(k)) q.append(k, v);
    q.set('format', format);
    const token = getToken();
    const res = await fetch(`/api/export?${q}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(body?.error?.message ?? `HTTP ${res.status}`);
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `jikenbo-${format}.${ext}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <div class="export-menu" data-testid="export-menu">
      <span class="muted">{t('export')}:</span>
      {FORMATS.map(([format, ext]) => (
        <button key={format} type="button" class="link" onClick={() => void download(format, ext)}>
          {format.toUpperCase()}
        </button>
      ))}
      {error && <span class="error">{error}</span>}
    </div>
  );
}
