// A legend above the plot, as laid out by marks/legend.ts: per item a swatch (a line, a point, a
// point with its ±1 s.e.m. bar) and its label.
import type { CSSProperties, ReactNode } from 'react';
import type { LegendLayout } from './marks/legend.ts';
import type { Metrics } from './theme.ts';
import { r2 } from './path.ts';
import { RichText } from './richText.tsx';

export function Legend({
  layout,
  x,
  y,
  metrics: m,
}: {
  layout: LegendLayout;
  x: number;
  y: number;
  metrics: Metrics;
}): ReactNode {
  const mid = m.legendFont * 0.5;
  return (
    <g className="sp-legend" data-testid="legend" transform={`translate(${r2(x)},${r2(y)})`}>
      {layout.items.map(({ item, x: ix, y: iy }) => {
        const style: CSSProperties | undefined = item.color
          ? item.kind === 'line'
            ? { stroke: item.color }
            : { fill: item.color }
          : undefined;
        const cx = r2(m.swatch / 2);
        return (
          <g key={item.key} className="sp-legend-item" transform={`translate(${r2(ix)},${r2(iy)})`}>
            {item.kind === 'line' && (
              <line
                className={item.className}
                style={style}
                x1={0}
                x2={m.swatch}
                y1={r2(mid)}
                y2={r2(mid)}
              />
            )}
            {item.kind === 'point-bar' && (
              <line
                className="sp-sim-bar"
                x1={cx}
                x2={cx}
                y1={r2(mid - m.legendFont * 0.45)}
                y2={r2(mid + m.legendFont * 0.45)}
              />
            )}
            {item.kind !== 'line' && (
              <circle
                className={item.className}
                style={style}
                cx={cx}
                cy={r2(mid)}
                r={m.pointRadius + 0.5}
              />
            )}
            <text x={m.swatch + 6} y={r2(mid + m.legendFont * 0.36)} fontSize={m.legendFont}>
              <RichText text={item.label} fontSize={m.legendFont} />
            </text>
          </g>
        );
      })}
    </g>
  );
}
