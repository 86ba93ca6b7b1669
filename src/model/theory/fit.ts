// Least-squares power laws on log-log data: y ≈ C x^slope (log10 C = intercept).
import type { PowerFit } from '../types.ts';

/** Fit over the points with xmin ≤ x ≤ xmax and finite positive x, y; null if fewer than 3. */
export function fitPowerLaw(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  xmin = 0,
  xmax = Infinity,
): PowerFit | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const yi = y[i];
    if (!(
      xi >= xmin &&
      xi <= xmax &&
      xi > 0 &&
      yi > 0 &&
      Number.isFinite(xi) &&
      Number.isFinite(yi)
    ))
      continue;
    const u = Math.log10(xi);
    const v = Math.log10(yi);
    n++;
    sx += u;
    sy += v;
    sxx += u * u;
    sxy += u * v;
    syy += v * v;
    lo = Math.min(lo, xi);
    hi = Math.max(hi, xi);
  }
  if (n < 3) return null;
  const vx = sxx - (sx * sx) / n;
  if (!(vx > 0)) return null;
  const cxy = sxy - (sx * sy) / n;
  const vy = syy - (sy * sy) / n;
  const slope = cxy / vx;
  const intercept = (sy - slope * sx) / n;
  const r2 = vy > 0 ? (cxy * cxy) / (vx * vy) : 1;
  return { slope, intercept, r2, xmin: lo, xmax: hi, n };
}

/** Local slopes d log y / d log x by central differences (one-sided at the ends). */
export function localSlopes(x: ArrayLike<number>, y: ArrayLike<number>): Float64Array {
  const n = x.length;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - 1);
    const b = Math.min(n - 1, i + 1);
    s[i] = b > a ? Math.log(y[b] / y[a]) / Math.log(x[b] / x[a]) : NaN;
  }
  return s;
}
