// RSS 2.0 / RSS 1.0 (RDF) / Atom feeds: every item becomes a document (link, title, date, content or summary).
import { XMLParser } from 'fast-xml-parser';
import { isoFromValue } from './dates.js';
import { ReadError } from './errors.js';
import { htmlFragmentText } from './html.js';

export interface FeedItem {
  text: string;
  title?: string;
  link?: string;
  publishedAt?: string;
}

/** Root element name when the text is a feed, else null. Looks only at the first bytes. */
export function feedKind(text: string): 'rss' | 'atom' | 'rdf' | null {
  const head = text.slice(0, 2048).replace(/<\?xml[^>]{0,300}\?>/, '').replace(/<!--[\s\S]{0,500}?-->/g, '');
  const m = /<\s*([A-Za-z][\w:.-]{0,40})/.exec(head);
  if (!m) return null;
  const root = m[1].toLowerCase();
  if (root === 'rss') return 'rss';
  if (root === 'feed') return 'atom';
  if (root === 'rdf:rdf') return 'rdf';
  return null;
}

type Node = Record<string, unknown>;

/** Text of an XML value that may be a string, a number or an element with attributes (`#text`). */
function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return str(v[0]);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && '#text' in (v as Node)) return str((v as Node)['#text']);
  return undefined;
}

function atomLink(v: unknown): string | undefined {
  const links = (Array.isArray(v) ? v : [v]) as unknown[];
  let first: string | undefined;
  for (const l of links) {
    if (l && typeof l === 'object') {
      const n = l as Node;
      const href = str(n['@_href']);
      if (!href) continue;
      const rel = str(n['@_rel']) ?? 'alternate';
      if (rel === 'alternate') return href;
      first ??= href;
    } else if (typeof l === 'string') first ??= l;
  }
  return first;
}

function asList(v: unknown): Node[] {
  if (!v) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is Node => !!x && typeof x === 'object');
}

function item(title: string | undefined, body: string | undefined, link: string | undefined, date: string | undefined): FeedItem | null {
  const t = title ? htmlFragmentText(title).replace(/\s+/g, ' ').trim() : undefined;
  const text = body ? htmlFragmentText(body) : '';
  if (!t && !text) return null;
  const full = t && !text.startsWith(t) ? `${t}\n\n${text}`.trim() : text;
  return { text: full, title: t || undefined, link: link?.trim() || undefined, publishedAt: isoFromValue(date) };
}

export function readFeed(xml: string, maxItems: number): FeedItem[] {
  let tree: Node;
  try {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      // Feeds use only the predefined and HTML entities; a DOCTYPE's own entities are not expanded.
      processEntities: true,
      htmlEntities: true,
      parseTagValue: false,
      trimValues: true,
    });
    tree = parser.parse(xml) as Node;
  } catch (err) {
    throw new ReadError(`malformed feed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const out: FeedItem[] = [];
  const push = (i: FeedItem | null): void => {
    if (i && out.length < maxItems) out.push(i);
  };
  const rss = tree.rss as Node | undefined;
  const rdf = tree['rdf:RDF'] as Node | undefined;
  const atom = tree.feed as Node | undefined;
  if (rss || rdf) {
    const channel = rss ? (asList(rss.channel)[0] ?? {}) : {};
    const items = rss ? asList(channel.item) : asList(rdf?.item);
    for (const it of items) {
      const body = str(it['content:encoded']) ?? str(it.description);
      push(item(str(it.title), body, str(it.link) ?? str(it.guid), str(it.pubDate) ?? str(it['dc:date'])));
    }
  } else if (atom) {
    for (const e of asList(atom.entry)) {
      const body = str(e.content) ?? str(e.summary);
      push(item(str(e.title), body, atomLink(e.link), str(e.published) ?? str(e.updated)));
    }
  } else {
    throw new ReadError('not an RSS or Atom feed');
  }
  if (out.length === 0) throw new ReadError('feed has no items');
  return out;
}
