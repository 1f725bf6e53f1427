// Words notices use for personal-data items, mapped onto the closed DATA_ITEMS vocabulary.
import type { DataItem } from '../../model/index.js';

/** Order matters: longer, more specific words come before the short ones they contain. */
export const DATA_TERMS: [RegExp, DataItem][] = [
  [/(?:クレジットカード|カード番号|カード名義|カード有効期限|有効期限|セキュリティコード|カード情報|デビットカード)/g, 'credit_card'],
  [/(?:メールアドレス|E-?mail|e-?mail|Eメール|電子メールアドレス)/g, 'email'],
  [/(?:マイナンバー|個人番号(?!カードの)|特定個人情報)/g, 'my_number'],
  [/(?:パスワード|暗証番号|パスコード)/g, 'password'],
  [/(?:金融資産|資産額|資産状況|預り資産|保有資産|預金残高|残高(?<!ポイント残高)|預金額|預貯金額)/g, 'financial_assets'],
  [/(?:口座|振込先|振込口座|引落口座|支店名|金融機関名|銀行名)/g, 'bank_account'],
  [/(?:年収|収入|所得|給与(?!振込|口座)|給料|時給|時間給|日給|月給|支払金額|支払い金額|支払額|報酬額|賞与|請求金額|請求額|利用金額)/g, 'income'],
  [/(?:病歴|既往歴|診療科|入院|病名|傷病|診療|受診|検査結果|健診|健康診断|健康状態|健康情報|服薬|処方|薬剤|要配慮個人情報|障害者手帳|障害の有無|障害の状況|障害(?:支援|程度)区分|障害等級|障がい|アレルギー|介護度|要介護|病状|カルテ|治療|体温|体調|身長|体重|血圧|血液検査|健診結果)/g, 'health'],
  [/(?:患者ID|患者番号|診察券番号|顧客管理番号|顧客番号|お客様番号|会員番号|会員ID|ログインID|ユーザーID|ユーザID|利用者ID|アカウントID|端末識別番号|管理番号|社員番号|職員番号|学籍番号|生徒番号|受験番号|受付番号|被保険者番号|保険証番号|記号番号|記号・番号|記号及び番号|契約番号|申込番号|登録番号|整理番号|識別番号|証券番号|パスポート番号|旅券番号|免許証番号|保険証番号|ID(?![A-Za-z]))/g, 'id_number'],
  [/(?:学校名|学年|学歴|学部|学科|クラス|組・番号|出身校|在籍校|校名)/g, 'school'],
  [/(?:所属(?!する|し|の職員|職員)|人事情報|人事評価|職務経歴|職歴|勤務歴|勤務先|勤務地|部署名|役職|職位|職種|職業|雇用形態|雇用条件|勤怠|就業(?:予定)?先|就業期間|就業場所|就労先|社員情報|従業員情報)/g, 'employment'],
  [/(?:取引先(?:様)?の?(?:個人)?(?:情報|名|企業|会社|担当|ご担当|代表)|法人顧客|会社名|企業名|法人名|事業者名|団体名|屋号|店舗名|事業所名)/g, 'company_info'],
  // any other 「…番号」 written after a noun (購読者番号, 接種券番号, 供給地点特定番号) identifies a person or contract
  // (the words it must not follow are checked by OTHER_NUMBER_BEFORE: a lookbehind here is slow)
  [/番号/g, 'id_number'],
  [/(?:生年月日|誕生日)/g, 'birthdate'],
  [/(?:性別)/g, 'gender'],
  // (a FAX number in a notice is nearly always the wrong destination of a misdelivery, not data)
  [/(?:電話番号|携帯番号|携帯電話番号|TEL)/g, 'phone'],
  [/(?:郵便番号|住所|所在地|居所|番地|配送先住所|お届け先住所)/g, 'address'],
  [/(?:氏名|お名前|名前|フリガナ|ふりがな|カナ氏名|宛名(?!ラベル|シール)|名義人|(?:者|様)名(?![簿義])|保護者名|児童名|生徒名|患者名|署名)/g, 'name'],
];

/** 「…番号」 counts as id_number only after a noun that is not one of these (電話番号 → phone, 送信先の番号 → none). */
export const OTHER_NUMBER_BEFORE = /(?:電話|郵便|口座|カード|個人|携帯|暗証|FAX|ファクス|ファックス|の|宛先|送信先|問い合わせ|登録|部屋|[^一-龥ァ-ヶー])$/;

/**
 * Personal data that has no vocabulary entry of its own (→ other). A chunk of a data list that is not
 * mapped above also becomes other when it reads like a data field (see qty-data-items).
 */
export const OTHER_TERMS =
  /(?:履歴|件名・本文|件名及び本文|件名、本文|件名や本文|続柄|成績|評定|所見|単位数|使用量|契約内容|契約プラン|ご契約|プラン|ポイント|購読|保険種類|保険金額|年齢|税額|車両|地番|面積|工事内容|主治医名|主治医の氏名|扶養(?:家族|親族)?の(?:状況|人数|有無)|請求の理由|利用日|送迎|資格取得日|写真|顔写真|画像|国籍|血液型|家族構成|注文内容|購入商品|商品名|ニックネーム|利用状況|相談内容|申請内容|やり取り|通信内容|位置情報|車番|出欠|欠席|点数|得点|答案|志望|面談記録|指導記録|アンケート回答|回答内容|供給地点|番号札)/g;

// the endings of a data field's name (…日, …番号, …履歴, …内容, …名, …額)
const FIELD_ENDINGS = ['日', '日時', '番号', '履歴', '内容', '件名', '本文', '続柄', '写真', '画像', '記録', '金額', '額', '歴', 'コード', '科目', '成績', '区分', '状況', '種別', '種類', 'プラン', '期間', '数', '量', '名', '先', 'ID', '年月', '有無', '理由', '時間', '評定', '所見'];

/** A list chunk that names a data field: ends like one. */
export const FIELD_LIKE = new RegExp(`(?:${FIELD_ENDINGS.join('|')})$`);

// last character code → the endings that end in it (most chunks end in none: one lookup rules them out)
const ENDINGS_BY_LAST = new Map<number, string[]>();
for (const w of FIELD_ENDINGS) {
  const last = w.charCodeAt(w.length - 1);
  ENDINGS_BY_LAST.set(last, [...(ENDINGS_BY_LAST.get(last) ?? []), w]);
}

/** FIELD_LIKE.test(chunk), by comparing the end only (the regex tries every position of the chunk). */
export function fieldLike(chunk: string): boolean {
  const endings = ENDINGS_BY_LAST.get(chunk.charCodeAt(chunk.length - 1));
  if (endings === undefined) return false;
  for (const w of endings) if (chunk.endsWith(w)) return true;
  return false;
}

/** Every vocabulary pattern: DATA_TERMS in order, then OTHER_TERMS (last). */
export const TERM_PATTERNS: RegExp[] = [...DATA_TERMS.map(([re]) => re), OTHER_TERMS];
