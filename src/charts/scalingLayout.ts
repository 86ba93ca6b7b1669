// Geometry of a scaling panel (E_g against P or N, log-log; docs/theory.md §6, §8) as plain data: the
// sweep, the fitted power law over its window, the predicted slope through the fit's centre, the
// current value, and collision-free labels.
import type { SweepAxis, SweepResult } from '../model/types.ts';
import { isLogFinite, logExtent, padLogDomain } from './domain.ts';
import { formatNumber, formatParam, formatSlope } from '../format/number.ts';
import {
  axesFrame,
  headingHeight,
  noData,
  TOP_PAD,
  type AxesFrame,
  type EmptyState,
} from './frame.ts';
import { edgePositions, plotObstacles, type LabelPos } from './labels.ts';
import { legendAndFrame, type LegendItem, type LegendLayout } from './Legend.tsx';
import { linePath, present, seriesPoints, type Point } from './path.ts';
import { placeText, type PlacedText } from './placeText.ts';
import { richWidth } from './richText.tsx';
import type { Metrics } from './theme.ts';
import { fitBracket, type FitBracket } from './learningCurveMarks.ts';
import type { SimMark } from './learningCurveLayout.ts';
import { edgeLabel, edgeNote, visibleEdge } from '../claims/modesEdge.ts';

export interface ScalingLayout extends AxesFrame {
  width: number;
  height: number;
  axis: SweepAxis;
  empty: EmptyState;
  xTitle: string;
  yTitle: string;
  /** Heading: what is swept and where along training ("… at t → ∞"). */
  heading: string;
  legend: LegendLayout;
  legendY: number;
  sweepD: string;
  points: Point[];
  /** x positions of sweep points where E_g = ∞ (e.g. the interpolation peak N = P). */
  divergentX: number[];
  fitD: string;
  predictedD: string;
  fitLabel: PlacedText & { text: string };
  /** The fit window, bracketed on the x axis. */
  fitBracket: FitBracket | null;
  /** The interpolation peak (E_g → ∞ at N = P): where, and its label. */
  peak: (PlacedText & { x: number; text: string }) | null;
  current: (PlacedText & { x: number; y: number | null; label: string }) | null;
  /** Real points (mean ± 1 s.e.m.), when given. */
  real: SimMark[];
  /** P = M of a measured spectrum (claims/modesEdge.ts): where, and its label and note. */
  edge: (PlacedText & { x: number; text: string }) | null;
}

/** Real learning at a few sizes, drawn over the theory sweep (a pool source). */
export interface RealScalingPoints {
  /** Real learning on the source, in its words ("real digits", src/model/data/sources.ts). */
  words: string;
  x: number[];
  mean: number[];
  sem: number[];
  /** Draws per point (the legend says how many). */
  draws: number;
}

const NAMES: Record<SweepAxis, { noun: string; unit: string }> = {
  P: { noun: 'dataset size', unit: 'samples' },
  N: { noun: 'model size', unit: 'features' },
  C: { noun: 'compute', unit: '' },
};

/** "at t → ∞", "at the early-stopping time t*", "at t = 10³". */
export function atPhrase(sweep: Pick<SweepResult, 'at' | 'tFixed'>, short = false): string {
  if (sweep.at === 'inf') return 'at t → ∞';
  if (sweep.at === 'tstar') return short ? 'at t*' : 'at the early-stopping time t*';
  return `at t = ${formatNumber(sweep.tFixed, 3)}`;
}

/**
 * "fit: slope −1.03 · predicted −1.00" (two decimals, true minus signs); "fit: none (no stable
 * slope)" when no window qualifies; "predicted n/a" when no law applies in this state.
 */
export function fitLabelText(sweep: SweepResult): string {
  const pred = Number.isFinite(sweep.predicted) ? formatSlope(sweep.predicted, 2) : 'n/a';
  const edge = visibleEdge(sweep);
  const fit = edge ? `fit (P < ${formatParam(edge.M)})` : 'fit';
  if (!sweep.fit || !Number.isFinite(sweep.fit.slope))
    return `${fit}: none (${sweep.fitGap === 'too-few' ? 'too few points' : 'no stable slope'}) · predicted ${pred}`;
  return `${fit}: slope ${formatSlope(sweep.fit.slope, 2)} · predicted ${pred}`;
}

export function scalingLayout(
  sweep: SweepResult | null,
  axis: SweepAxis,
  width: number,
  height: number,
  m: Metrics,
  real: RealScalingPoints | null = null,
): ScalingLayout {
  const { noun, unit } = NAMES[axis];
  const isC = axis === 'C';
  const xTitle = isC ? 'compute C = N·t' : `${noun} ${axis} (${unit})`;
  const yTitle = isC ? 'best test error L* = min_N E_g' : 'test error E_g';
  const atP =
    sweep && sweep.P !== undefined && Number.isFinite(sweep.P)
      ? ` (P = ${formatParam(sweep.P)})`
      : '';
  const longHeading = isC
    ? `Best E_g over N at fixed compute C = N·t${atP}`
    : sweep
      ? `E_g against ${noun} ${axis}, ${atPhrase(sweep)}`
      : `E_g against ${noun} ${axis}`;
  const shortHeading = isC
    ? `Best E_g at fixed C = N·t${atP}`
    : sweep
      ? `E_g vs ${axis}, ${atPhrase(sweep, true)}`
      : `E_g vs ${axis}`;

  const fit =
    sweep?.fit &&
    Number.isFinite(sweep.fit.slope) &&
    isLogFinite(sweep.fit.xmin) &&
    isLogFinite(sweep.fit.xmax)
      ? sweep.fit
      : null;
  const fitAt = (v: number): number =>
    fit ? 10 ** (fit.intercept + fit.slope * Math.log10(v)) : NaN;
  const fitXs = fit ? [fit.xmin, fit.xmax] : [];
  const fitYs = fitXs.map(fitAt);
  const xm = fit ? Math.sqrt(fit.xmin * fit.xmax) : NaN;
  const predAt = (v: number): number =>
    fit && sweep && Number.isFinite(sweep.predicted)
      ? fitAt(xm) * (v / xm) ** sweep.predicted
      : NaN;
  const predYs = fitXs.map(predAt);

  const curX = sweep && isLogFinite(sweep.current) ? sweep.current : null;
  const curY = curX !== null && sweep && isLogFinite(sweep.currentEg) ? sweep.currentEg : null;
  const xExt = sweep ? logExtent(sweep.x, curX !== null ? [curX] : [], fitXs) : null;
  const realHi = real ? real.mean.map((v, i) => v + (real.sem[i] || 0)) : [];
  const yExt = sweep
    ? logExtent(sweep.Eg, curY !== null ? [curY] : [], fitYs, predYs, real?.mean ?? [], realHi)
    : null;
  const hasData = sweep ? logExtent(sweep.Eg) !== null && logExtent(sweep.x) !== null : false;
  let empty: EmptyState = null;
  if (!sweep)
    empty = noData(
      isC
        ? 'The compute-optimal frontier has not been computed yet.'
        : `No sweep over ${axis} has been computed yet.`,
    );
  else if (!hasData || !xExt || !yExt) empty = noData('The sweep has no finite, positive values.');
  const xDomain = xExt ? padLogDomain(xExt, 0.05, 1) : ([1, 10] as [number, number]);
  let yDomain: [number, number] = yExt ? padLogDomain(yExt, 0.08, 0.4) : [0.1, 1];

  const items: LegendItem[] = [
    {
      key: 'sweep',
      label: 'theory',
      kind: 'line',
      className: 'sp-series sp-series--eg sp-legend-swatch',
    },
    {
      key: 'fit',
      label: 'fit',
      kind: 'line',
      className: 'sp-series sp-series--fit sp-legend-swatch',
    },
  ];
  if (real)
    items.push({
      key: 'real',
      label: `${real.words}, ${real.draws} draw${real.draws === 1 ? '' : 's'} (±1 s.e.m.)`,
      kind: 'point-bar',
      className: 'sp-sim-point',
    });
  if (fit && sweep && Number.isFinite(sweep.predicted))
    items.push({
      key: 'pred',
      label: 'predicted slope',
      kind: 'line',
      className: 'sp-series sp-series--predicted sp-legend-swatch',
    });
  const headingH = headingHeight(m);
  const framed = legendAndFrame(items, headingH, width, height, xDomain, yDomain, m);
  const legend = framed.legend;
  let frame = framed.frame;
  // Points with E_g = ∞ are marked at the top edge: keep that strip free of finite data.
  if (sweep && yExt && Array.from(sweep.Eg).some((v) => v === Infinity)) {
    const q = Math.min(0.4, (1.6 * m.labelFont) / frame.plotH);
    const lo = Math.log10(yDomain[0]);
    const top = Math.log10(yExt[1]);
    yDomain = [yDomain[0], 10 ** (lo + (top - lo) / (1 - q))];
    frame = axesFrame(headingH + legend.height, width, height, xDomain, yDomain, m);
  }
  const { plotW, plotH, x, y } = frame;
  // The heading starts at the left margin (Heading.tsx) and is bold, ~2% wider than the estimate:
  // the long form only where all of it fits before the right edge. Both axes test the longer
  // (dataset-size) wording, so the P and N panels side by side or stacked read alike.
  const longestHeading = isC
    ? longHeading
    : `E_g against ${NAMES.P.noun} P${sweep ? `, ${atPhrase(sweep)}` : ''}`;
  const heading =
    richWidth(longestHeading, m.labelFont) * 1.02 <= width - frame.margin.left - 4
      ? longHeading
      : shortHeading;
  const base = {
    ...frame,
    width,
    height,
    axis,
    xTitle,
    yTitle,
    heading,
    legend,
    legendY: TOP_PAD + headingH,
  };
  if (empty || !sweep)
    return {
      ...base,
      empty: empty ?? noData(''),
      sweepD: '',
      points: [],
      divergentX: [],
      fitD: '',
      predictedD: '',
      fitLabel: { text: '', lines: [], pos: { x: 0, y: 0, anchor: 'start' } },
      fitBracket: null,
      peak: null,
      current: null,
      real: [],
      edge: null,
    };

  const X = (v: number): number => x(v);
  const Y = (v: number): number => y(v);
  // A divergent point is drawn past the top edge, so the curve climbs out of the plot there (the
  // clip cuts it): a clipped peak, not a gap.
  const above = yDomain[1] * 1e3;
  const sweepPts = seriesPoints(
    sweep.x,
    Array.from(sweep.Eg, (v) => (v === Infinity ? above : v)),
    X,
    Y,
  );
  const fitPts = seriesPoints(fitXs, fitYs, X, Y);
  const predPts = seriesPoints(fitXs, predYs, X, Y);
  const lines: Point[][] = [
    present(sweepPts).filter((p) => p[1] >= 0),
    present(fitPts),
    present(predPts),
  ];
  const realMarks: ScalingLayout['real'] = [];
  if (real)
    real.x.forEach((xv, i) => {
      const mv = real.mean[i];
      if (!isLogFinite(xv) || !isLogFinite(mv)) return;
      const s = real.sem[i] || 0;
      const clampY = (v: number) => Math.max(0, Math.min(plotH, v));
      const mark = {
        cx: X(xv),
        cy: Y(mv),
        y1: clampY(Y(mv + s)),
        y2: clampY(mv - s > 0 ? Y(mv - s) : plotH),
      };
      realMarks.push(mark);
      lines.push([
        [mark.cx, mark.y1],
        [mark.cx, mark.y2],
      ]);
    });
  const obs = plotObstacles(lines, plotW, plotH);
  const fs = m.labelFont;
  const divergentX: number[] = [];
  for (let i = 0; i < sweep.x.length; i++) {
    if (sweep.Eg[i] === Infinity && isLogFinite(sweep.x[i])) {
      const px = X(sweep.x[i]);
      divergentX.push(px);
      obs.boxes.push({ x: px - fs / 2, y: 0, width: fs, height: fs * 1.3 });
    }
  }

  let current: ScalingLayout['current'] = null;
  if (curX !== null) {
    const cx = X(curX);
    const cy = curY !== null ? Y(curY) : null;
    obs.lines.push([
      [cx, 0],
      [cx, plotH],
    ]);
    const d = m.markRadius + 4;
    const ay = cy ?? plotH / 2;
    const cands = (extra: number): LabelPos[] => [
      { x: cx + d, y: ay - d - extra, anchor: 'start' },
      { x: cx - d, y: ay - d - extra, anchor: 'end' },
      { x: cx + d, y: ay + d + 0.78 * fs, anchor: 'start' },
      { x: cx - d, y: ay + d + 0.78 * fs, anchor: 'end' },
      { x: cx + 4, y: 4 + 0.78 * fs, anchor: 'start' },
      { x: cx - 4, y: 4 + 0.78 * fs, anchor: 'end' },
      { x: cx + 4, y: plotH - 6 - extra, anchor: 'start' },
      { x: cx - 4, y: plotH - 6 - extra, anchor: 'end' },
    ];
    if (cy !== null)
      obs.boxes.push({ x: cx - d + 2, y: cy - d + 2, width: 2 * d - 4, height: 2 * d - 4 });
    const value = `${axis} = ${formatParam(curX)}`;
    const placed = placeText([[`current ${value}`], ['current', value], [value]], cands, fs, obs);
    current = { x: cx, y: cy, label: `current ${value}`, ...placed };
  }

  let peak: ScalingLayout['peak'] = null;
  if (sweep.peak !== null && isLogFinite(sweep.peak)) {
    const px = X(sweep.peak);
    const other = axis === 'N' ? 'P' : 'N';
    const ptext = `→ ∞ at ${axis} = ${other}`;
    const placed = placeText(
      [[ptext], ['→ ∞', `at ${axis} = ${other}`]],
      (extra) => [
        { x: px + 4, y: 0.78 * fs + 2 + extra, anchor: 'start' },
        { x: px - 4, y: 0.78 * fs + 2 + extra, anchor: 'end' },
      ],
      fs,
      obs,
    );
    peak = { x: px, text: ptext, ...placed };
  }
  let edge: ScalingLayout['edge'] = null;
  const modesEdge = axis === 'P' ? visibleEdge(sweep) : null;
  if (modesEdge) {
    const ex = X(modesEdge.M);
    obs.lines.push([
      [ex, 0],
      [ex, plotH],
    ]);
    const text = edgeLabel(modesEdge);
    const cands = (extra: number): LabelPos[] => [
      { x: ex - 4, y: plotH - 6 - extra, anchor: 'end' },
      { x: ex + 4, y: plotH - 6 - extra, anchor: 'start' },
      { x: ex - 4, y: plotH / 2, anchor: 'end' },
      { x: ex - 4, y: 0.78 * fs + 4 + extra, anchor: 'end' },
      { x: ex + 4, y: 0.78 * fs + 4 + extra, anchor: 'start' },
    ];
    edge = { x: ex, text, ...placeText([[text]], cands, fs, obs) };
  }
  const fitBracketMark = fitBracket(fit, axis, { X, Y, plotW, plotH }, m, obs);

  const text = fitLabelText(sweep);
  const [fitPart, predPart] = text.split(' · ');
  const fitCands = (extra: number): LabelPos[] =>
    edgePositions(
      ['top end', 'bottom start', 'top start', 'bottom end', 'top middle', 'bottom middle'],
      plotW,
      plotH,
      fs,
      extra,
    );
  // Past P = M the curve is no scaling law of the data: the fit's words say so wherever they go.
  const note = modesEdge ? edgeNote(modesEdge) : null;
  const fitVariants = note
    ? [
        [text, note.join(' ')],
        [fitPart, predPart, note.join(' ')],
        [fitPart, predPart, ...note],
      ]
    : [[text], [fitPart, predPart]];
  const fitLabel = { text, ...placeText(fitVariants, fitCands, fs, obs) };

  return {
    ...base,
    empty: null,
    sweepD: linePath(sweepPts),
    points: present(sweepPts),
    divergentX,
    fitD: linePath(fitPts),
    predictedD: linePath(predPts),
    fitLabel,
    fitBracket: fitBracketMark,
    peak,
    current,
    real: realMarks,
    edge,
  };
}
