// The record's `indicators`: attack indicators only (extract/fields/indicators.ts over the IoC engine).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractIncidents } from '../../src/index.js';
import { sharedDir } from '../helpers/cli.js';

const indicatorsOf = (text: string) => extractIncidents(text)[0].indicators;

const NOTICE = `不正アクセスによる個人情報漏えいのおそれに関するお知らせ
2024年5月10日
株式会社ハルニレ商事

当社が運営するオンラインストアにおいて、第三者による不正アクセスを受けました。
調査で確認された攻撃元のIPアドレスは以下のとおりです。
・203.0.113[.]41
・198.51.100[.]9
また、当社を装ったフィッシングメールが確認されています。
・送信元：notice[@]harunire-support[.]com
・誘導先：hxxps://harunire-login[.]net/mypage/login
・配信元ドメイン：harunire-cdn[.]top
なお、メールの送信元として当社の正規のアドレス（info@harunire.co.jp）が詐称される場合があります。
当社からのメールは、すべて「@harunire.co.jp」のドメインから送信しております。
例：https://●●●●.com/login のようなURLにはアクセスしないでください。
悪用された脆弱性：CVE-2023-12345

【本件に関するお問い合わせ】
株式会社ハルニレ商事 お客様窓口
メール：support@harunire.co.jp
電話：0120-000-000
`;

describe('record indicators', () => {
  it('keeps the attack indicators and drops own addresses, masked values and repeats', () => {
    expect(indicatorsOf(NOTICE)).toEqual({
      urls: ['https://harunire-login.net/mypage/login'],
      domains: ['harunire-cdn.top'],
      ipv4s: ['203.0.113.41', '198.51.100.9'],
      ipv6s: [],
      emails: ['notice@harunire-support.com'],
      md5s: [],
      sha1s: [],
      sha256s: [],
      cves: ['CVE-2023-12345'],
    });
  });

  it('points the evidence at the indicators as written', () => {
    const [r] = extractIncidents(NOTICE);
    const spans = r.evidence.indicators ?? [];
    const written = spans.map((s) => NOTICE.slice(s.start, s.end));
    expect(written).toContain('203.0.113[.]41');
    expect(written).toContain('hxxps://harunire-login[.]net/mypage/login');
    expect(written.some((w) => w.includes('support@harunire.co.jp'))).toBe(false);
  });

  it('does not report example placeholders or plain contact points', () => {
    const text = '記載例：user@example.com、xxx@xxx.co.jp\nお問い合わせ：info@kaisha-example.jp（受付 9:00〜17:00）\n';
    expect(Object.values(indicatorsOf(text)).flat()).toEqual([]);
  });

  it('a www host is no mask: only labels like xxx are', () => {
    const r = indicatorsOf('確認済みの偽サイト\n　hxxps://www[.]kaede-bk-login[.]net/ib/index.html\n　hxxps://xxx[.]kaede-login[.]net/\n');
    expect(r.urls).toEqual(['https://www.kaede-bk-login.net/ib/index.html']);
  });

  it('treats the organization\'s own address as its own even when written defanged and spoofed', () => {
    const r = indicatorsOf(
      'フィッシングメールにご注意ください。\n当社の正規のアドレス（info[@]kaede-shoji[.]co[.]jp）が送信元として詐称されています。\n誘導先：hxxps://kaede-shoji-login[.]com/\n',
    );
    expect(r.emails).toEqual([]);
    expect(r.urls).toEqual(['https://kaede-shoji-login.com/']);
  });

  it('reads the lead-in line of a list of plain values', () => {
    const r = indicatorsOf('調査の結果、攻撃元のIPアドレスは以下のとおりです。\n192.0.2.1\n198.51.100.2\n203.0.113.3\n\n以上\n');
    expect(r.ipv4s).toEqual(['192.0.2.1', '198.51.100.2', '203.0.113.3']);
  });

  it('keeps a plainly written indicator when the line is about the attack', () => {
    const r = indicatorsOf('不正アクセス元のIPアドレス：192.0.2.200\nマルウェアの通信先：evil-c2-server.xyz\n');
    expect(r.ipv4s).toEqual(['192.0.2.200']);
    expect(r.domains).toEqual(['evil-c2-server.xyz']);
  });

  it('matches the gold indicators of the development corpus', () => {
    for (const sub of ['corpus/dev-synthetic', 'corpus/seed-000']) {
      const dir = join(sharedDir, sub);
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
        const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { isIncident: boolean; indicators?: Record<string, string[]> };
        if (!gold.indicators) continue;
        const got = indicatorsOf(readFileSync(join(dir, f.replace('.json', '.txt')), 'utf8'));
        for (const k of ['urls', 'domains', 'emails', 'ipv4s'] as const) {
          expect([...got[k]].sort(), `${sub}/${f} ${k}`).toEqual([...(gold.indicators[k] ?? [])].sort());
        }
      }
    }
  });
});
