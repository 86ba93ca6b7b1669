// The search for the best (α, β) (docs/theory.md §10): the profiled criterion (profile.ts) on a
// coarse grid over the phase diagram's box, then Nelder–Mead from the best local minima of the
// grid, in coordinates scaled to the box. The criterion is profiled over ln s at every point, so
// both searches move in two dimensions; the grid makes the result independent of a starting point.
import { ALPHA_RANGE, BETA_RANGE } from '../theory/phase.ts';
import { COARSE_TABLE, FINE_TABLE } from './basis.ts';
import {
  configKey,
  WARM_WINDOW,
  type FitData,
  type ProfilePoint,
  type Profiler,
} from './profile.ts';
import { FitError } from './progress.ts';

/** Points of the coarse grid along α and along β. */
export const GRID_ALPHA = 7;
export const GRID_BETA = 9;
/** Nelder–Mead stops when the simplex is this small (in box units), or its values this close. */
export const NM_XTOL = 1e-3;
/** The looser size at which the exploring runs from several grid minima stop. */
export const NM_EXPLORE_XTOL = 5e-3;
/** Evaluations per Nelder–Mead run at most. */
const NM_MAX = 70;

/** (α, β) ↔ the unit square of the box. */
export function toBox(alpha: number, beta: number): [number, number] {
  return [
    (alpha - ALPHA_RANGE[0]) / (ALPHA_RANGE[1] - ALPHA_RANGE[0]),
    (beta - BETA_RANGE[0]) / (BETA_RANGE[1] - BETA_RANGE[0]),
  ];
}

export function fromBox(u: number, v: number): [number, number] {
  return [
    ALPHA_RANGE[0] + u * (ALPHA_RANGE[1] - ALPHA_RANGE[0]),
    BETA_RANGE[0] + v * (BETA_RANGE[1] - BETA_RANGE[0]),
  ];
}

/**
 * Evaluates fine-table profiles near known points and keeps every one (the regions and the
 * bootstrap reuse them). The ln s window of a new point is centred on the nearest known point's
 * ln s; when the optimum lands at the window's edge the window moves once.
 */
export class FineSearch {
  readonly pr: Profiler;
  readonly points: ProfilePoint[] = [];
  private readonly check: () => void;

  constructor(pr: Profiler, check: () => void) {
    this.pr = pr;
    this.check = check;
  }

  /** The known point nearest to (α, β) in box units (fine points first, else `fallback`). */
  nearest(
    alpha: number,
    beta: number,
    fallback: readonly ProfilePoint[] = [],
  ): ProfilePoint | null {
    const [u, v] = toBox(alpha, beta);
    let best: ProfilePoint | null = null;
    let dist = Infinity;
    for (const list of [this.points, fallback]) {
      for (const p of list) {
        const [pu, pv] = toBox(p.alpha, p.beta);
        const d = (pu - u) ** 2 + (pv - v) ** 2;
        if (d < dist) {
          dist = d;
          best = p;
        }
      }
      if (best) break;
    }
    return best;
  }

  at(alpha: number, beta: number, fallback: readonly ProfilePoint[] = []): ProfilePoint {
    this.check();
    const d = this.pr.data;
    const near = this.nearest(alpha, beta, fallback);
    const centre = near ? near.lnS : 0.5 * (d.lsMin + d.lsMax);
    let p = this.profileIn(alpha, beta, centre);
    const edge = 0.05 * WARM_WINDOW;
    if (
      (p.lnS < p.lsLo + edge && p.lsLo > d.lsMin) ||
      (p.lnS > p.lsHi - edge && p.lsHi < d.lsMax) ||
      !Number.isFinite(p.q)
    ) {
      const again = this.profileIn(
        alpha,
        beta,
        Number.isFinite(p.q) ? p.lnS : 0.5 * (d.lsMin + d.lsMax),
        !Number.isFinite(p.q),
      );
      if (again.q < p.q || !Number.isFinite(p.q)) p = again;
    }
    this.points.push(p);
    return p;
  }

  private profileIn(alpha: number, beta: number, centre: number, whole = false): ProfilePoint {
    const d = this.pr.data;
    const lo = whole ? d.lsMin : Math.max(d.lsMin, centre - WARM_WINDOW);
    const hi = whole ? d.lsMax : Math.min(d.lsMax, centre + WARM_WINDOW);
    return this.pr.profile(alpha, beta, lo, hi, FINE_TABLE);
  }
}

/** The coarse grid: every point profiled over the whole ln s range with coarse tables. */
export function coarseGrid(
  pr: Profiler,
  check: () => void,
  progress: (done: number, total: number) => void,
): ProfilePoint[] {
  const out: ProfilePoint[] = [];
  const d = pr.data;
  const total = GRID_ALPHA * GRID_BETA;
  for (let j = 0; j < GRID_BETA; j++) {
    for (let i = 0; i < GRID_ALPHA; i++) {
      check();
      const [a, b] = fromBox(i / (GRID_ALPHA - 1), j / (GRID_BETA - 1));
      out.push(pr.profile(a, b, d.lsMin, d.lsMax, COARSE_TABLE));
      progress(out.length, total);
    }
  }
  return out;
}

/** Local minima of the grid (no better neighbour among the eight around it), best first. */
export function gridMinima(grid: readonly ProfilePoint[]): ProfilePoint[] {
  const at = (i: number, j: number) => grid[j * GRID_ALPHA + i];
  const out: ProfilePoint[] = [];
  for (let j = 0; j < GRID_BETA; j++) {
    for (let i = 0; i < GRID_ALPHA; i++) {
      const q = at(i, j).q;
      if (!Number.isFinite(q)) continue;
      let min = true;
      for (let dj = -1; dj <= 1 && min; dj++)
        for (let di = -1; di <= 1; di++) {
          const ii = i + di;
          const jj = j + dj;
          if (
            (di || dj) &&
            ii >= 0 &&
            jj >= 0 &&
            ii < GRID_ALPHA &&
            jj < GRID_BETA &&
            at(ii, jj).q < q
          )
            min = false;
        }
      if (min) out.push(at(i, j));
    }
  }
  return out.sort((a, b) => a.q - b.q);
}

/**
 * Nelder–Mead (J. A. Nelder, R. Mead, Comput. J. 7 (1965) 308) on the profiled criterion in box
 * units, clamped to the box, from `start` with a simplex of side `step`. Returns the best point.
 */
export function nelderMead(
  fs: FineSearch,
  start: ProfilePoint,
  step: number,
  grid: readonly ProfilePoint[],
  progress: () => void,
  ftol: number,
  xtol = NM_XTOL,
): ProfilePoint {
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  const f = (u: number, v: number): ProfilePoint => {
    progress();
    const [a, b] = fromBox(clamp(u), clamp(v));
    return fs.at(a, b, grid);
  };
  const [u0, v0] = toBox(start.alpha, start.beta);
  const s1 = u0 + step <= 1 ? step : -step;
  const s2 = v0 + step <= 1 ? step : -step;
  let simplex: { x: [number, number]; p: ProfilePoint }[] = [
    { x: [u0, v0], p: f(u0, v0) },
    { x: [clamp(u0 + s1), v0], p: f(u0 + s1, v0) },
    { x: [u0, clamp(v0 + s2)], p: f(u0, v0 + s2) },
  ];
  let evals = 3;
  while (evals < NM_MAX) {
    simplex.sort((a, b) => a.p.q - b.p.q);
    const [b, g, w] = simplex;
    const size = Math.max(
      Math.hypot(g.x[0] - b.x[0], g.x[1] - b.x[1]),
      Math.hypot(w.x[0] - b.x[0], w.x[1] - b.x[1]),
    );
    if (size < xtol || (w.p.q - b.p.q < ftol && size < 10 * xtol)) break;
    const c: [number, number] = [(b.x[0] + g.x[0]) / 2, (b.x[1] + g.x[1]) / 2];
    const along = (t: number): [number, number] => [
      clamp(c[0] + t * (w.x[0] - c[0])),
      clamp(c[1] + t * (w.x[1] - c[1])),
    ];
    const xr = along(-1);
    const r = { x: xr, p: f(...xr) };
    evals++;
    if (r.p.q < b.p.q) {
      const xe = along(-2);
      const e = { x: xe, p: f(...xe) };
      evals++;
      simplex = [b, g, e.p.q < r.p.q ? e : r];
    } else if (r.p.q < g.p.q) {
      simplex = [b, g, r];
    } else {
      const xc = along(r.p.q < w.p.q ? -0.5 : 0.5);
      const k = { x: xc, p: f(...xc) };
      evals++;
      if (k.p.q < Math.min(w.p.q, r.p.q)) simplex = [b, g, k];
      else {
        // Shrink towards the best vertex.
        const shrink = (v: { x: [number, number] }) => {
          const x: [number, number] = [(v.x[0] + b.x[0]) / 2, (v.x[1] + b.x[1]) / 2];
          evals++;
          return { x, p: f(...x) };
        };
        simplex = [b, shrink(g), shrink(w)];
      }
    }
  }
  simplex.sort((a, b) => a.p.q - b.p.q);
  return simplex[0].p;
}

/** Nelder–Mead's first simplex side (box units): about half the coarse grid's spacing. */
const NM_STEP = 0.07;
/** Nelder–Mead runs from this many of the grid's best local minima. */
const NM_STARTS = 3;
/** Expected evaluations of the refinement and the regions (for progress only). */
/** Expected evaluations of the refinement (for progress only). */
export const REFINE_EXPECTED = 110;

/**
 * The coarse grid (or the tables of another fit's grid, reused: they cover the whole domain),
 * then Nelder–Mead from its best local minima. `tick` is called per evaluation.
 */
export function findBest(
  pr: Profiler,
  check: () => void,
  tick: (stage: 'grid' | 'refine', done: number, total: number) => void,
  gridFrom: ProfilePoint[] | null,
): { grid: ProfilePoint[]; fs: FineSearch; best: ProfilePoint } {
  const d = pr.data;
  const grid = gridFrom
    ? gridFrom.map((g, i) => {
        check();
        tick('grid', i + 1, gridFrom.length);
        return pr.profile(g.alpha, g.beta, d.lsMin, d.lsMax, COARSE_TABLE, tablesFor(d, g));
      })
    : coarseGrid(pr, check, (done, total) => tick('grid', done, total));
  const mins = gridMinima(grid);
  if (mins.length === 0)
    throw new FitError('the theory cannot reach these losses anywhere in the phase diagram’s box');
  const fs = new FineSearch(pr, check);
  let n = 0;
  const step = () => tick('refine', ++n, REFINE_EXPECTED);
  const ftol = 1e-3 * d.tau0 ** 2;
  // The valleys of the criterion are long and narrow (a ridge along a law's exponent, with local
  // minima on it), narrower than the grid's spacing: explore from several grid minima, then
  // polish the best.
  let best: ProfilePoint | null = null;
  for (const m of mins.slice(0, NM_STARTS)) {
    const b = nelderMead(fs, m, NM_STEP, grid, step, ftol, NM_EXPLORE_XTOL);
    if (!best || b.q < best.q) best = b;
  }
  best = nelderMead(fs, best!, NM_STEP / 4, grid, step, ftol);
  return { grid, fs, best };
}

/** A grid point's tables, in the order of another data set's configurations. */
function tablesFor(d: FitData, g: ProfilePoint) {
  return d.configs.map((c) => {
    const k = g.keys.indexOf(configKey(c));
    if (k < 0) throw new Error('internal: hold-out configuration without a table');
    return g.tables[k];
  });
}
