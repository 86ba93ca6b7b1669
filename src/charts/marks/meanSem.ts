// Means ±1 standard error of the mean as marks: a point at the mean and a bar from mean − s.e.m.
// to mean + s.e.m. (the exact simulation over seeds, real runs over draws of training data). One
// mark for the learning curve, the scaling panels, the decomposition and the mode inspector.
import { isLogFinite } from '../domain.ts';

export interface MeanSemMark {
  cx: number;
  cy: number;
  /** The bar's lower end (mean − s.e.m.), px: never below the plot's bottom edge. */
  y1: number;
  /** The bar's upper end (mean + s.e.m.), px: never above the plot's top edge. */
  y2: number;
}

export interface MeanSemOptions {
  /**
   * The y axis is logarithmic (default): non-positive means are skipped, and a bar whose lower
   * end is ≤ 0 runs to the bottom edge. Linear: any finite mean is drawn.
   */
  log?: boolean;
}

/**
 * Means ±1 s.e.m. at positions x as marks, bars clamped to the plot (plot height `plotH`). Points
 * with no place on the axes are skipped; a missing or negative s.e.m. draws the point alone.
 */
export function meanSemMarks(
  x: ArrayLike<number>,
  mean: ArrayLike<number>,
  sem: ArrayLike<number>,
  X: (v: number) => number,
  Y: (v: number) => number,
  plotH: number,
  { log = true }: MeanSemOptions = {},
): MeanSemMark[] {
  const drawable = log ? isLogFinite : Number.isFinite;
  const out: MeanSemMark[] = [];
  for (let i = 0; i < Math.min(x.length, mean.length); i++) {
    const v = mean[i];
    if (!isLogFinite(x[i]) || !drawable(v)) continue;
    const s = Number.isFinite(sem[i]) && sem[i] > 0 ? sem[i] : 0;
    const lo = !log || v - s > 0 ? Y(v - s) : plotH;
    out.push({ cx: X(x[i]), cy: Y(v), y1: Math.min(plotH, lo), y2: Math.max(0, Y(v + s)) });
  }
  return out;
}

/** The bars as vertical segments (obstacles for the labels placed after them). */
export function meanSemBars(marks: readonly MeanSemMark[]): [number, number][][] {
  return marks.map((s) => [
    [s.cx, s.y1],
    [s.cx, s.y2],
  ]);
}
