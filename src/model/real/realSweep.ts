// Real points on the P scaling panel: real runs on a source's pool at a few dataset sizes, each
// reduced to the quantity the theory sweep plots (docs/theory.md §6): E_g at a fixed t, at t → ∞,
// or at the early-stopping time t*. For t* the real point is the lowest mean over a log-spaced
// grid of times and t → ∞ (the real run's own early-stopping error on that grid), with the
// s.e.m. at that time.
import { timeGrid } from '../params.ts';
import type { SimResult, SweepAt } from '../types.ts';
import { MAX_REAL_P } from './limits.ts';

/** The dataset sizes tried, a factor 2 apart (P = 800 takes ~1 s per draw on a laptop core). */
export const REAL_SWEEP_P: readonly number[] = [50, 100, 200, 400, 800];
/** Draws per dataset size at most (the points are a check, not a measurement campaign). */
export const REAL_SWEEP_DRAWS = 4;
/** Times searched for the real early-stopping point: 10⁻² … 10⁸ (41 points) and ∞. */
const TSTAR_GRID = (() => {
  const g = timeGrid(1e-2, 1e8, 41);
  const out = new Float64Array(g.length + 1);
  out.set(g);
  out[g.length] = Infinity;
  return out;
})();

/** The sizes inside the sweep's range (and runnable), and the times each run evaluates. */
export function realSweepPlan(
  sweepX: ArrayLike<number>,
  at: SweepAt,
  tAt: number,
): { P: number[]; times: Float64Array } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < sweepX.length; i++) {
    lo = Math.min(lo, sweepX[i]);
    hi = Math.max(hi, sweepX[i]);
  }
  const P = REAL_SWEEP_P.filter((v) => v >= lo && v <= hi && v <= MAX_REAL_P);
  const times = at === 'tstar' ? TSTAR_GRID : Float64Array.of(at === 'inf' ? Infinity : tAt);
  return { P, times };
}

/** One run's point: its mean ± s.e.m. at the plan's time (t*: the lowest mean on the grid). */
export function realSweepPoint(r: SimResult): { t: number; mean: number; sem: number } {
  let best = 0;
  for (let i = 1; i < r.t.length; i++) if (r.EgMean[i] < r.EgMean[best]) best = i;
  return { t: r.t[best], mean: r.EgMean[best], sem: r.EgSem[best] };
}
