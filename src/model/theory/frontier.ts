// Compute-optimal allocation (docs/theory.md §6; docs/lessons.md #9): with data unlimited (P large)
// a budget C = N·t buys features or training time. For each C the best split minimises
// E_g(t = C/N; N) over N; the frontier L*(C) and the allocation N*(C) are then power laws with
//   L* ~ C^{-(β−1) m_N/(β−1+α m_N)},  N* ~ C^{(β−1)/(β−1+α m_N)},  m_N = min(β−1, α).
// docs/theory.md marks those exponents as derived; this module checks them numerically.
import { makeEngine, type KappaCache } from './engine.ts';
import { predictedExponents } from './exponents.ts';
import { fitPowerLaw } from './fit.ts';
import { MAX_SIZE, type Params } from '../params.ts';
import { evaluatorFor } from './timeEval.ts';
import type { PowerFit, SweepResult } from '../types.ts';
import { linspace, logspace } from '../grid.ts';

export interface FrontierResult {
  C: Float64Array;
  /** Best error at each budget, and the N and t = C/N that achieve it. */
  Lstar: Float64Array;
  Nstar: Float64Array;
  tstar: Float64Array;
  fitL: PowerFit | null;
  fitN: PowerFit | null;
  predicted: { L: number; N: number };
}

/** E_g at time t for N features (gradient flow at the configuration's P, σ² and M). */
function errorAt(p: Params, N: number, t: number, cache: KappaCache | null): number {
  // exp(log 10⁷) can round a hair above MAX_SIZE, outside the table's range of N.
  const q: Params = {
    ...p,
    N: Math.min(N, MAX_SIZE),
    regime: 'gf',
    tmax: Math.max(t, p.tmin * 10),
  };
  return evaluatorFor(makeEngine(q, t, false, cache)).at(t, { train: false }).Eg;
}

export interface FrontierOptions {
  Cmin?: number;
  Cmax?: number;
  n?: number;
  /** Grid points per decade of N in the search before refinement. */
  perDecade?: number;
  /** Width of the bracket in ln N at which the golden-section refinement stops (L* is flat at
   * its minimum, so an error δ in ln N changes L* by O(δ²)). Default 1e-4. */
  tol?: number;
  /** κ solves shared with frontiers of other targets on the same eigenvalues (engine.ts). */
  cache?: KappaCache | null;
}

export function computeFrontier(params: Params, opts: FrontierOptions = {}): FrontierResult {
  const p = params;
  const Cmin = opts.Cmin ?? 1e3;
  const Cmax = opts.Cmax ?? 1e9;
  const n = opts.n ?? 10;
  const perDecade = opts.perDecade ?? 6;
  const tol = opts.tol ?? 1e-4;
  const cache = opts.cache ?? null;
  const C = logspace(Cmin, Cmax, n);
  const Lstar = new Float64Array(n);
  const Nstar = new Float64Array(n);
  const tstar = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = C[i];
    // Search N over [1, min(C, MAX_SIZE)] on a log grid (t = C/N ≥ 1), then refine the bracket by
    // golden-section search in log N (N is treated as continuous; E_g is smooth in N).
    const hi = Math.min(c, MAX_SIZE);
    const m = Math.max(3, Math.ceil(Math.log10(hi) * perDecade) + 1);
    const us = Array.from(linspace(0, Math.log(hi), m));
    const es: number[] = [];
    for (let k = 0; k < m; k++) {
      const u = us[k];
      es.push(errorAt(p, Math.exp(u), c / Math.exp(u), cache));
    }
    let best = 0;
    for (let k = 1; k < m; k++) if (es[k] < es[best]) best = k;
    let a = us[Math.max(0, best - 1)];
    let b = us[Math.min(m - 1, best + 1)];
    const f = (u: number) => errorAt(p, Math.exp(u), c / Math.exp(u), cache);
    const g = (Math.sqrt(5) - 1) / 2;
    let x1 = b - g * (b - a);
    let x2 = a + g * (b - a);
    let f1 = f(x1);
    let f2 = f(x2);
    for (let it = 0; it < 30 && b - a > tol; it++) {
      if (f1 < f2) {
        b = x2;
        x2 = x1;
        f2 = f1;
        x1 = b - g * (b - a);
        f1 = f(x1);
      } else {
        a = x1;
        x1 = x2;
        f1 = f2;
        x2 = a + g * (b - a);
        f2 = f(x2);
      }
    }
    const u = f1 < f2 ? x1 : x2;
    Lstar[i] = Math.min(f1, f2, es[best]);
    Nstar[i] = Lstar[i] === es[best] ? Math.exp(us[best]) : Math.exp(u);
    tstar[i] = c / Nstar[i];
  }
  const pe = predictedExponents(p.alpha, p.beta);
  return {
    C,
    Lstar,
    Nstar,
    tstar,
    fitL: fitPowerLaw(C, Lstar),
    fitN: fitPowerLaw(C, Nstar),
    predicted: { L: pe.compute, N: pe.computeN },
  };
}

/**
 * The frontier as a sweep over C (for the scaling panel): x = C, E_g = L*, the fit and predicted
 * slope of L*. There is no current value on this axis (NaN). P is the dataset size it was computed
 * at (kept as tFixed is kept by the other sweeps, for labels).
 */
export function frontierSweep(f: FrontierResult, P: number): SweepResult {
  return {
    axis: 'C',
    at: 'inf',
    tFixed: NaN,
    x: f.C,
    Eg: f.Lstar,
    fit: f.fitL,
    fitGap: f.fitL ? null : 'too-few',
    law: null,
    predicted: f.predicted.L,
    peak: null,
    current: NaN,
    currentEg: NaN,
    P,
  };
}
