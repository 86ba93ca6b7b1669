// Domains for log axes from data that may contain NaN, ±Infinity, zeros or negative numbers
// (all skipped: they have no place on a log axis), with padding measured in decades.

export type NumberList = ArrayLike<number>;

/** True for values that can be drawn on a log axis. */
export function isLogFinite(v: number): boolean {
  return Number.isFinite(v) && v > 0;
}

/** [min, max] of the log-drawable values of all arrays, or null if there are none. */
export function logExtent(...arrays: NumberList[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!isLogFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * Pad a positive extent in log space: by `fraction` of its width in decades on each side, and to
 * at least `minDecades` in total (a flat curve or a single point gets a window centred on it).
 */
export function padLogDomain(
  extent: readonly [number, number],
  fraction = 0.05,
  minDecades = 0.4,
): [number, number] {
  let lo = Math.log10(extent[0]);
  let hi = Math.log10(extent[1]);
  const width = hi - lo;
  if (width < minDecades) {
    const mid = (lo + hi) / 2;
    lo = mid - minDecades / 2;
    hi = mid + minDecades / 2;
  } else {
    lo -= width * fraction;
    hi += width * fraction;
  }
  return [10 ** lo, 10 ** hi];
}

/**
 * Limit the dynamic range of a domain to `maxDecades`, keeping the top (errors that plunge towards
 * zero, like the training error of an interpolating model, would otherwise squash the rest).
 */
export function capDecades(domain: [number, number], maxDecades: number): [number, number] {
  const lo = Math.log10(domain[0]);
  const hi = Math.log10(domain[1]);
  return hi - lo > maxDecades ? [10 ** (hi - maxDecades), domain[1]] : domain;
}

/** The learning curve's time axis; the panels drawn under it (parts, order parameters, one mode) share it. */
export function curveTimeDomain(curve: { t: NumberList } | null): [number, number] | null {
  const ext = curve ? logExtent(curve.t) : null;
  if (!ext) return null;
  return ext[0] < ext[1] ? ext : padLogDomain(ext, 0, 1);
}
