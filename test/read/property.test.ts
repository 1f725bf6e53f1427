// Random bytes and mutated real notices never throw anything but ReadError out of the reader, and finish
// within a generous bound relative to input size.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadError, readBytes } from '../../src/read/index.js';
import { encode, tinyPdf } from './helpers.js';

const corpus = join(process.cwd(), '../shared/corpus/seed-000');
function seeds(): Uint8Array[] {
  let names: string[] = [];
  try {
    names = readdirSync(corpus).filter((n) => n.endsWith('.txt')).slice(0, 4);
  } catch {
    // no shared corpus: synthetic seeds below still run
  }
  const texts = names.map((n) => readFileSync(join(corpus, n), 'utf8'));
  if (texts.length === 0) texts.push('【セキュリティ事件簿#2024-001】A社 不正アクセスのお知らせ\n当社サーバーが不正アクセスを受けました。\n');
  const out: Uint8Array[] = [];
  for (const t of texts) {
    out.push(Buffer.from(t), encode(t, 'SJIS'), encode(t, 'EUCJP'));
    out.push(Buffer.from(`<html><head><meta charset="utf-8"><title>t</title></head><body><article><p>${t.replace(/\n/g, '</p><p>')}</p></article></body></html>`));
  }
  out.push(Buffer.from(`<?xml version="1.0"?><rss><channel><item><title>a</title><description>${texts[0].slice(0, 200)}</description></item></channel></rss>`));
  out.push(tinyPdf('0 0 m 10 10 l S', 2));
  return out;
}

/** Reads and returns elapsed ms; fails the property on anything but a ReadError. */
async function readTimed(bytes: Uint8Array): Promise<number> {
  const t0 = performance.now();
  try {
    const docs = await readBytes(bytes, {}, { timeoutMs: 5000, maxPages: 5 });
    for (const d of docs) expect(typeof d.text).toBe('string');
  } catch (err) {
    if (!(err instanceof ReadError)) throw err;
    expect(err.message).not.toContain('\n');
  }
  return performance.now() - t0;
}

describe('reader robustness', () => {
  it('random bytes never throw anything but a one-line ReadError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 4096 }), async (bytes) => {
        const ms = await readTimed(bytes);
        // generous: a few KB of anything must not take seconds
        expect(ms).toBeLessThan(3000);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('mutated real notices (flipped, cut, spliced bytes) are handled', async () => {
    const base = seeds();
    const mutation = fc.record({
      seed: fc.nat({ max: base.length - 1 }),
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }),
      cut: fc.option(fc.nat()),
      prefix: fc.uint8Array({ maxLength: 8 }),
    });
    // Baseline: the largest seed read unmutated, to bound mutated reads relative to a normal input.
    let normal = 1;
    for (const s of base) normal = Math.max(normal, await readTimed(s));
    await fc.assert(
      fc.asyncProperty(mutation, async ({ seed, flips, cut, prefix }) => {
        const b = Buffer.from(base[seed]);
        for (const [at, v] of flips) if (b.length) b[at % b.length] = v;
        const sliced = cut === null ? b : b.subarray(0, cut % (b.length + 1));
        const ms = await readTimed(Buffer.concat([prefix, sliced]));
        expect(ms).toBeLessThan(Math.max(3000, normal * 50));
      }),
      { numRuns: 120 },
    );
  }, 180_000);

  it('pathological HTML (deep nesting, long lines) stays within a bound of a normal page', async () => {
    const normalPage = Buffer.from(`<html><body><p>${'不正アクセス。'.repeat(2000)}</p></body></html>`);
    const normal = Math.max(await readTimed(normalPage), 5);
    const deep = Buffer.from(`<html><body>${'<div>'.repeat(3000)}本文${'</div>'.repeat(3000)}</body></html>`);
    const unclosed = Buffer.from(`<html><body>${'<p><b><i>あ'.repeat(4000)}</body></html>`);
    const longAttr = Buffer.from(`<html><head><meta ${'a'.repeat(100_000)} charset></head><body><p>本文</p></body></html>`);
    const tooDeep = Buffer.from(`<html><body>${'<div>'.repeat(200_000)}本文</body></html>`);
    await expect(readBytes(tooDeep)).rejects.toThrow(/nested too deeply/);
    for (const b of [deep, unclosed, longAttr, tooDeep]) expect(await readTimed(b)).toBeLessThan(Math.max(5000, normal * 100));
  }, 60_000);
});
