// Geometry of the mode panel (docs/theory.md §3 "Per-mode learning"): a heat map of the learned
// fraction ℓ_k(t) over log t × log k, the t → ∞ column ℓ_k(∞) = λ_k/(λ_k + κ(γ)), the
// spectral-bias boundary k*(t) and a colour bar. The heat map is vector (no canvas, so it renders
// the same on the server, in jsdom, in the browser and in an exported SVG), downsampled to at most
// MAX_COLS × MAX_ROWS cells and drawn as one path per colour (fillPaths): a redraw then changes a
// few hundred path data at most, not thousands of rects.
import { interpolateViridis } from 'd3';
import type { ModeResult } from '../model/types.ts';
import { isLogFinite } from './domain.ts';
import { axesFrame, headingHeight, noData, type AxesFrame, type EmptyState } from './frame.ts';
import { plotObstacles, textWidth, type LabelPos } from './labels.ts';
import { linePath, present, r2, seriesPoints } from './path.ts';
import { oneLine, placeText, type PlacedText } from './placeText.ts';
import type { Metrics } from './theme.ts';
import { legendClaim } from '../claims/curveClaims.ts';

export const MAX_COLS = 96;
export const MAX_ROWS = 48;
const COLORBAR_STEPS = 48;

export interface Cell {
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
}

export interface ModeLayout extends AxesFrame {
  width: number;
  height: number;
  empty: EmptyState;
  heading: string;
  cells: Cell[];
  infCells: Cell[];
  /** Left edge and width of the t → ∞ column (relative to the plot). */
  infX: number;
  infW: number;
  boundaryD: string;
  boundaryLabel: (PlacedText & { text: string }) | null;
  colorbar: {
    x: number;
    w: number;
    steps: Cell[];
    ticks: { y: number; label: string }[];
    title: string;
    titleX: number;
  };
}

/** Colour of a learned fraction; values outside [0, 1] (overshoot) are clamped for colour only. */
export function fracColor(v: number): string {
  return interpolateViridis(Math.min(1, Math.max(0, v)));
}

/** The cells of one colour as one path: a rectangle per run of equal neighbours in a row. */
export interface FillPath {
  fill: string;
  d: string;
}

/**
 * Cells grouped by colour (the viridis ramp has 256 colours), each row's runs of equal colour
 * merged into one rectangle, in a fixed order (by colour) so that a redraw updates paths in place.
 * `cells` run row by row, left to right (heatCells); a run continues where the previous cell's
 * right edge, less its half-pixel overlap, meets the next cell.
 */
export function fillPaths(cells: readonly Cell[]): FillPath[] {
  const byFill = new Map<string, string[]>();
  let run: Cell | null = null;
  let end = 0;
  const flush = () => {
    if (!run) return;
    const d = `M${r2(run.x)},${r2(run.y)}H${r2(end)}V${r2(run.y + run.h)}H${r2(run.x)}Z`;
    const list = byFill.get(run.fill);
    if (list) list.push(d);
    else byFill.set(run.fill, [d]);
  };
  for (const c of cells) {
    const joins =
      run !== null && c.fill === run.fill && c.y === run.y && Math.abs(c.x - (end - 0.5)) < 1e-6;
    if (!joins) {
      flush();
      run = c;
    }
    end = c.x + c.w;
  }
  flush();
  return [...byFill.keys()].sort().map((fill) => ({ fill, d: byFill.get(fill)!.join('') }));
}

/** At most `max` indices of 0..n−1, evenly spread, always including both ends. */
export function sampleIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let j = 0; j < max; j++) out.push(Math.round((j * (n - 1)) / (max - 1)));
  return [...new Set(out)];
}

/** Cell edges (in log10) around log-spaced centres: midpoints, mirrored at the ends. */
export function logEdges(values: readonly number[]): number[] {
  const l = values.map((v) => Math.log10(v));
  if (l.length === 1) return [l[0] - 0.25, l[0] + 0.25];
  const e: number[] = [l[0] - (l[1] - l[0]) / 2];
  for (let i = 0; i + 1 < l.length; i++) e.push((l[i] + l[i + 1]) / 2);
  e.push(l[l.length - 1] + (l[l.length - 1] - l[l.length - 2]) / 2);
  return e;
}

export const MODE_HEADING = 'Learned fraction ℓ_k(t) of each eigenmode';
/** The heading as a claim (a definition of what the colour shows). */
export const modeHeadingClaim = () => legendClaim('modes.heading', MODE_HEADING);

/** Widths right of the plot: the t → ∞ column, the colour bar and its ticks and title. */
interface ModeRight {
  infW: number;
  infGap: number;
  barGap: number;
  barW: number;
  tickLabelW: number;
  /** All of it, reserved right of the plot. */
  extra: number;
}

/** Step: the room right of the plot. */
function modeRight(m: Metrics): ModeRight {
  const infW = Math.max(10, Math.round(m.tickFont * 1.1));
  // The ∞ under the t → ∞ column must clear the last time label ("10⁶") centred on the plot edge.
  const infGap = Math.max(
    6,
    Math.ceil(textWidth('10⁶', m.tickFont) / 2 + textWidth('∞', m.tickFont) / 2 + 4 - infW / 2),
  );
  const barGap = 22;
  const barW = Math.max(10, Math.round(m.tickFont));
  const tickLabelW = textWidth('0.5', m.tickFont);
  const extra = infGap + infW + barGap + barW + 4 + tickLabelW + 8 + m.labelFont;
  return { infW, infGap, barGap, barW, tickLabelW, extra };
}

/** The rows (modes k) and columns (times t) drawn, and the cell edges in log10. */
interface ModeGrid {
  rows: number[];
  cols: number[];
  kEdges: number[];
  tEdges: number[];
  empty: EmptyState;
}

/** Step: valid rows (k > 0) and columns (t > 0), downsampled, and why nothing is drawn (or null). */
function modeGrid(modes: ModeResult | null): ModeGrid {
  const kIdx = modes ? Array.from(modes.k.keys()).filter((i) => isLogFinite(modes.k[i])) : [];
  const tIdx = modes ? Array.from(modes.t.keys()).filter((j) => isLogFinite(modes.t[j])) : [];
  const rows = sampleIndices(kIdx.length, MAX_ROWS).map((i) => kIdx[i]);
  const cols = sampleIndices(tIdx.length, MAX_COLS).map((j) => tIdx[j]);
  const nt = modes ? modes.t.length : 0;
  const hasFrac =
    !!modes && rows.some((i) => cols.some((j) => Number.isFinite(modes.frac[i * nt + j])));
  let empty: EmptyState = null;
  if (!modes) empty = noData('Per-mode learning has not been computed yet.');
  else if (!rows.length || !cols.length || !hasFrac)
    empty = noData('No finite learned fractions to show.');
  const kVals = modes ? rows.map((i) => modes.k[i]) : [];
  const tVals = modes ? cols.map((j) => modes.t[j]) : [];
  return {
    rows,
    cols,
    kEdges: kVals.length ? logEdges(kVals) : [0, 1],
    tEdges: tVals.length ? logEdges(tVals) : [0, 1],
    empty,
  };
}

/** Step: the colour bar right of the t → ∞ column, its ticks 0, ½, 1 and its title. */
function colorbar(
  right: ModeRight,
  plotW: number,
  plotH: number,
  fs: number,
): ModeLayout['colorbar'] {
  const barX = plotW + right.infGap + right.infW + right.barGap;
  const steps: Cell[] = [];
  for (let s = 0; s < COLORBAR_STEPS; s++) {
    const y0 = plotH * (1 - (s + 1) / COLORBAR_STEPS);
    steps.push({
      x: barX,
      y: y0,
      w: right.barW,
      h: plotH / COLORBAR_STEPS + 0.5,
      fill: fracColor((s + 0.5) / COLORBAR_STEPS),
    });
  }
  const longTitle = 'fraction of mode learned';
  return {
    x: barX,
    w: right.barW,
    steps,
    ticks: [0, 0.5, 1].map((v) => ({ y: plotH * (1 - v), label: v === 0.5 ? '0.5' : String(v) })),
    title: textWidth(longTitle, fs) <= plotH ? longTitle : 'learned',
    titleX: barX + right.barW + 4 + right.tickLabelW + 8 + fs * 0.8,
  };
}

/** Step: the heat map's cells and the t → ∞ column's, rows running upwards. */
function heatCells(
  modes: ModeResult,
  grid: ModeGrid,
  X: (v: number) => number,
  Y: (v: number) => number,
  inf: { x: number; w: number },
): { cells: Cell[]; infCells: Cell[] } {
  const nt = modes.t.length;
  const xe = grid.tEdges.map((e) => X(10 ** e));
  const ye = grid.kEdges.map((e) => Y(10 ** e));
  const cells: Cell[] = [];
  const infCells: Cell[] = [];
  grid.rows.forEach((i, r) => {
    // Edge r is the bottom of row r (larger y), edge r+1 its top.
    const top = ye[r + 1];
    const h = ye[r] - ye[r + 1];
    grid.cols.forEach((j, c) => {
      const v = modes.frac[i * nt + j];
      if (!Number.isFinite(v)) return;
      // Half a pixel of overlap hides anti-aliasing seams between neighbouring cells.
      cells.push({ x: xe[c], y: top, w: xe[c + 1] - xe[c] + 0.5, h: h + 0.5, fill: fracColor(v) });
    });
    const vi = modes.fracInf[i];
    if (Number.isFinite(vi))
      infCells.push({ x: inf.x, y: top, w: inf.w, h: h + 0.5, fill: fracColor(vi) });
  });
  return { cells, infCells };
}

/**
 * Step: the spectral-bias boundary k*(t) and its label, above-left of the rising line on the
 * unlearned (dark) side where it can. The label does not avoid the time cursor: it would jump
 * around while the user scrubs.
 */
function boundaryMark(
  modes: ModeResult,
  X: (v: number) => number,
  Y: (v: number) => number,
  plotW: number,
  plotH: number,
  fs: number,
): Pick<ModeLayout, 'boundaryD' | 'boundaryLabel'> {
  const bPts = seriesPoints(modes.t, modes.boundary, X, Y);
  const boundaryD = linePath(bPts);
  const visible = present(bPts).filter(
    (p) => p[0] >= 0 && p[0] <= plotW && p[1] >= 0 && p[1] <= plotH,
  );
  if (visible.length < 2) return { boundaryD, boundaryLabel: null };
  const text = modes.boundaryCounted
    ? 'k*(t) = number of modes with λ_k ≥ κ(1/t)'
    : 'k*(t) = κ(1/t)^{−1/α}';
  const long = legendClaim('modes.boundary', text);
  const short = legendClaim('modes.boundary.short', 'k*(t)');
  const obs = plotObstacles([present(bPts)], plotW, plotH);
  const cands = (): LabelPos[] => {
    const out: LabelPos[] = [];
    for (const f of [0.45, 0.3, 0.6, 0.2, 0.75]) {
      const p = visible[Math.min(visible.length - 1, Math.round(f * (visible.length - 1)))];
      out.push({ x: p[0] - 6, y: p[1] - 8, anchor: 'end' });
      out.push({ x: p[0] + 8, y: p[1] - 8, anchor: 'start' });
    }
    for (const f of [0.45, 0.3, 0.6]) {
      const p = visible[Math.round(f * (visible.length - 1))];
      out.push({ x: p[0] + 8, y: p[1] + 8 + 0.78 * fs, anchor: 'start' });
    }
    return out;
  };
  return {
    boundaryD,
    boundaryLabel: { text, ...placeText([oneLine(long), oneLine(short)], cands, fs, obs) },
  };
}

export function modeLayout(
  modes: ModeResult | null,
  width: number,
  height: number,
  m: Metrics,
): ModeLayout {
  const heading = MODE_HEADING;
  const right = modeRight(m);
  const grid = modeGrid(modes);
  const tE = grid.tEdges;
  const kE = grid.kEdges;
  const xDomain: [number, number] = [10 ** tE[0], 10 ** tE[tE.length - 1]];
  const yDomain: [number, number] = [10 ** kE[0], 10 ** kE[kE.length - 1]];
  const frame = axesFrame(headingHeight(m), width, height, xDomain, yDomain, m, right.extra);
  const { plotW, plotH, x, y } = frame;
  const inf = { x: plotW + right.infGap, w: right.infW };
  const base = {
    ...frame,
    width,
    height,
    heading,
    infX: inf.x,
    infW: inf.w,
    colorbar: colorbar(right, plotW, plotH, m.labelFont),
  };
  if (grid.empty || !modes)
    return {
      ...base,
      empty: grid.empty ?? noData(''),
      cells: [],
      infCells: [],
      boundaryD: '',
      boundaryLabel: null,
    };
  const X = (v: number): number => x(v);
  const Y = (v: number): number => y(v);
  return {
    ...base,
    empty: null,
    ...heatCells(modes, grid, X, Y, inf),
    ...boundaryMark(modes, X, Y, plotW, plotH, m.labelFont),
  };
}
