// The one error type readers throw: a one-line reason the CLI prints as `jikenbo: INPUT: reason`.
export class ReadError extends Error {
  constructor(reason: string) {
    super(reason.split('\n')[0]);
    this.name = 'ReadError';
  }
}

/** A one-line reason for any thrown value (library errors can carry stacks or several lines). */
export function reasonOf(err: unknown): string {
  if (err instanceof ReadError) return err.message;
  if (err && typeof err === 'object' && 'code' in err) {
    const code = String((err as { code: unknown }).code);
    if (code === 'EACCES') return 'permission denied';
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a directory';
  }
  const msg = err instanceof Error ? err.message : String(err);
  return (msg.split('\n')[0] || 'unreadable input').slice(0, 300);
}
