// What of a curve the engine resolves (docs/theory.md §5.8): a value below the engine's floor is
// round-off, not a result, so the charts draw and export a curve only up to where it falls below
// the floor for good (CurveResolution.end), and mark that end "below the engine's resolution".
import type { CurveResult } from '../model/types.ts';

/** E_g as drawn: NaN from the curve's end on (every later value is below the floor). */
export function resolvedEg(c: CurveResult): ArrayLike<number> {
  const end = c.resolution?.end ?? c.t.length;
  if (end >= c.Eg.length) return c.Eg;
  const out = Float64Array.from(c.Eg);
  out.fill(NaN, end);
  return out;
}

/** E_tr as drawn: NaN over the trailing run of values below E_tr's own floor. */
export function resolvedEtr(c: CurveResult): ArrayLike<number> {
  const below = c.resolution?.belowTr;
  if (!below) return c.Etr;
  let end = c.Etr.length;
  while (end > 0 && below[end - 1]) end--;
  if (end >= c.Etr.length) return c.Etr;
  const out = Float64Array.from(c.Etr);
  out.fill(NaN, end);
  return out;
}

/**
 * Where the drawn E_g ends because the rest is below the floor: the last resolved point and the
 * first time below (null when the curve is resolved to its end, or nowhere).
 */
export function floorEnd(c: CurveResult): { t: number; E: number; tBelow: number } | null {
  const end = c.resolution?.end ?? c.t.length;
  if (end >= c.t.length || end === 0) return null;
  return { t: c.t[end - 1], E: c.Eg[end - 1], tBelow: c.t[end] };
}
