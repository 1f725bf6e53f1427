// Closed vocabularies of the record. Extractors never invent values outside these lists.
// Mappings to VERIS / MISP / STIX live in mappings.ts so exporters share one source of truth.

export const CATEGORIES = [
  'ransomware',
  'unauthorized_access',
  'malware',
  'account_takeover',
  'phishing',
  'email_misdelivery',
  'postal_misdelivery',
  'fax_misdelivery',
  'device_loss',
  'document_loss',
  'theft',
  'misconfiguration_exposure',
  'insider_misuse',
  'vulnerability_exploit',
  'supply_chain',
  'web_skimming',
  'ddos',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const DATA_ITEMS = [
  'name',
  'address',
  'email',
  'phone',
  'birthdate',
  'gender',
  'credit_card',
  'bank_account',
  'health',
  'my_number',
  'id_number',
  'password',
  'employment',
  'school',
  'company_info',
  'financial_assets',
  'income',
  'other',
] as const;
export type DataItem = (typeof DATA_ITEMS)[number];

export const LEAK_STATUSES = ['confirmed', 'possible', 'none_confirmed'] as const;
export type LeakStatus = (typeof LEAK_STATUSES)[number];

export const AUTHORITIES = ['ppc', 'police', 'ministry', 'ipa', 'jpcert', 'privacy_mark', 'other'] as const;
export type Authority = (typeof AUTHORITIES)[number];

export const ROLES = ['contractor', 'subcontractor', 'parent', 'vendor', 'regulator', 'other'] as const;
export type Role = (typeof ROLES)[number];

export const AFFECTED_UNITS = ['件', '名', '人', '人分'] as const;
export type AffectedUnit = (typeof AFFECTED_UNITS)[number];

export function isCategory(v: string): v is Category {
  return (CATEGORIES as readonly string[]).includes(v);
}
export function isDataItem(v: string): v is DataItem {
  return (DATA_ITEMS as readonly string[]).includes(v);
}
export function isAuthority(v: string): v is Authority {
  return (AUTHORITIES as readonly string[]).includes(v);
}
export function isRole(v: string): v is Role {
  return (ROLES as readonly string[]).includes(v);
}
export function isLeakStatus(v: string): v is LeakStatus {
  return (LEAK_STATUSES as readonly string[]).includes(v);
}
