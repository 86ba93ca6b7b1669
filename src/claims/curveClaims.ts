// The learning curve's words as claims (claims/registry.ts): what happens over training (early
// stopping, or none), the marker and the gain revealed beside it, the t → ∞ reference lines, the
// fitted slope on the time axis, the legend and the crosshair's read-out. Each checker recomputes
// what its text asserts on a fresh engine (claims/checks.ts).
import type { Params } from '../model/params.ts';
import type { CurveResult, PowerFit } from '../model/types.ts';
import { formatNumber, formatParam, formatSlope, t2 } from '../format/number.ts';
import { all, checkEarlyStop, checkFitT, quotesEg, quotesLimit } from './checks.ts';
import { gainLines, markerLabel, outcomeSentence } from './earlyStop.ts';
import { claim, DEFINITION, near, problems, type Check, type Claim } from './registry.ts';
import { checkStepsFit } from './sgdChecks.ts';

/** What happens over the whole of training, in the curve's window. */
export function outcomeClaim(c: CurveResult): Claim {
  const p = c.params;
  const es = c.earlyStop;
  const stillAt: Check = (o) => {
    if (es.case !== 'none') return [];
    const last = c.Eg[c.Eg.length - 1];
    const t = c.window.tmax;
    const l = o.limit(p);
    const floor = o.resolution(p, t);
    const falling = last > l.Eg * 1.01 && !l.divergent;
    return problems(falling && near(`E_g(t_max = ${t})`, last, o.Eg(p, t), 3, floor));
  };
  // Every outcome sentence quotes E_g(∞) (or says it diverges, or is below the floor).
  const limit = quotesLimit(p, c.limit.divergent ? Infinity : c.limit.Eg);
  return claim(
    'curve.outcome',
    outcomeSentence(c),
    { params: p },
    all(checkEarlyStop(c), stillAt, limit),
  );
}

/** The early-stopping marker's label ("t* ≈ 4.9·10², E* = 0.0263", beyond the window or not). */
export function markerClaim(c: CurveResult): Claim | null {
  const text = markerLabel(c);
  return text ? claim('curve.marker', text, { params: c.params }, checkEarlyStop(c)) : null;
}

/** The two lines revealed beside the marker: where training on ends and what it costs. */
export function gainClaim(c: CurveResult): Claim | null {
  const lines = gainLines(c);
  if (lines.length === 0) return null;
  return claim('curve.gain', lines.join(' '), { params: c.params }, (o) => {
    const l = o.limit(c.params);
    if (c.limit.divergent) return problems(!l.divergent && 'said to grow without bound');
    const m = o.minimum(c.params);
    return problems(
      near('E_g(∞)', c.limit.Eg, l.Eg),
      near('gain', c.earlyStop.gain, l.Eg / m.E, 3, 1e-6),
    );
  });
}

/** One reference line's label variants as claims: the long ones quote the value, the last names it. */
export function referenceClaims(
  id: string,
  variants: readonly (readonly string[])[],
  p: Params,
  value: number,
  which: 'Eg' | 'Egibbs' | 'Emean',
): { claim: Claim; lines: readonly string[] }[] {
  const check: Check = (o) => {
    const l = o.limit(p);
    const v = which === 'Eg' ? l.Eg : which === 'Egibbs' ? l.Egibbs : l.Emean;
    return problems(near(`${which}`, value, v));
  };
  return variants.map((lines, i) => {
    const text = lines.join(' ');
    const quotes = text.includes('=');
    return { claim: claim(`${id}.${i}`, text, { params: p }, quotes ? check : DEFINITION), lines };
  });
}

/** "E_g(∞) = ∞" at the edge of the plot. */
export function divergentClaim(p: Params): Claim {
  return claim('curve.divergent', 'E_g(∞) = ∞', { params: p }, quotesLimit(p, Infinity));
}

/** The fitted slope written on its window's bracket: "fit t^{−0.63}". */
export function fitLabelClaim(id: string, variable: string, fit: PowerFit, check: Check): Claim {
  return claim(id, `fit ${variable}^{${formatSlope(fit.slope, 2)}}`, { params: {} }, check);
}

/** The learning curve's fit bracket label, checked as a slope in t. */
export function curveFitLabel(c: CurveResult): Claim | null {
  const fit = c.fitT.fit;
  return fit ? fitLabelClaim('curve.fit', 't', fit, checkFitT(c.params, fit)) : null;
}

/**
 * Under SGD the bracket's fit in steps s: the same fit object as the caption's sgd-slope claim,
 * checked alike against a direct two-point slope by the step-by-step recursion (sgdChecks.ts).
 */
export function stepsFitLabel(c: CurveResult): Claim | null {
  const fit = c.fitT.fit;
  return fit ? fitLabelClaim('curve.fit', 's', fit, checkStepsFit(c.params, fit)) : null;
}

/** The fixed time of the scaling panels, marked on the time axis. */
export function timeMarkerClaims(tAt: number): { claim: Claim; lines: readonly string[] }[] {
  const state = { params: {}, setting: { at: 't' as const, tAt } };
  return [[`scaling panels at t = ${formatParam(tAt)}`], [`t = ${formatParam(tAt)}`]].map(
    (lines, i) => ({ claim: claim(`curve.time-marker.${i}`, lines[0], state, DEFINITION), lines }),
  );
}

/** A legend entry: the name of a drawn series (a definition, nothing to recompute). */
export function legendClaim(id: string, label: string, state: Partial<Params> = {}): Claim {
  return claim(id, label, { params: state }, DEFINITION);
}

/** The crosshair's read-out line: "E_g = 0.0263" at the curve's time t. */
export function readoutClaim(
  key: string,
  text: string,
  p: Params,
  t: number,
  value: number | null,
  what: 'Eg' | 'Etr' | 't',
  digits = 4,
): Claim {
  const check: Check =
    value === null || what === 't'
      ? DEFINITION
      : what === 'Eg'
        ? quotesEg(p, t, value, digits)
        : (o) => problems(near(`E_tr(${t})`, value, o.Etr(p, t), digits, o.resolution(p, t)));
  return claim(
    key.startsWith('cursor.') ? key : `curve.readout.${key}`,
    text,
    { params: p },
    check,
  );
}

/** The limit line's value, for the figure's description. */
export function limitText(c: CurveResult): string {
  return c.limit.divergent ? 'E_g(∞) = ∞' : `E_g(∞) = ${formatNumber(c.limit.Eg, 3)}`;
}

/**
 * The end mark of a curve that falls below the engine's floor (docs/theory.md §5.8): from `tBelow`
 * on E_g is round-off, not a result. Checked on a fresh evaluator: E_g there is within twice its
 * floor (the engine's own test, recomputed), and the last point drawn is above its floor.
 */
export function floorClaim(p: Params, end: { t: number; E: number; tBelow: number }): Claim {
  return claim(
    'curve.resolution-floor',
    `below the engine’s resolution from t ≈ ${t2(end.tBelow)}`,
    { params: p },
    (o) =>
      problems(
        !(o.Eg(p, end.tBelow) < 2 * o.resolution(p, end.tBelow)) &&
          `E_g(${end.tBelow}) = ${o.Eg(p, end.tBelow)} is above the floor ${o.resolution(p, end.tBelow)}`,
        !(end.E >= 0.5 * o.resolution(p, end.t)) &&
          `the last point drawn, E_g(${end.t}) = ${end.E}, is below the floor ${o.resolution(p, end.t)}`,
      ),
  );
}
