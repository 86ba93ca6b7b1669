// A legend laid out in rows above the plot (never over the data): items flow left to right and
// wrap when the next one would not fit in the available width.
import type { CSSProperties, ReactNode } from 'react';
import { axesFrame, type AxesFrame, type Margin } from './frame.ts';
import type { Metrics } from './theme.ts';
import { r2 } from './path.ts';
import { RichText, richWidth } from './richText.tsx';

export interface LegendItem {
  key: string;
  /** Label, TeX-like sub/superscripts allowed. */
  label: string;
  /** How the swatch looks: a line (solid or dashed, in a series class), or a point with a bar. */
  kind: 'line' | 'point' | 'hollow-point' | 'point-bar';
  /** Class of the swatch (carries the colour and dash pattern from charts.css). */
  className: string;
  /** Explicit colour (pins), applied as the stroke of lines and fill of points. */
  color?: string;
}

export interface LegendLayout {
  items: { item: LegendItem; x: number; y: number }[];
  /** Total height of the legend in px (0 if empty). */
  height: number;
}

const GAP = 16;

/**
 * Width of a legend aligned with the plot's left edge: what is right of the left margin, or, before
 * the margin is known (it depends on the y tick labels, below the legend), the width less 24 px.
 */
export function legendWidth(width: number, margin?: Margin): number {
  return Math.max(60, margin ? width - margin.left - 8 : width - 24);
}

/**
 * A legend above a log-log frame with a heading of `headingH` px: the legend's width depends on
 * the left margin, which depends on the y ticks, which depend on the legend's height; two rounds
 * settle it.
 */
export function legendAndFrame(
  items: readonly LegendItem[],
  headingH: number,
  width: number,
  height: number,
  xDomain: [number, number],
  yDomain: [number, number],
  m: Metrics,
): { legend: LegendLayout; frame: AxesFrame } {
  let legend = layoutLegend(items, legendWidth(width), m);
  let frame = axesFrame(headingH + legend.height, width, height, xDomain, yDomain, m);
  legend = layoutLegend(items, legendWidth(width, frame.margin), m);
  frame = axesFrame(headingH + legend.height, width, height, xDomain, yDomain, m);
  return { legend, frame };
}

export function layoutLegend(
  items: readonly LegendItem[],
  width: number,
  m: Metrics,
): LegendLayout {
  const rowHeight = Math.round(m.legendFont * 1.5);
  const out: LegendLayout['items'] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const w = m.swatch + 6 + richWidth(item.label, m.legendFont);
    if (x > 0 && x + w > width) {
      row += 1;
      x = 0;
    }
    out.push({ item, x, y: row * rowHeight });
    x += w + GAP;
  }
  return { items: out, height: items.length ? (row + 1) * rowHeight : 0 };
}

export function Legend({
  layout,
  x,
  y,
  metrics: m,
}: {
  layout: LegendLayout;
  x: number;
  y: number;
  metrics: Metrics;
}): ReactNode {
  const mid = m.legendFont * 0.5;
  return (
    <g className="sp-legend" data-testid="legend" transform={`translate(${r2(x)},${r2(y)})`}>
      {layout.items.map(({ item, x: ix, y: iy }) => {
        const style: CSSProperties | undefined = item.color
          ? item.kind === 'line'
            ? { stroke: item.color }
            : { fill: item.color }
          : undefined;
        const cx = r2(m.swatch / 2);
        return (
          <g key={item.key} className="sp-legend-item" transform={`translate(${r2(ix)},${r2(iy)})`}>
            {item.kind === 'line' && (
              <line
                className={item.className}
                style={style}
                x1={0}
                x2={m.swatch}
                y1={r2(mid)}
                y2={r2(mid)}
              />
            )}
            {item.kind === 'point-bar' && (
              <line
                className="sp-sim-bar"
                x1={cx}
                x2={cx}
                y1={r2(mid - m.legendFont * 0.45)}
                y2={r2(mid + m.legendFont * 0.45)}
              />
            )}
            {item.kind !== 'line' && (
              <circle
                className={item.className}
                style={style}
                cx={cx}
                cy={r2(mid)}
                r={m.pointRadius + 0.5}
              />
            )}
            <text x={m.swatch + 6} y={r2(mid + m.legendFont * 0.36)} fontSize={m.legendFont}>
              <RichText text={item.label} fontSize={m.legendFont} />
            </text>
          </g>
        );
      })}
    </g>
  );
}
