// Property: for any valid record, export → import through STIX, MISP and VERIS gives the record back, and
// every exported STIX object / MISP event / VERIS incident is schema-valid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AFFECTED_UNITS, AUTHORITIES, CATEGORIES, DATA_ITEMS, LEAK_STATUSES, ROLES, type Incident } from '../../src/model/index.js';
import { asCase } from '../../src/exchange/common.js';
import { ImportSession } from '../../src/exchange/import.js';
import { exportStix } from '../../src/exchange/stix/export.js';
import { exportMisp } from '../../src/exchange/misp/export.js';
import { exportVeris } from '../../src/exchange/veris/export.js';
import { mispErrors, stixErrors, verisErrors } from './validators.js';

const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2049-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
// text with the characters that break formats: quotes, backslashes, markup, newlines, full-width and astral characters
const text = fc.string({ unit: fc.constantFrom('a', 'あ', '漢', '"', "'", '\\', '<', '>', '&', '\n', ' ', '１', '😀', '\u0000'), maxLength: 40 });
const name = fc.string({ unit: fc.constantFrom('株', '式', '会', '社', 'A', 'b', ' ', '&', '"'), minLength: 1, maxLength: 15 });
const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });
const host = fc.tuple(fc.string({ unit: fc.constantFrom(...'abcxyz'), minLength: 1, maxLength: 8 }), fc.constantFrom('com', 'jp', 'example')).map(([a, b]) => `${a}.${b}`);

const record: fc.Arbitrary<Incident> = fc.record({
  isIncident: fc.boolean(),
  caseId: fc.option(fc.tuple(fc.integer({ min: 2000, max: 2049 }), fc.integer({ min: 1, max: 999 })).map(([y, n]) => `${y}-${n}`)),
  title: fc.oneof(fc.constant(''), text.map((t) => `お知らせ ${t}`)),
  organization: fc.option(name),
  otherOrganizations: fc.array(fc.record({ name, role: fc.constantFrom(...ROLES) }), { maxLength: 3 }),
  publishedAt: fc.option(day),
  discoveredAt: fc.option(day),
  occurredFrom: fc.option(day),
  occurredTo: fc.option(day),
  categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: 3 }),
  affectedCount: fc.option(fc.integer({ min: 0, max: 100_000_000 })),
  affectedUnit: fc.option(fc.constantFrom(...AFFECTED_UNITS)),
  affectedApprox: fc.option(fc.boolean()),
  dataItems: fc.uniqueArray(fc.constantFrom(...DATA_ITEMS), { maxLength: 5 }),
  excludedDataItems: fc.uniqueArray(fc.constantFrom(...DATA_ITEMS), { maxLength: 2 }),
  leakStatus: fc.option(fc.constantFrom(...LEAK_STATUSES)),
  authoritiesNotified: fc.uniqueArray(fc.constantFrom(...AUTHORITIES), { maxLength: 3 }),
  countermeasures: fc.array(text, { maxLength: 3 }),
  countermeasureCount: fc.option(fc.integer({ min: 0, max: 20 })),
  timeline: fc.array(fc.record({ date: day, text }), { maxLength: 3 }),
  indicators: fc.record({
    urls: fc.uniqueArray(fc.tuple(host, text).map(([h, t]) => `http://${h}/${encodeURIComponent(t)}'x`), { maxLength: 2 }),
    domains: fc.uniqueArray(host, { maxLength: 2 }),
    ipv4s: fc.uniqueArray(fc.ipV4(), { maxLength: 2 }),
    ipv6s: fc.uniqueArray(fc.constantFrom('2001:db8::1', '2001:db8:0:1::7', 'fe80::1'), { maxLength: 2 }),
    emails: fc.uniqueArray(host.map((h) => `x@${h}`), { maxLength: 1 }),
    md5s: fc.uniqueArray(hex(32), { maxLength: 1 }),
    sha1s: fc.uniqueArray(hex(40), { maxLength: 1 }),
    sha256s: fc.uniqueArray(hex(64), { maxLength: 1 }),
    cves: fc.uniqueArray(fc.integer({ min: 1000, max: 99999 }).map((n) => `CVE-2024-${n}`), { maxLength: 2 }),
  }),
  evidence: fc.constant({}),
  text,
  source: fc.record({ url: fc.constantFrom('https://example.jp/a', 'https://example.com/b?c=d&e=f'), sha256: hex(64), mediaType: fc.constant('text/html') }),
});

async function importAll(text: string): Promise<Incident[]> {
  const out: Incident[] = [];
  for await (const ev of new ImportSession().importStream('p.json', [text])) {
    if (ev.kind === 'problem') throw new Error(`${ev.path}: ${ev.message}`);
    out.push(ev.record);
  }
  return out;
}

describe('round trip for arbitrary records', () => {
  it('STIX, MISP and VERIS give the record back and stay schema-valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(record, { minLength: 1, maxLength: 3, selector: (r) => r.source.sha256 }), async (records) => {
        const cases = records.map((r, i) => asCase(r, `C-${i}`));
        const stix = exportStix(cases);
        for (const o of stix.objects) expect(stixErrors(o)).toEqual([]);
        const misp = exportMisp(cases);
        for (const e of misp) expect(mispErrors(e)).toEqual([]);
        const veris = exportVeris(cases);
        for (const v of veris) expect(verisErrors(v)).toEqual([]);
        expect(await importAll(JSON.stringify(stix))).toEqual(records);
        expect(await importAll(JSON.stringify(misp))).toEqual(records);
        expect(await importAll(JSON.stringify(veris))).toEqual(records);
      }),
      { numRuns: 60 },
    );
  });
});
