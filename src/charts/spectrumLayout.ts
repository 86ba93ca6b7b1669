// Geometry of the spectrum plot (docs/theory.md §0 "Measured spectra"): per mode k the measured
// eigenvalue λ_k (line) and target power c_k (dots), log-log, with the fitted power laws
// A k^{−α} and B k^{−β} drawn over their fit ranges, each range bracketed on the k axis, and the
// fitted exponents written beside their lines. Modes with λ_k = 0 or c_k = 0 have no place on a
// log axis and are left out (the heading counts them).
import type { SpectrumView } from '../model/theory/dataSpectra.ts';
import type { PowerFit } from '../model/types.ts';
import { formatNumber } from '../format/number.ts';
import { capDecades, logExtent, padLogDomain } from './domain.ts';
import {
  axesFrame,
  headingHeight,
  noData,
  TOP_PAD,
  type AxesFrame,
  type EmptyState,
} from './frame.ts';
import {
  edgePositions,
  plotObstacles,
  type EdgeSpot,
  type LabelPos,
  type Obstacles,
} from './labels.ts';
import { linePath, present, seriesPoints, type Point } from './path.ts';
import { oneLine, placeTextScored, splitClaim, type PlacedText } from './placeText.ts';
import type { Claim } from '../claims/registry.ts';
import { legendClaim } from '../claims/curveClaims.ts';
import type { Metrics } from './theme.ts';
import { richWidth } from './richRuns.ts';
import { bracketMark, type FitBracket } from './marks/fitBracket.ts';
import { legendAndFrame, type LegendItem, type LegendLayout } from './marks/legend.ts';
import type { PlotScales } from './marks/scales.ts';

type SpectrumFit = SpectrumView['fit'];

/** Decades of the y axis at most: the target power of the last modes can be ~1e-30. */
const MAX_DECADES = 14;

/** A fit range as a bracket on the k axis, with the range written above it. */
export interface SpectrumRange extends FitBracket {
  /** Which law: 'lam' (α, from λ_k), 'power' (β, from the power beyond k), or both. */
  key: 'lam' | 'power' | 'both';
  kmin: number;
  kmax: number;
}

export interface SpectrumLayout extends AxesFrame {
  width: number;
  height: number;
  empty: EmptyState;
  heading: string;
  legend: LegendLayout;
  legendY: number;
  lamD: string;
  /** Target power per mode as dots (zero-length segments with round caps). */
  powerD: string;
  lamFitD: string;
  powerFitD: string;
  ranges: SpectrumRange[];
  lamLabel: PlacedText & { text: string };
  powerLabel: PlacedText & { text: string };
}

/** "λ_k ≈ 0.23 k^{−1.31}". */
function lawText(symbol: string, amp: number, exponent: number): string {
  return `${symbol} ≈ ${formatNumber(amp, 2)} k^{−${formatNumber(exponent, 3)}}`;
}

/** Decimate a polyline on screen: drop points within half a pixel of the last kept one. */
function thin(points: (Point | null)[]): (Point | null)[] {
  const out: (Point | null)[] = [];
  let last: Point | null = null;
  for (const p of points) {
    if (p && last && Math.abs(p[0] - last[0]) < 0.5 && Math.abs(p[1] - last[1]) < 0.5) continue;
    out.push(p);
    last = p;
  }
  return out;
}

/** Dots at distinct pixels (thousands of modes crowd the right end of a log axis). */
function distinctDots(points: (Point | null)[]): Point[] {
  const seen = new Set<string>();
  const out: Point[] = [];
  for (const p of points) {
    if (!p) continue;
    const key = `${Math.round(p[0])},${Math.round(p[1])}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/**
 * The legend: each entry names what is drawn in words whose symbols the plot defines (λ_k, c_k
 * per mode; the fits' amplitudes and exponents are written beside them, top right).
 */
function spectrumLegend(): LegendItem[] {
  const items: Omit<LegendItem, 'claim'>[] = [
    {
      key: 'lam',
      label: 'eigenvalue λ_k of mode k',
      kind: 'line',
      className: 'sp-series sp-series--eg sp-legend-swatch',
    },
    {
      key: 'power',
      label: 'target power c_k of mode k',
      kind: 'point',
      className: 'sp-points--power',
    },
    {
      key: 'lam-fit',
      label: 'power-law fit of λ_k (gives α)',
      kind: 'line',
      className: 'sp-series sp-series--fit sp-legend-swatch',
    },
    {
      key: 'power-fit',
      label: 'power-law fit of c_k (gives β)',
      kind: 'line',
      className: 'sp-series sp-series--fit sp-series--power-fit sp-legend-swatch',
    },
  ];
  return items.map((i) => ({ ...i, claim: legendClaim(`spectrum.legend.${i.key}`, i.label).id }));
}

/** Step: log domains over the modes k and the eigenvalues and target powers, or why none. */
function spectrumDomains(view: SpectrumView | null): {
  xDomain: [number, number];
  yDomain: [number, number];
  empty: EmptyState;
} {
  const n = view?.lam.length ?? 0;
  const xExt = view && n ? logExtent([1, n]) : null;
  const lamExt = view ? logExtent(view.lam) : null;
  const powExt = view ? logExtent(view.power) : null;
  const yExt = lamExt && powExt ? logExtent(lamExt, powExt) : (lamExt ?? powExt);
  let empty: EmptyState = null;
  if (!view) empty = noData('The measured spectrum has not been loaded yet.');
  else if (!xExt || !yExt || !lamExt) empty = noData('The spectrum has no positive eigenvalues.');
  return {
    xDomain: xExt ? padLogDomain(xExt, 0.03, 1) : [1, 10],
    // The decades that matter are the top ones (where the eigenvalues and the fits are).
    yDomain: yExt ? capDecades(padLogDomain(yExt, 0.05, 0.4), MAX_DECADES) : [1e-6, 1],
    empty,
  };
}

/**
 * The heading: the title and the number of modes, as long as `fits` allows (the layout's width;
 * an exported figure's footer gives it in full).
 */
export function spectrumHeading(
  view: SpectrumView | null,
  title: string,
  fits: (heading: string) => boolean = () => true,
): string {
  if (!view) return title;
  const n = view.lam.length;
  const zeros = n - Array.from(view.lam).filter((l) => l > 0).length;
  const zeroNote = zeros ? ` (${zeros} with λ_k = 0, not drawn)` : '';
  return (
    [`${title}: ${n} modes${zeroNote}`, `${title}: ${n} modes`, `${n} modes${zeroNote}`].find(
      fits,
    ) ?? `${n} modes`
  );
}

/**
 * Step: the fit ranges, bracketed at the bottom of the plot (one bracket when they coincide), each
 * with its range written above it.
 */
function fitRanges(fit: SpectrumFit, s: PlotScales, m: Metrics, obs: Obstacles): SpectrumRange[] {
  const fs = m.labelFont;
  const ranges: SpectrumRange[] = [];
  const rangeOf = (key: SpectrumRange['key'], f: PowerFit, row: number) => {
    const what = key === 'both' ? 'α, β' : key === 'lam' ? 'α' : 'β';
    const text = `fit of ${what}: k = ${f.xmin}…${f.xmax}`;
    const y = s.plotH - 6 - row * (fs + 8);
    const label = legendClaim(`spectrum.range.${key}`, text);
    const spec = { from: f.xmin, to: f.xmax, y, label, text, lift: 6, higher: false };
    const b = bracketMark(spec, s, m, obs);
    if (b) ranges.push({ key, kmin: f.xmin, kmax: f.xmax, ...b });
  };
  if (fit.lam.xmin === fit.tail.xmin && fit.lam.xmax === fit.tail.xmax) rangeOf('both', fit.lam, 0);
  else {
    rangeOf('lam', fit.lam, 1);
    rangeOf('power', fit.tail, 0);
  }
  return ranges;
}

/** Where the exponents' labels may go, preferred first: the corners, then the edges' middles. */
const LAW_SPOTS: readonly EdgeSpot[] = [
  'top end',
  'top start',
  'bottom start',
  'bottom end',
  'top middle',
  'bottom middle',
];

/** The two laws' claims: "α = 1.31: λ_k ≈ 0.17 k^{−1.31}" and β's. */
function lawClaims(fit: SpectrumFit): Claim[] {
  const lamText = `α = ${formatNumber(fit.alpha, 3)}: ${lawText('λ_k', fit.A, fit.alpha)}`;
  const powText =
    fit.B > 0
      ? `β = ${formatNumber(fit.beta, 3)}: ${lawText('c_k', fit.B, fit.beta)}`
      : `β = ${formatNumber(fit.beta, 3)} ≤ 1: no power law for c_k`;
  return [lamText, powText].map((t, row) => legendClaim(`spectrum.law.${row}`, t));
}

type LawLabels = Pick<SpectrumLayout, 'lamLabel' | 'powerLabel'>;

/**
 * Step: the fitted exponents and laws, each on one line or broken after its exponent, at the first
 * spot (a corner, a quarter of an edge, or a row below or above a label placed there) where it
 * covers no drawn line and no target-power dot (each dot is an obstacle). Null when a label finds
 * no such spot: they go above the plot instead (lawBand).
 */
function exponentLabels(
  laws: readonly Claim[],
  plotW: number,
  plotH: number,
  fs: number,
  obs: Obstacles,
): LawLabels | null {
  // The edges' spots, and their quarters (a narrow plot crowded with dots has gaps there).
  const quarters = (pos: LabelPos): LabelPos[] =>
    pos.anchor === 'middle'
      ? [pos, { ...pos, x: plotW / 4 }, { ...pos, x: (3 * plotW) / 4 }]
      : [pos];
  const at = (extra: number): LabelPos[] =>
    [0, 1, 2, 3].flatMap((row) =>
      edgePositions(LAW_SPOTS, plotW, plotH, fs, extra)
        .flatMap(quarters)
        .map((pos) => ({
          ...pos,
          // Rows move inwards: down from the top edge, up from the bottom one.
          y: pos.y + (pos.y < plotH / 2 ? 1 : -1) * row * 1.3 * fs,
        })),
    );
  const placed = laws.map((c) => ({
    text: c.markup,
    ...placeTextScored([oneLine(c), splitClaim(c, ': ')], at, fs, obs),
  }));
  if (placed.some((p) => p.cost > 0)) return null;
  const [lam, pow] = placed.map((p) => ({ text: p.text, ...p.placed }));
  return { lamLabel: lam, powerLabel: pow };
}

/**
 * The laws in a band above the plot, right-aligned, each on one line where it fits the plot's
 * width (else broken after its exponent): where no spot on the plot is clear of the data.
 */
function lawBand(
  laws: readonly Claim[],
  plotW: number,
  fs: number,
): LawLabels & { height: number } {
  const rows = laws.map((c) =>
    richWidth(c.markup, fs) <= plotW - 6 ? [c.markup] : splitClaim(c, ': ').lines.slice(),
  );
  const n = rows.reduce((k, r) => k + r.length, 0);
  const height = Math.ceil(n * 1.25 * fs + 4);
  // The first baseline: the top-right spot of a plot whose top edge is the band's.
  const top = edgePositions(['top end'], plotW, 0, fs, 0, 2)[0];
  let row = 0;
  const [lam, pow] = laws.map((c, i) => {
    const pos = { ...top, y: top.y - height + row * 1.25 * fs };
    row += rows[i].length;
    return { text: c.markup, lines: rows[i], pos, claim: c.id };
  });
  return { lamLabel: lam, powerLabel: pow, height };
}

/** Step: the eigenvalues as a line, the target powers as dots, the fitted laws over their ranges. */
function spectrumPaths(view: SpectrumView, fit: SpectrumFit, s: PlotScales, yLow: number) {
  const { X, Y } = s;
  const k = Float64Array.from({ length: view.lam.length }, (_, i) => i + 1);
  const ends = (f: PowerFit) => [f.xmin, f.xmax];
  const lamXs = ends(fit.lam);
  const powXs = ends(fit.tail);
  const lamAt = (v: number) => fit.A * v ** -fit.alpha;
  const powAt = (v: number) => (fit.B > 0 ? fit.B * v ** -fit.beta : NaN);
  const inside = (v: number) => (v >= yLow ? v : NaN);
  const lamPts = thin(seriesPoints(k, Array.from(view.lam, inside), X, Y));
  const powPts = seriesPoints(k, Array.from(view.power, inside), X, Y);
  const lamFitPts = seriesPoints(lamXs, lamXs.map(lamAt), X, Y);
  const powFitPts = seriesPoints(powXs, powXs.map(powAt), X, Y);
  const dots = distinctDots(powPts);
  return {
    lamD: linePath(lamPts),
    powerD: dots.map((p) => linePath([p])).join(''),
    lamFitD: linePath(lamFitPts),
    powerFitD: linePath(powFitPts),
    // Each dot is an obstacle of its own (a one-point polyline) for the labels.
    drawn: [present(lamPts), present(lamFitPts), present(powFitPts), ...dots.map((p) => [p])],
  };
}

export function spectrumLayout(
  view: SpectrumView | null,
  title: string,
  width: number,
  height: number,
  m: Metrics,
): SpectrumLayout {
  const fit = view?.fit;
  const first = layoutWithBand(view, title, width, height, m, 0);
  if (!fit || first.empty) return first;
  // No spot on the plot clear of the data for both laws: a band above it holds them.
  const band = lawBand(lawClaims(fit), first.plotW, m.labelFont);
  return first.lawsOnPlot ? first : layoutWithBand(view, title, width, height, m, band.height);
}

/** The figure with `band` px between the legend and the plot (0: the laws go on the plot). */
function layoutWithBand(
  view: SpectrumView | null,
  title: string,
  width: number,
  height: number,
  m: Metrics,
  band: number,
): SpectrumLayout & { lawsOnPlot: boolean } {
  const { xDomain, yDomain, empty } = spectrumDomains(view);
  const headingH = headingHeight(m);
  const { legend, frame } = legendAndFrame(spectrumLegend(), width, m, (legendH) =>
    axesFrame(headingH + legendH + band, width, height, xDomain, yDomain, m),
  );
  const { plotW, plotH, x, y } = frame;
  // The long heading where it fits before the right edge (bold: ~2 % wider than the estimate).
  const room = width - frame.margin.left - 4;
  const heading = spectrumHeading(view, title, (h) => richWidth(h, m.labelFont) * 1.02 <= room);
  const base = { ...frame, width, height, heading, legend, legendY: TOP_PAD + headingH };
  const fit = view?.fit;
  if (empty || !view || !fit) {
    const blank = { text: '', lines: [], pos: { x: 0, y: 0, anchor: 'start' as const } };
    return {
      ...base,
      empty: empty ?? noData(''),
      lamD: '',
      powerD: '',
      lamFitD: '',
      powerFitD: '',
      ranges: [],
      lamLabel: blank,
      powerLabel: blank,
      lawsOnPlot: true,
    };
  }
  const s: PlotScales = { X: (v) => x(v), Y: (v) => y(v), plotW, plotH };
  const { drawn, ...paths } = spectrumPaths(view, fit, s, yDomain[0]);
  const obs = plotObstacles(drawn, plotW, plotH);
  const ranges = fitRanges(fit, s, m, obs);
  const laws = lawClaims(fit);
  const onPlot = band > 0 ? null : exponentLabels(laws, plotW, plotH, m.labelFont, obs);
  const inBand = lawBand(laws, plotW, m.labelFont);
  return {
    ...base,
    empty: null,
    ...paths,
    ranges,
    ...(onPlot ?? { lamLabel: inBand.lamLabel, powerLabel: inBand.powerLabel }),
    lawsOnPlot: onPlot !== null,
  };
}
