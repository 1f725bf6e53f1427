import type { Category } from '../../model/index.js';
import type { ExtractContext, FieldResult } from '../context.js';
import { result } from '../context.js';
import { analyzeCategories } from './class-categories.js';
import { isIncidentText } from './is-incident.js';

/** Categories of the event (closed vocabulary, multi-label); see class-categories.ts for the cues. */
export function extractCategories(ctx: ExtractContext): FieldResult<Category[]> {
  const a = analyzeCategories(ctx);
  // Every incident has at least one category; one we cannot name is "other".
  if (a.categories.length === 0 && isIncidentText(ctx)) return result<Category[]>(['other']);
  return result(a.categories, a.evidence);
}
