// affectedCount / affectedUnit / affectedApprox: how many people or records of personal data.
import type { AffectedUnit } from '../../model/index.js';
import type { ExtractContext, FieldResult } from '../context.js';
import { result } from '../context.js';
import { countCandidates, pickCount } from './qty-candidates.js';
import { countSkipSpans, inSpans } from './qty-scope.js';

export interface Affected {
  count: number | null;
  unit: AffectedUnit | null;
  approx: boolean | null;
}

export function extractAffected(ctx: ExtractContext): FieldResult<Affected> {
  const skip = countSkipSpans(ctx);
  const cands = countCandidates(ctx.text).filter((c) => !inSpans(skip, c.start));
  const best = pickCount(cands);
  if (!best) return result({ count: null, unit: null, approx: null });
  return result(
    { count: best.value, unit: best.unit as AffectedUnit, approx: best.approx },
    [{ start: best.exprStart, end: best.exprEnd }],
  );
}
