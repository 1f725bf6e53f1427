import { describe, expect, it } from 'vitest';
import { exportMisp, exportMispEvent, exportMispFeed } from '../../src/exchange/misp/export.js';
import { importMispEvent, manifestUuids } from '../../src/exchange/misp/import.js';
import { asCase } from '../../src/exchange/common.js';
import type { ImportedRecord } from '../../src/exchange/problems.js';
import { coreFields, corpusRecords, handCases, handRecord } from './fixtures.js';
import { mispErrors } from './validators.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { refDir } from './fixtures.js';

type Template = { uuid: string; version: number; attributes: Record<string, { 'misp-attribute': string; sane_default?: string[]; values_list?: string[] }> };
const template = (name: string) => JSON.parse(readFileSync(join(refDir, 'misp', 'objects', name, 'definition.json'), 'utf8')) as Template;

function collect(events: unknown[]) {
  const records: ImportedRecord[] = [];
  const problems: string[] = [];
  events.forEach((e, i) => importMispEvent(e, 'feed.json', `$[${i}]`, { record: (r) => records.push(r), problem: (p, m) => problems.push(`${p}: ${m}`) }));
  return { records, problems };
}

describe('MISP export', () => {
  const cases = [...handCases(), ...corpusRecords().map((r) => asCase(r))];
  const events = exportMisp(cases);

  it('validates against the core-format schema and the describeTypes category/type matrix', () => {
    for (const ev of events) expect(mispErrors(ev), ev.Event.info).toEqual([]);
  });

  it('a party listed twice in a record is one attribute (MISP lists hold unique items)', () => {
    const party = { name: '株式会社委託先', role: 'contractor' as const };
    const ev = exportMispEvent(asCase(handRecord({ otherOrganizations: [party, party] }), 'C-dup'));
    expect(mispErrors(ev)).toEqual([]);
    expect(ev.Event.Attribute.filter((a) => a.value === party.name)).toHaveLength(1);
  });

  it('the validator rejects a wrong category/type pair and a string to_ids', () => {
    const ev = exportMispEvent(handCases()[0]);
    const link = ev.Event.Attribute.find((a) => a.type === 'link')!;
    link.category = 'Network activity';
    (link as unknown as Record<string, unknown>).to_ids = 'false';
    expect(mispErrors(ev)).toHaveLength(2);
  });

  it('objects follow their misp-objects templates (uuid, version, relations, types, listed values)', () => {
    for (const ev of events)
      for (const o of ev.Event.Object) {
        const t = template(o.name);
        expect(o.template_uuid).toBe(t.uuid);
        expect(o.template_version).toBe(String(t.version));
        for (const a of o.Attribute) {
          const def = t.attributes[a.object_relation ?? ''];
          expect(def, `${o.name}.${a.object_relation}`).toBeDefined();
          expect(a.type).toBe(def['misp-attribute']);
          const allowed = def.values_list ?? def.sane_default;
          if (allowed && ['sectors', 'classification', 'determination', 'investigation_status', 'incident_type'].includes(a.object_relation!))
            expect(allowed, `${o.name}.${a.object_relation} = ${a.value}`).toContain(a.value);
        }
      }
  });

  it('sets to_ids only on attack indicators and disables correlation on narrative values', () => {
    const ev = exportMispEvent(handCases()[0]).Event;
    const all = [...ev.Attribute, ...ev.Object.flatMap((o) => o.Attribute)];
    const detection = new Set(['url', 'domain', 'ip-dst', 'email-src', 'md5', 'sha1', 'sha256']);
    for (const a of all) expect(a.to_ids, `${a.type} ${a.value}`).toBe(detection.has(a.type));
    for (const a of all.filter((x) => ['text', 'target-org', 'counter', 'target-location'].includes(x.type))) expect(a.disable_correlation).toBe(true);
    expect(all.find((a) => a.type === 'target-org' && a.value === handRecord().organization)?.disable_correlation).toBe(true);
    expect(ev.Object.map((o) => o.name).sort()).toEqual(['incident', 'victim']);
  });

  it('tags with TLP, taxonomies and the ransomware galaxy', () => {
    const ev = exportMispEvent(asCase(handRecord({ text: 'LockBitによる攻撃' }), '2024-1')).Event;
    const tags = ev.Tag.map((t) => t.name);
    expect(tags).toEqual(expect.arrayContaining(['tlp:clear', 'circl:incident-classification="ransomware"', 'misp-galaxy:ransomware="LockBit"']));
    expect(ev.distribution).toBe('3');
    expect(ev.info).not.toMatch(/\n/);
  });

  it('keeps UUIDs stable across re-exports', () => {
    const again = exportMisp(cases);
    expect(again.map((e) => e.Event.uuid)).toEqual(events.map((e) => e.Event.uuid));
    expect(again.flatMap((e) => e.Event.Attribute.map((a) => a.uuid))).toEqual(events.flatMap((e) => e.Event.Attribute.map((a) => a.uuid)));
  });

  it('writes a feed directory with a manifest listing every event', () => {
    const files = exportMispFeed(cases);
    const manifest = JSON.parse(files.get('manifest.json') ?? '{}') as Record<string, { info: string }>;
    expect(manifestUuids(manifest)?.sort()).toEqual(events.map((e) => e.Event.uuid).sort());
    for (const uuid of Object.keys(manifest)) expect(files.has(`${uuid}.json`)).toBe(true);
    expect(files.size).toBe(events.length + 1);
  });
});

describe('MISP import', () => {
  it('round-trips our own events exactly', () => {
    const cases = handCases();
    const { records, problems } = collect(exportMisp(cases));
    expect(problems).toEqual([]);
    expect(records.map((r) => r.record)).toEqual(cases.map((c) => c.record));
  });

  it('round-trips extracted records', () => {
    const recs = corpusRecords();
    const { records } = collect(exportMisp(recs.map((r) => asCase(r))));
    expect(records.map((r) => coreFields(r.record))).toEqual(recs.map(coreFields));
  });

  it('reads standard parts of a foreign event', () => {
    const ev = exportMispEvent(handCases()[0]);
    ev.Event.Attribute = ev.Event.Attribute.filter((a) => a.comment !== 'jikenbo-record');
    ev.Event.Tag = ev.Event.Tag.filter((t) => !t.name.startsWith('jikenbo:'));
    const { records, problems } = collect([ev]);
    expect(problems).toEqual([]);
    const r = records[0].record;
    const hand = handRecord();
    expect(r.title).toBe(hand.title);
    expect(r.organization).toBe(hand.organization);
    expect(r.publishedAt).toBe(hand.publishedAt);
    expect(r.categories).toEqual(['ransomware', 'vulnerability_exploit']);
    expect(r.indicators).toEqual(hand.indicators);
    expect(r.affectedCount).toBe(hand.affectedCount);
    expect(r.text).toBe(hand.text);
    expect(r.source.url).toBe(hand.source.url);
  });

  it('reports bad events and attributes by path, imports the rest', () => {
    const good = exportMispEvent(handCases()[1]);
    const withBadAttr = exportMispEvent(handCases()[0]);
    (withBadAttr.Event.Attribute as unknown[]).push({ type: 'url' }, 'nope');
    withBadAttr.Event.Tag.push({ name: 'jikenbo:category="time_travel"' });
    const { records, problems } = collect([good, { Event: { info: 'no uuid' } }, withBadAttr, 42]);
    const n = withBadAttr.Event.Attribute.length;
    expect(problems).toEqual(
      expect.arrayContaining([
        '$[1].Event.uuid: missing or invalid event uuid',
        `$[2].Event.Attribute[${n - 2}]: attribute needs a type and a value`,
        `$[2].Event.Attribute[${n - 1}]: not an attribute object`,
        '$[2].Event.Tag: unknown vocabulary value "time_travel"',
        '$[3]: not a MISP event object',
      ]),
    );
    expect(records).toHaveLength(2);
  });
});
