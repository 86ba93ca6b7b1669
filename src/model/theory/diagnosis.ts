// What bounds the error in the current state, established by asking the engine (docs/theory.md §8):
// at the operating point (the early-stopping time when it lies in the window, else the end of the
// window; the posterior in the Bayes regime) E_g is recomputed with one resource changed at a
// time: training longer, twice the data, twice the features (and half, near N = P), no label
// noise, zero temperature, ten times the weight decay. The resource whose change lowers E_g the
// most is the bottleneck; every piece of advice quotes the before and after of its own change,
// so advice cannot contradict the curve. The words are in src/claims/diagnosis.ts.
import { makeEngine } from './engine.ts';
import { computeLimit } from './limits.ts';
import { TimeEvaluator } from './timeEval.ts';
import { resolutionAt, type DynamicsScan } from './dynamics.ts';
import { isActive, numericSpec, type Params } from '../params.ts';
import type { Diagnosis, DiagnosisKind, EarlyStop, Effect } from '../types.ts';
import { hasDynamics, withWeightDecay } from '../regimes.ts';

/** A change "helps" when it lowers E_g by more than this fraction. */
export const HELPS = 0.02;
/** The weight decay tried when there is none. */
export const RIDGE_TRY = 1e-3;

/** E_g of the configured dynamics at t (t = Infinity: the t → ∞ limit); NaN outside the box. */
function errorAt(p: Params, t: number): number {
  if (!withinBox(p)) return NaN;
  const e = makeEngine(p, Number.isFinite(t) ? Math.max(t, p.tmax) : p.tmax);
  if (!Number.isFinite(t)) return computeLimit(e).Eg;
  return Math.max(0, new TimeEvaluator(e).at(t, { train: false }).Eg);
}

/** A counterfactual stays inside the parameter box (2P at P = 10⁷ is not asked). */
function withinBox(p: Params): boolean {
  return (['P', 'N', 'gamma'] as const).every((k) => {
    const spec = numericSpec(k);
    const v = p[k];
    return (v === Infinity && spec.allowInf) || (v >= spec.min && v <= spec.max);
  });
}

/** `value`: the changed parameter's new value ('longer': the time at which `after` is reached). */
/** When the changed error is read: 'longer' at the time it reaches (∞: the closed-form limit). */
function readAt(what: Effect['what'], value: number, tOp: number): number {
  if (what !== 'longer') return tOp;
  return Number.isFinite(value) ? value : 0;
}

function effectOf(
  before: number,
  after: number,
  what: Effect['what'],
  value: number,
  floor = 0,
): Effect {
  return { what, before, after, value, helps: after < before * (1 - HELPS) - floor };
}

/** Keep only the counterfactuals that could be asked (inside the parameter box). */
function asked(effects: Effect[]): Effect[] {
  return effects.filter((e) => !Number.isNaN(e.after));
}

export function diagnose(
  p: Params,
  scan: DynamicsScan,
  es: EarlyStop,
  window: { tmin: number; tmax: number },
): Diagnosis {
  // Differences below the engine's resolution are not claimed.
  // (at the time the changed error is read: the operating point, or the later time reached).
  const effect = (before: number, after: number, what: Effect['what'], value: number) =>
    effectOf(before, after, what, value, resolutionAt(scan, readAt(what, value, tOp)));
  const timeless = !hasDynamics(p.regime);
  const tOp = timeless ? Infinity : es.case === 'inside' ? es.t : window.tmax;
  const Eop = timeless ? scan.limit.Eg : es.case === 'inside' ? es.Eg : errorAt(p, tOp);
  const effects: Effect[] = [];
  if (!timeless) {
    // Training longer: the lowest E_g reached after t_op, and when. E_g(∞) (a closed form) wins
    // over a scan point within the engine's resolution of it, so the claim is read where it is
    // accurate.
    let best = Eop;
    let tBest = tOp;
    for (let k = 0; k < scan.t.length; k++) {
      const E = scan.Eg[k];
      if (scan.t[k] > tOp && E < best - resolutionAt(scan, scan.t[k])) {
        best = E;
        tBest = scan.t[k];
      }
    }
    const Einf = scan.limit.Eg;
    if (!scan.limit.divergent && Einf <= best + resolutionAt(scan, tBest) && Einf < Eop) {
      best = Einf;
      tBest = Infinity;
    }
    effects.push(effect(Eop, best, 'longer', tBest));
    // Stopping earlier: the window ends past the minimum of E_g.
    if (es.case !== 'none' && es.t < tOp * (1 - 1e-9))
      effects.push(effect(Eop, es.Eg, 'earlier', es.t));
  }
  effects.push(effect(Eop, errorAt({ ...p, P: 2 * p.P }, tOp), 'data', 2 * p.P));
  if (Number.isFinite(p.N)) {
    effects.push(effect(Eop, errorAt({ ...p, N: 2 * p.N }, tOp), 'model', 2 * p.N));
    if (p.N >= 2)
      effects.push(
        effect(
          Eop,
          errorAt({ ...p, N: Math.round(p.N / 2) }, tOp),
          'smaller-model',
          Math.round(p.N / 2),
        ),
      );
  }
  if (p.sigma2 > 0) effects.push(effect(Eop, errorAt({ ...p, sigma2: 0 }, tOp), 'noise', 0));
  if (p.T > 0 && isActive('T', p.regime))
    effects.push(effect(Eop, errorAt({ ...p, T: 0 }, tOp), 'temperature', 0));
  // Ten times the weight decay (gradient flow: switch it on at γ = RIDGE_TRY, in the regime
  // that adds weight decay to it).
  const decayed = withWeightDecay(p.regime);
  if (decayed) {
    const ridge: Params = {
      ...p,
      regime: decayed,
      gamma: p.gamma > 0 ? 10 * p.gamma : RIDGE_TRY,
    };
    effects.push(effect(Eop, errorAt(ridge, tOp), 'ridge', ridge.gamma));
  }
  return {
    kind: classify(p, es, asked(effects), interpolationDivergence(p, scan)),
    tOp,
    Eop,
    effects: asked(effects),
    atInfinity: interpolationDivergence(p, scan) ? asked(limitEffects(p)) : [],
  };
}

/** E_g(∞) = ∞ because N ≈ P without weight decay or temperature: the interpolation peak. */
function interpolationDivergence(p: Params, scan: DynamicsScan): boolean {
  return (
    scan.limit.divergent &&
    p.T === 0 &&
    p.gamma === 0 &&
    Number.isFinite(p.N) &&
    p.N <= 2 * p.P &&
    p.P <= 2 * p.N
  );
}

/** At the interpolation peak: E_g(∞) with N moved away from P, and with weight decay. */
function limitEffects(p: Params): Effect[] {
  const half = Math.max(1, Math.round(p.N / 2));
  const ridge: Params = { ...p, regime: 'wd', gamma: RIDGE_TRY };
  return [
    effectOf(Infinity, errorAt({ ...p, N: 2 * p.N }, Infinity), 'model', 2 * p.N),
    effectOf(Infinity, errorAt({ ...p, N: half }, Infinity), 'smaller-model', half),
    effectOf(Infinity, errorAt(ridge, Infinity), 'ridge', RIDGE_TRY),
  ];
}

/** How many times lower E_g gets with this change; 1 unless the change helps (beyond the floor). */
function gainOf(effects: Effect[], what: Effect['what']): number {
  const e = effects.find((x) => x.what === what);
  if (!e?.helps) return 1;
  return e.after > 0 ? e.before / e.after : Infinity;
}

function classify(
  p: Params,
  es: EarlyStop,
  effects: Effect[],
  interpolation: boolean,
): DiagnosisKind {
  if (!hasDynamics(p.regime)) return 'posterior';
  if (interpolation) return 'interpolation';
  const g = (w: Effect['what']) => gainOf(effects, w);
  // Near N = P both more and fewer features help a lot: the interpolation peak.
  if (
    Number.isFinite(p.N) &&
    p.N <= 2 * p.P &&
    p.P <= 2 * p.N &&
    g('model') > 1.25 &&
    g('smaller-model') > 1.25
  )
    return 'interpolation';
  const candidates: [DiagnosisKind, number][] = [
    ['time', g('longer')],
    ['data', g('data')],
    ['model', g('model')],
    ['noise', g('noise')],
    ['temperature', g('temperature')],
  ];
  let best: DiagnosisKind = 'none';
  let bestGain = 1 + HELPS;
  for (const [k, v] of candidates)
    if (v > bestGain) {
      best = k;
      bestGain = v;
    }
  // Early stopping that pays inside the window is the noise remedy already applied: if nothing
  // else helps more, the label noise is what bounds E*.
  if (best === 'none' && es.case === 'inside' && p.sigma2 > 0) return 'noise';
  return best;
}
