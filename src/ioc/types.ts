// Shapes returned by the IoC engine.

export const INDICATOR_TYPES = [
  'urls',
  'domains',
  'ipv4s',
  'ipv6s',
  'emails',
  'md5s',
  'sha1s',
  'sha256s',
  'sha512s',
  'cves',
  'asns',
  'bitcoin',
  'jvns',
] as const;

export type IndicatorType = (typeof INDICATOR_TYPES)[number];

/** Every indicator found, refanged and normalized, deduplicated, in order of first appearance. */
export type IndicatorLists = Record<IndicatorType, string[]>;

/** One occurrence of an indicator: offsets are into the ORIGINAL text given to extractIndicators. */
export interface IndicatorOccurrence {
  value: string;
  start: number;
  end: number;
  /** the original characters, as written (possibly defanged) */
  raw: string;
}

/** Why a value deserves a second look before it is treated as hostile. */
export interface IndicatorTags {
  /** address class of an IP: private, loopback, documentation, linkLocal, … (never dropped) */
  ip?: string;
  /** names of the warninglists the value matched, e.g. ["tranco10k"] */
  benign?: string[];
}

export interface IndicatorResult extends IndicatorLists {
  /** every occurrence per type (option `offsets`) */
  offsets?: Record<IndicatorType, IndicatorOccurrence[]>;
  /** tags per value (option `tags`, or when warninglists are given); only values that have tags */
  tags?: Record<string, IndicatorTags>;
}

/** Where an occurrence sits: on its own, or as part of a URL or an e-mail address. */
export type HitContext = 'bare' | 'url' | 'email';

/** One occurrence as found by the scanner, with what later filters need to judge it. */
export interface IndicatorHit {
  type: IndicatorType;
  value: string;
  /** offsets into the original text */
  start: number;
  end: number;
  raw: string;
  /** the text was defanged ([.], hxxp, [@] …) within this occurrence */
  defanged: boolean;
  context: HitContext;
}

export function emptyLists(): IndicatorLists {
  const out = {} as IndicatorLists;
  for (const t of INDICATOR_TYPES) out[t] = [];
  return out;
}
