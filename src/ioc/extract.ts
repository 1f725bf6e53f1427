// extractIndicators: the library entry of the IoC engine.
import { ipClass } from './ip.js';
import { findIndicators } from './scan.js';
import {
  emptyLists,
  INDICATOR_TYPES,
  type IndicatorOccurrence,
  type IndicatorResult,
  type IndicatorTags,
  type IndicatorType,
} from './types.js';
import { matchWarninglists, type Warninglist } from './warninglists.js';

export interface ExtractIndicatorsOptions {
  /** add `offsets`: every occurrence with offsets into the original text */
  offsets?: boolean;
  /** add `tags`: IP address classes (and warninglist matches) */
  tags?: boolean;
  /** tag values found on these lists as `benign` (implies `tags`) */
  warninglists?: readonly Warninglist[];
}

/**
 * Find the indicators in `text` (Japanese or English; defanged or not), refanged and normalized,
 * deduplicated per type in order of first appearance.
 */
export function extractIndicators(text: string, options: ExtractIndicatorsOptions = {}): IndicatorResult {
  const hits = findIndicators(text);
  const lists = emptyLists();
  // short lists (the usual case) are deduplicated by a scan; long ones get a set
  let sets: Map<IndicatorType, Set<string>> | null = null;
  for (const h of hits) {
    const list = lists[h.type];
    if (list.length < 32) {
      if (!list.includes(h.value)) list.push(h.value);
      continue;
    }
    sets ??= new Map();
    let set = sets.get(h.type);
    if (!set) sets.set(h.type, (set = new Set(list)));
    if (!set.has(h.value)) {
      set.add(h.value);
      list.push(h.value);
    }
  }
  const result: IndicatorResult = lists;
  if (options.offsets) {
    const offsets = {} as Record<IndicatorType, IndicatorOccurrence[]>;
    for (const t of INDICATOR_TYPES) offsets[t] = [];
    for (const h of hits) offsets[h.type].push({ value: h.value, start: h.start, end: h.end, raw: h.raw });
    result.offsets = offsets;
  }
  if (options.tags || options.warninglists) {
    const tags: Record<string, IndicatorTags> = {};
    for (const t of INDICATOR_TYPES) {
      for (const value of lists[t]) {
        const tag: IndicatorTags = {};
        if (t === 'ipv4s' || t === 'ipv6s') {
          const cls = ipClass(value);
          if (cls) tag.ip = cls;
        }
        if (options.warninglists?.length) {
          const benign = matchWarninglists(options.warninglists, t, value);
          if (benign.length) tag.benign = benign;
        }
        if (tag.ip || tag.benign) tags[value] = tag;
      }
    }
    result.tags = tags;
  }
  return result;
}
