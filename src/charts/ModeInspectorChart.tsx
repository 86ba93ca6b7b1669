// ModeInspectorChart — one eigenmode's mean learned fraction ℓ_k(t) under the mean field against
// the free dynamics (docs/theory.md §3 "Per-mode learning"), with ℓ = ½, ℓ_k(∞), the time the mode
// is learned and, after a simulation, the simulator's per-mode mean ± 1 s.e.m.
//
// Props
//   detail    ModeDetail | null        null shows "No data".
//   sim       SimModeRow | null        the simulator's row for this mode, when read out.
//   tDomain   [number, number] | null  the learning curve's time domain.
//   width, height, variant.
//
// Hooks: svg[data-testid="mode-chart"], path[data-series="ell|free"], line[data-testid="ell-inf"],
// line[data-testid="learned-time"], g[data-testid="sim-mode"] (one circle per sample time).
import { useMemo, type ReactNode } from 'react';
import type { ModeDetail } from '../model/types.ts';
import { modeInspectorLayout, type SimModeRow } from './modeInspectorLayout.ts';
import { r2 } from './path.ts';
import { metricsFor, type Variant } from './theme.ts';
import { SimMarks } from './SimMarks.tsx';
import { TimePanel } from './TimePanel.tsx';

export interface ModeInspectorChartProps {
  detail: ModeDetail | null;
  sim: SimModeRow | null;
  tDomain: [number, number] | null;
  width: number;
  height: number;
  variant?: Variant;
}

const DESC =
  'Solid line: the mean learned fraction ℓ_k(t) of the mode under the mean field; dashed: the ' +
  'free dynamics without the collective response; dotted lines at ½ and at ℓ_k(∞); points: the ' +
  'simulation when it has run.';

export function ModeInspectorChart(props: ModeInspectorChartProps): ReactNode {
  const { detail, sim, tDomain, width, height, variant = 'normal' } = props;
  const m = metricsFor(variant);
  const L = useMemo(
    () => modeInspectorLayout(detail, sim, tDomain, width, height, m),
    [detail, sim, tDomain, width, height, m],
  );
  const hline = (y: number, cls: string, testId: string) => (
    <line data-testid={testId} className={cls} x1={0} x2={r2(L.plotW)} y1={r2(y)} y2={r2(y)} />
  );
  return (
    <TimePanel
      L={L}
      m={m}
      variant={variant}
      testId="mode-chart"
      kind="mode"
      heading={L.heading}
      label="Mode inspector: learned fraction of one eigenmode over training time, mean field against free dynamics"
      desc={DESC}
      xTitle="training time t"
      yTitle="learned fraction ℓ_k"
      attr="data-series"
    >
      {(clip) => (
        <g clipPath={clip}>
          {hline(L.halfY, 'sp-ref sp-ref--half', 'ell-half')}
          {L.infY !== null && hline(L.infY, 'sp-ref sp-ref--limit', 'ell-inf')}
          {L.learnedX !== null && (
            <line
              data-testid="learned-time"
              className="sp-ref sp-ref--tstar"
              x1={r2(L.learnedX)}
              x2={r2(L.learnedX)}
              y1={0}
              y2={r2(L.plotH)}
            />
          )}
          {L.sim.length > 0 && (
            <SimMarks
              testId="sim-mode"
              marks={L.sim}
              pointClass="sp-sim-point"
              r={m.pointRadius + 0.5}
            />
          )}
        </g>
      )}
    </TimePanel>
  );
}
