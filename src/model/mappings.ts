// How each vocabulary entry of the record maps onto the exchange formats (VERIS 1.4, MISP taxonomies and
// galaxies, STIX 2.1 open vocabularies / Incident Core extension). Exporters and importers read these tables;
// nothing else in the code base should know a VERIS enumeration or a MISP tag by heart.
// Values were checked against ../shared/reference (verisc-merged.json, misp taxonomies, galaxy clusters).
import type { Authority, Category, DataItem, LeakStatus, Role } from './vocabulary.js';

export type VerisActionKind = 'hacking' | 'malware' | 'social' | 'error' | 'misuse' | 'physical';

export interface VerisAction {
  kind: VerisActionKind;
  variety: string;
  vector: string;
  /** only for social actions */
  target?: string;
}

export type VerisActorKind = 'external' | 'internal' | 'partner';

export interface CategoryMapping {
  veris: {
    actions: VerisAction[];
    actor: { kind: VerisActorKind; variety?: string; motive: string };
    assets: string[];
    availability?: string;
    integrity?: string;
  };
  /** MISP machine tags from taxonomies in the reference set (circl, rsit, veris) */
  misp: string[];
  /** STIX Incident Core extension event-type-ov values */
  stix: string[];
  /** OpenCTI incident_type_ov, used only to read OpenCTI exports */
  opencti?: string;
}

const ext = (variety: string, motive = 'Financial') => ({ kind: 'external' as const, variety, motive });
const int = (variety: string, motive = 'NA') => ({ kind: 'internal' as const, variety, motive });

export const CATEGORY_MAPPINGS: Record<Category, CategoryMapping> = {
  ransomware: {
    veris: {
      actions: [{ kind: 'malware', variety: 'Ransomware', vector: 'Direct install' }],
      actor: ext('Organized crime'),
      assets: ['S - File', 'S - Database'],
      availability: 'Obscuration',
      integrity: 'Software installation',
    },
    misp: ['circl:incident-classification="ransomware"', 'rsit:malicious-code="infected-system"'],
    stix: ['ransomware'],
    opencti: 'ransomware',
  },
  unauthorized_access: {
    veris: {
      actions: [{ kind: 'hacking', variety: 'Unknown', vector: 'Unknown' }],
      actor: ext('Unknown', 'Unknown'),
      assets: ['S - Unknown'],
    },
    misp: ['circl:incident-classification="system-compromise"', 'rsit:intrusions="system-compromise"'],
    stix: ['unauthorized-access-system'],
    opencti: 'compromise',
  },
  malware: {
    veris: {
      actions: [{ kind: 'malware', variety: 'Unknown', vector: 'Unknown' }],
      actor: ext('Unknown', 'Unknown'),
      assets: ['U - Desktop or laptop'],
      integrity: 'Software installation',
    },
    misp: ['circl:incident-classification="malware"', 'rsit:malicious-code="infected-system"'],
    stix: ['known-malware'],
    opencti: 'compromise',
  },
  account_takeover: {
    veris: {
      actions: [{ kind: 'hacking', variety: 'Use of stolen creds', vector: 'Web application' }],
      actor: ext('Organized crime'),
      assets: ['S - Web application'],
    },
    misp: ['rsit:intrusions="unprivileged-account-compromise"', 'veris:action:hacking:variety="Use of stolen creds"'],
    stix: ['theft-access-credentials'],
    opencti: 'compromise',
  },
  phishing: {
    veris: {
      actions: [{ kind: 'social', variety: 'Phishing', vector: 'Email', target: 'End-user or employee' }],
      actor: ext('Organized crime'),
      assets: ['P - End-user or employee', 'S - Mail'],
    },
    misp: ['circl:incident-classification="phishing"', 'rsit:fraud="phishing"', 'veris:action:social:variety="Phishing"'],
    stix: ['dissemination-phishing-emails'],
    opencti: 'phishing',
  },
  email_misdelivery: {
    veris: {
      actions: [{ kind: 'error', variety: 'Misdelivery', vector: 'Carelessness' }],
      actor: int('End-user'),
      assets: ['S - Mail'],
    },
    misp: ['rsit:information-content-security="data-leak"', 'veris:action:error:variety="Misdelivery"'],
    stix: ['unauthorized-release'],
    opencti: 'data-leak',
  },
  postal_misdelivery: {
    veris: {
      actions: [{ kind: 'error', variety: 'Misdelivery', vector: 'Carelessness' }],
      actor: int('End-user'),
      assets: ['M - Documents'],
    },
    misp: ['rsit:information-content-security="data-leak"', 'veris:action:error:variety="Misdelivery"'],
    stix: ['unauthorized-release'],
    opencti: 'data-leak',
  },
  fax_misdelivery: {
    veris: {
      actions: [{ kind: 'error', variety: 'Misdelivery', vector: 'Carelessness' }],
      actor: int('End-user'),
      assets: ['M - Fax'],
    },
    misp: ['rsit:information-content-security="data-leak"', 'veris:action:error:variety="Misdelivery"'],
    stix: ['unauthorized-release'],
    opencti: 'data-leak',
  },
  device_loss: {
    veris: {
      actions: [{ kind: 'error', variety: 'Loss', vector: 'Carelessness' }],
      actor: int('End-user'),
      assets: ['M - Flash drive'],
      availability: 'Loss',
    },
    misp: ['rsit:information-content-security="data-loss"', 'veris:action:error:variety="Loss"'],
    stix: ['equipment-loss'],
    opencti: 'data-leak',
  },
  document_loss: {
    veris: {
      actions: [{ kind: 'error', variety: 'Loss', vector: 'Carelessness' }],
      actor: int('End-user'),
      assets: ['M - Documents'],
      availability: 'Loss',
    },
    misp: ['rsit:information-content-security="data-loss"', 'veris:action:error:variety="Loss"'],
    stix: ['equipment-loss'],
    opencti: 'data-leak',
  },
  theft: {
    veris: {
      actions: [{ kind: 'physical', variety: 'Theft', vector: 'Unknown' }],
      actor: ext('Unknown'),
      assets: ['U - Desktop or laptop'],
      availability: 'Loss',
    },
    misp: ['rsit:intrusions="burglary"', 'veris:action:physical:variety="Theft"'],
    stix: ['equipment-theft'],
    opencti: 'data-leak',
  },
  misconfiguration_exposure: {
    veris: {
      actions: [{ kind: 'error', variety: 'Misconfiguration', vector: 'Inadequate processes' }],
      actor: int('System admin'),
      assets: ['S - Web application'],
    },
    misp: ['rsit:vulnerable="information-disclosure"', 'veris:action:error:variety="Misconfiguration"'],
    stix: ['unauthorized-release'],
    opencti: 'data-leak',
  },
  insider_misuse: {
    veris: {
      actions: [{ kind: 'misuse', variety: 'Data mishandling', vector: 'LAN access' }],
      actor: int('End-user', 'Unknown'),
      assets: ['S - Database'],
    },
    misp: ['rsit:information-content-security="unauthorised-information-access"', 'veris:action:misuse:variety="Data mishandling"'],
    stix: ['unauthorized-use'],
    opencti: 'data-leak',
  },
  vulnerability_exploit: {
    veris: {
      actions: [{ kind: 'hacking', variety: 'Exploit vuln', vector: 'Unknown' }],
      actor: ext('Unknown', 'Unknown'),
      assets: ['S - Unknown'],
    },
    // the MISP veris taxonomy (v2) has no "Exploit vuln"; rsit carries it instead
    misp: ['rsit:intrusion-attempts="exploit"', 'circl:incident-classification="vulnerability"'],
    stix: ['exploit'],
    opencti: 'compromise',
  },
  supply_chain: {
    veris: {
      actions: [{ kind: 'hacking', variety: 'Unknown', vector: 'Partner' }],
      actor: { kind: 'partner', motive: 'Unknown' },
      assets: ['S - Unknown'],
    },
    misp: ['rsit:intrusions="system-compromise"'],
    stix: ['supply-chain-customer'],
    opencti: 'compromise',
  },
  web_skimming: {
    veris: {
      actions: [{ kind: 'hacking', variety: 'Unknown', vector: 'Web application' }],
      actor: ext('Organized crime'),
      assets: ['S - Web application'],
      integrity: 'Modify data',
    },
    misp: ['rsit:intrusions="application-compromise"', 'rsit:information-content-security="data-leak"'],
    stix: ['unauthorized-access-information'],
    opencti: 'data-leak',
  },
  ddos: {
    veris: {
      actions: [{ kind: 'hacking', variety: 'DoS', vector: 'Web application' }],
      actor: ext('Unknown', 'Unknown'),
      assets: ['S - Web application'],
      availability: 'Interruption',
    },
    misp: ['circl:incident-classification="denial-of-service"', 'rsit:availability="ddos"'],
    stix: ['packet-flood'],
    opencti: 'information-system-disruption',
  },
  other: {
    veris: {
      actions: [{ kind: 'error', variety: 'Other', vector: 'Unknown' }],
      actor: int('Unknown', 'Unknown'),
      assets: ['Unknown'],
    },
    misp: ['rsit:other="undetermined"'],
    stix: ['unspecified'],
  },
};

export interface DataItemMapping {
  /** attribute.confidentiality.data.variety */
  veris: string;
  /** STIX Incident Core impact information-type-ov */
  stix: string;
}

export const DATA_ITEM_MAPPINGS: Record<DataItem, DataItemMapping> = {
  name: { veris: 'Personal', stix: 'pii' },
  address: { veris: 'Personal', stix: 'pii' },
  email: { veris: 'Personal', stix: 'pii' },
  phone: { veris: 'Personal', stix: 'pii' },
  birthdate: { veris: 'Personal', stix: 'pii' },
  gender: { veris: 'Personal', stix: 'pii' },
  credit_card: { veris: 'Payment', stix: 'payment' },
  bank_account: { veris: 'Bank', stix: 'financial' },
  health: { veris: 'Medical', stix: 'phi' },
  my_number: { veris: 'Sensitive Personal', stix: 'pii' },
  id_number: { veris: 'Personal', stix: 'pii' },
  password: { veris: 'Credentials', stix: 'credentials-user' },
  employment: { veris: 'Personal', stix: 'pii' },
  school: { veris: 'Personal', stix: 'pii' },
  company_info: { veris: 'Internal', stix: 'proprietary' },
  financial_assets: { veris: 'Bank', stix: 'financial' },
  income: { veris: 'Personal', stix: 'financial' },
  other: { veris: 'Other', stix: 'pii' },
};

export interface LeakStatusMapping {
  /** attribute.confidentiality.data_disclosure */
  veris: string;
  /** VERIS security_incident */
  verisIncident: string;
  /** Incident Core determination (values valid in both the prose spec and the JSON schema) */
  stixDetermination: string;
  /** Incident Core impact loss_type */
  stixLossType: string;
}

export const LEAK_STATUS_MAPPINGS: Record<LeakStatus, LeakStatusMapping> = {
  confirmed: { veris: 'Yes', verisIncident: 'Confirmed', stixDetermination: 'successful-attempt', stixLossType: 'confirmed-loss' },
  possible: { veris: 'Potentially', verisIncident: 'Confirmed', stixDetermination: 'suspected', stixLossType: 'suspected-loss' },
  none_confirmed: { veris: 'No', verisIncident: 'Confirmed', stixDetermination: 'suspected', stixLossType: 'none' },
};

/** Authorities: MISP free-text comments and VERIS discovery/notification hints. */
export const AUTHORITY_LABELS: Record<Authority, { ja: string; en: string }> = {
  ppc: { ja: '個人情報保護委員会', en: 'Personal Information Protection Commission' },
  police: { ja: '警察', en: 'Police' },
  ministry: { ja: '所管省庁', en: 'Supervising ministry' },
  ipa: { ja: 'IPA', en: 'Information-technology Promotion Agency' },
  jpcert: { ja: 'JPCERT/CC', en: 'JPCERT/CC' },
  privacy_mark: { ja: 'プライバシーマーク', en: 'Privacy Mark (JIPDEC)' },
  other: { ja: 'その他', en: 'Other authority' },
};

/** Other parties: STIX identity roles and MISP object relationship. */
export const ROLE_MAPPINGS: Record<Role, { stixRole: string; mispRelation: string }> = {
  contractor: { stixRole: 'contractor', mispRelation: 'related-to' },
  subcontractor: { stixRole: 'subcontractor', mispRelation: 'related-to' },
  parent: { stixRole: 'parent-organization', mispRelation: 'related-to' },
  vendor: { stixRole: 'vendor', mispRelation: 'related-to' },
  regulator: { stixRole: 'regulator', mispRelation: 'related-to' },
  other: { stixRole: 'other', mispRelation: 'related-to' },
};

export interface IndustryMapping {
  /** NAICS 2-digit code for VERIS victim.industry */
  naics: string;
  /** STIX industry-sector-ov */
  stix: string;
  /** misp-galaxy:sector cluster value */
  misp: string;
  /** a value from the MISP victim object's `sectors` list */
  mispVictim: string;
}

// Sector guessed from the organization's name; first match wins. Only cheap suffix/keyword tests on names
// (bounded strings), no backtracking patterns.
const INDUSTRY_RULES: { keywords: string[]; industry: IndustryMapping }[] = [
  { keywords: ['大学', '学園', '学校', '高校', '中学', '小学', '教育委員会'], industry: { naics: '61', stix: 'education', misp: 'Education', mispVictim: 'education' } },
  { keywords: ['病院', '医院', 'クリニック', '医療', '薬局'], industry: { naics: '62', stix: 'healthcare', misp: 'Health', mispVictim: 'healthcare' } },
  { keywords: ['銀行', '信用金庫', '信用組合', '証券', '保険'], industry: { naics: '52', stix: 'financial-services', misp: 'Finance', mispVictim: 'financial services' } },
  { keywords: ['省', '庁', '県', '都庁', '府庁', '市役所', '区役所', '町役場', '村役場', '市', '町', '村', '機構'], industry: { naics: '92', stix: 'government', misp: 'Government, Administration', mispVictim: 'government local' } },
];

/** A sector for an organization name, when its name makes the sector plain; otherwise null. */
export function industryOf(organization: string | null): IndustryMapping | null {
  if (!organization) return null;
  const name = organization.slice(0, 200);
  // company forms first: 株式会社○○市場 is a company, not a city
  if (/株式会社|有限会社|合同会社|\(株\)|（株）/.test(name)) {
    for (const rule of INDUSTRY_RULES.slice(0, 3)) if (rule.keywords.some((k) => name.includes(k))) return rule.industry;
    return null;
  }
  for (const rule of INDUSTRY_RULES) if (rule.keywords.some((k) => name.endsWith(k) || name.includes(k))) return rule.industry;
  return null;
}

/** TLP 2.0 levels, lowest first. */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

export const TLP_MAPPINGS: Record<TlpLevel, { stixId: string; stixName: string; misp: string; mispDistribution: string }> = {
  clear: { stixId: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', stixName: 'TLP:CLEAR', misp: 'tlp:clear', mispDistribution: '3' },
  green: { stixId: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', stixName: 'TLP:GREEN', misp: 'tlp:green', mispDistribution: '2' },
  amber: { stixId: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', stixName: 'TLP:AMBER', misp: 'tlp:amber', mispDistribution: '1' },
  'amber+strict': {
    stixId: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
    stixName: 'TLP:AMBER+STRICT',
    misp: 'tlp:amber+strict',
    mispDistribution: '0',
  },
  red: { stixId: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', stixName: 'TLP:RED', misp: 'tlp:red', mispDistribution: '0' },
};

export function isTlpLevel(v: string): v is TlpLevel {
  return (TLP_LEVELS as readonly string[]).includes(v);
}

/** Categories whose VERIS/STIX/MISP mapping contains the given value — used by importers (first match wins). */
export function categoriesFor(format: 'veris-action' | 'stix' | 'opencti' | 'misp', value: string): Category[] {
  const out: Category[] = [];
  for (const [cat, m] of Object.entries(CATEGORY_MAPPINGS) as [Category, CategoryMapping][]) {
    const hit =
      format === 'stix'
        ? m.stix.includes(value)
        : format === 'opencti'
          ? m.opencti === value
          : format === 'misp'
            ? m.misp.includes(value)
            : m.veris.actions.some((a) => `${a.kind}.${a.variety}` === value);
    if (hit) out.push(cat);
  }
  return out;
}

/**
 * Ransomware families as named in the misp-galaxy ransomware cluster (value spelled exactly as there),
 * with the spellings notices use. Only names distinctive enough to match in free text.
 */
export const RANSOMWARE_FAMILIES: { galaxy: string; spellings: string[] }[] = [
  { galaxy: 'LockBit', spellings: ['lockbit'] },
  { galaxy: 'BlackCat', spellings: ['blackcat', 'alphv'] },
  { galaxy: 'Akira', spellings: ['akira'] },
  { galaxy: '8base', spellings: ['8base'] },
  { galaxy: 'Phobos', spellings: ['phobos'] },
  { galaxy: 'BlackBasta', spellings: ['blackbasta', 'black basta'] },
  { galaxy: 'medusa', spellings: ['medusa'] },
  { galaxy: 'Qilin', spellings: ['qilin', 'agenda ransomware'] },
  { galaxy: 'Conti', spellings: ['conti'] },
  { galaxy: 'Hive', spellings: ['hive ransomware'] },
  { galaxy: 'Clop', spellings: ['clop', 'cl0p'] },
  { galaxy: 'ransomhub', spellings: ['ransomhub'] },
  { galaxy: 'Sodinokibi', spellings: ['sodinokibi', 'revil'] },
  { galaxy: 'Bianlian', spellings: ['bianlian'] },
  { galaxy: 'rhysida', spellings: ['rhysida'] },
  { galaxy: 'Everest', spellings: ['everest ransomware'] },
  { galaxy: 'Avaddon', spellings: ['avaddon'] },
  { galaxy: 'Ragnar Locker', spellings: ['ragnar locker', 'ragnarlocker'] },
  { galaxy: 'noescape', spellings: ['noescape'] },
];

/** Ransomware families named in a text (case-insensitive substring match on bounded text). */
export function ransomwareFamiliesIn(text: string): string[] {
  const t = text.slice(0, 200_000).toLowerCase();
  return RANSOMWARE_FAMILIES.filter((f) => f.spellings.some((s) => t.includes(s))).map((f) => f.galaxy);
}

/** The one category a foreign value stands for, or null when it maps to none or to several (ambiguous). */
export function categoryFor(format: 'stix' | 'opencti' | 'misp', value: string): Category | null {
  const found = categoriesFor(format, value);
  return found.length === 1 ? found[0] : null;
}

/**
 * The category for a VERIS action variety; several categories share one (error.Misdelivery is e-mail, post or
 * fax), so the record's asset varieties decide, else the first listed (the most common in notices).
 */
export function verisCategory(kind: string, variety: string, assets: readonly string[]): Category | null {
  const found = categoriesFor('veris-action', `${kind}.${variety}`);
  if (found.length <= 1) return found[0] ?? null;
  return found.find((c) => CATEGORY_MAPPINGS[c].veris.assets.some((a) => assets.includes(a))) ?? found[0];
}
