// Chart metrics per variant (type size, tick spacing, radii): what changes the layout has to be
// known in numbers, so 'lecture' is also a set of numbers. Kept apart from theme.ts (which loads
// the charts' CSS) so that layouts can be computed without a browser (bench, CLI).
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
