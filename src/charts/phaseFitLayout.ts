// The phase diagram's overlay of a fit of the user's runs (docs/theory.md §10): the 68 % and 95 %
// joint profile-likelihood regions of (α, β) as closed paths on the diagram's scales, and the best
// fit as a cross. The regions may reach beyond the diagram's box (the fit says so: `open`); the
// chart clips them to the plot.
import type { RegionPolygon } from '../model/runfit/index.ts';
import { r2 } from './path.ts';

/** What the overlay draws: the fit's best (α, β) and its joint regions. */
export interface PhaseFitRegion {
  alpha: number;
  beta: number;
  polygons: readonly RegionPolygon[];
}

export interface PhaseFitOverlay {
  regions: { coverage: 0.68 | 0.95; d: string; open: boolean }[];
  best: { x: number; y: number };
  /** "your runs" above and right of the best fit (left of it near the right edge). */
  label: { x: number; y: number; anchor: 'start' | 'end' };
}

/** Room the label needs on the right, px (beyond it, the label goes left of the region). */
const LABEL_ROOM = 90;

/** The joint regions (dof 2), widest first, and the best point, in plot pixels. */
export function phaseFitOverlay(
  fit: PhaseFitRegion,
  x: (alpha: number) => number,
  y: (beta: number) => number,
  plotW: number,
): PhaseFitOverlay {
  const regions = fit.polygons
    .filter((p) => p.dof === 2)
    .sort((a, b) => b.coverage - a.coverage)
    .map((p) => {
      let d = '';
      for (let k = 0; k < p.polygon.length / 2; k++)
        d += `${k ? 'L' : 'M'}${r2(x(p.polygon[2 * k]))},${r2(y(p.polygon[2 * k + 1]))}`;
      return { coverage: p.coverage, d: d && `${d}Z`, open: p.open };
    });
  const best = { x: x(fit.alpha), y: y(fit.beta) };
  return { regions, best, label: labelAt(best, plotW) };
}

function labelAt(best: { x: number; y: number }, plotW: number): PhaseFitOverlay['label'] {
  const y = Math.max(10, best.y - 12);
  return best.x + 8 + LABEL_ROOM <= plotW
    ? { x: best.x + 8, y, anchor: 'start' }
    : { x: best.x - 8, y, anchor: 'end' };
}
