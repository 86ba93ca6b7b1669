// Words of the phase diagram (docs/theory.md §6.1): the boundary equations, the regions' names and
// formulas, what a grid point shows (predicted, fitted, law and its condition), and what the panel
// says about the current state — each built from the same objects the numbers come from.
import { formatNumber, formatParam, formatSlope, formatTrimmed } from '../format/number.ts';
import type { Params } from '../model/params.ts';
import type { LawBranch, LawVerdict } from '../model/theory/laws.ts';
import { FIT_KMIN } from '../model/theory/measuredSpectrum.ts';
import {
  PHASE_BOUNDARIES,
  PHASE_SPEC,
  boundaryBeta,
  predictAt,
  type PhaseBoundary,
  type PhaseExponent,
} from '../model/theory/phase.ts';
import type { PhasePoint } from '../model/theory/phaseFit.ts';
import { fitGapReason, fitWindowText } from './fit.ts';
import { BRANCH_NAME, LAW_NAME, LAW_TERM_FORMULA, lawCondition } from './laws.ts';

/** What each exponent is a slope of, in words. */
export const PHASE_WHAT: Record<PhaseExponent, string> = {
  time: 'E_g against t (before t*)',
  'data-inf': 'E_g(∞) against P',
  'data-tstar': 'E* (at t*) against P',
  'model-inf': 'E_g(∞) against N',
  compute: 'L*(C) against C = N·t',
};

/** The variable each exponent is fitted in. */
const VARIABLE = { t: 't', P: 'P', N: 'N', C: 'C' } as const;

/** "β = 2α + 1" */
export function boundaryEquation(b: PhaseBoundary): string {
  const slope = b.slope === 1 ? 'α' : `${formatTrimmed(b.slope)}α`;
  if (b.intercept === 0) return `β = ${slope}`;
  const sign = b.intercept > 0 ? '+' : '−';
  return `β = ${slope} ${sign} ${formatTrimmed(Math.abs(b.intercept))}`;
}

/** The region of one term: its formula and name ("−(β−1): set by the target (β−1)"). */
export function regionLabel(exponent: PhaseExponent, branch: LawBranch): string {
  const law = PHASE_SPEC[exponent].law;
  const f = LAW_TERM_FORMULA[law][branch] ?? '';
  return PHASE_BOUNDARIES[exponent].length ? `${f}: ${BRANCH_NAME[branch]}` : f;
}

/** Regions of an exponent, in the order of its terms (one region when the law has no min). */
export function phaseRegions(exponent: PhaseExponent): LawBranch[] {
  const lines = PHASE_BOUNDARIES[exponent];
  return lines.length ? [lines[0].below, lines[0].above] : ['target'];
}

/** The compute law for β−1 > α is an asymptote the fits at C = 10³…10⁹ do not reach. */
export function asymptoticOnly(exponent: PhaseExponent, branch: LawBranch): boolean {
  return exponent === 'compute' && branch === 'spectrum';
}

/** The lines of the tooltip at a grid point (or at the marker, with `point` null: not fitted). */
export function pointLines(
  exponent: PhaseExponent,
  alpha: number,
  beta: number,
  point: PhasePoint | null,
  pending: boolean,
  p: Params,
): string[] {
  const pr = predictAt(exponent, { alpha, beta });
  const law = LAW_TERM_FORMULA[pr.law][pr.branch] ?? '';
  const v = VARIABLE[PHASE_SPEC[exponent].row];
  const lines = [
    `α = ${formatNumber(alpha, 3)}, β = ${formatNumber(beta, 3)}`,
    `predicted ${formatSlope(pr.value)} = ${law} (${LAW_NAME[pr.law]}, ${BRANCH_NAME[pr.branch]})`,
  ];
  if (point) {
    lines.push(
      point.fit
        ? `fitted ${formatSlope(point.fitted)} over ${fitWindowText(point.fit, v)}; ` +
            `|fitted − predicted| = ${formatNumber(Math.abs(point.fitted - point.predicted), 2)}`
        : `fitted: none, ${fitGapReason(point.gap ?? 'unstable', v)}`,
    );
    lines.push(conditionLine(point.verdict, { ...p, alpha, beta }));
  } else lines.push(pending ? 'fitted: being computed' : 'fitted: not on the grid');
  return lines;
}

/** Whether the law's condition holds at a point in this state, and the condition in words. */
export function conditionLine(v: LawVerdict, p: Params): string {
  return v.law
    ? `condition (${LAW_NAME[v.law]}): ${lawCondition(v, p)}`
    : `n/a in this state: ${lawCondition(v, p)}`;
}

/** The panel's sentence about the current state. */
export function phaseStateNote(
  exponent: PhaseExponent,
  p: Params,
  verdict: LawVerdict | null,
  measured: boolean,
): string {
  if (measured)
    return (
      `Measured spectrum: α = ${formatNumber(p.alpha, 3)} and β = ${formatNumber(p.beta, 3)} ` +
      `are power-law fits over modes k = ${FIT_KMIN}…300, read off the data. The map shows the ` +
      `laws of the power-law model and where these fits place the data; the fitted grid is n/a ` +
      `(the measured spectrum does not change with α and β), and the marker cannot be moved.`
    );
  const pr = predictAt(exponent, p);
  const head =
    `At α = ${formatParam(p.alpha)}, β = ${formatParam(p.beta)} the ${LAW_NAME[pr.law]} law ` +
    `predicts ${formatSlope(pr.value)} for ${PHASE_WHAT[exponent]}`;
  if (!verdict) return `${head}.`;
  if (verdict.law === pr.law) return `${head}; it holds when ${lawCondition(verdict, p)}.`;
  // Another law governs this state (e.g. E_g(∞) flat in P while the N features are the
  // bottleneck): the map's law is not said to hold under the other law's condition.
  if (verdict.law)
    return (
      `${head}, but not in this state: the slope here is ${formatSlope(verdict.value)}, ` +
      `${LAW_NAME[verdict.law]}, as ${lawCondition(verdict, p)}.`
    );
  return `${head}, but not in this state: ${lawCondition(verdict, p)}.`;
}

/** The dots: how far the fitted slope is from the law. */
export const DEVIATION_CLASSES = [
  { max: 0.05, label: '|fitted − predicted| ≤ 0.05' },
  { max: 0.15, label: '≤ 0.15' },
  { max: Infinity, label: '> 0.15' },
] as const;

export function deviationClass(point: PhasePoint): number | null {
  if (!Number.isFinite(point.fitted)) return null;
  const d = Math.abs(point.fitted - point.predicted);
  return DEVIATION_CLASSES.findIndex((c) => d <= c.max);
}

/** Fitted points within AGREE of the law, split by distance (in β) from the boundary lines. */
export const AGREE = 0.05;
export const DEEP = 0.5;

export function phaseAgreement(exponent: PhaseExponent, points: readonly (PhasePoint | null)[]) {
  const lines = PHASE_BOUNDARIES[exponent];
  const c = { deepOk: 0, deepN: 0, nearOk: 0, nearN: 0 };
  for (const pt of points) {
    if (!pt || !Number.isFinite(pt.fitted)) continue;
    const dist = Math.min(
      Infinity,
      ...lines.map((l) => Math.abs(pt.beta - boundaryBeta(l, pt.alpha))),
    );
    const ok = Math.abs(pt.fitted - pt.predicted) <= AGREE;
    if (dist > DEEP) {
      c.deepN++;
      if (ok) c.deepOk++;
    } else {
      c.nearN++;
      if (ok) c.nearOk++;
    }
  }
  return c;
}

/** The law column of the CSV: the law and its term, and "n/a" with the reason in this state. */
export function lawColumn(exponent: PhaseExponent, pt: PhasePoint): string {
  const pr = predictAt(exponent, pt);
  const law = `${pr.law}:${pr.branch}`;
  return pt.verdict.law ? law : `${law} (n/a: ${pt.verdict.gap})`;
}

/** CSV of the grid: alpha,beta,predicted,fitted,law (the CLI prints the same; no fit: empty). */
export function phaseCsv(exponent: PhaseExponent, points: readonly (PhasePoint | null)[]): string {
  const rows = ['alpha,beta,predicted,fitted,law'];
  for (const pt of points) {
    if (!pt) continue;
    const fitted = Number.isFinite(pt.fitted) ? num(pt.fitted) : '';
    rows.push(
      [num(pt.alpha), num(pt.beta), num(pt.predicted), fitted, lawColumn(exponent, pt)].join(','),
    );
  }
  return rows.join('\n') + '\n';
}

function num(x: number): string {
  return String(Number(x.toPrecision(6)));
}
