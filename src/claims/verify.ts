// The engine behind the claims' checkers (oracle.ts), by paths of its own: a fresh engine and
// time evaluator per state (not the curve's scan), the minimum of E_g by brute force over
// t ∈ [10⁻³, 10¹²], sweep points and order parameters evaluated one at a time. Only the audit and
// the tests import this module; the app never runs a checker.
import { effectiveParams, type Params } from '../model/params.ts';
import { makeEngine } from '../model/theory/engine.ts';
import { computeLimit } from '../model/theory/limits.ts';
import { TimeEvaluator } from '../model/theory/timeEval.ts';
import { SCAN_CAP } from '../model/theory/dynamics.ts';
import { errorAt } from '../model/theory/sweep.ts';
import { computeOrder } from '../model/theory/order.ts';
import { computeModeDetail } from '../model/theory/modes.ts';
import type { LimitResult, SweepAt } from '../model/types.ts';
import { evaluateFormula } from './formula.ts';
import type { Oracle, OrderAt } from './oracle.ts';
import type { Claim } from './registry.ts';
import { sgdOracle } from './sgdVerify.ts';

interface StateCache {
  ev: TimeEvaluator;
  /** E_g(t) and the engine's floor there (TimePoint.floor), by t. */
  Eg: Map<number, { E: number; floor: number }>;
  limit?: LimitResult;
  minimum?: { t: number; E: number };
}

/** An oracle that remembers what it computed per state (a checker often asks the same twice). */
export function engineOracle(): Oracle & { evaluations(): number } {
  const states = new Map<string, StateCache>();
  let evaluations = 0;
  const of = (p: Params): StateCache => {
    const key = JSON.stringify(p);
    let s = states.get(key);
    if (!s) {
      if (states.size > 64) states.clear();
      s = { ev: new TimeEvaluator(makeEngine(p, SCAN_CAP)), Eg: new Map() };
      states.set(key, s);
    }
    return s;
  };
  const limit = (p: Params) => {
    const s = of(p);
    return (s.limit ??= computeLimit(makeEngine(p)));
  };
  const at = (p: Params, t: number): { E: number; floor: number } => {
    const s = of(p);
    let v = s.Eg.get(t);
    if (v === undefined) {
      evaluations++;
      const r = s.ev.at(t, { train: false });
      v = { E: Math.max(0, r.Eg), floor: r.floor };
      s.Eg.set(t, v);
    }
    return v;
  };
  const Eg = (p: Params, t: number): number => (Number.isFinite(t) ? at(p, t).E : limit(p).Eg);
  return {
    effective: (p) => makeEngine(p).p,
    Eg,
    Etr(p, t) {
      if (!Number.isFinite(t)) return limit(p).Etr;
      evaluations++;
      return Math.max(0, new TimeEvaluator(makeEngine(p, Math.max(t, p.tmax))).at(t).Etr);
    },
    parts(p, t) {
      evaluations++;
      const parts = new TimeEvaluator(makeEngine(p, Math.max(t, p.tmax))).at(t, {
        train: false,
        parts: true,
      }).parts!;
      return { ...parts };
    },
    limit,
    minimum(p) {
      const s = of(p);
      return (s.minimum ??= bruteMinimum((t) => Eg(p, t)));
    },
    resolution: (p, t) => at(p, Math.min(t, SCAN_CAP)).floor,
    sweepError(p, at, tAt) {
      evaluations++;
      return errorAt(p, at as SweepAt, tAt);
    },
    order(p, tau): OrderAt {
      const o = computeOrder(p, Float64Array.of(tau));
      return { kappa: o.kappa[0], df: o.df[0], R: o.R[0], amplification: o.amplification[0] };
    },
    mode(p, k, t) {
      const q = effectiveParams(p);
      if (!Number.isFinite(t)) {
        const d = computeModeDetail(q, k);
        return { lambda: d.lambda, ell: d.ellInf };
      }
      const d = computeModeDetail({ ...q, tmin: t / 10, tmax: t, nt: 2 }, k);
      return { lambda: d.lambda, ell: d.ell[1] };
    },
    formula: (text, alpha, beta) => evaluateFormula(text, { α: alpha, β: beta }),
    sgd: sgdOracle(),
    evaluations: () => evaluations,
  };
}

/** Brute-force minimum of E over t ∈ [10⁻³, 10¹²]: 20 points a decade, then golden section. */
export function bruteMinimum(E: (t: number) => number): { t: number; E: number } {
  const grid: [number, number][] = [];
  for (let k = 0; k <= 15 * 20; k++) {
    const t = 1e-3 * 10 ** (k / 20);
    grid.push([t, E(t)]);
  }
  let i = 0;
  for (let k = 1; k < grid.length; k++) if (grid[k][1] < grid[i][1]) i = k;
  if (i === 0 || i === grid.length - 1) return { t: grid[i][0], E: grid[i][1] };
  let a = Math.log(grid[i - 1][0]);
  let b = Math.log(grid[i + 1][0]);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 40; it++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (E(Math.exp(c)) < E(Math.exp(d))) b = d;
    else a = c;
  }
  const t = Math.exp((a + b) / 2);
  return { t, E: E(t) };
}

/** Run a claim's checker; a checker that throws is a failed claim, with the error as the problem. */
export function verifyClaim(c: Claim, o: Oracle): string[] {
  try {
    return c.check(o, c);
  } catch (err) {
    return [`checker threw: ${err instanceof Error ? err.message : String(err)}`];
  }
}
