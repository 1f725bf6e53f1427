// Import results: records plus per-object problems that name the file and the JSON path.
import { createHash } from 'node:crypto';
import type { Incident } from '../model/index.js';
import { canonicalJson } from './common.js';

export interface ImportProblem {
  /** file name (as given) */
  file: string;
  /** JSON path inside the file, e.g. $.objects[12].name */
  path: string;
  message: string;
}

export interface ImportedRecord {
  record: Incident;
  /** JSON path of the object the record came from */
  path: string;
  format: 'stix' | 'misp' | 'veris';
  /** the object's own id in its format (STIX id, MISP event uuid, VERIS incident_id), for duplicate checks */
  originId: string;
}

export interface ImportSink {
  record(r: ImportedRecord): void;
  problem(path: string, message: string): void;
}

/** sha256 over the canonical JSON of the imported object: stable, so re-importing the same object is idempotent. */
export function objectSha256(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
