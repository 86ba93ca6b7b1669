// Which points of a curve lie below the engine's floor (docs/theory.md §5.8), for the gradient-flow
// curves (curve.ts) and the SGD curves (sgd/theory.ts) alike.
import type { CurveResolution } from '../types.ts';

/** Which points of a curve are below the engine's floor, and where the curve ends (types.ts). */
export function curveResolution(
  Eg: Float64Array,
  Etr: Float64Array,
  floor: Float64Array,
  floorTr: Float64Array,
): CurveResolution {
  const n = Eg.length;
  const below = new Uint8Array(n);
  const belowTr = new Uint8Array(n);
  let relative = 0;
  let end = n;
  for (let i = 0; i < n; i++) {
    below[i] = Eg[i] < floor[i] ? 1 : 0;
    belowTr[i] = Etr[i] < floorTr[i] ? 1 : 0;
    relative = Math.max(relative, floor[i] / Eg[0]);
  }
  while (end > 0 && below[end - 1]) end--;
  return { floor, floorTr, relative, below, belowTr, end };
}
