// Geometry of the order-parameter panel (docs/theory.md §1 "Order parameters on a timescale"):
// κ(τ), R(τ) and 1/(1 − Γ(τ)) against the timescale τ = 1/s on the learning curve's time domain,
// on one log axis (all three are positive; R = 0 at κ_* is left out of the log axis).
import type { OrderResult } from '../model/types.ts';
import { ORDER_LABELS, ORDER_SERIES } from '../claims/orderParams.ts';
import type { LegendItem } from './marks/legend.ts';
import type { Metrics } from './theme.ts';
import { timePanelLayout, type TimePanelLayout } from './timePanelLayout.ts';

export interface OrderLayout extends TimePanelLayout {
  heading: string;
}

export const ORDER_HEADING = 'Order parameters against the timescale τ';

const LEGEND: LegendItem[] = ORDER_SERIES.map((k) => ({
  key: k,
  label: ORDER_LABELS[k],
  kind: 'line',
  className: `sp-series sp-series--${k} sp-legend-swatch`,
}));

export function orderLayout(
  order: OrderResult | null,
  tDomain: [number, number] | null,
  width: number,
  height: number,
  m: Metrics,
): OrderLayout {
  const L = timePanelLayout({
    tDomain,
    series: order
      ? ORDER_SERIES.map((k) => ({
          key: k,
          className: `sp-series sp-series--${k}`,
          t: order.tau,
          y: order[k],
        }))
      : [],
    legend: LEGEND,
    width,
    height,
    metrics: m,
    maxDecades: 12,
    emptyReason: 'The order parameters have not been computed yet.',
  });
  return { ...L, heading: ORDER_HEADING };
}
