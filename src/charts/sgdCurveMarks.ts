// The marks of the learning curve in a regime trained in steps (one-pass SGD, docs/theory.md §9):
// the η → 0 reference, the noise floor, the end of a diverging curve, and the schedule strip
// under the plot (η_s on a linear axis, with the stability edge). Pure geometry, drawn by
// LearningCurve.tsx; the words come from src/claims/sgd.ts.
import { formatNumber } from '../format/number.ts';
import { STRIP_TITLE } from '../claims/sgd.ts';
import type { Claim } from '../claims/registry.ts';
import { labelBox, type LabelPos, type Obstacles } from './labels.ts';
import { linePath, seriesPoints, type Point } from './path.ts';
import { placeText, type ClaimLines, type PlacedText } from './placeText.ts';
import type { PlotScales } from './marks/scales.ts';
import type { Metrics } from './theme.ts';
import type { RefSpec } from './learningCurveRefs.ts';

/** What a curve in steps adds to the learning-curve figure. */
export interface StepsOverlay {
  /** The x the curves are drawn against: the steps s, or the intrinsic time t = Σ η_s. */
  axis: 'steps' | 'intrinsic';
  /** The η → 0 limit at the same intrinsic times, on the same x (null: not drawn). */
  flow: { x: ArrayLike<number>; Eg: ArrayLike<number> } | null;
  /** The noise floor E_g(∞) to mark (null: none, e.g. the schedule stops training at S). */
  floor: number | null;
  /** The floor line's label variants, each a claim (claims/sgd.ts floorLineClaims). */
  floorLabels: ClaimLines[];
  /** The step at which E_g overflows the engine's cap (Infinity: it does not). */
  divergedAt: number;
  /** The divergence mark's label variants, each a claim (empty: it does not diverge). */
  divergenceLabels: ClaimLines[];
  /** The schedule strip: η_s on the same x, and the stability edge. */
  strip: {
    x: ArrayLike<number>;
    eta: ArrayLike<number>;
    etaMax: number;
    /** The edge's label drawn on the strip, and said to lie above it: claims. */
    labels: { inside: Claim; above: Claim };
  } | null;
}

/** The x axis title of a curve in steps. */
export function stepsAxisTitle(axis: StepsOverlay['axis']): string {
  return axis === 'steps' ? 'steps s' : 'intrinsic time t = Σ η_s';
}

/** How far above the curve's first value the y axis reaches when the curve diverges (decades). */
export const DIVERGE_HEADROOM = 2;

/** Step: the floor as a reference line of the figure (labelled as the noise floor). */
export function floorSpec(overlay: StepsOverlay): RefSpec[] {
  const f = overlay.floor;
  if (f === null || !(f > 0) || !Number.isFinite(f)) return [];
  return [
    {
      testId: 'limit-line',
      className: 'sp-ref sp-ref--limit',
      value: f,
      variants: overlay.floorLabels,
    },
  ];
}

/** Step: the dashed η → 0 reference (gradient flow on the population loss, same N). */
export function flowPath(
  overlay: StepsOverlay,
  X: (v: number) => number,
  Y: (v: number) => number,
): { d: string; points: Point[] } | null {
  if (!overlay.flow) return null;
  const pts = seriesPoints(overlay.flow.x, overlay.flow.Eg, X, Y);
  return { d: linePath(pts), points: pts.filter((p): p is Point => p !== null) };
}

/** Where a diverging curve leaves the plot (or its last drawn point), with the label. */
export interface DivergenceMark {
  cx: number;
  cy: number;
  label: PlacedText;
}

/**
 * Step: the end of a diverging curve. The curve is drawn up to the top of the plot (the y axis
 * reaches DIVERGE_HEADROOM decades above its start); the mark sits where it leaves the plot, or
 * on its last finite point when it overflows inside it.
 */
export function divergenceMark(
  overlay: StepsOverlay,
  x: ArrayLike<number>,
  Eg: ArrayLike<number>,
  s: PlotScales,
  m: Metrics,
  obs: Obstacles,
): DivergenceMark | null {
  if (!Number.isFinite(overlay.divergedAt)) return null;
  let cx = NaN;
  let cy = NaN;
  for (let i = 0; i < x.length; i++) {
    if (!(Eg[i] > 0) || !Number.isFinite(Eg[i])) break;
    const px = s.X(x[i]);
    const py = s.Y(Eg[i]);
    if (py < 0 && i > 0 && Number.isFinite(cy)) {
      // Leaves through the top between the previous point and this one (linear in pixels).
      const f = cy / (cy - py);
      cx = cx + f * (px - cx);
      cy = 0;
      break;
    }
    cx = px;
    cy = py;
  }
  if (!Number.isFinite(cx)) return null;
  const fs = m.labelFont;
  const d = m.markRadius + 3;
  const cands = (extra: number): LabelPos[] => [
    { x: cx - d, y: cy + d + 0.78 * fs, anchor: 'end' },
    { x: cx + d, y: cy + d + 0.78 * fs, anchor: 'start' },
    { x: cx - d, y: cy + 2 * d + 1.6 * fs, anchor: 'end' },
    { x: cx + d, y: cy - d - extra, anchor: 'start' },
    { x: cx - d, y: cy - d - extra, anchor: 'end' },
  ];
  const label = placeText(overlay.divergenceLabels, cands, fs, obs);
  return { cx, cy, label };
}

/** The schedule strip under the plot: its own linear η axis, the same x as the plot. */
export interface StripLayout {
  /** Offset of the strip's plot area from the top of the figure, px. */
  top: number;
  height: number;
  d: string;
  /** y of η = 0 and of the labelled ticks. */
  ticks: { y: number; label: string }[];
  /** The stability edge, when it lies within the strip's range; its label's baseline y. */
  edge: { y: number; labelY: number; label: Claim } | null;
  /** The edge lies above the strip's range: said in words instead. */
  edgeAbove: Claim | null;
  title: string;
}

/** A strip tick's label is centred on its tick: its baseline lies this many em below it. */
export const STRIP_TICK_BASELINE = 0.35;

/**
 * How far, px, the label of the strip's lowest tick (η = 0, on its bottom edge) reaches below the
 * strip: the figure keeps that much room under it, or the label is cut at the figure's edge.
 */
export function stripFoot(fontSize: number): number {
  const b = labelBox({ x: 0, y: STRIP_TICK_BASELINE * fontSize, anchor: 'end' }, 0, fontSize);
  return Math.ceil(b.y + b.height);
}

/** The strip's height for a figure of this height (0: no room). */
export function stripHeight(height: number, m: Metrics): number {
  const h = Math.round(Math.min(110, Math.max(3.6 * m.labelFont, 0.2 * height)));
  return height >= 260 ? h : 0;
}

/**
 * The edge label's baseline: above the line at its right end, unless η_s runs there less than a
 * line of text above the edge (the label would sit on the schedule): then below it, room allowing.
 */
function edgeLabelY(
  strip: NonNullable<StepsOverlay['strip']>,
  Y: (v: number) => number,
  height: number,
  font: number,
): number {
  const y = Y(strip.etaMax);
  const last = strip.eta.length ? strip.eta[strip.eta.length - 1] : 0;
  const gap = y - Y(last);
  const onSchedule = gap > 0 && gap < font + 4;
  return onSchedule && y + font + 2 <= height ? y + font + 1 : y - 3;
}

/**
 * Step: the strip's geometry. Its y axis runs from 0 to 1.1× the larger of the peak η_s and η_max
 * when η_max is within twice the peak (so the edge is drawn), else to 1.1× the peak with the edge
 * stated as lying above.
 */
export function stripLayout(
  strip: NonNullable<StepsOverlay['strip']>,
  X: (v: number) => number,
  top: number,
  height: number,
  font: number,
): StripLayout {
  let peak = 0;
  for (let i = 0; i < strip.eta.length; i++) peak = Math.max(peak, strip.eta[i]);
  const showEdge = strip.etaMax <= 2 * peak;
  const ymax = 1.1 * Math.max(peak, showEdge ? strip.etaMax : 0) || 1;
  const Y = (v: number) => height * (1 - v / ymax);
  const pts: (Point | null)[] = [];
  for (let i = 0; i < strip.x.length; i++)
    pts.push(
      strip.x[i] > 0 && Number.isFinite(strip.x[i]) ? [X(strip.x[i]), Y(strip.eta[i])] : null,
    );
  return {
    top,
    height,
    d: linePath(pts),
    ticks: [
      { y: Y(0), label: '0' },
      { y: Y(peak), label: formatNumber(peak, 2) },
    ],
    edge: showEdge
      ? {
          y: Y(strip.etaMax),
          labelY: edgeLabelY(strip, Y, height, font),
          label: strip.labels.inside,
        }
      : null,
    edgeAbove: showEdge ? null : strip.labels.above,
    title: STRIP_TITLE,
  };
}
