// Independent closed forms for the theory tests: exact mode sums over k = 1..M (no quadrature)
// and the diagonal formulas of docs/theory.md §1–§2 built from them.
import type { Params } from '../../src/model/params.ts';

/** Exact sums over k = 1..M at a real ridge κ. */
export function exactSums(p: Params, kappa: number) {
  let df = 0;
  let dfd = 0;
  let U = 0;
  let Ud = 0;
  let Sw = 0;
  let bias2 = 0;
  let G2 = 0;
  for (let k = 1; k <= p.M; k++) {
    const l = k ** -p.alpha;
    const c = k ** -p.beta;
    df += l / (l + kappa);
    dfd -= l / (l + kappa) ** 2;
    U += (l * c) / (l + kappa);
    Ud -= (l * c) / (l + kappa) ** 2;
    Sw += c;
    bias2 += c / (l + kappa) ** 2;
    G2 += (l * l) / (l + kappa) ** 2;
  }
  return { df, dfd, U, Ud, Sw, bias2, G2 };
}

/** Bisection (geometric) for an increasing residual on [lo, hi]. */
export function bisect(f: (x: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 200; i++) {
    const m = Math.sqrt(lo * hi);
    if (f(m) > 0) hi = m;
    else lo = m;
  }
  return Math.sqrt(lo * hi);
}

/** κ at a real ridge λ > 0 from λ = κ(1 − df/N)(1 − df/P), by exact sums. */
export function exactKappa(p: Params, lam: number): number {
  // The physical root lies above κ_* (df(κ_*) = min(N, P) when that is < M) and above λ.
  const n = Math.min(p.N, p.P);
  const kstar = n < p.M ? bisect((k) => n - exactSums(p, k).df, 1e-14, 1e3) : 0;
  return bisect(
    (k) => {
      const d = exactSums(p, k).df;
      return k * (1 - d / p.N) * (1 - d / p.P) - lam;
    },
    Math.max(lam * 0.999999, kstar),
    1e3,
  );
}

/** Diagonal Γ, BR (docs/theory.md §2) and the collective response at κ, by exact sums. */
export function exactDiagonal(p: Params, kappa: number) {
  const s = exactSums(p, kappa);
  const a = kappa * (1 - s.df / p.N);
  const ap = 1 - s.df / p.N - (kappa * s.dfd) / p.N;
  const Gamma = (s.df + (a * s.dfd) / ap) / p.P;
  const BR = s.Sw - s.U + (a * s.Ud) / ap;
  const R = (1 - s.df / p.N) * (1 - s.df / p.P);
  return { ...s, a, Gamma, BR, R };
}
