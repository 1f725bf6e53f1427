// DOM → readable text: block elements on their own lines, table rows as one line each, list items bulleted.
// Works on any DOM-like tree (linkedom) through the few Node properties it needs.

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas', 'button', 'select', 'form', 'head']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'address', 'figure', 'figcaption', 'hr', 'table', 'caption',
  'tbody', 'thead', 'tfoot', 'body', 'html', 'details', 'summary', 'center',
]);

export interface TextOptions {
  /** element names dropped as page furniture (nav, footer…) */
  skip?: Set<string>;
}

function name(n: DomNode): string {
  return n.nodeName.toLowerCase();
}

/** Text of a table cell or other inline run, on one line. */
function inlineText(n: DomNode): string {
  return oneLine(walkToString(n, {}));
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function rowLine(tr: DomNode): string {
  const cells: string[] = [];
  for (const c of Array.from(tr.childNodes)) {
    const nm = name(c);
    if (nm === 'td' || nm === 'th') {
      const t = inlineText(c);
      if (t) cells.push(t);
    }
  }
  // A two-cell row is a label and its value (流出件数 | 1,234件): write it the way notices do.
  return cells.length === 2 ? `${cells[0]}：${cells[1]}` : cells.join(' | ');
}

/** Depth-first walk with an explicit stack: deeply nested pages cannot overflow the call stack. */
function walkToString(root: DomNode, opts: TextOptions): string {
  const out: string[] = [];
  const stack: (DomNode | string)[] = [root];
  const pushChildren = (n: DomNode): void => {
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  };
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'string') {
      out.push(n);
      continue;
    }
    if (n.nodeType === 3) {
      out.push((n.textContent ?? '').replace(/[ \t\r\n\f\u00a0]+/g, ' '));
      continue;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
    const nm = name(n);
    if (SKIP.has(nm) || opts.skip?.has(nm)) continue;
    if (n.getAttribute && (n.getAttribute('hidden') !== null || n.getAttribute('aria-hidden') === 'true')) continue;
    if (nm === 'br') {
      out.push('\n');
    } else if (nm === 'tr') {
      out.push('\n', rowLine(n));
    } else if (nm === 'li') {
      out.push('\n・');
      pushChildren(n);
    } else if (BLOCK.has(nm)) {
      out.push('\n');
      stack.push('\n');
      pushChildren(n);
    } else {
      pushChildren(n);
    }
  }
  return out.join('');
}

/** Readable text of a DOM subtree: trimmed lines, runs of blank lines collapsed to one. */
export function domText(n: DomNode, opts: TextOptions = {}): string {
  const lines = walkToString(n, opts)
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trim())
    .map((l) => (l === '・' ? '\u0001' : l.replace(/^・\s*([・●■◆○◇※\-*])/, '$1')));
  // A list item whose content is a block leaves its bullet alone on a line: join it to the content.
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i] !== '\u0001') continue;
    let j = i + 1;
    while (j < lines.length && lines[j] === '') j++;
    if (j < lines.length) lines[j] = `・${lines[j]}`;
    lines[i] = '';
  }
  const kept: string[] = [];
  for (const raw of lines) {
    const l = raw === '\u0001' ? '' : raw;
    if (l === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(l);
  }
  return kept.join('\n').trim();
}
