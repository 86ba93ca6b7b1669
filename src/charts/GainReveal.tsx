// The early-stopping marker's label as a handle: drag it (or focus it and press Enter or the
// arrow keys) and a bracket opens from E* at t* to E_g(∞), with what training on costs
// (claims/earlyStop.ts gainLines). Escape closes it. Only when the minimum lies in the window.
import { useState } from 'react';
import type { KeyboardEvent, PointerEvent, ReactNode } from 'react';
import { gainLines } from '../claims/earlyStop.ts';
import type { CurveResult } from '../model/types.ts';
import { labelBox } from './labels.ts';
import type { LearningCurveLayout } from './learningCurveLayout.ts';
import { r2 } from './path.ts';
import { LabelText } from './richText.tsx';
import { richWidth } from './richRuns.ts';
import type { Metrics } from './theme.ts';

/** How far (px) the bracket opens when revealed from the keyboard. */
const KEY_OPEN = 0.25;

export function GainReveal({
  L,
  m,
  curve,
}: {
  L: LearningCurveLayout;
  m: Metrics;
  curve: CurveResult;
}): ReactNode {
  // Horizontal distance of the bracket from the marker (px); null: closed.
  const [dx, setDx] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ x0: number; dx0: number } | null>(null);
  const mark = L.earlyStop;
  const lines = gainLines(curve);
  if (!mark || mark.case !== 'inside' || lines.length === 0) return null;
  const fs = m.labelFont;
  const label = mark.label;
  const box = labelBox(
    label.pos,
    Math.max(...label.lines.map((l) => richWidth(l, fs))),
    fs,
    label.lines.length,
  );
  const room = Math.max(8, L.plotW - mark.cx - 4);
  const open = (v: number | null) => setDx(v === null ? null : Math.max(8, Math.min(room, v)));

  const onPointerDown = (e: PointerEvent<SVGRectElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setDrag({ x0: e.clientX, dx0: dx ?? 0 });
  };
  const onPointerMove = (e: PointerEvent<SVGRectElement>) => {
    if (!drag) return;
    const d = drag.dx0 + (e.clientX - drag.x0);
    if (Math.abs(d) > 4) open(d);
  };
  const onKeyDown = (e: KeyboardEvent<SVGRectElement>) => {
    const step = e.shiftKey ? 40 : 10;
    if (e.key === 'Enter' || e.key === ' ') open(dx === null ? room * KEY_OPEN + 8 : null);
    else if (e.key === 'ArrowRight') open((dx ?? 0) + step);
    else if (e.key === 'ArrowLeft') open(dx === null ? null : dx - step);
    else if (e.key === 'Escape' && dx !== null) setDx(null);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const x = mark.cx + (dx ?? 0);
  const yStar = mark.cy;
  const yInf = curve.limit.divergent ? 0 : Math.max(0, L.y(curve.limit.Eg));
  // The words beside the bracket, on the side with room for them, centred on its height.
  const textW = Math.max(...lines.map((l) => richWidth(l, fs)));
  const right = x + 6 + textW <= L.plotW;
  const textX = right ? x + 6 : x - 6;
  const textY = (yStar + yInf) / 2 - ((lines.length - 1) * 1.25 * fs) / 2 + 0.35 * fs;
  return (
    <g transform={`translate(${L.margin.left},${L.margin.top})`}>
      {dx !== null && (
        <g data-testid="gain-reveal" data-export-ignore="" pointerEvents="none">
          <line
            className="sp-gain sp-gain--dash"
            x1={r2(mark.cx)}
            x2={r2(x)}
            y1={r2(yStar)}
            y2={r2(yStar)}
          />
          <line className="sp-gain" x1={r2(x)} x2={r2(x)} y1={r2(yStar)} y2={r2(yInf)} />
          <path
            className="sp-gain-head"
            d={`M${r2(x - 5)},${r2(yInf + 8)}L${r2(x)},${r2(yInf)}L${r2(x + 5)},${r2(yInf + 8)}`}
          />
          <LabelText
            className="sp-annot sp-annot--accent"
            lines={lines}
            x={textX}
            y={textY}
            anchor={right ? 'start' : 'end'}
            fontSize={fs}
          />
        </g>
      )}
      <rect
        className="sp-drag-handle"
        data-drag="gain"
        data-testid="early-stop-handle"
        data-export-ignore=""
        tabIndex={0}
        role="button"
        aria-expanded={dx !== null}
        aria-label={`${label.lines.join(' ')}. Drag, or press Enter or the arrow keys, to show what training on costs.`}
        x={r2(box.x - 3)}
        y={r2(box.y - 3)}
        width={r2(box.width + 6)}
        height={r2(box.height + 6)}
        rx={3}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => setDrag(null)}
        onPointerCancel={() => setDrag(null)}
        onKeyDown={onKeyDown}
      />
    </g>
  );
}
