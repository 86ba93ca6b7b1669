// A log axis rendered by React from precomputed ticks (ticks.ts): tick marks, labels, optional
// grid lines across the plot, and a title. Rendering here rather than with d3-axis keeps the
// markup deterministic for figure snapshots and lets the theme style every part through classes.
import type { ReactNode } from 'react';
import type { LogTicks } from './ticks.ts';
import type { Metrics } from './theme.ts';
import { r2 } from './path.ts';
import { RichText } from './richText.tsx';

export interface AxisProps {
  orient: 'bottom' | 'left';
  /** Maps a data value to a pixel offset along the axis (relative to the plot origin). */
  scale: (v: number) => number;
  ticks: LogTicks;
  /** Plot width (left axis) or height (bottom axis): grid lines span it. 0 = no grid. */
  gridLength: number;
  /** Axis length in px (plot width for bottom, plot height for left). */
  length: number;
  /** Title, TeX-like sub/superscripts allowed ("training time t", "error E_g"). */
  title: string;
  /** Distance of the title's baseline from the axis line, px. */
  titleOffset: number;
  metrics: Metrics;
  /** Translation of the axis group (the plot's origin for this axis). */
  x: number;
  y: number;
}

/**
 * One path of short segments across the axis at `ps` (tick marks or grid lines): from `from` to
 * `to` in the direction away from a bottom axis (y) or a left one (x).
 */
function segments(ps: readonly string[], bottom: boolean, from: number, to: string): string {
  const f = r2(from);
  return ps.map((p) => (bottom ? `M${p},${f}V${to}` : `M${f},${p}H${to}`)).join('');
}

export function Axis(props: AxisProps): ReactNode {
  const { orient, scale, ticks, gridLength, length, title, titleOffset, metrics: m, x, y } = props;
  const bottom = orient === 'bottom';
  const inside = (p: number): boolean => p >= -0.5 && p <= length + 0.5;
  const major = ticks.major.filter((t) => inside(scale(t.value)));
  const minor = ticks.minor.filter((v) => inside(scale(v)));
  const at = major.map((t) => r2(scale(t.value)));
  // Tick marks and grid lines are one path each and a label sets one coordinate: when the domain
  // moves (every step of a drag) an axis changes a few attributes, not three per tick.
  const sign = bottom ? 1 : -1;
  return (
    <g className={`sp-axis sp-axis--${orient}`} transform={`translate(${r2(x)},${r2(y)})`}>
      {gridLength > 0 && major.length > 0 && (
        <path className="sp-grid" fill="none" d={segments(at, bottom, 0, r2(-sign * gridLength))} />
      )}
      {minor.length > 0 && (
        <path
          className="sp-tick sp-tick--minor"
          fill="none"
          d={segments(
            minor.map((v) => r2(scale(v))),
            bottom,
            0,
            r2(sign * m.minorTickLength),
          )}
        />
      )}
      {major.length > 0 && (
        <path
          className="sp-tick"
          fill="none"
          d={segments(at, bottom, 0, r2(sign * m.tickLength))}
        />
      )}
      {major.map((t, i) =>
        bottom ? (
          <text
            key={`t${t.value}`}
            className="sp-tick-label"
            x={at[i]}
            y={r2(m.tickLength + 3 + m.tickFont * 0.9)}
            textAnchor="middle"
            fontSize={m.tickFont}
          >
            {t.label}
          </text>
        ) : (
          <text
            key={`t${t.value}`}
            className="sp-tick-label"
            x={-(m.tickLength + 4)}
            y={r2(scale(t.value) + m.tickFont * 0.35)}
            textAnchor="end"
            fontSize={m.tickFont}
          >
            {t.label}
          </text>
        ),
      )}
      {bottom ? (
        <line className="sp-axis-line" x1={0} x2={r2(length)} y1={0} y2={0} />
      ) : (
        <line className="sp-axis-line" x1={0} x2={0} y1={0} y2={r2(length)} />
      )}
      <text
        className="sp-axis-title"
        fontSize={m.labelFont}
        textAnchor="middle"
        transform={
          bottom
            ? `translate(${r2(length / 2)},${r2(titleOffset)})`
            : `translate(${r2(-titleOffset)},${r2(length / 2)}) rotate(-90)`
        }
      >
        <RichText text={title} fontSize={m.labelFont} />
      </text>
    </g>
  );
}
