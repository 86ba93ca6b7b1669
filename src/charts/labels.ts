// Label placement without collisions: each annotation offers a few candidate positions (in order
// of preference) and takes the first one whose box crosses no drawn line, no other label and stays
// inside the plot; when every candidate collides, the least bad one wins. Text widths are estimated
// from per-character advances of a proportional sans-serif (Inter-like), which is enough to keep
// boxes apart without measuring text in the DOM (so server rendering and snapshots work).
import type { Point } from './path.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Anchor = 'start' | 'middle' | 'end';

/** A text position: (x, y) is the anchor point on the text's alphabetic baseline. */
export interface LabelPos {
  x: number;
  y: number;
  anchor: Anchor;
}

/**
 * Approximate advance of a string in px at the given font size: per-character widths of Inter
 * with tabular digits, measured in Chromium (within a few % on labels), plus 3 % to be safe.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text) {
    if ('⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺'.includes(c)) em += 0.41;
    else if (/[0-9]/.test(c)) em += 0.65;
    else if (" .,:;·|!'’()[]ilIjtfr/".includes(c)) em += 0.31;
    else if ('mwMW∞×'.includes(c)) em += 0.82;
    else if (/[A-Z]/.test(c)) em += 0.68;
    else if ('−=+≈<>'.includes(c)) em += 0.63;
    else em += 0.535;
  }
  return em * fontSize * 1.03;
}

/** Line height of multi-line labels, in em. */
const LINE_HEIGHT = 1.25;

/** Ascent of the label type above the baseline and descent below it, in em. */
const ASCENT = 0.78;
const DESCENT = 0.22;

/** The box of a label of `lines` lines whose first baseline is at the position. */
export function labelBox(pos: LabelPos, width: number, fontSize: number, lines = 1): Box {
  const x =
    pos.anchor === 'start' ? pos.x : pos.anchor === 'end' ? pos.x - width : pos.x - width / 2;
  return {
    x,
    y: pos.y - ASCENT * fontSize,
    width,
    height: fontSize * (1 + LINE_HEIGHT * (lines - 1)),
  };
}

export function boxesOverlap(a: Box, b: Box, pad = 0): boolean {
  return (
    a.x < b.x + b.width + pad &&
    b.x < a.x + a.width + pad &&
    a.y < b.y + b.height + pad &&
    b.y < a.y + a.height + pad
  );
}

/** Whether the segment p–q meets the box (Liang–Barsky clipping). */
export function segmentHitsBox(p: Point, q: Point, b: Box): boolean {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  let t0 = 0;
  let t1 = 1;
  const tests: [number, number][] = [
    [-dx, p[0] - b.x],
    [dx, b.x + b.width - p[0]],
    [-dy, p[1] - b.y],
    [dy, b.y + b.height - p[1]],
  ];
  for (const [pp, qq] of tests) {
    if (pp === 0) {
      if (qq < 0) return false;
    } else {
      const r = qq / pp;
      if (pp < 0) {
        if (r > t1) return false;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return false;
        if (r < t1) t1 = r;
      }
    }
  }
  return true;
}

/** Number of polyline segments (or isolated points) that meet the box. */
export function polylineHits(line: readonly Point[], b: Box): number {
  if (line.length === 1) return segmentHitsBox(line[0], line[0], b) ? 1 : 0;
  let n = 0;
  for (let i = 1; i < line.length; i++) if (segmentHitsBox(line[i - 1], line[i], b)) n++;
  return n;
}

export interface Obstacles {
  /** Drawn polylines in pixel coordinates. */
  lines: Point[][];
  /** Boxes already taken (other labels, the legend). */
  boxes: Box[];
  /** The area labels must stay inside. */
  bounds: Box;
}

/** Obstacles inside a plot of the given size: the drawn lines, no boxes taken yet. */
export function plotObstacles(lines: Point[][], plotW: number, plotH: number): Obstacles {
  return { lines, boxes: [], bounds: { x: 0, y: 0, width: plotW, height: plotH } };
}

/** A spot on the plot's top or bottom edge: 'top end' is the top-right corner. */
export type EdgeSpot = `${'top' | 'bottom'} ${Anchor}`;

/**
 * Baselines of labels at the given spots, `inset` px inside the plot's edges: the first line's box
 * touches the inset line at the top; at the bottom the last line's does, `extra` px (the height of
 * the lines after the first) higher up.
 */
export function edgePositions(
  spots: readonly EdgeSpot[],
  plotW: number,
  plotH: number,
  fontSize: number,
  extra = 0,
  inset = 6,
): LabelPos[] {
  return spots.map((spot) => {
    const [edge, anchor] = spot.split(' ') as ['top' | 'bottom', Anchor];
    const x = anchor === 'start' ? inset : anchor === 'end' ? plotW - inset : plotW / 2;
    const y =
      edge === 'top' ? inset + ASCENT * fontSize : plotH - inset - DESCENT * fontSize - extra;
    return { x, y, anchor };
  });
}

/**
 * Baselines of labels beside vertical rules at xs, `gap` px off each side, at the top and bottom of
 * the plot: a label that fits between two rules (or between a rule and the edge) sits there.
 */
export function besideRules(
  xs: readonly number[],
  plotH: number,
  fontSize: number,
  extra = 0,
  gap = 4,
): LabelPos[] {
  const [top, bottom] = edgePositions(['top start', 'bottom start'], 0, plotH, fontSize, extra);
  return xs.flatMap((x) =>
    [top.y, bottom.y].flatMap((y) => [
      { x: x + gap, y, anchor: 'start' as const },
      { x: x - gap, y, anchor: 'end' as const },
    ]),
  );
}

/** Collision cost of a box: lines crossed, labels overlapped, distance outside the bounds. */
export function boxCost(b: Box, obs: Obstacles, pad = 2): number {
  const padded: Box = {
    x: b.x - pad,
    y: b.y - pad,
    width: b.width + 2 * pad,
    height: b.height + 2 * pad,
  };
  let cost = 0;
  for (const line of obs.lines) cost += 10 * polylineHits(line, padded);
  for (const other of obs.boxes) if (boxesOverlap(b, other, pad)) cost += 100;
  const o = obs.bounds;
  const outside =
    Math.max(0, o.x - b.x) +
    Math.max(0, b.x + b.width - (o.x + o.width)) +
    Math.max(0, o.y - b.y) +
    Math.max(0, b.y + b.height - (o.y + o.height));
  cost += 50 * Math.ceil(outside);
  return cost;
}

/** One way of writing a label: its lines and their widest width in px. */
export interface LabelVariant {
  lines: string[];
  width: number;
}

/** A placed label: the variant used, its position (first baseline) and box. */
export interface PlacedLabel {
  lines: string[];
  pos: LabelPos;
  box: Box;
  cost: number;
}

/**
 * Place a label that can be written several ways (e.g. one long line, two short lines, a short
 * form): the first variant with a collision-free candidate wins; if none is free, the cheapest
 * (earlier variants win ties). `candidates(extra)` gives positions for a label whose height exceeds
 * one line by `extra` px (so "above" positions can move up). Records the box in `obs.boxes`.
 */
export function placeLabelVariants(
  variants: readonly LabelVariant[],
  candidates: (extra: number) => readonly LabelPos[],
  fontSize: number,
  obs: Obstacles,
): PlacedLabel {
  let best: PlacedLabel | null = null;
  for (const v of variants) {
    const n = v.lines.length;
    for (const pos of candidates(fontSize * LINE_HEIGHT * (n - 1))) {
      const box = labelBox(pos, v.width, fontSize, n);
      const cost = boxCost(box, obs);
      if (!best || cost < best.cost) best = { lines: v.lines, pos, box, cost };
      if (cost === 0) break;
    }
    if (best && best.cost === 0) break;
  }
  if (!best) throw new Error('placeLabelVariants needs at least one variant and candidate');
  obs.boxes.push(best.box);
  return best;
}
