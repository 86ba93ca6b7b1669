// The plot area of a log-log chart (frame.ts): both axes, a clip path of the plot rectangle, and
// a group translated to the plot's origin for the marks, or the empty state in its place. The
// marks come as a function of the clip path reference (`url(#…)`), so a chart decides which of
// its groups are clipped to the plot and which (labels) may reach into the margins.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { Axis } from './Axis.tsx';
import type { AxesFrame, EmptyState } from './frame.ts';
import { NoData } from './NoData.tsx';
import { r2 } from './path.ts';
import type { Metrics } from './theme.ts';

export interface PlotFrameProps {
  frame: AxesFrame;
  /** Axis titles, TeX-like sub/superscripts allowed. */
  xTitle: string;
  yTitle: string;
  metrics: Metrics;
  /** Non-null: draw this message in a dashed frame instead of axes and marks. */
  empty: EmptyState;
  /** Grid lines at the labelled ticks. Default true. */
  grid?: boolean;
  /** How far the clip rectangle reaches beyond the plot on each side, px. Default 1. */
  clipBleed?: number;
  /** Draw the axes after (over) the marks, e.g. over a heat map. Default false. */
  axesOnTop?: boolean;
  children: (clipPath: string) => ReactNode;
}

export function PlotFrame(props: PlotFrameProps): ReactNode {
  const { frame: F, xTitle, yTitle, metrics: m, empty, grid = true, clipBleed = 1 } = props;
  const clipId = `sp-clip-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const { margin, plotW, plotH } = F;
  if (empty)
    return (
      <NoData
        x={margin.left}
        y={margin.top}
        width={plotW}
        height={plotH}
        message={empty.message}
        detail={empty.detail}
        fontSize={m.labelFont}
      />
    );
  const axes = (
    <>
      <Axis
        orient="bottom"
        scale={F.x}
        ticks={F.xTicks}
        gridLength={grid ? plotH : 0}
        length={plotW}
        title={xTitle}
        titleOffset={F.xTitleOffset}
        metrics={m}
        x={margin.left}
        y={margin.top + plotH}
      />
      <Axis
        orient="left"
        scale={F.y}
        ticks={F.yTicks}
        gridLength={grid ? plotW : 0}
        length={plotH}
        title={yTitle}
        titleOffset={F.yTitleOffset}
        metrics={m}
        x={margin.left}
        y={margin.top}
      />
    </>
  );
  return (
    <>
      <defs>
        <clipPath id={clipId}>
          <rect
            x={-clipBleed}
            y={-clipBleed}
            width={r2(plotW + 2 * clipBleed)}
            height={r2(plotH + 2 * clipBleed)}
          />
        </clipPath>
      </defs>
      {!props.axesOnTop && axes}
      <g transform={`translate(${margin.left},${margin.top})`}>
        {props.children(`url(#${clipId})`)}
      </g>
      {props.axesOnTop && axes}
    </>
  );
}
