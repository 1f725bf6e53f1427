import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { exportCsv, CSV_COLUMNS, csvCell } from '../../src/exchange/csv.js';
import { exportAtom } from '../../src/exchange/atom.js';
import { exportCasebook, casePageName, highlightEvidence } from '../../src/exchange/casebook/site.js';
import { asCase } from '../../src/exchange/common.js';
import { corpusRecords, handCases, handRecord } from './fixtures.js';

const cases = [...handCases(), ...corpusRecords(6).map((r) => asCase(r))];

/** Minimal RFC 4180 reader for checking our own output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const row = rows[rows.length - 1];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      cell = '';
      rows.push([]);
      i++;
    } else cell += c;
  }
  return rows.filter((r) => r.length > 1);
}

describe('CSV', () => {
  it('one row per case with every column, quoting commas, quotes and newlines', () => {
    const tricky = asCase(handRecord({ title: 'a, "b"\nc', organization: '=HYPERLINK("x")' }), 'T-1');
    const csv = exportCsv([...cases, tricky]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(cases.length + 2);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const last = rows.at(-1)!;
    expect(last[CSV_COLUMNS.indexOf('title')]).toBe('a, "b"\nc');
    expect(last[CSV_COLUMNS.indexOf('organization')]).toBe(`'=HYPERLINK("x")`);
    expect(last[CSV_COLUMNS.indexOf('categories')]).toBe('ransomware; vulnerability_exploit');
    expect(csvCell('-1')).toBe("'-1");
  });
});

describe('Atom', () => {
  it('is well-formed XML with escaped text, newest first', () => {
    const xml = exportAtom(cases, { limit: 5 });
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: { entry: { title: string; updated: string }[] } };
    expect(feed.feed.entry).toHaveLength(5);
    expect(xml).not.toMatch(/<script/);
    const withScript = exportAtom([asCase(handRecord({ title: '<script>x</script> & co' }))]);
    expect((new XMLParser().parse(withScript) as { feed: { entry: { title: string } } }).feed.entry.title).toBe('<script>x</script> & co');
  });
});

describe('casebook site', () => {
  const files = exportCasebook(cases);
  it('has an index and one page per case, with working relative links', () => {
    expect(files.has('index.html')).toBe(true);
    expect([...files.keys()].filter((k) => k.startsWith('cases/'))).toHaveLength(cases.length);
    for (const [name, html] of files)
      for (const m of html.matchAll(/href="([^"#]+)"/g)) {
        const href = m[1];
        if (/^https?:/.test(href)) continue;
        const target = name.includes('/') ? href.replace(/^\.\.\//, '') : href;
        expect(files.has(target), `${name} → ${href}`).toBe(true);
      }
  });

  it('escapes all notice text: no script, no raw markup from the notice', () => {
    for (const html of files.values()) {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/javascript:/i);
    }
    const page = files.get(`cases/${casePageName('2024-123')}`)!;
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('highlights evidence spans, including overlapping ones', () => {
    const r = handRecord({ text: 'ABCDEFGHIJ', evidence: { title: [{ start: 1, end: 5 }], organization: [{ start: 3, end: 7 }] } });
    expect(highlightEvidence(r)).toBe('A<mark title="title">BC</mark><mark title="title, organization">DE</mark><mark title="organization">FG</mark>HIJ');
    expect(highlightEvidence(handRecord({ text: '<b>', evidence: { title: [{ start: 0, end: 99 }] } }))).toBe('<mark title="title">&lt;b&gt;</mark>');
  });

  it('lists versions and groups by month and category', () => {
    const c = { ...handCases()[0], versions: [{ version: 1, label: '第1報', record: handRecord(), ingestedAt: '2024-05-10T00:00:00Z' }, { version: 2, label: '第2報', record: handRecord({ title: '続報' }), ingestedAt: '2024-06-10T00:00:00Z' }] };
    const site = exportCasebook([c]);
    expect(site.get(`cases/${casePageName(c.id)}`)).toMatch(/第1報[\s\S]*第2報/);
    expect(site.get('index.html')).toContain('id="m-2024-05"');
    expect(site.get('index.html')).toContain('id="c-ransomware"');
  });

  it('makes safe file names for any id', () => {
    expect(casePageName('2024-123')).toBe('2024-123.html');
    expect(casePageName('../../etc/passwd')).toMatch(/^[A-Za-z0-9_-]+\.html$/);
    expect(casePageName('a/b')).not.toBe(casePageName('a_b'));
  });
});
