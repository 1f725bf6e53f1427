import { describe, expect, it } from 'vitest';
import { StixBundleWriter, exportStix, scoFor, type StixObject } from '../../src/exchange/stix/export.js';
import { checkPattern, patternFor } from '../../src/exchange/stix/pattern.js';
import { importStixBundle } from '../../src/exchange/stix/import.js';
import { asCase } from '../../src/exchange/common.js';
import type { ImportedRecord } from '../../src/exchange/problems.js';
import { coreFields, corpusRecords, handCases, handRecord } from './fixtures.js';
import { stixErrors } from './validators.js';

function collect(bundle: unknown) {
  const records: ImportedRecord[] = [];
  const problems: string[] = [];
  importStixBundle(bundle, 'test.json', { record: (r) => records.push(r), problem: (p, m) => problems.push(`${p}: ${m}`) });
  return { records, problems };
}

describe('STIX export', () => {
  const lockbit = asCase(handRecord({ caseId: '2024-9', text: 'LockBitを名乗る攻撃者により暗号化' }), '2024-9');
  const bundle = exportStix([...handCases(), lockbit, ...corpusRecords().map((r) => asCase(r))]);

  it('every object validates against its own official schema', () => {
    const errors = bundle.objects.flatMap(stixErrors);
    expect(errors).toEqual([]);
    expect(new Set(bundle.objects.map((o) => o.type))).toEqual(
      new Set(['marking-definition', 'identity', 'extension-definition', 'incident', 'relationship', 'report', 'indicator', 'url', 'domain-name', 'ipv4-addr', 'ipv6-addr', 'email-addr', 'file', 'vulnerability', 'intrusion-set']),
    );
  });

  it('the validator rejects OpenCTI severity, missing name and timestamps without milliseconds', () => {
    const inc = bundle.objects.find((o) => o.type === 'incident') as StixObject;
    expect(stixErrors({ ...inc, severity: 'high' })).not.toEqual([]);
    const { name: _n, ...noName } = inc;
    expect(stixErrors(noName as StixObject)).not.toEqual([]);
    expect(stixErrors({ ...inc, created: '2024-01-01T00:00:00Z' })).not.toEqual([]);
  });

  it('has a valid envelope, unique ids and refs that resolve inside the bundle', () => {
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
    const ids = bundle.objects.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(ids);
    for (const o of bundle.objects) {
      for (const [k, v] of Object.entries(o)) {
        const refs = k.endsWith('_ref') ? [v] : k.endsWith('_refs') ? (v as unknown[]) : [];
        for (const ref of refs) expect(known.has(ref as string), `${o.id}.${k} → ${String(ref)}`).toBe(true);
      }
    }
  });

  it('carries the Incident Core extension and TLP 2.0 marking', () => {
    const inc = bundle.objects.find((o) => o.type === 'incident' && o.name === handRecord().title) as StixObject;
    const core = (inc.extensions as Record<string, Record<string, unknown>>)['extension-definition--ef765651-680c-498d-9894-99799f2fa126'];
    expect(core.extension_type).toBe('property-extension');
    expect(core.incident_types).toEqual(expect.arrayContaining(['ransomware', 'exploit']));
    expect(core.impacted_entity_counts).toEqual({ individual: 5960000 });
    expect(inc.object_marking_refs).toEqual(['marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487']);
    const report = bundle.objects.find((o) => o.type === 'report' && (o.object_refs as string[]).includes(inc.id)) as StixObject;
    expect(report.external_references).toEqual([expect.objectContaining({ url: handRecord().source.url })]);
  });

  it('attributes a named ransomware group with an intrusion-set', () => {
    const inc = bundle.objects.find((o) => o.type === 'incident' && (o.external_references as { external_id?: string }[])[0].external_id === '2024-9') as StixObject;
    const rel = bundle.objects.find((o) => o.type === 'relationship' && o.source_ref === inc.id && o.relationship_type === 'attributed-to') as StixObject;
    expect(bundle.objects.find((o) => o.id === rel.target_ref)).toMatchObject({ type: 'intrusion-set', name: 'LockBit' });
  });

  it('uses the deterministic SCO ids of the spec', () => {
    expect(scoFor('domains', 'example.com')?.id).toBe('domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7');
  });

  it('writing page by page gives the same bundle as writing all at once, shared objects once', () => {
    const all = [...handCases(), lockbit, ...corpusRecords().map((r) => asCase(r))];
    const w = new StixBundleWriter();
    const paged = [...w.objects(all.slice(0, 2)), ...w.objects(all.slice(2, 5)), ...w.objects(all.slice(5))];
    expect(paged).toEqual(bundle.objects);
    expect(w.bundleId()).toBe(bundle.id);
  });

  it('re-export gives the same ids', () => {
    const again = exportStix([...handCases(), lockbit, ...corpusRecords().map((r) => asCase(r))]);
    expect(again.objects.map((o) => o.id)).toEqual(bundle.objects.map((o) => o.id));
    expect(again.id).toBe(bundle.id);
  });

  it('writes syntactically valid patterns, even for values with quotes and backslashes', () => {
    for (const o of bundle.objects.filter((x) => x.type === 'indicator')) expect(checkPattern(o.pattern as string)).toEqual({ ok: true });
    expect(checkPattern(patternFor('urls', "http://x.example/a\\b'c") as string)).toEqual({ ok: true });
  });
});

describe('STIX pattern syntax check', () => {
  it.each([
    "[url:value = 'http://x.example/']",
    "[file:hashes.'SHA-256' = 'aa'] OR [domain-name:value = 'x.example']",
    "([ipv4-addr:value = '198.51.100.7'] FOLLOWEDBY [url:value LIKE 'http%']) WITHIN 300 SECONDS",
    "[network-traffic:dst_port > 1024 AND network-traffic:protocols[*] = 'tcp']",
    "[ipv4-addr:value IN ('1.2.3.4', '5.6.7.8')] START t'2024-01-01T00:00:00Z' STOP t'2024-02-01T00:00:00Z'",
  ])('accepts %s', (p) => expect(checkPattern(p).ok).toBe(true));
  it.each(['this is not a STIX pattern', "[url:value = 'unterminated]", "url:value = 'x'", "[url:value = 'x'] AND", "[url:value 'x']", "[url:value = 'x'] [domain-name:value = 'y']"])(
    'rejects %s',
    (p) => expect(checkPattern(p).ok).toBe(false),
  );
});

describe('STIX import', () => {
  it('round-trips our own export exactly (record extension)', () => {
    const cases = handCases();
    const { records, problems } = collect(exportStix(cases));
    expect(problems).toEqual([]);
    expect(records.map((r) => r.record)).toEqual(cases.map((c) => c.record));
  });

  it('round-trips extracted records', () => {
    const recs = corpusRecords();
    const { records } = collect(exportStix(recs.map((r) => asCase(r))));
    expect(records.map((r) => coreFields(r.record))).toEqual(recs.map(coreFields));
  });

  it('reads standard properties when the record extension is absent (as from another producer)', () => {
    const bundle = exportStix(handCases());
    for (const o of bundle.objects) if (o.type === 'incident') delete (o.extensions as Record<string, unknown>)[Object.keys(o.extensions as object)[1]];
    const { records, problems } = collect(bundle);
    expect(problems).toEqual([]);
    const [first] = records.map((r) => r.record);
    const hand = handRecord();
    expect(coreFields(first)).toEqual(coreFields(hand));
    expect(first.affectedCount).toBe(hand.affectedCount);
    expect(first.otherOrganizations).toEqual(hand.otherOrganizations);
    const { cves, ...rest } = first.indicators;
    const { cves: handCves, ...handRest } = hand.indicators;
    expect(cves).toEqual(handCves);
    expect(rest).toEqual(handRest);
  });

  it('accepts OpenCTI incidents with severity and incident_type', () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--1b0f6a4c-9b0e-4d2c-8f4c-3d1e2a6b7c8d',
      objects: [
        {
          type: 'incident',
          spec_version: '2.1',
          id: 'incident--0b0f6a4c-9b0e-4d2c-8f4c-3d1e2a6b7c8d',
          created: '2024-03-01T00:00:00.000Z',
          modified: '2024-03-01T00:00:00.000Z',
          name: 'OpenCTI incident',
          severity: 'high',
          incident_type: 'ransomware',
          first_seen: '2024-02-27T00:00:00.000Z',
        },
      ],
    };
    const { records, problems } = collect(bundle);
    expect(problems).toEqual([]);
    expect(records[0].record.categories).toEqual(['ransomware']);
    expect(records[0].record.occurredFrom).toBe('2024-02-27');
  });

  it('reports bad objects by JSON path and still imports the good ones', () => {
    const bundle = exportStix(handCases());
    const objs = bundle.objects as unknown[];
    const inc = bundle.objects.find((o) => o.type === 'incident') as StixObject;
    objs.push({ ...inc }); // duplicate id
    objs.push({ type: 'incident', id: 'incident--not-a-uuid', name: 'x' });
    objs.push('a string');
    objs.push({ type: 'indicator', id: 'indicator--6f1d1c9e-0b7a-4c1e-9d3a-2a6b8e4f7c10', pattern_type: 'stix', pattern: 'nonsense' });
    const own = Object.keys(inc.extensions as object)[1];
    const last = bundle.objects.filter((o) => o.type === 'incident')[1];
    const ext = (last.extensions as Record<string, Record<string, string>>)[own];
    ext.record_json = JSON.stringify({ ...(JSON.parse(ext.record_json) as object), categories: ['ransomware', 'alien_abduction'] });
    const { records, problems } = collect(bundle);
    const n = objs.length;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^\\$\\.objects\\[${n - 4}\\]: duplicate id`)),
        expect.stringMatching(new RegExp(`^\\$\\.objects\\[${n - 3}\\]\\.id: `)),
        `$.objects[${n - 2}]: not a JSON object`,
        expect.stringMatching(new RegExp(`^\\$\\.objects\\[${n - 1}\\]\\.pattern: invalid STIX pattern`)),
        expect.stringMatching(/\.categories\[1\]: unknown value "alien_abduction"/),
      ]),
    );
    expect(records).toHaveLength(2);
    expect(records[1].record.categories).toEqual(['ransomware']);
  });

  it('rejects a non-bundle', () => {
    expect(collect({ type: 'report' }).problems).toEqual(['$: not a STIX bundle (type must be "bundle")']);
  });
});
