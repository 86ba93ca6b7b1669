// t → ∞ limits (docs/theory.md §4): the static ridge / posterior-mean error D(γ, γ), the GCV training
// error, the posterior variance and the Gibbs error; plus the long-time behaviour of the Langevin
// and random-init terms from their poles at s = 0 (docs/theory.md §3, §6 "Langevin, γ = 0").
import type { Engine } from './engine.ts';
import { staticRidge } from './twoPoint.ts';
import type { LimitResult } from '../types.ts';

/**
 * Whether E_g(∞) lies below the engine's floor there (docs/theory.md §5.8): a positive value that
 * is 0 up to round-off, not a result (not drawn, not quoted; exactly 0 is quoted as 0).
 */
export function limitBelowFloor(l: Pick<LimitResult, 'Eg' | 'floor' | 'divergent'>): boolean {
  return !l.divergent && l.Eg > 0 && l.Eg < l.floor;
}

export function computeLimit(e: Engine): LimitResult {
  const p = e.p;
  const r = staticRidge(e, p.gamma);
  const rho = 1 - r.df * e.iP;
  const Emean = r.D;
  const EtrMean = r.divergent ? Infinity : rho * rho * (Emean + p.sigma2);
  // Posterior variance per unit T: Tr[Σ(K̂+γ)⁻¹] ≍ df/(1 − df/P); infinite when df = P (γ = 0, N > P).
  const postVarPerT = rho > 1e-13 ? r.df / rho : Infinity;
  const Egibbs = p.T > 0 ? Emean + p.T * postVarPerT : Emean;
  let Eg = Emean;
  let Etr = EtrMean;
  let divergent = r.divergent;
  // Null-space directions of K̂ keep their initial value when γ = 0: lim s·½σ0² df/(1 − df/P) at
  // λ₂ = s/2, with 1 − df/P = λ₂/a, equals σ0² df·a (zero when a = 0, i.e. N ≤ P).
  const init = p.gamma === 0 ? p.sigma02 * r.df * r.a : 0;
  let temperature = 0;
  Eg += init;
  if (p.T > 0) {
    if (p.gamma > 0 || r.a <= 0) temperature = p.T * postVarPerT;
    else {
      // Double pole at s = 0: noise diffuses in the null space, E_g grows ∝ 2T·df·a·t.
      temperature = Infinity;
      divergent = true;
    }
    Eg += temperature;
    Etr += p.T * r.df;
  }
  const parts = { signal: r.signal, noise: r.noise, temperature, init };
  // The parts added to the mean predictor's error are sums of positive terms: the floor is D's.
  const floor = divergent ? 0 : r.floor;
  return { kappa: r.kappa, Emean, EtrMean, postVarPerT, Egibbs, Eg, Etr, divergent, parts, floor };
}
