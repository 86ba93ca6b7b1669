// The frame of the panels under the learning curve (timePanelLayout.ts): heading, legend, axes and
// one path per series, each path tagged `data-<attr>="<key>"` (the stable hooks); the chart's own
// marks come as children, drawn in plot coordinates inside the clip.
import type { ReactNode } from 'react';
import { ChartSvg } from './ChartSvg.tsx';
import { Heading } from './Heading.tsx';
import { Legend } from './Legend.tsx';
import { PlotFrame } from './PlotFrame.tsx';
import type { Metrics, Variant } from './theme.ts';
import type { TimePanelLayout } from './timePanelLayout.ts';

export interface TimePanelProps {
  L: TimePanelLayout;
  m: Metrics;
  variant: Variant;
  testId: string;
  kind: string;
  heading: string;
  label: string;
  desc: string;
  xTitle: string;
  yTitle: string;
  /** The attribute naming each path: data-part or data-series. */
  attr: 'data-part' | 'data-series';
  /** Series keys tagged with `data-series` whatever `attr` says (e.g. the total E_g). */
  seriesKeys?: readonly string[];
  children?: (clip: string) => ReactNode;
}

export function TimePanel(props: TimePanelProps): ReactNode {
  const { L, m, variant } = props;
  return (
    <ChartSvg
      testId={props.testId}
      kind={props.kind}
      variant={variant}
      width={L.width}
      height={L.height}
      label={props.label}
      title={props.heading}
      desc={props.desc}
    >
      <Heading text={props.heading} x={L.margin.left} fontSize={m.labelFont} />
      <Legend layout={L.legend} x={L.margin.left} y={L.legendY} metrics={m} />
      <PlotFrame frame={L} xTitle={props.xTitle} yTitle={props.yTitle} metrics={m} empty={L.empty}>
        {(clip) => (
          <>
            <g clipPath={clip}>
              {L.paths.map((p) => {
                const attr = props.seriesKeys?.includes(p.key) ? 'data-series' : props.attr;
                return <path key={p.key} className={p.className} d={p.d} {...{ [attr]: p.key }} />;
              })}
            </g>
            {props.children?.(clip)}
          </>
        )}
      </PlotFrame>
    </ChartSvg>
  );
}
