// The annotations of the learning curve that come from the claims about it (docs/theory.md §8):
// the early-stopping point (a marker when t* is in the window, an arrow at the edge when it lies
// beyond, nothing when stopping does not pay) and the fixed time of the scaling panels (a dashed
// vertical rule). Pure geometry: LearningCurve.tsx draws it. The marks other charts share too
// (the fit window's bracket, rules, mean ± s.e.m.) are in marks/.
import type { EarlyStopCase } from '../model/types.ts';
import { formatNumber } from '../format/number.ts';
import { floorClaim, timeMarkerClaims } from '../claims/curveClaims.ts';
import type { CurveResult } from '../model/types.ts';
import { floorEnd } from './resolved.ts';
import { claim, DEFINITION, type Check } from '../claims/registry.ts';
import type { LabelPos, Obstacles } from './labels.ts';
import { oneLine, placeText, splitClaim, type PlacedText } from './placeText.ts';
import type { Metrics } from './theme.ts';
import { vRule } from './marks/rule.ts';
import type { PlotScales } from './marks/scales.ts';

export interface EarlyStopMark {
  case: Exclude<EarlyStopCase, 'none'>;
  /** The marker (inside) or the arrow's tip on the plot's edge (beyond). */
  cx: number;
  cy: number;
  /** Beyond: which edge the arrow points out of. */
  edge: 'left' | 'right' | null;
  label: PlacedText;
}

const GAP = 4;

/**
 * Candidate label positions around a point, below first (a minimum has the curve above it); then
 * the same sides moved away from the point in half-line steps, so that a label squeezed between
 * two reference lines (or a line and the frame) finds the free band beyond them.
 */
function aroundPoint(cx: number, cy: number, d: number, fs: number): (extra: number) => LabelPos[] {
  return (extra) => {
    const near: LabelPos[] = [
      { x: cx + d, y: cy + d + 0.78 * fs, anchor: 'start' },
      { x: cx - d, y: cy + d + 0.78 * fs, anchor: 'end' },
      { x: cx + d, y: cy + 2 * d + 1.6 * fs, anchor: 'start' },
      { x: cx - d, y: cy + 2 * d + 1.6 * fs, anchor: 'end' },
      { x: cx + d, y: cy - d - extra, anchor: 'start' },
      { x: cx - d, y: cy - d - extra, anchor: 'end' },
      { x: cx, y: cy - d - 0.22 * fs - extra, anchor: 'middle' },
      { x: cx + d + 2, y: cy + 0.35 * fs - extra / 2, anchor: 'start' },
      { x: cx - d - 2, y: cy + 0.35 * fs - extra / 2, anchor: 'end' },
    ];
    const far: LabelPos[] = [];
    for (let k = 1; k <= 8; k++) {
      const below = cy + d + 0.78 * fs + 0.5 * k * fs;
      const above = cy - d - extra - 0.5 * k * fs;
      for (const y of [below, above])
        far.push({ x: cx - d, y, anchor: 'end' }, { x: cx + d, y, anchor: 'start' });
    }
    return [...near, ...far];
  };
}

export function earlyStopMark(
  es: { case: EarlyStopCase; t: number; Eg: number; side: 'after' | 'before' | null },
  s: PlotScales,
  m: Metrics,
  obs: Obstacles,
  check: Check = DEFINITION,
): EarlyStopMark | null {
  if (es.case === 'none' || !(es.t > 0) || !(es.Eg > 0) || !Number.isFinite(es.t)) return null;
  const fs = m.labelFont;
  const state = { params: {} };
  const tStar = `t* ≈ ${formatNumber(es.t, 2)}`;
  const eStar = `E* = ${formatNumber(es.Eg, 3)}`;
  if (es.case === 'inside') {
    const cx = s.X(es.t);
    const cy = s.Y(es.Eg);
    obs.lines.push([
      [cx, cy + m.markRadius],
      [cx, s.plotH],
    ]);
    obs.boxes.push({
      x: cx - m.markRadius,
      y: cy - m.markRadius,
      width: 2 * m.markRadius,
      height: 2 * m.markRadius,
    });
    const c = claim('curve.marker', `${tStar}, ${eStar}`, state, check);
    const label = placeText(
      [oneLine(c), splitClaim(c, ', ')],
      aroundPoint(cx, cy, m.markRadius + GAP, fs),
      fs,
      obs,
    );
    return { case: 'inside', cx, cy, edge: null, label };
  }
  const edge = es.side === 'before' ? 'left' : 'right';
  const cx = edge === 'right' ? s.plotW : 0;
  const cy = Math.min(s.plotH, Math.max(0, s.Y(es.Eg)));
  const inward = edge === 'right' ? -1 : 1;
  const d = 2 * m.markRadius + GAP;
  const anchor = edge === 'right' ? 'end' : 'start';
  const where = edge === 'right' ? 'beyond t_{max}' : 'before t_{min}';
  const cands = (extra: number): LabelPos[] => [
    { x: cx + inward * d, y: cy - GAP - extra, anchor },
    { x: cx + inward * d, y: cy + GAP + 0.78 * fs, anchor },
    { x: cx + inward * d, y: cy + 0.35 * fs - extra / 2, anchor },
  ];
  obs.boxes.push({
    x: cx - m.markRadius * 2,
    y: cy - m.markRadius,
    width: 4 * m.markRadius,
    height: 2 * m.markRadius,
  });
  const long = claim('curve.marker.edge', `minimum ${where}: ${tStar}, ${eStar}`, state, check);
  const short = claim('curve.marker.short', `${tStar}, ${eStar}`, state, check);
  const label = placeText(
    [oneLine(long), splitClaim(long, ': '), splitClaim(short, ', ')],
    cands,
    fs,
    obs,
  );
  return { case: 'beyond', cx, cy, edge, label };
}

export interface TimeMarker {
  x: number;
  label: PlacedText;
}

/** The fixed time at which the scaling panels evaluate E_g, as a dashed vertical line. */
export function timeMarker(
  tAt: number | null,
  xDomain: [number, number],
  s: PlotScales,
  m: Metrics,
  obs: Obstacles,
): TimeMarker | null {
  if (tAt === null || !(tAt >= xDomain[0] && tAt <= xDomain[1])) return null;
  const x = s.X(tAt);
  const fs = m.labelFont;
  return vRule(
    x,
    s.plotH,
    {
      variants: timeMarkerClaims(tAt),
      at: (extra) => [
        { x: x + GAP, y: 0.78 * fs + GAP + extra, anchor: 'start' },
        { x: x - GAP, y: 0.78 * fs + GAP + extra, anchor: 'end' },
        { x: x + GAP, y: s.plotH / 2, anchor: 'start' },
      ],
      fontSize: fs,
    },
    obs,
  );
}

/** The end of a curve that falls below the engine's floor: a tick where it stops, and its words. */
export interface FloorMark {
  x: number;
  y: number;
  label: PlacedText;
}

/**
 * Where E_g falls below the engine's resolution for good (docs/theory.md §5.8): the curve is drawn
 * up to its last resolved point, which gets a short vertical tick and the words "below the
 * engine's resolution from t ≈ …" beside it. Null when the curve is resolved to its end.
 */
export function floorMark(
  curve: CurveResult,
  s: PlotScales,
  m: Metrics,
  obs: Obstacles,
): FloorMark | null {
  const end = floorEnd(curve);
  if (!end) return null;
  const x = s.X(end.t);
  const y = s.Y(end.E);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  const fs = m.labelFont;
  const label = placeText(
    [oneLine(floorClaim(curve.params, end)), splitClaim(floorClaim(curve.params, end), ' from ')],
    aroundPoint(x, Math.min(y, s.plotH), m.markRadius + GAP, fs),
    fs,
    obs,
  );
  return { x, y: Math.min(y, s.plotH), label };
}
