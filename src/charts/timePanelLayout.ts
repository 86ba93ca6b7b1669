// Geometry shared by the panels drawn against training time or a timescale τ under the learning
// curve (the decomposition, the order parameters, the mode inspector): the learning curve's time
// domain on x (so the panels line up with it), a heading, a legend in rows above the plot, the y
// domain from the series (log, or linear for fractions) and one polyline per series.
import type { AxesFrame, EmptyState } from './frame.ts';
import { axesFrame, headingHeight, noData, TOP_PAD } from './frame.ts';
import { capDecades, logExtent, padLogDomain } from './domain.ts';
import { legendAndFrame, type LegendItem, type LegendLayout } from './marks/legend.ts';
import { linePath, present, type Point } from './path.ts';
import type { Metrics } from './theme.ts';

export interface TimeSeries {
  key: string;
  className: string;
  t: ArrayLike<number>;
  y: ArrayLike<number>;
}

export interface TimePanelInput {
  /** The learning curve's time domain (null: no curve yet). */
  tDomain: [number, number] | null;
  series: readonly TimeSeries[];
  legend: readonly LegendItem[];
  width: number;
  height: number;
  metrics: Metrics;
  /** Linear y axis over this domain with these ticks (default: log, from the data). */
  yLinear?: { domain: [number, number]; ticks: number[] };
  /** Further values the log y domain must include (marks). */
  yExtra?: readonly number[];
  /** At most this many decades on a log y axis, keeping the top. */
  maxDecades?: number;
  /** Why nothing is drawn when there is no data. */
  emptyReason: string;
}

export interface TimePanelLayout extends AxesFrame {
  width: number;
  height: number;
  empty: EmptyState;
  legend: LegendLayout;
  /** Top of the legend (below the heading), px. */
  legendY: number;
  paths: { key: string; className: string; d: string }[];
  /** The drawn polylines in plot pixels (obstacles for labels). */
  drawn: Point[][];
  X: (v: number) => number;
  Y: (v: number) => number;
}

/** Pixel points of a series: x on the time axis, y finite (and > 0 on a log axis), else a gap. */
function points(
  s: TimeSeries,
  X: (v: number) => number,
  Y: (v: number) => number,
  linear: boolean,
): (Point | null)[] {
  const n = Math.min(s.t.length, s.y.length);
  const out: (Point | null)[] = [];
  for (let i = 0; i < n; i++) {
    const t = s.t[i];
    const v = s.y[i];
    const ok = t > 0 && Number.isFinite(t) && Number.isFinite(v) && (linear || v > 0);
    out.push(ok ? [X(t), Y(v)] : null);
  }
  return out;
}

export function timePanelLayout(input: TimePanelInput): TimePanelLayout {
  const { metrics: m, series, yLinear } = input;
  const width = Math.max(0, input.width);
  const height = Math.max(0, input.height);
  const xDomain: [number, number] = input.tDomain ?? [1, 10];
  const yExt = yLinear ? null : logExtent(...series.map((s) => s.y), input.yExtra ?? []);
  const hasData = series.some((s) => s.t.length > 0);
  let empty: EmptyState = null;
  if (!input.tDomain || !hasData) empty = noData(input.emptyReason);
  else if (!yLinear && !yExt) empty = noData('Nothing positive and finite to plot.');
  const yDomain: [number, number] = yLinear
    ? yLinear.domain
    : yExt
      ? capDecades(padLogDomain(yExt, 0.06, 0.4), input.maxDecades ?? 12)
      : [0.1, 1];
  const headH = headingHeight(m);
  const { legend, frame: dims } = legendAndFrame(input.legend, width, m, (legendH) =>
    axesFrame(
      headH + legendH,
      width,
      height,
      xDomain,
      yDomain,
      m,
      0,
      yLinear ? { ticks: yLinear.ticks } : undefined,
    ),
  );
  const X = (v: number): number => dims.x(v);
  const Y = (v: number): number => dims.y(v);
  const base = { ...dims, width, height, legend, legendY: TOP_PAD + headH, X, Y };
  if (empty) return { ...base, empty, paths: [], drawn: [] };
  const paths: TimePanelLayout['paths'] = [];
  const drawn: Point[][] = [];
  for (const s of series) {
    const pts = points(s, X, Y, !!yLinear);
    paths.push({ key: s.key, className: s.className, d: linePath(pts) });
    drawn.push(present(pts));
  }
  return { ...base, empty: null, paths, drawn };
}
