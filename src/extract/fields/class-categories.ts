// Category cues: the vocabulary Japanese notices use for each kind of event, read sentence by
// sentence. A cue counts only in a sentence that describes what happened (not a request to
// readers, a future measure or a general remark) and only when its clause is not negated.
import { CATEGORIES, type Category } from '../../model/index.js';
import type { ExtractContext, NSpan } from '../context.js';
import { findCue, gateWord, hasNegation, holds, isAdvisory, isGeneral, isMeasure, mayHold, negatedAfter, sentenceGate, sentencesOf, type Sentence } from './class-text.js';

const W = '[^。\\n]'; // one character inside a sentence
const near = (n: number): string => `${W}{0,${n}}`;

interface CueRule {
  cat: Category;
  re: RegExp;
  /** extra condition on the sentence */
  when?: (s: Sentence) => boolean;
  /** the cue itself is what a negation denies ("BCCではなくCCに") — do not test negation */
  keepNegated?: boolean;
}

const DEVICE = '(?:USB\\s?メモリ|USB|usb|記録媒体|外付け|ハードディスク|HDD|SSD|SDカード|メモリーカード|DVD|CD-R|記憶媒体|デジタルカメラ|ICレコーダー|レコーダー|パソコン|PC|ノートPC|ノート型|タブレット|スマートフォン|スマホ|携帯電話|携帯端末|業務用端末|端末|iPad|iPhone)';
const PAPER = '(?:書類|資料|用紙|台帳|名簿|帳票|申請書|申込書|届出書|住民票|記録書|記録票|郵便物|答案|カルテ|通知書|封筒|一覧表|リスト|手帳|伝票|証明書|控え|原本|写し|ファイル|はがき|ハガキ|文書|調査票|問診票|用紙類|請求書|明細書|受験票|個人票|受付票|申込票|帳簿|出席簿|指導要録|要録|記録)';
const STOLEN_OBJECT = new RegExp(`(?:${DEVICE}|${PAPER}|かばん|鞄|バッグ|リュック|金庫|キャビネット|財布|車|自転車)${near(20)}(?:盗まれ|盗られ|持ち去られ)`);
const DEVICE_LOST = new RegExp(`${DEVICE}${near(40)}(?:紛失|置き忘|所在不明|遺失|なくし|見当たらな|行方不明)|(?:紛失|置き忘|所在不明)${near(12)}${DEVICE}`);
const PAPER_LOST = new RegExp(`${PAPER}${near(40)}(?:紛失|置き忘|所在不明|遺失|なくし|見当たらな|行方不明|届かず|届いていない)|(?:紛失|所在不明)${near(12)}${PAPER}`);
const PAPER_LOST_AFTER = new RegExp(`(?:紛失|所在不明)${near(12)}${PAPER}`);
const LOSS_WORD_G = /紛失|置き忘|所在不明|遺失|なくし|見当たらな|行方不明|届かず|届いていない/g;
const DEVICE_G = new RegExp(DEVICE, 'g');
const PAPER_G = new RegExp(PAPER, 'g');

function lastEnd(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let end = -1;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) end = m.index + m[0].length;
  return end;
}

/**
 * Is a paper the thing lost? The object nearest before the loss word decides: in 「会議資料を作成しようとした
 * 際に、USBメモリが保管庫にないことに気付き、紛失」 the USB stick was lost, not the papers.
 */
function paperLost(text: string): boolean {
  if (!PAPER_LOST.test(text)) return false;
  if (PAPER_LOST_AFTER.test(text)) return true;
  LOSS_WORD_G.lastIndex = 0;
  for (let m = LOSS_WORD_G.exec(text); m !== null; m = LOSS_WORD_G.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const paper = lastEnd(PAPER_G, before);
    if (paper >= 0 && paper >= lastEnd(DEVICE_G, before)) return true;
  }
  return false;
}
// Words the rules' conditions look for (each gated: most sentences a rule reaches lack them all).
const ADMIN_OR_LEFTOVER = /管理用|管理者|サーバ|VPN|リモート|退職|元従業員|元社員|元職員|休眠|使用されていない|不要な/;
const ACCOUNT_WORDS = /アカウント|ID|パスワード/;
const SYSTEM_SIDE = /管理画面|管理者|管理用|サーバ|システム/;
const FAX_WORDS = /FAX|ファクス|ファックス|ファクシミリ/i;
const FAX_SHORT = /FAX|ファクス|ファックス/i;
const MAIL_OR_FAX = /(?<!ダイレクト)メール|FAX|ファクス|ファックス/i;
const ATTACK_WORDS = /攻撃者|不正アクセス|突かれ|悪用|侵入/;
const ATTACK_OR_NORMAL = /攻撃者|不正アクセス|突かれ|悪用|侵入|正常に|復旧/;
const PERSON_WORDS = /個人|お客様|会員|利用者|氏名|住所|他の|別の/;
const CARD_WORDS = /カード|決済/;
const STAFF = /従業員|従業者|社員|職員|派遣|元従業員|元社員|元職員|看護師|教員|教諭|医師|アルバイト|パート|スタッフ|作業員|担当者|者\(|委託先|本人/;
const NETWORK = /ネットワーク|サーバ|システム|VPN|リモート|アカウント|クラウド|データベース|社内網|イントラ/;
const PHYSICAL = /何者か|錠|窓|裏口|施錠|店舗|営業所|事務所|建物|敷地|金庫|車両|車上|住居|倉庫/;
const TAKEOVER = /乗っ?取/;
const G_ADMIN = sentenceGate(ADMIN_OR_LEFTOVER);
const G_ACCOUNT = sentenceGate(ACCOUNT_WORDS);
const G_SYSTEM = sentenceGate(SYSTEM_SIDE);
const G_FAX = sentenceGate(FAX_WORDS);
const G_FAX_SHORT = sentenceGate(FAX_SHORT);
const G_MAIL_OR_FAX = sentenceGate(MAIL_OR_FAX);
const G_ATTACK = sentenceGate(ATTACK_WORDS);
const G_ATTACK_OR_NORMAL = sentenceGate(ATTACK_OR_NORMAL);
const G_PERSON = sentenceGate(PERSON_WORDS);
const G_CARD = sentenceGate(CARD_WORDS);
const G_STAFF = sentenceGate(STAFF);
const G_NETWORK = sentenceGate(NETWORK);
const G_PHYSICAL = sentenceGate(PHYSICAL);
const G_TAKEOVER = sentenceGate(TAKEOVER);

const RULES: CueRule[] = [
  { cat: 'ransomware', re: /ランサムウェア|ランサム|暗号化型(?:ウイルス|ウィルス|マルウェア)|LockBit|Phobos|BlackCat|ALPHV|暗号化される被害|暗号化被害/i },
  // "身代金の要求には応じておりません" denies paying, not the attack
  { cat: 'ransomware', re: /身代金|脅迫文|脅迫メッセージ|脅迫画面|脅迫状/, keepNegated: true },
  {
    cat: 'ransomware',
    re: new RegExp(`(?:ファイル|データ)${near(20)}暗号化され${near(40)}(?:脅迫|身代金|金銭)`),
  },
  {
    cat: 'unauthorized_access',
    re: /不正アクセス|不正ログイン|標的型攻撃|サポート詐欺|(?:外部から|遠隔)(?:遠隔)?操作され|第三者(?:が|に|により|によって)[^。\n]{0,10}ログイン|不正に(?:ログイン|侵入|接続)|不審な(?:通信|アクセス|ログイン|接続)|サイバー攻撃|ハッキング|乗っ?取|改ざん|改竄|リスト型攻撃|パスワードリスト攻撃|SQLインジェクション|クレデンシャルスタッフィング|不正な接続|不正な通信/,
  },
  {
    cat: 'unauthorized_access',
    re: /侵入/,
    when: (s) => holds(s, G_NETWORK) && !holds(s, G_PHYSICAL),
  },
  {
    cat: 'malware',
    re: new RegExp(`マルウェア|Emotet|エモテット|トロイの木馬|スパイウェア|キーロガー|情報窃取型|(?:ウイルス|ウィルス)(?:に|へ)?(?:の)?感染|感染${near(6)}(?:ウイルス|ウィルス)`, 'i'),
  },
  {
    cat: 'account_takeover',
    when: (s) => !holds(s, G_ADMIN) || holds(s, G_TAKEOVER),
    re: /乗っ?取|不正ログイン|なりすましログイン|リスト型攻撃|パスワードリスト攻撃|クレデンシャルスタッフィング|ログインが成立|ログインに成功|不正(?:な)?送金|不正に送金|不正(?:に)?出金|アカウント[^。\n]{0,20}不正(?:に)?(?:利用|使用|ログイン)|アカウント[^。\n]{0,20}不正(?:な)?アクセス/,
  },
  {
    // "アカウントが第三者に不正にログインされ": a user's account; a system's admin screen is an intrusion only
    cat: 'account_takeover',
    re: /第三者に(?:よって|より)?(?:不正に)?ログイン/,
    when: (s) => holds(s, G_ACCOUNT) && !holds(s, G_SYSTEM),
  },
  {
    cat: 'phishing',
    re: new RegExp(
      `フィッシング|スミッシング|ビジネスメール詐欺|なりすましメール|なりすましSMS|偽(?:の)?(?:アカウント|公式アカウント)|なりすましアカウント|(?<!虚)偽(?:の)?${near(10)}(?:サイト|ログイン画面|ログインページ|ページ|メール|SMS|通知|アプリ)|なりすましサイト|(?:を|の名を)名乗る${near(20)}(?:メール|SMS|サイト|アカウント|電話)|(?:を|に)(?:装|騙|かた)(?:った|い|って|り|る)${near(20)}(?:メール|SMS|ショートメッセージ|メッセージ|DM|ダイレクトメッセージ|サイト)|標的型(?:攻撃)?メール|不審(?:な)?(?:電子)?メール${near(30)}(?:送信|届|受信|配信)|差出人${near(20)}(?:職員|社員|従業員|当社|当協会|当院|本学)`,
    ),
  },
  {
    cat: 'email_misdelivery',
    re: new RegExp(
      `(?<!ダイレクト)(?:電子)?メール${near(40)}誤(?:送信|送付|って送信|った(?:アドレス|宛先))|誤送信${near(20)}(?<!ダイレクト)メール|CC欄|(?<!ダイレクト)メール${near(20)}(?:誤って|間違って|誤った)${near(20)}(?:送信|送付|転送|添付)|(?:宛先|送信先|送付先)(?:欄)?${near(10)}(?:誤|間違)|(?:メール)?アドレス${near(10)}(?:誤|間違)|誤って${near(30)}(?:メール|添付)|別の(?:メール)?アドレス${near(10)}(?:送信|選択)`,
    ),
    when: (s) => !holds(s, G_FAX),
  },
  {
    // "BCCではなくCCに入力" negates BCC, not the mistake
    cat: 'email_misdelivery',
    re: /BCC|CC(?:欄|に入力|に入れ|で送信)|TO欄|宛先\(TO\)|一斉送信[^。\n]{0,40}(?:アドレス|宛先)[^。\n]{0,20}(?:表示|閲覧|見える)|受信(?:者|された方)(?:同士|の間)[^。\n]{0,20}アドレス/i,
    when: (s) => !holds(s, G_FAX_SHORT),
    keepNegated: true,
  },
  {
    cat: 'fax_misdelivery',
    re: new RegExp(
      `(?:FAX|Fax|fax|ファクス|ファックス|ファクシミリ)${near(40)}(?:誤送信|誤って|誤った|間違|誤り|誤送付)|誤送信${near(20)}(?:FAX|Fax|fax|ファクス|ファックス|ファクシミリ)|(?:誤|間違)${near(10)}(?:FAX|Fax|fax|ファクス|ファックス)`,
    ),
  },
  {
    cat: 'postal_misdelivery',
    re: new RegExp(
      `誤送付|誤配送|誤配達|誤発送|誤郵送|誤封入|誤って(?:同封|封入|郵送|発送)|(?:別|他)の(?:お客様|方|利用者|会員|購読者|組合員|患者)${near(20)}(?:同封|封入|入れて|混入)|宛名${near(20)}(?:異なる|誤|一致しない|違う|間違|取り違)|(?:ご?住所|宛先)${near(10)}(?:へ|に)?誤って(?:送付|郵送|発送)|誤って送付`,
    ),
    when: (s) => !holds(s, G_MAIL_OR_FAX),
  },
  {
    // anchored on the rare loss word; the object is checked in the sentence (much cheaper than scanning every noun)
    cat: 'device_loss',
    re: /紛失|置き忘|所在不明|遺失|なくし|見当たらな|行方不明/,
    when: (s) => DEVICE_LOST.test(s.text),
  },
  {
    cat: 'document_loss',
    re: /紛失|置き忘|所在不明|遺失|なくし|見当たらな|行方不明|届かず|届いていない/,
    when: (s) => paperLost(s.text),
  },
  {
    cat: 'theft',
    re: new RegExp(`盗難|窃盗|ひったく|車上荒らし|車上狙い|空き巣|侵入盗|置き引き|盗み去|盗難被害`),
  },
  {
    // "…かばんが盗まれ": the stolen thing is physical (data "stolen" by attackers is 窃取, not theft)
    cat: 'theft',
    re: /盗まれ|盗られ|持ち去られ/,
    when: (s) => STOLEN_OBJECT.test(s.text),
  },
  {
    cat: 'misconfiguration_exposure',
    re: new RegExp(
      `黒塗り|墨消し|マスキング(?:漏れ|の不備)|設定(?:の|に)?(?:不備|誤り|ミス|を誤)|誤設定|設定誤り|公開設定|共有設定|リンクを知っている|誤掲載|誤って(?:掲載|公開)|非表示(?:の)?シート|(?:ホームページ|ウェブサイト|Webサイト|HP|サイト|広報誌|会報)${near(10)}掲載${near(30)}(?:個人情報|氏名|住所|電話番号)${near(20)}(?:記載|含まれ|残)|(?:アクセス制限|閲覧制限|公開範囲|共有範囲)${near(10)}(?:誤|不備|不適切|なし)|(?:別|他)の(?:お客様|利用者|会員|ユーザー|方|ご家庭|回答者|患者)${near(25)}(?:表示|閲覧)(?:され|でき|可能)|不具合${near(30)}(?:表示|閲覧)`,
    ),
    when: (s) => !holds(s, G_ATTACK),
  },
  {
    cat: 'misconfiguration_exposure',
    re: new RegExp(
      `(?:第三者|外部|インターネット上|誰でも|不特定|他の|別の|本人以外|以外の|他人)${near(30)}(?:閲覧|アクセス|表示|ダウンロード)(?:が)?(?:可能|でき[るた])(?:な)?(?:状態|状況)?|公開(?:され(?:た|て(?:いた|いる)))?状態`,
    ),
    when: (s) => !holds(s, G_ATTACK_OR_NORMAL),
  },
  {
    // "誤表示" of prices or stock is not an exposure; of customers' data it is
    cat: 'misconfiguration_exposure',
    re: /誤表示/,
    when: (s) => holds(s, G_PERSON),
  },
  {
    // "アクセス制限を設定していなかった": the negation is the fault itself
    cat: 'misconfiguration_exposure',
    re: new RegExp(`(?:アクセス制限|閲覧制限|公開範囲の制限|認証設定)${near(10)}(?:設定|かけ|かか|行)${near(6)}(?:いなかっ|ておらず|ていない|ていませんでし|ず)`),
    keepNegated: true,
  },
  {
    cat: 'insider_misuse',
    re: new RegExp(
      `不正(?:に|な)?持ち?出|不正(?:に|な)?閲覧|無断で|私用の|私的に|私的な|個人(?:契約|アカウント|向け|用)${near(10)}(?:クラウド|ストレージ|メール)|業務上(?:の)?(?:必要|必要性)(?:が|の)?(?:ない|なく)|目的外|売却|横流し|名簿業者|内部不正|覗き見|のぞき見|持ち?出${near(20)}(?:提供|売却|使用|利用|転職先|競合)|(?:競合|転職先|他社|名簿業者)${near(10)}(?:に|へ)(?:提供|漏ら|渡|流出)`,
    ),
    when: (s) => holds(s, G_STAFF),
  },
  {
    // "業務と関係のない知人の情報を閲覧": browsing data without a work reason
    cat: 'insider_misuse',
    re: new RegExp(`(?:業務(?:と|に)(?:は)?(?:関係|関連)(?:の|が)?(?:ない|なく)|業務外|興味本位)${near(20)}(?:情報|データ|名簿|カルテ|記録)${near(10)}(?:閲覧|持ち?出|検索|照会|利用|使用|提供)`),
    when: (s) => holds(s, G_STAFF),
  },
  {
    cat: 'vulnerability_exploit',
    re: new RegExp(
      `脆弱性${near(30)}(?:悪用|突い|突か|をつい|をつか|を衝い|を突|を利用|を狙|攻撃|による不正アクセス)|(?:悪用|突)${near(6)}脆弱性|SQLインジェクション|クロスサイトスクリプティング|ゼロデイ|CVE-\\d{4}-\\d{3,7}|OSコマンドインジェクション`,
      'i',
    ),
  },
  {
    cat: 'web_skimming',
    re: new RegExp(
      `(?:決済|カード情報入力|入力)(?:画面|ページ|フォーム)${near(20)}(?:改ざん|不正な(?:プログラム|スクリプト|コード)|埋め込)|不正な(?:プログラム|スクリプト|コード)${near(30)}(?:決済|カード)|改ざん${near(50)}(?:カード|決済)|偽(?:の)?(?:カード情報)?(?:入力|決済)画面|カード情報${near(20)}(?:外部(?:に|へ)送信|抜き取|窃取|盗み取)|スキミング|ウェブスキミング`,
    ),
    when: (s) => holds(s, G_CARD),
  },
  {
    cat: 'ddos',
    re: /DDoS|DoS攻撃|大量(?:の)?(?:リクエスト|アクセス|通信|パケット)|アクセスが集中|通信が集中|負荷をかけ|サービス妨害|過負荷/i,
  },
  // notices written in English
  { cat: 'ransomware', re: /\bransomware\b/i },
  { cat: 'unauthorized_access', re: /unauthori[sz]ed access|\bintrusion\b|\bbreach(?:ed)?\b|\bhack(?:ed|ing)\b/i },
  { cat: 'phishing', re: /\bphishing\b|\bspoof(?:ed|ing)\b/i },
  { cat: 'malware', re: /\bmalware\b|\bEmotet\b|\binfostealer\b/i },
  { cat: 'email_misdelivery', re: /(?:misdirected|mis-sent|sent in error)[^.\n]{0,30}e-?mail|e-?mail[^.\n]{0,30}(?:wrong recipient|in error)/i },
  {
    cat: 'other',
    re: new RegExp(
      `誤交付|誤って(?:交付|手渡|渡し|配布)|取り違え${near(10)}(?:交付|手渡|渡し|配布)|(?:交付|手渡|配布)${near(10)}取り違え|(?:古紙|一般(?:の)?ごみ|可燃ごみ|資源ごみ|廃棄物)${near(20)}(?:廃棄|出し|処分|回収)|裏紙|裏面(?:を)?(?:使用|利用|再利用)|消去(?:しない|せず)${near(30)}(?:廃棄|譲渡|売却|引き?渡|処分|返却|リース)|(?:廃棄|処分)${near(30)}(?:消去(?:しない|せず)|不適切)|誤って(?:廃棄|破棄|処分)|誤廃棄|不適切な(?:廃棄|処分)|(?:シュレッダー|溶解|裁断)(?:処理)?(?:せず|しない|をせず|を行わず)|(?:ごみ|ゴミ)として`,
    ),
  },
];

// A shop whose card data leaked (see web_skimming below).
const CARD_DATA = /クレジットカード|カード情報/;
const SHOP = /ショップ|通販|ストア|EC|オンライン|ネット販売/;
// Root event at a contractor, subcontractor or vendor.
const CONTRACTOR = /提供する[^。\n]{0,20}(?:社|会社|事業者)(?=において|で|が|の|にて)|決済代行(?:会社|事業者)|(?:開発|保守)会社|(?:保守|運送|配送|印刷|発送|回収|清掃|処分|廃棄|システム|運営|管理)業者|(?:提供|運営|運用|サービス|クラウド|外部)事業者|(?:が|の)提供する[^。\n]{0,20}(?:サービス|システム|プラットフォーム|カート)|提供(?:する|している|元の?)(?:事業者|会社|ベンダー|企業)|再?委託先|委託業者|委託事業者|委託会社|業務委託先|保守ベンダー|ベンダー|外部業者|協力会社|委託して(?:いる|いた|おり|おります|おりました)|委託しており|受託(?:者|事業者|業者)|運営会社|システム会社/g;
const CONTRACTOR_EVENT = /入れ替わ|目的外|流用|使用していた|利用していた|取り違|混入|手違い|ランサムウェア|不正アクセス|サイバー攻撃|攻撃を受け|感染|紛失|持ち?出|誤り|不備|ミス|漏えい|漏洩|流出|改ざん|不正(?:に)?利用|不正ログイン|盗難|脆弱性|侵入|誤送|誤封入|誤って|暗号化|所在不明|所在が(?:分から|わから)な|行方不明/;
// After a contractor's name: the organization acting towards it (委託先に送付), the contractor telling us.
const TOWARDS = /^に(?!おいて|て)/;
const FROM = /^(?:から|より)/;
const ITS_OWN = /同社|委託先|当該/;
const SELF_OR_HELP = /(?:当社|弊社|当院|本学|当学|当法人|当協会|当組合|当会|当行|当金庫|当館|当センター|当機構|本市|当市|本町|当町|本村|本県|当県)(?:が|は|で|において|の?(?:サーバ|システム|ネットワーク|パソコン|PC|端末|Web|ウェブ|ホームページ|サイト|機器|環境))|協力|連携|共に|ともに|依頼|と(?:共同で)?(?:調査|確認|分析)(?:した|を行った|を実施した|し)/;
// "委託している事業者の調査により、サイトの…": the contractor found the event, which it names again when it is its own.
const INVESTIGATED_BY = /^[^、。]{0,12}?(?:の|による)(?:調査|分析|解析)(?:により|によって|の結果|で|では)/;
// The following sentence may continue about the contractor (同社のサーバーが…).
const CONTRACTOR_REF = /同社|委託先|当該業者|当該事業者|当該会社/;
const TAMPER = /(?:ペイメント|決済|カード|購入|注文|入力)[^。\n]{0,20}(?:改ざん|改竄)|(?:改ざん|改竄)[^。\n]{0,20}(?:ペイメント|決済|カード|購入|注文)/;
const STRONG_INTRUSION = /侵入|改ざん|改竄|不正ログイン|乗っ?取|窃取|ランサムウェア|マルウェア|脆弱性を悪用/;
const LEFTOVER_ACCOUNT = new RegExp(`(?:退職|元従業員|元社員|元職員|削除されずに|未使用|使用されていない|休眠|テスト用|保守用)${near(20)}アカウント`);

// Gates of the regexes run per sentence (see sentenceGate).
const G_RULES = RULES.map((r) => sentenceGate(r.re));
// (registered one after another: rule r has id G_FIRST + r, so a sentence's rules are read off its mark words)
const G_FIRST = G_RULES[0];
if (G_RULES.some((id, r) => id !== G_FIRST + r)) throw new Error('category gates are not consecutive');
const G_CONTRACTOR = sentenceGate(CONTRACTOR);
const G_CONTRACTOR_REF = sentenceGate(CONTRACTOR_REF);
const G_TAMPER = sentenceGate(TAMPER);
const G_STRONG = sentenceGate(STRONG_INTRUSION);
const G_LEFTOVER = sentenceGate(LEFTOVER_ACCOUNT);

export interface CategoryAnalysis {
  categories: Category[];
  evidence: NSpan[];
  /** each category's cue spans */
  spans: Map<Category, NSpan[]>;
}

const cache = new WeakMap<ExtractContext, CategoryAnalysis>();

/** Does the sentence describe what happened (the title always does)? */
function usable(s: Sentence): boolean {
  if (s.title) return true;
  return !(isAdvisory(s) || isGeneral(s) || s.advice || isMeasure(s));
}

/** Category analysis of a notice, cached per context (leakStatus and isIncident reuse it). */
export function analyzeCategories(ctx: ExtractContext): CategoryAnalysis {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const sentences = sentencesOf(ctx);
  const spans: CueSpans = new Map();

  // Each rule's regex (and its condition) runs only on the sentences its gate lets through.
  for (const s of sentences) {
    if (!usable(s)) continue;
    // the rules marked for this sentence, in rule order (lowest bit first)
    for (let w = G_FIRST >> 5; w <= (G_FIRST + RULES.length - 1) >> 5; w++) {
      let bits = gateWord(s, w);
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const r = w * 32 + 31 - Math.clz32(low) - G_FIRST;
        if (r >= 0 && r < RULES.length) cueOf(s, RULES[r], spans);
      }
    }
  }
  supplyChain(sentences, spans);

  // Stolen items are theft only; a lost letter is a document, not a device, when no device is named.
  if (spans.has('theft')) {
    spans.delete('device_loss');
    spans.delete('document_loss');
  }
  // An encrypted-files infection is ransomware, not a separate malware category.
  if (spans.has('ransomware')) spans.delete('malware');
  // Data shown to others by a misdirected mail/FAX/letter is the misdelivery itself.
  if (spans.has('email_misdelivery') || spans.has('fax_misdelivery') || spans.has('postal_misdelivery')) spans.delete('misconfiguration_exposure');
  // A paper handed to the wrong person or thrown away is not also "lost".
  if (spans.has('other')) {
    spans.delete('document_loss');
    spans.delete('device_loss');
  }
  // A request flood is ddos even when the notice calls it 不正アクセス, unless an intrusion is described.
  if (spans.has('ddos') && !hasStrongIntrusion(sentences)) spans.delete('unauthorized_access');
  // A leftover or service account logged into is an intrusion, not a user's account taken over.
  if (spans.has('account_takeover') && !hasUserTakeover(sentences)) spans.delete('account_takeover');
  // Tampering of a site's own pages is an intrusion; web skimming also implies it.
  // An online shop whose pages were tampered with while card data leaked: a skimmer, even when the
  // sentence naming the tampering does not mention the cards.
  if (!spans.has('web_skimming')) {
    const tamper = firstTamper(sentences);
    if (tamper && CARD_DATA.test(ctx.text) && SHOP.test(ctx.text)) {
      spans.set('web_skimming', [tamper]);
    }
  }
  // Every intrusion-type category carries unauthorized_access.
  for (const c of ['ransomware', 'account_takeover', 'web_skimming', 'vulnerability_exploit'] as const) {
    if (spans.has(c) && !spans.has('unauthorized_access')) {
      spans.set('unauthorized_access', [...(spans.get(c) ?? [])]);
    }
  }
  // Emotet-style infections of own PCs that send spoofed mails: malware + phishing, no intrusion
  // unless one is described (handled by the cues themselves).

  // (in vocabulary order, the order a record lists them in)
  const categories = CATEGORIES.filter((c) => spans.has(c));
  const evidence: NSpan[] = [];
  for (const c of categories) {
    const list = spans.get(c)!;
    for (let k = 0; k < list.length && k < 2; k++) evidence.push(list[k]);
  }
  const out = { categories, evidence, spans };
  cache.set(ctx, out);
  return out;
}

/** The rule's cue in the sentence, when its condition holds there. */
function cueOf(s: Sentence, rule: CueRule, spans: CueSpans): void {
  if (rule.when && !rule.when(s)) return;
  const cue = findCue(s, rule.re, rule.keepNegated);
  if (cue) addCue(spans, rule.cat, cue.span);
}

/** Each category's cue spans found so far (at most 6 kept per category). */
type CueSpans = Map<Category, NSpan[]>;

function addCue(spans: CueSpans, cat: Category, span: NSpan): void {
  const list = spans.get(cat);
  if (!list) spans.set(cat, [span]);
  else if (list.length < 6) list.push(span);
}

function firstTamper(sentences: Sentence[]): NSpan | null {
  for (const s of sentences) {
    if (!s.title && (isAdvisory(s) || isMeasure(s))) continue;
    if (!mayHold(s, G_TAMPER)) continue;
    const hit = findCue(s, TAMPER);
    if (hit) return hit.span;
  }
  return null;
}

function hasUserTakeover(sentences: Sentence[]): boolean {
  if (!sentences.some((s) => holds(s, G_LEFTOVER))) return true;
  return sentences.some((s) => holds(s, G_TAKEOVER) && !isMeasure(s));
}

function hasStrongIntrusion(sentences: Sentence[]): boolean {
  for (const s of sentences) {
    if (isAdvisory(s) || isMeasure(s)) continue;
    if (mayHold(s, G_STRONG) && findCue(s, STRONG_INTRUSION)) return true;
  }
  return false;
}

function supplyChain(sentences: Sentence[], spans: CueSpans): void {
  let carry = false;
  for (const s of sentences) {
    const usableSentence = s.title || !(isAdvisory(s) || isMeasure(s) || isGeneral(s));
    if (!usableSentence) {
      carry = false;
      continue;
    }
    CONTRACTOR.lastIndex = 0;
    let m = mayHold(s, G_CONTRACTOR) ? CONTRACTOR.exec(s.text) : null;
    // the next sentence may continue about a contractor named here
    const named = m !== null;
    let found = false;
    for (let guard = 0; m !== null && guard++ < 20; m = CONTRACTOR.exec(s.text)) {
      const after = s.text.slice(m.index + m[0].length, m.index + m[0].length + 90);
      // "委託先に送付" is the organization acting towards the contractor, not the contractor's event
      if (TOWARDS.test(after)) continue;
      // "委託先から連絡" is the contractor telling us; its own event needs 同社/委託先 again
      if (FROM.test(after) && !ITS_OWN.test(after)) continue;
      const ev = CONTRACTOR_EVENT.exec(after);
      // "委託先と共に調査した結果、当社サーバーへの不正アクセスが判明": the event is the organization's own
      if (ev && SELF_OR_HELP.test(after.slice(0, ev.index))) continue;
      if (ev && INVESTIGATED_BY.test(after) && !ITS_OWN.test(after.slice(0, ev.index))) continue;
      if (ev && !isNegatedEvent(s, m.index + m[0].length + ev.index + ev[0].length)) {
        addCue(spans, 'supply_chain', { start: s.start + m.index, end: s.start + m.index + m[0].length + ev.index + ev[0].length });
        found = true;
        break;
      }
    }
    if (!found && carry) {
      const r = mayHold(s, G_CONTRACTOR_REF) ? CONTRACTOR_REF.exec(s.text) : null;
      if (r) {
        const ev = CONTRACTOR_EVENT.exec(s.text.slice(r.index));
        if (ev && !isNegatedEvent(s, r.index + ev.index + ev[0].length)) {
          addCue(spans, 'supply_chain', { start: s.start + r.index, end: s.start + r.index + ev.index + ev[0].length });
        }
      }
    }
    CONTRACTOR.lastIndex = 0;
    carry = named;
  }
}

function isNegatedEvent(s: Sentence, at: number): boolean {
  return hasNegation(s) && negatedAfter(s.text, at);
}
