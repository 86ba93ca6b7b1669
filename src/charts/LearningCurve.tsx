// LearningCurve — the main plot: E_g(t) and E_tr(t) on log-log axes (docs/theory.md §3), with pinned
// curves, simulation points, the early-stopping point, and the t → ∞ reference values (§4).
//
// Props
//   curve      CurveResult | null     the current theory curve; null shows "No data".
//   pins       PinnedCurve[]          {id, label, color, curve}: earlier curves kept for comparison,
//                                    drawn thinner (`path[data-series="pin"][data-pin-id]`). Default [].
//   currentLabel string              the current curve's values of what sets the pins apart
//                                    ("P = 400"), shown beside E_g in the legend. Default none.
//   sim        {result: SimResult; theory?: CurveResult} | null
//                                    exact-simulation means with ±1 s.e.m. bars (`g[data-series="sim"]`);
//                                    `theory` (theory at the simulation's M) is drawn dashed
//                                    (`path[data-series="sim-theory"]`). Default null.
//   width, height  number            size in px (measure the container with useSize).
//   variant    'normal' | 'lecture'   lecture = larger type, thicker lines. Default 'normal'.
//   showEtr    boolean                draw E_tr (and simulated E_tr). Default true.
//   onCursorChange (t: number | null) => void
//                                    called when the crosshair moves (e.g. to sync ModePanel's tCursor).
//
// Hooks for tests: svg[data-testid="learning-curve"], path[data-series="Eg" | "Etr" | "pin" |
// "sim-theory"], g[data-testid="early-stop-mark"][data-case="inside" | "beyond"] (none when
// stopping does not pay), g[data-testid="fit-window"], g[data-testid="time-marker"], g[data-testid=
// "limit-line"], text[data-testid="limit-divergent"], g[data-testid="gibbs-line" |
// "posterior-mean-line"], g[data-testid="crosshair"], g[data-testid="no-data"].
//
// Interaction: pointer move shows a crosshair with a read-out; the svg is focusable (tabIndex 0):
// ←/→ move the crosshair point by point (Shift: 10 points), Home/End jump to the ends, Esc hides it.
// With onTimeCursor, a press or drag on the plot holds a time cursor there (Enter holds it at the
// crosshair); while it is held the keys move it instead and Esc removes it
// (g[data-testid="time-cursor"][data-t]; its values are read off the drawn curves, timeCursor.ts).
import { memo, useEffect, useMemo, useState } from 'react';
import type { KeyboardEvent, PointerEvent, ReactNode } from 'react';
import type { CurveResult } from '../model/types.ts';
import type { SweepSetting } from '../model/theory/laws.ts';
import type { EarlyStopMark } from './learningCurveMarks.ts';
import { STRIP_TICK_BASELINE } from './sgdCurveMarks.ts';
import { Annotation } from './Annotation.tsx';
import { FitBracketMark } from './FitBracketMark.tsx';
import { GainReveal } from './GainReveal.tsx';
import { captionClaims } from './caption.ts';
import { ChartSvg } from './ChartSvg.tsx';
import { formatReadout } from '../format/number.ts';
import { TOP_PAD } from './frame.ts';
import { boxCost, plotObstacles, textWidth } from './labels.ts';
import {
  learningCurveLayout,
  readoutLines,
  type LearningCurveLayout,
  type PinnedCurve,
  type ReadoutLine,
  type SimOverlay,
  type StepsOverlay,
} from './learningCurveLayout.ts';
import { Legend } from './Legend.tsx';
import { findNearestIndex } from './nearest.ts';
import { cursorReadout, curveSpan } from './timeCursor.ts';
import { r2 } from './path.ts';
import { SimMarks } from './SimMarks.tsx';
import { PlotFrame } from './PlotFrame.tsx';
import { RichText } from './richText.tsx';
import { plainText, richWidth } from './richRuns.ts';
import { metricsFor, type Metrics, type Variant } from './theme.ts';

export type { PinnedCurve, SimOverlay, StepsOverlay };

export interface LearningCurveProps {
  curve: CurveResult | null;
  pins?: readonly PinnedCurve[];
  sim?: SimOverlay | null;
  /** Measured data: the curve of the fitted power laws, dashed (path[data-series="fitted"]). */
  fitted?: CurveResult | null;
  width: number;
  height: number;
  variant?: Variant;
  showEtr?: boolean;
  /** Where the scaling panels evaluate E_g (for the caption's laws; default at t*). */
  setting?: SweepSetting;
  /** The scaling panels' fixed time, marked on the time axis (null: none). */
  markT?: number | null;
  currentLabel?: string;
  onCursorChange?: (t: number | null) => void;
  /** The held time cursor (null: none); drawn with its read-out as g[data-testid="time-cursor"]. */
  timeCursor?: number | null;
  /** The figure's description: the caption as shown beside it (default: made here from the curve). */
  caption?: string;
  /** Called when the user places, drags or clears the time cursor (none: it cannot be moved). */
  onTimeCursor?: (t: number | null) => void;
  /**
   * A curve in steps (one-pass SGD): the η → 0 reference, the floor, the divergence mark and the
   * schedule strip (g[data-testid="schedule-strip"], g[data-testid="divergence-mark"]).
   */
  steps?: StepsOverlay | null;
}

const EMPTY_PINS: readonly PinnedCurve[] = [];

/** The figure's accessible name; it names the training error only while it is drawn. */
const baseLabel = (showEtr: boolean) =>
  `Learning curve: test error${showEtr ? ' and training error' : ''} against training time t, on log-log axes`;

export function LearningCurve(props: LearningCurveProps): ReactNode {
  const {
    curve,
    pins = EMPTY_PINS,
    sim = null,
    fitted = null,
    width,
    height,
    variant = 'normal',
    showEtr = true,
    setting,
    markT = null,
    currentLabel,
    onCursorChange,
    timeCursor = null,
    onTimeCursor,
    steps = null,
    caption: shownCaption,
  } = props;
  const m = metricsFor(variant);
  const xName = steps?.axis === 'steps' ? 's' : 't';
  const L = useMemo(
    () =>
      learningCurveLayout({
        curve,
        pins,
        sim,
        fitted,
        width,
        height,
        showEtr,
        metrics: m,
        markT,
        currentLabel,
        steps,
      }),
    [curve, pins, sim, fitted, width, height, showEtr, m, markT, currentLabel, steps],
  );
  // Position of the crosshair in L.cursorIndex (not the raw curve index), or null when hidden.
  const [cursorPos, setCursorPos] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const n = L.cursorIndex.length;
  const span = curve && curve.t.length > 1 ? curveSpan(curve) : null;
  // The held cursor, when it lies on the curve drawn; the transient crosshair is off meanwhile.
  const held =
    timeCursor !== null && span && !L.empty && timeCursor >= span[0] && timeCursor <= span[1]
      ? timeCursor
      : null;
  const pos = cursorPos === null || n === 0 || held !== null ? null : Math.min(cursorPos, n - 1);
  const index = pos === null ? null : L.cursorIndex[pos];
  const cursorT = index !== null && curve ? curve.t[index] : null;

  useEffect(() => {
    onCursorChange?.(cursorT);
  }, [cursorT, onCursorChange]);

  const readout =
    index !== null && curve
      ? readoutLines(curve, index, showEtr, pins, formatReadout, xName)
      : null;

  /** The plot x of a pointer event, in the layout's pixels. */
  const plotX = (e: PointerEvent<SVGSVGElement>): number => {
    const rect = e.currentTarget.getBoundingClientRect();
    const sx = rect.width > 0 ? width / rect.width : 1;
    return (e.clientX - rect.left) * sx - L.margin.left;
  };
  /** The time under the pointer, within the curve's span; null off the plot. */
  const timeAt = (px: number): number | null => {
    if (!span || px < -8 || px > L.plotW + 8) return null;
    const t = L.x.invert(Math.min(L.plotW, Math.max(0, px)));
    return Math.min(span[1], Math.max(span[0], t));
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>): void => {
    if (!onTimeCursor || n === 0 || e.button !== 0) return;
    // Marks with a drag of their own (the early-stopping label) keep it.
    if (e.target instanceof Element && e.target.closest('[data-drag]')) return;
    const t = timeAt(plotX(e));
    if (t === null) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setDragging(true);
    onTimeCursor(t);
  };
  const endDrag = (e: PointerEvent<SVGSVGElement>): void => {
    if (!dragging) return;
    setDragging(false);
    e.currentTarget.releasePointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>): void => {
    if (n === 0) return;
    const px = plotX(e);
    if (dragging) {
      const t = timeAt(px);
      if (t !== null) onTimeCursor?.(t);
      return;
    }
    if (px < -8 || px > L.plotW + 8) {
      setCursorPos(null);
      return;
    }
    setCursorPos(findNearestIndex(L.cursorX, px));
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>): void => {
    if (n === 0) return;
    if (held !== null && curve && onTimeCursor) {
      // The held cursor steps from computed time to computed time (Shift: 10 at a time).
      const at = findNearestIndex(L.cursorX, L.x(held));
      const step = e.shiftKey ? 10 : 1;
      let next: number | null = at;
      if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = Math.min(n - 1, at + step);
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = Math.max(0, at - step);
      else if (e.key === 'Home') next = 0;
      else if (e.key === 'End') next = n - 1;
      else if (e.key === 'Escape') next = null;
      else return;
      e.preventDefault();
      onTimeCursor(next === null ? null : curve.t[L.cursorIndex[next]]);
      return;
    }
    if (e.key === 'Enter' && onTimeCursor && cursorT !== null) {
      // Hold the cursor where the crosshair is: the arrows then move it.
      e.preventDefault();
      onTimeCursor(cursorT);
      return;
    }
    const cur = pos ?? defaultPos(L, curve);
    const step = e.shiftKey ? 10 : 1;
    let next: number | null = cur;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = Math.min(n - 1, cur + step);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = Math.max(0, cur - step);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = n - 1;
    else if (e.key === 'Escape') next = null;
    else return;
    e.preventDefault();
    setCursorPos(next);
  };

  const caption = shownCaption
    ? shownCaption
    : curve
      ? captionClaims(curve, curve.params, setting, { showEtr })
          .map((c) => c.plain)
          .join(' ')
      : 'No learning curve has been computed yet.';
  const heldReadout =
    held !== null && curve ? cursorReadout(curve, held, showEtr, pins, formatReadout, xName) : null;
  const readoutText = readout ? readout.map((l) => plainText(l.text)).join(', ') : '';
  const label = baseLabel(showEtr);
  const heldText = heldReadout ? heldReadout.lines.map((l) => plainText(l.text)).join(', ') : '';
  const ariaLabel = heldReadout
    ? `${label}. Time cursor at ${heldText}; arrow keys move it, Escape removes it.`
    : readout
      ? `${label}. Crosshair at ${readoutText}${onTimeCursor ? '; Enter holds a time cursor here' : ''}.`
      : `${label}.`;

  return (
    <ChartSvg
      testId="learning-curve"
      kind="learning-curve"
      variant={variant}
      width={width}
      height={height}
      label={ariaLabel}
      title="Learning curve"
      desc={caption}
      role="group"
      tabIndex={0}
      data-held-cursor={held !== null ? '' : undefined}
      onPointerDown={onPointerDown}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onPointerMove={onPointerMove}
      onPointerLeave={(e) => {
        if (e.currentTarget.ownerDocument.activeElement !== e.currentTarget) setCursorPos(null);
      }}
      onFocus={() => setCursorPos((p) => p ?? defaultPos(L, curve))}
      onBlur={() => setCursorPos(null)}
      onKeyDown={onKeyDown}
    >
      <Legend layout={L.legend} x={L.margin.left} y={TOP_PAD} metrics={m} />
      <Plot L={L} m={m} />
      {!L.empty && curve && index !== null && readout && (
        <CursorMark
          testId="crosshair"
          L={L}
          m={m}
          t={curve.t[index]}
          eg={curve.Eg[index]}
          etr={curve.Etr[index]}
          showEtr={showEtr}
          lines={readout}
        />
      )}
      {!L.empty && curve && !steps && <GainReveal L={L} m={m} curve={curve} />}
      {!L.empty && L.strip && <ScheduleStrip L={L} m={m} />}
      {held !== null && heldReadout && (
        <CursorMark
          testId="time-cursor"
          L={L}
          m={m}
          t={held}
          eg={heldReadout.eg}
          etr={heldReadout.etr}
          showEtr={showEtr}
          lines={heldReadout.lines}
        />
      )}
    </ChartSvg>
  );
}

/** Where the crosshair appears on keyboard focus: at t* when stopping pays, else at the end. */
function defaultPos(L: LearningCurveLayout, curve: CurveResult | null): number {
  const n = L.cursorIndex.length;
  if (!curve || n === 0) return 0;
  if (L.earlyStop?.case === 'inside') return findNearestIndex(L.cursorX, L.earlyStop.cx);
  return n - 1;
}

// Memoised: moving the crosshair re-renders the svg, not the curves.
const Plot = memo(function Plot({ L, m }: { L: LearningCurveLayout; m: Metrics }): ReactNode {
  const fs = m.labelFont;
  return (
    <PlotFrame frame={L} xTitle={L.xTitle} yTitle={L.yTitle} metrics={m} empty={L.empty}>
      {(clip) => (
        <>
          <g clipPath={clip}>
            {L.refs.map((r) => (
              <line
                key={r.testId}
                className={r.className}
                x1={0}
                x2={r2(L.plotW)}
                y1={r2(r.y)}
                y2={r2(r.y)}
              />
            ))}
            {L.paths.map((p) => (
              <path
                key={p.key}
                className={p.className}
                data-series={p.series}
                data-pin-id={p.pinId}
                d={p.d}
                fill="none"
                style={p.color ? { stroke: p.color } : undefined}
              />
            ))}
            {L.paths.map((p) =>
              p.dots.map((d, i) => (
                <circle
                  key={`${p.key}-dot-${i}`}
                  className={p.className}
                  data-series={`${p.series}-dot`}
                  cx={r2(d[0])}
                  cy={r2(d[1])}
                  r={m.pointRadius + 0.5}
                  fill="none"
                  style={p.color ? { stroke: p.color } : undefined}
                />
              )),
            )}
            {L.sim && (
              <>
                {L.sim.etr.length > 0 && (
                  <SimMarks
                    series="sim-etr"
                    marks={L.sim.etr}
                    pointClass="sp-sim-point sp-sim-point--etr"
                    r={m.pointRadius}
                  />
                )}
                <SimMarks
                  series="sim"
                  marks={L.sim.eg}
                  pointClass="sp-sim-point"
                  r={m.pointRadius + 0.5}
                />
              </>
            )}
          </g>
          {L.refs.map((r) => (
            <g key={r.testId} data-testid={r.testId}>
              <Annotation
                className={`sp-annot ${r.testId === 'limit-line' ? 'sp-annot--limit' : 'sp-annot--accent'}`}
                label={r}
                fontSize={fs}
              />
            </g>
          ))}
          {L.divergent && (
            <Annotation
              testId="limit-divergent"
              className="sp-annot sp-annot--limit"
              label={L.divergent}
              fontSize={fs}
            />
          )}
          {L.floor && (
            <g data-testid="resolution-floor" className="sp-resolution-floor">
              <line
                className="sp-floor-tick"
                x1={r2(L.floor.x)}
                x2={r2(L.floor.x)}
                y1={r2(L.floor.y - 6)}
                y2={r2(L.floor.y + 6)}
              />
              <Annotation
                className="sp-annot sp-annot--limit"
                label={L.floor.label}
                fontSize={fs}
              />
            </g>
          )}
          {L.timeMarker && (
            <g data-testid="time-marker">
              <line
                className="sp-time-marker"
                x1={r2(L.timeMarker.x)}
                x2={r2(L.timeMarker.x)}
                y1={0}
                y2={r2(L.plotH)}
              />
              <Annotation className="sp-annot" label={L.timeMarker.label} fontSize={fs} />
            </g>
          )}
          {L.fitBracket && <FitBracketMark bracket={L.fitBracket} fontSize={fs} labelled />}
          {L.earlyStop && <EarlyStopMarker mark={L.earlyStop} plotH={L.plotH} m={m} />}
          {L.divergence && (
            <g data-testid="divergence-mark">
              <path
                className="sp-mark sp-mark--diverge"
                d={`M${r2(L.divergence.cx)},${r2(L.divergence.cy - m.markRadius * 1.6)}l${r2(m.markRadius)},${r2(m.markRadius * 1.6)}h${r2(-2 * m.markRadius)}Z`}
              />
              <Annotation
                className="sp-annot sp-annot--accent"
                label={L.divergence.label}
                fontSize={fs}
              />
            </g>
          )}
        </>
      )}
    </PlotFrame>
  );
});

/**
 * The schedule strip under the plot (a curve in steps): η_s on a linear axis from 0, on the
 * plot's x, with the stability edge η_max dashed (or said to lie above).
 */
function ScheduleStrip({ L, m }: { L: LearningCurveLayout; m: Metrics }): ReactNode {
  const st = L.strip!;
  const fs = m.tickFont;
  return (
    <g data-testid="schedule-strip" transform={`translate(${L.margin.left},${r2(st.top)})`}>
      <rect className="sp-strip-frame" width={r2(L.plotW)} height={r2(st.height)} />
      {st.ticks.map((t) => (
        <text
          key={t.label}
          className="sp-tick-label"
          x={-m.tickLength}
          y={r2(t.y + STRIP_TICK_BASELINE * fs)}
          textAnchor="end"
          fontSize={fs}
        >
          {t.label}
        </text>
      ))}
      {st.edge && (
        <g data-testid="strip-edge">
          <line
            className="sp-strip-edge"
            x1={0}
            x2={r2(L.plotW)}
            y1={r2(st.edge.y)}
            y2={r2(st.edge.y)}
          />
          <text
            className="sp-annot sp-annot--limit"
            data-claim={st.edge.label.id}
            x={r2(L.plotW - 4)}
            y={r2(st.edge.labelY)}
            textAnchor="end"
            fontSize={fs}
          >
            <RichText text={st.edge.label.markup} fontSize={fs} />
          </text>
        </g>
      )}
      {st.edgeAbove && (
        <text
          className="sp-annot sp-annot--limit"
          data-testid="strip-edge-above"
          data-claim={st.edgeAbove.id}
          x={r2(L.plotW - 4)}
          y={r2(fs)}
          textAnchor="end"
          fontSize={fs}
        >
          <RichText text={st.edgeAbove.markup} fontSize={fs} />
        </text>
      )}
      <path className="sp-series sp-series--schedule" data-series="schedule" d={st.d} fill="none" />
      <text
        className="sp-axis-title"
        x={-L.yTitleOffset}
        y={r2(st.height / 2)}
        textAnchor="middle"
        fontSize={m.labelFont}
        transform={`rotate(-90 ${r2(-L.yTitleOffset)} ${r2(st.height / 2)})`}
      >
        <RichText text={st.title} fontSize={m.labelFont} />
      </text>
    </g>
  );
}

/** The early-stopping point: a marker with a drop line, or an arrow out of the window's edge. */
function EarlyStopMarker({
  mark,
  plotH,
  m,
}: {
  mark: EarlyStopMark;
  plotH: number;
  m: Metrics;
}): ReactNode {
  const fs = m.labelFont;
  const { cx, cy } = mark;
  const a = 2 * m.markRadius;
  const dir = mark.edge === 'left' ? -1 : 1;
  return (
    <g data-testid="early-stop-mark" data-case={mark.case}>
      {mark.case === 'inside' ? (
        <>
          <line
            className="sp-drop"
            x1={r2(cx)}
            x2={r2(cx)}
            y1={r2(cy + m.markRadius)}
            y2={r2(plotH)}
          />
          <circle className="sp-mark" cx={r2(cx)} cy={r2(cy)} r={m.markRadius} />
        </>
      ) : (
        <path
          className="sp-mark sp-mark--edge"
          d={`M${r2(cx)},${r2(cy)}L${r2(cx - dir * a)},${r2(cy - a / 1.6)}L${r2(cx - dir * a)},${r2(cy + a / 1.6)}Z`}
        />
      )}
      <Annotation className="sp-annot sp-annot--accent" label={mark.label} fontSize={fs} />
    </g>
  );
}

/** A vertical cursor at time t with dots on E_g, E_tr and a read-out box: the transient crosshair,
 * or the held time cursor (which carries its time in data-t). */
function CursorMark({
  testId,
  L,
  m,
  t,
  eg,
  etr,
  showEtr,
  lines,
}: {
  testId: 'crosshair' | 'time-cursor';
  L: LearningCurveLayout;
  m: Metrics;
  t: number;
  eg: number;
  etr: number;
  showEtr: boolean;
  lines: ReadoutLine[];
}): ReactNode {
  const cx = L.x(t);
  const dot = (v: number, cls: string): ReactNode =>
    v > 0 && Number.isFinite(v) && L.y(v) >= 0 && L.y(v) <= L.plotH ? (
      <circle className={cls} cx={r2(cx)} cy={r2(L.y(v))} r={m.pointRadius + 1} />
    ) : null;
  const fs = m.legendFont;
  const lh = fs * 1.35;
  const pad = 6;
  const boxW = Math.max(...lines.map((l) => richWidth(l.text, fs))) + 2 * pad + textWidth(' ', fs);
  const boxH = lines.length * lh + 2 * pad - (lh - fs);
  // The read-out goes in the corner where it hides the least: away from the cursor, off the curves.
  const bx0 = cx < L.plotW / 2 ? [L.plotW - boxW - 6, 6] : [6, L.plotW - boxW - 6];
  const corners: [number, number][] = [
    [bx0[0], 6],
    [bx0[0], L.plotH - boxH - 6],
    [bx0[1], 6],
    [bx0[1], L.plotH - boxH - 6],
  ];
  const obs = plotObstacles(
    [...L.drawn, [[cx, 0] as const, [cx, L.plotH] as const]],
    L.plotW,
    L.plotH,
  );
  let best = corners[0];
  let bestCost = Infinity;
  for (const c of corners) {
    const cost = boxCost({ x: c[0], y: c[1], width: boxW, height: boxH }, obs);
    if (cost < bestCost) {
      bestCost = cost;
      best = c;
    }
  }
  const [bx, by] = best;
  return (
    <g
      data-testid={testId}
      data-t={testId === 'time-cursor' ? String(t) : undefined}
      data-export-ignore=""
      pointerEvents="none"
      transform={`translate(${L.margin.left},${L.margin.top})`}
    >
      <line
        className={testId === 'time-cursor' ? 'sp-crosshair sp-time-cursor' : 'sp-crosshair'}
        x1={r2(cx)}
        x2={r2(cx)}
        y1={0}
        y2={r2(L.plotH)}
      />
      {testId === 'time-cursor' && (
        <path
          className="sp-time-cursor-handle"
          d={`M${r2(cx - 7)},-9L${r2(cx + 7)},-9L${r2(cx)},0Z`}
        />
      )}
      {showEtr && dot(etr, 'sp-crosshair-dot--etr')}
      {dot(eg, 'sp-crosshair-dot--eg')}
      <g data-testid="readout" transform={`translate(${r2(bx)},${r2(by)})`}>
        <rect className="sp-readout-box" width={r2(boxW)} height={r2(boxH)} rx={3} />
        <text fontSize={fs}>
          {lines.map((l, i) => (
            <tspan
              key={l.key}
              data-claim={l.claim}
              className={l.className}
              x={pad}
              y={r2(pad + i * lh + fs * 0.8)}
              style={l.color ? { fill: l.color } : undefined}
            >
              <RichText text={l.text} fontSize={fs} />
            </tspan>
          ))}
        </text>
      </g>
    </g>
  );
}
