// Affected counts, data items (included / excluded) and countermeasures on sentences written for these
// tests, plus an agreement floor over the shared development corpus.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/extract/context.js';
import { extractAffected } from '../../src/extract/fields/affected.js';
import { extractCountermeasures } from '../../src/extract/fields/countermeasures.js';
import { extractDataItems } from '../../src/extract/fields/data-items.js';
import type { Document } from '../../src/model/index.js';
import { sharedDir } from '../helpers/cli.js';

const doc = (text: string): Document => ({ text, source: { sha256: '0'.repeat(64), mediaType: 'text/plain' } });
const ctxOf = (text: string) => createContext(doc(text));
const affected = (text: string) => extractAffected(ctxOf(text)).value;
const items = (text: string) => extractDataItems(ctxOf(text));
const measures = (text: string) => extractCountermeasures(ctxOf(text)).value;
const notice = (body: string) => `不正アクセスに関するお知らせ\n\n2025年3月3日\n株式会社テスト見本\n\n${body}\n`;

describe('affected count', () => {
  it.each([
    ['お客様約70,000件の個人情報が漏えいしたおそれがあります。', 70000, '件', true],
    ['合計約596万人分の個人データが流出しました。', 5960000, '人分', true],
    ['対象となるお客様は３，７７５件です。', 3775, '件', false],
    ['会員3763名の氏名が閲覧可能でした。', 3763, '名', false],
    ['受講者25万4241人の情報が含まれます。', 254241, '人', false],
    ['患者様約四十六万人分の情報が保存されていました。', 460000, '人分', true],
    ['顧客情報1万2千件が持ち出されました。', 12000, '件', false],
    ['最大1,500名のお客様のカード情報が流出した可能性があります。', 1500, '名', true],
    ['利用者300名以上の情報が閲覧された可能性があります。', 300, '名', true],
    ['カード情報が漏えいしたお客様は1,940名です。なお、同期間の決済件数は2,455件で、同じお客様の複数回の利用を含みます。', 1940, '名', false],
    ['3,082件のアカウントでログインが成功しており、そのうち196件のアカウントでポイントが不正に利用されていました。会員情報が閲覧された可能性があります。', 3082, '件', false],
  ])('%s', (sentence, count, unit, approx) => {
    expect(affected(notice(sentence))).toEqual({ count, unit, approx });
  });

  it('a figure whose counter is in its label', () => {
    expect(affected(notice('漏えいのおそれがある個人情報\n対象件数：1,234\n項目：氏名、住所'))).toEqual({ count: 1234, unit: '件', approx: false });
    expect(affected(notice('メール送信件数:300\n流出した情報はありません。')).count).toBeNull();
  });

  it('no count → all three null', () => {
    expect(affected(notice('当社サーバーが不正アクセスを受けました。詳細は調査中です。'))).toEqual({ count: null, unit: null, approx: null });
  });

  it('mails sent and staff who acted are not affected counts', () => {
    const a = affected(notice('職員1名が誤って送信し、不審なメール約8,000件が送信されました。流出したのは会員52名のメールアドレスです。'));
    expect(a).toEqual({ count: 52, unit: '名', approx: false });
  });

  it('people who reported the incident are not a count', () => {
    expect(affected(notice('5月28日、2名のお客様からお問い合わせがあり、判明しました。')).count).toBeNull();
  });

  it('spam mails alone give no count', () => {
    expect(affected(notice('当社のサーバーから迷惑メール約12万件が送信されました。個人情報の流出は確認されていません。')).count).toBeNull();
    expect(affected(notice('当社のサーバーが攻撃を受け、約1万件のスパムメールが送信されました。')).count).toBeNull();
    expect(affected(notice('会員12名の方へ誤ってメールを送信し、氏名が表示されました。')).count).toBe(12);
  });

  it('a stated total beats a larger part figure elsewhere? no: the total is taken when marked', () => {
    const a = affected(notice('お客様情報850件、お取引先情報150件、合計1,000件が対象です。'));
    expect(a.count).toBe(1000);
  });

  it('the exact figure beats its rounded form', () => {
    const a = affected(notice('持ち出された情報は約2万件にのぼり、精査の結果、20,418件であることを確認しました。'));
    expect(a).toEqual({ count: 20418, unit: '件', approx: false });
  });

  it('a registered population before a contrast is not the affected count', () => {
    expect(affected(notice('登録者は5,000名ですが、閲覧が確認されたのは120名です。')).count).toBe(120);
  });

  it('a count in the recurrence-prevention section (2名の職員で確認) is staff, not people affected', () => {
    const r = affected(notice('1. 概要\nお客様120名の氏名と住所が記載された書類を誤って送信しました。\n2. 再発防止策\n・送信前に2名の職員で番号を確認します。\n・委託先の作業員300名にも研修を実施します。'));
    expect(r.count).toBe(120);
  });
});

describe('data items', () => {
  it('maps synonyms onto the vocabulary', () => {
    const r = items(notice('漏えいのおそれがある情報：氏名、郵便番号、顧客管理番号、口座番号、病歴、年収、金融資産額、勤務先、学校名、取引先の会社名'));
    expect(r.dataItems.value).toEqual(
      expect.arrayContaining(['name', 'address', 'id_number', 'bank_account', 'health', 'income', 'financial_assets', 'employment', 'school', 'company_info']),
    );
    expect(r.excludedDataItems.value).toEqual([]);
  });

  it('a disability classification (障害支援区分, 障害等級) is health; a system failure (システム障害) is not', () => {
    expect(items(notice('誤送付した書類の記載事項：氏名、障害支援区分、障害等級')).dataItems.value).toEqual(['name', 'health']);
    expect(items(notice('システム障害のため、氏名と電話番号が閲覧できる状態でした。')).dataItems.value).toEqual(['name', 'phone']);
  });

  it('被保険者記号・番号 is an id_number; a point balance (ポイント残高) is not financial assets', () => {
    expect(items(notice('漏えいのおそれがある情報：氏名、被保険者記号・番号')).dataItems.value).toEqual(['name', 'id_number']);
    expect(items(notice('閲覧された可能性がある情報：氏名、ポイント残高')).dataItems.value).not.toContain('financial_assets');
    expect(items(notice('閲覧された可能性がある情報：氏名、預金残高')).dataItems.value).toContain('financial_assets');
  });

  it('a staffing list: hourly pay is income, the assignment and its period are employment', () => {
    const r = items(notice('誤送信したファイルに含まれていた情報：氏名、就業先、就業期間、時給'));
    expect(r.dataItems.value).toEqual(expect.arrayContaining(['name', 'employment', 'income']));
  });

  it("an attachment's password is not data that leaked", () => {
    const r = items(notice('添付ファイルはパスワードにより保護されており、パスワードも送信していないことから、内容が閲覧された事実はなく、漏えいはないと判断しております。送付したファイルの情報は氏名と電話番号です。'));
    expect(r.dataItems.value).toEqual(['name', 'phone']);
  });

  it('「保持・表示しておりません」 excludes the item', () => {
    const r = items(notice('閲覧された可能性がある情報は氏名と住所です。なお、カード番号は決済代行会社が管理しており、当社のサイトでは保持・表示しておりません。'));
    expect(r.dataItems.value).toEqual(['name', 'address']);
    expect(r.excludedDataItems.value).toEqual(['credit_card']);
  });

  it('negation makes an item excluded, not included', () => {
    const r = items(notice('流出した可能性がある情報は氏名、メールアドレスです。なお、クレジットカード情報は含まれておりません。'));
    expect(r.dataItems.value).toEqual(['name', 'email']);
    expect(r.excludedDataItems.value).toEqual(['credit_card']);
  });

  it('a negation in a bracketed aside covers only the aside', () => {
    const r = items(notice('・お客様の氏名、住所、電話番号(マイナンバーは含まれておりません)'));
    expect(r.dataItems.value).toEqual(['name', 'address', 'phone']);
    expect(r.excludedDataItems.value).toEqual(['my_number']);
  });

  it('「…以外は含まれておりません」 names the item that was involved', () => {
    const r = items(notice('メールアドレス以外の個人情報は含まれておりません。'));
    expect(r.dataItems.value).toEqual(['email']);
    expect(r.excludedDataItems.value).toEqual([]);
  });

  it('"we do not hold" is an exclusion too', () => {
    const r = items(notice('会員の氏名と生年月日が閲覧された可能性があります。当社は銀行口座情報をお預かりしておりません。'));
    expect(r.dataItems.value).toEqual(['name', 'birthdate']);
    expect(r.excludedDataItems.value).toEqual(['bank_account']);
  });

  it('denying the leak itself does not exclude the items', () => {
    const r = items(notice('お客様の氏名、住所が保存されていました。現時点で情報が流出した事実は確認されておりません。'));
    expect(r.excludedDataItems.value).toEqual([]);
  });

  it('unmapped fields of a data list become other', () => {
    const r = items(notice('記載されていた情報：氏名、続柄、資格取得日'));
    expect(r.dataItems.value).toEqual(['name', 'other']);
  });

  it('data words in the measures and contact sections are not involved data', () => {
    const r = items(
      notice('1. 概要\n会員の氏名が閲覧可能となっていました。\n2. 再発防止策\n・管理者パスワードを変更しました。\n3. お問い合わせ窓口\n電話番号：0120-000-000\nメールアドレス：info@example.jp'),
    );
    expect(r.dataItems.value).toEqual(['name']);
  });

  it('a phishing alert lists what the fake site asks for', () => {
    const r = items(notice('偽サイトでは、ログインID、パスワード、クレジットカード番号の入力を求められます。'));
    expect(r.dataItems.value).toEqual(expect.arrayContaining(['id_number', 'password', 'credit_card']));
  });

  it('a quoted lure sentence is not a data description', () => {
    const r = items(notice('「口座が凍結されました」と記載したSMSで偽サイトに誘導し、ログインパスワードと暗証番号の入力を求めます。'));
    expect(r.dataItems.value).toEqual(['password']);
  });

  it('evidence points at the words', () => {
    const text = notice('漏えいした情報は氏名、住所です。');
    const r = extractDataItems(ctxOf(text));
    const c = ctxOf(text);
    expect(r.dataItems.evidence.map((e) => c.text.slice(e.start, e.end))).toEqual(expect.arrayContaining(['氏名', '住所']));
  });
});

describe('countermeasures', () => {
  it('counts top-level items of the measures section only', () => {
    const m = measures(notice('1. 概要\n不正アクセスを受けました。\n2. 再発防止策\n・多要素認証を導入します。\n　- 管理画面から順次\n・EDRを導入します。\n・職員研修を実施します。\n3. お問い合わせ\n窓口'));
    expect(m).toHaveLength(3);
    expect(m[0]).toContain('多要素認証');
  });

  it('contact details after the measures are not measures', () => {
    const m = measures(notice('■再発防止策\n・多要素認証を導入します。\n・研修を実施します。\n本件に関するお問い合わせ:お客様窓口\n・電話:0120-000-000\n・受付時間:平日9時〜17時'));
    expect(m).toHaveLength(2);
  });

  it('a line citing the first report (第1報) is not a heading that ends the measures list', () => {
    const m = measures(notice('3. 再発防止策\n第1報でお伝えした対策に加え、次の対策を講じます。\n・外部への添付送信を承認制にします。\n・操作ログを毎日点検します。'));
    expect(m).toHaveLength(2);
    expect(m[0]).toContain('承認制');
  });

  it('circled items that start with 社外/社内 are items (2社 alone is a count)', () => {
    const m = measures(notice('再発防止策\n①データ出力を承認制にします。\n②社外へのファイル送信を禁止します。\n③社内研修を実施します。'));
    expect(m).toHaveLength(3);
  });

  it('a 「原因及び再発防止策」 section holds the measures; each sentence the notice numbers (第一に…) is one', () => {
    const m = measures(notice('5 原因及び再発防止策\n設定の確認手順がなかったことが原因です。当社は、第一に、公開設定の変更を承認制にします。第二に、保存領域を自動で点検し、公開を検知した場合に管理者へ通知する仕組みを導入します。第三に、作業後のデータ削除を義務付けます。\n\n6 お問い合わせ\n窓口'));
    expect(m).toHaveLength(3);
  });

  it('finds a list introduced in running text', () => {
    const m = measures(notice('今後は、次の対策を徹底し、再発防止に努めてまいります。\n① 送信前に複数名で宛先を確認する。\n② 一斉送信には配信システムを使用する。'));
    expect(m).toHaveLength(2);
  });

  it('concrete measures in prose count once each', () => {
    expect(measures(notice('今後、書類を郵送する際は簡易書留を利用します。'))).toHaveLength(1);
    expect(measures(notice('今後は、送付前の二重チェックを義務化するとともに、宛名ラベルの印刷方式を変更いたします。'))).toHaveLength(2);
  });

  it('measures joined by え、 count apart; a thought (考え、) does not split', () => {
    expect(measures(notice('今後は、業務用端末を社外に持ち出さないこととし、USBメモリの使用を禁止します。'))).toHaveLength(2);
    expect(measures(notice('今後は、認証方式を多要素認証に切り替え、ログを常時監視します。'))).toHaveLength(2);
    expect(measures(notice('再発防止が重要と考え、全職員への研修を実施します。'))).toHaveLength(1);
  });

  it('a change made for the future counts even in the past tense', () => {
    expect(measures(notice('今後は、紙の申込書を廃止し、申込受付を電子化いたしました。'))).toHaveLength(2);
    // a past action without 今後 is what happened, not a measure
    expect(measures(notice('当該サーバーをネットワークから切り離しました。'))).toEqual([]);
  });

  it('a sentence opening with 今後の…では、 states measures too', () => {
    expect(measures(notice('今後の受付では、外部の監視サービスを利用するとともに、申込画面に認証を導入いたします。'))).toHaveLength(2);
  });

  it('a rule stated as 原則として…しない is a measure', () => {
    expect(measures(notice('再発防止のため、個人情報を含む書類の持ち帰りは原則として行わないこととし、必要な場合は上長の承認を得ることとします。'))).toHaveLength(2);
  });

  it('a precondition before a standing rule makes one measure with it; before a one-off step it is none', () => {
    expect(measures(notice('今後、委託先に作業手順の見直しを求めるとともに、当社でも作業後に表示内容を点検したうえで公開する運用とします。'))).toHaveLength(2);
    expect(measures(notice('今後、全端末の点検を実施し、安全を確認したうえでサービスを再開いたします。'))).toHaveLength(1);
  });

  it('「改めてお知らせします」 (again) is no change of procedure; 「運用を改めます」 is', () => {
    const m = measures(notice('再発防止策\n今後は、申込書の受付を窓口のみに改めます。再開日につきましては、決定次第、改めてお知らせいたします。'));
    expect(m).toHaveLength(1);
    expect(m[0]).toContain('窓口のみに改めます');
  });

  it('a generic promise is no measure', () => {
    expect(measures(notice('今後は、より一層のセキュリティ対策の強化に努め、再発防止に全力で取り組んでまいります。'))).toEqual([]);
    expect(measures(notice('今後、このようなことが二度と起こらないよう、個人情報の適正な管理に万全を期してまいります。'))).toEqual([]);
  });

  it('response steps in a 今後の対応 list are not measures', () => {
    expect(measures(notice('1. 概要\n不正アクセスがありました。\n2. 今後の対応\n・対象のお客様には個別にご連絡いたします。\n・専用のお問い合わせ窓口を設置しました。\n・全サーバーにEDRを導入します。'))).toHaveLength(1);
  });

  it('a status report or an ongoing investigation is not a measure', () => {
    expect(measures(notice('1. 経緯\n検知しました。\n2. 現況及び今後の対応\n現在、業務は平常に戻り遅延はありません。\n引き続き調査を進めてまいります。'))).toEqual([]);
  });

  it('a timeline list is not a list of measures', () => {
    expect(measures(notice('1. 経緯\n・5月1日 検知\n・5月2日 遮断\n2. 原因\n設定の誤りです。'))).toEqual([]);
  });
});

describe('linear time', () => {
  it('adversarial input takes no longer than an ordinary notice of the same size', () => {
    const size = 100_000;
    const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const run = (t: string) => {
      const c = ctxOf(t);
      const t0 = performance.now();
      extractAffected(c);
      extractDataItems(c);
      extractCountermeasures(c);
      return performance.now() - t0;
    };
    const base = run(fill('お客様約1,200件の氏名、住所が含まれます。今後は研修を実施します。\n'));
    for (const unit of ['1,', '氏名、', '(含まれ', '・', '今後は、し、', '再発防止策\n', '■\n', ' ']) {
      expect(run(fill(unit))).toBeLessThan(base * 10 + 300);
    }
  });
});

// Agreement floor over the shared development corpus: a regression below it fails.
describe('agreement on ../shared/corpus', () => {
  const dirs = ['corpus/seed-000', 'corpus/dev-synthetic'].map((d) => join(sharedDir, d)).filter((d) => existsSync(d));
  it('each quantity field stays above its floor', () => {
    const f1 = (p: string[], g: string[]): number => {
      const P = new Set(p);
      const G = new Set(g);
      if (P.size === 0 && G.size === 0) return 1;
      let hit = 0;
      for (const v of P) if (G.has(v)) hit++;
      if (hit === 0) return 0;
      return (2 * (hit / P.size) * (hit / G.size)) / (hit / P.size + hit / G.size);
    };
    const s = { count: [] as number[], unit: [] as number[], approx: [] as number[], items: [] as number[], excluded: [] as number[], measures: [] as number[] };
    for (const dir of dirs) {
      for (const name of readdirSync(dir)) {
        if (!name.endsWith('.json')) continue;
        const txt = join(dir, name.replace(/\.json$/, '.txt'));
        if (!existsSync(txt)) continue;
        const gold = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
        if (!gold.isIncident) continue;
        const c = ctxOf(readFileSync(txt, 'utf8'));
        const a = extractAffected(c).value;
        s.count.push(a.count === (gold.affectedCount ?? null) ? 1 : 0);
        s.unit.push(a.unit === (gold.affectedUnit ?? null) ? 1 : 0);
        s.approx.push(a.approx === (gold.affectedApprox ?? null) ? 1 : 0);
        const d = extractDataItems(c);
        s.items.push(f1(d.dataItems.value, gold.dataItems as string[]));
        s.excluded.push(f1(d.excludedDataItems.value, gold.excludedDataItems as string[]));
        const m = extractCountermeasures(c).value;
        s.measures.push((m.length > 0 ? m.length : null) === (gold.countermeasureCount ?? null) ? 1 : 0);
      }
    }
    expect(s.count.length).toBeGreaterThan(40);
    const mean = (x: number[]) => x.reduce((p, q) => p + q, 0) / x.length;
    // achieved when written: count/unit/approx 1.00, items 0.97, excluded 1.00, measures 1.00;
    // the margin leaves room for deliberate trade-offs toward unseen notices
    expect(mean(s.count)).toBeGreaterThanOrEqual(0.94);
    expect(mean(s.unit)).toBeGreaterThanOrEqual(0.94);
    expect(mean(s.approx)).toBeGreaterThanOrEqual(0.94);
    expect(mean(s.items)).toBeGreaterThanOrEqual(0.9);
    expect(mean(s.excluded)).toBeGreaterThanOrEqual(0.92);
    expect(mean(s.measures)).toBeGreaterThanOrEqual(0.9);
  });
});
