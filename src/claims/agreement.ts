// How far measured means (simulated or real, ± 1 s.e.m.) lie from the theory: the largest gap in
// units of the s.e.m. and relative to the theory, over the points where both are known. The
// experiment box, the real points of the scaling panel and the lesson on real digits quote it.
import { resampleLogLog } from '../model/resample.ts';

export interface Agreement {
  /** Largest |mean − theory| / s.e.m. (over points with s.e.m. > 0). */
  z: number;
  /** Largest |mean − theory| / theory. */
  rel: number;
}

/** Means at x against the theory curve (tx, ty), interpolated log-log; null when none compare. */
export function gapToTheory(
  x: ArrayLike<number>,
  mean: ArrayLike<number>,
  sem: ArrayLike<number>,
  tx: ArrayLike<number>,
  ty: ArrayLike<number>,
): Agreement | null {
  const theory = resampleLogLog(x, tx, ty);
  let z = 0;
  let rel = 0;
  let any = false;
  for (let i = 0; i < x.length; i++) {
    const d = Math.abs(mean[i] - theory[i]);
    if (!Number.isFinite(d)) continue;
    any = true;
    if (sem[i] > 0) z = Math.max(z, d / sem[i]);
    rel = Math.max(rel, d / theory[i]);
  }
  return any ? { z, rel } : null;
}

/** How many of the means lie within k s.e.m. of the theory (over the points both know). */
export function withinSem(
  x: ArrayLike<number>,
  mean: ArrayLike<number>,
  sem: ArrayLike<number>,
  tx: ArrayLike<number>,
  ty: ArrayLike<number>,
  k: number,
): { inside: number; total: number } {
  const theory = resampleLogLog(x, tx, ty);
  let inside = 0;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const d = Math.abs(mean[i] - theory[i]);
    if (!Number.isFinite(d)) continue;
    total++;
    if (d <= k * sem[i]) inside++;
  }
  return { inside, total };
}
