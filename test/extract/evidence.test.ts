// The record's evidence: per field, spans into the original text, non-empty, in order, and merged where
// they overlap or touch (what the UI highlights), also where normalization changed the text's length.
import { describe, expect, it } from 'vitest';
import { extractIncident } from '../../src/extract/index.js';
import type { Document, Incident } from '../../src/model/index.js';
import { sampleTexts } from '../helpers/samples.js';

const doc = (text: string): Document => ({ text, source: { sha256: '0'.repeat(64), mediaType: 'text/plain' } });
const samples = sampleTexts();

function checkEvidence(record: Incident, text: string): void {
  for (const [field, spans] of Object.entries(record.evidence)) {
    expect(spans!.length, field).toBeGreaterThan(0);
    let prevEnd = -1;
    for (const s of spans!) {
      expect(s.start, field).toBeGreaterThan(prevEnd); // sorted, and not touching the span before
      expect(s.end, field).toBeGreaterThan(s.start);
      expect(s.end, field).toBeLessThanOrEqual(text.length);
      prevEnd = s.end;
    }
  }
}

// The order evidence keys have always been listed in (JSON output and stored records keep it).
const EVIDENCE_ORDER = [
  'title', 'caseId', 'organization', 'otherOrganizations', 'categories', 'affectedCount', 'countermeasures',
  'publishedAt', 'discoveredAt', 'occurredFrom', 'occurredTo', 'dataItems', 'excludedDataItems', 'leakStatus',
  'authoritiesNotified', 'timeline', 'indicators', 'isIncident',
];

describe('evidence spans', () => {
  it('are sorted, non-empty and merged in every bundled sample', () => {
    for (const text of samples) checkEvidence(extractIncident(doc(text)), text);
  });

  it('are keyed in the fixed field order, fields without evidence left out', () => {
    const seen = new Set<string>();
    for (const text of samples) {
      const keys = Object.keys(extractIncident(doc(text)).evidence);
      expect(keys).toEqual(EVIDENCE_ORDER.filter((k) => keys.includes(k)));
      for (const k of keys) seen.add(k);
    }
    expect(seen.size).toBeGreaterThanOrEqual(15); // the samples exercise nearly every field
  });

  it('sort a field’s cues by position, whatever order the field found them in', () => {
    // categories are listed unauthorized_access before phishing, but the phishing cue comes first
    const text = 'フィッシングメールの添付ファイルを開いた端末が、その後不正アクセスを受けました。\n';
    const r = extractIncident(doc(text));
    expect(r.categories).toEqual(expect.arrayContaining(['unauthorized_access', 'phishing']));
    checkEvidence(r, text);
    const cues = r.evidence.categories!.map((s) => text.slice(s.start, s.end));
    expect(cues[0]).toContain('フィッシング');
    expect(cues.some((c) => c.includes('不正アクセス'))).toBe(true);
  });

  it('point into the original text when full-width characters were normalized', () => {
    const text = '不正アクセスに関するお知らせ\n\n２０２４年５月１日\n株式会社ためし商事\n\n当社サーバーが不正アクセスを受け、お客様１，２３４名分の氏名が漏えいしたおそれがあります。\n';
    const r = extractIncident(doc(text));
    checkEvidence(r, text);
    const count = r.evidence.affectedCount![0];
    expect(text.slice(count.start, count.end)).toContain('１，２３４');
    const published = r.evidence.publishedAt![0];
    expect(text.slice(published.start, published.end)).toBe('２０２４年５月１日');
  });
});
