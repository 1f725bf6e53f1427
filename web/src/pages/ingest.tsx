// Ingest: paste text, drop a file or give a URL → preview of the extracted record with evidence → save.
import { useState } from 'preact/hooks';
import { ErrorNote } from '../components/error-note.js';
import { api, jsonBody } from '../api.js';
import { RecordView } from '../components/record-view.js';
import { t } from '../i18n.js';
import { go } from '../router.js';
import type { Incident } from '../types.js';

type Input = { kind: 'text'; text: string } | { kind: 'url'; url: string } | { kind: 'file'; file: File };

function request(input: Input): RequestInit {
  if (input.kind === 'file') {
    const form = new FormData();
    form.append('file', input.file, input.file.name);
    return { method: 'POST', body: form };
  }
  return { method: 'POST', ...jsonBody(input.kind === 'text' ? { text: input.text } : { url: input.url }) };
}

export function IngestPage() {
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [input, setInput] = useState<Input | null>(null);
  const [records, setRecords] = useState<Incident[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [drag, setDrag] = useState(false);

  const current = (): Input | null => (file ? { kind: 'file', file } : url.trim() ? { kind: 'url', url: url.trim() } : text.trim() ? { kind: 'text', text } : null);
  const run = async <T,>(work: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  const preview = () =>
    run(async () => {
      const i = current();
      if (!i) return;
      const r = await api<{ records: Incident[] }>('/api/extract', request(i));
      setInput(i);
      setRecords(r.records);
    });
  const save = () =>
    run(async () => {
      if (!input) return;
      const r = await api<{ results: { id: string }[] }>('/api/incidents', request(input));
      if (r.results[0]) go(`/case/${r.results[0].id}`);
    });

  return (
    <div class="ingest-page">
      <div class="ingest-inputs">
        <label class="block">
          {t('pasteText')}
          <textarea name="text" rows={8} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="ingest-text" />
        </label>
        <label
          class={`dropzone ${drag ? 'drag' : ''}`}
          onDragOver={(e) => (e.preventDefault(), setDrag(true))}
          onDragLeave={() => setDrag(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDrag(false);
            const f = e.dataTransfer?.files[0];
            if (f) setFile(f);
          }}
        >
          {file ? `${file.name} (${file.size.toLocaleString()} B)` : t('dropFile')}
          <input type="file" name="file" accept=".txt,.html,.htm,.pdf,.eml" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </label>
        {file && (
          <button type="button" class="link" onClick={() => setFile(null)}>
            ✕
          </button>
        )}
        <label class="block">
          {t('orUrl')}
          <input type="url" name="url" value={url} placeholder="https://…" onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <div class="actions">
          <button type="button" onClick={preview} disabled={busy} data-testid="preview">
            {t('preview')}
          </button>
          <button type="button" onClick={save} disabled={busy || !records} data-testid="save">
            {t('save')}
          </button>
        </div>
        {error !== null && <ErrorNote error={error} />}
      </div>
      {records?.map((r, i) => (
        <section key={i} class="preview" data-testid="preview-record">
          <h2>{r.title}</h2>
          {!r.isIncident && <p class="warn">{t('notIncident')}</p>}
          <RecordView record={r} />
        </section>
      ))}
    </div>
  );
}
