// Decomposition — E_g(t) and its additive parts on the learning curve's time axis (docs/theory.md
// §3 "Parts of E_g"): signal (what is left of the target), label noise (∝ σ²), temperature
// (Langevin) and init (σ₀²). Parts identically zero in the state are not drawn; the legend says
// why. The early-stopping time t* and the signal–noise crossing are marked.
//
// Props
//   data      DecompositionData | null   the parts and the curve they belong to (null: No data).
//   tDomain   [number, number] | null    the learning curve's time domain (the x axis).
//   width, height, variant.
//
// Hooks: svg[data-testid="decomposition"], path[data-part="signal|noise|temperature|init"],
// path[data-series="Eg"], line[data-testid="parts-tstar"], circle[data-testid="parts-crossing"],
// g[data-sim-part="signal|noise|temperature|init"] (the exact simulation's parts, ±1 s.e.m.).
import { useMemo, type ReactNode } from 'react';
import { decompositionLayout, type DecompositionData } from './decompositionLayout.ts';
import { r2 } from './path.ts';
import { metricsFor, type Variant } from './theme.ts';
import { TimePanel } from './TimePanel.tsx';
import { SimMarks } from './SimMarks.tsx';

export interface DecompositionProps {
  data: DecompositionData | null;
  tDomain: [number, number] | null;
  width: number;
  height: number;
  variant?: Variant;
}

const DESC =
  'Lines: the test error E_g and its parts over training time t (log-log): signal, label noise, ' +
  'temperature and init, which add up to E_g. A part that is zero in this state is not drawn. ' +
  'Points, when a simulation ran at these parameters: its parts, mean ±1 s.e.m. over seeds.';

export function Decomposition(props: DecompositionProps): ReactNode {
  const { data, tDomain, width, height, variant = 'normal' } = props;
  const m = metricsFor(variant);
  const L = useMemo(
    () => decompositionLayout(data, tDomain, width, height, m),
    [data, tDomain, width, height, m],
  );
  return (
    <TimePanel
      L={L}
      m={m}
      variant={variant}
      testId="decomposition"
      kind="decomposition"
      heading={L.heading}
      label="Decomposition: the test error E_g over training time and its signal, label-noise, temperature and init parts"
      desc={DESC}
      xTitle="training time t"
      yTitle="error parts"
      attr="data-part"
      seriesKeys={['Eg']}
    >
      {() => (
        <>
          {L.tStarX !== null && (
            <line
              data-testid="parts-tstar"
              className="sp-ref sp-ref--tstar"
              x1={r2(L.tStarX)}
              x2={r2(L.tStarX)}
              y1={0}
              y2={r2(L.plotH)}
            />
          )}
          {L.simParts.map(({ key, marks }) => (
            <g key={key} data-sim-part={key}>
              <SimMarks
                marks={marks}
                pointClass={`sp-sim-point sp-sim-point--${key}`}
                r={m.pointRadius + 1}
              />
            </g>
          ))}
          {L.crossing && (
            <circle
              data-testid="parts-crossing"
              className="sp-mark"
              cx={r2(L.crossing.cx)}
              cy={r2(L.crossing.cy)}
              r={m.markRadius}
            />
          )}
        </>
      )}
    </TimePanel>
  );
}
