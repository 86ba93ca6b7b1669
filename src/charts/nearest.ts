// Nearest datum for crosshairs (as visx's findNearestDatum): binary search in sorted coordinates.

/**
 * Index of the element of `sortedXs` (ascending) nearest to `x`; ties go to the lower index.
 * Returns −1 for an empty array or a NaN query. Callers pass screen coordinates (or log values)
 * so that "nearest" means nearest as seen on a log axis.
 */
export function findNearestIndex(sortedXs: ArrayLike<number>, x: number): number {
  const n = sortedXs.length;
  if (n === 0 || Number.isNaN(x)) return -1;
  if (x <= sortedXs[0]) return 0;
  if (x >= sortedXs[n - 1]) return n - 1;
  let lo = 0;
  let hi = n - 1;
  // Invariant: sortedXs[lo] < x < sortedXs[hi] (or equal at an end), hi − lo shrinks to 1.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (sortedXs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return x - sortedXs[lo] <= sortedXs[hi] - x ? lo : hi;
}
