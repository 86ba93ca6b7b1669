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
  type PhaseExponent,
} from '../model/theory/phase.ts';
import { formatNumber } from '../format/number.ts';
import { headingHeight, TOP_PAD, type Margin } from './frame.ts';
import { textWidth } from './labels.ts';
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
  boundaries: { d: string; label: { x: number; y: number; angle: number; text: string } }[];
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

export function phaseLayout(
  exponent: PhaseExponent,
  width: number,
  height: number,
  m: Metrics,
): PhaseLayout {
  const fs = m.labelFont;
  // Wide: the legend on the right of the plot; narrow: below it, in two columns
  // (The legend's longest line is about 26 em: at lecture size it goes below up to ~940 px.)
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
  const x = scaleLinear().domain(ALPHA_RANGE).range([0, plotW]);
  const y = scaleLinear().domain(BETA_RANGE).range([plotH, 0]);
  const lin = (s: ScaleLinear<number, number>, len: number, spacing: number): LogTicks => ({
    major: s.ticks(Math.max(2, Math.round(len / spacing))).map((v) => ({
      value: v,
      label: formatNumber(v, 2),
    })),
    minor: [],
  });

  // The field at cell centres: the contours' grid coordinate g maps to α0 + g·(α1 − α0)/n.
  const n = FIELD_CELLS;
  const cell = (lo: number, hi: number) =>
    Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * (i + 0.5)) / n);
  const map = predictedMap(exponent, { alphas: cell(...ALPHA_RANGE), betas: cell(...BETA_RANGE) });
  const levels = ticks(map.min, map.max, 10).filter((v) => v > map.min && v < map.max);
  const toPx = (g: [number, number]) => [(g[0] / n) * plotW, plotH - (g[1] / n) * plotH];
  const path = geoPath(
    geoTransform({
      point(a: number, b: number) {
        const [px, py] = toPx([a, b]);
        this.stream.point(px, py);
      },
    }),
  );
  // Bands: everything (the lowest level) then the region at or above each level, shallowest last.
  const bandLevels = [map.min - 1, ...levels];
  const polys = contours().size([n, n]).thresholds(bandLevels)(Array.from(map.values));
  // One path per band, shared by the regions (only the fill differs); the bands above the lowest
  // are bounded by the contour lines themselves.
  const bandPaths = polys.map((c) => path(c) ?? '');
  const t01 = (v: number) => (map.max > map.min ? (v - map.min) / (map.max - map.min) : 0.5);
  // Steeper slopes (more negative) darker: the colour's depth is the exponent's size.
  const shade = (b: LawBranch, v: number) => HUE[b](0.85 - 0.7 * t01(v));
  const bandValue = (i: number) =>
    i + 1 < bandLevels.length
      ? (Math.max(bandLevels[i], map.min) + bandLevels[i + 1]) / 2
      : (bandLevels[i] + map.max) / 2;

  const lines = PHASE_BOUNDARIES[exponent];
  const regions = phaseRegions(exponent).map((branch, ri): PhaseRegionLayout => {
    const clip = regionPolygon(lines.length ? (ri === 0 ? 'below' : 'above') : 'all');
    const bands = bandPaths.map((d, i) => ({ d, fill: shade(branch, bandValue(i)) }));
    return {
      branch,
      clip: clip.d,
      bands,
      label: labelInPlot(clip.labelAt, regionLabelLines(branch)),
    };
  });

  /** A region's label: its formula, its name and, where so, that the law is only asymptotic. */
  function regionLabelLines(branch: LawBranch): string[] {
    return [
      ...regionLabel(exponent, branch).split(': '),
      ...(asymptoticOnly(exponent, branch) ? ['asymptotic: fits at C ≤ 10⁹ are shallower'] : []),
    ];
  }

  /** Lines centred at a point, moved so that the widest stays inside the plot. */
  function labelInPlot(at: { x: number; y: number }, lines: string[]) {
    const w = Math.max(...lines.map((l) => textWidth(l, fs * 1.1))) / 2 + 4;
    const h = lines.length * fs * 1.25;
    return {
      x: Math.min(Math.max(at.x, w), Math.max(w, plotW - w)),
      y: Math.min(Math.max(at.y, fs * 1.2), Math.max(fs, plotH - h)),
      lines,
    };
  }

  function regionPolygon(side: 'below' | 'above' | 'all'): {
    d: string;
    labelAt: { x: number; y: number };
  } {
    const [a0, a1] = ALPHA_RANGE;
    const [b0, b1] = BETA_RANGE;
    if (side === 'all' || !lines.length)
      return {
        d: `M0,0H${r2(plotW)}V${r2(plotH)}H0Z`,
        labelAt: { x: plotW * 0.62, y: plotH * 0.55 },
      };
    const l = lines[0];
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
    const d = 'M' + ring.map(([a, b]) => `${r2(x(a))},${r2(y(b))}`).join('L') + 'Z';
    // The label where its box lies in the region farthest from the line and the plot's edges.
    const lbl = regionLabelLines(side === 'below' ? l.below : l.above);
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
    return { d, labelAt: { x: best.x, y: best.y } };
  }

  const boundaries = lines.map((l) => {
    const [a0, a1] = ALPHA_RANGE;
    const [b0, b1] = BETA_RANGE;
    // The visible segment: where the line is inside the β range.
    const aLo = Math.max(a0, (b0 - l.intercept) / l.slope);
    const aHi = Math.min(a1, (b1 - l.intercept) / l.slope);
    const p0 = [x(aLo), y(boundaryBeta(l, aLo))];
    const p1 = [x(aHi), y(boundaryBeta(l, aHi))];
    const angle = (Math.atan2(p1[1] - p0[1], p1[0] - p0[0]) * 180) / Math.PI;
    // Along the line, on the side of the first region (below it), clear of the upper region's label.
    const f = 0.6;
    return {
      d: `M${r2(p0[0])},${r2(p0[1])}L${r2(p1[0])},${r2(p1[1])}`,
      label: {
        x: p0[0] + (p1[0] - p0[0]) * f,
        y: p0[1] + (p1[1] - p0[1]) * f,
        angle,
        text: boundaryEquation(l),
      },
    };
  });

  const contourD = bandPaths.slice(1).join('');

  const legend = phaseLegend(exponent, regions, levels, map.min, map.max, shade, {
    x: below ? 12 : left + plotW + 16,
    y: below ? top + plotH + bottom + 4 : top,
    width: legendW,
    below,
    m,
  });

  return {
    margin: { top, right, bottom, left },
    plotW,
    plotH,
    x,
    y,
    xTicks: lin(x, plotW, m.xTickSpacing + 10),
    yTicks: lin(y, plotH, m.yTickSpacing + 10),
    heading: `Phase diagram: the exponent of ${PHASE_WHAT[exponent]} over (α, β)`,
    regions,
    contourD,
    levels,
    boundaries,
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
    return {
      title: regionLabel(exponent, r.branch),
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
