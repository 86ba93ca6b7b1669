// The words of the Fit my runs panel (docs/theory.md §10): every sentence is made from the one fit
// result (RunFitResult) it describes: the estimates and their profile-likelihood and bootstrap
// intervals, the linear parameters, the ridge warning by the fit's own rule (model/runfit/
// region.ts ridgeWarning), the hold-out against the plain power law, and the extrapolation.
import { formatNumber } from '../format/number.ts';
import { claim, DEFINITION, type Claim } from './registry.ts';
import { REGIME } from '../model/regimes.ts';
import type { Params } from '../model/params.ts';
import {
  FIT_AXIS_SPECS,
  type Estimate,
  type FitCurve,
  type FitProgress,
  type FitStage,
  type HoldoutResult,
  type RidgeWarning,
  type RunFitOptions,
  type RunFitResult,
} from '../model/runfit/index.ts';
import { RIDGE_ELONGATION, RIDGE_LENGTH } from '../model/runfit/region.ts';
import { LAW_FORMULA, LAW_NAME } from './laws.ts';

const f3 = (x: number) => formatNumber(x, 3);
const range = ([lo, hi]: readonly [number, number]) => `${f3(lo)} … ${f3(hi)}`;

/** ln-error e as a relative error in per cent (e ≈ relative for small e). */
export function percentOfLog(e: number): string {
  return `${formatNumber(100 * Math.expm1(Math.abs(e)), 2)} %`;
}

/** "α = 1.52; 68 %: 1.48 … 1.57, 95 %: 1.41 … 1.63 (profile likelihood)". */
export function estimateText(symbol: 'α' | 'β', e: Estimate): string {
  return `${symbol} = ${f3(e.value)}; 68 %: ${range(e.ci68)}, 95 %: ${range(e.ci95)} (profile likelihood)`;
}

/** The bootstrap over runs of one exponent, or why there is none. */
export function bootstrapText(symbol: 'α' | 'β', r: RunFitResult): string {
  const b = r.bootstrap;
  if (!b) return `${symbol}: no bootstrap (${r.bootstrapSkipped ?? 'not asked for'})`;
  const ci = symbol === 'α' ? b.alphaCi : b.betaCi;
  return `${symbol}: bootstrap over runs (${b.B} resamples): 68 %: ${range(ci.ci68)}, 95 %: ${range(ci.ci95)}`;
}

/** The bootstrap's agreement with the profile region. */
export function bootstrapAgreement(r: RunFitResult): string | null {
  const b = r.bootstrap;
  if (!b) return null;
  return `${b.outside} of ${b.B} bootstrap resamples have their best (α, β) outside the 95 % profile region.`;
}

/** σ², the scale c, the floor L₀ and the unit conversion s, each fitted or fixed. */
export function linearLines(r: RunFitResult, o: RunFitOptions): string[] {
  const how = (fixed: number | undefined) => (fixed === undefined ? 'fitted' : 'fixed');
  const spec = FIT_AXIS_SPECS[r.axis];
  return [
    `σ² = ${f3(r.sigma2)} (label noise relative to the target's power, ${how(o.sigma2)})`,
    `scale c = ${f3(r.scale)} (the target's power, in loss units, fitted)`,
    `floor L₀ = ${f3(r.floor)} (irreducible loss, ${how(o.floor)})`,
    `${spec.theory.split(',')[0]} = ${f3(r.xScale)} × ${spec.label} (the unit conversion s, fitted)`,
  ];
}

/** The ridge warning in plain words (the fit's rule: model/runfit/region.ts ridgeWarning). */
export function ridgeText(w: RidgeWarning): string {
  const spans = `along the 95 % region α runs over ${range(w.alpha)} and β over ${range(w.beta)}`;
  const head =
    w.kind === 'ridge'
      ? `α and β cannot be told apart with these runs: ${spans} together, a ridge ${formatNumber(w.length / Math.max(w.width, 1e-9), 2)} times longer than wide`
      : `These runs fix α and β only loosely: ${spans}`;
  const fixed = w.determined.length
    ? ` What the runs do fix: ${w.determined
        .map(
          (d) =>
            `the ${LAW_NAME[d.law]} exponent ${LAW_FORMULA[d.law]} = ${formatNumber(d.value, 3)} (± ${formatNumber(d.spread / 2, 2)})`,
        )
        .join('; ')}.`
    : '';
  const open = w.open
    ? ' The region reaches the edge of the phase diagram’s box and continues beyond it.'
    : '';
  const rule = ` (Warning rule: the 95 % region is longer than ${RIDGE_LENGTH} of the phase diagram’s box${w.kind === 'ridge' ? ` and ${RIDGE_ELONGATION} times longer than wide` : ''}.)`;
  return `${head}.${fixed}${open} Runs that differ in P or N, or cover more decades of x, separate them.${rule}`;
}

const better = (theory: number, power: number) =>
  theory < 0.9 * power
    ? 'the theory predicted the held-out points better'
    : power < 0.9 * theory
      ? 'the plain power law predicted the held-out points better'
      : 'the two predicted the held-out points about equally well';

/** The hold-out check against the plain power law on the same points. */
export function holdoutText(h: HoldoutResult, axisLabel: string): string {
  const t = h.theory;
  const p = h.powerlaw;
  return (
    `Hold-out: fitted on ${axisLabel} ≤ ${f3(h.split)} (${h.nFit} points), predicted the other ${h.nHeld}. ` +
    `Theory: error ${percentOfLog(t.rms)} RMS (largest ${percentOfLog(t.max)}); ` +
    `plain power law L₀ + A·x^(−a) per run: ${percentOfLog(p.rms)} RMS (largest ${percentOfLog(p.max)}). ` +
    `On these runs ${better(t.rms, p.rms)}.`
  );
}

/** The extrapolated end of one fitted curve: the loss at its last x with the 68 % and 95 % bands. */
export function extrapolationText(c: FitCurve, axisLabel: string, several: boolean): string {
  const i = c.x.length - 1;
  const who = several ? ` (runs ${c.runs.join(', ')})` : '';
  return (
    `At ${axisLabel} = ${f3(c.x[i])}${who}, ${formatNumber(c.x[i] / c.xData, 2)} × the largest measured: ` +
    `loss ${f3(c.loss[i])}; 68 %: ${f3(c.lo68[i])} … ${f3(c.hi68[i])}, 95 %: ${f3(c.lo[i])} … ${f3(c.hi[i])}.`
  );
}

/** How closely the curves follow the data. */
export function qualityText(r: RunFitResult): string {
  const q = r.quality;
  const base = `${q.n} points fitted in ${REGIME[r.regime].label.toLowerCase()}; residuals ${percentOfLog(q.rms)} RMS, point-to-point noise of the data ${percentOfLog(q.tau0)}.`;
  return q.misfit
    ? `${base} The theory's curves do not follow these runs closely (residuals ${formatNumber(q.rms / q.tau0, 2)} times the noise): the intervals are widened for it.`
    : base;
}

export const STAGE_LABEL: Record<FitStage, string> = {
  grid: 'coarse grid over (α, β)',
  refine: 'refining the best fit',
  region: 'tracing the 68 % and 95 % regions',
  bootstrap: 'bootstrap over runs',
  holdout: 'hold-out check',
  curves: 'fitted curves and bands',
};

export function progressText(p: FitProgress | null): string {
  if (!p) return 'Fitting: reading the runs…';
  return `Fitting: ${STAGE_LABEL[p.stage]} (${Math.round(100 * p.fraction)} %)…`;
}

/** What "Open as app state" did, and what the link does not carry. */
export function openedText(p: Params): string {
  return (
    `The app now shows the fitted state: α = ${f3(p.alpha)}, β = ${f3(p.beta)}, σ² = ${f3(p.sigma2)}. ` +
    'Its link carries these parameters; the runs file is not in the link (share the file beside it).'
  );
}

/** The heading of the fit's figure. */
export function runFitHeading(r: RunFitResult | null, source: string): string {
  if (!r) return 'Your runs';
  const n = r.runs.length;
  return `${source}: ${n} run${n === 1 ? '' : 's'}, loss against ${FIT_AXIS_SPECS[r.axis].label}`;
}

/** The overlay's note as a claim: the fit's own numbers (the fit result is its one source). */
export function phaseRegionClaim(r: RunFitResult, source: string): Claim {
  return claim('phase.fit-region', phaseRegionNote(r, source), { params: {} }, DEFINITION);
}

/** The phase diagram's note on the overlay: what the regions are and where the best fit lies. */
export function phaseRegionNote(r: RunFitResult, source: string): string {
  const open = r.region.polygons.some((p) => p.dof === 2 && p.open)
    ? ' The 95 % region continues beyond the box.'
    : '';
  return (
    `Your runs (${source}): the cross is the best fit α = ${f3(r.alpha.value)}, β = ${f3(r.beta.value)}; ` +
    `the shaded regions hold the true (α, β) with 68 % (inner) and 95 % (outer, dashed) confidence (profile likelihood).${open}` +
    (r.ridge ? ` ${r.ridge.kind === 'ridge' ? 'A ridge' : 'A wide region'}: see Fit my runs.` : '')
  );
}

/** The phase diagram's footer line for the overlay of a fit. */
export function phaseFigureNote(r: RunFitResult): string {
  return `your runs: best fit α = ${f3(r.alpha.value)}, β = ${f3(r.beta.value)}, 68 % and 95 % regions drawn`;
}
