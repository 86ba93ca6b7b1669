// SgdSweep — a one-pass SGD sweep (docs/theory.md §9.8) on log-log axes: E_g against the batch
// size B or the learning rate η, or the compute-optimal frontier, with its marked values (the
// critical batch, the optimum η*, the stability edge) as vertical rules with labels.
//
// Hooks for tests: svg[data-testid=<testId>], path[data-series=<series key>],
// g[data-testid=<mark testId>] (with data-x, the marked value's pixel x).
import { plainText } from '../format/rich.ts';
import { useMemo, type ReactNode } from 'react';
import { Annotation } from './Annotation.tsx';
import { ChartSvg } from './ChartSvg.tsx';
import { Heading } from './Heading.tsx';
import { Legend } from './Legend.tsx';
import { r2 } from './path.ts';
import { PlotFrame } from './PlotFrame.tsx';
import { sgdSweepLayout, type SweepFigure } from './sgdSweepLayout.ts';
import { metricsFor, type Variant } from './theme.ts';

export type { SweepFigure };

export interface SgdSweepProps {
  testId: string;
  figure: SweepFigure;
  width: number;
  height: number;
  variant?: Variant;
  /** The accessible name and the description (the panel's claims). */
  label: string;
  desc: string;
}

export function SgdSweep(props: SgdSweepProps): ReactNode {
  const { testId, figure, width, height, variant = 'normal', label, desc } = props;
  const m = metricsFor(variant);
  const L = useMemo(
    () => sgdSweepLayout({ ...figure, width, height, metrics: m }),
    [figure, width, height, m],
  );
  const fs = m.labelFont;
  return (
    <ChartSvg
      testId={testId}
      kind="sgd-sweep"
      variant={variant}
      width={L.width}
      height={L.height}
      label={label}
      title={plainText(L.heading)}
      desc={desc}
    >
      <Heading text={L.heading} x={L.margin.left} fontSize={fs} />
      <Legend layout={L.legend} x={L.margin.left} y={L.legendY} metrics={m} />
      <PlotFrame frame={L} xTitle={L.xTitle} yTitle={L.yTitle} metrics={m} empty={L.empty}>
        {(clip) => (
          <>
            <g clipPath={clip}>
              {L.marks.map((k) => (
                <line
                  key={k.testId}
                  className={`sp-ref ${k.className}`}
                  x1={r2(k.x)}
                  x2={r2(k.x)}
                  y1={0}
                  y2={r2(L.plotH)}
                />
              ))}
              {L.paths.map((p) => (
                <path key={p.key} className={p.className} data-series={p.key} d={p.d} fill="none" />
              ))}
              {L.paths.map((p) =>
                p.dots.map((d, i) => (
                  <circle
                    key={`${p.key}-${i}`}
                    className={p.className}
                    cx={r2(d[0])}
                    cy={r2(d[1])}
                    r={m.pointRadius + 0.5}
                  />
                )),
              )}
            </g>
            {L.marks.map((k) => (
              <g key={k.testId} data-testid={k.testId} data-x={r2(k.x)}>
                {k.point && (
                  <circle
                    className="sp-mark"
                    cx={r2(k.point[0])}
                    cy={r2(k.point[1])}
                    r={m.markRadius}
                  />
                )}
                <Annotation className="sp-annot sp-annot--accent" label={k.label} fontSize={fs} />
              </g>
            ))}
          </>
        )}
      </PlotFrame>
    </ChartSvg>
  );
}
