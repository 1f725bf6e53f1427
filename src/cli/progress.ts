// A progress bar on a terminal (stderr), silent otherwise so pipes and logs stay clean.
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, extra?: string): void;
  stop(): void;
}

export function createProgress(total: number, label: string): Progress {
  if (!process.stderr.isTTY || total <= 1) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} {extra}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { extra: '' });
  return {
    update(done, extra = '') {
      bar.setTotal(Math.max(total, done));
      bar.update(done, { extra });
    },
    stop() {
      bar.stop();
    },
  };
}
