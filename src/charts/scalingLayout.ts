// Geometry of a scaling panel (E_g against P or N, log-log; docs/theory.md §6, §8) as plain data: the
// sweep, the fitted power law over its window, the predicted slope through the fit's centre, the
// current value, and collision-free labels.
import type { ModesEdge, PowerFit, SweepAxis, SweepResult } from '../model/types.ts';
import { isLogFinite, logExtent, padLogDomain } from './domain.ts';
import { formatNumber, formatParam } from '../format/number.ts';
import {
  axesFrame,
  headingHeight,
  noData,
  TOP_PAD,
  type AxesFrame,
  type EmptyState,
} from './frame.ts';
import {
  besideRules,
  edgePositions,
  plotObstacles,
  type LabelPos,
  type Obstacles,
} from './labels.ts';
import { linePath, present, seriesPoints, type Point } from './path.ts';
import { placeText, type PlacedText } from './placeText.ts';
import { richWidth } from './richRuns.ts';
import type { Metrics } from './theme.ts';
import { fitBracket, type FitBracket } from './marks/fitBracket.ts';
import { legendAndFrame, type LegendItem, type LegendLayout } from './marks/legend.ts';
import { meanSemBars, meanSemMarks, type MeanSemMark } from './marks/meanSem.ts';
import { vRuleLine } from './marks/rule.ts';
import { wrapLines } from './footer.ts';
import type { PlotScales } from './marks/scales.ts';
import { visibleEdge } from '../claims/modesEdge.ts';
import { fitLabelClaim, legendClaim } from '../claims/curveClaims.ts';
import type { ExponentRow } from '../claims/exponentTable.ts';
import {
  currentClaims,
  edgeClaim,
  peakClaim,
  scalingFitLabel,
  type ScalingLabel,
} from '../claims/scalingClaims.ts';
import { count } from '../claims/words.ts';
import type { Params } from '../model/params.ts';
import { oneLine, splitClaim } from './placeText.ts';

/** What the panel's words are made from: the exponent table's row and the state (optional). */
export interface ScalingClaimsIn {
  /** The fit label, made from the exponent table's row (P and N panels). */
  label?: ScalingLabel | null;
  /** The state the sweep belongs to (the checkers recompute from it). */
  params?: Params | null;
}

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
  real: MeanSemMark[];
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
 * slope)" when no window qualifies; "predicted n/a" when no law applies in this state. With the
 * exponent table's row, the row's numbers (claims/scalingClaims.ts).
 */
export function fitLabelText(sweep: SweepResult, row: ExponentRow | null = null): string {
  return scalingFitLabel(sweep, row, null).claim.markup.split(' beyond')[0];
}

/** The fitted power law over its window and the predicted slope through the fit's centre. */
interface FitLines {
  fit: PowerFit | null;
  /** The window's ends, and the fit and the prediction there. */
  xs: number[];
  fitYs: number[];
  predYs: number[];
  /** The prediction is drawn (a fit and a predicted slope). */
  predicted: boolean;
}

/** Step: the fit (when usable) and the predicted slope through its centre, at the window's ends. */
function fitLines(sweep: SweepResult | null, slope: number): FitLines {
  const fit =
    sweep?.fit &&
    Number.isFinite(sweep.fit.slope) &&
    isLogFinite(sweep.fit.xmin) &&
    isLogFinite(sweep.fit.xmax)
      ? sweep.fit
      : null;
  const fitAt = (v: number): number =>
    fit ? 10 ** (fit.intercept + fit.slope * Math.log10(v)) : NaN;
  const xs = fit ? [fit.xmin, fit.xmax] : [];
  const xm = fit ? Math.sqrt(fit.xmin * fit.xmax) : NaN;
  const predicted = !!fit && !!sweep && Number.isFinite(slope);
  const predAt = (v: number): number => (predicted ? fitAt(xm) * (v / xm) ** slope : NaN);
  return { fit, xs, fitYs: xs.map(fitAt), predYs: xs.map(predAt), predicted };
}

/** The words of a panel: axis titles and its heading, long and short. */
interface ScalingWords {
  xTitle: string;
  yTitle: string;
  long: string;
  short: string;
  /** The longest wording of this kind of panel (P and N panels test the same one). */
  longest: string;
}

/** Step: the axis titles and the heading (what is swept and where along training). */
function scalingWords(sweep: SweepResult | null, axis: SweepAxis): ScalingWords {
  const { noun, unit } = NAMES[axis];
  if (axis === 'C') {
    const atP =
      sweep && sweep.P !== undefined && Number.isFinite(sweep.P)
        ? ` (P = ${formatParam(sweep.P)})`
        : '';
    const long = `Best E_g over N at fixed compute C = N·t${atP}`;
    return {
      xTitle: 'compute C = N·t',
      yTitle: 'best test error L* = min_N E_g',
      long,
      short: `Best E_g at fixed C = N·t${atP}`,
      longest: long,
    };
  }
  return {
    xTitle: `${noun} ${axis} (${unit})`,
    yTitle: 'test error E_g',
    long: sweep ? `E_g against ${noun} ${axis}, ${atPhrase(sweep)}` : `E_g against ${noun} ${axis}`,
    short: sweep ? `E_g vs ${axis}, ${atPhrase(sweep, true)}` : `E_g vs ${axis}`,
    longest: `E_g against ${NAMES.P.noun} P${sweep ? `, ${atPhrase(sweep)}` : ''}`,
  };
}

/** The panel's heading in full (an exported figure's footer says it too). */
export function scalingHeading(sweep: SweepResult | null, axis: SweepAxis): string {
  return scalingWords(sweep, axis).long;
}

/** The data domains, the current point, and why nothing is drawn (or null). */
interface ScalingDomains {
  xDomain: [number, number];
  yDomain: [number, number];
  yExt: [number, number] | null;
  curX: number | null;
  curY: number | null;
  empty: EmptyState;
}

/** Step: log domains covering the sweep, the current point, the fit lines and the real points. */
function scalingDomains(
  sweep: SweepResult | null,
  axis: SweepAxis,
  lines: FitLines,
  real: RealScalingPoints | null,
): ScalingDomains {
  const curX = sweep && isLogFinite(sweep.current) ? sweep.current : null;
  const curY = curX !== null && sweep && isLogFinite(sweep.currentEg) ? sweep.currentEg : null;
  const xExt = sweep ? logExtent(sweep.x, curX !== null ? [curX] : [], lines.xs) : null;
  const realHi = real ? real.mean.map((v, i) => v + (real.sem[i] || 0)) : [];
  const yExt = sweep
    ? logExtent(
        sweep.Eg,
        curY !== null ? [curY] : [],
        lines.fitYs,
        lines.predYs,
        real?.mean ?? [],
        realHi,
      )
    : null;
  const hasData = sweep ? logExtent(sweep.Eg) !== null && logExtent(sweep.x) !== null : false;
  let empty: EmptyState = null;
  if (!sweep)
    empty = noData(
      axis === 'C'
        ? 'The compute-optimal frontier has not been computed yet.'
        : `No sweep over ${axis} has been computed yet.`,
    );
  else if (!hasData || !xExt || !yExt) empty = noData('The sweep has no finite, positive values.');
  return {
    xDomain: xExt ? padLogDomain(xExt, 0.05, 1) : [1, 10],
    yDomain: yExt ? padLogDomain(yExt, 0.08, 0.4) : [0.1, 1],
    yExt,
    curX,
    curY,
    empty,
  };
}

/** Step: the legend: the theory, and the fit, the real points and the predicted slope when drawn. */
function scalingLegend(
  axis: SweepAxis,
  real: RealScalingPoints | null,
  drawn: { fit: boolean; predicted: boolean },
): LegendItem[] {
  const item = (i: Omit<LegendItem, 'claim'>): LegendItem => ({
    ...i,
    claim: legendClaim(`scaling.${axis}.legend.${i.key}`, i.label).id,
  });
  const items: LegendItem[] = [
    item({
      key: 'sweep',
      label: 'theory',
      kind: 'line',
      className: 'sp-series sp-series--eg sp-legend-swatch',
    }),
  ];
  if (drawn.fit)
    items.push(
      item({
        key: 'fit',
        label: 'fit',
        kind: 'line',
        className: 'sp-series sp-series--fit sp-legend-swatch',
      }),
    );
  if (real)
    items.push(
      item({
        key: 'real',
        label: `${real.words}, ${count(real.draws, 'draw')} (±1 s.e.m.)`,
        kind: 'point-bar',
        className: 'sp-sim-point',
      }),
    );
  if (drawn.predicted)
    items.push(
      item({
        key: 'pred',
        label: 'predicted slope',
        kind: 'line',
        className: 'sp-series sp-series--predicted sp-legend-swatch',
      }),
    );
  return items;
}

/**
 * Step: the legend and the frame below the heading. Points with E_g = ∞ are marked at the top
 * edge: the y domain grows so that strip holds no finite data.
 */
function scalingFrame(
  items: readonly LegendItem[],
  sweep: SweepResult | null,
  dom: ScalingDomains,
  width: number,
  height: number,
  m: Metrics,
): { legend: LegendLayout; frame: AxesFrame; yDomain: [number, number] } {
  const headingH = headingHeight(m);
  const { xDomain, yExt } = dom;
  let yDomain = dom.yDomain;
  const { legend, frame } = legendAndFrame(items, width, m, (legendH) =>
    axesFrame(headingH + legendH, width, height, xDomain, yDomain, m),
  );
  if (!sweep || !yExt || !Array.from(sweep.Eg).some((v) => v === Infinity))
    return { legend, frame, yDomain };
  const q = Math.min(0.4, (1.6 * m.labelFont) / frame.plotH);
  const lo = Math.log10(yDomain[0]);
  const top = Math.log10(yExt[1]);
  yDomain = [yDomain[0], 10 ** (lo + (top - lo) / (1 - q))];
  return {
    legend,
    frame: axesFrame(headingH + legend.height, width, height, xDomain, yDomain, m),
    yDomain,
  };
}

/** The drawn sweep, fit and prediction in px, the real points, and the polylines they make. */
interface ScalingPaths {
  sweepPts: (Point | null)[];
  fitPts: (Point | null)[];
  predPts: (Point | null)[];
  real: MeanSemMark[];
  lines: Point[][];
}

/**
 * Step: the series in px. A divergent point is drawn past the top edge, so the curve climbs out of
 * the plot there (the clip cuts it): a clipped peak, not a gap.
 */
function scalingPaths(
  sweep: SweepResult,
  lines: FitLines,
  real: RealScalingPoints | null,
  s: PlotScales,
  yTop: number,
): ScalingPaths {
  const { X, Y } = s;
  const above = yTop * 1e3;
  const sweepPts = seriesPoints(
    sweep.x,
    Array.from(sweep.Eg, (v) => (v === Infinity ? above : v)),
    X,
    Y,
  );
  const fitPts = seriesPoints(lines.xs, lines.fitYs, X, Y);
  const predPts = seriesPoints(lines.xs, lines.predYs, X, Y);
  const realMarks = real ? meanSemMarks(real.x, real.mean, real.sem, X, Y, s.plotH) : [];
  return {
    sweepPts,
    fitPts,
    predPts,
    real: realMarks,
    lines: [
      present(sweepPts).filter((p) => p[1] >= 0),
      present(fitPts),
      present(predPts),
      ...meanSemBars(realMarks),
    ],
  };
}

/** Step: the x of each point with E_g = ∞ (an "∞" at the top edge, an obstacle for labels). */
function divergentMarks(sweep: SweepResult, X: (v: number) => number, fs: number, obs: Obstacles) {
  const out: number[] = [];
  for (let i = 0; i < sweep.x.length; i++) {
    if (sweep.Eg[i] === Infinity && isLogFinite(sweep.x[i])) {
      const px = X(sweep.x[i]);
      out.push(px);
      obs.boxes.push({ x: px - fs / 2, y: 0, width: fs, height: fs * 1.3 });
    }
  }
  return out;
}

/**
 * Step: the current value as a rule (and a point on the curve): both obstacles now, before any
 * label is placed; its label ("current P = 400") is placed later (currentLabel), after the fit's
 * longer words, since a short label finds room where a long one cannot.
 */
function currentRule(
  curX: number,
  curY: number | null,
  s: PlotScales,
  m: Metrics,
  obs: Obstacles,
): { cx: number; cy: number | null } {
  const cx = s.X(curX);
  const cy = curY !== null ? s.Y(curY) : null;
  const d = m.markRadius + 4;
  obs.lines.push(vRuleLine(cx, s.plotH));
  if (cy !== null)
    obs.boxes.push({ x: cx - d + 2, y: cy - d + 2, width: 2 * d - 4, height: 2 * d - 4 });
  return { cx, cy };
}

/** Step: the current value's label beside its rule (currentRule), clear of the labels placed. */
function currentLabel(
  axis: SweepAxis,
  curX: number,
  at: { cx: number; cy: number | null },
  s: PlotScales,
  m: Metrics,
  obs: Obstacles,
): NonNullable<ScalingLayout['current']> {
  const { plotH } = s;
  const fs = m.labelFont;
  const { cx, cy } = at;
  const d = m.markRadius + 4;
  const ay = cy ?? plotH / 2;
  const [long, short] = currentClaims(axis, curX);
  const label = placeText(
    [oneLine(long), splitClaim(long, ' '), oneLine(short)],
    (extra) => [
      { x: cx + d, y: ay - d - extra, anchor: 'start' },
      { x: cx - d, y: ay - d - extra, anchor: 'end' },
      { x: cx + d, y: ay + d + 0.78 * fs, anchor: 'start' },
      { x: cx - d, y: ay + d + 0.78 * fs, anchor: 'end' },
      { x: cx + 4, y: 4 + 0.78 * fs, anchor: 'start' },
      { x: cx - 4, y: 4 + 0.78 * fs, anchor: 'end' },
      { x: cx + 4, y: plotH - 6 - extra, anchor: 'start' },
      { x: cx - 4, y: plotH - 6 - extra, anchor: 'end' },
    ],
    fs,
    obs,
  );
  return { x: cx, y: cy, label: long.markup, ...label };
}

/** Step: "→ ∞ at N = P" beside the interpolation peak (or null). */
function peakMark(
  sweep: SweepResult,
  p: Params | null,
  X: (v: number) => number,
  m: Metrics,
  obs: Obstacles,
): ScalingLayout['peak'] {
  if (sweep.peak === null || !isLogFinite(sweep.peak)) return null;
  const fs = m.labelFont;
  const px = X(sweep.peak);
  const c = peakClaim(sweep, p);
  const text = c.markup;
  // Beside the "∞" drawn over a divergent point at the peak (divergentMarks: fs wide), a point's
  // radius (and the obstacles' pad) clear of it: the curve's last points run up to the top there.
  const off = fs / 2 + m.markRadius + 2;
  const placed = placeText(
    [oneLine(c), { claim: c, lines: ['→ ∞', text.slice('→ ∞ '.length)] }],
    (extra) =>
      [0, 1].flatMap((row) => {
        const y = 0.78 * fs + 2 + extra + row * 1.3 * fs;
        return [
          { x: px + off, y, anchor: 'start' as const },
          { x: px - off, y, anchor: 'end' as const },
        ];
      }),
    fs,
    obs,
  );
  return { x: px, text, ...placed };
}

/**
 * Step: the label of P = M of a measured spectrum (claims/modesEdge.ts), beside its rule (already
 * an obstacle: the fit's words, placed before, keep off it; this label yields to them).
 */
function edgeMark(
  sweep: SweepResult,
  modesEdge: ModesEdge,
  s: PlotScales,
  fs: number,
  obs: Obstacles,
): NonNullable<ScalingLayout['edge']> {
  const { plotH } = s;
  const ex = s.X(modesEdge.M);
  const c = edgeClaim(sweep)!;
  const text = c.markup;
  // On two lines ("P = M (636 modes of the" / "3000-digit pool)") where one does not fit.
  const label = placeText(
    [oneLine(c), splitClaim(c, ' of the ')],
    (extra) => [
      { x: ex - 4, y: plotH - 6 - extra, anchor: 'end' },
      { x: ex + 4, y: plotH - 6 - extra, anchor: 'start' },
      { x: ex - 4, y: plotH / 2, anchor: 'end' },
      { x: ex - 4, y: 0.78 * fs + 4 + extra, anchor: 'end' },
      { x: ex + 4, y: 0.78 * fs + 4 + extra, anchor: 'start' },
    ],
    fs,
    obs,
  );
  return { x: ex, text, ...label };
}

/**
 * Step: "fit: slope −1.03 · predicted −1.00" at a corner of the plot; past P = M the curve is no
 * scaling law of the data, and the fit's words say so wherever they go.
 */
function fitLabelMark(
  fit: ScalingLabel,
  s: PlotScales,
  fs: number,
  obs: Obstacles,
  rules: readonly number[],
): ScalingLayout['fitLabel'] {
  const text = fit.claim.markup;
  // Its own line breaks first; then the words wrapped to each gap between the rules (and the
  // plot's edges), narrowest last, to sit between two rules where the corners are taken.
  const edges = [0, ...rules, s.plotW].sort((a, b) => a - b);
  const gaps = edges.slice(1).map((x, i) => x - edges[i] - 2 * RULE_GAP - 4);
  const wrapped = [...new Set(gaps.filter((g) => g > 4 * fs))]
    .sort((a, b) => b - a)
    .map((g) => wrapLines([text], g, (line) => richWidth(line, fs)))
    // Lines joined by spaces read as the claim: a word broken to fit a narrow gap does not.
    .filter((lines) => lines.join(' ') === text);
  const variants = [...fit.variants, ...wrapped].map((lines) => ({ claim: fit.claim, lines }));
  // The corners first, then beside the rules (the current value, P = M): between two rules there
  // is often the only room left in a small panel.
  const at = (extra: number): LabelPos[] => [
    ...edgePositions(
      ['top end', 'bottom start', 'top start', 'bottom end', 'top middle', 'bottom middle'],
      s.plotW,
      s.plotH,
      fs,
      extra,
    ),
    ...besideRules(rules, s.plotH, fs, extra, RULE_GAP),
  ];
  return { text, ...placeText(variants, at, fs, obs) };
}

/** A label beside a rule keeps this far from it, px. */
const RULE_GAP = 4;

/** What an empty panel draws: nothing. */
type ScalingMarks = Omit<
  ScalingLayout,
  | keyof AxesFrame
  | 'width'
  | 'height'
  | 'axis'
  | 'empty'
  | 'xTitle'
  | 'yTitle'
  | 'heading'
  | 'legend'
  | 'legendY'
>;
const noMarks = (): ScalingMarks => ({
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
});

export function scalingLayout(
  sweep: SweepResult | null,
  axis: SweepAxis,
  width: number,
  height: number,
  m: Metrics,
  real: RealScalingPoints | null = null,
  claims: ScalingClaimsIn = {},
): ScalingLayout {
  const words = scalingWords(sweep, axis);
  const label = sweep
    ? (claims.label ?? scalingFitLabel(sweep, null, claims.params ?? null))
    : null;
  const lines = fitLines(sweep, label ? label.predicted : NaN);
  const dom = scalingDomains(sweep, axis, lines, real);
  const { legend, frame, yDomain } = scalingFrame(
    scalingLegend(axis, real, { fit: lines.fit !== null, predicted: lines.predicted }),
    sweep,
    dom,
    width,
    height,
    m,
  );
  const { plotW, plotH, x, y } = frame;
  // The heading starts at the left margin (Heading.tsx) and is bold, ~2% wider than the estimate:
  // the long form only where all of it fits before the right edge. Both axes test the longer
  // (dataset-size) wording, so the P and N panels side by side or stacked read alike.
  const heading =
    richWidth(words.longest, m.labelFont) * 1.02 <= width - frame.margin.left - 4
      ? words.long
      : words.short;
  const base = {
    ...frame,
    width,
    height,
    axis,
    xTitle: words.xTitle,
    yTitle: words.yTitle,
    heading,
    legend,
    legendY: TOP_PAD + headingHeight(m),
  };
  if (dom.empty || !sweep) return { ...base, ...noMarks(), empty: dom.empty ?? noData('') };

  const s: PlotScales = { X: (v) => x(v), Y: (v) => y(v), plotW, plotH };
  const paths = scalingPaths(sweep, lines, real, s, yDomain[1]);
  const obs = plotObstacles(paths.lines, plotW, plotH);
  const fs = m.labelFont;
  // The order sets who yields: each label avoids those placed before it.
  const divergentX = divergentMarks(sweep, s.X, fs, obs);
  const cur = dom.curX !== null ? currentRule(dom.curX, dom.curY, s, m, obs) : null;
  const modesEdge = axis === 'P' ? visibleEdge(sweep) : null;
  if (modesEdge) obs.lines.push(vRuleLine(s.X(modesEdge.M), plotH));
  const peak = peakMark(sweep, claims.params ?? null, s.X, m, obs);
  const bracketLabel = lines.fit
    ? fitLabelClaim(`scaling.${axis}.bracket`, axis, lines.fit, label!.claim.check)
    : null;
  const bracket = fitBracket(lines.fit, bracketLabel, s, m, obs);
  const rules = [cur?.cx, modesEdge ? s.X(modesEdge.M) : undefined].filter(
    (x): x is number => x !== undefined,
  );
  const fitLabel = fitLabelMark(label!, s, fs, obs, rules);
  const edge = modesEdge ? edgeMark(sweep, modesEdge, s, fs, obs) : null;
  const current = cur && dom.curX !== null ? currentLabel(axis, dom.curX, cur, s, m, obs) : null;
  return {
    ...base,
    empty: null,
    sweepD: linePath(paths.sweepPts),
    points: present(paths.sweepPts),
    divergentX,
    fitD: linePath(paths.fitPts),
    predictedD: linePath(paths.predPts),
    fitLabel,
    fitBracket: bracket,
    peak,
    current,
    real: paths.real,
    edge,
  };
}
