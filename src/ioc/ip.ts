// IP address validation, normalization (RFC 5952 for IPv6) and address-class tags, via ipaddr.js.
import ipaddr from 'ipaddr.js';

/** Canonical dotted quad, or null: exactly four decimal octets 0–255 without leading zeros. */
export function parseIPv4(s: string): string | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  for (const p of parts) {
    if (p.length === 0 || p.length > 3 || (p.length > 1 && p[0] === '0')) return null;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c < 48 || c > 57) return null;
    }
    if (Number(p) > 255) return null;
  }
  return parts.join('.');
}

/** RFC 5952 text of an IPv6 address, or null; an IPv4-mapped address keeps its dotted tail. */
export function parseIPv6(s: string): string | null {
  // an address has eight groups, six and a dotted tail, or '::': times such as 10:30:00 have fewer colons
  if (s === '::' || (!s.includes('::') && colonCount(s) < 6) || !ipaddr.IPv6.isValid(s)) return null;
  try {
    const addr = ipaddr.IPv6.parse(s);
    if (addr.isIPv4MappedAddress()) return `::ffff:${addr.toIPv4Address().toString()}`;
    return addr.toRFC5952String();
  } catch {
    return null;
  }
}

function colonCount(s: string): number {
  let n = 0;
  for (let i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) n++;
  return n;
}

const DOC_V4 = [ipaddr.parseCIDR('192.0.2.0/24'), ipaddr.parseCIDR('198.51.100.0/24'), ipaddr.parseCIDR('203.0.113.0/24')];
const DOC_V6 = [ipaddr.parseCIDR('2001:db8::/32'), ipaddr.parseCIDR('3fff::/20')];

/** The address class worth flagging (private, loopback, documentation, linkLocal, …); undefined for public unicast. */
export function ipClass(value: string): string | undefined {
  try {
    const addr = ipaddr.parse(value);
    const docs = addr.kind() === 'ipv4' ? DOC_V4 : DOC_V6;
    for (const [net, bits] of docs) {
      if (net.kind() === addr.kind() && addr.match(net, bits)) return 'documentation';
    }
    const range = addr.range();
    if (range === 'unicast') return undefined;
    if (range === 'uniqueLocal') return 'private';
    if (range === 'ipv4Mapped') {
      const inner = ipClass((addr as ipaddr.IPv6).toIPv4Address().toString());
      return inner;
    }
    return range;
  } catch {
    return undefined;
  }
}
