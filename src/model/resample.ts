// One curve read at another's times, on log-log axes (exports, and comparisons of simulated or
// real means with the theory).

/**
 * Values of another curve at the times `t`: exact when the grids coincide, otherwise linear
 * interpolation in (log t, log E) inside its range (NaN outside, or where it cannot be done).
 */
export function resampleLogLog(
  t: ArrayLike<number>,
  ts: ArrayLike<number>,
  ys: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(t.length).fill(NaN);
  const same =
    t.length === ts.length &&
    Array.from(t).every((v, i) => Math.abs(v - ts[i]) <= 1e-12 * Math.abs(v));
  if (same) {
    for (let i = 0; i < t.length; i++) out[i] = ys[i];
    return out;
  }
  for (let i = 0; i < t.length; i++) {
    const x = t[i];
    for (let j = 0; j + 1 < ts.length; j++) {
      const a = ts[j];
      const b = ts[j + 1];
      if (!(x >= a && x <= b)) continue;
      const ya = ys[j];
      const yb = ys[j + 1];
      if (x === a) out[i] = ya;
      else if (x === b) out[i] = yb;
      else if (a > 0 && ya > 0 && yb > 0 && Number.isFinite(ya) && Number.isFinite(yb)) {
        const f = Math.log(x / a) / Math.log(b / a);
        out[i] = Math.exp(Math.log(ya) + f * Math.log(yb / ya));
      }
      break;
    }
  }
  return out;
}
