// The direct construction of docs/theory.md §0, without any of the reductions of the simulator
// (src/model/simulation/geometry.ts, data.ts): draw A (N×M), the P×M inputs and the label noise,
// form F = ΨAᵀ/√N, K̂ = FᵀF/P and Σ_test = AΛAᵀ/N explicitly, diagonalise K̂ (N×N, or M×M when
// N = ∞) and apply the closed forms, written out here again rather than taken from
// src/model/filters.ts so that the check is independent. O(P·M·N + N³): only for small sizes.
// It exists to check, in tests, that the reduced simulator has the same statistics (the
// reductions are exact in law, not pathwise).

import type { Params } from '../../src/model/params.ts';
import { Rng } from '../../src/model/simulation/random.ts';
import { sortedSymmetricEigen } from '../../src/model/linalg/symmetricEigen.ts';
import { powerLawSpectrum } from '../../src/model/simulation/geometry.ts';

export type DirectParams = Pick<
  Params,
  'alpha' | 'beta' | 'P' | 'N' | 'M' | 'sigma2' | 'gamma' | 'T' | 'sigma02'
>;

export function simulateSeedDirect(
  p: DirectParams,
  t: Float64Array,
  rng: Rng,
): { Eg: Float64Array; Etr: Float64Array } {
  const { P, M } = p;
  const { lambda, b } = powerLawSpectrum(p.alpha, p.beta, M);
  const wbar = new Float64Array(M);
  for (let k = 0; k < M; k++) wbar[k] = b[k] / Math.sqrt(lambda[k]);
  let Sw = 0;
  for (let k = 0; k < M; k++) Sw += b[k] * b[k];
  const kernel = p.N === Infinity;
  const n = kernel ? M : p.N;
  // Weights-to-mode map: f(ψ) = wᵀ B ψ with B = A/√N (n×M), or the identity when N = ∞.
  const B = new Float64Array(n * M);
  if (kernel) for (let k = 0; k < M; k++) B[k * M + k] = 1;
  else for (let i = 0; i < n * M; i++) B[i] = rng.normal() / Math.sqrt(p.N);
  const Psi = new Float64Array(P * M);
  const y = new Float64Array(P);
  for (let mu = 0; mu < P; mu++) {
    let s = 0;
    for (let k = 0; k < M; k++) {
      const v = Math.sqrt(lambda[k]) * rng.normal();
      Psi[mu * M + k] = v;
      s += v * wbar[k];
    }
    y[mu] = s + Math.sqrt(p.sigma2) * rng.normal();
  }
  const F = new Float64Array(P * n); // F = Ψ Bᵀ
  for (let mu = 0; mu < P; mu++)
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < M; k++) s += Psi[mu * M + k] * B[i * M + k];
      F[mu * n + i] = s;
    }
  const K = new Float64Array(n * n);
  const Sigma = new Float64Array(n * n); // B Λ Bᵀ
  const cross = new Float64Array(n); // B Λ w̄: E_ψ[f · target] = wᵀ cross
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let mu = 0; mu < P; mu++) s += F[mu * n + i] * F[mu * n + j];
      K[i * n + j] = s / P;
      let c = 0;
      for (let k = 0; k < M; k++) c += B[i * M + k] * lambda[k] * B[j * M + k];
      Sigma[i * n + j] = c;
    }
    let c = 0;
    for (let k = 0; k < M; k++) c += B[i * M + k] * lambda[k] * wbar[k];
    cross[i] = c;
  }
  const v = new Float64Array(n); // Fᵀy/P
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let mu = 0; mu < P; mu++) s += F[mu * n + i] * y[mu];
    v[i] = s / P;
  }
  const { values, vectorsT: U } = sortedSymmetricEigen(K, n);
  const tol = 4 * n * 2 ** -52 * Math.max(values[n - 1], 0);
  const bcoef = new Float64Array(n);
  const dvar = new Float64Array(n);
  const mus = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mus[i] = values[i] > tol ? values[i] : 0;
    let s = 0;
    for (let k = 0; k < n; k++) s += U[i * n + k] * v[k];
    bcoef[i] = mus[i] > 0 ? s : 0;
    let d = 0;
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++) d += U[i * n + j] * Sigma[j * n + k] * U[i * n + k];
    dvar[i] = d;
  }
  const Eg = new Float64Array(t.length);
  const Etr = new Float64Array(t.length);
  const w = new Float64Array(n);
  for (let it = 0; it < t.length; it++) {
    const tt = t[it];
    w.fill(0);
    let cov = 0;
    let covTr = 0;
    for (let i = 0; i < n; i++) {
      const kap = mus[i] + p.gamma;
      const g = kap > 0 ? (tt === Infinity ? 1 / kap : (1 - Math.exp(-kap * tt)) / kap) : tt;
      const c =
        kap > 0
          ? tt === Infinity
            ? p.T / kap
            : (p.T * (1 - Math.exp(-2 * kap * tt))) / kap + p.sigma02 * Math.exp(-2 * kap * tt)
          : p.T === 0
            ? p.sigma02
            : 2 * p.T * tt + p.sigma02;
      const x = bcoef[i] === 0 ? 0 : bcoef[i] * g;
      for (let k = 0; k < n; k++) w[k] += x * U[i * n + k];
      if (dvar[i] !== 0) cov += c * dvar[i];
      if (mus[i] !== 0) covTr += c * mus[i];
    }
    // Mean test error wᵀΣw − 2 wᵀcross + S_w; mean train error |y − F w|²/P.
    let quad = 0;
    let lin = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += Sigma[i * n + k] * w[k];
      quad += w[i] * s;
      lin += w[i] * cross[i];
    }
    let res = 0;
    for (let mu = 0; mu < P; mu++) {
      let f = 0;
      for (let i = 0; i < n; i++) f += F[mu * n + i] * w[i];
      res += (y[mu] - f) ** 2;
    }
    Eg[it] = quad - 2 * lin + Sw + cov;
    Etr[it] = res / P + covTr;
  }
  return { Eg, Etr };
}
