// Use case: an analyst correction from text (`field=value`), parsed and validated against the vocabularies.
import type { EditableField } from '../model/index.js';
import { InvalidValueError, isEditableField, validateFieldValue, type CaseRecord, type Store } from '../store/index.js';

const LISTS = new Set<EditableField>(['categories', 'dataItems', 'excludedDataItems', 'authoritiesNotified', 'countermeasures']);
const NUMBERS = new Set<EditableField>(['affectedCount', 'countermeasureCount']);
const BOOLEANS = new Set<EditableField>(['isIncident', 'affectedApprox']);
const NULLABLE = new Set<EditableField>([
  'caseId', 'organization', 'publishedAt', 'discoveredAt', 'occurredFrom', 'occurredTo', 'affectedCount',
  'affectedUnit', 'affectedApprox', 'leakStatus', 'countermeasureCount',
]);

/** Parse `field=value`. Lists are comma-separated, otherOrganizations `name:role,…`; JSON is accepted too. */
export function parseAssignment(text: string): { field: EditableField; value: unknown } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new InvalidValueError(`expected field=value, got ${JSON.stringify(text.slice(0, 60))}`);
  const field = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  if (!isEditableField(field)) throw new InvalidValueError(`${field}: not an editable field`);
  let value: unknown;
  if (raw.startsWith('[') || raw.startsWith('{')) {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new InvalidValueError(`${field}: invalid JSON`);
    }
  } else if (NULLABLE.has(field) && (raw === '' || raw === 'null')) {
    value = null;
  } else if (LISTS.has(field)) {
    value = raw === '' ? [] : raw.split(/[,、]/).map((s) => s.trim()).filter(Boolean);
  } else if (NUMBERS.has(field)) {
    value = /^\d+$/.test(raw.replace(/,/g, '')) ? Number(raw.replace(/,/g, '')) : raw;
  } else if (BOOLEANS.has(field)) {
    value = raw === 'true' ? true : raw === 'false' ? false : raw;
  } else if (field === 'otherOrganizations') {
    value = raw === '' ? [] : raw.split(',').map((p) => {
      const i = p.lastIndexOf(':');
      return i > 0 ? { name: p.slice(0, i).trim(), role: p.slice(i + 1).trim() } : { name: p.trim(), role: '' };
    });
  } else {
    value = raw;
  }
  validateFieldValue(field, value);
  return { field, value };
}

export async function editCase(store: Store, id: string, assignments: string[], author: string): Promise<CaseRecord> {
  if (assignments.length === 0) throw new InvalidValueError('nothing to set (use --set field=value)');
  const parsed = assignments.map(parseAssignment); // validate all before writing any
  let last: CaseRecord | undefined;
  for (const a of parsed) last = await store.setOverride(id, a.field, a.value, author);
  return last as CaseRecord;
}
