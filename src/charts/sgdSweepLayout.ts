// Geometry of the one-pass SGD sweeps (docs/theory.md §9.8) as plain data: E_g against the batch
// size B (at fixed steps and at fixed samples, the critical batch marked), against the learning
// rate η (its optimum and the stability edge marked), and the compute-optimal frontier L*(C).
// One log-log figure kind: series, points marked on them, vertical rules with their labels.
// Pure: SgdSweep.tsx draws it; the words come from src/claims/sgd.ts.
import type { ClaimLines } from './placeText.ts';
import { capDecades, isLogFinite, logExtent, padLogDomain } from './domain.ts';
import { axesFrame, headingHeight, noData, type AxesFrame, type EmptyState } from './frame.ts';
import { plotObstacles, type LabelPos } from './labels.ts';
import { layoutLegend, legendWidth, type LegendItem, type LegendLayout } from './marks/legend.ts';
import { vRule } from './marks/rule.ts';
import { isolatedPoints, linePath, present, seriesPoints, type Point } from './path.ts';
import type { PlacedText } from './placeText.ts';
import type { Metrics } from './theme.ts';

export interface SweepSeries {
  key: string;
  label: string;
  /** Classes of the line (its colour and dash pattern). */
  className: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/** A value marked on the x axis (a vertical rule), with a point on a series when it has one. */
export interface SweepMarkSpec {
  testId: string;
  x: number;
  /** The marked point's E_g (null: a rule only). */
  y: number | null;
  /** Ways to write the label, preferred first, each a claim. */
  variants: readonly ClaimLines[];
  className: string;
}

export interface SgdSweepInput {
  heading: string;
  xTitle: string;
  yTitle: string;
  series: readonly SweepSeries[];
  marks: readonly SweepMarkSpec[];
  /** Why nothing is drawn when there are no series (null: there are). */
  missing: string | null;
  width: number;
  height: number;
  metrics: Metrics;
}

/** What the figure shows (memoised by the caller): heading, axis titles, series, marks. */
export type SweepFigure = Omit<SgdSweepInput, 'metrics' | 'width' | 'height'>;

export interface SweepPath {
  key: string;
  className: string;
  d: string;
  dots: Point[];
}

export interface SweepMark {
  testId: string;
  className: string;
  x: number;
  /** The point on the series (null: a rule only). */
  point: Point | null;
  label: PlacedText;
}

export interface SgdSweepLayout extends AxesFrame {
  width: number;
  height: number;
  heading: string;
  xTitle: string;
  yTitle: string;
  legend: LegendLayout;
  legendY: number;
  paths: SweepPath[];
  marks: SweepMark[];
  empty: EmptyState;
}

const MAX_DECADES = 12;

/** Step: the log domains of everything drawn (series and marked values). */
function domains(input: SgdSweepInput): { x: [number, number]; y: [number, number] } | null {
  const xs = input.series.map((s) => s.x);
  const ys = input.series.map((s) => s.y);
  const mx = input.marks.map((k) => k.x);
  const my = input.marks.flatMap((k) => (k.y !== null ? [k.y] : []));
  const x = logExtent(...xs, mx);
  const y = logExtent(...ys, my);
  if (!x || !y) return null;
  return { x: padLogDomain(x, 0.04, 0.6), y: capDecades(padLogDomain(y, 0.08, 0.4), MAX_DECADES) };
}

/** Candidates beside a vertical rule at px: right of it at the top, then left, then lower. */
function besideRule(px: number, fs: number, plotH: number): (extra: number) => LabelPos[] {
  return () => [
    { x: px + 4, y: fs, anchor: 'start' },
    { x: px - 4, y: fs, anchor: 'end' },
    { x: px + 4, y: plotH - 0.5 * fs, anchor: 'start' },
    { x: px - 4, y: plotH - 0.5 * fs, anchor: 'end' },
    { x: px + 4, y: plotH / 2, anchor: 'start' },
    { x: px - 4, y: plotH / 2, anchor: 'end' },
  ];
}

export function sgdSweepLayout(input: SgdSweepInput): SgdSweepLayout {
  const m = input.metrics;
  const width = Math.max(0, input.width);
  const height = Math.max(0, input.height);
  const items: LegendItem[] = input.series.map((s) => ({
    key: s.key,
    label: s.label,
    kind: 'line',
    className: `${s.className} sp-legend-swatch`,
  }));
  const dom = domains(input);
  const head = headingHeight(m);
  let legend = layoutLegend(items, legendWidth(width), m);
  const xD: [number, number] = dom?.x ?? [1, 10];
  const yD: [number, number] = dom?.y ?? [0.1, 1];
  let dims = axesFrame(head + legend.height, width, height, xD, yD, m);
  legend = layoutLegend(items, legendWidth(width, dims.margin), m);
  dims = axesFrame(head + legend.height, width, height, xD, yD, m);
  const base = {
    ...dims,
    width,
    height,
    heading: input.heading,
    xTitle: input.xTitle,
    yTitle: input.yTitle,
    legend,
    legendY: head + 8,
  };
  if (!dom || input.missing)
    return {
      ...base,
      paths: [],
      marks: [],
      empty: noData(input.missing ?? 'The sweep has no finite, positive values.'),
    };
  const X = (v: number) => dims.x(v);
  const Y = (v: number) => dims.y(v);
  const lines: Point[][] = [];
  const paths = input.series.map((s): SweepPath => {
    const pts = seriesPoints(s.x, s.y, X, Y);
    lines.push(present(pts));
    return { key: s.key, className: s.className, d: linePath(pts), dots: isolatedPoints(pts) };
  });
  const obs = plotObstacles(lines, dims.plotW, dims.plotH);
  const fs = m.labelFont;
  const marks = input.marks
    .filter((k) => isLogFinite(k.x))
    .map((k): SweepMark => {
      const px = X(k.x);
      const point: Point | null = k.y !== null && isLogFinite(k.y) ? [px, Y(k.y)] : null;
      if (point)
        obs.boxes.push({
          x: point[0] - m.markRadius,
          y: point[1] - m.markRadius,
          width: 2 * m.markRadius,
          height: 2 * m.markRadius,
        });
      const rule = vRule(
        px,
        dims.plotH,
        { variants: k.variants, at: besideRule(px, fs, dims.plotH), fontSize: fs },
        obs,
      );
      return { testId: k.testId, className: k.className, x: px, point, label: rule.label };
    });
  return { ...base, paths, marks, empty: null };
}
