// RunFitChart — the user's runs and the theory fitted to them (docs/theory.md §10), log-log: the
// points of each run (hollow: left out as warm-up), each configuration's fitted curve with its
// 68 % and 95 % bands, solid over the data and dashed beyond to 10× the largest x, a rule where
// the data end, and with the hold-out shown the split and each run's plain power law (dotted).
//
// Props
//   result    RunFitResult | null    null shows "No data".
//   heading   string                 the figure's heading (claims/runfit.ts runFitHeading).
//   holdout   boolean                draw the hold-out's split and power laws.
//   width, height  number            size in px.
//   variant   'normal' | 'lecture'   default 'normal'.
//
// Hooks: svg[data-testid="runfit-chart"], g[data-series="run"][data-run] path.sp-runfit-used /
// g.sp-runfit-left-out circle (data-count on both), g[data-series="fit-curve"][data-runs] path[data-part="fit" | "extrap" |
// "band95" | "band68"], line[data-testid="runfit-data-end"], line[data-testid="runfit-split"],
// path[data-series="power-law"][data-run].
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import type { RunFitResult } from '../model/runfit/index.ts';
import { formatNumber } from '../format/number.ts';
import { ChartSvg } from './ChartSvg.tsx';
import { Heading } from './Heading.tsx';
import { Legend } from './Legend.tsx';
import { r2 } from './path.ts';
import { PlotFrame } from './PlotFrame.tsx';
import { runFitLayout } from './runFitLayout.ts';
import { metricsFor, type Variant } from './theme.ts';

export interface RunFitChartProps {
  result: RunFitResult | null;
  heading: string;
  holdout: boolean;
  width: number;
  height: number;
  variant?: Variant;
}

export function RunFitChart(props: RunFitChartProps): ReactNode {
  const { result, heading, holdout, width, height, variant = 'normal' } = props;
  const m = metricsFor(variant);
  const L = useMemo(
    () => runFitLayout(result, heading, holdout, width, height, m),
    [result, heading, holdout, width, height, m],
  );
  const fs = m.labelFont;
  const desc = result
    ? `${heading}. Fitted α = ${formatNumber(result.alpha.value, 3)}, β = ${formatNumber(result.beta.value, 3)}; curves continued to ${formatNumber(L.x.domain()[1], 2)}.`
    : 'No fit yet.';
  return (
    <ChartSvg
      testId="runfit-chart"
      kind="runfit"
      variant={variant}
      width={width}
      height={height}
      label="Your runs and the theory fitted to them: loss against x, log-log, with the extrapolation and its bands"
      title="Fit my runs"
      desc={desc}
    >
      <Heading text={L.heading} x={L.margin.left} fontSize={fs} />
      <Legend layout={L.legend} x={L.margin.left} y={L.legendY} metrics={m} />
      <PlotFrame frame={L} xTitle={L.xTitle} yTitle="loss" metrics={m} empty={L.empty}>
        {(clip) => (
          <>
            <g clipPath={clip}>
              {L.curves.map((c) => (
                <g key={c.runs.join('+')} data-series="fit-curve" data-runs={c.runs.join(',')}>
                  <path
                    className="sp-runfit-band95"
                    data-part="band95"
                    d={c.band95D}
                    style={{ fill: c.color }}
                  />
                  <path
                    className="sp-runfit-band68"
                    data-part="band68"
                    d={c.band68D}
                    style={{ fill: c.color }}
                  />
                  <path
                    className="sp-runfit-fit"
                    data-part="fit"
                    d={c.fitD}
                    fill="none"
                    style={{ stroke: c.color }}
                  />
                  <path
                    className="sp-runfit-extrap"
                    data-part="extrap"
                    d={c.extrapD}
                    fill="none"
                    style={{ stroke: c.color }}
                  />
                  {c.holdoutD && (
                    <path
                      className="sp-runfit-holdout"
                      data-part="holdout-fit"
                      data-testid="runfit-holdout-curve"
                      d={c.holdoutD}
                      fill="none"
                      style={{ stroke: c.color }}
                    />
                  )}
                </g>
              ))}
              {L.dataEnd && (
                <XRule
                  testId="runfit-data-end"
                  at={L.dataEnd}
                  plotH={L.plotH}
                  className="sp-runfit-rule"
                />
              )}
              {L.split && (
                <XRule
                  testId="runfit-split"
                  at={L.split}
                  plotH={L.plotH}
                  className="sp-runfit-rule sp-runfit-rule--split"
                />
              )}
              {L.runs.map((run) => (
                <g key={run.id} data-series="run" data-run={run.id} style={{ color: run.color }}>
                  {run.powerD && (
                    <path
                      className="sp-runfit-power"
                      data-series="power-law"
                      data-run={run.id}
                      d={run.powerD}
                      fill="none"
                      style={{ stroke: run.color }}
                    />
                  )}
                  <path
                    className="sp-runfit-used"
                    d={run.usedD}
                    data-count={run.used}
                    style={{ stroke: run.color }}
                  />
                  <g className="sp-runfit-left-out" data-count={run.leftOut}>
                    {run.leftOutAt.map((p, k) => (
                      <circle
                        key={k}
                        cx={r2(p[0])}
                        cy={r2(p[1])}
                        r={m.pointRadius}
                        style={{ stroke: run.color }}
                      />
                    ))}
                  </g>
                </g>
              ))}
            </g>
            {L.dataEnd && (
              <text
                className="sp-runfit-rule-label"
                x={r2(L.dataEnd.x + 4)}
                y={r2(fs)}
                fontSize={m.tickFont}
              >
                extrapolation →
              </text>
            )}
            {L.split && (
              <g className="sp-runfit-rule-label" fontSize={m.tickFont}>
                <text x={r2(L.split.x - 4)} y={r2(fs * 2.2)} textAnchor="end">
                  hold-out: fitted ←
                </text>
                <text x={r2(L.split.x + 4)} y={r2(fs * 2.2)}>
                  → predicted
                </text>
              </g>
            )}
          </>
        )}
      </PlotFrame>
    </ChartSvg>
  );
}

/** A vertical rule across the plot at x (the end of the data, the hold-out split). */
function XRule(props: {
  testId: string;
  at: { x: number; value: number };
  plotH: number;
  className: string;
}): ReactNode {
  const x = r2(props.at.x);
  return (
    <line
      data-testid={props.testId}
      data-x={props.at.value}
      className={props.className}
      x1={x}
      x2={x}
      y1={0}
      y2={r2(props.plotH)}
    />
  );
}
