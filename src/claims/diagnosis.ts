// The bottleneck box in words: what bounds the error in this regime and state, and what would
// lower it, each claim quoting the engine's own before/after (model/theory/diagnosis.ts), so the
// advice cannot contradict the curve.
import type { CurveResult, DiagnosisKind, Effect } from '../model/types.ts';
import type { Params } from '../model/params.ts';
import { formatNumber, formatParam } from '../format/number.ts';
import { count, verb } from './words.ts';

const e3 = (x: number) => (Number.isFinite(x) ? formatNumber(x, 3) : '∞');

export const DIAGNOSIS_TITLE: Record<DiagnosisKind, string> = {
  time: 'Time-limited',
  data: 'Data-limited',
  model: 'Model-limited',
  noise: 'Noise-limited',
  interpolation: 'Interpolation peak',
  temperature: 'Temperature-limited',
  posterior: 'Bayesian posterior',
  none: 'No single bottleneck',
};

function where(c: CurveResult): string {
  const d = c.diagnosis;
  if (c.params.regime === 'bayes') return 'of the posterior';
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
  const delta = changeText(e.before, e.after);
  const verb = e.helps ? 'lowers' : e.after > e.before * 1.02 ? 'raises' : 'barely changes';
  if (e.what === 'earlier')
    return `Stopping earlier, at t* ≈ ${formatNumber(e.value, 2)}, lowers E_g from ${e3(e.before)} to ${e3(e.after)}${delta}.`;
  if (e.what === 'longer')
    return e.helps
      ? `Training longer lowers E_g from ${e3(e.before)} to ${e3(e.after)}${Number.isFinite(e.value) ? ` by t ≈ ${formatNumber(e.value, 2)}` : ' as t → ∞'}${delta}.`
      : `Training longer does not lower E_g below ${e3(e.before)}.`;
  return `${change} ${verb} E_g ${where(c)} from ${e3(e.before)} to ${e3(e.after)}${delta}.`;
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
      return 'No single change of one resource lowers E_g by more than 2 % (and by more than the theory’s resolution, 3·10⁻⁵ of E_g(0)).';
  }
}

/** The counterfactuals to list under the headline: those that help first, then the others. */
export function effectSentences(c: CurveResult): string[] {
  const skip = c.diagnosis.kind === 'time' ? 'longer' : null;
  const list = c.diagnosis.effects.filter((e) => e.what !== skip);
  return [...list.filter((e) => e.helps), ...list.filter((e) => !e.helps)].map((e) =>
    effectSentence(e, c),
  );
}
