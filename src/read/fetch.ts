// URL fetch with undici: whole-request timeout, size cap, bounded redirects, and no requests to loopback,
// private, link-local or metadata addresses unless allowed. The address check runs in the connection's own
// DNS lookup, so the address connected to is the address checked (no DNS-rebinding window), on every hop.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, request } from 'undici';
import { ReadError } from './errors.js';

export interface Fetched {
  bytes: Uint8Array;
  contentType?: string;
  url: string;
  fetchedAt: string;
}

export interface FetchOptions {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  allowPrivate: boolean;
}

/** Public unicast only: loopback, private, link-local (cloud metadata), CGNAT, multicast, reserved are refused. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void {
  dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses) => {
    if (err) return callback(err, '');
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) {
      const e: NodeJS.ErrnoException = new ReadError(`refused: ${hostname} resolves to a non-public address ${bad.address} (--allow-private)`);
      e.code = 'EJIKENBOPRIVATE';
      return callback(e, '');
    }
    if (options.all) return callback(null, addresses);
    return callback(null, addresses[0].address, addresses[0].family);
  });
}

const publicAgent = new Agent({ connect: { lookup: guardedLookup as never } });
const anyAgent = new Agent();

function describeFetchError(err: unknown, url: string, timeoutMs: number): string {
  if (err instanceof ReadError) return err.message;
  const e = err as { name?: string; code?: string; message?: string; cause?: unknown };
  const cause = e.cause as { code?: string; message?: string } | undefined;
  if (e.code === 'EJIKENBOPRIVATE' || cause?.code === 'EJIKENBOPRIVATE') return (cause?.code === 'EJIKENBOPRIVATE' ? cause.message : e.message) ?? 'refused';
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || e.code === 'UND_ERR_HEADERS_TIMEOUT' || e.code === 'UND_ERR_BODY_TIMEOUT')
    return `timed out after ${timeoutMs} ms (--timeout)`;
  const code = e.code ?? cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot resolve ${new URL(url).hostname}`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET') return 'connection reset';
  return `fetch failed: ${(e.message ?? String(err)).split('\n')[0].slice(0, 200)}`;
}

function checkUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ReadError('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ReadError(`unsupported URL scheme ${url.protocol}`);
  if (url.username || url.password) throw new ReadError('URLs with credentials are not fetched');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An address literal never goes through DNS lookup: check it here.
  if (!allowPrivate && isIP(host) && !isPublicAddress(host)) {
    throw new ReadError(`refused: ${host} is a non-public address (--allow-private)`);
  }
  return url;
}

/** GETs a URL following at most `maxRedirects` redirects; the body is capped at `maxBytes`. */
export async function fetchUrl(raw: string, o: FetchOptions): Promise<Fetched> {
  const signal = AbortSignal.timeout(o.timeoutMs);
  let url = checkUrl(raw, o.allowPrivate);
  try {
    for (let hop = 0; ; hop++) {
      const res = await request(url, {
        method: 'GET',
        dispatcher: o.allowPrivate ? anyAgent : publicAgent,
        signal,
        headersTimeout: o.timeoutMs,
        bodyTimeout: o.timeoutMs,
        headers: { 'user-agent': 'jikenbo', accept: 'text/html,application/xhtml+xml,application/pdf,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5' },
      });
      // Destroying the body early (size cap) emits an abort error that nobody else listens for.
      res.body.on('error', () => undefined);
      const status = res.statusCode;
      if (status >= 300 && status < 400 && res.headers.location) {
        await res.body.dump();
        if (hop >= o.maxRedirects) throw new ReadError(`more than ${o.maxRedirects} redirects`);
        const loc = Array.isArray(res.headers.location) ? res.headers.location[0] : res.headers.location;
        url = checkUrl(new URL(loc, url).href, o.allowPrivate);
        continue;
      }
      if (status >= 400) {
        await res.body.dump();
        throw new ReadError(`HTTP ${status}`);
      }
      const len = Number(res.headers['content-length']);
      if (Number.isFinite(len) && len > o.maxBytes) {
        res.body.destroy();
        throw new ReadError(`response is larger than ${o.maxBytes} bytes (--max-bytes)`);
      }
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of res.body) {
        total += (chunk as Buffer).length;
        if (total > o.maxBytes) {
          res.body.destroy();
          throw new ReadError(`response is larger than ${o.maxBytes} bytes (--max-bytes)`);
        }
        chunks.push(chunk as Buffer);
      }
      const ct = res.headers['content-type'];
      return {
        bytes: Buffer.concat(chunks),
        contentType: Array.isArray(ct) ? ct[0] : ct,
        url: url.href,
        fetchedAt: new Date().toISOString(),
      };
    }
  } catch (err) {
    throw new ReadError(describeFetchError(err, url.href, o.timeoutMs));
  }
}
