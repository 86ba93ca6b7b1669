// The uncertainty of (α, β) by profile likelihood (docs/theory.md §10).
//
// Deviance. D(α, β) = 2 [Q(α, β) − Q_min] / ξ, with Q the profiled robust criterion (profile.ts)
// and ξ its scale: for an M-estimator the drop in the criterion is asymptotically ξ·χ²_k/2 with
// ξ = Var(score)/E(Hessian) (the ρ-test of Ronchetti and Heritier), estimated from the residuals
// at the best fit as ξ = V/H, H = Σ w_i ψ′(r_i), and V the score variance: Σ (w_i ψ_i)² for
// independent points, here with the Newey–West (Bartlett-kernel) sum of the lag products within
// each run, so that correlated points of one run (a smooth systematic misfit, a shared offset)
// do not count as independent evidence; never below the independent value, and times n/(n − p)
// for the p parameters fitted (six, fewer when the user fixes the floor or σ²). With least squares and independent Gaussian noise this is the
// familiar σ̂² scaling of the likelihood ratio.
//
// Regions. {D ≤ 2F(2, n−6)} at 68 % and 95 % are the joint regions of (α, β), and the projections
// of {D ≤ F(1, n−6)} the 68 % and 95 % intervals of α and of β alone (the profile-likelihood
// interval of one parameter is the projection of the set where its profile deviance is below the
// one-dimensional quantile). F, not χ², because ξ is estimated from the n − p residual degrees of
// freedom (quantiles.ts); for many points the levels tend to 2.30, 5.99 (χ²₂) and 1.00, 3.84 (χ²₁). D is found along 24 rays from the best
// point, in the coordinates where the local quadratic form is a circle; each polygon has a vertex
// on every ray.
import { lawValue, type LawId } from '../theory/laws.ts';
import { freeLinear, huberPsi, type LinearFix } from './linear.ts';
import { fQuantile } from './quantiles.ts';
import { fromBox, toBox, type FineSearch } from './search.ts';
import type { ProfilePoint } from './profile.ts';

/** A level of the deviance: the region or interval of that coverage for `dof` parameters. */
export interface DevianceLevel {
  coverage: 0.68 | 0.95;
  dof: 1 | 2;
  deviance: number;
}

/** The coverages drawn: one standard deviation (68.27 %) and 95 %. */
const COVERAGES = [
  { coverage: 0.68, p: 0.682689492137 },
  { coverage: 0.95, p: 0.95 },
] as const;

/**
 * The deviance levels of a fit with n points and p fitted: dof·F(dof, n − p) quantiles (ξ is
 * estimated from the residuals), χ²_dof in the limit of many points. Ordered by deviance.
 */
export function devianceLevels(n: number, fitted: number): DevianceLevel[] {
  const nu = Math.max(1, n - fitted);
  const out: DevianceLevel[] = [];
  for (const { coverage, p } of COVERAGES)
    for (const dof of [1, 2] as const)
      out.push({ coverage, dof, deviance: dof * fQuantile(p, dof, nu) });
  return out.sort((a, b) => a.deviance - b.deviance);
}

/** The level of a coverage and dof among a fit's levels. */
export function levelOf(
  levels: readonly DevianceLevel[],
  coverage: 0.68 | 0.95,
  dof: 1 | 2,
): number {
  return levels.find((l) => l.coverage === coverage && l.dof === dof)!.deviance;
}

/** Parameters fitted in all: α, β, ln s and the free linear ones (six when none is fixed). */
function fittedCount(fix: LinearFix): number {
  return 3 + freeLinear(fix);
}
/** Smallest scale of the deviance: log residuals of 10⁻⁶ (rounding of a loss logged to 6 digits). */
const MIN_XI = 1e-12;
/** Rays from the best point. */
export const RAYS = 24;

/** How the deviance is scaled, and from what. */
export interface Calibration {
  /** ξ: D = 2ΔQ/ξ. */
  xi: number;
  /** ξ for independent points (no lag products). */
  xiIndependent: number;
  /** ξ/ξ_independent: how much the correlation within runs widens the regions (≥ 1). */
  inflation: number;
  /** Robust scale of the log residuals at the best fit (1.4826 × median |r|). */
  tau: number;
  /** Bartlett-kernel lags used within a run (largest over the runs). */
  lags: number;
  /** The deviance levels of the regions and intervals (devianceLevels). */
  levels: DevianceLevel[];
}

/** Residuals ln y − ln m at a point (one criterion evaluation). */
export function residuals(fs: FineSearch, p: ProfilePoint): Float64Array {
  const pr = fs.pr;
  pr.criterion(p.tables, p.lnS, null);
  const d = pr.data;
  const lm = pr.lnModel;
  return Float64Array.from(d.ly, (y, i) => y - lm[i]);
}

/** ξ from the residuals at the best fit (see the header). */
export function calibrate(fs: FineSearch, best: ProfilePoint): Calibration {
  const d = fs.pr.data;
  const r = residuals(fs, best);
  let H = 0;
  let V0 = 0;
  let V = 0;
  let lags = 0;
  const s = new Float64Array(d.n);
  for (let i = 0; i < d.n; i++) {
    s[i] = d.w[i] * huberPsi(r[i], d.delta);
    H += Math.abs(r[i]) <= d.delta ? d.w[i] : 0;
    V0 += s[i] * s[i];
  }
  for (const run of d.runs) {
    const m = run.to - run.from;
    const L = Math.min(m - 1, Math.ceil(Math.cbrt(m)) + 1);
    lags = Math.max(lags, L);
    for (let i = run.from; i < run.to; i++) V += s[i] * s[i];
    for (let l = 1; l <= L; l++) {
      let acc = 0;
      for (let i = run.from; i + l < run.to; i++) acc += s[i] * s[i + l];
      V += 2 * (1 - l / (L + 1)) * acc;
    }
  }
  const fitted = fittedCount(d.fix);
  const dof = d.n / Math.max(1, d.n - fitted);
  // Exact data (a constant loss, a curve of the model itself) leave no residual: the scale is
  // floored at MIN_XI, so that the deviance is 0, not 0/0, where nothing distinguishes (α, β).
  const xiIndependent = H > 0 ? Math.max(MIN_XI, (V0 / H) * dof) : Infinity;
  const xi = H > 0 ? Math.max(MIN_XI, (Math.max(V, V0) / H) * dof) : Infinity;
  const abs = Array.from(r, Math.abs).sort((a, b) => a - b);
  return {
    xi,
    xiIndependent,
    inflation: xi / xiIndependent,
    tau: 1.4826 * abs[abs.length >> 1],
    lags,
    levels: devianceLevels(d.n, fitted),
  };
}

/** A region's boundary: one vertex per ray, (α, β) interleaved. */
export interface RegionPolygon {
  coverage: 0.68 | 0.95;
  /** 1: the interval of one parameter (projection); 2: the joint region of (α, β). */
  dof: 1 | 2;
  deviance: number;
  /** α₀, β₀, α₁, β₁, … (RAYS vertices). */
  polygon: Float64Array;
  /** Some vertex lies on the box's edge: the region continues beyond the phase diagram. */
  open: boolean;
}

export interface RegionResult {
  best: ProfilePoint;
  calibration: Calibration;
  polygons: RegionPolygon[];
  /** The local quadratic form of D in box units at the best point (row-major 2 × 2). */
  hessian: Float64Array;
}

/** The deviance of a point against the best one. */
export function deviance(p: ProfilePoint, best: ProfilePoint, cal: Calibration): number {
  return (2 * (p.q - best.q)) / cal.xi;
}

/**
 * The regions around `best` (which moves if a better point turns up on the way). `progress` is
 * called per evaluation.
 */
export function computeRegions(
  fs: FineSearch,
  start: ProfilePoint,
  progress: () => void,
): RegionResult {
  let best = start;
  for (let attempt = 0; ; attempt++) {
    // A better point met on the way (the search stops at a tolerance) becomes the centre, twice
    // at most; after that the regions are drawn around the best point known.
    const restart = attempt < MAX_RECENTRES;
    const cal = calibrate(fs, best);
    const local = localForm(fs, best, cal, progress, restart);
    if (local.better) {
      best = local.better;
      continue;
    }
    const rays = castRays(fs, best, cal, local.H, progress, restart);
    if (rays.better) {
      best = rays.better;
      continue;
    }
    return { best, calibration: cal, polygons: rays.polygons, hessian: local.H };
  }
}

/** Times the regions may move to a better point found while computing them. */
const MAX_RECENTRES = 2;
/** A point this much below the best (in deviance) is a better optimum, not round-off. */
const BETTER = -0.02;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The fine point at box coordinates (u, v). */
function pointAt(fs: FineSearch, u: number, v: number, progress: () => void): ProfilePoint {
  progress();
  const [a, b] = fromBox(clamp01(u), clamp01(v));
  return fs.at(a, b);
}

/**
 * The quadratic form D ≈ xᵀHx (+ gᵀx) at the best point, by central differences in box units
 * with steps adapted until D at the step is between 0.5 and 8; a point better than the best is
 * returned instead.
 */
function localForm(
  fs: FineSearch,
  best: ProfilePoint,
  cal: Calibration,
  progress: () => void,
  restart: boolean,
): { H: Float64Array; better: ProfilePoint | null } {
  const [u0, v0] = toBox(best.alpha, best.beta);
  const h = [0.01, 0.01];
  const c = [0, 0];
  const g = [0, 0];
  const D = (p: ProfilePoint) => deviance(p, best, cal);
  for (let k = 0; k < 2; k++) {
    for (let it = 0; it < 5; it++) {
      const e = (sgn: number) =>
        k === 0
          ? pointAt(fs, u0 + sgn * h[0], v0, progress)
          : pointAt(fs, u0, v0 + sgn * h[1], progress);
      const pp = e(1);
      const pm = e(-1);
      for (const p of [pp, pm])
        if (restart && D(p) < BETTER) return { H: new Float64Array(4), better: p };
      // Steps are clamped at the box: use the actual offsets.
      const [up, vp] = toBox(pp.alpha, pp.beta);
      const [um, vm] = toBox(pm.alpha, pm.beta);
      const hp = k === 0 ? up - u0 : vp - v0;
      const hm = k === 0 ? u0 - um : v0 - vm;
      const dp = D(pp);
      const dm = D(pm);
      const mean = 0.5 * (dp + dm);
      if (hp > 0 && hm > 0) {
        // Parabola through (−hm, dm), (0, 0), (hp, dp).
        c[k] = (dp / hp + dm / hm) / (hp + hm);
        g[k] = dp / hp - c[k] * hp;
      } else {
        const hh = Math.max(hp, hm);
        c[k] = hh > 0 ? Math.max(dp, dm) / (hh * hh) : 0;
      }
      if (mean < 0.5 && h[k] < 0.3) h[k] = Math.min(0.3, h[k] * 3);
      else if (mean > 8 && h[k] > 1e-4) h[k] /= 3;
      else break;
    }
  }
  // The mixed term from one diagonal point.
  const su = u0 + h[0] <= 1 ? h[0] : -h[0];
  const sv = v0 + h[1] <= 1 ? h[1] : -h[1];
  const pd = pointAt(fs, u0 + su, v0 + sv, progress);
  if (restart && D(pd) < BETTER) return { H: new Float64Array(4), better: pd };
  const dd = D(pd);
  const cross = (dd - c[0] * su * su - c[1] * sv * sv - g[0] * su - g[1] * sv) / (2 * su * sv);
  return { H: Float64Array.of(c[0], cross, cross, c[1]), better: null };
}

/** Eigen-decomposition of a symmetric 2 × 2 matrix: values (descending) and unit vectors. */
export function eigen2(H: ArrayLike<number>): {
  values: [number, number];
  vectors: [[number, number], [number, number]];
} {
  const a = H[0];
  const b = H[1];
  const d = H[3];
  const m = 0.5 * (a + d);
  const r = Math.hypot(0.5 * (a - d), b);
  const l1 = m + r;
  const l2 = m - r;
  let v1: [number, number] = Math.abs(b) > 1e-300 ? [l1 - d, b] : a >= d ? [1, 0] : [0, 1];
  const n1 = Math.hypot(v1[0], v1[1]);
  v1 = [v1[0] / n1, v1[1] / n1];
  return { values: [l1, l2], vectors: [v1, [-v1[1], v1[0]]] };
}

/**
 * Along RAYS directions (equally spaced in the coordinates where the local form is a circle),
 * D at a few radii until it passes 5.99 or the box's edge; every level's crossing by linear
 * interpolation of √D in the radius.
 */
function castRays(
  fs: FineSearch,
  best: ProfilePoint,
  cal: Calibration,
  H: Float64Array,
  progress: () => void,
  restart: boolean,
): { polygons: RegionPolygon[]; better: ProfilePoint | null } {
  const levels = cal.levels;
  const top = levels[levels.length - 1].deviance;
  const { values, vectors } = eigen2(H);
  // A flat direction is limited by the box: its unit radius is at most 1.5 box units.
  const floor = top / 1.5 ** 2;
  const scale = values.map((l) => 1 / Math.sqrt(Math.max(l, floor)));
  const [u0, v0] = toBox(best.alpha, best.beta);
  const crossings = levels.map(() => new Float64Array(2 * RAYS));
  const open = levels.map(() => false);
  for (let k = 0; k < RAYS; k++) {
    const th = (2 * Math.PI * k) / RAYS;
    const z = [Math.cos(th) * scale[0], Math.sin(th) * scale[1]];
    const dir = [
      z[0] * vectors[0][0] + z[1] * vectors[1][0],
      z[0] * vectors[0][1] + z[1] * vectors[1][1],
    ];
    const rMax = boxRadius(u0, v0, dir);
    const samples: [number, number][] = [[0, 0]];
    const sample = (r: number) => {
      const p = pointAt(fs, u0 + r * dir[0], v0 + r * dir[1], progress);
      const dv = deviance(p, best, cal);
      samples.push([r, dv]);
      return { p, dv };
    };
    let r = Math.min(1.4, rMax);
    for (let it = 0; it < 8 && r > 0; it++) {
      const { p, dv } = sample(r);
      if (restart && dv < BETTER) return { polygons: [], better: p };
      if (dv < top && r < rMax) r = Math.min(rMax, r * (it === 0 ? 2.1 : 2));
      else if (dv > 4 * top && samples.length < 3 && r > 0.05) r = r / 2.5;
      else break;
    }
    samples.sort((a, b) => a[0] - b[0]);
    levels.forEach((lv, li) => {
      const { radius, reached } = crossing(samples, lv.deviance);
      if (!reached) open[li] = true;
      const [a, b] = fromBox(u0 + radius * dir[0], v0 + radius * dir[1]);
      crossings[li][2 * k] = a;
      crossings[li][2 * k + 1] = b;
    });
  }
  const polygons = levels.map((lv, li) => ({
    coverage: lv.coverage,
    dof: lv.dof,
    deviance: lv.deviance,
    polygon: crossings[li],
    open: open[li],
  }));
  return { polygons, better: null };
}

/** How far from (u, v) along dir the box [0, 1]² ends. */
function boxRadius(u: number, v: number, dir: number[]): number {
  let r = Infinity;
  const lim = (x: number, d: number) => (d > 0 ? (1 - x) / d : d < 0 ? -x / d : Infinity);
  r = Math.min(r, lim(u, dir[0]), lim(v, dir[1]));
  return Math.max(0, r);
}

/** First radius where D reaches `level` (√D linear between samples), or the last sample's. */
function crossing(
  samples: [number, number][],
  level: number,
): { radius: number; reached: boolean } {
  for (let i = 1; i < samples.length; i++) {
    const [r1, d1] = samples[i];
    if (d1 >= level) {
      const [r0, d0] = samples[i - 1];
      const s0 = Math.sqrt(Math.max(0, d0));
      const s1 = Math.sqrt(d1);
      const f = s1 > s0 ? (Math.sqrt(level) - s0) / (s1 - s0) : 1;
      return { radius: r0 + Math.min(1, Math.max(0, f)) * (r1 - r0), reached: true };
    }
  }
  return { radius: samples[samples.length - 1][0], reached: false };
}

/** The interval of α (index 0) or β (1) at a level: the projection of its polygon, and the best value. */
export function interval(poly: Float64Array, index: 0 | 1, best: number): [number, number] {
  let lo = best;
  let hi = best;
  for (let k = index; k < poly.length; k += 2) {
    lo = Math.min(lo, poly[k]);
    hi = Math.max(hi, poly[k]);
  }
  return [lo, hi];
}

/** The 95 % region's extent along its major axis (box units) above which α and β form a ridge. */
export const RIDGE_LENGTH = 0.25;
/** …and its elongation (major/minor) from which it is a ridge rather than a wide region. */
export const RIDGE_ELONGATION = 3;

/** The exponents of docs/theory.md §6 a ridge may leave determined. */
const RIDGE_LAWS: readonly LawId[] = ['time', 'data', 'model', 'early-stop', 'compute'];

/** A warning that the data do not resolve α and β separately (docs/theory.md §10). */
export interface RidgeWarning {
  /** 'ridge': a long thin 95 % region (one combination is determined); 'wide': long both ways. */
  kind: 'ridge' | 'wide';
  /** Extent of the 95 % joint region along its major and minor axes, in box units. */
  length: number;
  width: number;
  /** Unit direction of the major axis in (α, β). */
  direction: [number, number];
  /** Ranges of α and β over the 95 % joint region. */
  alpha: [number, number];
  beta: [number, number];
  /** Exponents of §6 that stay (nearly) constant over the region: what the data do determine. */
  determined: { law: LawId; value: number; spread: number }[];
  /** The region reaches the edge of the phase diagram's box. */
  open: boolean;
}

/**
 * The ridge rule: with the 95 % joint region's extent L along its major axis and W across it (box
 * units, principal axes of its vertices), a warning when L ≥ RIDGE_LENGTH: 'ridge' when
 * L ≥ RIDGE_ELONGATION·W, else 'wide'. An exponent is "determined" when its spread over the
 * region is at most 0.01 + 10 % of its value.
 */
export function ridgeWarning(
  region: RegionPolygon,
  best: Pick<ProfilePoint, 'alpha' | 'beta'>,
): RidgeWarning | null {
  const poly = region.polygon;
  const m = poly.length / 2;
  const pts: [number, number][] = [];
  for (let k = 0; k < m; k++) pts.push(toBox(poly[2 * k], poly[2 * k + 1]));
  const cu = pts.reduce((s, p) => s + p[0], 0) / m;
  const cv = pts.reduce((s, p) => s + p[1], 0) / m;
  let suu = 0;
  let suv = 0;
  let svv = 0;
  for (const [u, v] of pts) {
    suu += (u - cu) ** 2;
    suv += (u - cu) * (v - cv);
    svv += (v - cv) ** 2;
  }
  const { vectors } = eigen2([suu, suv, suv, svv]);
  const extent = (e: [number, number]) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const [u, v] of pts) {
      const x = u * e[0] + v * e[1];
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return hi - lo;
  };
  const length = extent(vectors[0]);
  const width = extent(vectors[1]);
  if (length < RIDGE_LENGTH) return null;
  const [a0, b0] = fromBox(0, 0);
  const [a1, b1] = fromBox(vectors[0][0], vectors[0][1]);
  const dn = Math.hypot(a1 - a0, b1 - b0);
  const determined: RidgeWarning['determined'] = [];
  for (const law of RIDGE_LAWS) {
    const value = lawValue(law, { alpha: best.alpha, beta: best.beta });
    let lo = value;
    let hi = value;
    for (let k = 0; k < m; k++) {
      const v = lawValue(law, { alpha: poly[2 * k], beta: poly[2 * k + 1] });
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (hi - lo <= 0.01 + 0.1 * Math.abs(value)) determined.push({ law, value, spread: hi - lo });
  }
  return {
    kind: length >= RIDGE_ELONGATION * width ? 'ridge' : 'wide',
    length,
    width,
    direction: [(a1 - a0) / dn, (b1 - b0) / dn],
    alpha: interval(poly, 0, best.alpha),
    beta: interval(poly, 1, best.beta),
    determined,
    open: region.open,
  };
}
