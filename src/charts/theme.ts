/// <reference types="vite/client" />
// Chart metrics per variant. Colours live in CSS variables (src/styles/charts.css consumes
// --fg, --bg, --muted, --grid, --c-eg, --c-etr, --c-accent, --c-sim, --c-pin-0..5, each with a
// fallback), so a theme is a set of variables; what changes the layout (type size, tick spacing,
// margins) has to be known here, so 'lecture' is also a set of numbers.
import '../styles/charts.css';

export type Variant = 'normal' | 'lecture';

export interface Metrics {
  /** Tick label size, px. */
  tickFont: number;
  /** Axis title and annotation size, px. */
  labelFont: number;
  /** Legend and read-out size, px. */
  legendFont: number;
  tickLength: number;
  minorTickLength: number;
  /** Minimum distance between labelled ticks on the x axis, px. */
  xTickSpacing: number;
  /** Minimum distance between labelled ticks on the y axis, px. */
  yTickSpacing: number;
  /** Radius of data points, px. */
  pointRadius: number;
  /** Radius of highlighted points (early stop, current value), px. */
  markRadius: number;
  /** Legend swatch length, px. */
  swatch: number;
}

const NORMAL: Metrics = {
  tickFont: 11,
  labelFont: 12,
  legendFont: 12,
  tickLength: 5,
  minorTickLength: 3,
  xTickSpacing: 46,
  yTickSpacing: 26,
  pointRadius: 2.5,
  markRadius: 4.5,
  swatch: 18,
};

const LECTURE: Metrics = {
  tickFont: 17,
  labelFont: 19,
  legendFont: 18,
  tickLength: 7,
  minorTickLength: 4,
  xTickSpacing: 72,
  yTickSpacing: 40,
  pointRadius: 4,
  markRadius: 7,
  swatch: 26,
};

export function metricsFor(variant: Variant = 'normal'): Metrics {
  return variant === 'lecture' ? LECTURE : NORMAL;
}

/** Class names of a chart root: the theme hooks of charts.css. */
export function chartClass(kind: string, variant: Variant = 'normal'): string {
  return `sp-chart sp-chart--${kind}${variant === 'lecture' ? ' sp-chart--lecture' : ''}`;
}

/** The colour of the pin at `i` in the pins list, as the CSS variable charts.css defines. */
export function pinColor(i: number): string {
  return `var(--c-pin-${((i % 6) + 6) % 6})`;
}
