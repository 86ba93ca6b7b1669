// The rows of the exponent table, one object per row holding everything a cell shows: the fitted
// slope with its window (or why there is none), the predicted value with the formula that gave
// it and the condition under which it holds (or "n/a" and why). The table, the scaling panels'
// labels, the caption, the lessons and the truth tests all read these objects, so a number shown
// in two places is one number (docs/theory.md §8). Under measured data the predictions are made
// from the fitted α, β and marked indicative, with the modes they were fitted over.
import type { Params } from '../model/params.ts';
import { exponentLaws, type LawVerdict, type SweepSetting } from '../model/theory/laws.ts';
import { SIZE_LAWS, sweepLaw } from '../model/theory/sweep.ts';
import type { CurveResult, FitGap, PowerFit, SweepResult } from '../model/types.ts';
import { formatParam, formatSlope } from '../format/number.ts';
import { all, checkFitSweep, checkFitT, checkLawValue, quotesParams } from './checks.ts';
import { fitGapReason, fitWindowText } from './fit.ts';
import { lawCell, lawCondition } from './laws.ts';
import { hasDynamics } from '../model/regimes.ts';
import { claim, DEFINITION, problems, type Check, type Claim } from './registry.ts';

export type ExponentKey = 't' | 'P' | 'N';

export interface ExponentRow {
  key: ExponentKey;
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
  /** Measured data: "indicative: α, β fitted over k = 10…300" (null for the power law). */
  indicative: string | null;
  /** The cells as claims: what the table, the panels and the caption show. */
  claims: { fitted: Claim; predicted: Claim; law: Claim };
}

const NAMES = { t: 't (time)', P: 'P (data)', N: 'N (model)' } as const;

/** Words for a prediction made from exponents fitted to a measured spectrum. */
export function indicativeNote(curve: Pick<CurveResult, 'fittedOver'>): string | null {
  const f = curve.fittedOver;
  return f
    ? `indicative: α, β fitted over k = ${formatParam(f.kmin)}…${formatParam(f.kmax)}`
    : null;
}

/** The predicted slope as shown: "−0.667", "−0.667 (indicative)" or "n/a". */
export function predictedText(v: LawVerdict, indicative: string | null): string {
  if (!v.law || !Number.isFinite(v.value)) return 'n/a';
  return `${formatSlope(v.value, 3)}${indicative ? ' (indicative)' : ''}`;
}

interface SweepFit {
  fit: PowerFit | null;
  why: string | null;
  /** The sweep's answer is for another setting: still being computed. */
  pending: boolean;
}

function sweepFit(key: 'P' | 'N', sweep: SweepResult | null, setting: SweepSetting): SweepFit {
  if (!sweep || sweep.at !== setting.at || (setting.at === 't' && sweep.tFixed !== setting.tAt))
    return { fit: null, why: `the sweep over ${key} is being computed`, pending: true };
  if (sweep.fit) return { fit: sweep.fit, why: null, pending: false };
  return {
    fit: null,
    why: fitGapReason((sweep.fitGap ?? 'unstable') as FitGap, key),
    pending: false,
  };
}

/** The fitted cell: the slope over its window, or "—" with the reason. */
function fittedClaim(
  key: ExponentKey,
  f: SweepFit,
  p: Params,
  setting: SweepSetting,
  curve: CurveResult,
): Claim {
  const id = `exponents.${key}.fitted`;
  const state = { params: p, setting };
  if (f.fit) {
    const text = `${formatSlope(f.fit.slope, 3)} over ${fitWindowText(f.fit, key)}`;
    const at = p.regime === 'bayes' ? 'inf' : setting.at;
    const check: Check =
      key === 't' ? checkFitT(p, f.fit) : checkFitSweep(p, key, at, setting.tAt, f.fit);
    return claim(id, text, state, check);
  }
  return claim(id, `— (${f.why})`, state, () =>
    problems(
      f.pending && `"${f.why}" shown in a settled state`,
      key === 't' && curve.fitT.fit !== null && 'a fit exists but "—" is shown',
    ),
  );
}

/** The row's predicted value and law cell, from one verdict. */
function lawClaims(
  key: ExponentKey,
  v: LawVerdict,
  p: Params,
  setting: SweepSetting,
  indicative: string | null,
): { predicted: Claim; law: Claim; formula: string; condition: string } {
  const cell = lawCell(v);
  const condition = lawCondition(v, p);
  const state = { params: p, setting };
  const lawCheck = all(checkLawValue(v, cell.formula, p), conditionCheck(v, p));
  const predicted = claim(
    `exponents.${key}.predicted`,
    v.law ? predictedText(v, indicative) : `n/a (${condition})`,
    state,
    lawCheck,
  );
  const note = indicative ? ` (${indicative})` : '';
  const law = claim(
    `exponents.${key}.law`,
    v.law ? `${cell.formula} ${cell.law}, when ${condition}${note}` : `n/a (${condition})`,
    state,
    lawCheck,
  );
  return { predicted, law, formula: cell.formula, condition };
}

/**
 * The numbers a condition or reason quotes about the state, recomputed: the parameters it names,
 * and the comparisons it states (a size beyond M, within a factor MUCH of another, the ratios).
 */
export function conditionCheck(v: LawVerdict, p: Params): Check {
  // No size law over a sweep's fit window: the reason quotes the verdict at the window's top,
  // with the swept size there.
  const top = v.gap === 'fit-window' ? v.facts.atFitTop : undefined;
  if (top && v.facts.fitTop !== undefined) {
    const pTop = { ...p, [v.row === 'N' ? 'N' : 'P']: v.facts.fitTop };
    return all(conditionCheck(top, pTop), () =>
      problems(
        !!top.law && SIZE_LAWS.includes(top.law) && `a size law (${top.law}) holds at the top`,
      ),
    );
  }
  return all(quotesParams(p), (o) => {
    const e = o.effective(p);
    const size = v.row === 'N' ? e.N : e.P;
    switch (v.gap) {
      case 'modes':
        return problems(
          !(size * 10 > e.M) && `"${v.row} not far below M" with ${v.row} = ${size}, M = ${e.M}`,
        );
      case 'kernel':
        return problems(Number.isFinite(e.N) && 'N = ∞ said, N finite');
      case 'no-time':
        return problems(e.regime !== 'bayes' && 'no training time said outside the posterior');
      default:
        return [];
    }
  });
}

export function exponentRows(
  curve: CurveResult,
  sweepP: SweepResult | null,
  sweepN: SweepResult | null,
  setting: SweepSetting,
): ExponentRow[] {
  const p: Params = curve.params;
  const laws = exponentLaws(p, setting, curve.earlyStop.t);
  const fitT: SweepFit = curve.fitT.fit
    ? { fit: curve.fitT.fit, why: null, pending: false }
    : { fit: null, why: fitGapReason(curve.fitT.gap ?? 'unstable', 't'), pending: false };
  // The posterior's sweeps are at t → ∞ whatever the panels' setting.
  const swept = !hasDynamics(p.regime) ? { ...setting, at: 'inf' as const } : setting;
  const fits = { t: fitT, P: sweepFit('P', sweepP, swept), N: sweepFit('N', sweepN, swept) };
  const indicative = indicativeNote(curve);
  return (['t', 'P', 'N'] as const).map((key) => {
    // A size's law is judged over its sweep's fit window, once the sweep is in (sweep.ts
    // sweepLaw), at the curve's parameters (a measured spectrum's fitted α, β).
    const f = fits[key].fit;
    const v = key !== 't' && f ? sweepLaw(p, key, setting, curve.earlyStop.t, f) : laws[key];
    const cell = lawCell(v);
    const c = lawClaims(key, v, p, setting, indicative);
    return {
      key,
      name: NAMES[key],
      fit: fits[key].fit,
      fitWhy: fits[key].why,
      verdict: v,
      formula: c.formula,
      law: cell.law,
      condition: c.condition,
      indicative: v.law ? indicative : null,
      claims: {
        fitted: fittedClaim(key, fits[key], p, setting, curve),
        predicted: c.predicted,
        law: c.law,
      },
    };
  });
}

/** The row of one exponent (the scaling panels label their fit with it). */
export function exponentRow(
  key: ExponentKey,
  curve: CurveResult,
  sweepP: SweepResult | null,
  sweepN: SweepResult | null,
  setting: SweepSetting,
): ExponentRow {
  return exponentRows(curve, sweepP, sweepN, setting).find((r) => r.key === key)!;
}

/** A row's name cell is fixed chrome; the header too. Nothing to check. */
export const TABLE_DEFINITION = DEFINITION;
