// Classification fields (isIncident, categories, leakStatus, authoritiesNotified) on short notices
// written for these tests, plus an agreement floor over the shared development corpus.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/extract/context.js';
import { extractAuthorities } from '../../src/extract/fields/authorities.js';
import { extractCategories } from '../../src/extract/fields/categories.js';
import { extractIsIncident } from '../../src/extract/fields/is-incident.js';
import { extractLeakStatus } from '../../src/extract/fields/leak-status.js';
import { negatedAfter } from '../../src/extract/fields/class-text.js';
import type { Document } from '../../src/model/index.js';
import { sharedDir } from '../helpers/cli.js';

const doc = (text: string): Document => ({ text, source: { sha256: '0'.repeat(64), mediaType: 'text/plain' } });
const ctxOf = (text: string) => createContext(doc(text));
const cats = (text: string) => extractCategories(ctxOf(text)).value;
const leak = (text: string) => extractLeakStatus(ctxOf(text)).value;
const auth = (text: string) => extractAuthorities(ctxOf(text)).value;
const incident = (text: string) => extractIsIncident(ctxOf(text), {}).value;

const notice = (title: string, body: string) => `${title}\n\n2025年3月3日\n株式会社テスト見本\n\n${body}\n`;

describe('categories', () => {
  it('ransomware carries unauthorized_access, and is not also malware', () => {
    const c = cats(notice('サーバー障害に関するお詫び', '当社の基幹サーバーがランサムウェアに感染し、ファイルが暗号化されました。ウイルス感染の拡大を防ぐため、ネットワークを遮断しました。'));
    expect(c).toContain('ransomware');
    expect(c).toContain('unauthorized_access');
    expect(c).not.toContain('malware');
  });

  it('a vulnerability used to get in is vulnerability_exploit + unauthorized_access', () => {
    const c = cats(notice('不正アクセスについて', '攻撃者はWebアプリケーションの脆弱性を突いてデータベースに侵入しました。'));
    expect(c).toEqual(expect.arrayContaining(['vulnerability_exploit', 'unauthorized_access']));
  });

  it('e-mail, FAX and postal misdeliveries are told apart', () => {
    expect(cats(notice('お詫び', '案内メールを送る際、宛先をBCCではなくCCに入れてしまい、参加者のアドレスが互いに見える状態となりました。'))).toEqual(['email_misdelivery']);
    expect(cats(notice('お詫び', '紹介状を送る際、ファクス番号を押し間違え、別の事業所に送信してしまいました。'))).toEqual(['fax_misdelivery']);
    expect(cats(notice('お詫び', '通知書の封入作業で、別の組合員の通知書を誤って同封して郵送しました。'))).toEqual(['postal_misdelivery']);
  });

  it('a stolen laptop is theft only; a forgotten one is device_loss; a lost binder is document_loss', () => {
    expect(cats(notice('盗難のお知らせ', '社員の車両から業務用パソコンの入ったかばんが盗まれました。'))).toEqual(['theft']);
    expect(cats(notice('紛失のお知らせ', '職員が帰宅途中にタブレット端末をタクシー内に置き忘れました。'))).toEqual(['device_loss']);
    expect(cats(notice('紛失のお知らせ', '相談記録の綴られた書類一式を紛失したことが分かりました。'))).toEqual(['document_loss']);
  });

  it('a physical break-in is not an intrusion into systems', () => {
    const c = cats(notice('事務所荒らしの被害について', '夜間に何者かが事務所の窓を割って侵入し、顧客台帳が盗まれました。'));
    expect(c).toContain('theft');
    expect(c).not.toContain('unauthorized_access');
  });

  it('a request flood is ddos even when called 不正アクセス', () => {
    const c = cats(notice('Webサイトへの不正アクセスについて', '海外から大量のリクエストが送り付けられ、サイトが閲覧しにくくなりました。改ざんや情報の流出はありません。'));
    expect(c).toEqual(['ddos']);
  });

  it('a contractor incident adds supply_chain; a vendor that merely helped does not', () => {
    expect(cats(notice('お詫び', '発送業務を委託している印刷会社のサーバーがランサムウェア攻撃を受けました。'))).toContain('supply_chain');
    expect(cats(notice('お詫び', '当社のサーバーがランサムウェアに感染しました。保守ベンダーの協力のもと、復旧を進めています。'))).not.toContain('supply_chain');
  });

  it('short bullet items under a recurrence-prevention heading stay measures', () => {
    const c = cats(
      notice(
        'お詫び',
        '元社員が顧客名簿を無断で持ち出していたことが判明しました。\n\n4. 再発防止策\n・情報管理体制の見直し\n・ランサムウェア対策ソフトの配備\n・フィッシングメール訓練\n・USBメモリの利用制限\n\n5. お問い合わせ窓口\n電話 0120-000-000',
      ),
    );
    expect(c).toEqual(['insider_misuse']);
  });

  it('a contractor that helped investigate the organization\'s own incident is not supply_chain', () => {
    expect(cats(notice('お知らせ', '保守を委託している株式会社まるいちと共に調査した結果、当社サーバーへの不正アクセスを確認しました。'))).not.toContain(
      'supply_chain',
    );
  });

  it('insider misuse needs an employee and an improper act, not just carrying data', () => {
    expect(cats(notice('お詫び', '元社員が在職中に顧客名簿を無断で複製し、転職先で使用していました。'))).toContain('insider_misuse');
    expect(cats(notice('お詫び', '職員が研修資料を持ち出し、帰宅途中に電車内で紛失しました。'))).not.toContain('insider_misuse');
  });

  it('a page showing other users data is misconfiguration_exposure; paper reuse and bad disposal are other', () => {
    expect(cats(notice('お詫び', 'マイページのキャッシュ設定に誤りがあり、別の会員の登録情報が表示される状態でした。'))).toEqual(['misconfiguration_exposure']);
    expect(cats(notice('お詫び', '申込書の写しを裏紙として使い、案内文を印刷して配布していました。'))).toEqual(['other']);
    expect(cats(notice('お詫び', 'リース返却したパソコンのデータを消去せずに返却していたことが分かりました。'))).toEqual(['other']);
  });

  it('spoofed mails from an infected PC are malware + phishing; a hijacked SNS account is account_takeover', () => {
    const c = cats(notice('お詫び', '職員のパソコンがEmotetに感染し、職員を装ったなりすましメールが取引先に送信されました。'));
    expect(c).toEqual(expect.arrayContaining(['malware', 'phishing']));
    expect(c).not.toContain('unauthorized_access');
    expect(cats(notice('お詫び', '当社の公式SNSアカウントが第三者に乗っ取られ、無関係な投稿が行われました。'))).toEqual(
      expect.arrayContaining(['account_takeover', 'unauthorized_access']),
    );
  });

  it('a negation about another topic does not cancel the cue', () => {
    const c = cats(notice('お知らせ', '不正アクセスを受けたサーバーには、クレジットカード情報は保存されておりません。'));
    expect(c).toContain('unauthorized_access');
    expect(cats(notice('お知らせ', '外部からの不正アクセスや改ざんは確認されておりません。'))).not.toContain('unauthorized_access');
  });

  it('refusing a ransom still reports ransomware; hiragana つく still exploits a vulnerability', () => {
    expect(cats(notice('お知らせ', 'サーバーのファイルが暗号化され、身代金を要求されましたが、要求には応じておりません。'))).toContain('ransomware');
    expect(cats(notice('お知らせ', 'システムの脆弱性をついた第三者の攻撃を受けました。'))).toContain('vulnerability_exploit');
  });

  it('more phrasings: wrong address typed, wrong enclosure, unshredded disposal, no access restriction', () => {
    expect(cats(notice('お詫び', '担当者が送信先のアドレスを1文字誤って入力し、無関係の方へ送信しました。'))).toEqual(['email_misdelivery']);
    expect(cats(notice('お詫び', '案内状の封筒に、他の方の案内状を入れて発送していました。'))).toEqual(['postal_misdelivery']);
    expect(cats(notice('お詫び', '個人情報を含む書類を、シュレッダー処理せずに古紙回収に出していました。'))).toEqual(['other']);
    expect(cats(notice('お詫び', '共有フォルダにアクセス制限を設定していなかったため、取引先からも名簿が閲覧できました。'))).toEqual([
      'misconfiguration_exposure',
    ]);
  });

  it('a tampered payment application of an online shop is web_skimming even without "card" in that sentence', () => {
    const c = cats(
      notice(
        '弊社オンラインショップへの不正アクセスによる個人情報漏洩に関するお詫び',
        'お客様のクレジットカード情報が漏洩した可能性があります。\n(1)原因\n第三者の不正アクセスにより、ペイメントアプリケーションの改ざんが行われたため。',
      ),
    );
    expect(c).toEqual(expect.arrayContaining(['web_skimming', 'unauthorized_access']));
  });

  it('tampered checkout pages are web_skimming', () => {
    const c = cats(notice('お詫び', 'ECサイトの決済画面が改ざんされ、入力されたカード情報が外部に送信されていました。'));
    expect(c).toEqual(expect.arrayContaining(['web_skimming', 'unauthorized_access']));
  });

  it('negated, advisory and future-measure mentions are not events', () => {
    const c = cats(
      notice(
        'メール誤送信のお詫び',
        '担当者が見積書を別のお客様へ誤ってメールで送信しました。本件はランサムウェアによるものではありません。不審なメールを受け取った場合は開封しないでください。今後は標的型メール訓練を実施します。',
      ),
    );
    expect(c).toEqual(['email_misdelivery']);
  });
});

const CAT_CASES: [string, string[]][] = [
  ['当社が利用するクラウドサービスの管理画面に第三者がログインし、顧客データがダウンロードされました。', ['unauthorized_access']],
  ['職員のIDとパスワードが盗まれ、グループウェアに不正ログインされました。', ['account_takeover', 'unauthorized_access']],
  ['ECサイトの会員アカウントに対するパスワードリスト型攻撃により、一部の会員アカウントが不正に利用されました。', ['account_takeover', 'unauthorized_access']],
  ['当社を名乗る偽のショッピングサイトが確認されました。', ['phishing']],
  ['当社取引先を装ったメールにより、経理担当者が偽の口座へ代金を振り込んでしまいました。', ['phishing']],
  ['担当者がFAXの短縮番号を押し誤り、無関係の会社へ送信しました。', ['fax_misdelivery']],
  ['ダイレクトメールの宛名ラベルを貼り間違え、別の会員に発送しました。', ['postal_misdelivery']],
  ['顧客の契約書類を保管していたキャビネットの鍵を紛失し、書類の一部が所在不明となっています。', ['document_loss']],
  ['営業担当者が顧客情報の入ったタブレット端末を電車内に置き忘れました。', ['device_loss']],
  ['事務所に空き巣が入り、顧客名簿とノートパソコンが盗まれました。', ['theft']],
  ['システム改修時の不具合により、マイページに別のお客様の注文履歴が表示されていました。', ['misconfiguration_exposure']],
  ['オンラインストレージの共有リンクが公開設定になっており、誰でも名簿を閲覧できる状態でした。', ['misconfiguration_exposure']],
  ['当社の元社員が、退職時に顧客リストを無断で持ち出し、転職先で営業に使用していました。', ['insider_misuse']],
  ['VPN装置の脆弱性を悪用した攻撃により、社内ネットワークに侵入されました。', ['unauthorized_access', 'vulnerability_exploit']],
  ['決済ページに不正なスクリプトが埋め込まれ、入力されたカード番号が外部に送信されていました。', ['unauthorized_access', 'web_skimming']],
  ['当社Webサイトが、短時間に大量のアクセスを受けるDDoS攻撃により閲覧できなくなりました。', ['ddos']],
  ['業務で使用していたパソコンを、データを消去せずにリサイクル業者へ売却していました。', ['other']],
  ['委託先の印刷会社において、発送データの取り違えが発生しました。', ['supply_chain']],
  ['当社のサーバーがランサムウェアに感染し、データが暗号化されました。', ['ransomware', 'unauthorized_access']],
  ['職員のパソコンがマルウェアに感染したことが判明しました。', ['malware']],

  ['当社は、委託元から預かった個人情報を保管していたサーバーがランサムウェアに感染しました。', ['ransomware', 'unauthorized_access']],
  ['業務委託先の従業員が、お客様への案内メールを誤って別のお客様に送信しました。', ['email_misdelivery', 'supply_chain']],
  ['システムの保守業者の社員が、当社の顧客データを保存したUSBメモリを紛失しました。', ['device_loss', 'supply_chain']],
  ['教員が生徒の写真を私的なSNSアカウントに投稿していたことが判明しました。', ['insider_misuse']],
  ['職員が個人情報を含む書類を自宅に持ち帰り、帰宅途中に紛失しました。', ['document_loss']],
  ['簡易書留で送付した書類が、相手方に届いていないことが判明しました。', ['document_loss']],
  ['宅配便で発送した申込書類が配送途中で紛失しました。', ['document_loss']],
  ['当市のホームページに掲載した会議録に、個人の氏名と住所が記載されたままになっていました。', ['misconfiguration_exposure']],
  ['職員が住民基本台帳システムで、業務と関係のない知人の情報を閲覧していました。', ['insider_misuse']],
  ['従業員のパソコンが、サポート詐欺の偽の警告画面に従って遠隔操作ソフトをインストールさせられ、外部から操作されました。', ['unauthorized_access']],
  ['担当者が宛先を確認しないで一斉送信し、受信者同士のメールアドレスが表示される状態となりました。', ['email_misdelivery']],
];

describe('negation of a cue', () => {
  it('a denial (否定しております) negates; 否定できない does not', () => {
    const denied = '本人は第三者への提供や売却は否定しております。';
    expect(negatedAfter(denied, denied.indexOf('売却') + 2)).toBe(true);
    const open = '第三者への提供の可能性は否定できません。';
    expect(negatedAfter(open, open.indexOf('提供') + 2)).toBe(false);
  });
});

describe('what was lost', () => {
  it('the object nearest the loss word is the lost thing: a USB stick, not the papers being prepared', () => {
    const text = notice('USBメモリの紛失について', '担当者が会議資料を作成しようとした際に、USBメモリが保管庫にないことに気付き、紛失が判明しました。');
    expect(cats(text)).toEqual(['device_loss']);
  });

  it('papers and a device lost together are both', () => {
    const text = notice('紛失について', '担当者がノートパソコンと申込書の束を紛失しました。');
    expect([...cats(text)].sort()).toEqual(['device_loss', 'document_loss']);
  });
});

describe('requests to readers', () => {
  it('a conditional request (〜がありましたら、ご連絡くださるよう) names no phishing', () => {
    const text = notice('書類の盗難について', '職員が書類を入れたかばんを盗まれました。当社の職員を名乗る者からの不審な電話がありましたら、当社までご連絡くださるよう、お客様にお願いしております。');
    expect(cats(text)).toEqual(['theft']);
  });
});

describe('category phrasings', () => {
  it.each(CAT_CASES)('%s → %j', (text, want) => {
    expect([...cats(`お知らせ\n\n${text}`)].sort()).toEqual([...want].sort());
  });
});

const SUPPLY_CASES: [string, boolean][] = [
  ['当社が利用するクラウドサービス「ほしぞら」を提供するほしぞら株式会社において、不正アクセスが発生しました。', true],
  ['決済代行会社のシステムが不正アクセスを受け、当社サイトで入力されたカード情報が流出しました。', true],
  ['システムの開発会社の従業員が、当社の顧客データを保存したパソコンを紛失しました。', true],
  ['当社の子会社がランサムウェアの被害を受けました。', false],
  ['外部の専門会社に調査を依頼したところ、当社サーバーへの侵入が判明しました。', false],
  ['サイトの運用を委託している株式会社みなもウェブと調査した結果、大量の通信による攻撃を受けたものと判断しました。', false],
  ['当社は、委託元から受託した業務で扱う書類を紛失しました。', false],
  ['当社が発送業務を委託している株式会社かもめ運輸において、お客様宛ての荷物3個が所在不明となっております。', true],
  ['サイトの保守を委託している事業者の分析によって、サイトで使用していたプラグインの脆弱性を突かれたことが分かりました。', false],
  ['委託先の調査により、委託先のサーバーが不正アクセスを受けていたことが判明しました。', true],
];

describe('supply_chain phrasings', () => {
  it.each(SUPPLY_CASES)('%s → %s', (text, want) => {
    expect(cats(`お知らせ\n\n${text}`).includes('supply_chain')).toBe(want);
  });
});

describe('leakStatus', () => {
  it('possible when not found but not ruled out (double negation)', () => {
    expect(leak(notice('お知らせ', 'サーバーが不正アクセスを受けました。情報が流出した事実は確認されておりませんが、その可能性を否定できません。'))).toBe('possible');
  });
  it('none_confirmed when the notice says nothing leaked', () => {
    expect(leak(notice('お知らせ', 'サイトが改ざんされました。なお、個人情報の流出はございません。'))).toBe('none_confirmed');
  });
  it('confirmed when data was found taken or a misdelivery arrived', () => {
    expect(leak(notice('お知らせ', '調査の結果、会員情報が外部に流出したことが判明いたしました。'))).toBe('confirmed');
    expect(leak(notice('お詫び', '請求書を別のお客様のご住所へ誤って送付いたしました。'))).toBe('confirmed');
  });
  it('lost and not found is possible; found again with no trace of access is none_confirmed', () => {
    expect(leak(notice('紛失について', 'USBメモリを紛失しました。現在も発見に至っておりません。'))).toBe('possible');
    expect(leak(notice('会員情報の表示について', '設定の誤りにより、他の会員様の情報が表示される状態となりました。アクセス記録の調査により、実際に他の会員様の情報が表示されたのは38名分であることを確認しております。'))).toBe('confirmed');
    expect(leak(notice('紛失と発見について', 'USBメモリを紛失しました。7月22日、拾得されたUSBメモリを教諭が警察署で受け取りました。ファイルが開かれた形跡はありませんでした。'))).toBe('none_confirmed');
    expect(leak(notice('紛失について', 'スマートフォンを紛失しましたが、翌日に発見され回収いたしました。閲覧された形跡はありませんでした。'))).toBe(
      'none_confirmed',
    );
  });
  it('a possibility that is called low but not excluded stays possible; one called low alone is none_confirmed', () => {
    expect(leak(notice('お知らせ', '情報が流出した可能性は低いものの、否定はできないと考えております。'))).toBe('possible');
    expect(leak(notice('お知らせ', '端末は暗号化されており、情報が流出したおそれは極めて低いと判断しております。'))).toBe('none_confirmed');
  });
  it('a heading "漏えいした情報" beside a stated possibility is not a confirmation', () => {
    expect(leak(notice('お知らせ', '不正アクセスにより、個人情報が漏えいしたおそれがあります。\n■漏えいした情報\n氏名、住所'))).toBe('possible');
  });
  it('a ransom note shown on screen is not data shown to someone', () => {
    expect(
      leak(notice('お知らせ', 'サーバーのファイルが暗号化され、脅迫文が表示されていることを確認しました。情報が閲覧された可能性を完全には否定できません。')),
    ).toBe('possible');
  });
  it('a coordinated denial covers every listed leak', () => {
    expect(leak(notice('お知らせ', 'サーバーが攻撃を受けました。情報が外部へ流出した事実や、インターネット上への公開は確認されていません。'))).toBe(
      'none_confirmed',
    );
  });
  it('a state of being viewable is not a confirmed view', () => {
    expect(leak(notice('お知らせ', '共有設定の誤りにより、名簿が外部から閲覧できる状態となっていました。閲覧されたかどうかは確認できません。'))).toBe('possible');
  });
  it('null when the text does not address data', () => {
    expect(leak(notice('サービス停止について', '大量のアクセスによりサイトが停止しました。ご不便をおかけし申し訳ございません。'))).toBeNull();
    expect(leak(notice('サービス停止について', '攻撃は続いており、今後もサービスに遅延が生じるおそれがあります。'))).toBeNull();
  });
});

const LEAK_CASES: [string, string | null][] = [
 ['サーバーが不正アクセスを受けました。個人情報の流出は現在のところ確認されておりません。', 'none_confirmed'],
 ['サーバーが不正アクセスを受けました。情報が外部に漏れた形跡は認められませんでした。', 'none_confirmed'],
 ['サーバーが不正アクセスを受けました。第三者に閲覧された可能性は否定できません。', 'possible'],
 ['サーバーが不正アクセスを受けました。流出した可能性がございます。', 'possible'],
 ['サーバーが不正アクセスを受けました。情報漏えいの有無は現在調査中です。', null],
 ['サーバーが不正アクセスを受けました。ご登録情報が閲覧された事実はございません。', 'none_confirmed'],
 ['サーバーが不正アクセスを受けました。会員情報が不正に取得された可能性が高いと判断しました。', 'possible'],
 ['サーバーが不正アクセスを受けました。個人情報が窃取されたことを確認しました。', 'confirmed'],
 ['設定の誤りで、会員の画面に他の会員の情報が表示される状態でした。実際に他の会員の画面に表示されたことが確認できた会員は12名です。', 'confirmed'],
 ['設定の誤りで、会員の画面に他の会員の情報が表示される状態でした。他の会員の画面に表示されたことは確認できませんでした。', 'none_confirmed'],
 ['ランサムウェア攻撃を受けました。ダークウェブ上に当社のデータが公開されていることを確認しました。', 'confirmed'],
 ['ランサムウェア攻撃を受けました。攻撃者のリークサイトに当社から窃取されたとみられるデータが掲載されていることを確認しました。', 'confirmed'],
 ['社員のパソコンが盗まれました。パソコンは発見されておらず、情報が悪用される可能性があります。', 'possible'],
 ['メールを誤送信しました。誤送信したメールは削除され、情報が閲覧されていないことを確認しました。', 'confirmed'],
 ['サーバーが不正アクセスを受けました。お客様の個人情報が外部に流出いたしました。', 'confirmed'],
 ['サーバーが不正アクセスを受けました。現時点で、お客様情報の外部への流出や不正利用といった二次被害は確認されていません。', 'none_confirmed'],
 ['サーバーが不正アクセスを受けました。情報が漏えいしたかどうかは調査中です。', null],
 ['USBメモリを紛失しました。翌日、庁舎内で見つかりました。', 'none_confirmed'],
 ['データベースの一部が外部から参照された痕跡が確認されました。', 'confirmed'],
 ['攻撃者がサーバー内のファイルを外部に持ち出したことが判明しました。', 'confirmed'],
 ['当社を装ったメールが送信されています。偽サイトにカード情報を入力してしまったお客様がいらっしゃることを確認しております。', 'confirmed'],
 ['当社を装ったメールが送信されています。偽サイトに情報を入力された場合は、カード会社にご連絡ください。', null],
 ['当社を装ったメールが送信されています。現時点で偽サイトに情報を入力したお客様は確認されておりません。', 'none_confirmed'],
 ['会員1名の登録内容が別の会員の画面に表示されていたことが、アクセスログの調査から確認されました。', 'confirmed'],
 ['サイトが改ざんされ、入力情報が外部に送られていました。\n(1)漏えいしたカード情報\nカード番号、有効期限\n(2)漏えいした可能性のある個人情報\n氏名、住所', 'confirmed'],
 ['サイトが改ざんされ、カード情報が漏えいしたおそれがあります。\n■漏えいした情報\nカード番号、有効期限', 'possible'],
];

describe('leakStatus phrasings', () => {
  it.each(LEAK_CASES)('%s → %s', (text, want) => {
    expect(leak(`お知らせ\n\n${text}`)).toBe(want);
  });
});

const AUTH_CASES: [string, string[]][] = [
  ['本件は、個人情報保護委員会に漏えい等報告を行いました。', ['ppc']],
  ['所轄の警察署に被害届を提出し、受理されました。', ['police']],
  ['警察には相談済みです。', ['police']],
  ['当法人が所属する西浜税理士会へ報告いたしました。', ['other']],
  ['県警察本部に通報しました。', ['police']],
  ['独立行政法人情報処理推進機構(IPA)に届け出ました。', ['ipa']],
  ['JPCERTコーディネーションセンターに報告しました。', ['jpcert']],
  ['プライバシーマーク事務局に報告いたしました。', ['privacy_mark']],
  ['所管官庁である経済産業省に報告しております。', ['ministry']],
  ['近畿財務局に報告しました。', ['ministry']],
  ['市の担当部署及び保健所に報告しました。', ['other']],
  ['東京都に報告しました。', ['other']],
  ['関係当局への報告を行っております。', ['other']],
  ['警察より、当社の顧客情報が流出しているとの連絡がありました。', []],
  ['個人情報保護委員会への報告は、今後行う予定です。', []],
  ['被害に気付かれた場合は、最寄りの警察署へご相談ください。', []],
  ['委託元である株式会社あいうへ報告しました。', []],
  ['クレジットカード会社に報告し、カードの利用停止を依頼しました。', []],
  ['外部の専門機関に調査を依頼しました。', []],
  ['東京都に本社を置く当社は、個人情報保護委員会に報告しました。', ['ppc']],
  ['市と連携し、警察に相談しました。', ['police']],
  ['所管省庁及び県へ報告しました。', ['ministry', 'other']],
  ['元従業員を不正競争防止法違反の疑いで警察に刑事告訴いたしました。', ['police']],
];

describe('authority phrasings', () => {
  it.each(AUTH_CASES)('%s → %j', (text, want) => {
    expect([...auth(`お知らせ\n\n${text}`)].sort()).toEqual([...want].sort());
  });
});

describe('authoritiesNotified', () => {
  it('maps named authorities that were reported to', () => {
    const a = auth(
      notice(
        'お知らせ',
        '個人情報保護委員会へ報告し、所轄警察署に被害届を提出しました。IPAに届け出るとともにJPCERT/CCへ情報提供を行いました。金融庁及びプライバシーマーク付与機関にも報告済みです。県の担当課にも連絡いたしました。',
      ),
    );
    expect(new Set(a)).toEqual(new Set(['ppc', 'police', 'ipa', 'jpcert', 'ministry', 'privacy_mark', 'other']));
  });
  it('a done report counts even in a sentence that also promises future cooperation', () => {
    expect(auth(notice('お知らせ', '個人情報保護委員会には報告済みであり、所轄警察署にも被害申告しており、今後捜査に協力してまいります。'))).toEqual(['ppc', 'police']);
    expect(auth(notice('お知らせ', '今後、個人情報保護委員会へ報告する予定です。'))).toEqual([]);
  });
  it('"監督官庁である個人情報保護委員会" is one authority', () => {
    expect(auth(notice('お知らせ', '監督官庁である個人情報保護委員会には報告済みです。'))).toEqual(['ppc']);
  });
  it('a 遺失物届 at a 交番 is police', () => {
    expect(auth(notice('紛失', '同日、最寄りの交番に遺失物届を提出しました。'))).toEqual(['police']);
  });
  it('ignores advice to readers, the police contacting us, plans and clients', () => {
    expect(auth(notice('注意喚起', '被害に遭われた方は最寄りの警察署にご相談ください。'))).toEqual([]);
    expect(auth(notice('お知らせ', '警察から当社に対し、名簿が見つかったとの連絡がありました。'))).toEqual([]);
    expect(auth(notice('お知らせ', '委託元である市へ報告いたしました。'))).toEqual([]);
  });
});

describe('isIncident', () => {
  it('incident notices', () => {
    expect(incident(notice('個人情報を含む書類の紛失についてのお詫び', '当社において顧客の書類を紛失したことが判明しました。深くお詫び申し上げます。'))).toBe(true);
    expect(
      incident(
        notice(
          '当社を装ったSMSにご注意ください',
          '当社の名前をかたり、偽サイトへ誘導するSMSが送信されていることを確認いたしました。誘導先URL：hxxps://example-fake[.]test/login',
        ),
      ),
    ).toBe(true);
  });
  it('other texts', () => {
    expect(incident(notice('新サービス提供開始のお知らせ', '誤送信防止と不正アクセス検知の機能を備えたサービスの提供を開始します。価格は月額500円です。'))).toBe(false);
    expect(incident(notice('【参加レポート】セキュリティ勉強会に行ってきました', 'ランサムウェア対策の基調講演がありました。'))).toBe(false);
    expect(incident(notice('ゴールデンウィーク前のお願い', '休暇前にOSを更新してください。不審なメールに注意し、バックアップを取ってください。ご留意ください。'))).toBe(false);
    expect(
      incident(
        notice(
          '製品Aにおける脆弱性について',
          '製品Aに脆弱性が存在することが判明しました。悪用された場合、情報が漏えいするおそれがあります。修正版を公開しましたので、アップデートしてください。現時点で本脆弱性を悪用した攻撃は確認されておりません。ご迷惑をおかけし、お詫び申し上げます。',
        ),
      ),
    ).toBe(false);
    expect(incident(notice('「被害実態調査レポート2024」を公開しました', 'ランサムウェア被害を受けた企業の約4割が、VPN機器から侵入されていたことが分かりました。'))).toBe(false);
    expect(incident(notice('価格誤表示のお詫び', '当社オンラインショップにおいて、一部商品の価格が誤表示されておりました。深くお詫び申し上げます。'))).toBe(false);
    expect(incident(notice('配送遅延のお詫び', '物流センターの設備故障により、商品のお届けが遅れております。ご迷惑をおかけし申し訳ございません。'))).toBe(false);
    expect(incident(notice('セキュリティカンファレンス聴講メモ', '今年も行ってきました。ある企業ではVPN機器の脆弱性を悪用されて侵入され、工場が停止したそうです。'))).toBe(false);
    expect(incident(notice('週末の旅', '新幹線で京都へ。神社を巡り、ランチは名物の湯豆腐。ホテルのWi-Fiが不安定でした。'))).toBe(false);
    expect(incident(notice('定期メンテナンスのお知らせ', '下記の日程でメンテナンスを実施いたします。メンテナンス中はサービスをご利用いただけません。'))).toBe(false);
  });

  it('an attack the organization judges it was (DDoS攻撃と判断) is an event, even beside a 販売開始', () => {
    const text = notice(
      'チケット販売サイトがつながりにくくなったことについてのお詫び',
      'チケットの販売開始直後から、サイトに接続しにくい状態が続きました。国外の多数のアドレスから大量の接続要求が送られていたことが確認されました。サービス妨害(DDoS)攻撃と判断しております。ご迷惑をおかけし申し訳ございません。',
    );
    expect(incident(text)).toBe(true);
    expect(cats(text)).toContain('ddos');
  });

  it('a general warning about phishing is no incident; an alert about mails impersonating us is', () => {
    const general = notice(
      '不審なメールやSMSにご注意ください',
      '宅配業者や金融機関などを装い、偽のサイトへ誘導するSMSが全国的に増えています。\nメッセージ内のURLは、例えば hxxps://delivery-check[.]com/ のような文字列です。\nリンクは開かないでください。',
    );
    expect(incident(general)).toBe(false);
    const ours = notice(
      '当社を装ったフィッシングメールについて',
      '当社を装い、ログイン情報の入力を求めるメールが送信されていることを確認いたしました。全国的に被害が増えています。\n偽サイト：hxxps://tesuto-mihon-login[.]com/\nリンクは開かないでください。',
    );
    expect(incident(ours)).toBe(true);
  });
});

describe('notices written in English', () => {
  it('reads the main cues', () => {
    const t = notice(
      'Notice of Unauthorized Access',
      'Our file server was subject to unauthorized access and files were encrypted by ransomware.\nCustomer data may have been exposed.\nWe reported the incident to the Personal Information Protection Commission and consulted the police.\nWe sincerely apologize.',
    );
    expect(cats(t)).toEqual(expect.arrayContaining(['ransomware', 'unauthorized_access']));
    expect(leak(t)).toBe('possible');
    expect(auth(t)).toEqual(['ppc', 'police']);
    expect(incident(t)).toBe(true);
  });
});

describe('linear time', () => {
  it('cue-dense text without sentence ends finishes quickly relative to ordinary text', () => {
    const size = 100_000;
    const fill = (u: string) => u.repeat(Math.ceil(size / u.length)).slice(0, size);
    const run = (t: string) => {
      const t0 = performance.now();
      const c = ctxOf(t);
      extractCategories(c);
      extractLeakStatus(c);
      extractAuthorities(c);
      extractIsIncident(c, {});
      return performance.now() - t0;
    };
    const base = run(fill('当社のサーバーが不正アクセスを受けました。個人情報保護委員会へ報告しました。\n'));
    for (const unit of ['委託先', '脆弱性', '閲覧', '(', 'メール誤', '県の', '否定でき']) {
      expect(run(fill(unit))).toBeLessThan(base * 10 + 200);
    }
  });
});

// Agreement floor over the shared development corpus: a regression below it fails.
describe('agreement on ../shared/corpus', () => {
  const dirs = ['corpus/seed-000', 'corpus/dev-synthetic'].map((d) => join(sharedDir, d)).filter((d) => existsSync(d));
  it('each classification field stays above its floor', () => {
    const f1 = (p: string[], g: string[]): number => {
      const P = new Set(p);
      const G = new Set(g);
      if (P.size === 0 && G.size === 0) return 1;
      let hit = 0;
      for (const v of P) if (G.has(v)) hit++;
      if (hit === 0) return 0;
      const pr = hit / P.size;
      const rc = hit / G.size;
      return (2 * pr * rc) / (pr + rc);
    };
    const sums = { isIncident: [] as number[], categories: [] as number[], leakStatus: [] as number[], authoritiesNotified: [] as number[] };
    for (const dir of dirs) {
      for (const name of readdirSync(dir)) {
        if (!name.endsWith('.json')) continue;
        const txt = join(dir, name.replace(/\.json$/, '.txt'));
        if (!existsSync(txt)) continue;
        const gold = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
        const c = ctxOf(readFileSync(txt, 'utf8'));
        sums.isIncident.push(extractIsIncident(c, {}).value === gold.isIncident ? 1 : 0);
        if (!gold.isIncident) continue;
        sums.categories.push(f1(extractCategories(c).value, gold.categories as string[]));
        sums.leakStatus.push(extractLeakStatus(c).value === (gold.leakStatus ?? null) ? 1 : 0);
        sums.authoritiesNotified.push(f1(extractAuthorities(c).value, gold.authoritiesNotified as string[]));
      }
    }
    expect(sums.isIncident.length).toBeGreaterThan(40);
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    // achieved 1.00 on every field when written; the margin leaves room for deliberate trade-offs
    expect(mean(sums.isIncident)).toBeGreaterThanOrEqual(0.93);
    expect(mean(sums.categories)).toBeGreaterThanOrEqual(0.9);
    expect(mean(sums.leakStatus)).toBeGreaterThanOrEqual(0.88);
    expect(mean(sums.authoritiesNotified)).toBeGreaterThanOrEqual(0.9);
  });
});
