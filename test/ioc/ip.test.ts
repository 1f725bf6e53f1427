// parseIPv6 rules out candidates by their colons before asking ipaddr.js; the shortcut must never
// reject an address ipaddr.js accepts.
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { parseIPv6 } from '../../src/ioc/ip.js';

describe('parseIPv6', () => {
  it('normalizes addresses and rejects times and short colon runs', () => {
    expect(parseIPv6('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(parseIPv6('::ffff:192.0.2.1')).toBe('::ffff:192.0.2.1');
    expect(parseIPv6('1:2:3:4:5:6:192.0.2.1')).toBe('1:2:3:4:5:6:c000:201');
    expect(parseIPv6('10:30:00')).toBeNull();
    expect(parseIPv6('::')).toBeNull();
  });

  it('accepts exactly what ipaddr.js accepts', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let valid = 0;
    for (let i = 0; i < 60000; i++) {
      const groups = rand(2) === 0 ? 1 + rand(9) : 6 + rand(3);
      const parts: string[] = [];
      for (let k = 0; k < groups; k++) parts.push(rand(16) === 0 ? '' : rand(12) === 0 ? '192.0.2.1' : rand(65536).toString(16));
      const s = parts.join(':');
      const ok = s !== '::' && ipaddr.IPv6.isValid(s);
      if (ok) valid++;
      expect(parseIPv6(s) !== null, s).toBe(ok);
    }
    expect(valid).toBeGreaterThan(300); // the generator does make valid addresses
  });
});
