// Learning-rate schedules of one-pass SGD (docs/theory.md §9.1). The step size at step
// s = 0, 1, 2, … is η_s = base_s · warm_s with
//   constant  base_s = η
//   cosine    base_s = η_min + (η − η_min)(1 + cos(π s/S))/2 for s < S, η_min for s ≥ S
//   wsd       base_s = η until s_d = (1 − f)S, then linear to η_min at S, η_min for s ≥ S
//   warm-up   warm_s = min(1, (s + 1)/W) (W = 0: no warm-up)
// with η_min = final·η. Between its kinks (the end of the warm-up, the start of the decay, the
// horizon) η_s is one analytic function of s: a `Piece`. The block propagation of propagate.ts
// never straddles a kink, so within a block η may be extended to real x and summed by quadrature.
import { gaussLegendre } from '../theory/spectrum.ts';

export type ScheduleKind = 'constant' | 'cosine' | 'wsd';
export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['constant', 'cosine', 'wsd'];

export interface Schedule {
  kind: ScheduleKind;
  /** Peak learning rate η > 0. */
  eta: number;
  /** S: the step at which the schedule ends (cosine, wsd); unused by constant. */
  horizon: number;
  /** f: the fraction of S over which wsd decays (0 < f ≤ 1). */
  decay: number;
  /** η_min/η ∈ [0, 1]. */
  final: number;
  /** W: steps of linear warm-up (0: none). */
  warmup: number;
}

export const DEFAULT_SCHEDULE: Schedule = {
  kind: 'constant',
  eta: 0.5,
  horizon: 1e4,
  decay: 0.2,
  final: 0,
  warmup: 0,
};

/** One analytic stretch of the schedule: steps start ≤ s < end (end may be Infinity). */
export interface Piece {
  start: number;
  end: number;
  /** True when η is the same at every step of the piece. */
  constant: boolean;
  /** η(x) and dη/dx, analytic on the real interval [start − 1, end] (used by quadrature). */
  eta: (x: number) => number;
  deta: (x: number) => number;
}

/** Throws a RangeError naming the field when the schedule is not usable. */
export function checkSchedule(s: Schedule): void {
  if (!SCHEDULE_KINDS.includes(s.kind)) throw new RangeError(`schedule: unknown kind ${s.kind}`);
  if (!(s.eta > 0) || !Number.isFinite(s.eta))
    throw new RangeError(`eta must be finite and > 0, got ${s.eta}`);
  if (s.kind !== 'constant' && !(Number.isInteger(s.horizon) && s.horizon >= 1))
    throw new RangeError(`horizon must be an integer ≥ 1, got ${s.horizon}`);
  if (!(s.decay > 0 && s.decay <= 1))
    throw new RangeError(`decay must be in (0, 1], got ${s.decay}`);
  if (!(s.final >= 0 && s.final <= 1))
    throw new RangeError(`final must be in [0, 1], got ${s.final}`);
  if (!(Number.isInteger(s.warmup) && s.warmup >= 0))
    throw new RangeError(`warmup must be an integer ≥ 0, got ${s.warmup}`);
}

type Fn = { f: (x: number) => number; d: (x: number) => number; constant: boolean };

const constFn = (v: number): Fn => ({ f: () => v, d: () => 0, constant: true });

/** The base schedule's analytic pieces as [start, end, function] (before warm-up). */
function basePieces(s: Schedule): [number, number, Fn][] {
  const eta = s.eta;
  const emin = s.final * eta;
  if (s.kind === 'constant') return [[0, Infinity, constFn(eta)]];
  const S = s.horizon;
  if (s.kind === 'cosine') {
    const w = Math.PI / S;
    const cos: Fn = {
      f: (x) => emin + ((eta - emin) * (1 + Math.cos(w * x))) / 2,
      d: (x) => (-(eta - emin) * w * Math.sin(w * x)) / 2,
      constant: false,
    };
    return [
      [0, S, cos],
      [S, Infinity, constFn(emin)],
    ];
  }
  // wsd: the decay starts at the real position sd; steps s ≥ ceil(sd) use the linear formula.
  const sd = (1 - s.decay) * S;
  const slope = (emin - eta) / (S - sd);
  const lin: Fn = { f: (x) => eta + slope * (x - sd), d: () => slope, constant: false };
  const first = Math.ceil(sd - 1e-9);
  const out: [number, number, Fn][] = [];
  if (first > 0) out.push([0, first, constFn(eta)]);
  if (S > first) out.push([first, S, lin]);
  out.push([S, Infinity, constFn(emin)]);
  return out;
}

/** The schedule as analytic pieces, kinks included (warm-up end, decay start, horizon). */
export function schedulePieces(s: Schedule): Piece[] {
  checkSchedule(s);
  const W = s.warmup;
  const out: Piece[] = [];
  for (const [a, b, fn] of basePieces(s)) {
    // Warm-up factor (x + 1)/W on steps s < W − 1, 1 from W − 1 on (both agree at W − 1).
    const cut = Math.max(0, W - 1);
    if (W > 1 && a < cut) {
      const e = Math.min(b, cut);
      out.push({
        start: a,
        end: e,
        constant: false,
        eta: (x) => (fn.f(x) * (x + 1)) / W,
        deta: (x) => (fn.d(x) * (x + 1) + fn.f(x)) / W,
      });
      if (b > cut) out.push({ start: cut, end: b, constant: fn.constant, eta: fn.f, deta: fn.d });
    } else {
      out.push({ start: a, end: b, constant: fn.constant, eta: fn.f, deta: fn.d });
    }
  }
  return out.filter((p) => p.end > p.start);
}

/** η_s at integer step s. */
export function etaAt(pieces: readonly Piece[], s: number): number {
  for (const p of pieces) if (s < p.end) return p.eta(s);
  return pieces[pieces.length - 1].eta(s);
}

/** The piece that contains step s. */
export function pieceAt(pieces: readonly Piece[], s: number): Piece {
  for (const p of pieces) if (s >= p.start && s < p.end) return p;
  return pieces[pieces.length - 1];
}

// Gauss–Legendre, 8 nodes on [−1, 1] (the sums below are of functions analytic on the block).
export const GL8 = gaussLegendre(8);

/** Below this many steps a block sum is done term by term. */
const DIRECT_SUM = 32;

/**
 * Σ_{q=q0}^{q1−1} f(q) for f analytic on [q0 − ½, q1 − ½]: term by term for short ranges,
 * otherwise by the midpoint Euler–Maclaurin rule ∫_{q0−½}^{q1−½} f − (f′(q1−½) − f′(q0−½))/24
 * with the integral by 8-point Gauss–Legendre. On the blocks of propagate.ts (η changing by a
 * few per cent) the neglected terms, 7/5760 of f‴, are below 1e-12 relative.
 */
export function stepSum(
  f: (x: number) => number,
  df: (x: number) => number,
  q0: number,
  q1: number,
): number {
  const n = q1 - q0;
  if (n <= DIRECT_SUM && Number.isInteger(q0)) {
    let s = 0;
    for (let q = q0; q < q1; q++) s += f(q);
    return s;
  }
  return rangeSum(f, df, q0, q1);
}

/**
 * The smooth extension of Σ_{q=q0}^{q1−1} f(q) to real q0 < q1: the midpoint Euler–Maclaurin
 * rule of stepSum, used as is (equal to the sum for integer ends, up to the neglected f‴ term).
 */
export function rangeSum(
  f: (x: number) => number,
  df: (x: number) => number,
  q0: number,
  q1: number,
): number {
  const a = q0 - 0.5;
  const b = q1 - 0.5;
  const h = 0.5 * (b - a);
  const c = 0.5 * (a + b);
  let s = 0;
  for (let g = 0; g < 8; g++) s += GL8.w[g] * f(c + h * GL8.x[g]);
  return s * h - (df(b) - df(a)) / 24;
}

/** Σ_{q<s} η_q at each of the given (non-decreasing, integer) steps: the intrinsic time t_s. */
export function intrinsicTimes(s: Schedule, steps: ArrayLike<number>): Float64Array {
  const pieces = schedulePieces(s);
  const out = new Float64Array(steps.length);
  let t = 0;
  let at = 0;
  for (let i = 0; i < steps.length; i++) {
    const target = steps[i];
    while (at < target) {
      const p = pieceAt(pieces, at);
      const end = Math.min(p.end, target);
      t += p.constant ? p.eta(at) * (end - at) : stepSum(p.eta, p.deta, at, end);
      at = end;
    }
    out[i] = t;
  }
  return out;
}

/** η_s at each step (for the schedule strip under the learning curve). */
export function etaSeries(s: Schedule, steps: ArrayLike<number>): Float64Array {
  const pieces = schedulePieces(s);
  return Float64Array.from(steps as ArrayLike<number>, (x) => etaAt(pieces, x));
}

/** The largest η_s the schedule reaches (the peak: η, unless warm-up never completes). */
export function peakEta(s: Schedule): number {
  const pieces = schedulePieces(s);
  let m = 0;
  for (const p of pieces) {
    m = Math.max(m, p.eta(p.start));
    if (Number.isFinite(p.end)) m = Math.max(m, p.eta(p.end - 1));
  }
  return m;
}
