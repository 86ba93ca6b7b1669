// Predictions of a fit (docs/theory.md §10): the fitted curve of each run configuration from the
// first x of the data to `extrapolate` times the last, with its bands.
//
// Profile band (the one-parameter levels, F(1, n − 6): 3.84 and 1.00 for many points; a band is
// a statement about one number, the loss at one x). Every evaluated (α, β) with deviance D ≤ c contributes its
// own curve, widened by what the remaining budget c − D allows the other parameters to move: with
// θ = (L₀, c, σ², ln s) and G = Σ w ψ′ JᵀJ the criterion's Gauss–Newton matrix at that point
// (J_i = ∂ ln m_i/∂θ), the deviance grows as Δθᵀ G Δθ / ξ, so ln m(x) can move by
// ±√((c − D) ξ φᵀG⁻¹φ), φ = ∂ ln m(x)/∂θ. The band is the envelope over those points.
// Bootstrap band: the pointwise percentiles of the resamples' curves. The reported band is the
// union of the two.
import { interpolate } from './basis.ts';
import { C, L0, S2, type LinearFix } from './linear.ts';
import type { ProfilePoint, Profiler } from './profile.ts';
import { deviance, levelOf, type Calibration } from './region.ts';
import { solveSymmetric, type BootstrapResult } from './bootstrap.ts';
import { logspace } from '../grid.ts';

/** The fitted curve of one run configuration, with its bands. */
export interface FitCurve {
  /** Ids of the runs of this configuration. */
  runs: string[];
  /** Their P and N (theory units). */
  P: number;
  N: number;
  x: Float64Array;
  loss: Float64Array;
  /** 95 % band: the union of the profile and bootstrap bands. */
  lo: Float64Array;
  hi: Float64Array;
  /** 68 % band, the same way. */
  lo68: Float64Array;
  hi68: Float64Array;
  /** The profile-likelihood band (95 %) alone. */
  profileLo: Float64Array;
  profileHi: Float64Array;
  /** The bootstrap band (2.5–97.5 %) alone; null without a bootstrap. */
  bootLo: Float64Array | null;
  bootHi: Float64Array | null;
  /** Largest x of these runs' data: beyond it the curve is an extrapolation. */
  xData: number;
}

/**
 * Widest half-band in ln (a factor 10³ either way): where the data do not fix a parameter that the
 * extrapolation depends on, the band says so by this width instead of reaching 0 or ∞.
 */
export const MAX_BAND = Math.log(1e3);

/** Ridge added to G's diagonal (relative), so that a parameter the data do not fix gives a wide band, not NaN. */
const G_RIDGE = 1e-9;

/** The model's ln m and its gradient φ in θ at sorted ln x, for one point's configuration. */
function lnModelAndGradient(
  p: ProfilePoint,
  fix: LinearFix,
  config: number,
  lx: Float64Array,
  lm: Float64Array,
  phi: Float64Array,
): boolean {
  const n = lx.length;
  const A = new Float64Array(n);
  const B = new Float64Array(n);
  const dA = new Float64Array(n);
  const dB = new Float64Array(n);
  if (!interpolate(p.tables[config], p.lnS, lx, 0, n, A, B, dA, dB)) return false;
  const th = p.theta;
  // A fixed parameter does not move: its gradient is 0 (a fixed σ² moves with c).
  const f0 = fix.floor === null ? 1 : 0;
  const f2 = fix.sigma2 === null ? 1 : 0;
  const tie = fix.sigma2 ?? 0;
  for (let i = 0; i < n; i++) {
    const m = th[L0] + th[C] * A[i] + th[S2] * B[i];
    lm[i] = Math.log(m);
    phi[4 * i] = f0 / m;
    phi[4 * i + 1] = (A[i] + tie * B[i]) / m;
    phi[4 * i + 2] = (f2 * B[i]) / m;
    phi[4 * i + 3] = (th[C] * dA[i] + th[S2] * dB[i]) / m;
  }
  return true;
}

/** G⁻¹ of the criterion at p (4 × 4, θ = L₀, c, σ², ln s), or null. */
function inverseG(pr: Profiler, p: ProfilePoint): Float64Array | null {
  const d = pr.data;
  const G = new Float64Array(16);
  for (const r of d.runs) {
    const lx = d.lx.subarray(r.from, r.to);
    const n = lx.length;
    const lm = new Float64Array(n);
    const phi = new Float64Array(4 * n);
    if (!lnModelAndGradient(p, d.fix, r.config, lx, lm, phi)) return null;
    for (let i = 0; i < n; i++) {
      const k = r.from + i;
      const res = d.ly[k] - lm[i];
      if (Math.abs(res) > d.delta) continue;
      for (let a = 0; a < 4; a++)
        for (let b = 0; b < 4; b++) G[a * 4 + b] += d.w[k] * phi[4 * i + a] * phi[4 * i + b];
    }
  }
  for (let a = 0; a < 4; a++) G[a * 5] += G_RIDGE * G[a * 5] + 1e-300;
  const inv = new Float64Array(16);
  for (let c = 0; c < 4; c++) {
    const e = new Float64Array(4);
    e[c] = 1;
    const col = solveSymmetric(G, e, 4);
    if (!col) return null;
    for (let r = 0; r < 4; r++) inv[r * 4 + c] = col[r];
  }
  return inv;
}

/**
 * A curve's x: n log-spaced points over the data [lo, hi], about a third of them beyond it up to
 * `extrapolate`·hi; hi itself is a point, so the extrapolation starts exactly at the data's end.
 */
export function curveGrid(lo: number, hi: number, extrapolate: number, n: number): Float64Array {
  const beyond = Math.max(2, Math.round(n / 3));
  const inside = logspace(lo, hi, Math.max(2, n - beyond));
  const out = new Float64Array(inside.length + beyond);
  out.set(inside);
  for (let k = 1; k <= beyond; k++)
    out[inside.length - 1 + k] = hi * Math.pow(extrapolate, k / beyond);
  return out;
}

/**
 * The curves of every configuration on `nx` points (curveGrid) from the smallest x of the data to
 * `extrapolate` times the largest, with the profile and bootstrap bands.
 */
export function fitCurves(
  pr: Profiler,
  points: readonly ProfilePoint[],
  best: ProfilePoint,
  cal: Calibration,
  boot: BootstrapResult | null,
  extrapolate: number,
  nx: number,
): FitCurve[] {
  const d = pr.data;
  const x = curveGrid(Math.exp(d.lxMin), Math.exp(d.lxMax), extrapolate, nx);
  const lx = Float64Array.from(x, Math.log);
  const top = levelOf(cal.levels, 0.95, 1);
  const inner = levelOf(cal.levels, 0.68, 1);
  const near = points.filter((p) => deviance(p, best, cal) <= top);
  if (!near.includes(best)) near.push(best);
  const ginv = new Map(near.map((p) => [p, inverseG(pr, p)]));
  return d.configs.map((cfg, config) => {
    const lm = new Float64Array(nx);
    const phi = new Float64Array(4 * nx);
    lnModelAndGradient(best, d.fix, config, lx, lm, phi);
    const band = (level: number) => {
      const lo = Float64Array.from(lm);
      const hi = Float64Array.from(lm);
      const plm = new Float64Array(nx);
      const pphi = new Float64Array(4 * nx);
      for (const p of near) {
        const budget = level - Math.max(0, deviance(p, best, cal));
        const gi = ginv.get(p);
        if (budget < 0 || !gi || !lnModelAndGradient(p, d.fix, config, lx, plm, pphi)) continue;
        for (let i = 0; i < nx; i++) {
          let v = 0;
          for (let a = 0; a < 4; a++)
            for (let b = 0; b < 4; b++) v += pphi[4 * i + a] * gi[a * 4 + b] * pphi[4 * i + b];
          const w = Math.min(MAX_BAND, Math.sqrt(Math.max(0, budget * cal.xi * v)));
          lo[i] = Math.min(lo[i], plm[i] - w);
          hi[i] = Math.max(hi[i], plm[i] + w);
        }
      }
      return { lo, hi };
    };
    const p95 = band(top);
    const p68 = band(inner);
    const b = boot && boot.samples.length >= 10 ? bootstrapBand(boot, config, lx) : null;
    const union = (
      pb: Float64Array,
      bb: Float64Array | undefined,
      f: (a: number, b: number) => number,
    ) => Float64Array.from(pb, (v, i) => Math.exp(bb ? f(v, bb[i]) : v));
    const runs = d.runs.filter((r) => r.config === config);
    return {
      runs: runs.map((r) => r.id),
      P: cfg.P,
      N: cfg.N,
      x,
      loss: Float64Array.from(lm, Math.exp),
      lo: union(p95.lo, b?.lo95, Math.min),
      hi: union(p95.hi, b?.hi95, Math.max),
      lo68: union(p68.lo, b?.lo68, Math.min),
      hi68: union(p68.hi, b?.hi68, Math.max),
      profileLo: Float64Array.from(p95.lo, Math.exp),
      profileHi: Float64Array.from(p95.hi, Math.exp),
      bootLo: b ? Float64Array.from(b.lo95, Math.exp) : null,
      bootHi: b ? Float64Array.from(b.hi95, Math.exp) : null,
      xData: Math.exp(Math.max(...runs.map((r) => d.lx[r.to - 1]))),
    };
  });
}

/** Pointwise percentiles (in ln) of the resamples' curves. */
function bootstrapBand(boot: BootstrapResult, config: number, lx: Float64Array) {
  const nx = lx.length;
  const curves: Float64Array[] = [];
  const A = new Float64Array(nx);
  const B = new Float64Array(nx);
  for (const s of boot.samples) {
    if (!interpolate(s.point.tables[config], s.lnS, lx, 0, nx, A, B, null, null)) continue;
    curves.push(
      Float64Array.from(A, (a, i) => Math.log(s.theta[L0] + s.theta[C] * a + s.theta[S2] * B[i])),
    );
  }
  const pct = (q: number) =>
    Float64Array.from({ length: nx }, (_, i) =>
      quantile(
        curves.map((c) => c[i]),
        q,
      ),
    );
  return { lo95: pct(0.025), hi95: pct(0.975), lo68: pct(0.16), hi68: pct(0.84) };
}

/** The q-quantile of values (linear interpolation between order statistics). */
export function quantile(values: number[], q: number): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const h = (v.length - 1) * q;
  const i = Math.floor(h);
  return i + 1 < v.length ? v[i] + (h - i) * (v[i + 1] - v[i]) : v[i];
}
