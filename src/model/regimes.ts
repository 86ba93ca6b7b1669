// The learning regimes as a table (docs/theory.md §0, §4): one record per regime, stating the
// physics that differs between them. Everything regime-dependent is read from here: which
// parameters act (params.ts derives each parameter's `regimes` list from the records), what the
// engine neutralises (effectiveParams), whether there is a training time, whether the t → ∞ state
// is a posterior, and the words. A new regime is one more record here plus its engine
// (docs/architecture.md "How to add a regime").

/** What a regime has; a parameter that needs a feature acts exactly in the regimes that have it. */
export interface RegimeFeatures {
  /**
   * The time axis of its training dynamics, or null when it has none (the Bayesian posterior is
   * the t → ∞ law). 'time': continuous training time t in units of the learning rate (gradient
   * flow, §0). A discrete-step regime would say 'steps'.
   */
  time: 'time' | 'steps' | null;
  /** The weight decay γ acts (ridge (γ/2)|w|²; in the Bayesian view the prior variance T/γ). */
  weightDecay: boolean;
  /** The temperature T acts (Langevin noise √(2T) dB; the posterior's noise variance P·T). */
  temperature: boolean;
  /** A fixed training set of P samples (the dataset size P acts). */
  dataset: boolean;
}

export interface RegimeRecord extends RegimeFeatures {
  id: string;
  /** Its name in full ("Gradient flow + weight decay"). */
  label: string;
  /** Its name in compact places: the segmented control, the disabled-control notes. */
  short: string;
  /** Its name as the subject of a sentence ("the Bayesian posterior needs …"). */
  noun: string;
  /** One paragraph under the regime buttons: what it is, and which controls do not act (and why). */
  description: string;
  /**
   * The caption's phrase for the regime; {γ} and {T} stand for "γ = …" and "T = …".
   * `phraseNoDecay` replaces it when γ = 0 in a regime where γ acts.
   */
  phrase: string;
  phraseNoDecay?: string;
  /**
   * Without a time axis: what the learning-curve panel draws instead (a sentence of the caption).
   */
  curveNote?: string;
  /** Parameters that act in this regime only (its own controls); none for the four of §0. */
  own: readonly string[];
  /**
   * A parameter that must be positive in this regime, its symbol and why: validation rejects 0,
   * and a link with 0 gets the parameter's default, with a note.
   */
  positive?: { key: string; symbol: string; why: string };
}

const RECORDS = [
  {
    id: 'gf',
    label: 'Gradient flow',
    short: 'GF',
    noun: 'gradient flow',
    description:
      'Gradient flow: the weights follow −∇L from w(0) ~ N(0, σ₀²I) until they interpolate the data. ' +
      'No weight decay and no temperature: γ and T are not used.',
    phrase: 'under gradient flow',
    time: 'time',
    weightDecay: false,
    temperature: false,
    dataset: true,
    own: [],
  },
  {
    id: 'wd',
    label: 'Gradient flow + weight decay',
    short: 'GF + decay',
    noun: 'gradient flow with weight decay',
    description:
      'Gradient flow with weight decay γ: the weights converge to ridge regression with ridge γ, so E_g(∞) is the ridge error. ' +
      'No temperature: T is not used.',
    phrase: 'under gradient flow with weight decay {γ}',
    time: 'time',
    weightDecay: true,
    temperature: false,
    dataset: true,
    own: [],
  },
  {
    id: 'langevin',
    label: 'Langevin dynamics',
    short: 'Langevin',
    noun: 'Langevin training',
    description:
      'Langevin training: gradient flow plus noise √(2T) dB. With γ > 0 it converges to samples of the Bayesian posterior ' +
      '(prior variance T/γ, noise variance P·T), so E_g(∞) is the Gibbs error; with γ = 0 the noise diffuses where the data do not constrain the weights and E_g grows without bound.',
    phrase: 'under Langevin dynamics at temperature {T} with weight decay {γ}',
    phraseNoDecay: 'under Langevin dynamics at temperature {T} without weight decay',
    time: 'time',
    weightDecay: true,
    temperature: true,
    dataset: true,
    own: [],
  },
  {
    id: 'bayes',
    label: 'Bayesian posterior (t → ∞)',
    short: 'Bayes',
    noun: 'the Bayesian posterior',
    description:
      'The Bayesian posterior of a Gaussian process with prior variance T/γ and noise variance P·T: the t → ∞ law of Langevin training. ' +
      'There is no training time, so t_{min}, t_{max}, the number of time points and σ₀² are not used; the learning-curve panel shows the Langevin training that reaches this posterior, with the posterior-mean and Gibbs errors marked.',
    phrase: 'of Langevin dynamics sampling the Bayesian posterior ({T}, {γ})',
    curveNote:
      'The posterior has no training time: the curve is the Langevin training at the same T and γ, whose t → ∞ limit samples this posterior.',
    time: null,
    weightDecay: true,
    temperature: true,
    dataset: true,
    own: [],
    // Its prior variance is T/γ: at γ = 0 there is no proper posterior (Langevin diverges, §4).
    positive: { key: 'gamma', symbol: 'γ', why: 'prior variance T/γ' },
  },
] as const satisfies readonly RegimeRecord[];

export type Regime = (typeof RECORDS)[number]['id'];

/** The regimes in the order of the controls (also the order in which the CLI infers one). */
export const REGIMES: readonly Regime[] = RECORDS.map((r) => r.id);

export const REGIME: Readonly<Record<Regime, RegimeRecord>> = Object.fromEntries(
  RECORDS.map((r): [Regime, RegimeRecord] => [r.id, r]),
) as Record<Regime, RegimeRecord>;

export const REGIME_LABELS: Readonly<Record<Regime, string>> = Object.fromEntries(
  RECORDS.map((r) => [r.id, r.label]),
) as Record<Regime, string>;

/** The features a parameter can need; see RegimeFeatures. */
export type RegimeFeature = 'dynamics' | 'weightDecay' | 'temperature' | 'dataset';

function hasFeature(r: RegimeRecord, f: RegimeFeature): boolean {
  return f === 'dynamics' ? r.time !== null : r[f];
}

/** The regimes that have a feature: where a parameter needing it acts (params.ts). */
export function regimesWith(f: RegimeFeature): readonly Regime[] {
  return REGIMES.filter((r) => hasFeature(REGIME[r], f));
}

/** The regimes that declare `key` as their own parameter. */
export function regimesOwning(key: string): readonly Regime[] {
  return REGIMES.filter((r) => REGIME[r].own.includes(key));
}

/** The regime has training dynamics (a time axis): false for the Bayesian posterior. */
export function hasDynamics(r: Regime): boolean {
  return REGIME[r].time !== null;
}

/**
 * The t → ∞ state is a posterior with spread: the Gibbs law ∝ exp(−L(w)/T) of §4, which exists
 * only at T > 0 (in a regime where T acts). At T = 0 it collapses onto its mean, the ridge
 * predictor, and there is no Gibbs error or posterior variance to show: every place that draws
 * or names the posterior (reference lines, caption, formulas, the t → ∞ split, lessons) asks this.
 */
export function showsPosterior(p: { regime: Regime; T: number }): boolean {
  return REGIME[p.regime].temperature && p.T > 0;
}

/**
 * The regime with weight decay switched on, all else equal (gradient flow → with weight decay),
 * or null when no regime adds it: the diagnosis's "more weight decay" counterfactual.
 */
export function withWeightDecay(r: Regime): Regime | null {
  const a = REGIME[r];
  if (a.weightDecay) return r;
  const same = (b: RegimeRecord) =>
    b.weightDecay &&
    b.time === a.time &&
    b.temperature === a.temperature &&
    b.dataset === a.dataset &&
    b.own.join() === a.own.join();
  return REGIMES.find((x) => same(REGIME[x])) ?? null;
}
