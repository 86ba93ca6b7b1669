// The window of a fit as a bracket on the x axis with its label above it: the fitted power law of
// the learning curve and of the scaling panels (the slope written on it), the fit ranges of a
// measured spectrum (the modes used). An exported figure thus states where each slope was fitted.
import type { PowerFit } from '../../model/types.ts';
import { formatNumber, formatSlope } from '../../format/number.ts';
import type { Obstacles } from '../labels.ts';
import { placeText, type PlacedText } from '../placeText.ts';
import type { Metrics } from '../theme.ts';
import type { PlotScales } from './scales.ts';

export interface FitBracket {
  x1: number;
  x2: number;
  /** Baseline of the bracket, px. */
  y: number;
  label: PlacedText;
  /** The fit as text, for the figure's description. */
  text: string;
}

/** Gap between the x axis and a fit's bracket, and between a bracket and its label, px. */
const GAP = 4;

export interface BracketSpec {
  /** The bracketed range in data units (x axis). */
  from: number;
  to: number;
  /** Baseline of the bracket, px. */
  y: number;
  /** The label written above it. */
  label: string;
  /** The description (FitBracket.text). */
  text: string;
  /** Gap between the bracket and its label's baseline, px. */
  lift: number;
  /** Also try the label one line higher, centred (when the nearer spots are taken). */
  higher: boolean;
}

/**
 * A bracket over [from, to] clipped to the plot (null when nothing of it is inside), its label
 * centred above it or aligned with an end, placed clear of `obs`; the bracket becomes an obstacle.
 */
export function bracketMark(
  b: BracketSpec,
  s: PlotScales,
  m: Metrics,
  obs: Obstacles,
): FitBracket | null {
  const x1 = Math.max(0, s.X(b.from));
  const x2 = Math.min(s.plotW, s.X(b.to));
  if (!(x2 > x1)) return null;
  const { y, lift } = b;
  const fs = m.labelFont;
  const mid = (x1 + x2) / 2;
  const label = placeText(
    [[b.label]],
    (extra) => [
      { x: mid, y: y - lift - extra, anchor: 'middle' },
      { x: x2, y: y - lift - extra, anchor: 'end' },
      { x: x1, y: y - lift - extra, anchor: 'start' },
      ...(b.higher
        ? [{ x: mid, y: y - 2 * lift - 1.1 * fs - extra, anchor: 'middle' as const }]
        : []),
    ],
    fs,
    obs,
  );
  obs.lines.push([
    [x1, y],
    [x2, y],
  ]);
  return { x1, x2, y, label, text: b.text };
}

/** The window of a fitted power law, as a bracket on the x axis with the slope written on it. */
export function fitBracket(
  fit: PowerFit | null,
  variable: string,
  s: PlotScales,
  m: Metrics,
  obs: Obstacles,
): FitBracket | null {
  if (!fit || !(fit.xmin > 0) || !(fit.xmax > fit.xmin)) return null;
  const label = `fit ${variable}^{${formatSlope(fit.slope, 2)}}`;
  return bracketMark(
    {
      from: fit.xmin,
      to: fit.xmax,
      y: s.plotH - GAP,
      label,
      text: `${label} over [${formatNumber(fit.xmin, 2)}, ${formatNumber(fit.xmax, 2)}]`,
      lift: GAP,
      higher: true,
    },
    s,
    m,
    obs,
  );
}
