// The frame shared by the log-log charts: margins that fit the tick labels and axis titles, the
// scales and the ticks. A heading and a legend of known height sit in the top margin; `extraRight`
// reserves room on the right (the mode panel's colour bar); `yLinear` makes the y axis linear with
// the given ticks (a fraction between 0 and 1). PlotFrame.tsx renders it.
import { scaleLinear, scaleLog } from 'd3';
import type { ScaleContinuousNumeric, ScaleLogarithmic } from 'd3';
import { textWidth } from './labels.ts';
import type { Metrics } from './theme.ts';
import { logTicks, type LogTicks } from './ticks.ts';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface AxesFrame {
  margin: Margin;
  plotW: number;
  plotH: number;
  x: ScaleLogarithmic<number, number>;
  /** Logarithmic, or linear where a chart asks for it (a fraction between 0 and 1). */
  y: ScaleContinuousNumeric<number, number>;
  xTicks: LogTicks;
  yTicks: LogTicks;
  xTitleOffset: number;
  yTitleOffset: number;
}

/** Why a chart draws no data ("No data" and the reason), or null when it has data to draw. */
export type EmptyState = { message: string; detail: string } | null;

/** The empty state of a chart with nothing to draw, for the given reason. */
export function noData(detail: string): NonNullable<EmptyState> {
  return { message: 'No data', detail };
}

/** Space between the top of the chart and its heading or legend, px. */
export const TOP_PAD = 8;

/** Height of a panel heading (one line of label type) above the legend, px. */
export function headingHeight(m: Metrics): number {
  return Math.round(m.labelFont * 1.5);
}

/** Margins, scales and ticks of a log-log frame with a legend of the given height on top. */
export function axesFrame(
  legendHeight: number,
  width: number,
  height: number,
  xDomain: [number, number],
  yDomain: [number, number],
  m: Metrics,
  extraRight = 0,
  yLinear?: { ticks: number[] },
): AxesFrame {
  const xTitleOffset = m.tickLength + 3 + m.tickFont * 1.2 + 6 + m.labelFont * 0.8;
  const top = Math.ceil(TOP_PAD + legendHeight + (legendHeight ? 8 : 0));
  const bottom = Math.ceil(xTitleOffset + m.labelFont * 0.3 + 4);
  const plotH = Math.max(10, height - top - bottom);
  const y = (yLinear ? scaleLinear() : scaleLog()).domain(yDomain).range([plotH, 0]);
  const yTicks = yLinear
    ? { major: yLinear.ticks.map((v) => ({ value: v, label: String(v) })), minor: [] }
    : logTicks(yDomain, plotH, m.yTickSpacing);
  const maxYLabel = Math.max(0, ...yTicks.major.map((t) => textWidth(t.label, m.tickFont)));
  const yTitleOffset = m.tickLength + 4 + maxYLabel + 8 + m.labelFont * 0.2;
  const left = Math.ceil(yTitleOffset + m.labelFont * 0.8 + 4);
  const plotW0 = Math.max(10, width - left - 12 - extraRight);
  const xTicks0 = logTicks(xDomain, plotW0, m.xTickSpacing);
  const lastX = xTicks0.major[xTicks0.major.length - 1];
  // The last x label is centred on its tick: leave room for its right half.
  const right =
    Math.max(12, lastX ? Math.ceil(textWidth(lastX.label, m.tickFont) / 2) + 4 : 12) + extraRight;
  const plotW = Math.max(10, width - left - right);
  const x = scaleLog().domain(xDomain).range([0, plotW]);
  const xTicks = logTicks(xDomain, plotW, m.xTickSpacing);
  return {
    margin: { top, right, bottom, left },
    plotW,
    plotH,
    x,
    y,
    xTicks,
    yTicks,
    xTitleOffset,
    yTitleOffset,
  };
}
