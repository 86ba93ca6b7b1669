// Words and formulas for the order parameters on a timescale τ (docs/theory.md §1 "Order
// parameters on a timescale", §2): the renormalised ridge κ(τ), the collective response R(τ) and
// the shared-noise amplification 1/(1 − Γ(τ)), each with its value at the end of the window and
// as τ → ∞. The divergence of the amplification is stated only where the engine finds it.
import { effectiveParams, type Params } from '../model/params.ts';
import type { OrderResult } from '../model/types.ts';
import { formatNumber, formatParam, texNumber, texParam } from '../format/number.ts';

export type OrderSeries = 'kappa' | 'R' | 'amplification';
export const ORDER_SERIES: readonly OrderSeries[] = ['kappa', 'R', 'amplification'];

export const ORDER_LABELS: Record<OrderSeries, string> = {
  kappa: 'renormalised ridge κ(τ)',
  R: 'collective response R(τ)',
  amplification: 'noise amplification 1/(1 − Γ(τ))',
};

/** The order parameters at τ → ∞ (λ = γ). */
export type OrderAtInfinity = Record<OrderSeries, number>;

/** The last τ of the grid with a finite value of every series (the end of the window). */
export function lastIndex(o: OrderResult): number {
  for (let i = o.tau.length - 1; i >= 0; i--)
    if (ORDER_SERIES.every((k) => Number.isFinite(o[k][i]))) return i;
  return -1;
}

function sizeFactor(size: number): string {
  return Number.isFinite(size) ? `\\left(1-\\frac{\\mathrm{df}}{${texParam(size)}}\\right)` : '';
}

/** Trusted TeX of each series: its definition, and its numbers at τ (index i) and at τ → ∞. */
export function orderFormulas(
  p: Params,
  o: OrderResult,
  inf: OrderAtInfinity,
): Record<OrderSeries, { definition: string; values: string }> {
  const i = lastIndex(o);
  const tau = i >= 0 ? texNumber(o.tau[i], 2) : '\\text{—}';
  const at = (k: OrderSeries) => (i >= 0 ? texNumber(o[k][i]) : '\\text{—}');
  const gamma = texParam(effectiveParams(p).gamma);
  const brackets = `${sizeFactor(p.N)}${sizeFactor(p.P)}` || '1';
  return {
    kappa: {
      definition: `\\frac{1}{\\tau}+\\gamma=\\kappa\\,${brackets},\\quad \\gamma=${gamma}`,
      values: `\\kappa(\\tau{=}${tau})=${at('kappa')},\\quad \\kappa(\\infty)=${texNumber(inf.kappa)}`,
    },
    R: {
      definition: `R(\\tau)=\\Big(1-\\frac{\\mathrm{df}}{N}\\Big)\\Big(1-\\frac{\\mathrm{df}}{P}\\Big)=\\frac{1/\\tau+\\gamma}{\\kappa}`,
      values: `R(\\tau{=}${tau})=${at('R')},\\quad R(\\infty)=${texNumber(inf.R)}`,
    },
    amplification: {
      // Every symbol defined where it appears (docs/theory.md §2): a and df′.
      definition:
        `\\frac{1}{1-\\Gamma(\\tau)},\\quad \\Gamma=\\frac{1}{P}\\Big[\\mathrm{df}+\\frac{a\\,\\mathrm{df}'}{da/d\\kappa}\\Big],` +
        `\\quad a=\\kappa\\Big(1-\\frac{\\mathrm{df}}{N}\\Big),\\ \\mathrm{df}'=\\frac{d\\,\\mathrm{df}}{d\\kappa}`,
      values: `\\frac{1}{1-\\Gamma(\\tau{=}${tau})}=${at('amplification')},\\quad \\frac{1}{1-\\Gamma(\\infty)}=${texNumber(inf.amplification)}`,
    },
  };
}

/** Plain text of the same numbers (the formulas' fallback and accessible text). */
export function orderNumbers(o: OrderResult, inf: OrderAtInfinity): Record<OrderSeries, string> {
  const i = lastIndex(o);
  const out = {} as Record<OrderSeries, string>;
  for (const k of ORDER_SERIES) {
    const now = i >= 0 ? `${formatNumber(o[k][i])} at τ = ${formatNumber(o.tau[i], 2)}` : 'n/a';
    out[k] = `${now}; ${formatNumber(inf[k])} as τ → ∞`;
  }
  return out;
}

/**
 * What the amplification does as τ → ∞, in one sentence: the divergence (with N = P named only
 * when it is the interpolation point) or the finite value it tends to.
 */
export function amplificationSentence(p: Params, inf: OrderAtInfinity): string {
  const q = effectiveParams(p);
  if (inf.amplification === Infinity) {
    const where =
      p.N === p.P && q.gamma === 0
        ? ` at interpolation, N = P = ${formatParam(p.P)} with no weight decay: the shared noise is amplified without bound, the mechanism of the double-descent peak`
        : '';
    return `The noise amplification 1/(1 − Γ) diverges as τ → ∞${where}.`;
  }
  return `The noise amplification stays finite: 1/(1 − Γ) → ${formatNumber(inf.amplification)} as τ → ∞.`;
}

/** Where the collective response has fallen to, in words. */
export function responseSentence(o: OrderResult, inf: OrderAtInfinity): string {
  const i = lastIndex(o);
  if (i < 0) return `R(τ) → ${formatNumber(inf.R)} as τ → ∞.`;
  return (
    `The collective response is R = ${formatNumber(o.R[i])} at τ = ${formatNumber(o.tau[i], 2)} ` +
    `and ${formatNumber(inf.R)} as τ → ∞: that fraction of the gradient signal still reaches the ` +
    `modes.`
  );
}
