import { describe, expect, it } from 'vitest';
import { exportVeris, exportVerisIncident } from '../../src/exchange/veris/export.js';
import { importVerisIncident } from '../../src/exchange/veris/import.js';
import { asCase } from '../../src/exchange/common.js';
import type { ImportedRecord } from '../../src/exchange/problems.js';
import { CATEGORIES, type Category } from '../../src/model/index.js';
import { coreFields, corpusRecords, handCases, handRecord } from './fixtures.js';
import { verisErrors } from './validators.js';

const uniqCats = (a: Category, b: Category): Category[] => (a === b ? [a] : [a, b]);

function collect(items: unknown[]) {
  const records: ImportedRecord[] = [];
  const problems: string[] = [];
  items.forEach((e, i) => importVerisIncident(e, 'vcdb.json', `$[${i}]`, { record: (r) => records.push(r), problem: (p, m) => problems.push(`${p}: ${m}`) }));
  return { records, problems };
}

describe('VERIS export', () => {
  it('validates against verisc-merged.json for extracted, hand-built and every single-category record', () => {
    const singles = CATEGORIES.map((c: Category) => asCase(handRecord({ categories: [c], caseId: `2024-${c}` }), `2024-${c}`));
    const none = asCase(handRecord({ categories: [], organization: null, leakStatus: null, dataItems: [], affectedCount: null }), 'x');
    for (const rec of exportVeris([...handCases(), ...corpusRecords().map((r) => asCase(r)), ...singles, none])) expect(verisErrors(rec), String(rec.summary)).toEqual([]);
  });

  it('the validator itself rejects a broken record (guards the test above)', () => {
    const rec = exportVerisIncident(handCases()[0]);
    expect(verisErrors({ ...rec, security_incident: 'Yes' })).not.toEqual([]);
    expect(verisErrors({ ...rec, asset: { assets: [{ variety: 'USB' }], cloud: ['Unknown'] } })).not.toEqual([]);
  });

  it('is schema-valid and follows the VERIS checkValidity rules beyond the schema, for every pair of categories', () => {
    type V = {
      security_incident: string;
      action: Record<string, { variety: string[] }>;
      actor: Record<string, unknown>;
      attribute?: { availability?: { variety: string[] }; integrity?: { variety: string[] } };
    };
    const bare = { leakStatus: null, dataItems: [], affectedCount: null };
    for (const a of CATEGORIES)
      for (const b of CATEGORIES) {
        const v = exportVerisIncident(asCase(handRecord({ ...bare, categories: uniqCats(a, b) }), `${a}+${b}`)) as unknown as V;
        const where = `${a}+${b}`;
        expect(verisErrors(v), where).toEqual([]);
        if (v.security_incident === 'Confirmed') expect(v.attribute, where).toBeDefined();
        if (v.action.malware) expect(v.attribute?.integrity?.variety, where).toContain('Software installation');
        if (v.action.error?.variety.includes('Loss') || v.action.physical?.variety.includes('Theft')) expect(v.attribute?.availability?.variety, where).toContain('Loss');
        if (v.action.misuse) expect(v.actor.internal ?? v.actor.partner, where).toBeDefined();
      }
  });

  it('maps notice types to VERIS as the issue describes', () => {
    const vpn = exportVerisIncident(handCases()[0]) as { action: Record<string, { variety: string[]; vector: string[] }>; asset: { assets: { variety: string }[] } };
    // hand record: ransomware + vulnerability exploit, text mentions no VPN; add it
    const withVpn = exportVerisIncident(asCase(handRecord({ text: 'VPN機器の脆弱性を悪用され' }), 'v')) as typeof vpn;
    expect(vpn.action.malware.variety).toEqual(['Ransomware']);
    expect(withVpn.action.hacking).toEqual({ variety: ['Exploit vuln'], vector: ['VPN'] });
    expect(withVpn.asset.assets.map((a) => a.variety)).toContain('N - Remote access');
    const mis = exportVerisIncident(handCases()[1]) as { action: Record<string, unknown>; victim: Record<string, unknown>; attribute: { confidentiality: Record<string, unknown> } };
    expect(mis.action.error).toEqual({ variety: ['Misdelivery'], vector: ['Carelessness'] });
    expect(mis.victim).toMatchObject({ country: ['JP'], industry: '92' });
    expect(mis.attribute.confidentiality).toMatchObject({ data_disclosure: 'Yes', data_total: 245 });
  });
});

describe('VERIS import', () => {
  it('round-trips our own export exactly', () => {
    const cases = handCases();
    const { records, problems } = collect(exportVeris(cases));
    expect(problems).toEqual([]);
    expect(records.map((r) => r.record)).toEqual(cases.map((c) => c.record));
  });

  it('round-trips extracted records', () => {
    const recs = corpusRecords();
    const { records } = collect(exportVeris(recs.map((r) => asCase(r))));
    expect(records.map((r) => coreFields(r.record))).toEqual(recs.map(coreFields));
  });

  it('reads a VCDB-style record without our plus section', () => {
    const rec = exportVerisIncident(handCases()[1]);
    delete (rec.plus as Record<string, unknown>).jikenbo_record;
    const { records, problems } = collect([rec]);
    expect(problems).toEqual([]);
    const r = records[0].record;
    expect(r.organization).toBe('○○市');
    expect(r.categories).toEqual(['email_misdelivery']);
    expect(r.affectedCount).toBe(245);
    expect(r.leakStatus).toBe('confirmed');
    expect(r.source.url).toBe(handCases()[1].record.source.url);
    expect(r.publishedAt).toBe('2024-06-01');
  });

  it('reports bad records with their path and keeps good ones', () => {
    const good = exportVerisIncident(handCases()[1]);
    const badVocab = exportVerisIncident(handCases()[0]);
    ((badVocab.plus as Record<string, Record<string, unknown>>).jikenbo_record).dataItems = ['name', 'soul'];
    const { records, problems } = collect([good, { summary: 'no id' }, 'x', { incident_id: 'A', action: 3 }, badVocab]);
    expect(problems).toEqual([
      '$[1].incident_id: missing incident_id',
      '$[2]: not a VERIS incident object',
      '$[3].action: must be an object',
      '$[4].plus.jikenbo_record.dataItems[1]: unknown value "soul"',
    ]);
    expect(records).toHaveLength(2);
    expect(records[1].record.dataItems).toEqual(['name']);
  });
});
