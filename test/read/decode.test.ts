import { describe, expect, it } from 'vitest';
import { ReadError, charsetOf, decodeBytes, readBytes, sniffDeclaredCharset } from '../../src/read/index.js';
import { encode, utf16 } from './helpers.js';

const SAMPLE = '①髙﨑～㈱ 株式会社テストにおける不正アクセスについて。お客様の個人情報（氏名、住所）が流出した可能性があります。';

describe('decodeBytes', () => {
  it('decodes UTF-8 with and without a BOM', () => {
    const plain = Buffer.from(SAMPLE, 'utf8');
    expect(decodeBytes(plain).text).toBe(SAMPLE);
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain])).text).toBe(SAMPLE);
  });

  it('decodes UTF-16 LE and BE, with a BOM and without', () => {
    for (const endian of ['le', 'be'] as const) {
      expect(decodeBytes(utf16(SAMPLE, endian, true)).text).toBe(SAMPLE);
      expect(decodeBytes(utf16(SAMPLE, endian, false)).text).toBe(SAMPLE);
    }
  });

  it('detects Shift_JIS (CP932) and keeps ①髙﨑～㈱', () => {
    const d = decodeBytes(encode(SAMPLE, 'SJIS'));
    expect(d.encoding).toBe('shift_jis');
    expect(d.text).toBe(SAMPLE);
  });

  it('detects EUC-JP', () => {
    const text = '株式会社テストにおける不正アクセスについてのお知らせ。個人情報が流出した可能性があります。';
    const d = decodeBytes(encode(text, 'EUCJP'));
    expect(d.encoding).toBe('euc-jp');
    expect(d.text).toBe(text);
  });

  it('detects ISO-2022-JP (7-bit, would also pass as UTF-8)', () => {
    const text = '不正アクセスに関するお知らせ。個人情報が流出しました。';
    const d = decodeBytes(encode(text, 'JIS'));
    expect(d.encoding).toBe('iso-2022-jp');
    expect(d.text).toBe(text);
  });

  it('honours a declared charset, and ignores one the bytes contradict', () => {
    const sjis = encode(SAMPLE, 'SJIS');
    expect(decodeBytes(sjis, 'Windows-31J').text).toBe(SAMPLE);
    expect(decodeBytes(Buffer.from(SAMPLE), 'shift_jis').text).toBe(SAMPLE);
  });

  it('rejects binary and empty input with a reason', () => {
    expect(() => decodeBytes(new Uint8Array(0))).toThrow(/empty/);
    const bin = Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256);
    expect(() => decodeBytes(bin)).toThrow(ReadError);
  });
});

describe('charset labels', () => {
  it('reads Content-Type and meta declarations', () => {
    expect(charsetOf('text/html; charset="Shift_JIS"')).toBe('Shift_JIS');
    expect(charsetOf('text/html')).toBeNull();
    expect(sniffDeclaredCharset(Buffer.from('<html><head><meta charset="euc-jp">'))).toBe('euc-jp');
    expect(sniffDeclaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'))).toBe('Shift_JIS');
    expect(sniffDeclaredCharset(Buffer.from('<?xml version="1.0" encoding="EUC-JP"?><rss>'))).toBe('EUC-JP');
  });

  it('a Shift_JIS HTML page with a meta charset reads as text', async () => {
    const html = `<html><head><meta charset="Shift_JIS"><title>髙﨑㈱ お知らせ</title></head><body><h1>髙﨑㈱ お知らせ</h1><p>${SAMPLE}</p></body></html>`;
    const [doc] = await readBytes(encode(html, 'SJIS'), { path: 'x.html' });
    expect(doc.title).toBe('髙﨑㈱ お知らせ');
    expect(doc.text).toContain(SAMPLE);
    expect(doc.source.mediaType).toBe('text/html');
  });

  it('an HTTP Content-Type charset wins over detection', async () => {
    const [doc] = await readBytes(encode(SAMPLE, 'EUCJP'), { contentType: 'text/plain; charset=EUC-JP' });
    expect(doc.text).toContain('髙');
  });
});
