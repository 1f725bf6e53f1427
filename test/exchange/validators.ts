// Official-schema validators for exchange tests (schemas from ../shared/reference, no network).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Ajv2020 as Ajv2020Type } from 'ajv/dist/2020.js';
import type { Ajv as AjvCore, Options, ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';

// These packages are CommonJS; require() sidesteps default-export interop differences between tsc and tsx.
const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020') as typeof Ajv2020Type;
const AjvDraft04 = require('ajv-draft-04') as new (options: Options) => AjvCore;
const addFormats = require('ajv-formats') as FormatsPlugin;
const addFormats2019 = require('ajv-formats-draft2019') as (ajv: unknown, options: { formats: string[] }) => void;
import { refDir } from './fixtures.js';

const STIX_BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';
const STIX_DIR = join(refDir, 'stix2.1-json-schemas', 'schemas');

let stixAjv: Ajv2020Type | undefined;
function stix() {
  if (stixAjv) return stixAjv;
  const ajv = new Ajv2020({ unicodeRegExp: false, strict: false, strictTypes: false, allErrors: true });
  addFormats(ajv);
  addFormats2019(ajv, { formats: ['idn-hostname'] });
  for (const dir of ['common', 'sdos', 'sros', 'observables'])
    for (const f of readdirSync(join(STIX_DIR, dir))) ajv.addSchema(JSON.parse(readFileSync(join(STIX_DIR, dir, f), 'utf8')) as object);
  stixAjv = ajv;
  return ajv;
}

const DIR_OF: Record<string, string> = {
  relationship: 'sros',
  sighting: 'sros',
  'marking-definition': 'common',
  'extension-definition': 'common',
};
const OBSERVABLES = new Set(['url', 'domain-name', 'ipv4-addr', 'ipv6-addr', 'email-addr', 'file', 'artifact', 'autonomous-system', 'directory', 'email-message', 'mac-addr', 'mutex', 'network-traffic', 'process', 'software', 'user-account', 'windows-registry-key', 'x509-certificate']);

/** Errors of one STIX object against its own type's schema ([] = valid). */
export function stixErrors(obj: { type: string } & Record<string, unknown>): string[] {
  const dir = DIR_OF[obj.type] ?? (OBSERVABLES.has(obj.type) ? 'observables' : 'sdos');
  const v = stix().getSchema(`${STIX_BASE}${dir}/${obj.type}.json`);
  if (!v) return [`no schema for ${obj.type}`];
  return v(obj) ? [] : (v.errors ?? []).map((e) => `${obj.type} ${e.instancePath} ${e.message}`);
}

let verisValidate: ValidateFunction | undefined;
export function verisErrors(rec: unknown): string[] {
  if (!verisValidate) {
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    verisValidate = ajv.compile(JSON.parse(readFileSync(join(refDir, 'veris', 'verisc-merged.json'), 'utf8')) as object);
  }
  const v = verisValidate;
  return v(rec) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

let mispValidate: ValidateFunction | undefined;
const describe = JSON.parse(readFileSync(join(refDir, 'misp', 'describeTypes.json'), 'utf8')) as {
  result: { category_type_mappings: Record<string, string[]>; types: string[] };
};
export function mispErrors(event: unknown): string[] {
  if (!mispValidate) {
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    mispValidate = ajv.compile(JSON.parse(readFileSync(join(refDir, 'misp', 'misp-core-format.schema.json'), 'utf8')) as object);
  }
  const v = mispValidate;
  const errors = v(event) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  // category/type matrix from describeTypes.json
  const ev = (event as { Event: { Attribute?: Attr[]; Object?: { Attribute?: Attr[] }[] } }).Event;
  const attrs = [...(ev.Attribute ?? []), ...(ev.Object ?? []).flatMap((o) => o.Attribute ?? [])];
  for (const a of attrs) {
    const allowed = describe.result.category_type_mappings[a.category];
    if (!allowed) errors.push(`unknown category ${a.category}`);
    else if (!allowed.includes(a.type)) errors.push(`type ${a.type} not allowed in category ${a.category}`);
  }
  return errors;
}
type Attr = { category: string; type: string };
