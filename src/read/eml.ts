// E-mail (.eml): MIME, quoted-printable/base64 and ISO-2022-JP headers are decoded by postal-mime.
import PostalMime from 'postal-mime';
import { isoFromValue } from './dates.js';
import { ReadError } from './errors.js';
import { htmlFragmentText } from './html.js';

export interface MailText {
  text: string;
  title?: string;
  publishedAt?: string;
}

/** Looks like an RFC 822 message: header lines up to a blank line, with From/Subject/Date/MIME headers. */
export function looksLikeEmail(text: string): boolean {
  const head = text.slice(0, 8192);
  const end = head.search(/\r?\n\r?\n/);
  if (end < 0) return false;
  const lines = head.slice(0, end).split(/\r?\n/);
  if (!/^[A-Za-z][A-Za-z0-9-]{0,60}:/.test(lines[0])) return false;
  const names = new Set(lines.map((l) => /^([A-Za-z][A-Za-z0-9-]{0,60}):/.exec(l)?.[1].toLowerCase()).filter(Boolean));
  let known = 0;
  for (const n of ['from', 'to', 'subject', 'date', 'mime-version', 'message-id', 'received', 'content-type']) if (names.has(n)) known++;
  return known >= 2;
}

export async function readEmail(bytes: Uint8Array): Promise<MailText> {
  let mail: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    mail = await PostalMime.parse(bytes);
  } catch (err) {
    throw new ReadError(`malformed e-mail: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const body = mail.text?.trim() || (mail.html ? htmlFragmentText(mail.html) : '');
  const title = mail.subject?.trim() || undefined;
  const text = title && !body.startsWith(title) ? `${title}\n\n${body}`.trim() : body;
  if (!text) throw new ReadError('e-mail has no text');
  let publishedAt: string | undefined;
  if (mail.date) {
    const t = Date.parse(mail.date);
    publishedAt = Number.isNaN(t) ? isoFromValue(mail.date) : new Date(t).toISOString().slice(0, 10);
  }
  return { text, title, publishedAt };
}
