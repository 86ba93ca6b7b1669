// The fit's criterion as a function of (α, β) alone (docs/theory.md §10): at each point the basis
// tables of every run configuration (basis.ts), then the criterion minimised over ln s by a scan
// and Brent's method, with (L₀, c, σ²) solved inside by non-negative least squares (linear.ts):
// variable projection, so the searches of search.ts and region.ts move in two dimensions only.
import { buildTable, fitDomain, interpolate, type BasisTable, type TableQuality } from './basis.ts';
import { LinearSolver, LINEAR, NOTHING_FIXED, type LinearFix } from './linear.ts';
import type { Params } from '../params.ts';
import { FIT_REGIMES } from './regimes.ts';
import type { FitAxis, Run } from './runs.ts';
import { linspace } from '../grid.ts';

/** The measurements as the criterion sees them: ln x, ln y, weights, runs and configurations. */
export interface FitData {
  axis: FitAxis;
  n: number;
  lx: Float64Array;
  ly: Float64Array;
  /** Each decade of x weighs the same (docs/theory.md §10); Σ w = n. */
  w: Float64Array;
  /** Index of each point's run (into `runs`). */
  run: Int32Array;
  runs: { id: string; from: number; to: number; config: number }[];
  /** The theory parameters of each distinct run configuration (α, β set per evaluation). */
  configs: Params[];
  /** Range of ln x over the points, and of ln s that keeps s·x (and the extrapolation) in the axis's domain. */
  lxMin: number;
  lxMax: number;
  lsMin: number;
  lsMax: number;
  /** Noise scale of ln y estimated from the data before any fit, and the Huber threshold. */
  tau0: number;
  delta: number;
  /** Linear parameters given by the user instead of fitted. */
  fix: LinearFix;
}

/** Huber's constant: 95 % efficiency at Gaussian errors. */
export const HUBER_K = 1.345;
/** No single point stands for more than a decade of x. */
const MAX_CELL = Math.LN10;
/** Noise scale assumed when the runs are too short to estimate one (fewer than three triples). */
const DEFAULT_TAU = 0.02;
/** Smallest noise scale used (exact curves would otherwise make δ vanish). */
const MIN_TAU = 1e-4;

/**
 * Prepare the runs (x ≥ xMin) for the fit: weights by the width in ln x of each point's cell
 * (half-way to its neighbours, at most a decade), normalised to mean 1; the configuration of each
 * run from `base` and the run's own P, N.
 */
export function prepareData(
  runs: readonly Run[],
  axis: FitAxis,
  base: Params,
  xMin: number,
  extrapolate: number,
  fix: LinearFix = NOTHING_FIXED,
): FitData {
  const lx: number[] = [];
  const ly: number[] = [];
  const w: number[] = [];
  const runIdx: number[] = [];
  const out: FitData['runs'] = [];
  const configs: Params[] = [];
  const keys: string[] = [];
  for (const r of runs) {
    const from = lx.length;
    for (let i = 0; i < r.x.length; i++) {
      if (!(r.x[i] >= xMin)) continue;
      lx.push(Math.log(r.x[i]));
      ly.push(Math.log(r.loss[i]));
      runIdx.push(out.length);
    }
    const to = lx.length;
    if (to === from) continue;
    cellWeights(lx, from, to, w);
    const p = runConfig(base, r);
    const key = configKey(p);
    let config = keys.indexOf(key);
    if (config < 0) {
      config = keys.length;
      keys.push(key);
      configs.push(p);
    }
    out.push({ id: r.id, from, to, config });
  }
  const n = lx.length;
  const total = w.reduce((a, b) => a + b, 0);
  const W = Float64Array.from(w, (v) => (total > 0 ? (v * n) / total : 1));
  const LX = Float64Array.from(lx);
  const lxMin = Math.min(...lx);
  const lxMax = Math.max(...lx);
  const [lo, hi] = fitDomain(axis, base.regime);
  const tau0 = noiseScale(LX, Float64Array.from(ly), out);
  return {
    axis,
    n,
    lx: LX,
    ly: Float64Array.from(ly),
    w: W,
    run: Int32Array.from(runIdx),
    runs: out,
    configs,
    lxMin,
    lxMax,
    lsMin: Math.log(lo) - lxMin,
    lsMax: Math.log(hi) - lxMax - Math.log(extrapolate),
    tau0,
    delta: HUBER_K * tau0,
    fix,
  };
}

/**
 * The theory parameters of one run: the base with the run's own P and N (and batch, η where the
 * regime reads them), σ² = 1 (one unit of B).
 */
export function runConfig(base: Params, r: Pick<Run, 'P' | 'N' | 'batch' | 'eta'>): Params {
  const p: Params = { ...base, P: r.P ?? base.P, N: r.N ?? base.N, sigma2: 1, T: 0 };
  for (const c of FIT_REGIMES[base.regime]?.columns ?? [])
    if (c === 'batch' || c === 'eta') p[c] = r[c] ?? base[c];
  return p;
}

/** Runs with the same key share their basis tables. */
export function configKey(p: Pick<Params, 'P' | 'N' | 'batch' | 'eta'>): string {
  return `${p.P}|${p.N}|${p.batch}|${p.eta}`;
}

/** The index of a run's configuration among a point's tables (−1 when it has none). */
export function tableOf(
  p: Pick<ProfilePoint, 'keys'>,
  base: Params,
  r: Pick<Run, 'P' | 'N' | 'batch' | 'eta'>,
): number {
  return p.keys.indexOf(configKey(runConfig(base, r)));
}

/** Cell widths in ln x for the points [from, to) of one run (sorted), ties sharing their cell. */
function cellWeights(lx: number[], from: number, to: number, w: number[]): void {
  const n = to - from;
  if (n === 1) {
    w.push(MAX_CELL);
    return;
  }
  // Distinct values and their multiplicities.
  const vals: number[] = [];
  const count: number[] = [];
  for (let i = from; i < to; i++) {
    if (vals.length && lx[i] === vals[vals.length - 1]) count[count.length - 1]++;
    else {
      vals.push(lx[i]);
      count.push(1);
    }
  }
  const m = vals.length;
  const cell = vals.map((v, j) => {
    if (m === 1) return MAX_CELL;
    const left = j > 0 ? (v - vals[j - 1]) / 2 : (vals[1] - v) / 2;
    const right = j < m - 1 ? (vals[j + 1] - v) / 2 : (v - vals[m - 2]) / 2;
    return Math.min(MAX_CELL, left + right);
  });
  for (let j = 0; j < m; j++) for (let k = 0; k < count[j]; k++) w.push(cell[j] / count[j]);
}

/**
 * The noise scale of ln y before any fit: each interior point against the chord of its two
 * neighbours (a smooth curve is locally straight in log-log), the deviation divided by the
 * factor √(1 + a² + b²) it has under independent noise (a, b the chord's weights), and the scale
 * 1.4826 × the median absolute deviation (robust to outliers and to the few bends of the curve).
 */
function noiseScale(lx: Float64Array, ly: Float64Array, runs: FitData['runs']): number {
  const dev: number[] = [];
  for (const r of runs) {
    for (let i = r.from + 1; i + 1 < r.to; i++) {
      const h = lx[i + 1] - lx[i - 1];
      if (!(h > 0)) continue;
      const b = (lx[i] - lx[i - 1]) / h;
      const a = 1 - b;
      const e = ly[i] - (a * ly[i - 1] + b * ly[i + 1]);
      dev.push(Math.abs(e) / Math.sqrt(1 + a * a + b * b));
    }
  }
  if (dev.length < 3) return DEFAULT_TAU;
  dev.sort((x, y) => x - y);
  return Math.max(MIN_TAU, 1.4826 * dev[dev.length >> 1]);
}

/** The best ln s and linear parameters at one (α, β). */
export interface ProfilePoint {
  alpha: number;
  beta: number;
  /** Minimum of the criterion over ln s and (L₀, c, σ²). */
  q: number;
  lnS: number;
  /** (L₀, c, σ²·c): floor, target scale, noise amplitude in loss units. */
  theta: Float64Array;
  /** One table per configuration, and the configurations' keys (configKey). */
  tables: BasisTable[];
  keys: string[];
  /** The ln s range the tables cover for every point of the data (and the extrapolation). */
  lsLo: number;
  lsHi: number;
}

/** Scan step in ln s (a fifth of a decade; Brent's method refines the best two minima). */
const SCAN_STEP = 0.45;
/** Gauss–Newton steps of the linear solve while scanning (ranking needs no more). */
const SCAN_SOLVE_STEPS = 3;
/** The ln s window of a table computed near a known point: ±1 decade (moved when reached). */
export const WARM_WINDOW = Math.LN10;

/**
 * Evaluates the criterion at (α, β) points: tables per configuration, profile over ln s. Counts
 * engine evaluations (the work) and points.
 */
export class Profiler {
  readonly data: FitData;
  readonly extrapolate: number;
  points = 0;
  evaluations = 0;
  private readonly solver: LinearSolver;
  private readonly A: Float64Array;
  private readonly B: Float64Array;
  private readonly wb: Float64Array;

  constructor(data: FitData, extrapolate: number) {
    this.data = data;
    this.extrapolate = extrapolate;
    this.solver = new LinearSolver(data.n);
    this.A = new Float64Array(data.n);
    this.B = new Float64Array(data.n);
    this.wb = new Float64Array(data.n);
  }

  /**
   * The tables at (α, β) covering ln s ∈ [lsLo, lsHi] for every point and the extrapolation.
   */
  tables(alpha: number, beta: number, lsLo: number, lsHi: number, q: TableQuality): BasisTable[] {
    const d = this.data;
    const vLo = Math.exp(lsLo + d.lxMin);
    const vHi = Math.exp(lsHi + d.lxMax) * this.extrapolate;
    const [lo, hi] = fitDomain(d.axis, d.configs[0].regime);
    const tbs = d.configs.map((p) =>
      buildTable(
        d.axis,
        { ...p, alpha, beta },
        Math.max(lo, vLo * 0.999),
        Math.min(hi, vHi * 1.001),
        q,
      ),
    );
    for (const t of tbs) this.evaluations += t.evaluations;
    this.points++;
    return tbs;
  }

  /**
   * The profile at (α, β): tables over [lsLo, lsHi], the criterion scanned over ln s and refined
   * by Brent's method around the best two local minima of the scan. `weights`: per-point
   * multipliers (the bootstrap's run counts); default 1.
   */
  profile(
    alpha: number,
    beta: number,
    lsLo: number,
    lsHi: number,
    q: TableQuality,
    tables?: BasisTable[],
  ): ProfilePoint {
    const tbs = tables ?? this.tables(alpha, beta, lsLo, lsHi, q);
    const best = this.minimiseOverS(tbs, lsLo, lsHi, null);
    const theta = new Float64Array(LINEAR);
    this.criterion(tbs, best.lnS, null);
    theta.set(this.solver.theta);
    const keys = this.data.configs.map(configKey);
    return { alpha, beta, q: best.q, lnS: best.lnS, theta, tables: tbs, keys, lsLo, lsHi };
  }

  /** Minimum over ln s ∈ [lo, hi] of the criterion with the given tables and weights. */
  minimiseOverS(
    tbs: BasisTable[],
    lo: number,
    hi: number,
    weights: Float64Array | null,
  ): { q: number; lnS: number } {
    const n = Math.max(2, Math.ceil((hi - lo) / SCAN_STEP) + 1);
    const qs = new Float64Array(n);
    const ls = linspace(lo, hi, n);
    for (let i = 0; i < n; i++) {
      qs[i] = this.criterion(tbs, ls[i], weights, SCAN_SOLVE_STEPS);
    }
    // Local minima of the scan, best first; refine the best two.
    const minima: number[] = [];
    for (let i = 0; i < n; i++)
      if ((i === 0 || qs[i] <= qs[i - 1]) && (i === n - 1 || qs[i] <= qs[i + 1])) minima.push(i);
    minima.sort((a, b) => qs[a] - qs[b]);
    let best = { q: Infinity, lnS: 0.5 * (lo + hi) };
    for (const i of minima.slice(0, 2)) {
      if (!Number.isFinite(qs[i])) continue;
      const a = ls[Math.max(0, i - 1)];
      const b = ls[Math.min(n - 1, i + 1)];
      const r = brentMin((s) => this.criterion(tbs, s, weights), a, b, 1e-4);
      const cand = r.f <= qs[i] ? { q: r.f, lnS: r.x } : { q: qs[i], lnS: ls[i] };
      if (cand.q < best.q) best = cand;
    }
    return best;
  }

  /** The criterion at one ln s (linear parameters solved); Infinity outside the tables. */
  criterion(
    tbs: BasisTable[],
    lnS: number,
    weights: Float64Array | null,
    steps = 8,
    init: Float64Array | null = null,
  ): number {
    const d = this.data;
    for (const r of d.runs)
      if (!interpolate(tbs[r.config], lnS, d.lx, r.from, r.to, this.A, this.B, null, null))
        return Infinity;
    let w = d.w;
    if (weights) {
      for (let i = 0; i < d.n; i++) this.wb[i] = d.w[i] * weights[i];
      w = this.wb;
    }
    const pb = { ly: d.ly, w, A: this.A, B: this.B, n: d.n, delta: d.delta, fix: d.fix };
    return this.solver.solve(pb, steps, init);
  }

  /** ln m at the points for the last criterion evaluated (for residuals). */
  get lnModel(): Float64Array {
    return this.solver.lm;
  }

  get lastTheta(): Float64Array {
    return this.solver.theta;
  }

  get lastA(): Float64Array {
    return this.A;
  }

  get lastB(): Float64Array {
    return this.B;
  }
}

/** Golden ratio constant of Brent's method. */
const CGOLD = 0.381966011250105;

/**
 * Brent's minimisation of f on [a, b] (golden section with parabolic steps; R. P. Brent,
 * Algorithms for Minimization without Derivatives, 1973, ch. 5), to absolute tolerance tol in x.
 */
export function brentMin(
  f: (x: number) => number,
  a: number,
  b: number,
  tol: number,
  maxIter = 60,
): { x: number; f: number } {
  let x = a + CGOLD * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let it = 0; it < maxIter; it++) {
    const m = 0.5 * (a + b);
    const tol1 = tol + 1e-10 * Math.abs(x);
    const tol2 = 2 * tol1;
    if (Math.abs(x - m) <= tol2 - 0.5 * (b - a)) break;
    let golden = true;
    if (Math.abs(e) > tol1 && Number.isFinite(fx + fw + fv)) {
      let r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      q = Math.abs(q);
      r = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = x < m ? tol1 : -tol1;
        golden = false;
      }
    }
    if (golden) {
      e = (x < m ? b : a) - x;
      d = CGOLD * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = f(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, f: fx };
}
