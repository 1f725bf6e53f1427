import { describe, expect, it } from 'vitest';
import { ImportSession, type ImportEvent } from '../../src/exchange/import.js';
import { exportStix } from '../../src/exchange/stix/export.js';
import { exportMisp, exportMispFeed } from '../../src/exchange/misp/export.js';
import { exportVeris } from '../../src/exchange/veris/export.js';
import { handCases } from './fixtures.js';

async function run(text: string | string[], session = new ImportSession(), file = 'in.json') {
  const events: ImportEvent[] = [];
  for await (const e of session.importStream(file, typeof text === 'string' ? [text] : text)) events.push(e);
  return {
    records: events.flatMap((e) => (e.kind === 'record' ? [e] : [])),
    problems: events.flatMap((e) => (e.kind === 'problem' ? [`${e.file} ${e.path}: ${e.message}`] : [])),
  };
}

/** Split a text into small chunks so values straddle chunk boundaries. */
function chunks(text: string, size = 7): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

describe('format detection from content', () => {
  const cases = handCases();
  const titles = cases.map((c) => c.record.title);
  it.each([
    ['STIX bundle', () => JSON.stringify(exportStix(cases)), 'stix'],
    ['MISP event list', () => JSON.stringify(exportMisp(cases)), 'misp'],
    ['MISP search response', () => JSON.stringify({ response: exportMisp(cases) }), 'misp'],
    ['VCDB array', () => JSON.stringify(exportVeris(cases)), 'veris'],
  ])('%s', async (_name, make, format) => {
    const { records, problems } = await run(chunks(make()));
    expect(problems).toEqual([]);
    expect(records.map((r) => r.format)).toEqual([format, format]);
    expect(records.map((r) => r.record.title)).toEqual(titles);
    expect(records.map((r) => r.record)).toEqual(cases.map((c) => c.record));
  });

  it('a list of bare MISP events (no Event wrapper)', async () => {
    const { records, problems } = await run(JSON.stringify(exportMisp(cases).map((e) => e.Event)));
    expect(problems).toEqual([]);
    expect(records.map((r) => r.record)).toEqual(cases.map((c) => c.record));
  });

  it('single MISP event and single VERIS incident files', async () => {
    const s = new ImportSession();
    const a = await run(JSON.stringify(exportMisp(cases)[0]), s, 'a.json');
    const b = await run(JSON.stringify(exportVeris(cases)[1]), s, 'b.json');
    expect([...a.records, ...b.records].map((r) => r.record.title)).toEqual(titles);
  });

  it('a feed directory: manifest imports nothing, events import, a repeated event is a duplicate', async () => {
    const s = new ImportSession();
    const files = exportMispFeed(cases);
    const all = [];
    for (const [name, text] of files) all.push(await run(text, s, name));
    const [first] = [...files.entries()].filter(([n]) => n !== 'manifest.json');
    const again = await run(first[1], s, 'copy.json');
    expect(all.flatMap((x) => x.problems)).toEqual([]);
    expect(all.flatMap((x) => x.records)).toHaveLength(2);
    expect(again.records).toEqual([]);
    expect(again.problems).toEqual([expect.stringMatching(/^copy\.json \$\.Event: duplicate id [0-9a-f-]{36} \(first in [0-9a-f-]{36}\.json \$\.Event\)$/)]);
  });
});

describe('bad input', () => {
  it('malformed JSON: clear problem, objects read before the error still imported', async () => {
    const text = JSON.stringify(exportVeris(handCases()));
    const cut = text.slice(0, text.lastIndexOf('{"schema_version"')) + '{"schema_version": ]';
    const { records, problems } = await run(chunks(cut, 100));
    expect(records).toHaveLength(1);
    expect(problems).toEqual([expect.stringMatching(/^in\.json \$: malformed JSON: /)]);
  });

  it('empty input and hostile nesting', async () => {
    expect((await run('')).problems).toEqual([expect.stringMatching(/^in\.json \$: malformed JSON/)]);
    const deep = `[${'{"a":['.repeat(5000)}1${']}'.repeat(5000)}]`;
    expect((await run(deep)).problems).toEqual(['in.json $: malformed JSON: nesting deeper than 256 levels']);
    const deepRoot = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect((await run(deepRoot)).problems).toEqual(['in.json $: malformed JSON: nesting deeper than 256 levels']);
  });

  it('not JSON at all', async () => {
    const { records, problems } = await run('<html>');
    expect(records).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/malformed JSON/);
  });

  it('valid JSON of the wrong schema', async () => {
    expect((await run('{"hello": "world"}')).problems).toEqual(['in.json $: unrecognized content: expected a STIX bundle, MISP event or feed, or VERIS incident']);
    expect((await run('[1, {"x": 2}]')).problems).toEqual([
      'in.json $[0]: not a STIX object, MISP event or VERIS incident',
      'in.json $[1]: not a STIX object, MISP event or VERIS incident',
    ]);
  });

  it('streams a single MISP event attribute by attribute, with duplicates and bad attributes', async () => {
    const ev = exportMisp(handCases().slice(0, 1))[0];
    const { Attribute: all, ...rest } = ev.Event;
    // without our record attribute, so the indicators come from the streamed attributes
    const Attribute = all.filter((a) => a.comment !== 'jikenbo-record');
    function* gen() {
      yield `${JSON.stringify({ Event: rest }).slice(0, -2)},"Attribute":[`;
      for (const a of Attribute) yield `${JSON.stringify(a)},`;
      let buf = '';
      for (let i = 0; i < 30_000; i++) {
        buf += `{"type":"ip-dst","category":"Network activity","to_ids":true,"value":"10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}","uuid":"x"},`;
        if (i % 7 === 0) buf += '{"type":"url","category":"Network activity","to_ids":true,"value":"http://dup.example/"},';
        if (buf.length > 8192) {
          yield buf;
          buf = '';
        }
      }
      yield `${buf}{"type":"url"}]}}`;
    }
    const { records, problems } = await run([...gen()]);
    expect(problems).toEqual([`in.json $.Event.Attribute[${Attribute.length + 30_000 + Math.ceil(30_000 / 7)}]: attribute needs a type and a value`]);
    expect(records).toHaveLength(1);
    expect(records[0].record.title).toBe(handCases()[0].record.title);
    const hand = handCases()[0].record.indicators;
    expect(records[0].record.indicators.ipv4s).toHaveLength(hand.ipv4s.length + 30_000);
    expect(records[0].record.indicators.urls).toEqual([...hand.urls, 'http://dup.example/']);
    expect(records[0].record.organization).toBe(handCases()[0].record.organization);
  });

  it('streams a large bundle element by element', async () => {
    // 20 000 indicators + one incident, fed in 4 KB chunks from a generator (never one big string)
    const bundle = exportStix(handCases().slice(0, 1));
    const head = JSON.stringify({ type: 'bundle', id: bundle.id }).slice(0, -1) + ',"objects":[';
    function* gen() {
      yield head;
      let buf = '';
      for (let i = 0; i < 20_000; i++) {
        const hex = i.toString(16).padStart(12, '0');
        buf += `${JSON.stringify({ type: 'indicator', spec_version: '2.1', id: `indicator--00000000-0000-4000-8000-${hex}`, pattern_type: 'stix', pattern: `[ipv4-addr:value = '10.0.${(i >> 8) & 255}.${i & 255}']`, created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z', valid_from: '2024-01-01T00:00:00.000Z' })},`;
        if (buf.length > 4096) {
          yield buf;
          buf = '';
        }
      }
      yield buf + bundle.objects.map((o) => JSON.stringify(o)).join(',') + ']}';
    }
    const { records, problems } = await run([...gen()]);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0].record).toEqual(handCases()[0].record);
  });
});
