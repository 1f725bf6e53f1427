// Extraction must be linear in input size: adversarial text (long runs that trip backtracking regexes)
// may not take much longer than an ordinary notice of the same size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractIncident } from '../../src/extract/index.js';
import type { Document } from '../../src/model/index.js';
import { sharedDir } from '../helpers/cli.js';

const doc = (text: string): Document => ({ text, source: { sha256: '0'.repeat(64), mediaType: 'text/plain' } });

function time(text: string): number {
  const t0 = performance.now();
  extractIncident(doc(text));
  return performance.now() - t0;
}

const SIZE = 200_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const normal = (() => {
  const base = readFileSync(join(sharedDir, 'corpus/dev-synthetic/001.txt'), 'utf8');
  return fill(base + '\n');
})();

const adversarial: Record<string, string> = {
  digits: fill('1'),
  digitsWithCommas: fill('1,'),
  kanjiNumerals: fill('一十百千万'),
  approxRun: fill('約'),
  dateFragments: fill('2024年12月'),
  eraFragments: fill('令和 '),
  brackets: fill('【'),
  bullets: fill('・'),
  noNewlines: fill('当社は不正アクセスを受けました。'),
  spaces: fill(' \u3000'),
  dots: fill('a.'),
  atSigns: fill('a@'),
  slashes: fill('1/'),
  tildes: fill('〜'),
  negation: fill('含まれておりません'),
};

describe('extraction time is linear', () => {
  it('adversarial inputs finish within a generous bound of a normal notice of the same size', () => {
    time(normal); // warm up
    const reference = Math.max(time(normal), 50);
    for (const [name, text] of Object.entries(adversarial)) {
      const t = time(text);
      expect(t, `${name}: ${t.toFixed(0)} ms vs normal ${reference.toFixed(0)} ms`).toBeLessThan(reference * 25 + 2000);
    }
  });

  it('never throws on odd text', () => {
    for (const text of ['', '\n\n\n', '\u0000\u0001', '🙂'.repeat(1000), '\uD800', '令和元年元日']) {
      expect(() => extractIncident(doc(text))).not.toThrow();
    }
  });
});
