// The two curves a fitted loss is linear in (docs/theory.md §10). With the engine's E_g split into
// its parts (§3 "Parts of E_g": signal, label noise, temperature, init), the noise part is linear
// in σ² and the others do not depend on it, so
//     c · E(s·x; α, β, σ²/c) = c · A(s·x) + σ² · B(s·x),
// A = signal (+ init) part, B = label-noise part per unit σ². Both are tabulated once per (α, β)
// and run configuration as functions of u = ln(theory x), on a grid refined where the curves bend
// (the top modes' exponential decay is a kink in log-log), and interpolated for every s by cubic
// Hermite interpolation of ln A and ln B in u: one engine evaluation per (α, β), whatever s.
//
// Axes: steps (theory time t, one learning curve), P or N (t → ∞, one static limit per size,
// §4). Each is one record of FIT_AXIS_SPECS.
import { SCAN_START } from '../theory/dynamics.ts';
import { makeEngine, type Engine } from '../theory/engine.ts';
import { computeLimit } from '../theory/limits.ts';
import { TimeEvaluator } from '../theory/timeEval.ts';
import { MAX_SIZE, type Params } from '../params.ts';
import type { LimitResult } from '../types.ts';
import { FIT_REGIMES } from './regimes.ts';
import type { FitAxis } from './runs.ts';
import type { Sampler, SamplerFactory, TableQuality } from './sampler.ts';

export type { Sampler, SamplerFactory, TableQuality } from './sampler.ts';

/** A tabulated pair of parts: ln A and ln B with their slopes in u at the nodes u. */
export interface BasisTable {
  u: Float64Array;
  la: Float64Array;
  lb: Float64Array;
  da: Float64Array;
  db: Float64Array;
  /** The curve has settled at its t → ∞ value by the last node: beyond it the parts are constant. */
  settled: boolean;
  /** Engine evaluations spent (times or sizes). */
  evaluations: number;
}

/** The coarse search ranks (α, β) points; the refinement and the regions need ~0.1 % curves. */
export const COARSE_TABLE: TableQuality = { perDecade: 4, tol: 2e-2, levels: 2, talbot: 6 };
export const FINE_TABLE: TableQuality = { perDecade: 6, tol: 1e-3, levels: 4, talbot: 8 };

/** What the theory's x is, its range, and how one table of it is computed. */
export interface FitAxisSpec {
  key: FitAxis;
  /** Words for the axis ("training steps"). */
  label: string;
  /** The theory's quantity s·x stands for. */
  theory: string;
  /** The range of theory values a table may cover: the engine's accurate domain. */
  domain: readonly [number, number];
  /** Samples of the parts at theory values v (steps: times, increasing calls reuse warm starts). */
  sampler: SamplerFactory;
}

/** Parts of a t → ∞ limit: A = signal + init (+ temperature), B = noise per unit σ². */
function limitParts(l: LimitResult): [number, number] {
  return [l.parts.signal + l.parts.init + l.parts.temperature, l.parts.noise];
}

function timeSampler(p: Params, vHi: number, q: TableQuality): Sampler {
  const e: Engine = makeEngine({ ...p, tmin: SCAN_START, tmax: vHi }, vHi);
  const seq = new TimeEvaluator(e, q.talbot);
  let side: TimeEvaluator | null = null;
  const at = (ev: TimeEvaluator, t: number): [number, number] => {
    const v = ev.at(t, { train: false, parts: true }).parts!;
    return [v.signal + v.init + v.temperature, v.noise];
  };
  const lim = computeLimit(e);
  return {
    next: (t) => at(seq, t),
    any: (t) => at((side ??= new TimeEvaluator(e, q.talbot)), t),
    limit: lim.divergent ? null : limitParts(lim),
    scale: e.sp.Sw,
  };
}

function sizeSampler(axis: 'P' | 'N'): SamplerFactory {
  return (p) => {
    const at = (v: number) => limitParts(computeLimit(makeEngine({ ...p, [axis]: v })));
    return { next: at, any: at, limit: null, scale: makeEngine(p).sp.Sw };
  };
}

export const FIT_AXIS_SPECS: Readonly<Record<FitAxis, FitAxisSpec>> = {
  steps: {
    key: 'steps',
    label: 'training steps',
    theory: 'training time t',
    // From the scan's first time to t = 10⁸, where the Talbot rule of order 12 is still accurate
    // to ~10⁻⁷ of E_g(0) (docs/theory.md §5.8 measures its floor).
    domain: [SCAN_START, 1e8],
    sampler: timeSampler,
  },
  P: {
    key: 'P',
    label: 'dataset size',
    theory: 'dataset size P, at t → ∞',
    domain: [1, MAX_SIZE],
    sampler: sizeSampler('P'),
  },
  N: {
    key: 'N',
    label: 'model size',
    theory: 'model size N, at t → ∞',
    domain: [1, MAX_SIZE],
    sampler: sizeSampler('N'),
  },
};

/** The theory values a table may cover on this axis in this regime (its own, or the axis's). */
export function fitDomain(axis: FitAxis, regime: Params['regime']): readonly [number, number] {
  const own = axis === 'steps' ? FIT_REGIMES[regime]?.domain : undefined;
  return own ?? FIT_AXIS_SPECS[axis].domain;
}

/** Below this fraction of E(0) a part is round-off of the inversion (docs/theory.md §8). */
const FLOOR = 1e-10;
/** ln-distance from the t → ∞ value below which the curve counts as settled. */
const SETTLED = 1e-5;
/** Consecutive settled nodes before the table stops. */
const SETTLED_RUN = 3;

/**
 * Tabulate ln A, ln B over u ∈ [ln vLo, ln vHi]: a uniform grid of `perDecade` nodes per decade
 * (stopped early once the curve has settled at its t → ∞ value), then intervals halved where the
 * two local quadratics disagree by more than `tol` at the midpoint.
 */
export function buildTable(
  axis: FitAxis,
  p: Params,
  vLo: number,
  vHi: number,
  q: TableQuality,
): BasisTable {
  const own = axis === 'steps' ? FIT_REGIMES[p.regime]?.sampler : undefined;
  const s = (own ?? FIT_AXIS_SPECS[axis].sampler)(p, vHi, q);
  const uLo = Math.log(vLo);
  const uHi = Math.log(vHi);
  const n0 = Math.max(4, Math.ceil(((uHi - uLo) / Math.LN10) * q.perDecade) + 1);
  const floor = FLOOR * s.scale;
  const lnOf = (v: [number, number]): [number, number] => [
    Math.log(Math.max(v[0], floor)),
    Math.log(Math.max(v[1], floor)),
  ];
  const lim = s.limit ? lnOf(s.limit) : null;
  // e^u can round past the range's ends (the engine's domain is checked exactly).
  const at = (u: number) => Math.min(vHi, Math.max(vLo, Math.exp(u)));
  let u: number[] = [];
  let la: number[] = [];
  let lb: number[] = [];
  let run = 0;
  let settled = false;
  for (let i = 0; i < n0; i++) {
    const ui = uLo + ((uHi - uLo) * i) / (n0 - 1);
    const [a, b] = lnOf(s.next(at(ui)));
    u.push(ui);
    la.push(a);
    lb.push(b);
    if (lim && Math.abs(a - lim[0]) < SETTLED && Math.abs(b - lim[1]) < SETTLED) {
      if (++run >= SETTLED_RUN && i >= 3) {
        settled = true;
        break;
      }
    } else run = 0;
  }
  let evaluations = u.length;
  for (let level = 0; level < q.levels; level++) {
    const mids = intervalsToRefine(u, la, lb, q.tol);
    if (mids.length === 0) break;
    const nu: number[] = [];
    const na: number[] = [];
    const nb: number[] = [];
    let k = 0;
    for (let i = 0; i < u.length; i++) {
      nu.push(u[i]);
      na.push(la[i]);
      nb.push(lb[i]);
      if (k < mids.length && mids[k] === i) {
        const um = 0.5 * (u[i] + u[i + 1]);
        const [a, b] = lnOf(s.any(at(um)));
        nu.push(um);
        na.push(a);
        nb.push(b);
        k++;
        evaluations++;
      }
    }
    u = nu;
    la = na;
    lb = nb;
  }
  const U = Float64Array.from(u);
  const A = Float64Array.from(la);
  const B = Float64Array.from(lb);
  return { u: U, la: A, lb: B, da: slopes(U, A), db: slopes(U, B), settled, evaluations };
}

/** Value at u of the parabola through (u0, y0), (u1, y1), (u2, y2). */
function parabola(
  u0: number,
  y0: number,
  u1: number,
  y1: number,
  u2: number,
  y2: number,
  u: number,
) {
  return (
    (y0 * (u - u1) * (u - u2)) / ((u0 - u1) * (u0 - u2)) +
    (y1 * (u - u0) * (u - u2)) / ((u1 - u0) * (u1 - u2)) +
    (y2 * (u - u0) * (u - u1)) / ((u2 - u0) * (u2 - u1))
  );
}

/**
 * Intervals [u_i, u_{i+1}] whose midpoint the two neighbouring parabolas (through i−1, i, i+1 and
 * i, i+1, i+2) predict differently by more than tol, for ln A, or for ln B weighted by B's share
 * of A + B (the noise part matters only where it is not negligible).
 */
function intervalsToRefine(u: number[], la: number[], lb: number[], tol: number): number[] {
  const out: number[] = [];
  const n = u.length;
  for (let i = 0; i + 1 < n; i++) {
    const m = 0.5 * (u[i] + u[i + 1]);
    let ea = 0;
    let eb = 0;
    const fits: [number, number][] = [];
    for (const j of [i - 1, i]) {
      if (j < 0 || j + 2 >= n) continue;
      fits.push([
        parabola(u[j], la[j], u[j + 1], la[j + 1], u[j + 2], la[j + 2], m),
        parabola(u[j], lb[j], u[j + 1], lb[j + 1], u[j + 2], lb[j + 2], m),
      ]);
    }
    if (fits.length === 2) {
      ea = Math.abs(fits[0][0] - fits[1][0]);
      eb = Math.abs(fits[0][1] - fits[1][1]);
    } else if (fits.length === 1) {
      // An end interval: against the chord (a parabola's sag is four times its error estimate).
      ea = 0.25 * Math.abs(fits[0][0] - 0.5 * (la[i] + la[i + 1]));
      eb = 0.25 * Math.abs(fits[0][1] - 0.5 * (lb[i] + lb[i + 1]));
    }
    const share = 1 / (1 + Math.exp(0.5 * (la[i] + la[i + 1] - lb[i] - lb[i + 1])));
    const e = Math.max(ea, eb * share);
    // Graded mesh: an interval more than twice as long as a neighbour is halved too (the slopes
    // at its ends come from that neighbour's finer nodes, and the estimate above misses it).
    const h = u[i + 1] - u[i];
    const graded =
      (i > 0 && h > 2.01 * (u[i] - u[i - 1])) || (i + 2 < n && h > 2.01 * (u[i + 2] - u[i + 1]));
    if (e > tol || graded || !Number.isFinite(e)) {
      if (Number.isFinite(la[i] + la[i + 1] + lb[i] + lb[i + 1])) out.push(i);
    }
  }
  return out;
}

/** Slopes dy/du at the nodes: the three-point formula for unequal spacing (one-sided at the ends). */
function slopes(u: Float64Array, y: Float64Array): Float64Array {
  const n = u.length;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = i === 0 ? 0 : i === n - 1 ? n - 3 : i - 1;
    const h0 = u[a + 1] - u[a];
    const h1 = u[a + 2] - u[a + 1];
    const s0 = (y[a + 1] - y[a]) / h0;
    const s1 = (y[a + 2] - y[a + 1]) / h1;
    // Derivative at u[i] of the parabola through the three nodes a, a+1, a+2.
    const c = (s1 - s0) / (h0 + h1);
    d[i] = s0 + c * (2 * u[i] - u[a] - u[a + 1]);
  }
  return d;
}

/**
 * A and B (and their slopes in u, i.e. in ln s) at u_i = shift + lx_i for increasing lx, by cubic
 * Hermite interpolation of the logarithms. False when a point lies outside the table (below its
 * first node, or beyond its last when the curve has not settled) or on a non-finite part.
 */
export function interpolate(
  tb: BasisTable,
  shift: number,
  lx: Float64Array,
  from: number,
  to: number,
  A: Float64Array,
  B: Float64Array,
  dA: Float64Array | null,
  dB: Float64Array | null,
): boolean {
  const { u, la, lb, da, db } = tb;
  const last = u.length - 1;
  let k = 0;
  for (let i = from; i < to; i++) {
    const x = shift + lx[i];
    if (x < u[0] - 1e-12) return false;
    if (x >= u[last]) {
      if (!tb.settled && x > u[last] + 1e-12) return false;
      A[i] = Math.exp(la[last]);
      B[i] = Math.exp(lb[last]);
      if (dA && dB) dA[i] = dB[i] = 0;
      continue;
    }
    while (u[k + 1] <= x) k++;
    const h = u[k + 1] - u[k];
    const t = (x - u[k]) / h;
    const t2 = t * t;
    const t3 = t2 * t;
    const h00 = 2 * t3 - 3 * t2 + 1;
    const h10 = t3 - 2 * t2 + t;
    const h01 = -2 * t3 + 3 * t2;
    const h11 = t3 - t2;
    const ya = h00 * la[k] + h10 * h * da[k] + h01 * la[k + 1] + h11 * h * da[k + 1];
    const yb = h00 * lb[k] + h10 * h * db[k] + h01 * lb[k + 1] + h11 * h * db[k + 1];
    if (!Number.isFinite(ya) || !Number.isFinite(yb)) return false;
    A[i] = Math.exp(ya);
    B[i] = Math.exp(yb);
    if (dA && dB) {
      const g0 = (6 * t2 - 6 * t) / h;
      const g1 = 3 * t2 - 4 * t + 1;
      const g2 = 3 * t2 - 2 * t;
      dA[i] = A[i] * (g0 * (la[k] - la[k + 1]) + g1 * da[k] + g2 * da[k + 1]);
      dB[i] = B[i] * (g0 * (lb[k] - lb[k + 1]) + g1 * db[k] + g2 * db[k + 1]);
    }
  }
  return true;
}
