// The automatic time window (docs/theory.md §8): from about half a decade before E_g leaves its
// initial value to about half a decade after it has settled at E_g(∞) (or, when E_g(∞) = ∞, until
// it has tripled above its minimum), rounded out to whole decades and kept inside the range the
// time parameters allow. It contains t* whenever early stopping pays inside that range.
import { numericSpec } from '../params.ts';
import type { DynamicsScan } from './dynamics.ts';

const HALF_DECADE = Math.sqrt(10);

export function autoWindow(scan: DynamicsScan): { tmin: number; tmax: number } {
  const lo = numericSpec('tmin').min;
  const hi = numericSpec('tmax').max;
  const { t, Eg, iMin } = scan;
  let end = scan.tSettle;
  if (scan.limit.divergent) {
    end = t[t.length - 1];
    for (let k = iMin; k < t.length; k++)
      if (Eg[k] >= 3 * Eg[iMin]) {
        end = t[k];
        break;
      }
  }
  const start = Number.isFinite(scan.tLeave) ? scan.tLeave : t[0];
  const tmin = clampDecade(Math.floor(Math.log10(start / HALF_DECADE)), lo, hi);
  let tmax = Number.isFinite(end)
    ? clampDecade(Math.ceil(Math.log10(end * HALF_DECADE)), lo, hi)
    : hi;
  if (tmax < 100 * tmin) tmax = Math.min(hi, 100 * tmin);
  return { tmin: tmax / tmin >= 100 ? tmin : Math.max(lo, tmax / 100), tmax };
}

function clampDecade(e: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.pow(10, e)));
}
