// Words and formulas of the mode inspector (docs/theory.md §3 "Per-mode learning"): one mode's
// eigenvalue and target power, when it is learned (ℓ_k reaches ½) under the mean field and without
// the collective response, whether it ever is (λ_k against κ at t → ∞), and its effective
// single-mode equation with the current numbers.
import { effectiveParams, type Params } from '../model/params.ts';
import type { ModeDetail } from '../model/types.ts';
import { e3, formatParam, t2, texNumber, texParam } from '../format/number.ts';

/** "λ_k = 0.0316, target power k^{−β} = 0.01" (a measured spectrum stores no per-mode target). */
export function modeSpectrumSentence(d: ModeDetail): string {
  const target =
    d.target === null
      ? 'its target power is not stored per mode for a measured spectrum'
      : `its target power λ_k w̄_k² = ${e3(d.target)}`;
  return `Mode k = ${formatParam(d.k)}: eigenvalue λ_k = ${e3(d.lambda)}, ${target}.`;
}

/** When the mode is learned, or why never: the verdict the engine computed. */
/** When the mode would be learned without the collective response (the free dynamics). */
export function freePhrase(d: ModeDetail): string {
  return Number.isFinite(d.freeLearnedTime)
    ? `without the collective response (free dynamics) it would be learned at t ≈ ${t2(d.freeLearnedTime)}`
    : 'without the collective response (free dynamics) it would never be learned either';
}

export function learnedSentence(d: ModeDetail): string {
  const free = freePhrase(d);
  if (!d.everLearned)
    return (
      `Never learned: λ_k = ${e3(d.lambda)} ≤ κ(∞) = ${e3(d.kappaInf)}, so ℓ_k stays below ½ ` +
      `(ℓ_k(∞) = ${e3(d.ellInf)}); ${free}.`
    );
  if (!Number.isFinite(d.learnedTime))
    return (
      `λ_k = ${e3(d.lambda)} > κ(∞) = ${e3(d.kappaInf)}, so ℓ_k(∞) = ${e3(d.ellInf)} > ½, but ` +
      `ℓ_k reaches ½ only after t = 10¹²; ${free}.`
    );
  return (
    `Learned (ℓ_k = ½) at t ≈ ${t2(d.learnedTime)}; ${free}. It ends at ` +
    `ℓ_k(∞) = ${e3(d.ellInf)} > ½, since λ_k = ${e3(d.lambda)} > κ(∞) = ${e3(d.kappaInf)}.`
  );
}

/**
 * The effective single-mode equation (Laplace domain): the free mode with λ_k scaled by R(s), and
 * its t → ∞ value with the numbers; trusted TeX, one line each.
 */
export function modeEquationTex(p: Params, d: ModeDetail): [string, string] {
  const gamma = effectiveParams(p).gamma;
  const lam = texNumber(d.lambda);
  return [
    `\\hat\\ell_k(s)=\\frac{\\lambda_k R(s)}{s\\,\\big(s+\\gamma+\\lambda_k R(s)\\big)},\\quad ` +
      `\\lambda_k=${lam},\\ \\gamma=${texParam(gamma)}`,
    `\\ell_k(\\infty)=\\frac{\\lambda_k}{\\lambda_k+\\kappa(\\gamma)}=` +
      `\\frac{${lam}}{${lam}+${texNumber(d.kappaInf)}}=${texNumber(d.ellInf)}`,
  ];
}

/** The same lines in plain text (fallback before KaTeX loads, and the accessible name). */
export function modeEquationText(p: Params, d: ModeDetail): [string, string] {
  const gamma = effectiveParams(p).gamma;
  return [
    `ℓ̂_k(s) = λ_k R(s) / (s (s + γ + λ_k R(s))) with λ_k = ${e3(d.lambda)}, γ = ${formatParam(gamma)}`,
    `ℓ_k(∞) = λ_k/(λ_k + κ(γ)) = ${e3(d.lambda)}/(${e3(d.lambda)} + ${e3(d.kappaInf)}) = ${e3(d.ellInf)}`,
  ];
}
