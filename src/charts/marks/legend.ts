// A legend laid out in rows above the plot (never over the data): items flow left to right and
// wrap when the next one would not fit in the available width. Legend.tsx draws the layout.
import type { Margin } from '../frame.ts';
import { richWidth } from '../richRuns.ts';
import type { Metrics } from '../theme.ts';

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
 * A legend above a frame: the legend's width depends on the frame's left margin, which depends on
 * the y ticks, which depend on the legend's height (the top margin, `frameBelow`'s argument);
 * two rounds settle it.
 */
export function legendAndFrame<F extends { margin: Margin }>(
  items: readonly LegendItem[],
  width: number,
  m: Metrics,
  frameBelow: (legendHeight: number) => F,
): { legend: LegendLayout; frame: F } {
  let legend = layoutLegend(items, legendWidth(width), m);
  let frame = frameBelow(legend.height);
  legend = layoutLegend(items, legendWidth(width, frame.margin), m);
  frame = frameBelow(legend.height);
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
