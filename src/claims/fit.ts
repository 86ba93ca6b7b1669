// Words for a fitted exponent: the window it was fitted over, or why there is none (the table's
// "—" says this on hover and focus). The rule itself is model/theory/fit.ts stableFit.
import type { FitGap, FittedExponent, PowerFit } from '../model/types.ts';
import { formatNumber } from '../format/number.ts';
import { STABLE_ABS_TOL } from '../model/theory/fit.ts';

export function fitGapReason(gap: FitGap, variable: string): string {
  switch (gap) {
    case 'no-time':
      return 'the Bayesian posterior has no training time';
    case 'rises-after-min':
      return 'the curve rises after t*: the window shows no falling branch a decade long';
    case 'flat':
      return `E_g is flat here: no power law in ${variable}`;
    case 'wrong-sign':
      return `E_g does not fall with ${variable} here`;
    case 'too-few':
      return 'too few points to fit';
    case 'unstable':
      return (
        `no decade of ${variable} over which the local slope stays within ` +
        `±${STABLE_ABS_TOL} (falling branch only)`
      );
  }
}

/** "t ∈ [1.6, 25]" */
export function fitWindowText(fit: PowerFit, variable: string): string {
  return `${variable} ∈ [${formatNumber(fit.xmin, 2)}, ${formatNumber(fit.xmax, 2)}]`;
}

export function fittedText(f: FittedExponent, variable: 't' | 'P' | 'N'): string {
  return f.fit
    ? `fitted over ${fitWindowText(f.fit, variable)}`
    : `no fit: ${fitGapReason(f.gap ?? 'unstable', variable)}`;
}
