// Compute-optimal one-pass SGD (docs/theory.md §9.8): for budgets C = N·B·s (features × batch ×
// steps) the best N, with s = C/(N·B) at the current η, B and schedule. With the time law
// E ≍ s^{−a}, a = min((β−1)/α, 2 − 1/α), and the model law N^{−b}, b = min(β−1, α), balancing
// the two gives N* ≍ C^{a/(a+b)}, s* ≍ C^{b/(a+b)}, L* ≍ C^{−ab/(a+b)} (for gradient flow,
// a = (β−1)/α, this is the compute law of docs/theory.md §6).
//
// The search runs on a grid of N shared by every budget (each N one finite-N measure and one
// run of the engine through all the step counts the budgets ask of it), then refines each
// budget's minimum by a parabola in log N through the best grid point and its neighbours.
import { fitPowerLaw } from '../theory/fit.ts';
import type { PowerFit } from '../types.ts';
import { errorAfter } from './batch.ts';
import { sgdCurve } from './curve.ts';
import { sgdLawValue } from './exponents.ts';
import type { SgdParams } from './system.ts';
import { logspace } from '../grid.ts';

export interface SgdFrontier {
  C: Float64Array;
  Lstar: Float64Array;
  Nstar: Float64Array;
  /** Steps s* = C/(N*·B). */
  sstar: Float64Array;
  fitL: PowerFit | null;
  fitN: PowerFit | null;
  predicted: { L: number; N: number; a: number; b: number };
}

export interface SgdFrontierOptions {
  Cmin?: number;
  Cmax?: number;
  n?: number;
  /** Grid of N: Nmin…Nmax, perDecade points a decade. */
  Nmin?: number;
  Nmax?: number;
  perDecade?: number;
}

/** The predicted exponents of the SGD compute law at (α, β) and batch B. */
export function sgdComputeLaw(alpha: number, beta: number, batch: number) {
  const a = -sgdLawValue('s', alpha, beta, batch);
  const b = Math.min(beta - 1, alpha);
  return { L: -(a * b) / (a + b), N: a / (a + b), a, b };
}

export function sgdFrontier(p: SgdParams, opts: SgdFrontierOptions = {}): SgdFrontier {
  const Cmin = opts.Cmin ?? 1e4;
  const Cmax = opts.Cmax ?? 1e9;
  const n = opts.n ?? 7;
  const Nmin = opts.Nmin ?? 4;
  const Nmax = opts.Nmax ?? 1e4;
  const perDecade = opts.perDecade ?? 5;
  const B = p.batch;
  const C = logspace(Cmin, Cmax, n);
  const m = Math.round(Math.log10(Nmax / Nmin) * perDecade) + 1;
  const Ns = Array.from(logspace(Nmin, Nmax, m), Math.round);
  // E[j][i]: budget i spent with N_j features (Infinity when it allows less than one step).
  const E = Ns.map((N) => {
    const steps = Array.from(C, (c) => Math.round(c / (N * B)));
    const usable = [...new Set(steps.filter((s) => s >= 1))].sort((x, y) => x - y);
    const q: SgdParams = { ...p, N };
    // A constant rate: one run through every step count. A decaying schedule: each budget is a
    // whole schedule with horizon s (§9.8), so one run per step count, read at its end.
    const at = new Map<number, number>();
    if (p.schedule === 'constant') {
      const curve = usable.length ? sgdCurve(q, usable) : null;
      usable.forEach((s, k) => at.set(s, curve!.Eg[k]));
    } else for (const s of usable) at.set(s, errorAfter(q, s));
    return steps.map((s) => at.get(s) ?? Infinity);
  });
  const Lstar = new Float64Array(n);
  const Nstar = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < m; j++) if (E[j][i] < E[best][i]) best = j;
    Lstar[i] = E[best][i];
    Nstar[i] = Ns[best];
    if (
      best > 0 &&
      best < m - 1 &&
      Number.isFinite(E[best - 1][i]) &&
      Number.isFinite(E[best + 1][i])
    ) {
      // Parabola in (log N, log E) through the three points.
      const x = [best - 1, best, best + 1].map((j) => Math.log(Ns[j]));
      const y = [best - 1, best, best + 1].map((j) => Math.log(E[j][i]));
      const d1 = (y[1] - y[0]) / (x[1] - x[0]);
      const d2 = (y[2] - y[1]) / (x[2] - x[1]);
      const c2 = (d2 - d1) / (x[2] - x[0]);
      if (c2 > 0) {
        const xm = 0.5 * (x[0] + x[1]) - d1 / (2 * c2);
        Nstar[i] = Math.exp(Math.min(x[2], Math.max(x[0], xm)));
        Lstar[i] = Math.exp(y[0] + d1 * (xm - x[0]) + c2 * (xm - x[0]) * (xm - x[1]));
      }
    }
  }
  const sstar = Float64Array.from(C, (c, i) => c / (Nstar[i] * B));
  const alpha = p.data ? p.data.alpha : p.alpha;
  const beta = p.data ? p.data.beta : p.beta;
  return {
    C,
    Lstar,
    Nstar,
    sstar,
    fitL: fitPowerLaw(C, Lstar),
    fitN: fitPowerLaw(C, Nstar),
    predicted: sgdComputeLaw(alpha, beta, B),
  };
}
