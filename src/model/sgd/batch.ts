// Batch size and learning rate (docs/theory.md §9.8): E_g against B at fixed steps and at fixed
// samples n = B·s, the critical batch size, and E_g at the horizon against η with its optimum.
// Every point is one run of the engine (curve.ts); for cosine and wsd the schedule's horizon is
// the run's last step, so a run of s steps is a complete schedule of s steps.
import { stableFit } from '../theory/fit.ts';
import type { PowerFit } from '../types.ts';
import { sgdCurve } from './curve.ts';
import { sgdSystem, type SgdParams } from './system.ts';
import { stabilityEdge } from './stability.ts';
import { logspace } from '../grid.ts';

/** E_g after exactly `steps` steps (the schedule, if any, ending there). */
export function errorAfter(p: SgdParams, steps: number): number {
  const s = Math.max(1, Math.round(steps));
  const q: SgdParams = p.schedule === 'constant' ? p : { ...p, horizon: s };
  return sgdCurve(q, [s]).Eg[0];
}

export interface BatchSweep {
  B: Float64Array;
  /** E_g at the fixed number of steps, and at the fixed number of samples (s = n/B). */
  atSteps: Float64Array;
  atSamples: Float64Array;
  steps: number;
  samples: number;
  /** Slopes of E_g against B (stable-window fits; null where no power law is visible). */
  fitSteps: PowerFit | null;
  fitSamples: PowerFit | null;
}

/** B = 1, 2, 4, … up to Bmax (doublings), at fixed steps and at fixed samples. */
export function batchSweep(
  p: SgdParams,
  { steps, samples, Bmax = 1024 }: { steps: number; samples: number; Bmax?: number },
): BatchSweep {
  const Bs: number[] = [];
  for (let b = 1; b <= Bmax && samples / b >= 1; b *= 2) Bs.push(b);
  const B = Float64Array.from(Bs);
  const atSteps = Float64Array.from(Bs, (b) => errorAfter({ ...p, batch: b }, steps));
  const atSamples = Float64Array.from(Bs, (b) => errorAfter({ ...p, batch: b }, samples / b));
  const fit = (y: Float64Array) => stableFit(B, y, { minDecades: 1 }).fit;
  return {
    B,
    atSteps,
    atSamples,
    steps,
    samples,
    fitSteps: fit(atSteps),
    fitSamples: fit(atSamples),
  };
}

/** Doubling B at fixed samples may cost at most this fraction before B is called critical. */
export const CRITICAL_COST = 0.1;

export interface CriticalBatch {
  /** The critical batch B_crit (Infinity: doubling stays cheaper up to Bmax). */
  B: number;
  /** E_g(2B)/E_g(B) at fixed samples at B_crit. */
  ratio: number;
  /** The smallest stable B at this η (below it the run diverges). */
  Bmin: number;
  samples: number;
  cost: number;
}

/**
 * The smallest B (real, ≥ the smallest stable one) at which doubling the batch at fixed samples
 * n raises E_g by more than `cost`: E_g(2B; n/(2B) steps) ≥ (1 + cost)·E_g(B; n/B steps).
 * Bisection in log B on a doubling grid's first crossing (to 1 % in B).
 */
export function criticalBatch(
  p: SgdParams,
  samples: number,
  { cost = CRITICAL_COST, Bmax = 1e4 }: { cost?: number; Bmax?: number } = {},
): CriticalBatch {
  const E = (b: number) => errorAfter({ ...p, batch: b }, samples / b);
  const sys = sgdSystem(p, p.eta * samples);
  // The smallest stable B at this η: η_max grows with B.
  let Bmin = 1;
  if (stabilityEdge(sys.nodes, 1).etaMax <= p.eta) {
    let lo = 1;
    let hi = 2;
    while (hi < Bmax && stabilityEdge(sys.nodes, hi).etaMax <= p.eta) hi *= 2;
    for (let it = 0; it < 40; it++) {
      const m = Math.sqrt(lo * hi);
      if (stabilityEdge(sys.nodes, m).etaMax <= p.eta) lo = m;
      else hi = m;
    }
    Bmin = hi * 1.001;
  }
  const over = (b: number) => E(2 * b) >= (1 + cost) * E(b);
  let b = Bmin;
  if (over(b)) return { B: b, ratio: E(2 * b) / E(b), Bmin, samples, cost };
  while (b * 2 <= Math.min(Bmax, samples / 2) && !over(b * 2)) b *= 2;
  if (b * 2 > Math.min(Bmax, samples / 2)) return { B: Infinity, ratio: NaN, Bmin, samples, cost };
  let lo = b;
  let hi = 2 * b;
  while (hi / lo > 1.01) {
    const m = Math.sqrt(lo * hi);
    if (over(m)) hi = m;
    else lo = m;
  }
  return { B: hi, ratio: E(2 * hi) / E(hi), Bmin, samples, cost };
}

export interface EtaSweep {
  eta: Float64Array;
  /** E_g at the horizon (Infinity beyond the stability edge). */
  Eg: Float64Array;
  steps: number;
  /** The optimum (golden section in log η between the grid's neighbours of the best point). */
  etaOpt: number;
  Eopt: number;
  etaMax: number;
}

/** E_g after `steps` steps against η on a log grid up to the edge, with its optimum. */
export function etaSweep(p: SgdParams, steps: number, n = 16): EtaSweep {
  const sys = sgdSystem(p, p.eta * steps);
  const etaMax = stabilityEdge(sys.nodes, p.batch).etaMax;
  const eta = logspace(etaMax * 1e-3, etaMax * 1.2, n);
  const f = (e: number) => errorAfter({ ...p, eta: e }, steps);
  const Eg = Float64Array.from(eta, f);
  let best = 0;
  for (let i = 1; i < n; i++) if (Eg[i] < Eg[best]) best = i;
  let a = Math.log(eta[Math.max(0, best - 1)]);
  let b = Math.log(eta[Math.min(n - 1, best + 1)]);
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = b - g * (b - a);
  let x2 = a + g * (b - a);
  let f1 = f(Math.exp(x1));
  let f2 = f(Math.exp(x2));
  for (let it = 0; it < 40 && b - a > 1e-4; it++) {
    if (f1 < f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - g * (b - a);
      f1 = f(Math.exp(x1));
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + g * (b - a);
      f2 = f(Math.exp(x2));
    }
  }
  const etaOpt = Math.exp(f1 < f2 ? x1 : x2);
  const Eopt = Math.min(f1, f2, Eg[best]);
  return { eta, Eg, steps, etaOpt: Eopt === Eg[best] ? eta[best] : etaOpt, Eopt, etaMax };
}

export interface ScheduleResult {
  schedule: SgdParams['schedule'];
  /** E_g at the horizon (Infinity: diverged). */
  Eg: number;
}

/**
 * The schedules side by side at the same peak η, warm-up, final ratio and horizon S: E_g after S
 * steps for each, lowest first (a constant rate runs the same S steps).
 */
export function compareSchedules(
  p: SgdParams,
  kinds: readonly SgdParams['schedule'][] = ['constant', 'cosine', 'wsd'],
): ScheduleResult[] {
  const out = kinds.map((schedule) => ({
    schedule,
    Eg: sgdCurve({ ...p, schedule }, [p.horizon]).Eg[0],
  }));
  return out.sort((a, b) => a.Eg - b.Eg);
}
