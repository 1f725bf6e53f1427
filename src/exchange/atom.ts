// Cases → an Atom 1.0 feed (RFC 4287) of the newest cases.
import { stableUuid, stixTime, type ExportCase } from './common.js';
import { escapeXml } from './html.js';

export interface AtomOptions {
  title?: string;
  /** how many entries; newest first */
  limit?: number;
  /** the feed's own URL, when it is published somewhere */
  selfUrl?: string;
}

const newest = (c: ExportCase) => c.record.publishedAt ?? c.updatedAt;

export function exportAtom(cases: Iterable<ExportCase>, options: AtomOptions = {}): string {
  const list = [...cases].sort((a, b) => (newest(a) < newest(b) ? 1 : newest(a) > newest(b) ? -1 : 0)).slice(0, options.limit ?? 50);
  const updated = list.length ? list.map((c) => stixTime(c.updatedAt)).sort().at(-1)! : stixTime(null);
  const title = options.title ?? 'jikenbo — incident notices';
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeXml(title)}</title>`,
    `  <id>urn:uuid:${stableUuid('atom-feed', title)}</id>`,
    `  <updated>${updated}</updated>`,
    '  <generator>jikenbo</generator>',
    ...(options.selfUrl ? [`  <link rel="self" href="${escapeXml(options.selfUrl)}"/>`] : []),
  ];
  for (const c of list) {
    const r = c.record;
    const summary = [
      r.organization,
      r.categories.length ? `categories: ${r.categories.join(', ')}` : null,
      r.affectedCount !== null ? `affected: ${r.affectedApprox ? '約' : ''}${r.affectedCount}${r.affectedUnit ?? ''}` : null,
      r.dataItems.length ? `data: ${r.dataItems.join(', ')}` : null,
      r.leakStatus ? `leak: ${r.leakStatus}` : null,
    ]
      .filter(Boolean)
      .join(' / ');
    out.push(
      '  <entry>',
      `    <title>${escapeXml(r.title || c.id)}</title>`,
      `    <id>urn:uuid:${stableUuid('atom-entry', c.id)}</id>`,
      `    <updated>${stixTime(c.updatedAt)}</updated>`,
      ...(r.publishedAt ? [`    <published>${stixTime(r.publishedAt)}</published>`] : []),
      ...(r.organization ? [`    <author><name>${escapeXml(r.organization)}</name></author>`] : ['    <author><name>jikenbo</name></author>']),
      ...(r.source.url && /^https?:\/\//i.test(r.source.url) ? [`    <link rel="alternate" href="${escapeXml(r.source.url)}"/>`] : []),
      ...r.categories.map((cat) => `    <category term="${escapeXml(cat)}"/>`),
      `    <summary>${escapeXml(summary)}</summary>`,
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
