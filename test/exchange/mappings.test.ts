// The vocabulary mappings in src/model/mappings.ts against the reference data they claim to follow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_MAPPINGS, DATA_ITEMS, DATA_ITEM_MAPPINGS, RANSOMWARE_FAMILIES, TLP_LEVELS, TLP_MAPPINGS, industryOf, ransomwareFamiliesIn } from '../../src/model/index.js';
import { refDir } from './fixtures.js';

const json = (...p: string[]) => JSON.parse(readFileSync(join(refDir, ...p), 'utf8')) as unknown;

type Taxonomy = { namespace: string; predicates: { value: string }[]; values?: { predicate: string; entry: { value: string }[] }[] };

/** Is `tag` (namespace:predicate="value" or namespace:predicate) defined in the taxonomy files? */
function inTaxonomy(tag: string): boolean {
  const m = /^([^:]+):(.+?)(?:="(.*)")?$/.exec(tag);
  if (!m) return false;
  const [, ns, predicate, value] = m;
  const dir = { tlp: 'tlp', circl: 'circl', rsit: 'rsit', veris: 'veris', PAP: 'PAP' }[ns];
  if (!dir) return false;
  const t = json('misp', 'taxonomies', dir, 'machinetag.json') as Taxonomy;
  if (value === undefined) return t.predicates.some((p) => p.value === predicate);
  return (t.values ?? []).some((v) => v.predicate === predicate && v.entry.some((e) => e.value === value));
}

describe('mappings follow the reference vocabularies', () => {
  it('every category has MISP tags defined in the taxonomies', () => {
    for (const c of CATEGORIES) {
      expect(CATEGORY_MAPPINGS[c].misp.length, c).toBeGreaterThan(0);
      for (const tag of CATEGORY_MAPPINGS[c].misp) expect(inTaxonomy(tag), `${c}: ${tag}`).toBe(true);
    }
    for (const l of TLP_LEVELS) expect(inTaxonomy(TLP_MAPPINGS[l].misp), l).toBe(true);
    expect(inTaxonomy('circl:incident-classification="no-such-thing"')).toBe(false);
  });

  it('VERIS values are enumerations of verisc-merged.json', () => {
    const schema = json('veris', 'verisc-merged.json') as Record<string, unknown>;
    const enumAt = (path: string): string[] => {
      let node = schema as { properties?: Record<string, unknown>; items?: unknown; enum?: string[] };
      for (const p of path.split('.')) {
        node = node.properties![p] as typeof node;
        if (node.items) node = node.items as typeof node;
      }
      return node.enum ?? [];
    };
    for (const c of CATEGORIES) {
      const v = CATEGORY_MAPPINGS[c].veris;
      for (const a of v.actions) {
        expect(enumAt(`action.${a.kind}.variety`), `${c}`).toContain(a.variety);
        expect(enumAt(`action.${a.kind}.vector`), `${c}`).toContain(a.vector);
      }
      for (const a of v.assets) expect(enumAt('asset.assets.variety'), c).toContain(a);
      if (v.availability) expect(enumAt('attribute.availability.variety')).toContain(v.availability);
      if (v.integrity) expect(enumAt('attribute.integrity.variety')).toContain(v.integrity);
      expect(enumAt(`actor.${v.actor.kind}.motive`)).toContain(v.actor.motive);
      if (v.actor.variety) expect(enumAt(`actor.${v.actor.kind}.variety`)).toContain(v.actor.variety);
    }
    for (const d of DATA_ITEMS) expect(enumAt('attribute.confidentiality.data.variety'), d).toContain(DATA_ITEM_MAPPINGS[d].veris);
  });

  it('galaxy values exist in the galaxy clusters', () => {
    const values = (name: string) => new Set((json('misp', 'galaxy', 'clusters', `${name}.json`) as { values: { value: string }[] }).values.map((v) => v.value));
    const ransomware = values('ransomware');
    for (const f of RANSOMWARE_FAMILIES) expect(ransomware.has(f.galaxy), f.galaxy).toBe(true);
    const sector = values('sector');
    for (const org of ['東京大学', '○○病院', '株式会社○○銀行', '○○市']) expect(sector.has(industryOf(org)!.misp), org).toBe(true);
  });

  it('guesses sectors only from plain names, and finds family names', () => {
    expect(industryOf('○○市')?.naics).toBe('92');
    expect(industryOf('学校法人○○学園')?.naics).toBe('61');
    expect(industryOf('株式会社テスト商事')).toBeNull();
    expect(industryOf('株式会社○○市場')).toBeNull();
    expect(industryOf(null)).toBeNull();
    expect(ransomwareFamiliesIn('ランサムウェア「LockBit 3.0」および8Baseの亜種')).toEqual(['LockBit', '8base']);
    expect(ransomwareFamiliesIn('ランサムウェア被害')).toEqual([]);
  });
});
