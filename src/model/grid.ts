// Evenly spaced grids, on a linear or a logarithmic scale: every grid of the model and the charts
// is one of these two (the time grid, the sweeps in P, N and compute, the phase diagram's axes,
// the fits' scans and the curves drawn from them).

/**
 * n values from lo to hi, evenly spaced: lo + (hi − lo)·i/(n − 1). The ends are exact (α = 4 at
 * the end of a range must not come out as 4.000000000000001, outside the parameter's range); one
 * value is lo.
 */
export function linspace(lo: number, hi: number, n: number): Float64Array {
  const out = new Float64Array(Math.max(0, n));
  for (let i = 0; i < n; i++) out[i] = lo + ((hi - lo) * i) / Math.max(1, n - 1);
  pinEnds(out, lo, hi);
  return out;
}

/**
 * n values from lo to hi (both > 0), evenly spaced in log: exp(ln lo + (ln hi − ln lo)·(i/(n − 1))).
 * The fraction i/(n − 1) is taken first: it is correctly rounded, so grids of different n share
 * their values at equal fractions bit for bit (a dragged n_t finds those times solved in the curve
 * worker's cache). The ends are exact; one value is lo.
 */
export function logspace(lo: number, hi: number, n: number): Float64Array {
  const out = new Float64Array(Math.max(0, n));
  const a = Math.log(lo);
  const b = Math.log(hi);
  for (let i = 0; i < n; i++) out[i] = Math.exp(a + (b - a) * (i / Math.max(1, n - 1)));
  pinEnds(out, lo, hi);
  return out;
}

/**
 * The distinct integers nearest a log grid from lo to hi, increasing (at most n; fewer where the
 * grid is denser than the integers, near lo).
 */
export function logIntegers(lo: number, hi: number, n: number): Float64Array {
  const out: number[] = [];
  for (const x of logspace(lo, hi, n)) {
    const k = Math.round(x);
    if (out.length === 0 || k > out[out.length - 1]) out.push(k);
  }
  return Float64Array.from(out);
}

function pinEnds(out: Float64Array, lo: number, hi: number): void {
  const n = out.length;
  if (n > 0) out[0] = lo;
  if (n > 1) out[n - 1] = hi;
}
