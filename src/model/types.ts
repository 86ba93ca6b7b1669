// Result types of the engine. Plain data with Float64Arrays, so the workers can transfer them.
// The fit and the law verdicts are declared with their engines (theory/fit.ts, theory/laws.ts),
// which import nothing from here: the types flow one way.
import type { Params } from './params.ts';
import type { FitFailure, PowerFit } from './theory/fit.ts';
import type { LawVerdict, SweepAt } from './theory/laws.ts';
import type { DataSource } from './data/sources.ts';

export type { PowerFit, SweepAt };

/** What bounds the error, as found by the engine's counterfactuals (theory/diagnosis.ts). */
export type DiagnosisKind =
  | 'time'
  | 'data'
  | 'model'
  | 'noise'
  | 'interpolation'
  | 'temperature'
  | 'posterior'
  | 'none'
  /** E_g at the operating point is below the engine's resolution: no change can be read there. */
  | 'resolution';

/** E_g at the operating point before and after changing one resource. */
export interface Effect {
  what:
    'longer' | 'earlier' | 'data' | 'model' | 'smaller-model' | 'noise' | 'temperature' | 'ridge';
  before: number;
  after: number;
  /** The changed parameter's new value ('longer': the time at which `after` is reached, ∞: t → ∞). */
  value: number;
  /** after < before·(1 − 2 %) − (floor.before + floor.after). */
  helps: boolean;
  /**
   * The engine's floor of `before` and of `after` (docs/theory.md §5.6): a value below its floor is
   * not a result, and a change smaller than their sum is not claimed.
   */
  floor: { before: number; after: number };
}

export interface Diagnosis {
  kind: DiagnosisKind;
  /** The operating point: t* when early stopping pays in the window, else t_max (Bayes: ∞). */
  tOp: number;
  Eop: number;
  /** The engine's floor of E_g at the operating point (kind 'resolution': Eop is below it). */
  floor: number;
  effects: Effect[];
  /** At the interpolation peak (E_g(∞) = ∞): E_g(∞) with N moved away from P, or weight decay. */
  atInfinity: Effect[];
}

export interface PredictedExponents {
  /** E_g ~ t^{-(β−1)/α} (time bottleneck, docs/theory.md §6). Negative numbers: slopes. */
  t: number;
  /** E_g(∞) ~ P^{-min(β−1, 2α)} (data bottleneck, N = ∞, σ² = 0). */
  P: number;
  /** E_g(∞) ~ N^{-min(β−1, α)} (model bottleneck, P = ∞). */
  N: number;
  /** Early stopping with noise: E* ~ (σ²/P)^{(β−1)/β}; slope in P. */
  earlyStopP: number;
  /** Compute-optimal loss L* ~ C^{-(β−1) m_N/(β−1+α m_N)}, m_N = min(β−1, α). */
  compute: number;
  /** N* ~ C^{(β−1)/(β−1+α m_N)}. */
  computeN: number;
}

/** Why a fitted exponent is missing ("—" in the table). */
export type FitGap = FitFailure | 'rises-after-min' | 'no-time';

/** A fitted exponent: the visible power law (theory/fit.ts stableFit), or why there is none. */
export interface FittedExponent {
  fit: PowerFit | null;
  gap: FitGap | null;
}

/** The additive parts of E_g (docs/theory.md §2–§4): signal + noise + temperature + init = E_g. */
export interface ErrorSplit<T> {
  /** What is left of the target: BR/(1 − Γ) of the mean predictor (ridge bias at t → ∞). */
  signal: T;
  /** Label noise: σ²Γ/(1 − Γ) of the mean predictor (ridge variance at t → ∞), linear in σ². */
  noise: T;
  /** Langevin fluctuations (posterior variance at t → ∞). */
  temperature: T;
  /** Random initialisation σ0² (what the dynamics has not yet forgotten of w(0)). */
  init: T;
}

export type CurveParts = ErrorSplit<Float64Array>;

export interface LimitResult {
  /** κ at t → ∞ (λ = γ; κ_* when γ = 0). */
  kappa: number;
  /** E_g(∞) of the mean predictor (ridge / posterior mean), no noise floor. Infinity if divergent. */
  Emean: number;
  /** E_tr(∞) of the mean predictor (with floor). */
  EtrMean: number;
  /** Posterior variance per unit temperature: df/(1 − df/P) at κ(γ). */
  postVarPerT: number;
  /** Gibbs error E_pm + T·postVarPerT (Langevin at t → ∞). */
  Egibbs: number;
  /** E_g(∞) of the configured dynamics (GF with init included; Langevin: Gibbs; γ=0, T>0: ∞). */
  Eg: number;
  /** E_tr(∞) of the configured dynamics (with floor). */
  Etr: number;
  /** True when E_g(∞) is infinite (interpolation peak N = P with noise, or Langevin at γ = 0). */
  divergent: boolean;
  /** E_g(∞) split into its parts (a part is +∞ where it diverges). */
  parts: ErrorSplit<number>;
  /**
   * The engine's floor of E_g(∞) and of the posterior-mean error (docs/theory.md §5.8): a value
   * below it is 0 up to round-off (every mode learned), not a result; 0 when the limit diverges.
   */
  floor: number;
}

/** Where the minimum of E_g over all t lies: in the window, outside it, or nowhere (no gain). */
export type EarlyStopCase = 'inside' | 'beyond' | 'none';

export interface EarlyStop {
  case: EarlyStopCase;
  /** t* minimising E_g over t ∈ (0, ∞); Infinity when case = 'none' (the infimum is E_g(∞)). */
  t: number;
  /** E* = E_g(t*); E_g(∞) when case = 'none'. */
  Eg: number;
  /** E_g(∞)/E* (Infinity when E_g(∞) diverges); 1 when case = 'none'. */
  gain: number;
  /** case 'beyond': t* lies after t_max or before t_min. */
  side: 'after' | 'before' | null;
  /** E_g never rises over training (within round-off). */
  monotone: boolean;
  /**
   * The scan ended at its cap (t = 10¹²) before E_g had settled (dynamics.ts endedAtCap): its last
   * time, E_g and the engine's floor there, and whether E_g was still falling into it (by more than
   * that floor). With case 'none' no minimum was found up to t, and beyond t none was looked for:
   * the words say so instead of "no early-stopping gain". Null when the scan settled.
   */
  open: ScanEnd | null;
}

/** Where an unsettled scan stopped: the last scan time, E_g and its floor there. */
export interface ScanEnd {
  t: number;
  Eg: number;
  floor: number;
  falling: boolean;
}

/** The time window of the curve: chosen automatically from the dynamics, or typed by the user. */
export interface TimeWindow {
  tmin: number;
  tmax: number;
  auto: boolean;
}

/**
 * The engine's resolution along a curve (docs/theory.md §5.6): the inversion computes E_g(t) from
 * terms much larger than the result, so a value below the floor there is round-off, not a result.
 */
export interface CurveResolution {
  /** The absolute floor of E_g at each time of the curve (the bound on the inversion's error). */
  floor: Float64Array;
  /** The same for E_tr (NaN where E_tr is not computed). */
  floorTr: Float64Array;
  /** The largest floor over the curve as a fraction of E_g at its first time. */
  relative: number;
  /** 1 where E_g is below its floor: not a result (drawn as the end of the curve, not as data). */
  below: Uint8Array;
  /** 1 where E_tr is below its floor. */
  belowTr: Uint8Array;
  /**
   * Index of the first point from which on every E_g is below its floor: the curve ends there
   * with a mark "below the engine's resolution" (t.length when it never does).
   */
  end: number;
}

export interface CurveResult {
  params: Params;
  t: Float64Array;
  /** Test error without noise floor. */
  Eg: Float64Array;
  /** Training error with floor. */
  Etr: Float64Array;
  /** The window the curve spans (automatic or typed). */
  window: TimeWindow;
  earlyStop: EarlyStop;
  limit: LimitResult;
  /** The visible power law of E_g(t) in the window (falling branch only). */
  fitT: FittedExponent;
  diagnosis: Diagnosis;
  /** Where the engine stops resolving E_g and E_tr along this curve. */
  resolution: CurveResolution;
  /** Wall-clock milliseconds spent in the engine. */
  ms: number;
  /** The additive parts of E_g over t, when asked for (they sum to Eg). */
  parts?: CurveParts;
  /**
   * Measured data: the modes k over which α and β (in `params`) were fitted to the measured
   * spectrum; predictions made from them are indicative. Absent for the power law.
   */
  fittedOver?: { kmin: number; kmax: number };
}

export interface ModeResult {
  /** Mode indices k (log-spaced integers). */
  k: Float64Array;
  t: Float64Array;
  /** Learned fraction ℓ_k(t), row-major [k index][t index]. */
  frac: Float64Array;
  /** Learned fraction at t → ∞, λ_k/(λ_k + κ(γ)). */
  fracInf: Float64Array;
  /** Spectral-bias boundary k*(t) = κ(1/t + γ)^{-1/α} (measured spectra: #{k : λ_k ≥ κ}). */
  boundary: Float64Array;
  /** True when the boundary counts measured eigenvalues instead of the power law's κ^{−1/α}. */
  boundaryCounted?: boolean;
}

/** The order parameters on a real timescale τ = 1/s, at λ = 1/τ + γ (docs/theory.md §1–§2). */
export interface OrderResult {
  tau: Float64Array;
  /** Renormalised ridge κ. */
  kappa: Float64Array;
  /** Degrees of freedom df(κ) = Σ λ_k/(λ_k + κ). */
  df: Float64Array;
  /** Collective response (1 − df/N)(1 − df/P). */
  R: Float64Array;
  /** Diagonal Γ of the two-point kernel. */
  Gamma: Float64Array;
  /** Shared-noise amplification 1/(1 − Γ) (+∞ at the divergence). */
  amplification: Float64Array;
}

/** One mode k in detail (docs/theory.md §3 "Per-mode learning"). */
export interface ModeDetail {
  k: number;
  /** λ_k = k^{-α}. */
  lambda: number;
  /** Target power λ_k w̄_k² = k^{-β} (null on a measured spectrum: not stored per mode). */
  target: number | null;
  t: Float64Array;
  /** Mean learned fraction ℓ_k(t) under the mean field. */
  ell: Float64Array;
  /** Free dynamics (no collective response): λ_k/(λ_k+γ)·(1 − e^{−(λ_k+γ)t}). */
  free: Float64Array;
  /** ℓ_k(∞) = λ_k/(λ_k + κ(γ)). */
  ellInf: number;
  /** κ at t → ∞ (λ = γ). */
  kappaInf: number;
  /** λ_k > κ(γ): the mode is eventually learned (ℓ_k(∞) > ½). */
  everLearned: boolean;
  /** Time at which ℓ_k reaches ½ (Infinity if never, or not before 1e12). */
  learnedTime: number;
  /** The same for the free dynamics. */
  freeLearnedTime: number;
}

/** P and N: sweeps of one size; C: the compute-optimal frontier (x = C = N·t, E_g = L*). */
export type SweepAxis = 'P' | 'N' | 'C';
/** The axes computeSweep sweeps: one size parameter. */
export type SizeAxis = Exclude<SweepAxis, 'C'>;
export interface SweepResult {
  axis: SweepAxis;
  at: SweepAt;
  /** Fixed time used when at = 't'. */
  tFixed: number;
  x: Float64Array;
  Eg: Float64Array;
  /** The visible power law over the sweep (falling branch), or null with the reason in fitGap. */
  fit: PowerFit | null;
  fitGap: FitGap | null;
  /** The law that predicts this slope in this state (null for the compute frontier). */
  law: LawVerdict | null;
  /** Predicted slope: the law's value (NaN when no law applies). */
  predicted: number;
  /** The interpolation point (N = P) inside the sweep where E_g peaks, or null. */
  peak: number | null;
  /** Current value of the swept parameter. */
  current: number;
  /** E_g at the current value. */
  currentEg: number;
  /** Axis C only: the dataset size the frontier was computed at. */
  P?: number;
  /**
   * Axis P on a measured spectrum (a pool source's or a file): its M modes, where P ≥ M interpolates all of
   * them; the fit stops below M. Absent or null for the power law.
   */
  modesEdge?: ModesEdge | null;
}

/** The end of a measured spectrum on the P axis (docs/theory.md §6). */
export interface ModesEdge {
  /** The measured source (src/model/data/sources.ts): a pool source or a file. */
  source: DataSource;
  /** Modes with positive eigenvalue: the engine's M. */
  M: number;
  /** Entries of the spectrum (for a pool: its images, the points of its measure). */
  entries: number;
}

export interface SimResult {
  t: Float64Array;
  EgMean: Float64Array;
  EgSem: Float64Array;
  EtrMean: Float64Array;
  EtrSem: Float64Array;
  seeds: number;
  ms: number;
  /** When asked for: the parts of E_g per time (mean and s.e.m. over seeds; they sum to EgMean). */
  parts?: { mean: ErrorSplit<Float64Array>; sem: ErrorSplit<Float64Array> };
  /** When asked for: mean learned fraction of population modes k, row-major [k index][t]. */
  modes?: { k: Float64Array; mean: Float64Array; sem: Float64Array };
}
