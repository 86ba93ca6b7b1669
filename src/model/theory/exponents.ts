// Predicted asymptotic exponents (docs/theory.md §6), fitted local exponents, and which bottleneck the
// current configuration is in.
import { KappaSolver } from './kappa.ts';
import { makeEngine, type Engine } from './engine.ts';
import { fitPowerLaw } from './fit.ts';
import { staticRidge } from './twoPoint.ts';
import { modeBoundary } from './modes.ts';
import type {
  Bottleneck,
  EarlyStop,
  ExponentReport,
  LimitResult,
  PowerFit,
  PredictedExponents,
} from '../types.ts';
import type { Params } from '../params.ts';

export function predictedExponents(alpha: number, beta: number): PredictedExponents {
  const b1 = beta - 1;
  const mN = Math.min(b1, alpha);
  return {
    t: -b1 / alpha,
    P: -Math.min(b1, 2 * alpha),
    N: -mN,
    earlyStopP: -b1 / beta,
    compute: -(b1 * mN) / (b1 + alpha * mN),
    computeN: b1 / (b1 + alpha * mN),
  };
}

/**
 * Slope of log E_g vs log t where the curve is a clean power law: t ≥ 10 (past the transient of
 * the top mode, λ_1 = 1) and E_g still ≥ 10× its floor (the lower of E* and E_g(∞)), so the floor
 * biases the slope by at most ~10 %. Null when that window is shorter than a decade.
 */
export function fitTimeExponent(t: Float64Array, Eg: Float64Array, floor: number): PowerFit | null {
  let end = -1;
  for (let i = 0; i < t.length; i++) if (t[i] >= 10 && Eg[i] >= 10 * floor) end = i;
  if (end < 0) return null;
  const tmax = t[end];
  if (tmax < 100) return null;
  return fitPowerLaw(t, Eg, 10, tmax);
}

/** E_time(t) = Σ k^{-β} e^{−2λ_k t}: gradient flow at P = N = ∞ (the pure time bottleneck). */
export function timeOnlyError(e: Engine, t: number): number {
  const sp = e.sp;
  let s = 0;
  for (let i = 0; i < sp.lam.length; i++) s += sp.wc[i] * Math.exp(-2 * sp.lam[i] * t);
  // Beyond the last node λ t ≪ 1: the tail is not learned at all.
  if (sp.tail) s += sp.tail.Sw;
  return s;
}

/** E_model = Σ k^{-β} κ̃/(λ_k + κ̃) with df(κ̃) = N: the P = ∞, t = ∞ projection residual. */
export function modelOnlyError(e: Engine): number {
  if (!Number.isFinite(e.p.N)) return 0;
  const solver = new KappaSolver(e.sp, e.p.N, Infinity);
  const k = solver.kappaStar();
  if (k === 0) return 0;
  let s = 0;
  for (let i = 0; i < e.sp.lam.length; i++) s += (e.sp.wc[i] * k) / (e.sp.lam[i] + k);
  // Beyond the last node λ ≪ κ̃: the tail is not represented at all.
  if (e.sp.tail) s += e.sp.tail.Sw;
  return s;
}

const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d).replace('-', '−') : '∞');
const fmtG = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : '∞');

export function exponentReport(
  e: Engine,
  t: Float64Array,
  Eg: Float64Array,
  es: EarlyStop,
  limit: LimitResult,
): ExponentReport {
  const p: Params = e.p;
  const predicted = predictedExponents(p.alpha, p.beta);
  const floor = Math.min(es.Eg, limit.Eg);
  const fittedT = fitTimeExponent(t, Eg, floor);
  const tRef = es.interior ? es.t : t[t.length - 1];
  const time = timeOnlyError(e, tRef);
  const data = staticRidge(makeEngine({ ...p, N: Infinity, sigma2: 0 }), p.gamma).D;
  const model = modelOnlyError(e);
  const noiseFree = staticRidge(makeEngine({ ...p, sigma2: 0 }), p.gamma);
  const noise = p.sigma2 > 0 ? Math.max(0, limit.Emean - noiseFree.D) : 0;
  const contributions = { time, data, model, noise };
  let bottleneck: Bottleneck = 'none';
  let best = 1e-14;
  for (const key of ['time', 'data', 'model', 'noise'] as const) {
    if (contributions[key] > best) {
      best = contributions[key];
      bottleneck = key;
    }
  }
  const kStar = modeBoundary(e.sp, e.solver.solveReal(1 / tRef + p.gamma));
  const explanation = explain(bottleneck, p, predicted, tRef, kStar, es);
  return { predicted, fittedT, bottleneck, contributions, explanation };
}

function explain(
  b: Bottleneck,
  p: Params,
  pr: PredictedExponents,
  tRef: number,
  kStar: number,
  es: EarlyStop,
): string {
  switch (b) {
    case 'time':
      return (
        `Time-limited: by t = ${fmtG(tRef)} only modes up to k* ≈ ${fmtG(kStar)} are learned, ` +
        `so E_g still falls as t^${fmt(pr.t)} (= −(β−1)/α). Train longer; more data or features do not help yet.`
      );
    case 'data':
      return (
        `Data-limited: P = ${fmtG(p.P)} samples resolve only about P modes, so E_g(∞) ~ P^${fmt(pr.P)} ` +
        `(= −min(β−1, 2α)). More data helps; longer training or a larger model does not.`
      );
    case 'model':
      return (
        `Model-limited: N = ${fmtG(p.N)} random features can represent only about N modes, so ` +
        `E_g(∞) ~ N^${fmt(pr.N)} (= −min(β−1, α)). A larger model helps; more data does not.`
      );
    case 'noise':
      return es.interior
        ? `Noise-limited: training on longer fits the label noise σ² = ${fmtG(p.sigma2)}; stopping at ` +
            `t* ≈ ${fmtG(es.t)} is ${fmt(es.gain, 1)}× better than training to convergence. ` +
            `Early-stopped error scales as (σ²/P)^${fmt(-pr.earlyStopP)}.`
        : `Noise-limited: the fitted label noise σ² = ${fmtG(p.sigma2)} dominates the error; ` +
            `weight decay or early stopping would help.`;
    default:
      return 'The error is at the level of rounding: every mode is learned.';
  }
}
