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
  /** One-pass SGD's facts (the regime's own engine, by paths of its own). */
  sgd: SgdOracle;
}

/**
 * One-pass SGD by paths of its own (docs/theory.md §9): the step-by-step recursion where it is
 * affordable instead of the block propagation, a fresh run at the asked step alone beyond it (its
 * blocks are not the curve's), a bisection of ‖K‖ for the edge. Every method takes the state's
 * parameters (its schedule, η, B, horizon).
 */
export interface SgdOracle {
  /** E_g after s steps of the state's schedule (Infinity once it has overflowed). */
  Eg(p: Params, s: number): number;
  /** E_g after s steps with the schedule ending there (constant: the same run), as the sweeps run. */
  after(p: Params, s: number): number;
  /**
   * The constant-η stability edge η_max for the state's B, by bisection of ‖K‖(η) = 1, with the
   * top mode's own edge 2B/((B + 1)λ_max) and the noise estimate 2B/S_λ.
   */
  edge(p: Params): { etaMax: number; etaMode: number; etaNoise: number };
  /** E_g(∞) at a constant rate η: a run of 10⁷ steps, or the formula when it has not settled. */
  floor(p: Params, eta: number): { floor: number; settled: boolean; far: number };
  /** The η → 0 limit (gradient flow at P = ∞, the same N) at intrinsic time t. */
  flow(p: Params, t: number): number;
  /** The intrinsic time Σ_{q<s} η_q at step s. */
  intrinsic(p: Params, s: number): number;
}
