// Which asymptotic law predicts each exponent in the current state (docs/theory.md §6, §8). One
// function per row of the exponent table takes the whole state (regime, σ², γ, T, P, N, M and
// where the scaling panels evaluate E_g) and returns the law it used with its value, or the
// reason no law applies. The words for each law and reason live in src/claims/ (laws.ts there),
// the numbers and the choice here: the table, the captions and the lessons read the same verdict.
import { effectiveParams, type Params } from '../params.ts';
import { hasDynamics } from '../regimes.ts';

/** "a ≫ b" is read as a ≥ MUCH·b, "a ≪ b" as a·MUCH ≤ b. */
export const MUCH = 10;
/** The time law starts once the top mode is learned (λ_1 = 1): t ≳ T_LAW_START. */
export const T_LAW_START = 10;

export type LawId =
  /** E_g ~ t^{−(β−1)/α}: training time is the bottleneck. */
  | 'time'
  /** E_g(∞) ~ P^{−min(β−1, 2α)}: ridgeless regression limited by data. */
  | 'data'
  /** E* ~ (σ²/P)^{(β−1)/β}: early-stopped gradient flow with label noise. */
  | 'early-stop'
  /** E_g(∞) ~ N^{−min(β−1, α)}: limited by the number of features. */
  | 'model'
  /** L*(C) ~ C^{−(β−1)m/(β−1+αm)}, m = min(β−1, α): the compute-optimal frontier, C = N·t. */
  | 'compute'
  /** Slope 0: the swept resource is not the bottleneck (another one is). */
  | 'flat-time'
  | 'flat-model'
  | 'flat-data'
  | 'flat-ridge';

export type LawGap =
  /** Bayes: the posterior has no training time. */
  | 'no-time'
  /** No decade of t between the top mode's transient and the data/model/ridge limits. */
  | 'no-room'
  /** The swept size is comparable to the number of modes M. */
  | 'modes'
  /** N = ∞: there is no model size to sweep. */
  | 'kernel'
  /** N ≈ P (within a factor 2), no weight decay: the interpolation peak. */
  | 'interpolation'
  /** Between two laws: the swept size is within a factor MUCH of the other bottleneck. */
  | 'crossover'
  /** Ridgeless with label noise at t → ∞: E_g(∞) tends to a σ²-dependent constant. */
  | 'noise-ridgeless'
  /** Label-noise variance σ²N/(P−N) is not small against the model error. */
  | 'noise-model'
  /** Temperature T > 0: the posterior variance does not follow the law. */
  | 'temperature'
  /** Weight decay acts before t* (γ·t* ≥ 1/MUCH): the early-stopping law assumes γ = 0. */
  | 'ridge-before-stop'
  /**
   * A sweep's fit window holds no size law: at its top another (flat) law or a transition holds
   * (the verdict there is `atFitTop`), so the fitted slope is set against no law.
   */
  | 'fit-window';

export type ExponentRowId = 't' | 'P' | 'N';
/** The exponent table's rows and the compute-optimal frontier's slope in C. */
export type LawRowId = ExponentRowId | 'C';

export interface LawVerdict {
  row: LawRowId;
  /** The law used, or null when none applies (then `gap` says why). */
  law: LawId | null;
  gap: LawGap | null;
  /** The predicted slope (NaN when no law applies). */
  value: number;
  /** Numbers the condition is stated with (e.g. N/P, the t range of the time law). */
  facts: LawFacts;
}

export interface LawFacts {
  /** N/P (NaN when N = ∞). */
  NoverP: number;
  /** t range in which the time law can hold: [T_LAW_START, tHi]. */
  tHi: number;
  /** The fixed time of the panels and the modes learned by it, k*(t) ≈ t^{1/α}. */
  tAt: number;
  kAt: number;
  /** γ^{−1/α}: the size beyond which weight decay, not the size, sets the error. */
  sizeRidge: number;
  /** Early-stopping time of the current state (Infinity when stopping does not pay). */
  tStar: number;
  /**
   * A size law judged over a sweep's fit window (sweep.ts sweepLaw): the window's top, where the
   * condition is tightest; NoverP is then the ratio there. Absent: judged at the current state.
   */
  fitTop?: number;
  /** Gap 'fit-window': the verdict at the fit window's top, which says why no size law holds. */
  atFitTop?: LawVerdict;
}

/** Where along training the sweeps are evaluated: at t*, at a fixed time, or t → ∞. */
export type SweepAt = 'tstar' | 't' | 'inf';

/** The scaling panels' setting, part of the state (it does not depend on panel visibility). */
export interface SweepSetting {
  at: SweepAt;
  /** The fixed time used when at = 't'. */
  tAt: number;
}

export function exponentLaws(
  params: Params,
  setting: SweepSetting,
  tStar: number,
): Record<ExponentRowId, LawVerdict> {
  const p = effectiveParams(params);
  const facts = lawFacts(p, setting, tStar);
  return { t: timeLaw(p, facts), P: dataLaw(p, setting, facts), N: modelLaw(p, setting, facts) };
}

export function lawFacts(p: Params, setting: SweepSetting, tStar: number): LawFacts {
  const nEff = Math.min(p.P, p.N, p.M);
  let tHi = Math.pow(nEff / MUCH, p.alpha);
  if (p.gamma > 0) tHi = Math.min(tHi, 1 / (MUCH * p.gamma));
  if (Number.isFinite(tStar)) tHi = Math.min(tHi, tStar / 3);
  return {
    NoverP: Number.isFinite(p.N) ? p.N / p.P : NaN,
    tHi,
    tAt: setting.tAt,
    kAt: Math.pow(setting.tAt, 1 / p.alpha),
    sizeRidge: p.gamma > 0 ? Math.pow(p.gamma, -1 / p.alpha) : Infinity,
    tStar,
  };
}

/**
 * Which term of a law's exponent holds (docs/theory.md §6): each law is the shallowest of its
 * terms, −min(β−1, 2α) = max(−(β−1), −2α). 'target': set by the smoothness of the target (β−1);
 * 'spectrum': saturated by the decay of the spectrum (α); 'flat': no dependence. The phase
 * diagram colours (α, β) by the term that holds, so its regions are these functions' switches.
 */
export type LawBranch = 'target' | 'spectrum' | 'flat';

/** The exponents a law depends on. */
export type LawExponents = Pick<Params, 'alpha' | 'beta'>;
type Term = (p: LawExponents) => number;

const TERMS: Record<LawId, Partial<Record<LawBranch, Term>>> = {
  time: { target: (p) => -(p.beta - 1) / p.alpha },
  data: { target: (p) => -(p.beta - 1), spectrum: (p) => -2 * p.alpha },
  'early-stop': { target: (p) => -(p.beta - 1) / p.beta },
  model: { target: (p) => -(p.beta - 1), spectrum: (p) => -p.alpha },
  // L* ~ C^{−(β−1)m/(β−1+αm)} falls with m = min(β−1, α), so it too is the shallower of its terms.
  compute: {
    target: (p) => -(p.beta - 1) / (1 + p.alpha),
    spectrum: (p) => -((p.beta - 1) * p.alpha) / (p.beta - 1 + p.alpha * p.alpha),
  },
  'flat-time': { flat: () => 0 },
  'flat-model': { flat: () => 0 },
  'flat-data': { flat: () => 0 },
  'flat-ridge': { flat: () => 0 },
};

/** The term of a law that holds at (α, β) and its value (ties go to the first, 'target'). */
export function lawTerm(law: LawId, p: LawExponents): { branch: LawBranch; value: number } {
  let best: { branch: LawBranch; value: number } | null = null;
  for (const [branch, f] of Object.entries(TERMS[law]) as [LawBranch, Term][]) {
    const value = f(p);
    if (!best || value > best.value) best = { branch, value };
  }
  return best!;
}

/** The branches a law has (one for the laws without a min). */
export function lawBranches(law: LawId): LawBranch[] {
  return Object.keys(TERMS[law]) as LawBranch[];
}

/** The value of a law at the given exponents (the claims layer prints its formula). */
export function lawValue(law: LawId, p: LawExponents): number {
  return lawTerm(law, p).value;
}

function verdict(row: LawRowId, p: Params, facts: LawFacts, law: LawId): LawVerdict {
  return { row, law, gap: null, value: lawValue(law, p), facts };
}

function gap(row: LawRowId, facts: LawFacts, g: LawGap): LawVerdict {
  return { row, law: null, gap: g, value: NaN, facts };
}

/** E_g against t. */
function timeLaw(p: Params, facts: LawFacts): LawVerdict {
  if (!hasDynamics(p.regime)) return gap('t', facts, 'no-time');
  if (facts.tHi < MUCH * T_LAW_START) return gap('t', facts, 'no-room');
  return verdict('t', p, facts, 'time');
}

/**
 * The slope of the compute-optimal frontier L*(C) (frontier.ts): always the compute law, whose
 * condition (data unlimited, and only asymptotically where β−1 > α) the claims layer states.
 */
export function computeLaw(params: Params, setting: SweepSetting): LawVerdict {
  const p = effectiveParams(params);
  return verdict('C', p, lawFacts(p, setting, Infinity), 'compute');
}

/** Ratio r = a/b read as ≫ (1), ≪ (−1) or comparable (0). */
function compare(a: number, b: number): -1 | 0 | 1 {
  if (a >= MUCH * b) return 1;
  if (a * MUCH <= b) return -1;
  return 0;
}

function nearInterpolation(p: Params): boolean {
  return p.gamma === 0 && Number.isFinite(p.N) && p.N <= 2 * p.P && p.P <= 2 * p.N;
}

/** E_g against P, where the scaling panels evaluate it. */
function dataLaw(p: Params, s: SweepSetting, facts: LawFacts): LawVerdict {
  if (Number.isFinite(p.M) && p.P * MUCH > p.M) return gap('P', facts, 'modes');
  if (Number.isFinite(p.N)) {
    const c = compare(p.P, p.N);
    if (c === 1) return verdict('P', p, facts, 'flat-model');
    if (c === 0) return gap('P', facts, nearInterpolation(p) ? 'interpolation' : 'crossover');
  }
  const at: SweepAt = !hasDynamics(p.regime) ? 'inf' : s.at;
  if (at === 't') {
    const c = compare(p.P, facts.kAt);
    if (c === 1) return verdict('P', p, facts, 'flat-time');
    if (c === 0) return gap('P', facts, 'crossover');
    // P ≪ k*(t): the modes P can resolve are learned by t, as at t → ∞.
  }
  if (at === 'tstar' && p.sigma2 > 0) {
    if (p.T > 0) return gap('P', facts, 'temperature');
    if (p.gamma > 0 && !(p.gamma * facts.tStar * MUCH <= 1))
      return gap('P', facts, 'ridge-before-stop');
    return verdict('P', p, facts, 'early-stop');
  }
  if (p.T > 0) return gap('P', facts, 'temperature');
  if (p.gamma > 0) {
    const c = compare(p.P, facts.sizeRidge);
    if (c === 1) return verdict('P', p, facts, 'flat-ridge');
    if (c === 0) return gap('P', facts, 'crossover');
  }
  if (p.sigma2 > 0) return gap('P', facts, 'noise-ridgeless');
  return verdict('P', p, facts, 'data');
}

/** E_g against N, where the scaling panels evaluate it. */
function modelLaw(p: Params, s: SweepSetting, facts: LawFacts): LawVerdict {
  if (!Number.isFinite(p.N)) return gap('N', facts, 'kernel');
  if (Number.isFinite(p.M) && p.N * MUCH > p.M) return gap('N', facts, 'modes');
  const c = compare(p.N, p.P);
  if (c === 1) return verdict('N', p, facts, 'flat-data');
  if (c === 0) return gap('N', facts, nearInterpolation(p) ? 'interpolation' : 'crossover');
  const at: SweepAt = !hasDynamics(p.regime) ? 'inf' : s.at;
  if (at === 't') {
    const ct = compare(p.N, facts.kAt);
    if (ct === 1) return verdict('N', p, facts, 'flat-time');
    if (ct === 0) return gap('N', facts, 'crossover');
  }
  if (p.T > 0) return gap('N', facts, 'temperature');
  if (p.gamma > 0) {
    const cr = compare(p.N, facts.sizeRidge);
    if (cr === 1) return verdict('N', p, facts, 'flat-ridge');
    if (cr === 0) return gap('N', facts, 'crossover');
  }
  // Label noise adds a variance ≈ σ²·N/(P − N) that grows with N; the model law needs it small
  // against the model error ≈ N^{−min(β−1, α)}.
  const m = -lawValue('model', p);
  if (p.sigma2 > 0 && ((p.sigma2 * p.N) / (p.P - p.N)) * MUCH > Math.pow(p.N, -m))
    return gap('N', facts, 'noise-model');
  return verdict('N', p, facts, 'model');
}
