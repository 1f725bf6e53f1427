// Hash routes, so the server needs no fallback and a search is a shareable URL: #/?q=…&category=…
import { signalLike } from './state.js';

export interface Route {
  page: 'search' | 'case' | 'dashboard' | 'ingest';
  id?: string;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#/, '') || '/';
  const [path, query = ''] = h.split('?', 2);
  const params = new URLSearchParams(query);
  const m = /^\/case\/([\w-]{1,40})$/.exec(path);
  if (m) return { page: 'case', id: m[1], params };
  if (path === '/dashboard') return { page: 'dashboard', params };
  if (path === '/ingest') return { page: 'ingest', params };
  return { page: 'search', params };
}

export const route = signalLike<Route>(parseHash(location.hash));
window.addEventListener('hashchange', () => route.set(parseHash(location.hash)));

export function go(path: string, params?: URLSearchParams): void {
  const q = params?.toString();
  location.hash = `#${path}${q ? `?${q}` : ''}`;
}
