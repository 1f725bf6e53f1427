// The jikenbo record inside a STIX property extension. STIX forbids nulls, empty lists and lists of
// objects in properties, all of which the record uses, so the record travels as one JSON string; the
// standard STIX properties beside it carry the same facts for other consumers.
import type { Incident } from '../../model/index.js';
import { isObject } from '../common.js';

export function toStixRecord(r: Incident): Record<string, unknown> {
  return { record_json: JSON.stringify(r) };
}

/** The record from our extension, or null when absent or unreadable. Shape is checked by the caller. */
export function fromStixRecord(ext: unknown): Record<string, unknown> | null {
  if (!isObject(ext) || typeof ext.record_json !== 'string') return null;
  try {
    const v: unknown = JSON.parse(ext.record_json);
    return isObject(v) ? v : null;
  } catch {
    return null;
  }
}
