// OrderParameters — the mean field's order parameters against the timescale τ = 1/s, on the
// learning curve's time domain (docs/theory.md §1): the renormalised ridge κ(τ), the collective
// response R(τ) = (1 − df/N)(1 − df/P) and the shared-noise amplification 1/(1 − Γ(τ)).
//
// Props
//   order     OrderResult | null          null shows "No data".
//   tDomain   [number, number] | null     the learning curve's time domain (the τ axis).
//   width, height, variant.
//
// Hooks: svg[data-testid="order-chart"], path[data-series="kappa|R|amplification"].
import { useMemo, type ReactNode } from 'react';
import type { OrderResult } from '../model/types.ts';
import { orderLayout } from './orderLayout.ts';
import { metricsFor, type Variant } from './theme.ts';
import { TimePanel } from './TimePanel.tsx';

export interface OrderParametersProps {
  order: OrderResult | null;
  tDomain: [number, number] | null;
  width: number;
  height: number;
  variant?: Variant;
}

const DESC =
  'Lines against the timescale τ (log-log): the renormalised ridge κ(τ) at λ = 1/τ + γ, the ' +
  'collective response R(τ) = (1 − df/N)(1 − df/P), and the noise amplification 1/(1 − Γ(τ)).';

export function OrderParameters(props: OrderParametersProps): ReactNode {
  const { order, tDomain, width, height, variant = 'normal' } = props;
  const m = metricsFor(variant);
  const L = useMemo(
    () => orderLayout(order, tDomain, width, height, m),
    [order, tDomain, width, height, m],
  );
  return (
    <TimePanel
      L={L}
      m={m}
      variant={variant}
      testId="order-chart"
      kind="order"
      heading={L.heading}
      label="Order parameters: renormalised ridge, collective response and noise amplification against the timescale τ"
      desc={DESC}
      xTitle="timescale τ = 1/s"
      yTitle="value"
      attr="data-series"
    />
  );
}
