// SVG path data for polylines whose points may be missing. Coordinates are rounded to two
// decimals (sub-pixel precision is invisible and rounding keeps snapshots stable); a missing or
// non-finite point breaks the line. An isolated point becomes a zero-length segment, which a
// round line cap draws as a dot.

export type Point = readonly [number, number];

/** Round to 2 decimals and print without trailing zeros ("12.5", "-3", "0.07"). */
export function r2(v: number): string {
  const s = (Math.round(v * 100) / 100).toString();
  return s === '-0' ? '0' : s;
}

/** Path data of a polyline broken at null / non-finite points. Empty string if nothing to draw. */
export function linePath(points: readonly (Point | null)[]): string {
  let d = '';
  let run: Point[] = [];
  const flush = (): void => {
    if (run.length === 1) d += `M${r2(run[0][0])},${r2(run[0][1])}h0`;
    else if (run.length > 1)
      d += run.map((p, i) => `${i ? 'L' : 'M'}${r2(p[0])},${r2(p[1])}`).join('');
    run = [];
  };
  for (const p of points) {
    if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) run.push(p);
    else flush();
  }
  flush();
  return d;
}

/**
 * Pixel points of a series on log-log scales: values that are not positive and finite become
 * null (so the line breaks there instead of producing NaN).
 */
export function seriesPoints(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  x: (v: number) => number,
  y: (v: number) => number,
): (Point | null)[] {
  const n = Math.min(xs.length, ys.length);
  const out: (Point | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const xv = xs[i];
    const yv = ys[i];
    out[i] = xv > 0 && yv > 0 && Number.isFinite(xv) && Number.isFinite(yv) ? [x(xv), y(yv)] : null;
  }
  return out;
}

/** The drawn (non-null) points of a series, for collision tests. */
export function present(points: readonly (Point | null)[]): Point[] {
  return points.filter((p): p is Point => p !== null);
}

/** Points with no drawn neighbour (runs of length 1): a line cannot show them, a marker can. */
export function isolatedPoints(points: readonly (Point | null)[]): Point[] {
  const ok = (p: Point | null | undefined): p is Point =>
    !!p && Number.isFinite(p[0]) && Number.isFinite(p[1]);
  const out: Point[] = [];
  points.forEach((p, i) => {
    if (ok(p) && !ok(points[i - 1]) && !ok(points[i + 1])) out.push(p);
  });
  return out;
}
