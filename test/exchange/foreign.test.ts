// Files as other tools write them (hand-written in their shapes): an OpenCTI bundle, a VCDB incident, a MISP
// event from another instance. The importer must read the standard parts without our own record extension.
import { describe, expect, it } from 'vitest';
import { ImportSession } from '../../src/exchange/import.js';
import type { Incident } from '../../src/model/index.js';

async function importText(text: string, file = 'x.json') {
  const records: Incident[] = [];
  const problems: string[] = [];
  for await (const ev of new ImportSession().importStream(file, [text])) {
    if (ev.kind === 'record') records.push(ev.record);
    else problems.push(`${ev.path}: ${ev.message}`);
  }
  return { records, problems };
}

const T = '2024-03-02T10:00:00.000Z';

describe('foreign files', () => {
  it('an OpenCTI export with severity, its own extension and relationships', async () => {
    const victim = 'identity--5a0e2d1c-7b8f-4c3e-9a1d-2f4b6c8e0a11';
    const inc = 'incident--8c2b9a4e-1d3f-4e5a-8b7c-9d0e1f2a3b4c';
    const ind = 'indicator--1f2e3d4c-5b6a-4789-8a0b-1c2d3e4f5a6b';
    const bundle = {
      type: 'bundle',
      id: 'bundle--2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091',
      objects: [
        { type: 'identity', spec_version: '2.1', id: victim, created: T, modified: T, name: '株式会社サンプル', identity_class: 'organization', x_opencti_organization_type: 'vendor' },
        {
          type: 'incident',
          spec_version: '2.1',
          id: inc,
          created: T,
          modified: T,
          name: '株式会社サンプルへのランサムウェア攻撃',
          description: 'VPN経由で侵入され、サーバーが暗号化された。',
          severity: 'high',
          incident_type: 'ransomware',
          first_seen: '2024-02-20T00:00:00.000Z',
          last_seen: '2024-02-21T00:00:00.000Z',
          source: 'press release',
          objective: 'extortion',
          labels: ['ransomware', 'japan'],
          external_references: [{ source_name: 'press', url: 'https://www.sample.example.jp/news/0302.html' }],
          extensions: { 'extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba': { extension_type: 'new-sdo', id: 'abc', created_at: T } },
        },
        { type: 'indicator', spec_version: '2.1', id: ind, created: T, modified: T, pattern_type: 'stix', pattern: "[ipv4-addr:value = '203.0.113.9']", valid_from: T },
        { type: 'relationship', spec_version: '2.1', id: 'relationship--0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', created: T, modified: T, relationship_type: 'targets', source_ref: inc, target_ref: victim },
        { type: 'relationship', spec_version: '2.1', id: 'relationship--1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', created: T, modified: T, relationship_type: 'indicates', source_ref: ind, target_ref: inc },
        { type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--2a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', created: T, modified: T, name: 'Exploit Public-Facing Application' },
      ],
    };
    const { records, problems } = await importText(JSON.stringify(bundle));
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      title: '株式会社サンプルへのランサムウェア攻撃',
      organization: '株式会社サンプル',
      categories: ['ransomware'],
      occurredFrom: '2024-02-20',
      publishedAt: '2024-03-02',
      text: 'VPN経由で侵入され、サーバーが暗号化された。',
      source: { url: 'https://www.sample.example.jp/news/0302.html', mediaType: 'application/stix+json;version=2.1', path: 'x.json' },
    });
    expect(records[0].indicators.ipv4s).toEqual(['203.0.113.9']);
  });

  it('a VCDB incident', async () => {
    const vcdb = {
      schema_version: '1.4.0',
      schema_name: 'vcdb',
      source_id: 'vcdb',
      incident_id: '0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D',
      security_incident: 'Confirmed',
      reference: 'https://www.example.lg.jp/a.html; https://news.example.com/b',
      summary: 'A city employee sent an email to 120 residents using CC instead of BCC.',
      confidence: 'High',
      timeline: { incident: { year: 2023, month: 11, day: 7 } },
      victim: { victim_id: 'Example City', country: ['JP'], employee_count: '1001 to 10000', industry: '921190', government: ['Local'] },
      action: { error: { variety: ['Misdelivery'], vector: ['Carelessness'] } },
      actor: { internal: { variety: ['End-user'], motive: ['NA'] } },
      asset: { assets: [{ variety: 'S - Mail' }], cloud: ['Unknown'] },
      attribute: { confidentiality: { data_disclosure: 'Yes', data_total: 120, data: [{ variety: 'Personal', amount: 120 }], data_victim: ['Customer'] } },
      discovery_method: { external: { variety: ['Customer'] } },
      plus: { created: '2023-11-09T02:11:00Z', master_id: 'f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a0b' },
    };
    const { records, problems } = await importText(JSON.stringify(vcdb), 'data/json/validated/0A1B.json');
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      title: vcdb.summary,
      organization: 'Example City',
      categories: ['email_misdelivery'],
      affectedCount: 120,
      leakStatus: 'confirmed',
      occurredFrom: '2023-11-07',
      publishedAt: '2023-11-09',
      source: { url: 'https://www.example.lg.jp/a.html' },
    });
    // a fax asset turns the same VERIS action into fax misdelivery
    const fax = { ...vcdb, incident_id: 'B', asset: { assets: [{ variety: 'M - Fax' }], cloud: ['Unknown'] } };
    expect((await importText(JSON.stringify(fax))).records[0].categories).toEqual(['fax_misdelivery']);
  });

  it('a MISP event from another instance (numeric ids, galaxies, report, sightings)', async () => {
    const event = {
      Event: {
        id: '1234',
        orgc_id: '2',
        org_id: '1',
        date: '2024-01-15',
        threat_level_id: '2',
        info: 'Phishing campaign impersonating a Japanese bank',
        published: true,
        uuid: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
        analysis: '1',
        timestamp: '1705300000',
        distribution: '1',
        Orgc: { id: '2', name: 'CIRCL', uuid: '55f6ea5e-2c60-40e5-964f-47a8950d210f' },
        Tag: [{ name: 'tlp:green' }, { name: 'circl:incident-classification="phishing"' }, { name: 'rsit:information-content-security="data-leak"' }],
        Galaxy: [{ name: 'Sector', type: 'sector', GalaxyCluster: [{ value: 'Finance' }] }],
        EventReport: [{ name: 'report', content: 'x' }],
        Attribute: [
          { id: '1', type: 'url', category: 'Network activity', value: 'https://bank-login.example/jp', to_ids: true, uuid: '6e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', Sighting: [] },
          { id: '2', type: 'domain|ip', category: 'Network activity', value: 'bank-login.example|198.51.100.20', to_ids: true, uuid: '7e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b' },
          { id: '3', type: 'ip-dst', category: 'Network activity', value: '198.51.100.20', to_ids: true, uuid: '8e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', deleted: true },
          { id: '4', type: 'email-src', category: 'Payload delivery', value: 'info@bank-login.example', to_ids: true, uuid: '9e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b' },
          { id: '5', type: 'target-org', category: 'Targeting data', value: 'Example Bank', to_ids: false, uuid: 'ae6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b' },
        ],
      },
    };
    const { records, problems } = await importText(JSON.stringify(event));
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      title: 'Phishing campaign impersonating a Japanese bank',
      publishedAt: '2024-01-15',
      organization: 'Example Bank',
      // data-leak is ambiguous (misdelivery, loss, exposure…) and is not guessed
      categories: ['phishing'],
    });
    expect(records[0].indicators.urls).toEqual(['https://bank-login.example/jp']);
    expect(records[0].indicators.emails).toEqual(['info@bank-login.example']);
    // domain|ip is split; the deleted ip-dst adds nothing of its own
    expect(records[0].indicators.domains).toEqual(['bank-login.example']);
    expect(records[0].indicators.ipv4s).toEqual(['198.51.100.20']);
  });
});
