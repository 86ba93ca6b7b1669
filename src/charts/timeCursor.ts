// The held time cursor of the learning curve (dragged, or moved by Play): its values are read off
// the curves as drawn, i.e. straight segments between computed points on the log-log axes, so a
// cursor between two computed times reads the point of the drawn line under it (and exactly the
// computed values at a computed time).
import type { CurveResult } from '../model/types.ts';
import { readoutClaim } from '../claims/curveClaims.ts';
import { isLogFinite } from './domain.ts';
import type { PinnedCurve, ReadoutLine } from './learningCurveLayout.ts';

/** y at time t on the polyline (ts, ys) drawn in log-log; NaN outside it or across a gap. */
export function readCurveAt(ts: ArrayLike<number>, ys: ArrayLike<number>, t: number): number {
  if (!(t > 0) || ts.length === 0) return NaN;
  for (let j = 0; j < ts.length; j++) {
    if (ts[j] === t) return ys[j];
    if (j === 0 || !(ts[j] > t)) continue;
    const [t0, t1, y0, y1] = [ts[j - 1], ts[j], ys[j - 1], ys[j]];
    if (!(t0 < t) || !isLogFinite(y0) || !isLogFinite(y1)) return NaN;
    const u = Math.log(t / t0) / Math.log(t1 / t0);
    return Math.exp(Math.log(y0) + u * (Math.log(y1) - Math.log(y0)));
  }
  return NaN;
}

/** The time range of a curve, [first, last] computed time. */
export function curveSpan(curve: CurveResult): [number, number] {
  return [curve.t[0], curve.t[curve.t.length - 1]];
}

export interface CursorReadout {
  eg: number;
  etr: number;
  lines: ReadoutLine[];
}

/** The read-out of the time cursor at t: t, E_g, E_tr (when shown) and each pin's E_g. */
export function cursorReadout(
  curve: CurveResult,
  t: number,
  showEtr: boolean,
  pins: readonly PinnedCurve[],
  fmt: (v: number) => string,
  xName = 't',
): CursorReadout {
  const eg = readCurveAt(curve.t, curve.Eg, t);
  const etr = readCurveAt(curve.t, curve.Etr, t);
  const val = (v: number) => (Number.isFinite(v) ? fmt(v) : 'n/a (off the drawn curve)');
  // Between computed times the value is read off the drawn line: checked to 2 digits.
  const line = (key: string, text: string, c: CurveResult, v: number, what: 'Eg' | 'Etr' | 't') =>
    readoutClaim(`cursor.${key}`, text, c.params, t, Number.isFinite(v) ? v : null, what, 2).id;
  const lines: ReadoutLine[] = [
    {
      key: 't',
      text: `${xName} = ${fmt(t)}`,
      claim: line('t', `${xName} = ${fmt(t)}`, curve, t, 't'),
    },
    {
      key: 'Eg',
      text: `E_g = ${val(eg)}`,
      className: 'sp-readout--eg',
      claim: line('Eg', `E_g = ${val(eg)}`, curve, eg, 'Eg'),
    },
  ];
  if (showEtr)
    lines.push({
      key: 'Etr',
      text: `E_{tr} = ${val(etr)}`,
      className: 'sp-readout--etr',
      claim: line('Etr', `E_{tr} = ${val(etr)}`, curve, etr, 'Etr'),
    });
  for (const p of pins) {
    const v = readCurveAt(p.curve.t, p.curve.Eg, t);
    const text = `${p.label}: ${fmt(v)}`;
    if (Number.isFinite(v))
      lines.push({
        key: `pin-${p.id}`,
        text,
        color: p.color,
        claim: line(`pin-${p.id}`, text, p.curve, v, 'Eg'),
      });
  }
  return { eg, etr, lines };
}
