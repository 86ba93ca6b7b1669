// Geometry of the learning-curve figure as plain data: margins, scales, ticks, paths and the
// positions of every annotation. A pure function of the props (no DOM), so LearningCurve.tsx only
// renders, and the layout can be checked without rendering. Annotations (t*, E_g(∞), Gibbs and
// posterior-mean errors) are drawn from the engine's results (docs/theory.md §4, §6, §8), never placed by
// hand; their labels are put where they cross no curve (labels.ts).
import type { CurveResult, SimResult } from '../model/types.ts';
import { capDecades, curveTimeDomain, isLogFinite, logExtent, padLogDomain } from './domain.ts';
import { formatNumber, formatParam } from '../format/number.ts';
import { axesFrame, noData, type AxesFrame, type EmptyState } from './frame.ts';
import { plotObstacles } from './labels.ts';
import { layoutLegend, legendWidth, type LegendItem, type LegendLayout } from './marks/legend.ts';
import { fitBracket, type FitBracket } from './marks/fitBracket.ts';
import { meanSemBars, meanSemMarks, type MeanSemMark } from './marks/meanSem.ts';
import { isolatedPoints, linePath, present, seriesPoints, type Point } from './path.ts';
import { type PlacedText } from './placeText.ts';
import {
  divergentLabel,
  referenceLines,
  referenceRules,
  referenceSpecs,
  type RefLine,
} from './learningCurveRefs.ts';
import { showsPosterior } from '../model/regimes.ts';
import { isSgdCurve } from '../model/sgd/theory.ts';
import { etrLegendClaim } from '../claims/sgd.ts';
export type { RefLine };
import {
  earlyStopMark,
  floorMark,
  timeMarker,
  type EarlyStopMark,
  type FloorMark,
  type TimeMarker,
} from './learningCurveMarks.ts';
import type { Metrics } from './theme.ts';
import {
  DIVERGE_HEADROOM,
  divergenceMark,
  floorSpec,
  flowPath,
  stepsAxisTitle,
  stripFoot,
  stripHeight,
  stripLayout,
  type DivergenceMark,
  type StepsOverlay,
  type StripLayout,
} from './sgdCurveMarks.ts';
export type { StepsOverlay };
import { resolvedEg, resolvedEtr } from './resolved.ts';
import { checkEarlyStop, quotesParams } from '../claims/checks.ts';
import { curveFitLabel, legendClaim, readoutClaim, stepsFitLabel } from '../claims/curveClaims.ts';
import { claim, type Check } from '../claims/registry.ts';
import { count } from '../claims/words.ts';

export interface PinnedCurve {
  id: string;
  label: string;
  /** Any CSS colour, e.g. 'var(--c-pin-0)'. */
  color: string;
  curve: CurveResult;
}

export interface SimOverlay {
  result: SimResult;
  /** Theory at the simulation's M (docs/theory.md §7: the tail matters), drawn dashed. */
  theory?: CurveResult;
  /**
   * Real learning on a pool of images rather than the exact simulator: its words ("real digits",
   * src/model/data/sources.ts), which name the legend's entries.
   */
  real?: string;
  /**
   * A real run of another configuration than the curve's (one-pass SGD on a pool above its cap
   * of random features runs the kernel limit): its theory is drawn dashed under this label.
   */
  theoryLabel?: string;
}

export interface LearningCurveInput {
  curve: CurveResult | null;
  pins: readonly PinnedCurve[];
  sim: SimOverlay | null;
  /** Measured data: the theory with the fitted power laws instead (docs/theory.md §0), dashed. */
  fitted?: CurveResult | null;
  width: number;
  height: number;
  showEtr: boolean;
  metrics: Metrics;
  /** The fixed time of the scaling panels, marked on the time axis (null: not marked). */
  markT?: number | null;
  /** The current curve's values of what sets the pins apart ("P = 400"), beside E_g's legend. */
  currentLabel?: string;
  /**
   * A curve in steps (one-pass SGD, docs/theory.md §9): its x, the η → 0 reference, the noise
   * floor, the divergence mark and the schedule strip (sgdCurveMarks.ts). Null: a curve in time.
   */
  steps?: StepsOverlay | null;
}

export interface SeriesPath {
  key: string;
  series: 'Eg' | 'Etr' | 'pin' | 'sim-theory' | 'fitted' | 'flow';
  className: string;
  d: string;
  /** Isolated points, drawn as markers. */
  dots: Point[];
  pinId?: string;
  color?: string;
}

export interface LearningCurveLayout extends AxesFrame {
  width: number;
  height: number;
  /** Non-null when there is nothing to draw: the message and why. */
  empty: EmptyState;
  xTitle: string;
  yTitle: string;
  legend: LegendLayout;
  paths: SeriesPath[];
  sim: { eg: MeanSemMark[]; etr: MeanSemMark[] } | null;
  refs: RefLine[];
  divergent: PlacedText | null;
  /** Where E_g falls below the engine's floor for good: the curve ends there, with this mark. */
  floor: FloorMark | null;
  earlyStop: EarlyStopMark | null;
  /** The window of the fitted time exponent, bracketed on the time axis. */
  fitBracket: FitBracket | null;
  /** The scaling panels' fixed time, when they evaluate E_g at a fixed t. */
  timeMarker: TimeMarker | null;
  /** The drawn polylines in plot pixels (for placing transient boxes such as the read-out). */
  drawn: Point[][];
  /** Indices of curve points usable by the crosshair and their pixel x, ascending. */
  cursorIndex: number[];
  cursorX: number[];
  /** A curve in steps: where a diverging curve ends, and the schedule strip under the plot. */
  divergence: DivergenceMark | null;
  strip: StripLayout | null;
}

const Y_PAD = 0.06;
/**
 * E_tr plunges to 0 when the model interpolates (docs/theory.md §4: E_tr(∞) = (1 − df/P)²(E + σ²)):
 * show at most this many decades below everything else, and let the plunge leave the frame, so that
 * it does not squash the curves that matter into the top of the plot.
 */
const ETR_DECADES_BELOW = 1.5;
const MAX_DECADES = 18;

/** A legend entry whose label is a claim (legendClaim: it names what is drawn). */
function entry(item: Omit<LegendItem, 'claim'>, check?: Check): LegendItem {
  const c = check
    ? claim(`curve.legend.${item.key}`, item.label, { params: {} }, check)
    : legendClaim(`curve.legend.${item.key}`, item.label);
  return { ...item, claim: c.id };
}

function legendItems(input: LearningCurveInput): LegendItem[] {
  const items: LegendItem[] = [
    entry({
      key: 'Eg',
      label: input.currentLabel ? `test error E_g (${input.currentLabel})` : 'test error E_g',
      kind: 'line',
      className: 'sp-series sp-series--eg sp-legend-swatch',
    }),
  ];
  if (input.showEtr) {
    const etr = {
      key: 'Etr',
      label: 'training error E_{tr}',
      kind: 'line',
      className: 'sp-series sp-series--etr sp-legend-swatch',
    } as const;
    // One-pass SGD's E_tr is E_g + σ² (fresh batches): the entry says what it is, and where it hides.
    const sgd = input.curve && isSgdCurve(input.curve) ? etrLegendClaim(input.curve) : null;
    items.push(sgd ? { ...etr, label: sgd.markup, claim: sgd.id } : entry(etr));
  }
  input.pins.forEach((p) =>
    items.push(
      entry(
        {
          key: `pin-${p.id}`,
          label: p.label,
          kind: 'line',
          className: 'sp-series sp-series--pin sp-legend-swatch',
          color: p.color,
        },
        quotesParams(p.curve.params),
      ),
    ),
  );
  if (input.steps?.flow)
    items.push({
      key: 'flow',
      label: 'η → 0 limit (gradient flow, P = ∞)',
      kind: 'line',
      className: 'sp-series sp-series--flow sp-legend-swatch',
    });
  if (input.fitted) {
    const { alpha, beta } = input.fitted.params;
    const fp = input.fitted.params;
    items.push(
      entry(
        {
          key: 'fitted',
          label: `theory with the fitted power laws, α = ${formatNumber(alpha, 3)}, β = ${formatNumber(beta, 3)}`,
          kind: 'line',
          className: 'sp-series sp-series--fitted-law sp-legend-swatch',
        },
        quotesParams(fp),
      ),
    );
  }
  if (input.sim) {
    const s = input.sim.result.seeds;
    const real = input.sim.real;
    items.push(
      entry({
        key: 'sim',
        label: real
          ? // Real SGD on a pool (a curve in steps) averages seeds of one run, not draws of data.
            `${real} E_g, ${count(s, input.steps ? 'seed' : 'draw')} (±1 s.e.m.)`
          : `simulation E_g, ${count(s, 'seed')} (±1 s.e.m.)`,
        kind: 'point-bar',
        className: 'sp-sim-point',
      }),
    );
    if (input.showEtr)
      items.push(
        entry({
          key: 'sim-etr',
          label: real ? `${real} E_{tr}` : 'simulation E_{tr}',
          kind: 'hollow-point',
          className: 'sp-sim-point sp-sim-point--etr',
        }),
      );
    // With real data the theory is that of the curve itself (the measured spectrum, M = rank).
    if (input.sim.theory && (!real || input.sim.theoryLabel)) {
      const M = input.sim.theory.params.M;
      items.push(
        entry(
          {
            key: 'sim-theory',
            label: input.sim.theoryLabel ?? `theory at M = ${formatParam(M)}`,
            kind: 'line',
            className: 'sp-series sp-series--sim-theory sp-legend-swatch',
          },
          quotesParams(input.sim.theory.params),
        ),
      );
    }
  }
  return items;
}

/** The y extent of everything drawn, with E_tr allowed at most a few decades below the rest. */
function yExtent(input: LearningCurveInput): [number, number] | null {
  const { curve, pins, sim, showEtr } = input;
  if (!curve) return null;
  if (input.steps) return stepsExtent(input, curve);
  const main: number[] = [];
  if (!curve.limit.divergent && isLogFinite(curve.limit.Eg)) main.push(curve.limit.Eg);
  if (showsPosterior(curve.params)) main.push(curve.limit.Egibbs, curve.limit.Emean);
  // E* is shown (marker or edge arrow) whenever stopping pays, so it must be on the axis.
  if (curve.earlyStop.case !== 'none' && isLogFinite(curve.earlyStop.Eg))
    main.push(curve.earlyStop.Eg);
  // Only what is drawn: values below the engine's floor are not (resolved.ts).
  const arrays: ArrayLike<number>[] = [
    resolvedEg(curve),
    main,
    ...pins.map((p) => resolvedEg(p.curve)),
  ];
  if (input.fitted) arrays.push(resolvedEg(input.fitted));
  if (sim) {
    arrays.push(sim.result.EgMean);
    const up = Array.from(sim.result.EgMean, (v, i) => v + (sim.result.EgSem[i] || 0));
    arrays.push(up);
    if (sim.theory) arrays.push(sim.theory.Eg);
  }
  const mainExt = logExtent(...arrays);
  const etrArrays: ArrayLike<number>[] = [];
  if (showEtr) {
    etrArrays.push(resolvedEtr(curve));
    if (sim) etrArrays.push(sim.result.EtrMean);
  }
  const etrExt = etrArrays.length ? logExtent(...etrArrays) : null;
  if (!mainExt) return etrExt;
  if (!etrExt) return mainExt;
  const floor = mainExt[0] / 10 ** ETR_DECADES_BELOW;
  return [Math.max(Math.min(mainExt[0], etrExt[0]), floor), Math.max(mainExt[1], etrExt[1])];
}

/**
 * The y extent of a curve in steps: the curves, the η → 0 reference and the floor; a diverging
 * curve counts up to DIVERGE_HEADROOM decades above its start (it leaves the plot there).
 */
function stepsExtent(input: LearningCurveInput, curve: CurveResult): [number, number] | null {
  const steps = input.steps!;
  const first = Array.from(curve.Eg).find(isLogFinite) ?? 1;
  const cap = Number.isFinite(steps.divergedAt) ? first * 10 ** DIVERGE_HEADROOM : Infinity;
  const below = (a: ArrayLike<number>) => Array.from(a, (v) => (v <= cap ? v : NaN));
  const arrays: ArrayLike<number>[] = [
    below(curve.Eg),
    ...input.pins.map((p) => below(p.curve.Eg)),
  ];
  if (steps.flow) arrays.push(steps.flow.Eg);
  if (steps.floor !== null && isLogFinite(steps.floor)) arrays.push([steps.floor]);
  if (input.sim) {
    const r = input.sim.result;
    arrays.push(below(r.EgMean), below(Array.from(r.EgMean, (v, i) => v + (r.EgSem[i] || 0))));
    if (input.sim.theory) arrays.push(below(input.sim.theory.Eg));
  }
  const ext = logExtent(...arrays);
  return ext && Number.isFinite(cap) ? [ext[0], Math.max(ext[1], cap)] : ext;
}

/**
 * Step: the legend above the plot, aligned with its left edge, and the frame below it. The
 * legend's height sets the top margin, which sets the y ticks, whose labels set the left margin,
 * which sets the legend's width. Room is left under the early-stopping point for its label (it is
 * a minimum: the curve is above).
 */
function curveFrame(
  curve: CurveResult | null,
  items: readonly LegendItem[],
  xDomain: [number, number],
  yDomain0: [number, number],
  width: number,
  height: number,
  m: Metrics,
): { legend: LegendLayout; dims: AxesFrame; yDomain: [number, number] } {
  let yDomain = yDomain0;
  let legend = layoutLegend(items, legendWidth(width), m);
  let dims = axesFrame(legend.height, width, height, xDomain, yDomain, m);
  if (
    curve?.earlyStop.case === 'inside' &&
    isLogFinite(curve.earlyStop.Eg) &&
    curve.earlyStop.Eg >= yDomain[0]
  ) {
    const q = Math.min(0.45, (2.4 * m.labelFont + m.markRadius) / dims.plotH);
    const le = Math.log10(curve.earlyStop.Eg);
    const lhi = Math.log10(yDomain[1]);
    const llo = Math.log10(yDomain[0]);
    if ((le - llo) / (lhi - llo) < q) yDomain = [10 ** ((le - q * lhi) / (1 - q)), yDomain[1]];
    dims = axesFrame(legend.height, width, height, xDomain, yDomain, m);
  }
  const legend2 = layoutLegend(items, legendWidth(width, dims.margin), m);
  if (legend2.height !== legend.height)
    dims = axesFrame(legend2.height, width, height, xDomain, yDomain, m);
  legend = legend2;
  return { legend, dims, yDomain };
}

/** What an empty figure draws: nothing. */
const noMarks = (): Omit<
  LearningCurveLayout,
  keyof AxesFrame | 'width' | 'height' | 'empty' | 'xTitle' | 'yTitle' | 'legend'
> => ({
  paths: [],
  sim: null,
  refs: [],
  divergent: null,
  earlyStop: null,
  fitBracket: null,
  timeMarker: null,
  drawn: [],
  cursorIndex: [],
  cursorX: [],
  divergence: null,
  strip: null,
  floor: null,
});

export function learningCurveLayout(input: LearningCurveInput): LearningCurveLayout {
  const { curve, sim, showEtr, metrics: m, steps } = input;
  const width = Math.max(0, input.width);
  // A curve in steps keeps room at the bottom for its schedule strip.
  const stripH = steps?.strip ? stripHeight(input.height, m) : 0;
  const stripGap = stripH ? Math.round(1.4 * m.labelFont) : 0;
  // Under the strip: room for its η = 0 label, which hangs below the strip's bottom edge.
  const foot = stripH ? stripFoot(m.tickFont) : 0;
  const height = Math.max(0, input.height - stripH - stripGap - foot);
  const items = legendItems(input);
  const xTitle = steps ? stepsAxisTitle(steps.axis) : 'training time t';
  const yTitle = showEtr ? 'error E_g, E_{tr}' : 'test error E_g';

  const tDomain = curveTimeDomain(curve);
  const hasEg = curve ? logExtent(curve.Eg) !== null : false;
  const yExt = yExtent(input);
  let empty: EmptyState = null;
  if (!curve) empty = noData('No learning curve has been computed yet.');
  else if (!tDomain || !hasEg || !yExt)
    empty = noData('The curve has no finite, positive values to plot.');
  const xDomain: [number, number] = tDomain ?? [1, 10];
  const yDomain0: [number, number] = yExt
    ? capDecades(padLogDomain(yExt, Y_PAD, 0.4), MAX_DECADES)
    : [0.1, 1];

  const { legend, dims } = curveFrame(curve, items, xDomain, yDomain0, width, height, m);
  const { plotW, plotH, x, y } = dims;

  const base = { ...dims, width, height: Math.max(0, input.height), xTitle, yTitle, legend };
  if (empty || !curve) return { ...base, ...noMarks(), empty: empty ?? noData('') };

  const X = (v: number): number => x(v);
  const Y = (v: number): number => y(v);
  const { paths, lines } = seriesPaths(input, curve, X, Y);
  const simMarks = sim ? simulationMarks(sim.result, showEtr, X, Y, plotH) : null;
  if (simMarks) lines.push(...meanSemBars([...simMarks.eg, ...simMarks.etr]));

  const flow = steps ? flowPath(steps, X, Y) : null;
  if (flow) {
    paths.unshift({
      key: 'flow',
      series: 'flow',
      className: 'sp-series sp-series--flow',
      d: flow.d,
      dots: [],
    });
    lines.push(flow.points);
  }

  const obs = plotObstacles(lines, plotW, plotH);
  const scales = { X, Y, plotW, plotH };
  // The t → ∞ lines first: every label below keeps off them.
  const refSpecs = steps ? floorSpec(steps) : referenceSpecs(curve);
  const refRules = referenceRules(refSpecs, scales, obs);
  const tMark = timeMarker(input.markT ?? null, xDomain, scales, m, obs);
  // In steps the early-stopping point is not a claim of the figure (docs/theory.md §9); a fit in
  // steps is bracketed on the steps axis only.
  // The fit's bracket sits on the axis and its label only just above it: placed before t*'s label,
  // which can move round its marker.
  const fitLabel = steps ? stepsFitLabel(curve) : curveFitLabel(curve);
  const bracket =
    steps?.axis === 'intrinsic' ? null : fitBracket(curve.fitT.fit, fitLabel, scales, m, obs);
  const earlyStop = steps
    ? null
    : earlyStopMark(curve.earlyStop, scales, m, obs, checkEarlyStop(curve));

  const refs = referenceLines(refSpecs, scales, m, obs, refRules);
  const divergent = steps ? null : divergentLabel(curve, scales, m, obs);
  const divergence = steps ? divergenceMark(steps, curve.t, curve.Eg, scales, m, obs) : null;
  const strip =
    steps?.strip && stripH
      ? stripLayout(steps.strip, X, height + stripGap, stripH, m.tickFont)
      : null;
  const floor = steps ? null : floorMark(curve, scales, m, obs);

  const { cursorIndex, cursorX } = cursorPoints(curve.t, X);

  return {
    ...base,
    empty: null,
    paths,
    sim: simMarks,
    refs,
    divergent,
    floor,
    earlyStop,
    fitBracket: bracket,
    timeMarker: tMark,
    drawn: lines.slice(),
    cursorIndex,
    cursorX,
    divergence,
    strip,
  };
}

/** Step: the drawn series (pins, the theory at the simulation's M, E_tr, E_g) and their polylines. */
export function seriesPaths(
  input: Pick<LearningCurveInput, 'pins' | 'sim' | 'showEtr' | 'fitted'>,
  curve: CurveResult,
  X: (v: number) => number,
  Y: (v: number) => number,
): { paths: SeriesPath[]; lines: Point[][] } {
  const lines: Point[][] = [];
  const paths: SeriesPath[] = [];
  const add = (s: Omit<SeriesPath, 'd' | 'dots'>, xs: ArrayLike<number>, ys: ArrayLike<number>) => {
    const pts = seriesPoints(xs, ys, X, Y);
    lines.push(present(pts));
    paths.push({ ...s, d: linePath(pts), dots: isolatedPoints(pts) });
  };
  for (const p of input.pins)
    add(
      {
        key: `pin-${p.id}`,
        series: 'pin',
        className: 'sp-series sp-series--pin',
        pinId: p.id,
        color: p.color,
      },
      p.curve.t,
      resolvedEg(p.curve),
    );
  if (input.fitted)
    add(
      { key: 'fitted', series: 'fitted', className: 'sp-series sp-series--fitted-law' },
      input.fitted.t,
      resolvedEg(input.fitted),
    );
  if (input.sim?.theory && (!input.sim.real || input.sim.theoryLabel))
    add(
      { key: 'sim-theory', series: 'sim-theory', className: 'sp-series sp-series--sim-theory' },
      input.sim.theory.t,
      input.sim.theory.Eg,
    );
  if (input.showEtr)
    add(
      { key: 'Etr', series: 'Etr', className: 'sp-series sp-series--etr' },
      curve.t,
      resolvedEtr(curve),
    );
  add(
    { key: 'Eg', series: 'Eg', className: 'sp-series sp-series--eg' },
    curve.t,
    resolvedEg(curve),
  );
  return { paths, lines };
}

/** Step: simulation means with ±1 s.e.m. bars, clamped to the plot (E_tr only when shown). */
export function simulationMarks(
  r: SimResult,
  showEtr: boolean,
  X: (v: number) => number,
  Y: (v: number) => number,
  plotH: number,
): { eg: MeanSemMark[]; etr: MeanSemMark[] } {
  const marks = (mean: ArrayLike<number>, sem: ArrayLike<number>): MeanSemMark[] =>
    meanSemMarks(r.t, mean, sem, X, Y, plotH);
  return { eg: marks(r.EgMean, r.EgSem), etr: showEtr ? marks(r.EtrMean, r.EtrSem) : [] };
}

/** Step: the points the crosshair can sit on (finite times) and their pixel x. */
export function cursorPoints(
  t: ArrayLike<number>,
  X: (v: number) => number,
): { cursorIndex: number[]; cursorX: number[] } {
  const cursorIndex: number[] = [];
  const cursorX: number[] = [];
  for (let i = 0; i < t.length; i++)
    if (isLogFinite(t[i])) {
      cursorIndex.push(i);
      cursorX.push(X(t[i]));
    }
  return { cursorIndex, cursorX };
}

/** A line of the crosshair's read-out; `color` (pins) overrides the class's colour. */
export interface ReadoutLine {
  key: string;
  text: string;
  /** The id of the claim the line states. */
  claim: string;
  className?: string;
  color?: string;
}

/** The read-out lines of the crosshair at curve index i. */
export function readoutLines(
  curve: CurveResult,
  i: number,
  showEtr: boolean,
  pins: readonly PinnedCurve[],
  fmt: (v: number) => string,
  xName = 't',
): ReadoutLine[] {
  const t = curve.t[i];
  const line = (
    key: string,
    text: string,
    p: CurveResult,
    j: number,
    what: 'Eg' | 'Etr' | 't',
  ) => ({
    key,
    text,
    claim: readoutClaim(key, text, p.params, p.t[j], what === 't' ? null : p[what][j], what).id,
  });
  const out: ReadoutLine[] = [
    line('t', `${xName} = ${fmt(t)}`, curve, i, 't'),
    { ...line('Eg', `E_g = ${fmt(curve.Eg[i])}`, curve, i, 'Eg'), className: 'sp-readout--eg' },
  ];
  if (showEtr)
    out.push({
      ...line('Etr', `E_{tr} = ${fmt(curve.Etr[i])}`, curve, i, 'Etr'),
      className: 'sp-readout--etr',
    });
  const lt = Math.log10(t);
  for (const p of pins) {
    const j = nearestLog(p.curve.t, lt);
    if (j >= 0)
      out.push({
        ...line(`pin-${p.id}`, `${p.label}: ${fmt(p.curve.Eg[j])}`, p.curve, j, 'Eg'),
        color: p.color,
      });
  }
  return out;
}

/** Index of the element of ts nearest to 10^lt on a log scale (ts ascending), −1 if none. */
function nearestLog(ts: ArrayLike<number>, lt: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let j = 0; j < ts.length; j++) {
    if (!isLogFinite(ts[j])) continue;
    const d = Math.abs(Math.log10(ts[j]) - lt);
    if (d < bestD) {
      bestD = d;
      best = j;
    }
  }
  return best;
}
