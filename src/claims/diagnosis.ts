// The bottleneck box in words: what bounds the error in this regime and state, and what would
// lower it, each claim quoting the engine's own before/after (model/theory/diagnosis.ts), so the
// advice cannot contradict the curve.
import type { CurveResult, DiagnosisKind, Effect, ScanEnd } from '../model/types.ts';
import type { Params } from '../model/params.ts';
import { e3, formatNumber, formatParam } from '../format/number.ts';
import { hasDynamics } from '../model/regimes.ts';
import { HELPS } from '../model/theory/diagnosis.ts';
import { count, verb } from './words.ts';

export const DIAGNOSIS_TITLE: Record<DiagnosisKind, string> = {
  time: 'Time-limited',
  data: 'Data-limited',
  model: 'Model-limited',
  noise: 'Noise-limited',
  interpolation: 'Interpolation peak',
  temperature: 'Temperature-limited',
  posterior: 'Bayesian posterior',
  none: 'No single bottleneck',
  resolution: 'Below the engine’s resolution',
};

/** "≈ 4.1·10⁻¹⁸": the floor of a value (docs/theory.md §5.6). */
const floorText = (f: number) => `≈ ${formatNumber(f, 2)}`;

/** A value of E_g, or "below the engine's resolution (≈ f)" when it is below its floor. */
function valueText(E: number, floor: number): string {
  return E < floor ? `below the engine’s resolution (${floorText(floor)})` : e3(E);
}

function where(c: CurveResult): string {
  const d = c.diagnosis;
  if (!hasDynamics(c.params.regime)) return 'of the posterior';
  if (c.earlyStop.case === 'inside' && d.tOp === c.earlyStop.t)
    return `at t* ≈ ${formatNumber(d.tOp, 2)}`;
  return `at t_{max} = ${formatParam(d.tOp)}`;
}

/** " (−24 %)", or " (×12)" for more than doubling; "" when not finite. */
function changeText(before: number, after: number): string {
  if (!(before > 0) || !Number.isFinite(after) || !Number.isFinite(before)) return '';
  if (after > 2 * before) return ` (×${formatNumber(after / before, 2)})`;
  const pct = Math.round((100 * (after - before)) / before);
  return ` (${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)} %)`;
}

/** One sentence per counterfactual: "Doubling P (to 800) lowers E_g at t = … from X to Y (−24 %)." */
export function effectSentence(e: Effect, c: CurveResult): string {
  const change = changePhrase(e, c.params);
  const below = e.after < e.floor.after;
  const delta = below ? '' : changeText(e.before, e.after);
  const before = valueText(e.before, e.floor.before);
  const after = valueText(e.after, e.floor.after);
  // No change is read from a value below the engine's resolution (docs/theory.md §8).
  if (e.before < e.floor.before)
    return `${change}: E_g ${where(c)} is ${before}, so no change is read there.`;
  // "raises" only by more than the resolution of both values; "barely changes": less than 2 %.
  const moved = Math.abs(e.after - e.before) > e.floor.before + e.floor.after;
  const verb = e.helps
    ? 'lowers'
    : e.after > e.before * 1.02 && moved
      ? 'raises'
      : 'barely changes';
  if (e.what === 'earlier')
    return `Stopping earlier, at t* ≈ ${formatNumber(e.value, 2)}, lowers E_g from ${before} to ${after}${delta}.`;
  if (e.what === 'longer') return longerSentence(e, before, after, delta, c.earlyStop.open);
  return `${change} ${verb} E_g ${where(c)} from ${before} to ${after}${delta}.`;
}

/**
 * Training longer: it lowers E_g (by when), lowers it by less than 2 % while E_g is still
 * falling, or leaves it where it is within the engine's resolution; never "does not help" while
 * E_g still falls by more than the resolution.
 */
function longerSentence(
  e: Effect,
  before: string,
  after: string,
  delta: string,
  open: ScanEnd | null,
): string {
  // Read at the end of a scan that did not settle: beyond it E_g was not followed (§8).
  const atEnd = open !== null && e.value >= open.t * (1 - 1e-9);
  const when = atEnd
    ? ` by t = ${formatParam(open.t)}, where the scan ends with E_g ${open.falling ? 'still falling' : 'not settled'}`
    : Number.isFinite(e.value)
      ? ` by t ≈ ${formatNumber(e.value, 2)}`
      : ' as t → ∞';
  if (e.helps) return `Training longer lowers E_g from ${before} to ${after}${when}${delta}.`;
  const floors = e.floor.before + e.floor.after;
  if (e.after < e.before - floors)
    return `Training longer lowers E_g by less than 2 %, from ${before} to ${after}${when}.`;
  // Where the engine's floors are not small against 2 % of E_g, no change is resolved.
  if (floors >= HELPS * e.before)
    return `Training longer changes E_g = ${before} by less than the engine’s resolution here (${formatNumber(floors, 2)}).`;
  return `Training longer does not lower E_g below ${before}.`;
}

function changePhrase(e: Effect, p: Params): string {
  switch (e.what) {
    case 'data':
      return `Doubling P (to ${formatParam(e.value)})`;
    case 'model':
      return `Doubling N (to ${formatParam(e.value)})`;
    case 'smaller-model':
      return `Halving N (to ${formatParam(e.value)})`;
    case 'noise':
      return `Removing the label noise (σ² = ${formatParam(p.sigma2)} → 0)`;
    case 'temperature':
      return `Zero temperature (T = ${formatParam(p.T)} → 0)`;
    case 'ridge':
      return p.gamma > 0
        ? `Ten times the weight decay (γ = ${formatParam(e.value)})`
        : `Weight decay γ = ${formatParam(e.value)}`;
    case 'longer':
      return 'Training longer';
    case 'earlier':
      return 'Stopping earlier';
  }
}

/** The headline sentence of the box for this kind. */
export function diagnosisHeadline(c: CurveResult): string {
  const p = c.params;
  const d = c.diagnosis;
  const eff = (w: Effect['what']) => d.effects.find((e) => e.what === w);
  switch (d.kind) {
    case 'time': {
      const l = eff('longer');
      return `E_g is still falling ${where(c)}: training time bounds the error.${l ? ' ' + effectSentence(l, c) : ''}`;
    }
    case 'data':
      return `The ${count(p.P, 'sample')} ${verb(p.P, 'bounds', 'bound')} the error: more data lowers it the most.`;
    case 'model':
      return `The ${count(p.N, 'feature')} ${verb(p.N, 'bounds', 'bound')} the error: a larger model lowers it the most.`;
    case 'noise':
      return c.earlyStop.case === 'inside'
        ? `The label noise σ² = ${formatParam(p.sigma2)} bounds the error: stopping at t* ≈ ${formatNumber(c.earlyStop.t, 2)} keeps E* = ${e3(c.earlyStop.Eg)}, while training on fits the noise.`
        : `The label noise σ² = ${formatParam(p.sigma2)} bounds the error ${where(c)}.`;
    case 'interpolation': {
      const inf = (w: Effect['what']) => d.atInfinity.find((e) => e.what === w);
      const parts = (['model', 'smaller-model', 'ridge'] as const)
        .map((w) => inf(w))
        .filter((e): e is Effect => e !== undefined)
        .map((e) =>
          e.what === 'ridge'
            ? `${e3(e.after)} with weight decay γ = ${formatParam(e.value)}`
            : `${e3(e.after)} with N = ${formatParam(e.value)}`,
        );
      const ridgeHelps = inf('ridge')?.helps ?? false;
      const stop =
        c.earlyStop.case !== 'none'
          ? `, or stop at t* ≈ ${formatNumber(c.earlyStop.t, 2)} (E* = ${e3(c.earlyStop.Eg)})`
          : '';
      if (!c.limit.divergent)
        return `N = ${formatParam(p.N)} ≈ P = ${formatParam(p.P)}: near interpolation the shared noise is amplified, and moving N away from P in either direction lowers E_g ${where(c)} (below).`;
      return (
        `N = ${formatParam(p.N)} ≈ P = ${formatParam(p.P)}: the model can just interpolate the data, the shared noise is amplified without bound and E_g(∞) = ∞. ` +
        (parts.length ? `E_g(∞) would be ${parts.join(', ')}. ` : '') +
        `Move N away from P${ridgeHelps ? ' or add weight decay' : ''}${stop}.`
      );
    }
    case 'temperature':
      return p.gamma === 0 && c.limit.divergent
        ? `The Langevin noise T = ${formatParam(p.T)} without weight decay diffuses in the null space: E_g grows without bound. Add weight decay or lower T.`
        : `The Langevin noise T = ${formatParam(p.T)} bounds the error: its posterior variance T·df/(1 − df/P) = ${e3(p.T * c.limit.postVarPerT)} is part of E_g.`;
    case 'posterior':
      return (
        `No training time: the posterior's Gibbs error ${e3(c.limit.Egibbs)} is the posterior-mean error ${e3(c.limit.Emean)} ` +
        `plus the posterior variance ${e3(p.T * c.limit.postVarPerT)} (prior variance T/γ = ${p.gamma > 0 ? formatNumber(p.T / p.gamma, 3) : '∞'}, noise variance P·T = ${formatNumber(p.P * p.T, 3)}).`
      );
    case 'none':
      return 'No single change of one resource lowers E_g by more than 2 % (and by more than the engine’s resolution there).';
    case 'resolution':
      return resolutionHeadline(c);
  }
}

/**
 * E_g at the operating point is below the engine's resolution: say where the curve fell below it
 * and that no change can be read there (docs/theory.md §5.6, §8).
 */
function resolutionHeadline(c: CurveResult): string {
  const d = c.diagnosis;
  const r = c.resolution;
  const fell =
    r.end > 0 && r.end < c.t.length
      ? ` E_g falls below it at t ≈ ${formatNumber(c.t[r.end], 2)} and stays below.`
      : '';
  const limit = c.limit.divergent ? '' : ` As t → ∞ it tends to E_g(∞) = ${e3(c.limit.Eg)}.`;
  return (
    `At ${where(c).replace(/^at /, '')} E_g is below the engine’s resolution (${floorText(d.floor)}): ` +
    `no change of a resource can be read there.${fell}${limit}`
  );
}

/** The counterfactuals to list under the headline: those that help first, then the others. */
export function effectSentences(c: CurveResult): string[] {
  const skip = c.diagnosis.kind === 'time' ? 'longer' : null;
  const list = c.diagnosis.effects.filter((e) => e.what !== skip);
  return [...list.filter((e) => e.helps), ...list.filter((e) => !e.helps)].map((e) =>
    effectSentence(e, c),
  );
}
