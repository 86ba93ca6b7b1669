// Predicted asymptotic exponents (docs/theory.md §6) as plain numbers of (α, β), and the fitted
// time exponent: the power law visible on the falling branch of E_g(t) inside the window
// (docs/theory.md §8). Which law applies in a given state is decided in laws.ts.
import { stableFit } from './fit.ts';
import { lawValue } from './laws.ts';
import { resolutionAt, type DynamicsScan } from './dynamics.ts';
import type { EarlyStop, FittedExponent, PredictedExponents } from '../types.ts';

/** The laws' values (laws.ts) at (α, β), plus the compute-optimal allocation N* ~ C^{computeN}. */
export function predictedExponents(alpha: number, beta: number): PredictedExponents {
  const p = { alpha, beta };
  const b1 = beta - 1;
  const mN = -lawValue('model', p);
  return {
    t: lawValue('time', p),
    P: lawValue('data', p),
    N: -mN,
    earlyStopP: lawValue('early-stop', p),
    compute: lawValue('compute', p),
    computeN: b1 / (b1 + alpha * mN),
  };
}

/**
 * The time exponent: stableFit on the scan points inside [tmin, tmax] and before the minimum of
 * E_g (the falling branch: after t* the curve rises towards E_g(∞) and no time law applies).
 */
export function fitTimeExponent(
  scan: DynamicsScan,
  window: { tmin: number; tmax: number },
  es: EarlyStop,
): FittedExponent {
  const end = Math.min(window.tmax, es.case === 'none' ? Infinity : es.t);
  const x: number[] = [];
  const y: number[] = [];
  // Slopes of E_g need E_g well above the engine's resolution there (1 % relative). A point
  // below that is kept as NaN, which ends a run: no slope spans an unresolved stretch.
  for (let k = 0; k < scan.t.length; k++) {
    const t = scan.t[k];
    const reliable = scan.Eg[k] >= 100 * resolutionAt(scan, t);
    if (t >= window.tmin * (1 - 1e-9) && t <= end * (1 + 1e-9)) {
      x.push(t);
      y.push(reliable ? scan.Eg[k] : NaN);
    }
  }
  if (y.filter(Number.isFinite).length < 2 && es.case !== 'none' && es.t < window.tmax)
    return { fit: null, gap: 'rises-after-min' };
  const r = stableFit(x, y, { sign: -1 });
  if (r.fit) return { fit: r.fit, gap: null };
  // The falling branch inside the window is too short, but the window shows the rise after t*.
  if (es.case !== 'none' && es.t < window.tmax && Math.log10(end / window.tmin) < 1)
    return { fit: null, gap: 'rises-after-min' };
  return { fit: null, gap: r.failure };
}
