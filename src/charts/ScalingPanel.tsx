// ScalingPanel — E_g against dataset size P or model size N on log-log axes (docs/theory.md §6): the sweep as line and points, the fitted power law dashed over its window
// [fit.xmin, fit.xmax] with "fit: slope −1.03 · predicted −1.00", a dotted guide with the predicted
// slope through the fit's centre, and the current value marked "current P = 400".
//
// Props
//   sweep    SweepResult | null     null shows "No data".
//   axis     'P' | 'N' | 'C'        which panel this is (sets data-testid when sweep is null);
//                                   'C': the compute-optimal frontier L*(C), C = N·t.
//                                   Default: sweep.axis, else 'P'.
//   width, height  number           size in px.
//   variant  'normal' | 'lecture'   default 'normal'.
//   onPick   (value, live) => void    optional: click, drag or arrow keys on the plot set P or N.
//
// Points with E_g = ∞ (the interpolation peak) are marked "∞" at the top edge; the curve climbs
// out of the plot there (a clipped peak) with "→ ∞ at N = P" (g[data-testid="peak"]). The fit
// window is bracketed on the x axis (g[data-testid="fit-window"]); no fit spans the peak.
//
// Hooks: svg[data-testid="scaling-P" | "scaling-N" | "scaling-C"], path[data-series="sweep" | "fit" |
// "predicted"], g[data-series="sweep-points"], g[data-series="sweep-divergent"], text[data-testid="fit-label"], g[data-testid=
// "current"], text[data-testid="scaling-caption"], g[data-testid="no-data"],
// g[data-testid="modes-edge"] (P = M of a measured spectrum: beyond it every mode is interpolated;
// claims/modesEdge.ts) with line[data-series="modes-edge"].
import { useMemo, useState } from 'react';
import type { KeyboardEvent, PointerEvent, ReactNode } from 'react';
import type { SweepAxis, SweepResult } from '../model/types.ts';
import { Annotation } from './Annotation.tsx';
import { FitBracketMark } from './FitBracketMark.tsx';
import { ChartSvg } from './ChartSvg.tsx';
import { Heading } from './Heading.tsx';
import { Legend } from './Legend.tsx';
import { r2 } from './path.ts';
import { PlotFrame } from './PlotFrame.tsx';
import { SimMarks } from './SimMarks.tsx';
import { scalingLayout, type RealScalingPoints } from './scalingLayout.ts';
import { metricsFor, type Variant } from './theme.ts';
import { edgeSentence, visibleEdge } from '../claims/modesEdge.ts';
import {
  divergentPointClaim,
  edgeSentenceClaim,
  headingClaim,
  type ScalingLabel,
} from '../claims/scalingClaims.ts';
import type { Params } from '../model/params.ts';
import { plainText } from '../format/rich.ts';

export interface ScalingPanelProps {
  sweep: SweepResult | null;
  axis?: SweepAxis;
  width: number;
  height: number;
  variant?: Variant;
  /** Real learning at a few sizes (g[data-series="real"]), drawn over the theory. */
  real?: RealScalingPoints | null;
  /**
   * Set P or N from the panel: a press or drag on the plot picks the value under the pointer
   * (live while dragging, `live` false on release); with the panel focused, ←/→ step it by a tenth
   * of a decade (Shift: half a decade), Home/End go to the swept range's ends. Not for 'C'.
   */
  onPick?: (value: number, live: boolean) => void;
  /**
   * The fit label made from the exponent table's row of the same state (claims/scalingClaims.ts),
   * so the panel and the table state one number; without it the sweep's own words.
   */
  label?: ScalingLabel | null;
  /** The state the sweep belongs to (its claims' checkers recompute from it). */
  params?: Params | null;
}

/** Value steps of the keyboard, in decades. */
const KEY_STEP = 0.1;
const KEY_BIG_STEP = 0.5;

const AXIS_TEXT: Record<SweepAxis, { label: string; title: string }> = {
  P: { label: 'dataset size P', title: 'Scaling with dataset size' },
  N: { label: 'model size N', title: 'Scaling with model size' },
  C: { label: 'compute C = N·t (best over N)', title: 'Compute-optimal frontier' },
};

export function ScalingPanel(props: ScalingPanelProps): ReactNode {
  const { sweep, width, height, variant = 'normal', real = null, onPick } = props;
  const { label: fitLabel = null, params = null } = props;
  const axis: SweepAxis = props.axis ?? sweep?.axis ?? 'P';
  const m = metricsFor(variant);
  const L = useMemo(
    () => scalingLayout(sweep, axis, width, height, m, real, { label: fitLabel, params }),
    [sweep, axis, width, height, m, real, fitLabel, params],
  );
  const heading = headingClaim(axis, L.heading, sweep);
  const divergent = sweep && L.divergentX.length ? divergentPointClaim(axis) : null;
  const [dragging, setDragging] = useState(false);
  const pick = axis !== 'C' && sweep && !L.empty ? onPick : undefined;
  const [lo, hi] = L.x.domain();
  const valueAt = (e: PointerEvent<SVGSVGElement>): number | null => {
    const rect = e.currentTarget.getBoundingClientRect();
    const sx = rect.width > 0 ? width / rect.width : 1;
    const px = (e.clientX - rect.left) * sx - L.margin.left;
    if (px < -8 || px > L.plotW + 8) return null;
    return L.x.invert(Math.min(L.plotW, Math.max(0, px)));
  };
  const pointer = pick && {
    onPointerDown(e: PointerEvent<SVGSVGElement>) {
      const v = e.button === 0 ? valueAt(e) : null;
      if (v === null) return;
      e.currentTarget.setPointerCapture?.(e.pointerId);
      setDragging(true);
      pick(v, true);
    },
    onPointerMove(e: PointerEvent<SVGSVGElement>) {
      const v = dragging ? valueAt(e) : null;
      if (v !== null) pick(v, true);
    },
    onPointerUp(e: PointerEvent<SVGSVGElement>) {
      if (!dragging) return;
      setDragging(false);
      const v = valueAt(e);
      if (v !== null) pick(v, false);
    },
    onKeyDown(e: KeyboardEvent<SVGSVGElement>) {
      const cur = sweep && isFinite(sweep.current) && sweep.current > 0 ? sweep.current : hi;
      const d = e.shiftKey ? KEY_BIG_STEP : KEY_STEP;
      const v =
        e.key === 'ArrowRight' || e.key === 'ArrowUp'
          ? cur * 10 ** d
          : e.key === 'ArrowLeft' || e.key === 'ArrowDown'
            ? cur / 10 ** d
            : e.key === 'Home'
              ? lo
              : e.key === 'End'
                ? hi
                : null;
      if (v === null) return;
      e.preventDefault();
      pick(v, false);
    },
  };
  const fs = m.labelFont;
  const edge = axis === 'P' && sweep ? visibleEdge(sweep) : null;
  const label =
    `Scaling panel: log-log plot of the test error E_g against ${AXIS_TEXT[axis].label}` +
    (sweep ? `; ${plainText(L.fitLabel.text)}` : '; no data') +
    (edge ? `. ${edgeSentence(edge)}` : '') +
    (pick ? `. Click or drag to set ${axis}; the arrow keys step it.` : '');
  return (
    <ChartSvg
      testId={`scaling-${axis}`}
      kind={`scaling-${axis}`}
      variant={variant}
      width={width}
      height={height}
      label={label}
      title={AXIS_TEXT[axis].title}
      desc={`${L.heading}.`}
      {...(pointer && { tabIndex: 0, 'data-pickable': '', ...pointer })}
    >
      <Heading
        testId="scaling-caption"
        text={L.heading}
        claim={heading.id}
        x={L.margin.left}
        fontSize={fs}
      />
      <Legend layout={L.legend} x={L.margin.left} y={L.legendY} metrics={m} />
      <PlotFrame frame={L} xTitle={L.xTitle} yTitle={L.yTitle} metrics={m} empty={L.empty}>
        {(clip) => (
          <>
            <g clipPath={clip}>
              {L.current && (
                <line
                  className="sp-ref sp-ref--current"
                  x1={r2(L.current.x)}
                  x2={r2(L.current.x)}
                  y1={0}
                  y2={r2(L.plotH)}
                />
              )}
              {L.edge && (
                <line
                  className="sp-ref sp-ref--half"
                  data-series="modes-edge"
                  x1={r2(L.edge.x)}
                  x2={r2(L.edge.x)}
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
            {L.real.length > 0 && (
              <SimMarks
                series="real"
                marks={L.real}
                pointClass="sp-sim-point"
                r={m.pointRadius + 1.5}
              />
            )}
            {L.divergentX.length > 0 && (
              <g data-series="sweep-divergent">
                {L.divergentX.map((x) => (
                  <g key={x}>
                    <title data-claim={divergent!.tip.id}>{divergent!.tip.plain}</title>
                    <text
                      className="sp-annot sp-annot--limit"
                      data-claim={divergent!.mark.id}
                      x={r2(x)}
                      y={r2(fs * 0.95)}
                      textAnchor="middle"
                      fontSize={fs}
                    >
                      ∞
                    </text>
                  </g>
                ))}
              </g>
            )}
            {L.peak && (
              <g data-testid="peak">
                <Annotation className="sp-annot sp-annot--limit" label={L.peak} fontSize={fs} />
              </g>
            )}
            {L.edge && edge && (
              <g data-testid="modes-edge" data-modes={edge.M}>
                <title data-claim={edgeSentenceClaim(sweep!)?.id}>{edgeSentence(edge)}</title>
                <Annotation className="sp-annot" label={L.edge} fontSize={fs} />
              </g>
            )}
            {L.fitBracket && (
              <FitBracketMark bracket={L.fitBracket} fontSize={fs} labelled={false} />
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
                <Annotation className="sp-annot" label={L.current} fontSize={fs} />
              </g>
            )}
            <Annotation
              testId="fit-label"
              className="sp-annot sp-annot--accent"
              label={L.fitLabel}
              fontSize={fs}
            />
          </>
        )}
      </PlotFrame>
    </ChartSvg>
  );
}
