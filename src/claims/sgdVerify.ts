// The SGD part of the claims' oracle (oracle.ts SgdOracle), by paths other than the curve's own
// (docs/theory.md §9.3): the step-by-step recursion up to RECURSION_STEPS steps, a fresh block
// propagation at the asked step alone beyond it, the edge by its own bisection of ‖K‖(η) = 1, the
// floor by a run of 10⁷ steps. Only the audit and the tests import this module (via verify.ts).
import type { Params } from '../model/params.ts';
import { sgdCurve } from '../model/sgd/curve.ts';
import { batchFactor, recursionCurve } from '../model/sgd/recursion.ts';
import { intrinsicTimes, schedulePieces } from '../model/sgd/schedule.ts';
import { kernelNorm, maxEigenvalue } from '../model/sgd/stability.ts';
import { scheduleOf, sgdSystem, type SgdParams } from '../model/sgd/system.ts';
import { flowLimit } from '../model/sgd/curve.ts';
import { sgdParamsOf } from '../model/sgd/theory.ts';
import type { SgdOracle } from './oracle.ts';

/** The step-by-step recursion runs up to this many steps (O(steps × nodes), ~10⁶ node-steps). */
export const RECURSION_STEPS = 2e4;

/** The steps of a floor's run: settled when E_g moved less than 10⁻⁵ between them. */
const FLOOR_STEPS = [5e6, 1e7];

function lastTime(sp: SgdParams, s: number): number {
  return intrinsicTimes(scheduleOf(sp), [s])[0];
}

/** E_g after s steps: the recursion where affordable, a fresh run at that step alone beyond. */
function errorAt(sp: SgdParams, s: number): number {
  const step = Math.max(0, Math.round(s));
  if (step <= RECURSION_STEPS) {
    const sys = sgdSystem(sp, lastTime(sp, step));
    const E = recursionCurve(sys, schedulePieces(scheduleOf(sp)), [step])[0];
    return Number.isFinite(E) && E < 1e300 ? E : Infinity;
  }
  return sgdCurve(sp, [step]).Eg[0];
}

/** η_max by bisection of the monotone ‖K‖(η) = 1, capped by the top mode's 2/(cλ_max). */
function edgeByBisection(sp: SgdParams): { etaMax: number; etaMode: number; etaNoise: number } {
  const nodes = sgdSystem(sp, lastTime(sp, sp.horizon)).nodes;
  const etaMode = 2 / (batchFactor(sp.batch) * maxEigenvalue(nodes));
  const etaNoise = sp.batch < Infinity ? (2 * sp.batch) / nodes.Slam : Infinity;
  let lo = 0;
  let hi = etaMode;
  if (sp.batch < Infinity)
    for (let i = 0; i < 200; i++) {
      const mid = 0.5 * (lo + hi);
      if (kernelNorm(nodes, mid, sp.batch) < 1) lo = mid;
      else hi = mid;
    }
  return { etaMax: sp.batch < Infinity ? 0.5 * (lo + hi) : etaMode, etaMode, etaNoise };
}

/** The SGD oracle, remembering what it computed (a checker often asks the same twice). */
export function sgdOracle(): SgdOracle {
  const memo = new Map<string, unknown>();
  const cached = <T>(key: string, f: () => T): T => {
    let v = memo.get(key) as T | undefined;
    if (v === undefined) {
      if (memo.size > 4096) memo.clear();
      v = f();
      memo.set(key, v);
    }
    return v;
  };
  const key = (what: string, p: Params, ...xs: number[]) =>
    `${what}|${JSON.stringify(p)}|${xs.join(',')}`;
  const Eg = (p: Params, s: number) => cached(key('Eg', p, s), () => errorAt(sgdParamsOf(p), s));
  return {
    Eg,
    after(p, s) {
      const step = Math.max(1, Math.round(s));
      return Eg(p.schedule === 'constant' ? p : { ...p, horizon: step }, step);
    },
    edge: (p) => cached(key('edge', p), () => edgeByBisection(sgdParamsOf(p))),
    floor(p, eta) {
      const q: Params = { ...p, eta, schedule: 'constant', warmup: 0 };
      const [half, far] = FLOOR_STEPS.map((s) => Eg(q, s));
      return { floor: far, settled: Math.abs(half / far - 1) < 1e-5, far };
    },
    flow(p, t) {
      const sp = sgdParamsOf(p);
      return flowLimit(sgdSystem(sp, lastTime(sp, sp.horizon)), [t])[0];
    },
    intrinsic: (p, s) => intrinsicTimes(scheduleOf(sgdParamsOf(p)), [Math.round(s)])[0],
  };
}
