// An API failure for the reader, with the one next step that usually fixes it.
import { ApiError } from '../api.js';
import { t } from '../i18n.js';

export function ErrorNote({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  const needsToken = error instanceof ApiError && (error.status === 401 || error.status === 403);
  return (
    <p class="error" role="alert">
      {message}
      {needsToken && <span class="hint"> — {t('tokenHint')}</span>}
    </p>
  );
}
