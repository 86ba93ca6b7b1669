/// <reference types="vite/client" />
// Chart metrics per variant. Colours live in CSS variables (src/styles/charts.css consumes
// --fg, --bg, --muted, --grid, --c-eg, --c-etr, --c-accent, --c-sim, --c-pin-0..5, each with a
// fallback), so a theme is a set of variables; what changes the layout (type size, tick spacing,
// margins) is in metrics.ts, re-exported here.
import '../styles/charts.css';

export { metricsFor, type Metrics, type Variant } from './metrics.ts';
import type { Variant } from './metrics.ts';

/** Class names of a chart root: the theme hooks of charts.css. */
export function chartClass(kind: string, variant: Variant = 'normal'): string {
  return `sp-chart sp-chart--${kind}${variant === 'lecture' ? ' sp-chart--lecture' : ''}`;
}

/** The colour of the pin at `i` in the pins list, as the CSS variable charts.css defines. */
export function pinColor(i: number): string {
  return `var(--c-pin-${((i % 6) + 6) % 6})`;
}
