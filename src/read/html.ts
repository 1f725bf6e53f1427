// HTML → documents: Readability picks the main text (no navigation, sidebars, footers); title from
// og:title/<title>/<h1>; date from <time>, meta tags or the text; archive pages split per post.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { splitCasebookText, type Part } from './archive.js';
import { firstDateInText, isoFromValue } from './dates.js';
import { ReadError } from './errors.js';
import { domText, type DomNode } from './html-text.js';

export interface HtmlPart {
  text: string;
  title?: string;
  publishedAt?: string;
}

const MAX_DEPTH = 5000;
/** Shorter article elements are teasers or cards, not notices. */
const MIN_POST_CHARS = 200;
const FURNITURE = new Set(['nav', 'footer', 'aside', 'header']);
const DATE_METAS = [
  'article:published_time',
  'og:published_time',
  'date',
  'pubdate',
  'publishdate',
  'dc.date',
  'dc.date.issued',
  'dcterms.issued',
  'citation_publication_date',
];

// The slice of the linkedom DOM used here (the project compiles without the DOM lib).
interface El extends DomNode {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  contains(other: El): boolean;
}
interface Doc extends El {
  body: El | null;
  documentElement: El;
}

function parse(html: string): Doc {
  return parseHTML(html).document as unknown as Doc;
}

function meta(document: Doc, key: string): string | undefined {
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const k = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
    if (k === key) {
      const v = el.getAttribute('content')?.trim();
      if (v) return v;
    }
  }
  return undefined;
}

function clean(s: string | null | undefined): string | undefined {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, 500) : undefined;
}

function pageTitle(document: Doc): string | undefined {
  const h1 = clean(document.querySelector('h1')?.textContent);
  const title = clean(meta(document, 'og:title')) ?? clean(document.querySelector('title')?.textContent);
  // "<notice title> | <site name>": the page's own h1 is the notice title without the site suffix.
  if (h1 && title && title.includes(h1)) return h1;
  return title ?? h1;
}

function timeDate(root: El | Doc): string | undefined {
  const t = root.querySelector('time[datetime]') ?? root.querySelector('time');
  if (!t) return undefined;
  return isoFromValue(t.getAttribute('datetime')) ?? isoFromValue(t.textContent);
}

function pageDate(document: Doc): string | undefined {
  for (const key of DATE_METAS) {
    const d = isoFromValue(meta(document, key));
    if (d) return d;
  }
  return timeDate(document) ?? labelledDate(document);
}

// 「掲載日：令和7年5月9日」「公開日 2025年6月1日」: CMS pages print the date as a label outside the article
const DATE_LABEL = /(?:掲載日|公開日|発表日|公表日|発行日|登録日|作成日|更新日|最終更新日)(?:時)?\s?[:：]?\s?([^\n]{6,24})/;

function labelledDate(document: Doc): string | undefined {
  const body = document.body?.textContent ?? '';
  const m = DATE_LABEL.exec(body.slice(0, 20_000));
  return m ? firstDateInText(m[1]!) : undefined;
}

/** Title first, so the text reads like a notice file (the title line is often dropped by Readability). */
function withTitle(title: string | undefined, text: string): string {
  if (!title) return text;
  const head = text.slice(0, title.length + 40);
  if (head.includes(title) || title.includes(text.split('\n')[0] || '\u0000')) return text;
  return `${title}\n\n${text}`;
}

/** Posts of a blog archive or news list page: top-level article/post/entry elements with real text. */
function articleParts(document: Doc, max: number): HtmlPart[] | null {
  const found = Array.from(document.querySelectorAll('article, .post, .hentry, .entry, .post-outer'));
  // Teasers in sidebars, footers and "related articles" boxes are not posts of the page.
  const furniture = Array.from(document.querySelectorAll('aside, nav, footer, header, .related, .sidebar'));
  const top = found.filter(
    (el) => !found.some((o) => o !== el && o.contains(el)) && !furniture.some((f) => f.contains(el)),
  );
  if (top.length < 2) return null;
  const parts: HtmlPart[] = [];
  for (const el of top.slice(0, max)) {
    const text = domText(el, { skip: new Set(['nav', 'aside', 'footer']) });
    if (text.length < MIN_POST_CHARS) continue;
    const heading = el.querySelector('h1, h2, h3, .entry-title, .post-title');
    const title = clean(heading?.textContent);
    parts.push({ text: withTitle(title, text), title, publishedAt: timeDate(el) });
  }
  return parts.length >= 2 ? parts : null;
}

function fromParts(parts: Part[]): HtmlPart[] {
  return parts.map((p) => ({ text: p.text, title: p.title }));
}

/** Deepest element nesting and element count, walked without recursion; stops counting past the limits. */
function domShape(root: DomNode, maxDepth: number, maxNodes: number): { deep: boolean; big: boolean } {
  const stack: [DomNode, number][] = [[root, 0]];
  let nodes = 0;
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > maxDepth) return { deep: true, big: false };
    if (++nodes > maxNodes) return { deep: false, big: true };
    for (const c of Array.from(n.childNodes)) if (c.nodeType === 1) stack.push([c, d + 1]);
  }
  return { deep: false, big: false };
}

const VOID_OR_IMPLIED = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'td', 'th', 'tr', 'option', 'dt', 'dd']);

/** Estimated element nesting from the raw markup (the DOM parser slows down sharply on very deep trees). */
export function nestingDepth(html: string, limit: number): number {
  const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]{0,30})[^>]*>/g;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const nm = m[2].toLowerCase();
    if (VOID_OR_IMPLIED.has(nm) || m[0].endsWith('/>')) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max && (max = depth) > limit) break;
  }
  return max;
}

/** Main text of one HTML page, or one part per notice for an archive page. */
export function readHtml(html: string, maxDocuments: number): HtmlPart[] {
  if (nestingDepth(html, MAX_DEPTH) > MAX_DEPTH) throw new ReadError(`HTML nested too deeply (over ${MAX_DEPTH} levels)`);
  const document = parse(html);
  const title = pageTitle(document);
  const published = pageDate(document);

  const articles = articleParts(document, maxDocuments);
  if (articles) return articles;

  const body = document.body ?? document.documentElement;
  const bodyText = body ? domText(body, { skip: FURNITURE }) : '';
  const posts = splitCasebookText(bodyText, maxDocuments);
  if (posts) return fromParts(posts);

  let main = '';
  // Readability is quadratic on very deep or very large trees; such pages get the furniture-free body text.
  const shape = body ? domShape(body, 120, 30_000) : { deep: true, big: false };
  if (shape.deep || shape.big) return [{ text: withTitle(title, bodyText), title, publishedAt: published }];
  try {
    // Readability mutates the DOM; everything else was read above.
    const article = new Readability(document as never, { charThreshold: 200 }).parse();
    if (article?.content) {
      const inner = parse(`<!doctype html><html><body>${article.content}</body></html>`);
      if (inner.body) main = domText(inner.body);
    }
  } catch {
    main = '';
  }
  // Readability can settle on a fragment of a short page; the whole body minus furniture is then better.
  if (main.length < Math.min(200, bodyText.length * 0.3)) main = bodyText;
  const text = withTitle(title, main);
  return [{ text, title, publishedAt: published }];
}

/** Readable text of an HTML fragment (feed item content, e-mail body). */
export function htmlFragmentText(html: string): string {
  const doc = parse(`<!doctype html><html><body>${html}</body></html>`);
  return doc.body ? domText(doc.body) : '';
}
