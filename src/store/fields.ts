// Analyst overrides: validating a value for an editable field, and applying overrides to a record.
import {
  AFFECTED_UNITS,
  EDITABLE_FIELDS,
  isAuthority,
  isCategory,
  isDataItem,
  isLeakStatus,
  isRole,
  type EditableField,
  type Incident,
} from '../model/index.js';

export class InvalidValueError extends Error {}

export function isEditableField(f: string): f is EditableField {
  return (EDITABLE_FIELDS as readonly string[]).includes(f);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isIsoDate(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const MAX_STRING = 10_000;
const isShortString = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_STRING;
const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isStringList = (v: unknown, ok: (s: string) => boolean) =>
  Array.isArray(v) && v.length <= 1000 && v.every((x) => typeof x === 'string' && ok(x));
const INDICATOR_KEYS = ['urls', 'domains', 'ipv4s', 'ipv6s', 'emails', 'md5s', 'sha1s', 'sha256s', 'cves'];

/** Throws InvalidValueError with a one-line reason unless `value` is valid for `field`. */
export function validateFieldValue(field: EditableField, value: unknown): void {
  const bad = (why: string): never => {
    throw new InvalidValueError(`${field}: ${why}`);
  };
  switch (field) {
    case 'isIncident':
      if (typeof value !== 'boolean') bad('expected true or false');
      return;
    case 'affectedApprox':
      if (value !== null && typeof value !== 'boolean') bad('expected true, false or null');
      return;
    case 'caseId':
      if (value !== null && !(typeof value === 'string' && /^\d{4}-\d{3,6}$/.test(value))) bad('expected YYYY-NNN or null');
      return;
    case 'title':
      if (!isShortString(value)) bad('expected text');
      return;
    case 'organization':
      if (value !== null && !isShortString(value)) bad('expected text or null');
      return;
    case 'publishedAt':
    case 'discoveredAt':
    case 'occurredFrom':
    case 'occurredTo':
      if (value !== null && !isIsoDate(value)) bad('expected a date YYYY-MM-DD or null');
      return;
    case 'categories':
      if (!isStringList(value, isCategory)) bad('expected categories from the vocabulary');
      return;
    case 'dataItems':
    case 'excludedDataItems':
      if (!isStringList(value, isDataItem)) bad('expected data items from the vocabulary');
      return;
    case 'authoritiesNotified':
      if (!isStringList(value, isAuthority)) bad('expected authorities from the vocabulary');
      return;
    case 'leakStatus':
      if (value !== null && !(typeof value === 'string' && isLeakStatus(value))) bad('expected confirmed, possible, none_confirmed or null');
      return;
    case 'affectedUnit':
      if (value !== null && !(AFFECTED_UNITS as readonly unknown[]).includes(value)) bad(`expected one of ${AFFECTED_UNITS.join(' ')} or null`);
      return;
    case 'affectedCount':
    case 'countermeasureCount':
      if (value !== null && !isCount(value)) bad('expected a non-negative integer or null');
      return;
    case 'countermeasures':
      if (!isStringList(value, (s) => s.length <= MAX_STRING)) bad('expected a list of text');
      return;
    case 'otherOrganizations':
      if (
        !Array.isArray(value) ||
        !value.every((p) => p && typeof p === 'object' && isShortString(p.name) && typeof p.role === 'string' && isRole(p.role))
      )
        bad('expected [{name, role}] with role from the vocabulary');
      return;
    case 'timeline':
      if (
        !Array.isArray(value) ||
        !value.every(
          (e) =>
            e &&
            typeof e === 'object' &&
            isIsoDate(e.date) &&
            isShortString(e.text) &&
            (e.time === undefined || (typeof e.time === 'string' && /^\d{2}:\d{2}$/.test(e.time))),
        )
      )
        bad('expected [{date, time?, text}]');
      return;
    case 'indicators':
      if (
        !value ||
        typeof value !== 'object' ||
        Array.isArray(value) ||
        !Object.entries(value).every(([k, v]) => INDICATOR_KEYS.includes(k) && isStringList(v, (s) => s.length <= 2048))
      )
        bad(`expected an object of lists (${INDICATOR_KEYS.join(', ')})`);
      return;
  }
}

export interface AppliedOverride {
  field: string;
  value_json: string;
}

/** Apply the latest override per field (rows in time order) to an extracted record. */
export function applyOverrides(auto: Incident, rows: AppliedOverride[]): { record: Incident; analyst: Set<EditableField> } {
  const record: Incident = { ...auto };
  const analyst = new Set<EditableField>();
  for (const row of rows) {
    if (!isEditableField(row.field)) continue;
    (record as unknown as Record<string, unknown>)[row.field] = JSON.parse(row.value_json);
    analyst.add(row.field);
  }
  if (analyst.has('indicators')) record.indicators = { ...auto.indicators, ...record.indicators };
  return { record, analyst };
}
