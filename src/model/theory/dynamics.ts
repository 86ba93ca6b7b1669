// The whole course of training, not just the window on screen: E_g(t) on a fixed log grid from
// t = 10⁻³ (where nothing is learned yet: the top eigenvalue is λ_1 = 1) until the curve has
// settled at E_g(∞), far beyond any window a user can choose. Early stopping (earlyStop.ts), the
// automatic time window (window.ts) and the fitted time exponent (claims.ts) are all read from this
// one scan, so they cannot disagree (docs/theory.md §8).
import { KappaCache, makeEngine, type Engine } from './engine.ts';
import { computeLimit } from './limits.ts';
import { TimeEvaluator } from './timeEval.ts';
import type { Params } from '../params.ts';
import type { LimitResult } from '../types.ts';

/** First time of the scan: E_g(10⁻³) differs from E_g(0) by ~2·10⁻³ relative. */
export const SCAN_START = 1e-3;
/** Points per decade of the scan (two-point slopes span 0.2 decades). */
export const SCAN_PER_DECADE = 5;
const SCAN_STEP = Math.pow(10, 1 / SCAN_PER_DECADE);
/** The scan never goes beyond this time (E_g may still be falling there: M = ∞, huge P). */
export const SCAN_CAP = 1e12;
/** "Settled": within this fraction of E_g(∞) (plus the numerical floor). */
export const SETTLE_TOL = 0.01;
/**
 * The engine's resolution at time t (docs/theory.md §5.6, §8): the floor of the inversion there,
 * read from the floors at the scan's (or a curve's) times, the larger of the two around t. No
 * claim is read from a difference below it (no early-stopping gain, no "helps", no "settled", no
 * fitted slope), and a value below it is not a result.
 */
export function resolutionAt(scan: Pick<DynamicsScan, 't' | 'floor'>, t: number): number {
  return floorAt(scan.t, scan.floor, t);
}

/** The floor at t from floors at increasing times ts: the larger of its two neighbours. */
export function floorAt(ts: ArrayLike<number>, floors: ArrayLike<number>, t: number): number {
  const n = ts.length;
  if (n === 0) return 0;
  if (t <= ts[0]) return floors[0];
  if (t >= ts[n - 1]) return floors[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ts[mid] <= t) lo = mid;
    else hi = mid;
  }
  return Math.max(floors[lo], floors[hi]);
}

/** "Left its initial value": changed by more than this fraction of E_g(0). */
export const LEAVE_TOL = 0.01;
/**
 * A curve that starts within SETTLE_TOL of E_g(∞) is not settled until it has left E_g(0) (it may
 * dip first and come back: Langevin at high T), or, if it never leaves it, until this time.
 */
export const FLAT_WAIT = 100;

export interface DynamicsScan {
  /** Scan times (SCAN_PER_DECADE per decade from SCAN_START) and E_g there. */
  t: Float64Array;
  Eg: Float64Array;
  /** The engine's floor of E_g at each scan time (TimePoint.floor). */
  floor: Float64Array;
  /** E_g at the first scan time (≈ E_g(0)). */
  E0: number;
  limit: LimitResult;
  /** First scan time at which E_g differs from E0 by more than LEAVE_TOL. */
  tLeave: number;
  /**
   * First scan time from which on E_g stays settled at E_g(∞); Infinity when the scan
   * ends first (or E_g(∞) = ∞).
   */
  tSettle: number;
  /** Index of the smallest scanned E_g. */
  iMin: number;
  /**
   * The scan reached SCAN_CAP before E_g had settled at E_g(∞) (E_g(∞) = ∞: before it had grown
   * tenfold past its minimum): what E_g does after its last time was not scanned, so no claim may
   * say where its minimum over all t lies beyond it (docs/theory.md §8).
   */
  endedAtCap: boolean;
  /** The evaluator, for refinements between scan points (it holds the scan's engine). */
  ev: TimeEvaluator;
}

function settled(E: number, floor: number, limit: LimitResult): boolean {
  return !limit.divergent && Math.abs(E - limit.Eg) <= SETTLE_TOL * limit.Eg + floor;
}

/**
 * Scan E_g over training. The scan runs at least to `tEnd` (the end of the window on screen) and
 * on until E_g has stayed settled for a decade, or, when E_g(∞) = ∞, until it has grown tenfold
 * above its minimum for two decades; never past SCAN_CAP.
 */
export function scanDynamics(
  params: Params,
  tEnd: number,
  opts: { fitted?: boolean; cache?: KappaCache | null } = {},
): DynamicsScan {
  // The scan keeps its κ by time (a cache of its own unless a batch shares one): refinements
  // between scan points and the curve's grid warm-start from them.
  const run = new ScanRun(params, tEnd, opts.fitted ?? false, opts.cache ?? new KappaCache());
  for (let k = 0; !run.done; k++) run.step(k);
  return run.result();
}

/**
 * The scans of several states that share their eigenvalues, N and P (a column of the phase
 * diagram: they differ in β), run in lockstep over the scan times with one KappaCache: at each
 * time κ is solved once and the reciprocals 1/(λ_i + κ) are formed once, and each state sums only
 * its target. Each scan is exactly the one scanDynamics would give.
 */
export function scanLockstep(
  ps: readonly Params[],
  tEnd: number,
  cache: KappaCache = new KappaCache(),
  fitted = false,
): DynamicsScan[] {
  const runs = ps.map((p) => new ScanRun(p, tEnd, fitted, cache));
  const steps = () => {
    for (let k = 0; runs.some((r) => !r.done); k++) for (const r of runs) r.step(k);
  };
  // One target has no other to share its reciprocals with.
  if (runs.length > 1) cache.lockstep(steps);
  else steps();
  return runs.map((r) => r.result());
}

/** One scan in progress: step(k) evaluates the k-th scan time unless the scan is done. */
class ScanRun {
  done = false;
  private readonly ev: TimeEvaluator;
  private readonly limit: LimitResult;
  private readonly ts: number[] = [];
  private readonly Es: number[] = [];
  private readonly floors: number[] = [];
  private tSettle = Infinity;
  private iMin = 0;
  private left = false;
  private capped = false;

  constructor(
    params: Params,
    private readonly tEnd: number,
    fitted: boolean,
    cache: KappaCache,
  ) {
    const e: Engine = makeEngine(params, SCAN_CAP, fitted, cache);
    this.ev = new TimeEvaluator(e);
    this.limit = computeLimit(e);
  }

  step(k: number): void {
    if (this.done) return;
    const t = SCAN_START * Math.pow(SCAN_STEP, k);
    if (t > SCAN_CAP * 1.0001) {
      this.done = true;
      // Settled, but not yet for a decade, is settled: only an unsettled end is open.
      this.capped = !Number.isFinite(this.tSettle);
      return;
    }
    const { ts, Es, limit } = this;
    // Means of squares: a negative value is round-off below the floor, not data.
    const v = this.ev.at(t, { train: false });
    const E = Math.max(0, v.Eg);
    ts.push(t);
    Es.push(E);
    this.floors.push(v.floor);
    if (E < Es[this.iMin]) this.iMin = k;
    if (Math.abs(E - Es[0]) > LEAVE_TOL * Es[0]) this.left = true;
    if (settled(E, v.floor, limit) && (this.left || t >= FLAT_WAIT)) {
      if (!Number.isFinite(this.tSettle)) this.tSettle = t;
    } else this.tSettle = Infinity;
    if (t < this.tEnd) return;
    if (Number.isFinite(this.tSettle) && t >= this.tSettle * 10) this.done = true;
    else if (limit.divergent && E > 10 * Es[this.iMin] && t >= ts[this.iMin] * 100)
      this.done = true;
  }

  result(): DynamicsScan {
    const { ts, Es } = this;
    const E0 = Es[0];
    let tLeave = Infinity;
    for (let k = 0; k < Es.length; k++)
      if (Math.abs(Es[k] - E0) > LEAVE_TOL * E0) {
        tLeave = ts[k];
        break;
      }
    return {
      t: Float64Array.from(ts),
      Eg: Float64Array.from(Es),
      floor: Float64Array.from(this.floors),
      E0,
      limit: this.limit,
      tLeave,
      tSettle: this.tSettle,
      iMin: this.iMin,
      endedAtCap: this.capped,
      ev: this.ev,
    };
  }
}

/**
 * Minimum of f(u) bracketed by u0 < u1 < u2 with f(u1) ≤ f(u0), f(u2): successive parabolic
 * interpolation, each step one evaluation. Returns the best point found.
 */
export function refineMinimum(
  f: (u: number) => number,
  u0: number,
  u1: number,
  u2: number,
  e0: number,
  e1: number,
  e2: number,
  steps = 6,
): { u: number; e: number } {
  for (let it = 0; it < steps; it++) {
    const num = (u1 - u0) ** 2 * (e1 - e2) - (u1 - u2) ** 2 * (e1 - e0);
    const den = (u1 - u0) * (e1 - e2) - (u1 - u2) * (e1 - e0);
    if (!(Math.abs(den) > 0)) break;
    let u = u1 - (0.5 * num) / den;
    if (!(u > u0 && u < u2)) break;
    if (Math.abs(u - u1) < 1e-4) u = u1 + (u - u1 >= 0 ? 1e-4 : -1e-4);
    const eu = f(u);
    if (eu < e1) {
      if (u > u1) {
        u0 = u1;
        e0 = e1;
      } else {
        u2 = u1;
        e2 = e1;
      }
      u1 = u;
      e1 = eu;
    } else if (u > u1) {
      u2 = u;
      e2 = eu;
    } else {
      u0 = u;
      e0 = eu;
    }
    if (u2 - u0 < 2e-3) break;
  }
  return { u: u1, e: e1 };
}
