// Least-squares power laws on log-log data: y ≈ C x^slope (log10 C = intercept).

/** Least-squares power-law fit y ≈ C x^slope over [xmin, xmax] (log-log). */
export interface PowerFit {
  slope: number;
  /** log10 C */
  intercept: number;
  r2: number;
  xmin: number;
  xmax: number;
  n: number;
}

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

/** Half-width of the band the local slope must stay in: ±ABS_TOL and ±REL_TOL of its mean. */
export const STABLE_ABS_TOL = 0.05;
export const STABLE_REL_TOL = 0.125;
/** Slopes smaller than this in magnitude are a plateau, not a power law. */
export const FLAT_SLOPE = 0.01;

/** Why no stable power-law window exists (the exponent table shows "—" and says this). */
export type FitFailure = 'too-few' | 'flat' | 'wrong-sign' | 'unstable';

export interface StableFitOptions {
  /** Required sign of every local slope: −1 falling branch, +1 rising, 0 either (one branch). */
  sign?: -1 | 0 | 1;
  /** Shortest accepted window, in decades of x. */
  minDecades?: number;
}

export type StableFit = { fit: PowerFit; failure: null } | { fit: null; failure: FitFailure };

/**
 * The power law visible in y(x), if any (docs/theory.md §8): the longest run of consecutive
 * two-point slopes d log y / d log x, all of one sign and at least FLAT_SLOPE in magnitude, that
 * stay within ±min(STABLE_ABS_TOL, STABLE_REL_TOL·|mean|) of their mean over at least
 * `minDecades` decades of x; then a least-squares fit over that window. A non-finite or
 * non-positive point ends a run (never across a divergence); a sign change ends a run (never
 * across a minimum or a peak). x must be increasing.
 */
export function stableFit(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  opts: StableFitOptions = {},
): StableFit {
  const sign = opts.sign ?? 0;
  const minDecades = opts.minDecades ?? 1;
  const n = x.length;
  const s: number[] = [];
  for (let i = 0; i + 1 < n; i++) {
    const ok = x[i] > 0 && x[i + 1] > x[i] && y[i] > 0 && y[i + 1] > 0;
    s.push(
      ok && Number.isFinite(y[i]) && Number.isFinite(y[i + 1])
        ? Math.log(y[i + 1] / y[i]) / Math.log(x[i + 1] / x[i])
        : NaN,
    );
  }
  const usable = (v: number, sg: number) =>
    Number.isFinite(v) && Math.abs(v) >= FLAT_SLOPE && (sg === 0 || Math.sign(v) === sg);
  let best: { i: number; j: number; span: number } | null = null;
  for (let i = 0; i < s.length; i++) {
    const sg = sign === 0 ? Math.sign(s[i]) : sign;
    if (!usable(s[i], sg)) continue;
    let lo = s[i];
    let hi = s[i];
    let sum = 0;
    for (let j = i; j < s.length && usable(s[j], sg); j++) {
      lo = Math.min(lo, s[j]);
      hi = Math.max(hi, s[j]);
      sum += s[j];
      const mean = sum / (j - i + 1);
      if (hi - mean > bandOf(mean) || mean - lo > bandOf(mean)) break;
      const span = Math.log10(x[j + 1] / x[i]);
      if (span >= minDecades * (1 - 1e-9) && (!best || span > best.span + 1e-9))
        best = { i, j, span };
    }
  }
  if (best) {
    const fit = fitPowerLaw(x, y, x[best.i], x[best.j + 1]);
    if (fit) return { fit, failure: null };
  }
  return { fit: null, failure: diagnoseFailure(s, sign) };
}

function bandOf(mean: number): number {
  return Math.min(STABLE_ABS_TOL, STABLE_REL_TOL * Math.abs(mean));
}

function diagnoseFailure(s: number[], sign: number): FitFailure {
  const finite = s.filter(Number.isFinite);
  if (finite.length < 2) return 'too-few';
  if (finite.every((v) => Math.abs(v) < FLAT_SLOPE)) return 'flat';
  if (sign !== 0 && !finite.some((v) => Math.sign(v) === sign && Math.abs(v) >= FLAT_SLOPE))
    return 'wrong-sign';
  return 'unstable';
}
