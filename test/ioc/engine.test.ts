// Offsets, tags, warninglists, regex safety and linear time of the IoC engine.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileSafeRegex,
  extractIndicators,
  loadWarninglists,
  matchWarninglists,
  parseWarninglist,
  refang,
} from '../../src/ioc/index.js';
import { sharedDir } from '../helpers/cli.js';

describe('offsets', () => {
  it('point at the original characters, defanged and full-width forms included', () => {
    const text = '送信元：ｉｎｆｏ［＠］ｅｖｉｌ－ｍａｉｌ［．］ｃｏｍ、攻撃元 203.0.113[.]7 と 203.0.113.7';
    const r = extractIndicators(text, { offsets: true });
    expect(r.emails).toEqual(['info@evil-mail.com']);
    const [email] = r.offsets!.emails;
    expect(email.raw).toBe('ｉｎｆｏ［＠］ｅｖｉｌ－ｍａｉｌ［．］ｃｏｍ');
    expect(text.slice(email.start, email.end)).toBe(email.raw);
    const ips = r.offsets!.ipv4s;
    expect(ips.map((o) => o.raw)).toEqual(['203.0.113[.]7', '203.0.113.7']);
    expect(r.ipv4s).toEqual(['203.0.113.7']);
  });

  it('survive zero-width characters and CRLF', () => {
    const text = 'line one\r\nC2: hxxps://bad\u200b-host[.]net/x\r\n';
    const r = extractIndicators(text, { offsets: true });
    const [url] = r.offsets!.urls;
    expect(url.value).toBe('https://bad-host.net/x');
    expect(url.raw).toBe('hxxps://bad\u200b-host[.]net/x');
    expect(text.slice(url.start, url.end)).toBe(url.raw);
  });

  it('are not returned unless asked for', () => {
    expect(extractIndicators('1.2.3.4 x').offsets).toBeUndefined();
  });
});

describe('deduplication', () => {
  it('keeps the first appearance of each value, for long lists too', () => {
    const names = Array.from({ length: 120 }, (_, i) => `h${i % 60}.evil-dedupe.com`);
    const r = extractIndicators(names.join(' and '));
    expect(r.domains).toEqual(names.slice(0, 60));
  });
});

describe('refang', () => {
  it('maps refanged offsets back to the source', () => {
    const src = 'x hxxps://a[.]b[.]com y';
    const rf = refang(src);
    expect(rf.text).toBe('x https://a.b.com y');
    const a = rf.text.indexOf('https');
    const b = rf.text.indexOf(' y');
    expect(src.slice(rf.mapStart(a), rf.mapEnd(b))).toBe('hxxps://a[.]b[.]com');
    expect(rf.defangedWithin(a, b)).toBe(true);
    expect(rf.defangedWithin(0, 1)).toBe(false);
  });
});

describe('tags', () => {
  it('tags private, loopback and documentation addresses without dropping them', () => {
    const r = extractIndicators('10.0.0.1 127.0.0.1 192.0.2.5 8.8.8.8 2001:db8::1 fd00::1', { tags: true });
    expect(r.ipv4s).toEqual(['10.0.0.1', '127.0.0.1', '192.0.2.5', '8.8.8.8']);
    expect(r.tags).toEqual({
      '10.0.0.1': { ip: 'private' },
      '127.0.0.1': { ip: 'loopback' },
      '192.0.2.5': { ip: 'documentation' },
      '2001:db8::1': { ip: 'documentation' },
      'fd00::1': { ip: 'private' },
    });
  });
});

const WL_DIR = join(sharedDir, 'reference/misp/warninglists');

describe('warninglists', () => {
  it('reads the MISP lists and tags matches as benign, keeping them', () => {
    const lists = loadWarninglists(WL_DIR);
    expect(lists.map((l) => l.id).sort()).toEqual(['tranco10k', 'url-shortener']);
    const r = extractIndicators('see https://bit.ly/abc and www.google.com and evil-unknown-site.xyz', { warninglists: lists });
    expect(r.domains).toEqual(['bit.ly', 'www.google.com', 'evil-unknown-site.xyz']);
    expect(r.tags!['bit.ly'].benign).toEqual(['tranco10k', 'url-shortener']);
    expect(r.tags!['https://bit.ly/abc'].benign).toContain('url-shortener');
    expect(r.tags!['www.google.com'].benign).toEqual(['tranco10k']);
    expect(r.tags!['evil-unknown-site.xyz']).toBeUndefined();
  });

  it('supports string, substring, cidr and regex lists', () => {
    const str = parseWarninglist('s', JSON.stringify({ name: 's', type: 'string', list: ['8.8.8.8'] }));
    const sub = parseWarninglist('sub', JSON.stringify({ name: 'sub', type: 'substring', list: ['googleapis'] }));
    const cidr = parseWarninglist('c', JSON.stringify({ name: 'c', type: 'cidr', list: ['203.0.113.0/24', '2001:db8::/32', 'junk'] }));
    const re = parseWarninglist('r', JSON.stringify({ name: 'r', type: 'regex', list: ['^https?://[a-z]+\\.example\\.org/', '(a+)+$'] }));
    expect(cidr.skipped).toBe(1);
    expect(re.skipped).toBe(1); // the nested quantifier is refused
    const lists = [str, sub, cidr, re];
    expect(matchWarninglists(lists, 'ipv4s', '8.8.8.8')).toEqual(['s']);
    expect(matchWarninglists(lists, 'domains', 'fonts.googleapis.com')).toEqual(['sub']);
    expect(matchWarninglists(lists, 'ipv4s', '203.0.113.9')).toEqual(['c']);
    expect(matchWarninglists(lists, 'ipv6s', '2001:db8::5')).toEqual(['c']);
    expect(matchWarninglists(lists, 'urls', 'https://www.example.org/x')).toEqual(['r']);
    expect(matchWarninglists(lists, 'ipv4s', '198.51.100.1')).toEqual([]);
  });

  it('honours matching_attributes', () => {
    const wl = parseWarninglist('h', JSON.stringify({ name: 'h', type: 'hostname', list: ['example.net'], matching_attributes: ['domain'] }));
    expect(matchWarninglists([wl], 'domains', 'a.example.net')).toEqual(['h']);
    expect(matchWarninglists([wl], 'urls', 'https://a.example.net/')).toEqual([]);
  });

  it('rejects bad directories and files with one-line errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wl-'));
    expect(() => loadWarninglists(dir)).toThrow(/no warninglists/);
    expect(() => loadWarninglists(join(dir, 'missing'))).toThrow(/cannot read/);
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'list.json'), '{not json');
    expect(() => loadWarninglists(dir)).toThrow(/bad: list.json is not valid JSON/);
    writeFileSync(join(dir, 'bad', 'list.json'), JSON.stringify({ type: 'weird', list: [] }));
    expect(() => loadWarninglists(dir)).toThrow(/unsupported warninglist type/);
  });
});

describe('compileSafeRegex', () => {
  it('accepts plain patterns and refuses catastrophic shapes', () => {
    expect(compileSafeRegex('^[a-z0-9.-]+\\.example\\.com$')).toBeInstanceOf(RegExp);
    expect(compileSafeRegex('/^foo.*bar$/i')?.flags).toBe('i');
    for (const bad of ['(a+)+', '(a|aa)*', '(x*y*)*z', '(\\w+\\s?)+$', '(a)\\1', 'x'.repeat(600), '(unclosed', '[']) {
      expect(compileSafeRegex(bad), bad).toBeNull();
    }
  });
});

describe('linear time (ReDoS)', () => {
  const time = (text: string): number => {
    const t0 = performance.now();
    extractIndicators(text, { offsets: true });
    return performance.now() - t0;
  };
  const SIZE = 200_000;
  const normal = ('攻撃元 203.0.113[.]5 から hxxps://evil[.]com/a へ誘導。Contact admin@bad-mail.net now. ').repeat(SIZE / 60).slice(0, SIZE);
  const adversarial = [
    'a'.repeat(SIZE),
    'a.'.repeat(SIZE / 2),
    '1.'.repeat(SIZE / 2),
    ':'.repeat(SIZE),
    '1:'.repeat(SIZE / 2),
    'a@'.repeat(SIZE / 2),
    '@a.'.repeat(SIZE / 3),
    'http://'.repeat(SIZE / 7),
    'http://a.com/' + '('.repeat(SIZE),
    'http://a.com/' + ')'.repeat(SIZE),
    ('http://a.com/' + ')'.repeat(8000) + ' ').repeat(SIZE / 8000),
    'http://a.com/x?u=http://b.com/'.repeat(SIZE / 30),
    ('x'.repeat(64) + '@').repeat(SIZE / 65),
    '1:2:3:4:5:6:7:8:'.repeat(SIZE / 16),
    '.'.repeat(SIZE),
    ('、' + '日.'.repeat(1000)).repeat(SIZE / 2001),
    '「' + 'あ'.repeat(SIZE),
    '[.]'.repeat(SIZE / 3),
    'a[.]'.repeat(SIZE / 4),
    'hxxp'.repeat(SIZE / 4),
    'CVE-2024-'.repeat(SIZE / 9),
    'x'.repeat(63) + '@' + 'a-'.repeat(SIZE / 2),
    '0123456789abcdef'.repeat(SIZE / 16),
  ];
  it('handles adversarial input within a generous bound of normal input of the same size', () => {
    time(normal); // warm up
    const base = Math.max(time(normal), 20);
    for (const text of adversarial) {
      const t = time(text);
      expect(t, `${JSON.stringify(text.slice(0, 20))}…`).toBeLessThan(base * 25);
    }
  });
});
