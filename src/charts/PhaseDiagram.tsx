// PhaseDiagram — the map of regimes over (α, β) (docs/theory.md §6.1): regions coloured by the
// term of the law that holds, the predicted exponent as filled contour bands with contour lines,
// the boundary lines labelled with their equations, the fitted grid as dots coloured by
// |fitted − predicted|, and the current (α, β) as a marker.
//
// Props
//   exponent   PhaseExponent           which exponent is mapped.
//   grid       PhaseGrid | null        fitted points so far (null: none, e.g. measured data).
//   params     Params                  the current state (the marker and the tooltip's condition).
//   verdict    LawVerdict | null       the law's verdict at the current point (the state note).
//   measured   boolean                 measured data: α, β are read-outs, the marker is fixed.
//   pending    boolean                 the grid is still being computed.
//   onSet(α, β, live)                  the marker was dragged (live) or a point clicked / keyed.
//   onCommit()                         end of a drag.
//   fitRegion  PhaseFitRegion | null   a fit of the user's runs: its 68 % and 95 % regions drawn over.
//
// Interaction: pointer down anywhere on the plot sets (α, β) there and drags the marker; arrow
// keys on the focused marker move it by 0.05 (Shift: 0.25); hovering shows the nearest grid
// point's predicted and fitted values, the law and its condition.
//
// Hooks: svg[data-testid="phase-diagram"], g[data-testid="phase-marker"] (role slider),
// g[data-series="phase-dots"] circle[data-alpha][data-beta][data-dev], path[data-series=
// "phase-boundary"], text[data-testid="phase-boundary-label"], g[data-testid="phase-tooltip"],
// g[data-testid="phase-legend"], g[data-testid="phase-fit-region"] path[data-coverage].
import { legendClaim } from '../claims/curveClaims.ts';
import { memo, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent, ReactNode } from 'react';
import { deviationClass, phaseStateNote, pointLines } from '../claims/phase.ts';
import type { Params } from '../model/params.ts';
import type { LawVerdict } from '../model/theory/laws.ts';
import { ALPHA_RANGE, BETA_RANGE, type PhaseExponent } from '../model/theory/phase.ts';
import type { PhaseGrid, PhasePoint } from '../model/theory/phaseFit.ts';
import { formatNumber } from '../format/number.ts';
import { Axis } from './Axis.tsx';
import { ChartSvg } from './ChartSvg.tsx';
import { Heading } from './Heading.tsx';
import { textWidth } from './labels.ts';
import { r2 } from './path.ts';
import { DOT_FILL, phaseLayout, type PhaseLayout } from './phaseLayout.ts';
import { phaseFitOverlay, type PhaseFitRegion } from './phaseFitLayout.ts';
import { metricsFor, type Metrics, type Variant } from './theme.ts';

export interface PhaseDiagramProps {
  exponent: PhaseExponent;
  grid: PhaseGrid | null;
  params: Params;
  verdict: LawVerdict | null;
  measured: boolean;
  pending: boolean;
  width: number;
  height: number;
  variant?: Variant;
  onSet?: (alpha: number, beta: number, live: boolean) => void;
  onCommit?: () => void;
  fitRegion?: PhaseFitRegion | null;
}

const STEP = 0.05;
const BIG_STEP = 0.25;
const clamp = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));
const round2 = (v: number) => Math.round(v * 100) / 100;

export function PhaseDiagram(props: PhaseDiagramProps): ReactNode {
  const { exponent, grid, params, verdict, measured, pending, width, height } = props;
  const variant = props.variant ?? 'normal';
  const m = metricsFor(variant);
  const L = useMemo(() => phaseLayout(exponent, width, height, m), [exponent, width, height, m]);
  const [hover, setHover] = useState<{ alpha: number; beta: number; pt: PhasePoint | null } | null>(
    null,
  );
  const [focused, setFocused] = useState(false);
  const dragging = useRef(false);
  const plotRef = useRef<SVGRectElement>(null);
  const fs = m.labelFont;
  const { left, top } = L.margin;

  const toAB = (e: PointerEvent<SVGElement>) => {
    const r = plotRef.current!.getBoundingClientRect();
    const sx = r.width > 0 ? L.plotW / r.width : 1;
    const sy = r.height > 0 ? L.plotH / r.height : 1;
    return {
      alpha: round2(clamp(L.x.invert((e.clientX - r.left) * sx), ALPHA_RANGE)),
      beta: round2(clamp(L.y.invert((e.clientY - r.top) * sy), BETA_RANGE)),
    };
  };
  const nearest = (alpha: number, beta: number) => {
    if (!grid) return null;
    let best: PhasePoint | null = null;
    let dBest = Infinity;
    for (const pt of grid.points) {
      if (!pt) continue;
      const d = Math.hypot(L.x(pt.alpha) - L.x(alpha), L.y(pt.beta) - L.y(beta));
      if (d < dBest) [best, dBest] = [pt, d];
    }
    return dBest <= Math.max(12, L.plotW / (grid.K * 2)) ? best : null;
  };
  const interactive = !measured && !!props.onSet;

  const onDown = (e: PointerEvent<SVGRectElement>) => {
    if (!interactive) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    dragging.current = true;
    const { alpha, beta } = toAB(e);
    props.onSet!(alpha, beta, true);
  };
  const onMove = (e: PointerEvent<SVGRectElement>) => {
    const { alpha, beta } = toAB(e);
    if (dragging.current && interactive) props.onSet!(alpha, beta, true);
    const pt = nearest(alpha, beta);
    setHover(pt ? { alpha: pt.alpha, beta: pt.beta, pt } : { alpha, beta, pt: null });
  };
  const onUp = () => {
    if (!dragging.current) return;
    dragging.current = false;
    props.onCommit?.();
  };
  const onKey = (e: KeyboardEvent<SVGGElement>) => {
    if (!interactive) return;
    const step = e.shiftKey ? BIG_STEP : STEP;
    const d: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const mv = d[e.key];
    if (!mv) return;
    e.preventDefault();
    props.onSet!(
      round2(clamp(params.alpha + mv[0], ALPHA_RANGE)),
      round2(clamp(params.beta + mv[1], BETA_RANGE)),
      false,
    );
  };

  const note = phaseStateNote(exponent, params, verdict, measured);
  const mx = L.x(clamp(params.alpha, ALPHA_RANGE));
  const my = L.y(clamp(params.beta, BETA_RANGE));
  const tipLines = hover
    ? pointLines(exponent, hover.alpha, hover.beta, hover.pt, pending, params)
    : null;
  const done = grid ? grid.done : 0;
  return (
    <ChartSvg
      testId="phase-diagram"
      kind="phase"
      variant={variant}
      width={width}
      height={height}
      label={`${L.heading}. ${note}`}
      title={L.heading}
      desc={`${note} Fitted points: ${done} of ${grid ? grid.K * grid.K : 0}.`}
      data-exponent={exponent}
      data-done={done}
      role="group"
    >
      <Heading text={L.heading} x={left} fontSize={fs} />
      <g transform={`translate(${left},${top})`}>
        <StaticField L={L} m={m} />
        <Dots L={L} grid={grid} m={m} />
        <RegionLabels L={L} fs={fs} />
        {props.fitRegion && <FitRegion L={L} fit={props.fitRegion} m={m} />}
        <rect
          ref={plotRef}
          className="sp-phase-hit"
          width={L.plotW}
          height={L.plotH}
          fill="transparent"
          style={{ cursor: interactive ? 'crosshair' : 'default', touchAction: 'none' }}
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={onUp}
          onPointerLeave={() => setHover(null)}
        />
        <g
          data-testid="phase-marker"
          role="slider"
          tabIndex={measured ? -1 : 0}
          aria-label="Current α and β (arrow keys move it)"
          aria-valuetext={`α = ${formatNumber(params.alpha, 3)}, β = ${formatNumber(params.beta, 3)}`}
          aria-valuenow={params.alpha}
          aria-valuemin={ALPHA_RANGE[0]}
          aria-valuemax={ALPHA_RANGE[1]}
          aria-disabled={measured || undefined}
          transform={`translate(${r2(mx)},${r2(my)})`}
          className="sp-phase-marker"
          onKeyDown={onKey}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          style={{ pointerEvents: 'none', outline: 'none' }}
        >
          {focused && <circle r={m.markRadius * 2.6} className="sp-phase-focus" />}
          <circle r={m.markRadius * 1.6} className="sp-phase-marker-ring" />
          <circle r={m.markRadius * 0.6} className="sp-phase-marker-dot" />
        </g>
        {tipLines && hover && <Tooltip L={L} m={m} lines={tipLines} at={hover} />}
      </g>
      <Legend L={L} m={m} />
    </ChartSvg>
  );
}

/** Everything that depends on the exponent and the size only (memoised: a drag redraws none). */
const StaticField = memo(function StaticField({ L, m }: { L: PhaseLayout; m: Metrics }) {
  const fs = m.labelFont;
  const axisM = m;
  return (
    <>
      <defs>
        {L.regions.map((r, i) => (
          <clipPath key={r.branch} id={`sp-phase-region-${i}`}>
            <path d={r.clip} />
          </clipPath>
        ))}
      </defs>
      {L.regions.map((r, i) => (
        <g
          key={r.branch}
          clipPath={`url(#sp-phase-region-${i})`}
          data-series="phase-region"
          data-branch={r.branch}
        >
          {r.bands.map((b, k) => (
            <path key={k} d={b.d} fill={b.fill} stroke="none" />
          ))}
        </g>
      ))}
      <path className="sp-phase-contour" d={L.contourD} fill="none" data-series="phase-contours" />
      {L.boundaries.map((b, i) => (
        <g key={i}>
          <path className="sp-phase-boundary" d={b.d} fill="none" data-series="phase-boundary" />
        </g>
      ))}
      <Axis
        orient="bottom"
        scale={L.x}
        ticks={L.xTicks}
        gridLength={0}
        length={L.plotW}
        title="spectrum exponent α"
        titleOffset={axisM.tickLength + 6 + axisM.tickFont * 1.2 + fs * 0.9}
        metrics={axisM}
        x={0}
        y={L.plotH}
      />
      <Axis
        orient="left"
        scale={L.y}
        ticks={L.yTicks}
        gridLength={0}
        length={L.plotH}
        title="target exponent β"
        titleOffset={axisM.tickLength + 6 + textWidth('6.0', axisM.tickFont) + fs * 0.4}
        metrics={axisM}
        x={0}
        y={0}
      />
    </>
  );
});

/** A fit of the user's runs: its 68 % and 95 % regions and best point, clipped to the plot. */
function FitRegion({ L, fit, m }: { L: PhaseLayout; fit: PhaseFitRegion; m: Metrics }) {
  const o = phaseFitOverlay(fit, L.x, L.y, L.plotW);
  const clip = `sp-phase-fit-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const arm = m.markRadius * 1.4;
  return (
    <g data-testid="phase-fit-region" pointerEvents="none">
      <defs>
        <clipPath id={clip}>
          <rect width={L.plotW} height={L.plotH} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clip})`}>
        {o.regions.map((r) => (
          <path
            key={r.coverage}
            className={`sp-phase-fit sp-phase-fit--${r.coverage === 0.95 ? '95' : '68'}`}
            data-coverage={r.coverage}
            data-open={r.open || undefined}
            d={r.d}
          />
        ))}
        <path
          className="sp-phase-fit-best"
          data-testid="phase-fit-best"
          d={`M${r2(o.best.x - arm)},${r2(o.best.y)}h${r2(2 * arm)}M${r2(o.best.x)},${r2(o.best.y - arm)}v${r2(2 * arm)}`}
        />
      </g>
      <text
        className="sp-phase-fit-label"
        x={r2(o.label.x)}
        y={r2(o.label.y)}
        dy="0.35em"
        textAnchor={o.label.anchor}
        fontSize={m.tickFont}
      >
        your runs
      </text>
    </g>
  );
}

/** The regions' formulas and names, over the dots. */
const RegionLabels = memo(function RegionLabels({ L, fs }: { L: PhaseLayout; fs: number }) {
  return (
    <g pointerEvents="none">
      {L.boundaries.map((b, i) => (
        <g key={i}>
          <text
            data-testid="phase-boundary-label"
            className="sp-phase-boundary-label"
            transform={`translate(${r2(b.label.x)},${r2(b.label.y)}) rotate(${r2(b.label.angle)})`}
            dy={r2(fs * b.label.dy)}
            textAnchor="middle"
            fontSize={fs}
            data-claim={legendClaim(`phase.boundary.${i}`, b.label.text).id}
          >
            {b.label.text}
          </text>
        </g>
      ))}
      {L.regions.map((r) => (
        <g key={r.branch} className="sp-phase-region-label" data-branch={r.branch}>
          {r.label.lines.map((t, i) => (
            <text
              key={i}
              x={r2(r.label.x)}
              y={r2(r.label.y + fs * 1.25 * i)}
              textAnchor="middle"
              fontSize={i === 0 ? fs * 1.1 : fs * 0.85}
              data-claim={legendClaim(`phase.region.${r.branch}.${i}`, t).id}
            >
              {t}
            </text>
          ))}
        </g>
      ))}
    </g>
  );
});

/** The fitted grid (memoised: depends on the grid and the layout, not on the marker). */
const Dots = memo(function Dots({
  L,
  grid,
  m,
}: {
  L: PhaseLayout;
  grid: PhaseGrid | null;
  m: Metrics;
}) {
  if (!grid) return null;
  const r = m.pointRadius + 1.5;
  return (
    <g data-series="phase-dots">
      {grid.points.map((pt, k) => {
        if (!pt) return null;
        const c = deviationClass(pt);
        const dev = Number.isFinite(pt.fitted) ? Math.abs(pt.fitted - pt.predicted) : NaN;
        return (
          <circle
            key={k}
            className="sp-phase-dot"
            cx={r2(L.x(pt.alpha))}
            cy={r2(L.y(pt.beta))}
            r={r}
            fill={c === null ? 'none' : DOT_FILL[c]}
            strokeDasharray={pt.verdict.law ? undefined : '2 1.5'}
            data-alpha={pt.alpha}
            data-beta={pt.beta}
            data-dev={Number.isFinite(dev) ? dev.toFixed(4) : 'none'}
          />
        );
      })}
    </g>
  );
});

function Tooltip(props: {
  L: PhaseLayout;
  m: Metrics;
  lines: string[];
  at: { alpha: number; beta: number };
}) {
  const { L, m, lines, at } = props;
  const fs = m.tickFont;
  const maxW = Math.min(L.plotW * 0.9, 420);
  const wrapped = lines.flatMap((l) => wrap(l, maxW - 12, fs));
  const w = Math.min(maxW, Math.max(...wrapped.map((l) => textWidth(l, fs))) + 12);
  const h = wrapped.length * fs * 1.3 + 8;
  const px = L.x(at.alpha);
  const py = L.y(at.beta);
  const x = px + 12 + w > L.plotW ? Math.max(0, px - 12 - w) : px + 12;
  const y = Math.min(Math.max(0, py - h / 2), Math.max(0, L.plotH - h));
  return (
    <g data-testid="phase-tooltip" className="sp-phase-tooltip" pointerEvents="none">
      <rect x={r2(x)} y={r2(y)} width={r2(w)} height={r2(h)} rx={3} />
      {wrapped.map((l, i) => (
        <text
          key={i}
          x={r2(x + 6)}
          y={r2(y + 4 + fs * (1.3 * i + 1))}
          fontSize={fs}
          data-claim={legendClaim(`phase.tooltip.${i}`, l).id}
        >
          {l}
        </text>
      ))}
    </g>
  );
}

/** Greedy word wrap at the estimated text width. */
function wrap(text: string, width: number, fs: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fs) > width) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

/** The legend (memoised: depends on the exponent and the size only). */
const Legend = memo(function Legend({ L, m }: { L: PhaseLayout; m: Metrics }) {
  const g = L.legend;
  const fs = m.legendFont;
  const tf = m.tickFont;
  const dr = m.pointRadius + 1.5;
  return (
    <g
      data-testid="phase-legend"
      className="sp-phase-legend"
      transform={`translate(${r2(g.x)},${r2(g.y)})`}
    >
      {g.title.map((t, i) => (
        <text
          key={i}
          x={r2(t.x)}
          y={r2(t.y)}
          fontSize={fs}
          fontWeight={600}
          data-claim={legendClaim(`phase.legend.title.${i}`, t.text).id}
        >
          {t.text}
        </text>
      ))}
      {g.ramps.map((r, i) => (
        <g key={i} transform={`translate(${r2(r.x)},${r2(r.y)})`}>
          <defs>
            <linearGradient id={`sp-phase-ramp-${i}`}>
              {r.stops.map((s, k) => (
                <stop key={k} offset={s.offset} stopColor={s.color} />
              ))}
            </linearGradient>
          </defs>
          <text y={-4} fontSize={tf} data-claim={legendClaim(`phase.legend.ramp.${i}`, r.title).id}>
            {r.title}
          </text>
          <rect width={r2(r.width)} height={g.rampHeight} fill={`url(#sp-phase-ramp-${i})`} />
          {r.ticks.map((t, k) => (
            <g key={k} transform={`translate(${r2(t.offset * r.width)},0)`}>
              <line className="sp-phase-legend-tick" y2={r2(g.rampHeight + 3)} />
              <text y={r2(g.rampHeight + 3 + tf)} fontSize={tf} textAnchor="middle">
                {t.label}
              </text>
            </g>
          ))}
        </g>
      ))}
      {g.dots.map((d, i) => (
        <g key={i} transform={`translate(${r2(d.x)},${r2(d.y)})`}>
          <circle
            className="sp-phase-dot"
            cx={dr}
            cy={r2(-tf * 0.35)}
            r={dr}
            fill={d.fill}
            strokeDasharray={d.dashed ? '2 1.5' : undefined}
          />
          <text
            x={r2(dr * 2 + 6)}
            fontSize={tf}
            data-claim={legendClaim(`phase.legend.dot.${i}`, d.label).id}
          >
            {d.label}
          </text>
        </g>
      ))}
    </g>
  );
});
