// The figure caption, generated from state so it cannot drift from the figure: every sentence
// comes from the same objects as the markers, the exponent table and the lessons (src/claims/).
// Every number comes from the parameters or from the engine's result; nothing is hard-coded.
import type { CurveResult } from '../model/types.ts';
import { isActive, type Params } from '../model/params.ts';
import { REGIME, showsPosterior } from '../model/regimes.ts';
import { formatNumber, formatParam, formatSlope } from '../format/number.ts';
import { outcomeSentence } from '../claims/earlyStop.ts';
import { fitWindowText } from '../claims/fit.ts';
import { LAW_FORMULA, LAW_NAME, lawCondition } from '../claims/laws.ts';
import { exponentLaws, type SweepSetting } from '../model/theory/laws.ts';

/** The regime in words, with the parameters that define it (the record's phrase, regimes.ts). */
export function regimePhrase(p: Params): string {
  const r = REGIME[p.regime];
  const phrase = p.gamma > 0 ? r.phrase : (r.phraseNoDecay ?? r.phrase);
  return phrase
    .replace('{γ}', `γ = ${formatParam(p.gamma)}`)
    .replace('{T}', `T = ${formatParam(p.T)}`);
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
  if (p.sigma02 > 0 && isActive('sigma02', p.regime)) parts.push(`σ₀² = ${formatParam(p.sigma02)}`);
  return parts.join(', ');
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
  // A regime without a time axis says what the curve drawn is instead.
  const note = REGIME[params.regime].curveNote;
  if (note) sentences.push(note);
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
