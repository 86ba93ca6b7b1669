// The figure caption, generated from state so it cannot drift from the figure: every sentence
// comes from the same objects as the markers, the exponent table and the lessons (src/claims/).
// Every number comes from the parameters or from the engine's result; nothing is hard-coded.
import type { CurveResult } from '../model/types.ts';
import type { Params } from '../model/params.ts';
import { formatNumber, formatParam, formatSlope } from '../format/number.ts';
import { outcomeSentence } from '../claims/earlyStop.ts';
import { fitWindowText } from '../claims/fit.ts';
import { LAW_FORMULA, LAW_NAME, lawCondition } from '../claims/laws.ts';
import { exponentLaws, type SweepSetting } from '../model/theory/laws.ts';

/** What the learning-curve panel shows in the Bayes regime. */
export const BAYES_CURVE =
  'The posterior has no training time: the curve is the Langevin training at the same T and γ, whose t → ∞ limit samples this posterior.';

/** The regime in words, with the parameters that define it. */
export function regimePhrase(p: Params): string {
  const g = `γ = ${formatParam(p.gamma)}`;
  const T = `T = ${formatParam(p.T)}`;
  switch (p.regime) {
    case 'gf':
      return 'under gradient flow';
    case 'wd':
      return `under gradient flow with weight decay ${g}`;
    case 'langevin':
      return p.gamma > 0
        ? `under Langevin dynamics at temperature ${T} with weight decay ${g}`
        : `under Langevin dynamics at temperature ${T} without weight decay`;
    case 'bayes':
      return `of Langevin dynamics sampling the Bayesian posterior (${T}, ${g})`;
  }
}

/** "α = 1.5, β = 2, P = 400, N = ∞, σ² = 0.1" (+ M when finite, + σ₀² when non-zero). */
export function paramsPhrase(p: Params): string {
  const parts = [
    `α = ${formatParam(p.alpha)}`,
    `β = ${formatParam(p.beta)}`,
    `P = ${formatParam(p.P)}`,
    `N = ${formatParam(p.N)}`,
  ];
  if (Number.isFinite(p.M)) parts.push(`M = ${formatParam(p.M)}`);
  parts.push(`σ² = ${formatParam(p.sigma2)}`);
  if (p.sigma02 > 0 && p.regime !== 'bayes') parts.push(`σ₀² = ${formatParam(p.sigma02)}`);
  return parts.join(', ');
}

function showsPosterior(p: Params): boolean {
  return p.T > 0 && (p.regime === 'langevin' || p.regime === 'bayes');
}

export interface CaptionOptions {
  /** E_tr is drawn (default): the caption names it only then. */
  showEtr?: boolean;
  /**
   * Include the fitted slope in t and its law (default). The projector's caption leaves it out to
   * keep the figure, caption and lesson on one screen; the exponent panel states it there.
   */
  slope?: boolean;
}

/**
 * The caption of the learning-curve figure for the given state. `curve` may be null (nothing
 * computed yet); `params` are the parameters the figure is about; `showEtr`: whether E_tr is drawn.
 */
export function captionFor(
  curve: CurveResult | null,
  params: Params,
  setting: SweepSetting = { at: 'tstar', tAt: 100 },
  { showEtr = true, slope = true }: CaptionOptions = {},
): string {
  // E_tr is named only while it is drawn.
  const subject = showEtr
    ? 'Test error E_g (no noise floor) and training error E_tr'
    : 'Test error E_g (no noise floor)';
  const head = `${subject} ${regimePhrase(params)} for ${paramsPhrase(params)}.`;
  if (!curve) return `${head} No result computed yet.`;
  const sentences = [head];
  if (params.regime === 'bayes') sentences.push(BAYES_CURVE);
  sentences.push(outcomeSentence(curve));
  if (
    showsPosterior(params) &&
    Number.isFinite(curve.limit.Egibbs) &&
    Number.isFinite(curve.limit.Emean)
  ) {
    sentences.push(
      `At t → ∞ the weights sample the Bayesian posterior: Gibbs error ${formatNumber(curve.limit.Egibbs, 3)}, ` +
        `posterior-mean error ${formatNumber(curve.limit.Emean, 3)}.`,
    );
  }
  const fit = curve.fitT.fit;
  if (fit && slope) {
    const law = exponentLaws(curve.params, setting, curve.earlyStop.t).t;
    const pred = law.law
      ? `the ${LAW_NAME[law.law]} law predicts ${LAW_FORMULA[law.law]} = ${formatSlope(law.value, 3)}, which ${lawCondition(law, curve.params)}`
      : `no law applies: ${lawCondition(law, curve.params)}`;
    sentences.push(
      `Where the slope is stable (${fitWindowText(fit, 't')}) E_g falls as t^${formatSlope(fit.slope, 3)}; ${pred}.`,
    );
  }
  return sentences.join(' ');
}
