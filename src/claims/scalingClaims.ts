// The scaling panels' words as claims: the fit label ("fit: slope −1.03 · predicted −1.00"),
// made from the exponent table's row of the same state (claims/exponentTable.ts), so the panel
// and the table cannot differ; the current value, the interpolation peak, P = M of a measured
// spectrum, the legend. The frontier (axis C) states its own law (the compute-optimal one).
import type { Params } from '../model/params.ts';
import { LAW_FORMULA } from './laws.ts';
import type { SweepAxis, SweepResult } from '../model/types.ts';
import { formatParam, formatSlope } from '../format/number.ts';
import { all, checkFitSweep, checkLawValue } from './checks.ts';
import type { ExponentRow } from './exponentTable.ts';
import { edgeLabel, edgeNote, edgeSentence, visibleEdge } from './modesEdge.ts';
import { claim, DEFINITION, problems, type Check, type Claim } from './registry.ts';

/** The words of a fit label: the fit part and the prediction part, and what checks them. */
interface FitWords {
  fit: string;
  predicted: string;
  check: Check;
}

function rowWords(row: ExponentRow, edgeFit: string): FitWords {
  const fit = row.fit
    ? `${edgeFit}: slope ${formatSlope(row.fit.slope, 2)}`
    : `${edgeFit}: none (${row.fitWhy?.includes('being computed') ? 'being computed' : 'no stable slope'})`;
  const v = row.verdict;
  const predicted =
    v.law && Number.isFinite(v.value)
      ? `predicted ${formatSlope(v.value, 2)}${row.indicative ? ' (indicative)' : ''}`
      : 'predicted n/a';
  return { fit, predicted, check: all(row.claims.fitted.check, row.claims.predicted.check) };
}

function sweepWords(sweep: SweepResult, p: Params | null, edgeFit: string): FitWords {
  const fit =
    sweep.fit && Number.isFinite(sweep.fit.slope)
      ? `${edgeFit}: slope ${formatSlope(sweep.fit.slope, 2)}`
      : `${edgeFit}: none (${sweep.fitGap === 'too-few' ? 'too few points' : 'no stable slope'})`;
  const law = sweep.law;
  const predicted = Number.isFinite(sweep.predicted)
    ? `predicted ${formatSlope(sweep.predicted, 2)}`
    : 'predicted n/a';
  const checks: Check[] = [];
  if (law?.law && p) checks.push(checkLawValue(law, LAW_FORMULA[law.law], p));
  if (sweep.fit && p && sweep.axis !== 'C')
    checks.push(checkFitSweep(p, sweep.axis, sweep.at, sweep.tFixed, sweep.fit));
  return { fit, predicted, check: all(...checks) };
}

export interface ScalingLabel {
  claim: Claim;
  /** The label's text broken into lines, preferred first (each joins to the claim's text). */
  variants: string[][];
  /** The predicted slope the guide is drawn with (NaN: none), the same number the label states. */
  predicted: number;
}

/**
 * The fit label of a scaling panel. With the exponent table's row (P and N panels) the label
 * states the row's fit and prediction; without one (the frontier, or a figure drawn on its own)
 * the sweep's. Past P = M of a measured spectrum the label says what the curve beyond means.
 */
export function scalingFitLabel(
  sweep: SweepResult,
  row: ExponentRow | null,
  p: Params | null,
): ScalingLabel {
  const edge = sweep.axis === 'P' ? visibleEdge(sweep) : null;
  const edgeFit = edge ? `fit (P < ${formatParam(edge.M)})` : 'fit';
  const w = row ? rowWords(row, edgeFit) : sweepWords(sweep, p, edgeFit);
  const text = `${w.fit} · ${w.predicted}`;
  const note = edge ? edgeNote(edge) : null;
  const full = note ? `${text} ${note.join(' ')}` : text;
  const fitPart = `${w.fit} ·`;
  // Narrowest: the fit's subject on a line of its own ("fit (P < 3000):" / "none (…) ·"), for a
  // gap between two rules.
  const colon = w.fit.indexOf(': ');
  const fitLines =
    colon > 0 ? [w.fit.slice(0, colon + 1), `${w.fit.slice(colon + 2)} ·`] : [fitPart];
  const variants = note
    ? [
        [text, note.join(' ')],
        [fitPart, w.predicted, note.join(' ')],
        [fitPart, w.predicted, ...note],
        [...fitLines, w.predicted, ...note],
      ]
    : [[text], [fitPart, w.predicted], [...fitLines, w.predicted]];
  const predicted = row ? (row.verdict.law ? row.verdict.value : NaN) : sweep.predicted;
  return {
    claim: claim(`scaling.${sweep.axis}.fit`, full, { params: p ?? {} }, w.check),
    variants,
    predicted,
  };
}

/** "current P = 400": the state's value of the swept parameter. */
export function currentClaims(axis: SweepAxis, value: number): Claim[] {
  const v = `${axis} = ${formatParam(value)}`;
  const check: Check = (o, self) => {
    void o;
    return problems(!self.plain.endsWith(formatParam(value)) && 'value not quoted');
  };
  const state = { params: axis === 'C' ? {} : { [axis]: value } };
  return [
    claim(`scaling.${axis}.current`, `current ${v}`, state, check),
    claim(`scaling.${axis}.current.short`, v, state, check),
  ];
}

/** "→ ∞ at N = P" beside the interpolation peak: E_g(∞) diverges there. */
export function peakClaim(sweep: SweepResult, p: Params | null): Claim {
  const axis = sweep.axis;
  const other = axis === 'N' ? 'P' : 'N';
  const at = sweep.peak!;
  return claim(`scaling.${axis}.peak`, `→ ∞ at ${axis} = ${other}`, { params: p ?? {} }, (o) =>
    p && axis !== 'C'
      ? problems(
          Number.isFinite(o.Eg({ ...p, [axis]: at }, Infinity)) &&
            `E_g(∞) is finite at ${axis} = ${at}`,
        )
      : [],
  );
}

/** "P = pool (3000 digits)": where a measured spectrum's modes run out on the P axis. */
export function edgeClaim(sweep: SweepResult): Claim | null {
  const e = visibleEdge(sweep);
  return e
    ? claim('scaling.P.edge', edgeLabel(e), { params: { data: e.source } }, DEFINITION)
    : null;
}

/** The edge's sentence (the tooltip of its line). */
export function edgeSentenceClaim(sweep: SweepResult): Claim | null {
  const e = visibleEdge(sweep);
  return e
    ? claim('scaling.P.edge.why', edgeSentence(e), { params: { data: e.source } }, DEFINITION)
    : null;
}

/** The panel's heading: what is swept and where along training it is evaluated. */
export function headingClaim(axis: SweepAxis, text: string, sweep: SweepResult | null): Claim {
  // The frontier (C) is always at t → ∞ whatever the P and N panels' setting.
  const setting = sweep && axis !== 'C' ? { at: sweep.at, tAt: sweep.tFixed } : undefined;
  return claim(
    `scaling.${axis}.heading`,
    text,
    { params: {}, ...(setting ? { setting } : {}) },
    DEFINITION,
  );
}

/** A point where E_g(∞) diverges, marked "∞" at the top edge, and its tip. */
export function divergentPointClaim(axis: SweepAxis): { mark: Claim; tip: Claim } {
  return {
    mark: claim(`scaling.${axis}.divergent`, '∞', { params: {} }, DEFINITION),
    tip: claim(
      `scaling.${axis}.divergent.tip`,
      'E_g = ∞ at this value',
      { params: {} },
      DEFINITION,
    ),
  };
}
