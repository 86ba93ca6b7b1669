// What a claim's checker may ask of the engine, by an independent path: fresh engines and
// evaluators, brute-force minima, two-point slopes (claims/verify.ts implements it; only the
// audit imports that, so the checkers cost the app nothing). Every method takes the parameters
// the claim was made for.
import type { Params } from '../model/params.ts';
import type { LimitResult, SweepAt } from '../model/types.ts';

export interface OrderAt {
  kappa: number;
  df: number;
  R: number;
  amplification: number;
}

export interface Oracle {
  /** The engine's effective parameters (measured data: the fitted α, β and the rank M). */
  effective(p: Params): Params;
  /** E_g(t) without the noise floor (t = ∞: E_g(∞), Infinity when it diverges). */
  Eg(p: Params, t: number): number;
  /** E_tr(t) with the noise floor. */
  Etr(p: Params, t: number): number;
  /** The parts of E_g(t): signal, label noise, temperature, init. */
  parts(p: Params, t: number): { signal: number; noise: number; temperature: number; init: number };
  limit(p: Params): LimitResult;
  /** The smallest E_g over t ∈ [10⁻³, 10¹²] by brute force (20 points a decade, golden section). */
  minimum(p: Params): { t: number; E: number };
  /** The engine's absolute resolution of E_g at t (differences below it are not results). */
  resolution(p: Params, t: number): number;
  /** E_g as a scaling panel evaluates it: at t*, at the fixed time tAt, or at t → ∞. */
  sweepError(p: Params, at: SweepAt, tAt: number): number;
  /** The order parameters at the timescale τ (τ = ∞: at λ = γ). */
  order(p: Params, tau: number): OrderAt;
  /** Mode k's mean learned fraction ℓ_k(t) (t = ∞: its limit) and its eigenvalue. */
  mode(p: Params, k: number, t: number): { lambda: number; ell: number };
  /** A displayed law formula ("−min(β−1, 2α)") evaluated at α, β. */
  formula(text: string, alpha: number, beta: number): number;
}
