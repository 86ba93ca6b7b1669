// The truth suite's checks for one-pass SGD (docs/theory.md §9): every claim the app makes about
// an SGD state (the caption's edge, divergence, floor, η → 0 limit and slope; the exponent table's
// laws; the lessons' claims), each checked by a path of its own — the step-by-step recursion
// (recursion.ts) instead of the block propagation, a bisection of ‖K‖ instead of the engine's
// edge, fresh runs instead of the sweeps — with the stated tolerances.
import { expect } from 'vitest';
import {
  edgeClaim,
  edgeShortClaim,
  floorClaim,
  SGD_LAW_FORMULA,
  sgdCaption,
} from '../../src/claims/sgd.ts';
import { formatNumber } from '../../src/format/number.ts';
import type { Params } from '../../src/model/params.ts';
import { errorAfter, criticalBatch } from '../../src/model/sgd/batch.ts';
import { sgdCurve } from '../../src/model/sgd/curve.ts';
import { recursionCurve } from '../../src/model/sgd/recursion.ts';
import { schedulePieces } from '../../src/model/sgd/schedule.ts';
import { kernelNorm } from '../../src/model/sgd/stability.ts';
import { scheduleOf, sgdSystem } from '../../src/model/sgd/system.ts';
import { isSgdCurve, sgdParamsOf, type SgdCurveResult } from '../../src/model/sgd/theory.ts';
import type { CurveResult } from '../../src/model/types.ts';
import { SGD_FOLLOW_TOL, AT_FLOOR, BELOW_FLOOR } from '../../src/lessons/sgdClaims.ts';
import { CRITICAL_COST } from '../../src/model/sgd/batch.ts';
import type { LessonContext } from '../../src/lessons/fill.ts';
import type { ClaimId } from '../../src/lessons/claims.ts';

/** The step-by-step recursion runs to this many steps in a check (~10⁶ node-steps). */
const RECURSION_STEPS = 2e4;

/** E_g by the step-by-step recursion at the given steps (the reference of §9.3). */
function byRecursion(p: Params, steps: ArrayLike<number>): Float64Array {
  const sp = sgdParamsOf(p);
  const last = steps[steps.length - 1];
  return recursionCurve(sgdSystem(sp, last), schedulePieces(scheduleOf(sp)), steps);
}

/** η_max by bisection of ‖K‖(η) = 1 (and the top mode's edge), not the engine's stabilityEdge. */
function edgeByBisection(p: Params, tMax: number): number {
  const sp = sgdParamsOf(p);
  const nodes = sgdSystem(sp, tMax).nodes;
  const lamMax = Math.max(...Array.from(nodes.lam));
  const c = Number.isFinite(p.batch) ? 1 + 1 / p.batch : 1;
  let lo = 0;
  let hi = 2 / (c * lamMax);
  if (kernelNorm(nodes, hi * (1 - 1e-12), p.batch) < 1) return hi;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (kernelNorm(nodes, mid, p.batch) < 1) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** The two-point slope of E_g between two steps, by the engine run afresh at those steps only. */
function directSlope(p: Params, s0: number, s1: number): number {
  const a = Math.round(s0);
  const b = Math.round(s1);
  const E = sgdCurve(sgdParamsOf(p), [a, b]).Eg;
  return Math.log(E[1] / E[0]) / Math.log(b / a);
}

/** Every claim of an SGD curve's caption and exponent table, checked independently. */
export function checkSgdState(name: string, c: SgdCurveResult): void {
  const p = c.params;
  const f = c.sgd;
  const tLast = f.tIntrinsic[f.tIntrinsic.length - 1];
  // The edge: its own bisection, and the sentence quotes it.
  const edge = edgeByBisection(p, tLast);
  expect(Math.abs(f.edge.etaMax / edge - 1), name).toBeLessThan(1e-6);
  expect(edgeClaim(f, p).markup, name).toContain(formatNumber(f.edge.etaMax, 3));
  expect(edgeShortClaim(f, p).markup, name).toContain(formatNumber(f.edge.etaMax, 3));
  expect(edgeShortClaim(f, p).markup, name).toContain(
    `is ${formatNumber(p.eta / f.edge.etaMax, 2)} η`,
  );
  // The curve against the step-by-step recursion, where that is affordable (§9.3: 1e-4).
  let n = -1;
  while (n + 1 < c.t.length && c.t[n + 1] <= RECURSION_STEPS) n++;
  if (n >= 0) {
    const steps = c.t.slice(0, n + 1);
    const ref = byRecursion(p, steps);
    for (let i = 0; i <= n; i++)
      if (Number.isFinite(c.Eg[i]) && ref[i] < 1e20)
        expect(Math.abs(c.Eg[i] / ref[i] - 1), `${name} s = ${steps[i]}`).toBeLessThan(1e-4);
  }
  // A divergence is claimed only where the rate reaches the edge, and E_g has overflowed there.
  if (Number.isFinite(f.divergedAt)) {
    expect(f.peakEta, name).toBeGreaterThanOrEqual(edge * (1 - 1e-6));
    if (f.divergedAt <= RECURSION_STEPS)
      expect(byRecursion(p, [f.divergedAt])[0], name).toBeGreaterThan(1e20);
  }
  // The floor (9.2): a constant stable rate that has settled by 10⁷ steps settles there (a slow
  // rate may not have: then the run is still above it).
  const floor = floorClaim(c);
  if (floor?.id === 'sgd-floor' && p.schedule === 'constant') {
    const [half, far] = sgdCurve(sgdParamsOf(p), [5e6, 1e7]).Eg;
    if (Math.abs(half / far - 1) < 1e-5)
      expect(Math.abs(far / f.floor - 1), name).toBeLessThan(1e-3);
    else expect(far, name).toBeGreaterThan(f.floor);
  }
  // The fitted slope: the sign and a direct two-point slope over its window.
  const fit = c.fitT.fit;
  if (fit) {
    expect(fit.xmax / fit.xmin, name).toBeGreaterThanOrEqual(10 * (1 - 1e-9));
    expect(Math.abs(directSlope(p, fit.xmin, fit.xmax) - fit.slope), name).toBeLessThan(0.05);
  }
  // The laws: each quoted value is its displayed formula's branch at this α, β.
  const a = p.alpha;
  const b = p.beta;
  const branchValue = { target: -(b - 1) / a, noise: -(2 - 1 / a) };
  const s = f.laws.s;
  if (!s.gap) {
    expect(s.value, name).toBeCloseTo(branchValue[s.branch!], 12);
    expect(SGD_LAW_FORMULA.s[s.branch!].length, name).toBeGreaterThan(0);
    // The branch is the shallower term: noise exactly when β > 2α (and B finite).
    expect(s.branch === 'noise', name).toBe(b > 2 * a && Number.isFinite(p.batch));
  }
  for (const claim of sgdCaption(c, p, 'steps'))
    expect(claim.markup, `${name}: ${claim.id}`).not.toMatch(/NaN|undefined|Infinity/);
}

const endOf = (c: CurveResult) => c.Eg[c.Eg.length - 1];

/** A lesson's SGD claim, checked by a path of its own. */
export function checkSgdLessonClaim(
  id: ClaimId,
  holds: boolean,
  name: string,
  c: CurveResult,
  ctx: LessonContext,
): void {
  if (!isSgdCurve(c)) return;
  const p = c.params;
  const S = p.horizon;
  switch (id) {
    case 'sgdStable':
    case 'sgdDiverges': {
      const edge = edgeByBisection(p, c.sgd.tIntrinsic[c.sgd.tIntrinsic.length - 1]);
      const end = Math.min(S, RECURSION_STEPS);
      const E = byRecursion(p, [end])[0];
      const diverges = p.eta >= edge && !(E < 1e20 * endOf(c));
      if (id === 'sgdDiverges') expect(holds, name).toBe(p.eta >= edge && E > 1e20);
      else expect(holds, name).toBe(p.eta < edge && Number.isFinite(E) && !diverges);
      break;
    }
    case 'sgdCriticalInRange':
    case 'sgdPastCritical': {
      // The critical batch again, by a fresh bisection: the cost of doubling B at it is 10 %.
      const sp = sgdParamsOf(p);
      const n = ctx.sgdSweeps!.critical.samples;
      const cb = criticalBatch(sp, n);
      if (Number.isFinite(cb.B)) {
        const B = cb.B;
        const run = (b: number) => errorAfter({ ...sp, batch: b }, n / b);
        expect(Math.abs(run(2 * B) / run(B) - (1 + CRITICAL_COST)), name).toBeLessThan(0.02);
      }
      if (id === 'sgdPastCritical' && holds) {
        const pin = ctx.pin!;
        const mine = errorAfter(sp, S);
        const theirs = errorAfter(sgdParamsOf(pin), pin.horizon);
        expect(p.batch * S, name).toBe(pin.batch * pin.horizon);
        expect(p.batch, name).toBeGreaterThan(cb.B);
        expect(mine, name).toBeGreaterThan(theirs);
      }
      break;
    }
    case 'sgdAtFloor': {
      const end = byRecursion(p, [S])[0];
      const gap = Math.abs(end / c.sgd.floor - 1);
      expect(holds, name).toBe(p.schedule === 'constant' && gap <= AT_FLOOR);
      break;
    }
    case 'sgdBelowPinFloor': {
      const pin = ctx.pin!;
      const end = byRecursion(p, [S])[0];
      // The pin's floor, by running its constant rate 10⁷ steps.
      const floor = errorAfter(sgdParamsOf(pin), 1e7);
      expect(holds, name).toBe(pin.schedule === 'constant' && end < (1 - BELOW_FLOOR) * floor);
      break;
    }
    case 'sgdSchedulesShown': {
      // Each schedule at the horizon by the step-by-step recursion; the claimed order is theirs.
      const ends = ctx.sgdSweeps!.schedules.map((r) => ({
        r,
        E: byRecursion({ ...p, schedule: r.schedule }, [S])[0],
      }));
      for (const { r, E } of ends) expect(Math.abs(r.Eg / E - 1), name).toBeLessThan(1e-4);
      for (let i = 1; i < ends.length; i++)
        expect(ends[i].E, name).toBeGreaterThanOrEqual(ends[0].E);
      break;
    }
    case 'sgdNoiseLaw':
    case 'sgdTargetLaw':
      if (holds) {
        const fit = c.fitT.fit!;
        const law = c.sgd.laws.s.value;
        expect(Math.abs(directSlope(p, fit.xmin, fit.xmax) - law), name).toBeLessThan(
          2 * SGD_FOLLOW_TOL,
        );
      }
      break;
    case 'sgdSteeperThanPin':
      if (holds) {
        const a = c.fitT.fit!;
        const pin = ctx.pinCurve!;
        const b = pin.fitT.fit!;
        const mine = directSlope(p, a.xmin, a.xmax);
        const theirs = directSlope(pin.params, b.xmin, b.xmax);
        expect(mine, name).toBeLessThan(theirs);
      }
      break;
  }
}
