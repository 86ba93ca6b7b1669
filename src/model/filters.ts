// The gradient-flow filter functions: how one eigendirection of the training kernel evolves under
// the dynamics of docs/theory.md §0, dw = −∇L dt + √(2T) dB from w(0) ~ N(0, σ₀² I). Along a
// direction of eigenvalue μ ≥ 0 with weight decay γ, κ = μ + γ, the dynamics is linear and
//   g(t) = (1 − e^{−κt})/κ                     the mean weight per unit of the label component
//                                              (→ t at κ = 0; 1/κ at t = ∞: ridge, §4),
//   h(t) = 1 − μ g(t) = (γ + μ e^{−κt})/κ      the fraction of the label component left in the
//                                              residual (→ 1 at κ = 0; γ/κ at t = ∞),
//   c(t) = T (1 − e^{−2κt})/κ + σ₀² e^{−2κt}   the weight variance along the direction
//                                              (→ 2Tt + σ₀² at κ = 0; T/κ at t = ∞: the
//                                              posterior covariance T(K̂ + γ)⁻¹ of §4).
// The free learned fraction of one mode (§3 "Per-mode learning") is μ g(t). One module for the
// theory (theory/modes.ts), the simulator (simulation/evaluate.ts) and the real runs
// (real/realRun.ts). Every function is continuous in κ → 0 and exact at t = ∞; expm1 keeps full
// relative accuracy when κt is tiny, and h is written without the 1 − (1 − x) cancellation.

/** g(t) = (1 − e^{−κt})/κ; t at κ = 0, 1/κ at t = ∞ (∞ when κ = 0 and t = ∞). */
export function meanFilter(kappa: number, t: number): number {
  if (kappa > 0) return t === Infinity ? 1 / kappa : -Math.expm1(-kappa * t) / kappa;
  return t;
}

/** h(t) = (γ + μ e^{−κt})/κ with κ = μ + γ: 1 when κ = 0 (nothing is fitted along it). */
export function residualFilter(mu: number, gamma: number, t: number): number {
  const kappa = mu + gamma;
  if (!(kappa > 0)) return 1;
  const decay = t === Infinity ? 0 : Math.exp(-kappa * t);
  return (gamma + mu * decay) / kappa;
}

/** The Langevin part of c: T(1 − e^{−2κt})/κ; 2Tt at κ = 0, T/κ at t = ∞, ∞ at κ = 0, t = ∞. */
export function temperatureVariance(kappa: number, t: number, T: number): number {
  if (T === 0) return 0;
  if (kappa > 0) return t === Infinity ? T / kappa : (T * -Math.expm1(-2 * kappa * t)) / kappa;
  return t === Infinity ? Infinity : 2 * T * t;
}

/** The initialisation part of c: σ₀² e^{−2κt}; σ₀² forever when κ = 0 (the direction never moves). */
export function initVariance(kappa: number, t: number, sigma02: number): number {
  if (sigma02 === 0) return 0;
  if (kappa > 0) return t === Infinity ? 0 : sigma02 * Math.exp(-2 * kappa * t);
  return sigma02;
}

/** The sources of weight fluctuations: the temperature and the initial variance. */
export interface Fluctuations {
  T: number;
  sigma02: number;
}

/** c(t) = temperatureVariance + initVariance: the weight variance along the direction. */
export function weightVariance(kappa: number, t: number, f: Fluctuations): number {
  return temperatureVariance(kappa, t, f.T) + initVariance(kappa, t, f.sigma02);
}
