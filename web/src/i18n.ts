// Japanese labels by default, English on request; the choice is kept in localStorage.
import { signalLike } from './state.js';

export type Lang = 'ja' | 'en';
const LANG_KEY = 'jikenbo.lang';
export const lang = signalLike<Lang>(localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'ja');
lang.subscribe((l) => {
  localStorage.setItem(LANG_KEY, l);
  document.documentElement.lang = l;
});

const UI = {
  appName: ['事件簿', 'jikenbo'],
  search: ['検索', 'Search'],
  dashboard: ['ダッシュボード', 'Dashboard'],
  ingest: ['登録', 'Ingest'],
  searchPlaceholder: ['キーワード（例: ランサムウェア 委託先）', 'Keywords (e.g. ランサムウェア)'],
  results: ['件', 'results'],
  export: ['書き出し', 'Export'],
  noResults: ['該当する事案はありません', 'No matching cases'],
  prev: ['前へ', 'Previous'],
  next: ['次へ', 'Next'],
  token: ['APIトークン', 'API token'],
  tokenSave: ['保存', 'Save'],
  tokenHint: ['右上の「APIトークン」に jikenbo token create で作ったトークンを設定してください', 'set a token made with `jikenbo token create` under “API token” (top right)'],
  loading: ['読み込み中…', 'Loading…'],
  field: ['項目', 'Field'],
  value: ['値', 'Value'],
  source: ['由来', 'Source'],
  auto: ['自動', 'auto'],
  analyst: ['分析者', 'analyst'],
  noticeText: ['通知本文', 'Notice text'],
  clickHint: ['項目をクリックすると本文中の根拠が強調表示されます', 'Click a field to highlight its evidence in the text'],
  versions: ['版', 'Versions'],
  showingVersion: ['表示中の版:', 'Showing version'],
  backToCurrent: ['最新（修正反映）に戻る', 'back to the current record'],
  related: ['関連事案', 'Related cases'],
  correct: ['分析者による修正', 'Analyst correction'],
  correctHint: ['リストはカンマ区切り（再発防止策は1行に1つ）、空欄は null', 'Lists comma-separated (countermeasures one per line); empty means null'],
  saveCorrection: ['修正を保存', 'Save correction'],
  saved: ['保存しました', 'Saved'],
  indicators: ['攻撃指標 (IoC)', 'Indicators'],
  none: ['なし', 'none'],
  casesPerMonth: ['月別事案数（カテゴリ別）', 'Cases per month by category'],
  topDataItems: ['漏えい等の対象情報 上位', 'Top data items'],
  affectedDist: ['影響件数の分布', 'Affected counts'],
  leakStatus: ['漏えい状況', 'Leak status'],
  topContractors: ['事案に多く登場する委託先', 'Contractors in most cases'],
  total: ['総事案数', 'Total cases'],
  noDatedCases: ['公表日の分かる事案がまだありません', 'No cases with a publication date yet'],
  undatedNote: ['公表日不明の事案はグラフに含まれません', 'Cases without a publication date are not charted'],
  pasteText: ['通知文を貼り付け', 'Paste notice text'],
  dropFile: ['ファイルをドロップ、または選択', 'Drop a file or choose one'],
  orUrl: ['URL', 'URL'],
  preview: ['抽出プレビュー', 'Preview extraction'],
  save: ['保存', 'Save'],
  savedAs: ['保存しました:', 'Saved as'],
  notIncident: ['インシデント通知ではないと判定', 'Judged not to be an incident notice'],
  facetCategory: ['カテゴリ', 'Category'],
  facetDataItem: ['対象情報', 'Data item'],
  facetYear: ['年', 'Year'],
  facetLeakStatus: ['漏えい状況', 'Leak status'],
  facetAuthority: ['報告先', 'Authority'],
  includeAll: ['非インシデントも含める', 'Include non-incidents'],
  error: ['エラー', 'Error'],
  notFound: ['見つかりません', 'Not found'],
} as const;

export type UiKey = keyof typeof UI;
export const t = (k: UiKey): string => UI[k][lang.value === 'ja' ? 0 : 1];

const FIELDS: Record<string, [string, string]> = {
  isIncident: ['インシデント', 'Incident'],
  caseId: ['事件簿番号', 'Casebook no.'],
  title: ['標題', 'Title'],
  organization: ['組織', 'Organization'],
  otherOrganizations: ['関係組織', 'Other organizations'],
  publishedAt: ['公表日', 'Published'],
  discoveredAt: ['発覚日', 'Discovered'],
  occurredFrom: ['発生（開始）', 'Occurred from'],
  occurredTo: ['発生（終了）', 'Occurred to'],
  categories: ['カテゴリ', 'Categories'],
  affectedCount: ['影響件数', 'Affected'],
  affectedUnit: ['単位', 'Unit'],
  affectedApprox: ['概数', 'Approximate'],
  dataItems: ['対象情報', 'Data items'],
  excludedDataItems: ['含まれない情報', 'Not included'],
  leakStatus: ['漏えい状況', 'Leak status'],
  authoritiesNotified: ['報告先', 'Reported to'],
  countermeasures: ['再発防止策', 'Countermeasures'],
  countermeasureCount: ['対策数', 'Measure count'],
  timeline: ['経緯', 'Timeline'],
  indicators: ['攻撃指標', 'Indicators'],
};
export const fieldLabel = (f: string): string => FIELDS[f]?.[lang.value === 'ja' ? 0 : 1] ?? f;

const VOCAB: Record<string, string> = {
  ransomware: 'ランサムウェア', unauthorized_access: '不正アクセス', malware: 'マルウェア', account_takeover: 'アカウント乗っ取り',
  phishing: 'フィッシング', email_misdelivery: 'メール誤送信', postal_misdelivery: '郵便誤送付', fax_misdelivery: 'FAX誤送信',
  device_loss: '機器紛失', document_loss: '書類紛失', theft: '盗難', misconfiguration_exposure: '設定不備による公開',
  insider_misuse: '内部不正', vulnerability_exploit: '脆弱性悪用', supply_chain: 'サプライチェーン', web_skimming: 'Webスキミング',
  ddos: 'DDoS', other: 'その他',
  name: '氏名', address: '住所', email: 'メールアドレス', phone: '電話番号', birthdate: '生年月日', gender: '性別',
  credit_card: 'クレジットカード', bank_account: '口座情報', health: '健康情報', my_number: 'マイナンバー', id_number: 'ID・番号',
  password: 'パスワード', employment: '勤務先・職業', school: '学校', company_info: '企業情報', financial_assets: '資産情報', income: '収入',
  confirmed: '漏えい確認', possible: '漏えいのおそれ', none_confirmed: '漏えい確認されず', unknown: '不明',
  ppc: '個人情報保護委員会', police: '警察', ministry: '所管省庁', ipa: 'IPA', jpcert: 'JPCERT/CC', privacy_mark: 'プライバシーマーク',
  contractor: '委託先', subcontractor: '再委託先', parent: '親会社', vendor: 'ベンダー', regulator: '監督官庁',
};
/** A vocabulary value for display: Japanese name in ja, the code itself in en. */
export const vocab = (v: string): string => (lang.value === 'ja' ? VOCAB[v] ?? v : v.replace(/_/g, ' '));
