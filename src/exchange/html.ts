// Escaping for the HTML and XML we write. Every piece of notice text goes through these.
const MAP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => MAP[c]);
}

/** XML 1.0 forbids most control characters even when escaped; drop them. */
export function escapeXml(s: string): string {
  return escapeHtml(s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text. */
export function safeHref(url: string | undefined | null): string | null {
  return url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? escapeHtml(url) : null;
}
