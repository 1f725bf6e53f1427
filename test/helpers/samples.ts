// The bundled sample notices' texts, in file-name order (shared by tests that check code on real notices).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function sampleTexts(): string[] {
  const dir = join(import.meta.dirname, '../../samples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}
