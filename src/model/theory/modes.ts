// Per-mode learning (docs/theory.md §3): the mean learned fraction of eigenmode k,
//   ℓ_k(t) = L⁻¹{ λ_k / (s (λ_k + κ(s + γ))) }(t),   ℓ_k(∞) = λ_k/(λ_k + κ(γ)),
// and the spectral-bias boundary k*(t) = κ(1/t + γ)^{-1/α}.
import { makeEngine } from './engine.ts';
import type { Spectrum } from './spectrum.ts';
import { timeGrid, type Params } from '../params.ts';
import { TimeEvaluator } from './timeEval.ts';
import type { ModeResult } from '../types.ts';

/** Log-spaced distinct integers from 1 to kmax (at most n of them). */
export function modeIndices(kmax: number, n: number): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.round(Math.exp((Math.log(kmax) * i) / Math.max(1, n - 1)));
    if (out.length === 0 || k > out[out.length - 1]) out.push(k);
  }
  return Float64Array.from(out);
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
  const lam = k.map((x) => (measured ? measured[x - 1] : Math.pow(x, -p.alpha)));
  const frac = new Float64Array(k.length * t.length);
  const boundary = new Float64Array(t.length);
  const ev = new TimeEvaluator(e);
  for (let it = 0; it < t.length; it++) {
    ev.prepare(t[it]);
    const nodes = ev.talbot;
    const st = ev.state;
    for (let ik = 0; ik < k.length; ik++) {
      const l = lam[ik];
      let acc = 0;
      for (let j = 0; j < nodes.n; j++) {
        // F = λ / (s (λ + κ)); c·F
        const dr = nodes.sr[j] * (l + st.kr[j]) - nodes.si[j] * st.ki[j];
        const di = nodes.sr[j] * st.ki[j] + nodes.si[j] * (l + st.kr[j]);
        const dm = dr * dr + di * di;
        const fr = (l * dr) / dm;
        const fi = (-l * di) / dm;
        acc += (j === 0 ? 1 : 2) * (nodes.cr[j] * fr - nodes.ci[j] * fi);
      }
      frac[ik * t.length + it] = acc;
    }
    boundary[it] = boundaryOf(e.solver.solveReal(1 / t[it] + p.gamma));
  }
  const kInf = e.solver.solveReal(p.gamma);
  const fracInf = lam.map((l) => l / (l + kInf));
  return { k, t, frac, fracInf, boundary };
}
