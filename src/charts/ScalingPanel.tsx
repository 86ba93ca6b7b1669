// ScalingPanel — E_g against dataset size P or model size N on log-log axes (THEORY.md §6,
// LESSONS.md 2, 4, 7): the sweep as line and points, the fitted power law dashed over its window
// [fit.xmin, fit.xmax] with "fit: slope −1.03 · predicted −1.00", a dotted guide with the predicted
// slope through the fit's centre, and the current value marked "current P = 400".
//
// Props
//   sweep    SweepResult | null     null shows "No data".
//   axis     'P' | 'N'              which panel this is (sets data-testid when sweep is null).
//                                   Default: sweep.axis, else 'P'.
//   width, height  number           size in px.
//   variant  'normal' | 'lecture'   default 'normal'.
//
// Points with E_g = ∞ (the interpolation peak) are marked "∞" at the top edge.
//
// Hooks: svg[data-testid="scaling-P" | "scaling-N"], path[data-series="sweep" | "fit" |
// "predicted"], g[data-series="sweep-points"], g[data-series="sweep-divergent"], text[data-testid="fit-label"], g[data-testid=
// "current"], text[data-testid="scaling-caption"], g[data-testid="no-data"].
import { useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { SweepAxis, SweepResult } from '../model/types.ts';
import { Axis } from './Axis.tsx';
import { Legend } from './Legend.tsx';
import { NoData } from './NoData.tsx';
import { r2 } from './path.ts';
import { LabelText, RichText } from './richText.tsx';
import { fitLabelText, scalingLayout } from './scalingLayout.ts';
import { chartClass, metricsFor, type Variant } from './theme.ts';

export interface ScalingPanelProps {
  sweep: SweepResult | null;
  axis?: SweepAxis;
  width: number;
  height: number;
  variant?: Variant;
}

export function ScalingPanel(props: ScalingPanelProps): ReactNode {
  const { sweep, width, height, variant = 'normal' } = props;
  const axis: SweepAxis = props.axis ?? sweep?.axis ?? 'P';
  const m = metricsFor(variant);
  const clipId = `sp-clip-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const L = useMemo(
    () => scalingLayout(sweep, axis, width, height, m),
    [sweep, axis, width, height, m],
  );
  const fs = m.labelFont;
  const label =
    `Scaling panel: log-log plot of the test error E_g against ${axis === 'P' ? 'dataset size P' : 'model size N'}` +
    (sweep ? `; ${fitLabelText(sweep)}` : '; no data');
  return (
    <svg
      data-testid={axis === 'P' ? 'scaling-P' : 'scaling-N'}
      className={chartClass(`scaling-${axis}`, variant)}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <title>{axis === 'P' ? 'Scaling with dataset size' : 'Scaling with model size'}</title>
      <desc>{`${L.heading}.`}</desc>
      <text
        data-testid="scaling-caption"
        className="sp-axis-title"
        x={L.margin.left}
        y={r2(8 + fs * 0.9)}
        fontSize={fs}
        fontWeight={600}
      >
        <RichText text={L.heading} fontSize={fs} />
      </text>
      <Legend layout={L.legend} x={L.margin.left} y={L.legendY} metrics={m} />
      {L.empty ? (
        <NoData
          x={L.margin.left}
          y={L.margin.top}
          width={L.plotW}
          height={L.plotH}
          message={L.empty.message}
          detail={L.empty.detail}
          fontSize={fs}
        />
      ) : (
        <>
          <defs>
            <clipPath id={clipId}>
              <rect x={-1} y={-1} width={r2(L.plotW + 2)} height={r2(L.plotH + 2)} />
            </clipPath>
          </defs>
          <Axis
            orient="bottom"
            scale={L.x}
            ticks={L.xTicks}
            gridLength={L.plotH}
            length={L.plotW}
            title={L.xTitle}
            titleOffset={L.xTitleOffset}
            metrics={m}
            x={L.margin.left}
            y={L.margin.top + L.plotH}
          />
          <Axis
            orient="left"
            scale={L.y}
            ticks={L.yTicks}
            gridLength={L.plotW}
            length={L.plotH}
            title={L.yTitle}
            titleOffset={L.yTitleOffset}
            metrics={m}
            x={L.margin.left}
            y={L.margin.top}
          />
          <g transform={`translate(${L.margin.left},${L.margin.top})`}>
            <g clipPath={`url(#${clipId})`}>
              {L.current && (
                <line
                  className="sp-ref sp-ref--current"
                  x1={r2(L.current.x)}
                  x2={r2(L.current.x)}
                  y1={0}
                  y2={r2(L.plotH)}
                />
              )}
              <path
                className="sp-series sp-series--predicted"
                data-series="predicted"
                d={L.predictedD}
                fill="none"
              />
              <path
                className="sp-series sp-series--eg"
                data-series="sweep"
                d={L.sweepD}
                fill="none"
              />
              <g data-series="sweep-points">
                {L.points.map((p, i) => (
                  <circle
                    key={i}
                    className="sp-points--eg"
                    cx={r2(p[0])}
                    cy={r2(p[1])}
                    r={m.pointRadius + 0.5}
                  />
                ))}
              </g>
              <path className="sp-series sp-series--fit" data-series="fit" d={L.fitD} fill="none" />
            </g>
            {L.divergentX.length > 0 && (
              <g data-series="sweep-divergent">
                {L.divergentX.map((x) => (
                  <text
                    key={x}
                    className="sp-annot sp-annot--limit"
                    x={r2(x)}
                    y={r2(fs * 0.95)}
                    textAnchor="middle"
                    fontSize={fs}
                  >
                    <title>E_g = ∞ at this value</title>∞
                  </text>
                ))}
              </g>
            )}
            {L.current && (
              <g data-testid="current">
                {L.current.y !== null && (
                  <circle
                    className="sp-mark sp-mark--current"
                    cx={r2(L.current.x)}
                    cy={r2(L.current.y)}
                    r={m.markRadius}
                  />
                )}
                <LabelText
                  className="sp-annot"
                  lines={L.current.lines}
                  x={L.current.pos.x}
                  y={L.current.pos.y}
                  anchor={L.current.pos.anchor}
                  fontSize={fs}
                />
              </g>
            )}
            <LabelText
              testId="fit-label"
              className="sp-annot sp-annot--accent"
              lines={L.fitLabel.lines}
              x={L.fitLabel.pos.x}
              y={L.fitLabel.pos.y}
              anchor={L.fitLabel.pos.anchor}
              fontSize={fs}
            />
          </g>
        </>
      )}
    </svg>
  );
}
