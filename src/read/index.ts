// Readers: bytes or a URL → Documents (encodings, HTML, PDF, feeds, e-mail, archive pages, URL fetch).
export { ReadError, reasonOf } from './errors.js';
export { READ_DEFAULTS, withDefaults, type ReadOptions } from './options.js';
export { decodeBytes, charsetOf, encodingForLabel, sniffDeclaredCharset, type Decoded } from './decode.js';
export { readHtml, htmlFragmentText, type HtmlPart } from './html.js';
export { readPdf, type PdfText } from './pdf.js';
export { checkPdfInflation, MAX_INFLATED_BYTES } from './pdf-guard.js';
export { readFeed, feedKind, type FeedItem } from './feed.js';
export { readEmail, looksLikeEmail } from './eml.js';
export { splitCasebookText } from './archive.js';
export { fetchUrl, isPublicAddress, type Fetched, type FetchOptions } from './fetch.js';
export { readBytes, type SourceInfo, type Format } from './reader.js';
export { readUrl, isUrl } from './url.js';
