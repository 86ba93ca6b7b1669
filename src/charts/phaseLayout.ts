// Layout of the phase diagram (PhaseDiagram.tsx): linear α, β axes over their whole ranges; the
// predicted exponent (model/theory/phase.ts predictedMap, sampled at cell centres) as filled
// contour bands, coloured by the law's term that holds (one hue per region: the bands are drawn
// once per region, clipped to it) and lighter for shallower slopes; contour lines; the boundary
// lines with their equations; the fitted grid as dots; the legend on the right. Everything that
// depends only on the exponent and the size is here, so moving the marker redraws nothing of it.
import {
  contours,
  geoPath,
  geoTransform,
  interpolateBlues,
  interpolateOranges,
  scaleLinear,
  ticks,
} from 'd3';
import type { ScaleLinear } from 'd3';
import {
  asymptoticOnly,
  boundaryEquation,
  DEVIATION_CLASSES,
  PHASE_WHAT,
  phaseRegions,
  regionLabel,
} from '../claims/phase.ts';
import type { LawBranch } from '../model/theory/laws.ts';
import {
  ALPHA_RANGE,
  BETA_RANGE,
  PHASE_BOUNDARIES,
  boundaryBeta,
  predictedMap,
  type PhaseBoundary,
  type PhaseExponent,
} from '../model/theory/phase.ts';
import { formatNumber } from '../format/number.ts';
import { headingHeight, TOP_PAD, type Margin } from './frame.ts';
import { richWidth } from './richRuns.ts';
import { textWidth, type Box } from './labels.ts';
import { r2 } from './path.ts';
import type { Metrics } from './theme.ts';
import type { LogTicks } from './ticks.ts';

/** Cells of the predicted field per axis (a frame's redraw stays far below 16 ms). */
export const FIELD_CELLS = 48;

const HUE: Record<LawBranch, (t: number) => string> = {
  target: interpolateBlues,
  spectrum: interpolateOranges,
  flat: interpolateBlues,
};

export interface PhaseRegionLayout {
  branch: LawBranch;
  /** Clip polygon of the region, px in plot coordinates. */
  clip: string;
  /** The bands clipped to this region: path and fill, shallowest last (drawn on top). */
  bands: { d: string; fill: string }[];
  /** Formula, name and (compute, β−1 > α) the note that the law is only asymptotic. */
  label: { x: number; y: number; lines: string[] };
}

export interface PhaseLayout {
  margin: Margin;
  plotW: number;
  plotH: number;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  xTicks: LogTicks;
  yTicks: LogTicks;
  heading: string;
  regions: PhaseRegionLayout[];
  /** Contour lines of the predicted exponent at the legend's levels. */
  contourD: string;
  levels: number[];
  boundaries: {
    d: string;
    /** The equation along the line: its baseline `dy` em off the line (+: the lower side). */
    label: { x: number; y: number; angle: number; text: string; dy: number };
  }[];
  legend: PhaseLegend;
}

export interface PhaseLegend {
  x: number;
  y: number;
  /** Colour ramps of each region (position relative to the legend) with their tick values. */
  ramps: {
    title: string;
    stops: { offset: number; color: string }[];
    x: number;
    y: number;
    width: number;
    ticks: { offset: number; label: string }[];
  }[];
  rampHeight: number;
  title: { x: number; y: number; text: string }[];
  dots: { x: number; y: number; fill: string; label: string; dashed: boolean }[];
  height: number;
}

export const DOT_FILL: readonly string[] = ['#1a9850', '#fdd835', '#d73027'];

/** The plot's box: margins, size, scales, and where the legend goes (right, or below when narrow). */
interface PhaseBox extends Pick<PhaseLayout, 'margin' | 'plotW' | 'plotH' | 'x' | 'y'> {
  below: boolean;
  legendW: number;
  /** Label type size, px. */
  fs: number;
}

/**
 * Step: the box. Wide: the legend on the right of the plot; narrow: below it, in two columns (the
 * legend's longest line is about 26 em: at lecture size it goes below up to ~940 px).
 */
function phaseBox(exponent: PhaseExponent, width: number, height: number, m: Metrics): PhaseBox {
  const fs = m.labelFont;
  const below = width < 52 * m.legendFont;
  const legendW = below
    ? Math.max(120, width - 24)
    : Math.round(Math.max(170, Math.min(300, width * 0.3)));
  const legendH = phaseLegendHeight(exponent, below, m);
  const top = Math.ceil(TOP_PAD + headingHeight(m) + 6);
  const bottom = Math.ceil(m.tickLength + 6 + m.tickFont * 1.2 + fs * 1.4);
  const left = Math.ceil(m.tickLength + 6 + textWidth('6.0', m.tickFont) + fs * 1.4);
  const right = below ? 14 : legendW + 16;
  const plotW = Math.max(40, width - left - right);
  const plotH = Math.max(40, height - top - bottom - (below ? legendH + 8 : 0));
  return {
    margin: { top, right, bottom, left },
    plotW,
    plotH,
    x: scaleLinear().domain(ALPHA_RANGE).range([0, plotW]),
    y: scaleLinear().domain(BETA_RANGE).range([plotH, 0]),
    below,
    legendW,
    fs,
  };
}

/** Linear ticks about `spacing` px apart. */
function linearTicks(s: ScaleLinear<number, number>, len: number, spacing: number): LogTicks {
  return {
    major: s.ticks(Math.max(2, Math.round(len / spacing))).map((v) => ({
      value: v,
      label: formatNumber(v, 2),
    })),
    minor: [],
  };
}

/** The predicted field as filled bands: one path per band, and the colour of each. */
interface PhaseField {
  levels: number[];
  min: number;
  max: number;
  /** Band paths, the lowest (everything) first; the others are bounded by contour lines. */
  bandPaths: string[];
  /** The colour of a value in a region: steeper slopes (more negative) darker. */
  shade: (b: LawBranch, v: number) => string;
  /** The value each band is coloured by. */
  bandValue: (i: number) => number;
}

/**
 * Step: the field at cell centres (the contours' grid coordinate g maps to α0 + g·(α1 − α0)/n)
 * and its bands: everything (the lowest level) then the region at or above each level.
 */
function phaseField(exponent: PhaseExponent, box: PhaseBox): PhaseField {
  const { plotW, plotH } = box;
  const n = FIELD_CELLS;
  const cell = (lo: number, hi: number) =>
    Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * (i + 0.5)) / n);
  const map = predictedMap(exponent, { alphas: cell(...ALPHA_RANGE), betas: cell(...BETA_RANGE) });
  const levels = ticks(map.min, map.max, 10).filter((v) => v > map.min && v < map.max);
  const path = geoPath(
    geoTransform({
      point(a: number, b: number) {
        this.stream.point((a / n) * plotW, plotH - (b / n) * plotH);
      },
    }),
  );
  const bandLevels = [map.min - 1, ...levels];
  const polys = contours().size([n, n]).thresholds(bandLevels)(Array.from(map.values));
  const t01 = (v: number) => (map.max > map.min ? (v - map.min) / (map.max - map.min) : 0.5);
  return {
    levels,
    min: map.min,
    max: map.max,
    // One path per band, shared by the regions (only the fill differs).
    bandPaths: polys.map((c) => path(c) ?? ''),
    shade: (b, v) => HUE[b](0.85 - 0.7 * t01(v)),
    bandValue: (i) =>
      i + 1 < bandLevels.length
        ? (Math.max(bandLevels[i], map.min) + bandLevels[i + 1]) / 2
        : (bandLevels[i] + map.max) / 2,
  };
}

/** A region's label: its formula, its name and, where so, that the law is only asymptotic. */
function regionLabelLines(exponent: PhaseExponent, branch: LawBranch): string[] {
  return [
    ...regionLabel(exponent, branch).split(': '),
    ...(asymptoticOnly(exponent, branch) ? ['asymptotic: fits at C ≤ 10⁹ are shallower'] : []),
  ];
}

/** Lines centred at a point, moved so that the widest stays inside the plot. */
function labelInPlot(box: PhaseBox, at: { x: number; y: number }, lines: string[]) {
  const { plotW, plotH, fs } = box;
  const w = Math.max(...lines.map((l) => textWidth(l, fs * 1.1))) / 2 + 4;
  const h = lines.length * fs * 1.25;
  return {
    x: Math.min(Math.max(at.x, w), Math.max(w, plotW - w)),
    y: Math.min(Math.max(at.y, fs * 1.2), Math.max(fs, plotH - h)),
    lines,
  };
}

/** The polygon of the region on one side of a boundary line (48 segments along the line). */
function sidePolygon(box: PhaseBox, l: PhaseBoundary, side: 'below' | 'above'): string {
  const [a0, a1] = ALPHA_RANGE;
  const [b0, b1] = BETA_RANGE;
  const pts: [number, number][] = [];
  const k = 48;
  for (let i = 0; i <= k; i++) {
    const a = a0 + ((a1 - a0) * i) / k;
    pts.push([a, Math.min(b1, Math.max(b0, boundaryBeta(l, a)))]);
  }
  const ring: [number, number][] =
    side === 'below'
      ? [[a0, b0], [a1, b0], ...pts.reverse()]
      : [[a0, b1], [a1, b1], ...pts.reverse()];
  return 'M' + ring.map(([a, b]) => `${r2(box.x(a))},${r2(box.y(b))}`).join('L') + 'Z';
}

/**
 * Where a region's label goes: on a 19 × 19 grid of the plot, the spot whose label box lies
 * farthest inside the region, from the boundary line and from the plot's edges.
 */
function labelSpot(
  box: PhaseBox,
  l: PhaseBoundary,
  side: 'below' | 'above',
  lbl: string[],
): { x: number; y: number } {
  const { x, y, plotW, plotH, fs } = box;
  const [a0, a1] = ALPHA_RANGE;
  const [b0, b1] = BETA_RANGE;
  const hw = Math.max(...lbl.map((t) => textWidth(t, fs * 1.1))) / 2;
  const [up, down] = [fs * 1.1, fs * 1.25 * (lbl.length - 1) + fs * 0.3];
  // Signed distance (px, positive inside the region) of a pixel point from the line.
  const norm = Math.hypot(1, (l.slope * (plotH / (b1 - b0))) / (plotW / (a1 - a0)));
  const inside = (px: number, py: number) => {
    const d = (y(boundaryBeta(l, x.invert(px))) - py) / norm;
    return side === 'above' ? d : -d;
  };
  let best = { x: 0, y: 0, score: -Infinity };
  for (let i = 1; i < 20; i++)
    for (let j = 1; j < 20; j++) {
      const px = (plotW * i) / 20;
      const py = (plotH * j) / 20;
      const corners = [
        [px - hw, py - up],
        [px + hw, py - up],
        [px - hw, py + down],
        [px + hw, py + down],
      ];
      const score = Math.min(
        ...corners.map(([cx, cy]) => inside(cx, cy)),
        px - hw,
        plotW - px - hw,
        py - up,
        plotH - py - down,
      );
      if (score > best.score) best = { x: px, y: py, score };
    }
  return { x: best.x, y: best.y };
}

/** Step: each region's clip polygon, its bands coloured in its hue, and its label. */
function regionLayouts(exponent: PhaseExponent, box: PhaseBox, field: PhaseField) {
  const lines = PHASE_BOUNDARIES[exponent];
  const { plotW, plotH } = box;
  return phaseRegions(exponent).map((branch, ri): PhaseRegionLayout => {
    const side = ri === 0 ? 'below' : 'above';
    const l = lines[0];
    const clip = l
      ? {
          d: sidePolygon(box, l, side),
          labelAt: labelSpot(
            box,
            l,
            side,
            regionLabelLines(exponent, side === 'below' ? l.below : l.above),
          ),
        }
      : { d: `M0,0H${r2(plotW)}V${r2(plotH)}H0Z`, labelAt: { x: plotW * 0.62, y: plotH * 0.55 } };
    return {
      branch,
      clip: clip.d,
      bands: field.bandPaths.map((d, i) => ({ d, fill: field.shade(branch, field.bandValue(i)) })),
      label: labelInPlot(box, clip.labelAt, regionLabelLines(exponent, branch)),
    };
  });
}

/** The box a region label covers (its lines centred at x, the first baseline at y). */
export function regionLabelBox(r: PhaseRegionLayout['label'], fs: number): Box {
  const w = Math.max(...r.lines.map((t, i) => textWidth(t, i === 0 ? fs * 1.1 : fs * 0.85)));
  const h = fs * 1.1 * 0.78 + fs * 1.25 * (r.lines.length - 1) + fs * 0.3;
  return { x: r.x - w / 2 - 2, y: r.y - fs * 1.1 * 0.78 - 2, width: w + 4, height: h + 4 };
}

/** Where along its line a boundary's equation goes: 60 % of the way, else the nearest free spot. */
const BOUNDARY_SPOTS = [
  0.6, 0.55, 0.65, 0.5, 0.7, 0.45, 0.75, 0.4, 0.8, 0.35, 0.85, 0.3, 0.25, 0.2,
];

/** The equation's baseline off its line, in em: on the lower side first, else the upper one. */
const BOUNDARY_SIDES = [1.25, -0.35];

/**
 * Whether an equation written along a line (centred at c, rotated by the line's angle, its
 * baseline dy em off the line, + on the lower side, as PhaseDiagram draws it) touches a box.
 */
export function equationHits(
  c: { x: number; y: number },
  angle: number,
  dy: number,
  width: number,
  fs: number,
  boxes: readonly Box[],
): boolean {
  const [cos, sin] = [Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180)];
  for (let a = -width / 2; a <= width / 2; a += fs / 3)
    for (const p of [dy - 0.8, dy - 0.3, dy + 0.2].map((k) => k * fs)) {
      const px = c.x + a * cos - p * sin;
      const py = c.y + a * sin + p * cos;
      if (boxes.some((b) => px >= b.x && px <= b.x + b.width && py >= b.y && py <= b.y + b.height))
        return true;
    }
  return false;
}

/**
 * Step: the boundary lines over their visible segment (inside the β range), each with its
 * equation along it, on the side of the first region (below it) where it can, clear of the
 * region labels.
 */
function boundaryLayouts(
  exponent: PhaseExponent,
  box: PhaseBox,
  regions: readonly PhaseRegionLayout[],
): PhaseLayout['boundaries'] {
  const { x, y, fs } = box;
  const taken = regions.map((r) => regionLabelBox(r.label, fs));
  return PHASE_BOUNDARIES[exponent].map((l) => {
    const [a0, a1] = ALPHA_RANGE;
    const [b0, b1] = BETA_RANGE;
    const aLo = Math.max(a0, (b0 - l.intercept) / l.slope);
    const aHi = Math.min(a1, (b1 - l.intercept) / l.slope);
    const p0 = [x(aLo), y(boundaryBeta(l, aLo))];
    const p1 = [x(aHi), y(boundaryBeta(l, aHi))];
    const angle = (Math.atan2(p1[1] - p0[1], p1[0] - p0[0]) * 180) / Math.PI;
    const text = boundaryEquation(l);
    const at = (f: number) => ({ x: p0[0] + (p1[0] - p0[0]) * f, y: p0[1] + (p1[1] - p0[1]) * f });
    const width = textWidth(text, fs);
    const spots = BOUNDARY_SIDES.flatMap((dy) => BOUNDARY_SPOTS.map((f) => ({ f, dy })));
    const { f, dy } =
      spots.find((o) => !equationHits(at(o.f), angle, o.dy, width, fs, taken)) ?? spots[0];
    return {
      d: `M${r2(p0[0])},${r2(p0[1])}L${r2(p1[0])},${r2(p1[1])}`,
      label: { ...at(f), angle, text, dy },
    };
  });
}

export function phaseHeading(
  exponent: PhaseExponent,
  fits: (heading: string) => boolean = () => true,
): string {
  const what = PHASE_WHAT[exponent];
  const forms = [
    `Phase diagram: the exponent of ${what} over (α, β)`,
    `The exponent of ${what} over (α, β)`,
    `Exponent of ${what}`,
  ];
  return forms.find(fits) ?? forms[forms.length - 1];
}

export function phaseLayout(
  exponent: PhaseExponent,
  width: number,
  height: number,
  m: Metrics,
): PhaseLayout {
  const box = phaseBox(exponent, width, height, m);
  const { margin, plotW, plotH, x, y, below } = box;
  const field = phaseField(exponent, box);
  const regions = regionLayouts(exponent, box, field);
  const legend = phaseLegend(exponent, regions, field.levels, field.min, field.max, field.shade, {
    x: below ? 12 : margin.left + plotW + 16,
    y: below ? margin.top + plotH + margin.bottom + 4 : margin.top,
    width: box.legendW,
    below,
    m,
  });
  return {
    margin,
    plotW,
    plotH,
    x,
    y,
    xTicks: linearTicks(x, plotW, m.xTickSpacing + 10),
    yTicks: linearTicks(y, plotH, m.yTickSpacing + 10),
    // Bold type, ~2 % wider than the estimate; the heading starts at the left margin.
    heading: phaseHeading(
      exponent,
      (h) => richWidth(h, m.labelFont) * 1.02 <= width - margin.left - 4,
    ),
    regions,
    contourD: field.bandPaths.slice(1).join(''),
    levels: field.levels,
    boundaries: boundaryLayouts(exponent, box, regions),
    legend,
  };
}

/** Legend geometry shared by its height (for the layout) and its items. */
function legendGrid(exponent: PhaseExponent, below: boolean, m: Metrics) {
  const lh = Math.round(m.legendFont * 1.35);
  const rampHeight = Math.max(8, Math.round(m.legendFont * 0.9));
  const nRamps = phaseRegions(exponent).length;
  const rampBlock = lh + rampHeight + m.tickFont * 1.4 + 6;
  const rampRows = below ? 1 : nRamps;
  const dotsTop = lh + rampRows * rampBlock + 4;
  const nDots = DEVIATION_CLASSES.length + 2;
  const dotRows = below ? Math.ceil(nDots / 2) : nDots;
  return { lh, rampHeight, rampBlock, dotsTop, dotRows, height: dotsTop + lh * (dotRows + 1.9) };
}

function phaseLegendHeight(exponent: PhaseExponent, below: boolean, m: Metrics): number {
  return legendGrid(exponent, below, m).height;
}

function phaseLegend(
  exponent: PhaseExponent,
  regions: PhaseRegionLayout[],
  levels: number[],
  min: number,
  max: number,
  shade: (b: LawBranch, v: number) => string,
  box: { x: number; y: number; width: number; below: boolean; m: Metrics },
): PhaseLegend {
  const { m, below, width } = box;
  const G = legendGrid(exponent, below, m);
  const cols = below ? 2 : 1;
  const colW = (width - (cols - 1) * 16) / cols;
  const at = (v: number) => (max > min ? (v - min) / (max - min) : 0.5);
  const every = Math.max(1, Math.ceil(levels.length / (colW > 200 ? 5 : 3)));
  const ramps = regions.map((r, i) => {
    const col = below ? i % cols : 0;
    const row = below ? 0 : i;
    // The formula and the region's name where both fit the ramp's column, else the formula alone.
    const full = regionLabel(exponent, r.branch);
    return {
      title: richWidth(full, m.tickFont) * 1.02 <= colW ? full : full.split(': ')[0],
      stops: Array.from({ length: 9 }, (_, k) => ({
        offset: k / 8,
        color: shade(r.branch, min + ((max - min) * k) / 8),
      })),
      x: col * (colW + 16),
      y: G.lh + row * G.rampBlock + G.lh,
      width: colW,
      ticks: levels
        .filter((_, k) => k % every === 0)
        .map((v) => ({ offset: at(v), label: formatNumber(v, 2) })),
    };
  });
  const title = [
    { x: 0, y: G.lh * 0.8, text: 'Predicted exponent (colour) by region' },
    { x: 0, y: G.dotsTop + G.lh * 0.8, text: 'Dots: fitted slope at this P, N, σ²' },
  ];
  const items: { fill: string; label: string; dashed: boolean }[] = [
    ...DEVIATION_CLASSES.map((c, i) => ({ fill: DOT_FILL[i], label: c.label, dashed: false })),
    { fill: 'none', label: 'no stable fit', dashed: false },
    { fill: DOT_FILL[0], label: 'dashed: the law’s condition fails here', dashed: true },
  ];
  const dots = items.map((d, i) => ({
    ...d,
    x: below ? (i % cols) * (colW + 16) : 0,
    y: G.dotsTop + G.lh * (1.9 + (below ? Math.floor(i / cols) : i)),
  }));
  return { x: box.x, y: box.y, ramps, rampHeight: G.rampHeight, title, dots, height: G.height };
}
