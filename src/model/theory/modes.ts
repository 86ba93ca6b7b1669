// Per-mode learning (docs/theory.md §3): the mean learned fraction of eigenmode k,
//   ℓ_k(t) = L⁻¹{ λ_k / (s (λ_k + κ(s + γ))) }(t),   ℓ_k(∞) = λ_k/(λ_k + κ(γ)),
// and the spectral-bias boundary k*(t) = κ(1/t + γ)^{-1/α}. Without the collective response
// (N, P → ∞, so κ(λ) = λ) the same formula gives the free dynamics of one mode,
//   ℓ_k^free(t) = λ_k/(λ_k + γ) · (1 − e^{−(λ_k+γ)t})   (= 1 − e^{−λ_k t} at γ = 0).
import { meanFilter } from '../filters.ts';
import { makeEngine, type Engine } from './engine.ts';
import type { Spectrum } from './spectrum.ts';
import { timeGrid, type Params } from '../params.ts';
import { TimeEvaluator } from './timeEval.ts';
import { invert } from './talbot.ts';
import type { ModeDetail, ModeResult } from '../types.ts';
import { logIntegers } from '../grid.ts';

/** Log-spaced distinct integers from 1 to kmax (at most n of them). */
export function modeIndices(kmax: number, n: number): Float64Array {
  return logIntegers(1, kmax, n);
}

/** k*(κ): the modes with λ_k ≥ κ (measured: counted; power law: κ^{-1/α}). */
export function modeBoundary(sp: Spectrum, kappa: number): number {
  return sp.modeLam ? countAbove(sp.modeLam, kappa) : Math.pow(kappa, -1 / sp.alpha);
}

/** Number of entries ≥ x of a non-increasing array (binary search). */
function countAbove(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] >= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** λ_k of mode k: the measured eigenvalue, or k^{-α}. */
function modeEigenvalue(e: Engine, k: number): number {
  const measured = e.sp.modeLam;
  return measured ? measured[k - 1] : Math.pow(k, -e.p.alpha);
}

/**
 * ℓ(t) for each eigenvalue of `lam` at the time last prepared in `ev` (κ already at its nodes):
 * F(s) = λ/(s(λ + κ)) at every node, then the conjugate-pair Talbot sum.
 */
function learnedFractions(
  ev: TimeEvaluator,
  lam: ArrayLike<number>,
  out: (i: number, v: number) => void,
) {
  const nodes = ev.talbot;
  const st = ev.state;
  const n = nodes.n;
  const Fr = scratch(n, 0);
  const Fi = scratch(n, 1);
  for (let ik = 0; ik < lam.length; ik++) {
    const l = lam[ik];
    for (let j = 0; j < n; j++) {
      const dr = nodes.sr[j] * (l + st.kr[j]) - nodes.si[j] * st.ki[j];
      const di = nodes.sr[j] * st.ki[j] + nodes.si[j] * (l + st.kr[j]);
      const dm = dr * dr + di * di;
      Fr[j] = (l * dr) / dm;
      Fi[j] = (-l * di) / dm;
    }
    out(ik, invert(nodes, Fr, Fi));
  }
}

const scratchBufs: Float64Array[] = [new Float64Array(0), new Float64Array(0)];
function scratch(n: number, which: number): Float64Array {
  if (scratchBufs[which].length < n) scratchBufs[which] = new Float64Array(n);
  return scratchBufs[which];
}

export function computeModes(params: Params, nk = 40): ModeResult {
  const e = makeEngine(params);
  const p = e.p;
  const t = timeGrid(p.tmin, p.tmax, p.nt);
  const measured = e.sp.modeLam;
  const boundaryOf = (kappa: number) => modeBoundary(e.sp, kappa);
  const kBoundaryMax = boundaryOf(e.solver.solveReal(1 / p.tmax + p.gamma));
  let kmax = Math.max(10, Math.min(p.M, 1e7, Math.ceil(8 * kBoundaryMax)));
  if (measured) kmax = Math.min(kmax, measured.length);
  const k = modeIndices(kmax, nk);
  const lam = k.map((x) => modeEigenvalue(e, x));
  const frac = new Float64Array(k.length * t.length);
  const boundary = new Float64Array(t.length);
  const ev = new TimeEvaluator(e);
  for (let it = 0; it < t.length; it++) {
    ev.prepare(t[it]);
    learnedFractions(ev, lam, (ik, v) => (frac[ik * t.length + it] = v));
    boundary[it] = boundaryOf(e.solver.solveReal(1 / t[it] + p.gamma));
  }
  const kInf = e.solver.solveReal(p.gamma);
  const fracInf = lam.map((l) => l / (l + kInf));
  return { k, t, frac, fracInf, boundary, boundaryCounted: !!measured };
}

/** Latest time the learned-time search looks at. */
export const LEARNED_TIME_MAX = 1e12;

/** The free (uncoupled) learned fraction λ g(t) = λ/(λ+γ)·(1 − e^{−(λ+γ)t}) (../filters.ts). */
export function freeFraction(lam: number, gamma: number, t: number): number {
  return lam * meanFilter(lam + gamma, t);
}

/** Time at which the free dynamics reaches ½ (Infinity when λ ≤ γ: it never does). */
export function freeLearnedTime(lam: number, gamma: number): number {
  const r = lam + gamma;
  const x = 1 - r / (2 * lam);
  return x > 0 ? -Math.log(x) / r : Infinity;
}

/**
 * One mode in detail (the mode inspector): ℓ_k(t) on the parameter time grid against the free
 * dynamics, the time it is learned (ℓ_k = ½) and whether it ever is (λ_k > κ(γ), i.e. ℓ_k(∞) > ½).
 */
export function computeModeDetail(params: Params, k: number): ModeDetail {
  if (!(Number.isInteger(k) && k >= 1))
    throw new RangeError(`mode k must be an integer ≥ 1, got ${k}`);
  const e = makeEngine(params, Math.max(params.tmax, LEARNED_TIME_MAX));
  const p = e.p;
  if (k > p.M) throw new RangeError(`mode k = ${k} exceeds the number of modes M = ${p.M}`);
  const t = timeGrid(p.tmin, p.tmax, p.nt);
  const lambda = modeEigenvalue(e, k);
  const ell = new Float64Array(t.length);
  const free = t.map((x) => freeFraction(lambda, p.gamma, x));
  const ev = new TimeEvaluator(e);
  for (let it = 0; it < t.length; it++) {
    ev.prepare(t[it]);
    learnedFractions(ev, [lambda], (_, v) => (ell[it] = v));
  }
  const kappaInf = e.solver.solveReal(p.gamma);
  const ellInf = lambda / (lambda + kappaInf);
  const everLearned = lambda > kappaInf;
  return {
    k,
    lambda,
    // A measured spectrum stores the eigenvalues per mode, not the target power.
    target: e.sp.modeLam ? null : Math.pow(k, -p.beta),
    t,
    ell,
    free,
    ellInf,
    kappaInf,
    everLearned,
    learnedTime: everLearned ? learnedTime(e, lambda) : Infinity,
    freeLearnedTime: freeLearnedTime(lambda, p.gamma),
  };
}

/** ℓ(t) = ½ by bisection in log t, from the free half-time upwards (coupling only slows a mode). */
function learnedTime(e: Engine, lambda: number): number {
  const ev = new TimeEvaluator(e);
  const at = (t: number) => {
    ev.prepare(t);
    let v = 0;
    learnedFractions(ev, [lambda], (_, x) => (v = x));
    return v;
  };
  let lo = Math.min(freeLearnedTime(lambda, e.p.gamma), LEARNED_TIME_MAX) / 4;
  while (lo > 1e-12 && at(lo) >= 0.5) lo /= 4;
  let hi = lo * 4;
  while (hi < LEARNED_TIME_MAX && at(hi) < 0.5) {
    lo = hi;
    hi *= 4;
  }
  if (at(hi) < 0.5) return Infinity;
  for (let i = 0; i < 60 && hi / lo > 1 + 1e-10; i++) {
    const mid = Math.sqrt(lo * hi);
    if (at(mid) < 0.5) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}
