// The order parameters of the mean field on a real timescale τ = 1/s (docs/theory.md §1–§2),
// evaluated at the real ridge λ = 1/τ + γ that the dynamics feels on that timescale:
//   κ(τ)            the renormalised ridge, λ = κ(1 − df/N)(1 − df/P);
//   R(τ)            = (1 − df/N)(1 − df/P) = λ/κ, the collective response: the fraction of the
//                   gradient signal that still reaches the modes (it falls where data or features
//                   run out, df → min(N, P));
//   1/(1 − Γ(τ))    the amplification of the shared effective noise (diagonal Γ of §2); it diverges
//                   at interpolation, N = P as τ → ∞ with γ = 0: the double-descent peak.
import { makeEngine } from './engine.ts';
import { timeGrid, type Params } from '../params.ts';
import { staticRidge } from './twoPoint.ts';
import type { OrderResult } from '../types.ts';

/** The order parameters at every τ (default: the time grid of the parameters, so τ aligns with t). */
export function computeOrder(params: Params, tau?: Float64Array): OrderResult {
  const t = tau ?? timeGrid(params.tmin, params.tmax, params.nt);
  for (const x of t)
    if (!(x > 0)) throw new RangeError(`timescale τ must be > 0 (or inf), got ${x}`);
  const finite = t.filter((x) => Number.isFinite(x));
  const e = makeEngine(params, finite.length ? Math.max(...finite, params.tmax) : params.tmax);
  const n = t.length;
  const out: OrderResult = {
    tau: t.slice(),
    kappa: new Float64Array(n),
    df: new Float64Array(n),
    R: new Float64Array(n),
    Gamma: new Float64Array(n),
    amplification: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = staticRidge(e, 1 / t[i] + e.p.gamma);
    out.kappa[i] = r.kappa;
    out.df[i] = r.df;
    // Zero at κ_* (df = min(N, P)); clamp the round-off below it.
    out.R[i] = Math.max(0, (1 - r.df * e.iN) * (1 - r.df * e.iP));
    out.Gamma[i] = r.Gamma;
    out.amplification[i] = r.divergent ? Infinity : 1 / (1 - r.Gamma);
  }
  return out;
}
