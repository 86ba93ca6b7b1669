// The bootstrap over runs (docs/theory.md §10): the points of one run are correlated (one seed, one
// data draw), so the resampled unit is the run, not the point. Each resample draws as many runs
// as there are, with replacement, and refits: the criterion with the points of a run counted as
// often as the run was drawn, minimised over ln s (one parabolic step from the point's own best
// ln s) and the linear parameters at the (α, β) already evaluated nearest the best fit (their
// basis tables are kept, so a resample costs no engine evaluation), and refined by a quadratic
// through the ten points nearest to that resample's best. Resamples whose best point lies outside the 95 % profile region are counted (`outside`):
// many of them mean the runs disagree more than the noise within each run explains.
import { Rng } from '../simulation/random.ts';
import { LINEAR } from './linear.ts';
import { deviance, levelOf, type Calibration } from './region.ts';
import { fromBox, toBox } from './search.ts';
import type { ProfilePoint, Profiler } from './profile.ts';

/** Points farther than this deviance from the best are not candidates of a resample… */
const CANDIDATE_DEVIANCE = 20;
/** …and at most this many, the nearest in deviance. */
const CANDIDATES = 30;
/** ln s is re-optimised by one parabola through the point's own ln s and ± this step. */
const LN_S_STEP = 0.1;
/** Gauss–Newton steps of the linear solve, from the point's own linear parameters. */
const SOLVE_STEPS = 4;
/** Points of the local quadratic refinement. */
const QUADRATIC_POINTS = 10;

export interface BootstrapSample {
  alpha: number;
  beta: number;
  /** The evaluated point the resample's fit is based on (its tables give its curves). */
  point: ProfilePoint;
  lnS: number;
  theta: Float64Array;
}

export interface BootstrapResult {
  /** Resamples drawn. */
  B: number;
  samples: BootstrapSample[];
  /** Resamples whose best point lies outside the 95 % joint profile region (deviance > 5.99). */
  outside: number;
}

/**
 * B resamples of the runs (seeded), each refitted on the points near the best fit. Needs at
 * least three runs (with two there are only three distinct resamples).
 */
export function bootstrapRuns(
  pr: Profiler,
  points: readonly ProfilePoint[],
  best: ProfilePoint,
  cal: Calibration,
  B: number,
  seed: number,
  progress: (done: number) => void,
): BootstrapResult {
  const d = pr.data;
  const R = d.runs.length;
  const cand = points
    .filter((p) => Number.isFinite(p.q) && deviance(p, best, cal) <= CANDIDATE_DEVIANCE)
    .sort((a, b) => a.q - b.q)
    .slice(0, CANDIDATES);
  const joint95 = levelOf(cal.levels, 0.95, 2);
  const rng = new Rng(seed, 3);
  const weights = new Float64Array(d.n);
  const counts = new Float64Array(R);
  const samples: BootstrapSample[] = [];
  let outside = 0;
  const q = new Float64Array(cand.length);
  const ls = new Float64Array(cand.length);
  for (let b = 0; b < B; b++) {
    counts.fill(0);
    for (let k = 0; k < R; k++) counts[Math.min(R - 1, Math.floor(rng.uniform() * R))]++;
    for (let i = 0; i < d.n; i++) weights[i] = counts[d.run[i]];
    let arg = -1;
    for (let j = 0; j < cand.length; j++) {
      const p = cand[j];
      // Warm: the point's own ln s and linear parameters are close to the resample's.
      const f = (lnS: number) => pr.criterion(p.tables, lnS, weights, SOLVE_STEPS, p.theta);
      const r = parabolaMin(f, p.lnS, LN_S_STEP, p.lsLo, p.lsHi);
      q[j] = r.f;
      ls[j] = r.x;
      if (arg < 0 || q[j] < q[arg]) arg = j;
    }
    if (arg < 0) continue;
    const p = cand[arg];
    pr.criterion(p.tables, ls[arg], weights);
    const theta = new Float64Array(LINEAR);
    theta.set(pr.lastTheta);
    if (deviance(p, best, cal) > joint95) outside++;
    const [alpha, beta] = quadraticMinimum(cand, q, arg) ?? [p.alpha, p.beta];
    samples.push({ alpha, beta, point: p, lnS: ls[arg], theta });
    progress(b + 1);
  }
  return { B, samples, outside };
}

/**
 * One parabolic step for min f near x0: f at x0 and x0 ± h, the parabola's vertex (kept within
 * 3h and [lo, hi]) evaluated; the lowest of the four.
 */
function parabolaMin(
  f: (x: number) => number,
  x0: number,
  h: number,
  lo: number,
  hi: number,
): { x: number; f: number } {
  const a = Math.max(lo, x0 - h);
  const b = Math.min(hi, x0 + h);
  const pts: [number, number][] = [a, x0, b].map((x) => [x, f(x)]);
  const [[x1, f1], [x2, f2], [x3, f3]] = pts;
  const den = (x2 - x1) * (f2 - f3) - (x2 - x3) * (f2 - f1);
  if (den !== 0 && Number.isFinite(f1 + f2 + f3)) {
    const num = (x2 - x1) ** 2 * (f2 - f3) - (x2 - x3) ** 2 * (f2 - f1);
    const v = Math.min(
      hi,
      Math.max(lo, Math.min(x0 + 3 * h, Math.max(x0 - 3 * h, x2 - (0.5 * num) / den))),
    );
    pts.push([v, f(v)]);
  }
  pts.sort((p, q) => p[1] - q[1]);
  return { x: pts[0][0], f: pts[0][1] };
}

/**
 * The minimum of the quadratic surface fitted (least squares, box units) to the criterion at the
 * QUADRATIC_POINTS candidates nearest the best one; null when that surface is not convex or its
 * minimum lies outside the bounding box of those points (the best point is on the cloud's edge).
 */
function quadraticMinimum(
  cand: readonly ProfilePoint[],
  q: Float64Array,
  arg: number,
): [number, number] | null {
  const [u0, v0] = toBox(cand[arg].alpha, cand[arg].beta);
  const near = cand
    .map((p, j) => {
      const [u, v] = toBox(p.alpha, p.beta);
      return { j, u: u - u0, v: v - v0, d: (u - u0) ** 2 + (v - v0) ** 2 };
    })
    .filter((e) => Number.isFinite(q[e.j]))
    .sort((a, b) => a.d - b.d)
    .slice(0, QUADRATIC_POINTS);
  if (near.length < 6) return null;
  // q ≈ c0 + c1 u + c2 v + c3 u² + c4 uv + c5 v², by the normal equations (scaled by the spread).
  const s = Math.sqrt(near[near.length - 1].d) || 1;
  const M = new Float64Array(36);
  const y = new Float64Array(6);
  for (const e of near) {
    const u = e.u / s;
    const v = e.v / s;
    const row = [1, u, v, u * u, u * v, v * v];
    for (let a = 0; a < 6; a++) {
      y[a] += row[a] * (q[e.j] - q[arg]);
      for (let b = 0; b < 6; b++) M[a * 6 + b] += row[a] * row[b];
    }
  }
  const c = solveSymmetric(M, y, 6);
  if (!c) return null;
  const [a, bx, cy] = [c[3], c[4], c[5]];
  const det = 4 * a * cy - bx * bx;
  if (!(a > 0 && det > 0)) return null;
  const u = (-2 * cy * c[1] + bx * c[2]) / det;
  const v = (-2 * a * c[2] + bx * c[1]) / det;
  let ulo = Infinity;
  let uhi = -Infinity;
  let vlo = Infinity;
  let vhi = -Infinity;
  for (const e of near) {
    ulo = Math.min(ulo, e.u / s);
    uhi = Math.max(uhi, e.u / s);
    vlo = Math.min(vlo, e.v / s);
    vhi = Math.max(vhi, e.v / s);
  }
  if (u < ulo || u > uhi || v < vlo || v > vhi) return null;
  return fromBox(u0 + u * s, v0 + v * s);
}

/** Solve the k × k system by Gaussian elimination with partial pivoting (null if singular). */
export function solveSymmetric(M: Float64Array, y: Float64Array, k: number): Float64Array | null {
  const a = Float64Array.from(M);
  const b = Float64Array.from(y);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r * k + c]) > Math.abs(a[p * k + c])) p = r;
    if (!(Math.abs(a[p * k + c]) > 1e-12 * Math.abs(a[c * k + c] || 1))) return null;
    if (p !== c) {
      for (let j = 0; j < k; j++) [a[c * k + j], a[p * k + j]] = [a[p * k + j], a[c * k + j]];
      [b[c], b[p]] = [b[p], b[c]];
    }
    for (let r = c + 1; r < k; r++) {
      const f = a[r * k + c] / a[c * k + c];
      if (f === 0) continue;
      for (let j = c; j < k; j++) a[r * k + j] -= f * a[c * k + j];
      b[r] -= f * b[c];
    }
  }
  const x = new Float64Array(k);
  for (let r = k - 1; r >= 0; r--) {
    let s = b[r];
    for (let j = r + 1; j < k; j++) s -= a[r * k + j] * x[j];
    x[r] = s / a[r * k + r];
  }
  return x;
}
