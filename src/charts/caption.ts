// The figure caption, generated from state (so that captions cannot drift from the figure).
// Every number comes from the parameters or from the engine's result; nothing is hard-coded.
import type { CurveResult } from '../model/types.ts';
import type { Params } from '../model/params.ts';
import { formatNumber, formatParam, formatSlope } from '../format/number.ts';

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

/** What happens at long times: early stopping, divergence, or convergence to E_g(∞). */
function outcomeSentence(curve: CurveResult): string | null {
  const { earlyStop: es, limit, t, Eg } = curve;
  const n = t.length;
  const Einf = limit.divergent || limit.Eg === Infinity ? null : limit.Eg;
  if (es.interior && Number.isFinite(es.t) && Number.isFinite(es.Eg)) {
    const head = `Early stopping at t* ≈ ${formatNumber(es.t, 2)} gives E* = ${formatNumber(es.Eg, 3)}`;
    if (Einf === null) return `${head}, while E_g grows without bound as t → ∞.`;
    if (!Number.isFinite(Einf)) return `${head}.`;
    const gain = Number.isFinite(es.gain) && es.gain > 0 ? es.gain : Einf / es.Eg;
    return `${head}, ${formatNumber(gain, 2)}× below E_g(∞) = ${formatNumber(Einf, 3)}.`;
  }
  if (Einf === null) return 'E_g grows without bound as t → ∞ (E_g(∞) = ∞).';
  if (!Number.isFinite(Einf)) return null;
  const last = n > 0 ? Eg[n - 1] : NaN;
  if (Number.isFinite(last) && last > Einf * (1 + 1e-3) && es.t >= t[n - 1] * (1 - 1e-9)) {
    return (
      `E_g is still decreasing at t = ${formatNumber(t[n - 1], 2)} ` +
      `(E_g = ${formatNumber(last, 3)}) towards E_g(∞) = ${formatNumber(Einf, 3)}.`
    );
  }
  return `Early stopping does not pay here: E_g(∞) = ${formatNumber(Einf, 3)}.`;
}

/**
 * The caption of the learning-curve figure for the given state. `curve` may be null (nothing
 * computed yet); `params` are the parameters the figure is about.
 */
export function captionFor(curve: CurveResult | null, params: Params): string {
  const subject = 'Test error E_g (no noise floor) and training error E_tr';
  const head = `${subject} ${regimePhrase(params)} for ${paramsPhrase(params)}.`;
  if (!curve) return `${head} No result computed yet.`;
  const sentences = [head];
  const outcome = outcomeSentence(curve);
  if (outcome) sentences.push(outcome);
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
  const fit = curve.exponents.fittedT;
  if (fit && params.regime !== 'bayes' && Number.isFinite(fit.slope)) {
    sentences.push(
      `Fitted slope ${formatSlope(fit.slope, 3)} over t ∈ [${formatNumber(fit.xmin, 2)}, ${formatNumber(fit.xmax, 2)}] ` +
        `(predicted −(β−1)/α = ${formatSlope(curve.exponents.predicted.t, 3)}).`,
    );
  }
  return sentences.join(' ');
}
