// Coverage of the profile-likelihood regions over many noise draws at a fixed truth, cheaply: the
// basis tables depend on (α, β) and the run configurations only, not on the noise, so they are
// computed once on a grid around the truth (in the frame of the deviance's local quadratic form,
// ±4 of its unit radii, clipped to the box), and each draw only re-solves the criterion there.
// The draw's minimum starts from the grid's and is refined by Newton steps on a local quadratic,
// each evaluated; its calibration ξ is region.ts's at that point. A draw whose minimum lies on
// the grid's edge is reported (its deviance at the truth would be underestimated).
import { FINE_TABLE } from '../../../src/model/runfit/basis.ts';
import { solveSymmetric } from '../../../src/model/runfit/bootstrap.ts';
import {
  brentMin,
  prepareData,
  Profiler,
  WARM_WINDOW,
  type ProfilePoint,
} from '../../../src/model/runfit/profile.ts';
import { calibrate, eigen2, levelOf } from '../../../src/model/runfit/region.ts';
import { FineSearch, fromBox, toBox } from '../../../src/model/runfit/search.ts';
import type { Params } from '../../../src/model/params.ts';
import type { FitAxis, Run } from '../../../src/model/runfit/runs.ts';

export interface CoverageGrid {
  axis: FitAxis;
  base: Params;
  /** n × n points, row-major over the two eigen-directions; the centre is the truth. */
  points: ProfilePoint[];
  n: number;
}

/** ln s window of a draw's re-solve around the point's noiseless ln s. */
const S_WINDOW = 0.5;

/**
 * The grid around the truth: `H` the local form of the deviance in box units (from a full fit),
 * `lnS` the truth's ln s. The points' ln s and linear parameters are those of `runs` (any draw).
 */
export function coverageGrid(
  axis: FitAxis,
  base: Params,
  runs: Run[],
  truth: { alpha: number; beta: number; s: number },
  H: Float64Array,
  n = 11,
  radius = 4,
): CoverageGrid {
  const d = prepareData(runs, axis, base, 0, 10);
  const pr = new Profiler(d, 10);
  const { values, vectors } = eigen2(H);
  const floor = 5.99 / 1.5 ** 2;
  const sd = values.map((l) => 1 / Math.sqrt(Math.max(l, floor)));
  const [u0, v0] = toBox(truth.alpha, truth.beta);
  const ls = Math.log(truth.s);
  const lo = Math.max(d.lsMin, ls - WARM_WINDOW);
  const hi = Math.min(d.lsMax, ls + WARM_WINDOW);
  const points: ProfilePoint[] = [];
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const a = radius * sd[0] * ((2 * i) / (n - 1) - 1);
      const b = radius * sd[1] * ((2 * j) / (n - 1) - 1);
      const u = Math.min(1, Math.max(0, u0 + a * vectors[0][0] + b * vectors[1][0]));
      const v = Math.min(1, Math.max(0, v0 + a * vectors[0][1] + b * vectors[1][1]));
      const [al, be] = fromBox(u, v);
      points.push(pr.profile(al, be, lo, hi, FINE_TABLE));
    }
  return { axis, base, points, n };
}

export interface DrawResult {
  /** Deviance of the truth under this draw's fit. */
  D: number;
  /** The draw's minimum lies on the grid's edge. */
  edge: boolean;
  xi: number;
  /** The 95 % joint level of this draw's fit (2·F(2, n − 6)). */
  level95: number;
  /** The draw's minimum of the criterion and its value at the truth. */
  qMin: number;
  qTruth: number;
}

/** Newton steps on the quadratic model of the criterion after the grid (each one evaluation). */
const NEWTON_STEPS = 5;
/** Points of the local quadratic: the nearest to the current best. */
const LOCAL_POINTS = 10;

/**
 * One draw: the criterion re-solved at every grid point; its minimum from the grid's best point
 * by Newton steps on the quadratic fitted (least squares, box units) to the 5 × 5 grid points
 * around it and every point evaluated since, each step evaluated with fresh tables; ξ at the best
 * point; D(truth) against the lowest value actually reached (so D is never inflated by an
 * extrapolated minimum).
 */
export function coverageDraw(g: CoverageGrid, runs: Run[]): DrawResult {
  const d = prepareData(runs, g.axis, g.base, 0, 10);
  const pr = new Profiler(d, 10);
  const fs = new FineSearch(pr, () => {});
  const n = g.n;
  const solved: ProfilePoint[] = g.points.map((p) => {
    const r = brentMin(
      (s) => pr.criterion(p.tables, s, null, 8, p.theta),
      Math.max(p.lsLo, p.lnS - S_WINDOW),
      Math.min(p.lsHi, p.lnS + S_WINDOW),
      1e-4,
    );
    pr.criterion(p.tables, r.x, null);
    return { ...p, q: r.f, lnS: r.x, theta: Float64Array.from(pr.lastTheta) };
  });
  let arg = 0;
  solved.forEach((p, k) => {
    if (p.q < solved[arg].q) arg = k;
  });
  const i0 = arg % n;
  const j0 = Math.floor(arg / n);
  const edge = i0 === 0 || j0 === 0 || i0 === n - 1 || j0 === n - 1;
  const around = solved.filter(
    (_, k) => Math.abs((k % n) - i0) <= 2 && Math.abs(Math.floor(k / n) - j0) <= 2,
  );
  let best = solved[arg];
  for (let step = 0; step < NEWTON_STEPS && !edge; step++) {
    const [ub, vb] = toBox(best.alpha, best.beta);
    const dist = (p: ProfilePoint) => {
      const [u, v] = toBox(p.alpha, p.beta);
      return (u - ub) ** 2 + (v - vb) ** 2;
    };
    const local = [...around].sort((a, b) => dist(a) - dist(b)).slice(0, LOCAL_POINTS);
    const next = quadraticMinimum(local, best);
    if (!next) break;
    const p = fs.at(next[0], next[1], [best]);
    around.push(p);
    if (p.q < best.q) best = p;
  }
  const cal = calibrate(fs, best);
  const centre = ((n - 1) / 2) * n + (n - 1) / 2;
  const qTruth = solved[centre].q;
  const D = (2 * (qTruth - best.q)) / cal.xi;
  return { D, edge, xi: cal.xi, level95: levelOf(cal.levels, 0.95, 2), qMin: best.q, qTruth };
}

/** The minimiser (α, β) of the quadratic fitted to the points' criterion, in box units; null if not convex. */
function quadraticMinimum(points: ProfilePoint[], best: ProfilePoint): [number, number] | null {
  const [u0, v0] = toBox(best.alpha, best.beta);
  const M = new Float64Array(36);
  const y = new Float64Array(6);
  let scale = 0;
  for (const p of points) {
    const [u, v] = toBox(p.alpha, p.beta);
    scale = Math.max(scale, Math.abs(u - u0), Math.abs(v - v0));
  }
  if (!(scale > 0)) return null;
  for (const p of points) {
    const [u, v] = toBox(p.alpha, p.beta);
    const a = (u - u0) / scale;
    const b = (v - v0) / scale;
    const row = [1, a, b, a * a, a * b, b * b];
    for (let i = 0; i < 6; i++) {
      y[i] += row[i] * (p.q - best.q);
      for (let j = 0; j < 6; j++) M[i * 6 + j] += row[i] * row[j];
    }
  }
  const c = solveSymmetric(M, y, 6);
  if (!c) return null;
  const [a, b, e] = [c[3], c[4], c[5]];
  const det = 4 * a * e - b * b;
  if (!(a > 0 && det > 0)) return null;
  const u = (-2 * e * c[1] + b * c[2]) / det;
  const v = (-2 * a * c[2] + b * c[1]) / det;
  if (Math.abs(u) > 1 || Math.abs(v) > 1) return null;
  const [al, be] = fromBox(
    Math.min(1, Math.max(0, u0 + u * scale)),
    Math.min(1, Math.max(0, v0 + v * scale)),
  );
  return [al, be];
}
