// The analysts' UI: search, case pages, dashboard and ingest over the jikenbo HTTP API.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getToken, setToken } from './api.js';
import { lang, t } from './i18n.js';
import { CasePage } from './pages/case.js';
import { DashboardPage } from './pages/dashboard.js';
import { IngestPage } from './pages/ingest.js';
import { SearchPage } from './pages/search.js';
import { route, type Route } from './router.js';
import './style.css';

function useObservable<T>(o: { value: T; subscribe(fn: (v: T) => void): () => void }): T {
  const [v, setV] = useState(o.value);
  useEffect(() => o.subscribe(setV), [o]);
  return v;
}

function TokenBox() {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(getToken());
  return (
    <div class="token-box">
      <button type="button" class="link" onClick={() => setOpen(!open)} aria-expanded={open}>
        {t('token')}
      </button>
      {open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setToken(value);
            setOpen(false);
            route.set({ ...route.value });
          }}
        >
          <input type="password" name="token" value={value} autocomplete="off" onInput={(e) => setValue(e.currentTarget.value)} placeholder="jkb_…" />
          <button type="submit">{t('tokenSave')}</button>
        </form>
      )}
    </div>
  );
}

function Page({ r }: { r: Route }) {
  switch (r.page) {
    case 'case':
      return <CasePage id={r.id ?? ''} />;
    case 'dashboard':
      return <DashboardPage />;
    case 'ingest':
      return <IngestPage />;
    default:
      return <SearchPage params={r.params} />;
  }
}

function App() {
  const r = useObservable(route);
  const l = useObservable(lang);
  const nav = (href: string, label: string, active: boolean) => (
    <a href={href} class={active ? 'active' : ''} aria-current={active ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <div class="app" key={l}>
      <header class="top">
        <a href="#/" class="brand">
          事件簿 <small>jikenbo</small>
        </a>
        <nav>
          {nav('#/', t('search'), r.page === 'search' || r.page === 'case')}
          {nav('#/dashboard', t('dashboard'), r.page === 'dashboard')}
          {nav('#/ingest', t('ingest'), r.page === 'ingest')}
        </nav>
        <div class="tools">
          <button type="button" class="lang" onClick={() => lang.set(l === 'ja' ? 'en' : 'ja')} data-testid="lang">
            {l === 'ja' ? 'English' : '日本語'}
          </button>
          <TokenBox />
        </div>
      </header>
      <main>
        <Page r={r} />
      </main>
    </div>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
