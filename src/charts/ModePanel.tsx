// ModePanel — spectral bias (docs/theory.md §3 "Per-mode learning", docs/lessons.md #8): the
// learned fraction ℓ_k(t) of each eigenmode as a heat map over training time t (log) and mode index
// k (log), the t → ∞ column ℓ_k(∞), and the moving boundary k*(t) = κ(1/t)^{−1/α} between learned
// and unlearned modes.
//
// Props
//   modes    ModeResult | null      null shows "No data".
//   width, height  number           size in px.
//   variant  'normal' | 'lecture'   default 'normal'.
//   tCursor  number (optional)      a time to mark with a vertical line (e.g. the learning curve's
//                                   crosshair, via LearningCurve's onCursorChange).
//   selectedK  number (optional)    the mode shown in the mode inspector: a horizontal line.
//   onSelectK  (k) => void          makes the panel choose a mode: a click picks the mode under
//                                   the pointer, ↑/↓ (when focused) the next row up or down.
//
// Hooks: svg[data-testid="modes"], g[data-series="heatmap"] (one path per colour),
// g[data-series="frac-inf"] (the same),
// path[data-series="boundary"], text[data-testid="boundary-label"], g[data-testid="color-legend"],
// line[data-testid="t-cursor"], line[data-testid="mode-selected"], g[data-testid="no-data"].
import { memo, useMemo } from 'react';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import type { ModeResult } from '../model/types.ts';
import { Annotation } from './Annotation.tsx';
import { ChartSvg } from './ChartSvg.tsx';
import { Heading } from './Heading.tsx';
import { fillPaths, modeHeadingClaim, modeLayout, type Cell } from './modeLayout.ts';
import { r2 } from './path.ts';
import { PlotFrame } from './PlotFrame.tsx';
import { metricsFor, type Variant } from './theme.ts';

export interface ModePanelProps {
  modes: ModeResult | null;
  width: number;
  height: number;
  variant?: Variant;
  tCursor?: number;
  selectedK?: number;
  onSelectK?: (k: number) => void;
}

/** The mode of the row next to `k` (dir +1: the next larger k on the map, −1: the next smaller). */
export function neighbourMode(ks: ArrayLike<number>, k: number, dir: 1 | -1): number | null {
  const rows = Array.from(ks).filter((v) => v > 0 && Number.isFinite(v));
  const next = dir > 0 ? rows.find((v) => v > k) : rows.reverse().find((v) => v < k);
  return next ?? null;
}

// The heat map's cells, one path per colour, keyed by it: a redraw sets the `d` of the colours
// that changed (a few hundred at most) instead of re-joining thousands of rects. Memoised: it must
// not re-render when only the cursor moves.
const Fills = memo(function Fills({ cells }: { cells: Cell[] }): ReactNode {
  return fillPaths(cells).map((p) => <path key={p.fill} d={p.d} fill={p.fill} />);
});

const LABEL =
  'Mode panel: heat map of the learned fraction of each eigenmode k against training time t, with the spectral-bias boundary k*(t)';

const descOf = (counted: boolean) =>
  'Colour: mean learned fraction ℓ_k(t) of eigenmode k (0 = not learned, 1 = learned; values ' +
  `outside [0, 1] are clamped). Line: the boundary k*(t) = ${counted ? 'number of modes with λ_k ≥ κ(1/t)' : 'κ(1/t)^(−1/α)'} between learned and ` +
  'unlearned modes. Right column: t → ∞.';

export function ModePanel(props: ModePanelProps): ReactNode {
  const { modes, width, height, variant = 'normal', tCursor, selectedK, onSelectK } = props;
  const m = metricsFor(variant);
  const L = useMemo(() => modeLayout(modes, width, height, m), [modes, width, height, m]);
  const [t0, t1] = L.x.domain();
  const cursorX =
    tCursor !== undefined && tCursor > 0 && tCursor >= t0 && tCursor <= t1 ? L.x(tCursor) : null;
  const fs = m.labelFont;
  const cb = L.colorbar;
  const [k0, k1] = L.y.domain();
  const selY =
    selectedK !== undefined && !L.empty && selectedK >= k0 && selectedK <= k1
      ? L.y(selectedK)
      : null;
  const pick = onSelectK && modes && !L.empty;
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    if (!pick) return;
    const box = e.currentTarget.getBoundingClientRect();
    const py = e.clientY - box.top - L.margin.top;
    const px = e.clientX - box.left - L.margin.left;
    if (py < 0 || py > L.plotH || px < 0 || px > L.plotW) return;
    const kMax = Math.max(...Array.from(modes.k).filter((v) => Number.isFinite(v)));
    onSelectK(Math.min(kMax, Math.max(1, Math.round(L.y.invert(py)))));
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (!pick || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    const next = neighbourMode(modes.k, selectedK ?? 1, e.key === 'ArrowUp' ? 1 : -1);
    e.preventDefault();
    if (next !== null) onSelectK(next);
  };
  return (
    <ChartSvg
      testId="modes"
      kind="modes"
      variant={variant}
      width={width}
      height={height}
      label={LABEL}
      title="Per-mode learning"
      desc={descOf(!!modes?.boundaryCounted)}
      {...(pick && {
        tabIndex: 0,
        onClick,
        onKeyDown,
        'aria-keyshortcuts': 'ArrowUp ArrowDown',
        'aria-description': 'Click a row, or press the up and down arrows, to inspect that mode.',
        style: { cursor: 'pointer' },
      })}
    >
      <Heading text={L.heading} claim={modeHeadingClaim().id} x={L.margin.left} fontSize={fs} />
      <PlotFrame
        frame={L}
        xTitle="training time t"
        yTitle="mode index k"
        metrics={m}
        empty={L.empty}
        grid={false}
        clipBleed={0}
        axesOnTop
      >
        {(clip) => (
          <>
            <g data-series="heatmap" shapeRendering="crispEdges" clipPath={clip}>
              <Fills cells={L.cells} />
            </g>
            <g data-series="frac-inf" shapeRendering="crispEdges">
              <Fills cells={L.infCells} />
              <text
                className="sp-tick-label"
                x={r2(L.infX + L.infW / 2)}
                y={r2(L.plotH + m.tickLength + 3 + m.tickFont * 0.9)}
                textAnchor="middle"
                fontSize={m.tickFont}
              >
                ∞
              </text>
            </g>
            <g clipPath={clip}>
              <path className="sp-series sp-series--boundary-halo" d={L.boundaryD} fill="none" />
              <path
                className="sp-series sp-series--boundary"
                data-series="boundary"
                d={L.boundaryD}
                fill="none"
              />
              {selY !== null && (
                <line
                  data-testid="mode-selected"
                  className="sp-ref sp-ref--selected"
                  x1={0}
                  x2={r2(L.plotW)}
                  y1={r2(selY)}
                  y2={r2(selY)}
                />
              )}
              {cursorX !== null && (
                <line
                  data-testid="t-cursor"
                  className="sp-ref sp-ref--cursor"
                  x1={r2(cursorX)}
                  x2={r2(cursorX)}
                  y1={0}
                  y2={r2(L.plotH)}
                />
              )}
            </g>
            {L.boundaryLabel && (
              <Annotation
                testId="boundary-label"
                className="sp-annot sp-annot--onmap"
                label={L.boundaryLabel}
                fontSize={fs}
              />
            )}
            <g data-testid="color-legend" shapeRendering="crispEdges">
              <Fills cells={cb.steps} />
              {cb.ticks.map((t) => (
                <g key={t.label}>
                  <line
                    className="sp-tick"
                    x1={r2(cb.x + cb.w)}
                    x2={r2(cb.x + cb.w + 4)}
                    y1={r2(t.y)}
                    y2={r2(t.y)}
                  />
                  <text
                    className="sp-tick-label"
                    x={r2(cb.x + cb.w + 6)}
                    y={r2(t.y + m.tickFont * 0.35)}
                    fontSize={m.tickFont}
                  >
                    {t.label}
                  </text>
                </g>
              ))}
              <text
                className="sp-axis-title"
                fontSize={fs}
                textAnchor="middle"
                transform={`translate(${r2(cb.titleX)},${r2(L.plotH / 2)}) rotate(-90)`}
              >
                {cb.title}
              </text>
            </g>
          </>
        )}
      </PlotFrame>
    </ChartSvg>
  );
}
