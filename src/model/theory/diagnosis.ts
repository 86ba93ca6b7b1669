// What bounds the error in the current state, established by asking the engine (docs/theory.md §8):
// at the operating point (the early-stopping time when it lies in the window, else the end of the
// window; the posterior in the Bayes regime) E_g is recomputed with one resource changed at a
// time: training longer, twice the data, twice the features (and half, near N = P), no label
// noise, zero temperature, ten times the weight decay. The resource whose change lowers E_g the
// most is the bottleneck; every piece of advice quotes the before and after of its own change,
// so advice cannot contradict the curve. The words are in src/claims/diagnosis.ts.
import { makeEngine } from './engine.ts';
import { computeLimit } from './limits.ts';
import { evaluatorFor } from './timeEval.ts';
import { resolutionAt, type DynamicsScan } from './dynamics.ts';
import { isActive, numericSpec, type Params } from '../params.ts';
import { hasDynamics, withWeightDecay } from '../regimes.ts';
import type { Diagnosis, DiagnosisKind, EarlyStop, Effect } from '../types.ts';

/** A change "helps" when it lowers E_g by more than this fraction. */
export const HELPS = 0.02;
/** The weight decay tried when there is none. */
export const RIDGE_TRY = 1e-3;

/** A value of E_g and the engine's floor there (t = ∞: the closed form, floor 0). */
interface Read {
  E: number;
  floor: number;
}

/** E_g of the configured dynamics at t (t = Infinity: the t → ∞ limit); NaN outside the box. */
function errorAt(p: Params, t: number): Read {
  if (!withinBox(p)) return { E: NaN, floor: 0 };
  const e = makeEngine(p, Number.isFinite(t) ? Math.max(t, p.tmax) : p.tmax);
  if (!Number.isFinite(t)) return { E: computeLimit(e).Eg, floor: 0 };
  const v = evaluatorFor(e).at(t, { train: false });
  return { E: Math.max(0, v.Eg), floor: v.floor };
}

/** A counterfactual stays inside the parameter box (2P at P = 10⁷ is not asked). */
function withinBox(p: Params): boolean {
  return (['P', 'N', 'gamma'] as const).every((k) => {
    const spec = numericSpec(k);
    const v = p[k];
    return (v === Infinity && spec.allowInf) || (v >= spec.min && v <= spec.max);
  });
}

/**
 * The effect of one change: it "helps" when it lowers E_g by more than HELPS and by more than the
 * engine's floors of both values (docs/theory.md §8); a value below its floor never helps.
 */
function effectOf(before: Read, after: Read, what: Effect['what'], value: number): Effect {
  const floor = { before: before.floor, after: after.floor };
  const helps = after.E < before.E * (1 - HELPS) - (floor.before + floor.after);
  return { what, before: before.E, after: after.E, value, helps, floor };
}

/** Keep only the counterfactuals that could be asked (inside the parameter box). */
function asked(effects: Effect[]): Effect[] {
  return effects.filter((e) => !Number.isNaN(e.after));
}

/** The operating point: t* when stopping pays inside the window, else t_max; ∞ for Bayes. */
function operatingPoint(
  p: Params,
  scan: DynamicsScan,
  es: EarlyStop,
  window: { tmin: number; tmax: number },
  atTmax: Read | null,
): { tOp: number; op: Read } {
  if (!hasDynamics(p.regime)) return { tOp: Infinity, op: { E: scan.limit.Eg, floor: 0 } };
  if (es.case === 'inside') return { tOp: es.t, op: { E: es.Eg, floor: resolutionAt(scan, es.t) } };
  // The curve's own value at t_max when it has one: one number in the caption and the advice.
  return { tOp: window.tmax, op: atTmax ?? errorAt(p, window.tmax) };
}

/**
 * Training longer: the lowest E_g the scan reaches after t_op (by more than the floors), and
 * when; E_g(∞) (a closed form) wins over a scan point within the floor of it, so the claim is
 * read where it is accurate.
 */
function longerEffect(scan: DynamicsScan, tOp: number, op: Read): Effect {
  let best: Read = op;
  let tBest = tOp;
  for (let k = 0; k < scan.t.length; k++) {
    const E = scan.Eg[k];
    if (scan.t[k] > tOp && E < best.E - (scan.floor[k] + best.floor)) {
      best = { E, floor: scan.floor[k] };
      tBest = scan.t[k];
    }
  }
  const Einf = scan.limit.Eg;
  if (!scan.limit.divergent && Einf <= best.E + best.floor && Einf < op.E) {
    best = { E: Einf, floor: scan.limit.floor };
    tBest = Infinity;
  }
  return effectOf(op, best, 'longer', tBest);
}

export function diagnose(
  p: Params,
  scan: DynamicsScan,
  es: EarlyStop,
  window: { tmin: number; tmax: number },
  atTmax: Read | null = null,
): Diagnosis {
  const { tOp, op } = operatingPoint(p, scan, es, window, atTmax);
  const effects: Effect[] = [];
  const at = (q: Params) => errorAt(q, tOp);
  if (hasDynamics(p.regime)) {
    effects.push(longerEffect(scan, tOp, op));
    // Stopping earlier: the window ends past the minimum of E_g.
    if (es.case !== 'none' && es.t < tOp * (1 - 1e-9))
      effects.push(effectOf(op, { E: es.Eg, floor: resolutionAt(scan, es.t) }, 'earlier', es.t));
  }
  effects.push(effectOf(op, at({ ...p, P: 2 * p.P }), 'data', 2 * p.P));
  if (Number.isFinite(p.N)) {
    effects.push(effectOf(op, at({ ...p, N: 2 * p.N }), 'model', 2 * p.N));
    if (p.N >= 2) {
      const half = Math.round(p.N / 2);
      effects.push(effectOf(op, at({ ...p, N: half }), 'smaller-model', half));
    }
  }
  if (p.sigma2 > 0) effects.push(effectOf(op, at({ ...p, sigma2: 0 }), 'noise', 0));
  if (p.T > 0 && isActive('T', p.regime))
    effects.push(effectOf(op, at({ ...p, T: 0 }), 'temperature', 0));
  // Ten times the weight decay (gradient flow: switch it on at γ = RIDGE_TRY, in the regime
  // that adds weight decay to it).
  const decayed = withWeightDecay(p.regime);
  if (decayed) {
    const ridge: Params = {
      ...p,
      regime: decayed,
      gamma: p.gamma > 0 ? 10 * p.gamma : RIDGE_TRY,
    };
    effects.push(effectOf(op, at(ridge), 'ridge', ridge.gamma));
  }
  const unresolved = hasDynamics(p.regime) && op.E < op.floor;
  return {
    kind: unresolved
      ? 'resolution'
      : classify(p, es, asked(effects), interpolationDivergence(p, scan)),
    tOp,
    Eop: op.E,
    floor: op.floor,
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
  const inf: Read = { E: Infinity, floor: 0 };
  return [
    effectOf(inf, errorAt({ ...p, N: 2 * p.N }, Infinity), 'model', 2 * p.N),
    effectOf(inf, errorAt({ ...p, N: half }, Infinity), 'smaller-model', half),
    effectOf(inf, errorAt(ridge, Infinity), 'ridge', RIDGE_TRY),
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
