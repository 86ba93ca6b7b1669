// The rows of the exponent table, one object per row holding everything a cell shows: the fitted
// slope with its window (or why there is none), the predicted value with the formula that gave
// it and the condition under which it holds (or "n/a" and why). The table, its data-attributes
// and the truth tests all read these objects (docs/theory.md §8).
import type { Params } from '../model/params.ts';
import { exponentLaws, type LawVerdict, type SweepSetting } from '../model/theory/laws.ts';
import type { CurveResult, FitGap, PowerFit, SweepResult } from '../model/types.ts';
import { fitGapReason } from './fit.ts';
import { lawCell, lawCondition } from './laws.ts';
import { hasDynamics } from '../model/regimes.ts';

export interface ExponentRow {
  key: 't' | 'P' | 'N';
  name: string;
  fit: PowerFit | null;
  /** Why there is no fit (words); null when there is one. */
  fitWhy: string | null;
  verdict: LawVerdict;
  /** The formula that produced the predicted value ('' when n/a). */
  formula: string;
  /** The law's name or "n/a". */
  law: string;
  /** The condition of the law in words, or why no law applies. */
  condition: string;
}

const NAMES = { t: 't (time)', P: 'P (data)', N: 'N (model)' } as const;

function sweepFit(
  key: 'P' | 'N',
  sweep: SweepResult | null,
  setting: SweepSetting,
): { fit: PowerFit | null; why: string | null } {
  if (!sweep || sweep.at !== setting.at || (setting.at === 't' && sweep.tFixed !== setting.tAt))
    return { fit: null, why: `the sweep over ${key} is being computed` };
  if (sweep.fit) return { fit: sweep.fit, why: null };
  return { fit: null, why: fitGapReason((sweep.fitGap ?? 'unstable') as FitGap, key) };
}

export function exponentRows(
  curve: CurveResult,
  sweepP: SweepResult | null,
  sweepN: SweepResult | null,
  setting: SweepSetting,
): ExponentRow[] {
  const p: Params = curve.params;
  const laws = exponentLaws(p, setting, curve.earlyStop.t);
  const fitT = curve.fitT.fit
    ? { fit: curve.fitT.fit, why: null }
    : { fit: null, why: fitGapReason(curve.fitT.gap ?? 'unstable', 't') };
  // The posterior's sweeps are at t → ∞ whatever the panels' setting.
  const swept = !hasDynamics(p.regime) ? { ...setting, at: 'inf' as const } : setting;
  const fits = { t: fitT, P: sweepFit('P', sweepP, swept), N: sweepFit('N', sweepN, swept) };
  return (['t', 'P', 'N'] as const).map((key) => {
    const v = laws[key];
    const cell = lawCell(v);
    return {
      key,
      name: NAMES[key],
      fit: fits[key].fit,
      fitWhy: fits[key].why,
      verdict: v,
      formula: cell.formula,
      law: cell.law,
      condition: lawCondition(v, p),
    };
  });
}
