// Hand-built results for chart tests (never the engine: the figures must be testable on their
// own). Shapes are chosen to exercise the charts: power-law decay to a plateau, an interior
// minimum, divergence, flat and single-point data, huge dynamic range, non-finite values.
import { DEFAULT_PARAMS, timeGrid, type Params } from '../../src/model/params.ts';
import { curveResolution } from '../../src/model/theory/curveResolution.ts';
import type {
  CurveResult,
  Diagnosis,
  EarlyStop,
  FittedExponent,
  LimitResult,
  ModeResult,
  PowerFit,
  SimResult,
  SweepResult,
} from '../../src/model/types.ts';

export function makeParams(over: Partial<Params> = {}): Params {
  return { ...DEFAULT_PARAMS, regime: 'gf', N: Infinity, P: 400, sigma2: 0.1, ...over };
}

const FLOORS = { before: 1e-9, after: 1e-9 };

export function makeDiagnosis(over: Partial<Diagnosis> = {}): Diagnosis {
  return {
    kind: 'data',
    tOp: 1e6,
    Eop: 0.0634,
    floor: 1e-9,
    effects: [
      { what: 'data', before: 0.0634, after: 0.041, value: 800, helps: true, floor: FLOORS },
      { what: 'longer', before: 0.0634, after: 0.0634, value: 1e6, helps: false, floor: FLOORS },
    ],
    atInfinity: [],
    ...over,
  };
}

export function makeLimit(over: Partial<LimitResult> = {}): LimitResult {
  return {
    kappa: 1e-3,
    Emean: 0.0634,
    EtrMean: 0.05,
    postVarPerT: 0,
    Egibbs: 0.0634,
    Eg: 0.0634,
    Etr: 0.05,
    divergent: false,
    parts: { signal: 0.05, noise: 0.0134, temperature: 0, init: 0 },
    floor: 0,
    ...over,
  };
}

interface CurveSpec {
  params?: Partial<Params>;
  t?: ArrayLike<number>;
  Eg: (t: number) => number;
  Etr: (t: number) => number;
  earlyStop?: Partial<EarlyStop>;
  limit?: Partial<LimitResult>;
  fitT?: FittedExponent;
  diagnosis?: Partial<Diagnosis>;
}

export function makeCurve(spec: CurveSpec): CurveResult {
  const params = makeParams(spec.params);
  const t = spec.t ? Float64Array.from(spec.t) : timeGrid(1e-2, 1e6, 61);
  const Eg = Float64Array.from(t, spec.Eg);
  const Etr = Float64Array.from(t, spec.Etr);
  // Default: early stopping does not pay (the infimum is E_g(∞)).
  const limit = makeLimit(spec.limit);
  let k = 0;
  for (let i = 1; i < Eg.length; i++) if (Eg[i] < Eg[k]) k = i;
  const earlyStop: EarlyStop =
    spec.earlyStop?.case === 'inside'
      ? {
          case: 'inside',
          t: t[k],
          Eg: Eg[k],
          gain: limit.Eg / Eg[k],
          side: null,
          monotone: false,
          open: null,
          ...spec.earlyStop,
        }
      : {
          case: 'none',
          t: Infinity,
          Eg: limit.Eg,
          gain: 1,
          side: null,
          monotone: true,
          open: null,
          ...spec.earlyStop,
        };
  return {
    params,
    t,
    Eg,
    Etr,
    window: { tmin: t[0] ?? 1e-2, tmax: t[t.length - 1] ?? 1e6, auto: false },
    earlyStop,
    limit,
    fitT: spec.fitT ?? { fit: null, gap: 'unstable' },
    diagnosis: makeDiagnosis(spec.diagnosis),
    // Every point resolved (floor 0) unless a figure test asks otherwise.
    resolution: curveResolution(Eg, Etr, new Float64Array(t.length), new Float64Array(t.length)),
    ms: 12.5,
  };
}

/** E_g ∝ t^{-1/2} that plateaus at E_g(∞) = 0.01; E_tr below it. */
export const basicCurve = (): CurveResult =>
  makeCurve({
    params: { sigma2: 0 },
    Eg: (t) => 0.5 / Math.sqrt(1 + t) + 0.01,
    Etr: (t) => 0.3 / Math.sqrt(1 + t) + 0.004,
    limit: { Eg: 0.01, Emean: 0.01, Egibbs: 0.01, Etr: 0.004 },
    fitT: {
      fit: { slope: -0.5, intercept: Math.log10(0.5), r2: 0.9999, xmin: 10, xmax: 1e3, n: 12 },
      gap: null,
    },
    diagnosis: { kind: 'time', tOp: 1e6 },
  });

/** Noise makes early stopping pay (docs/lessons.md #3): an interior minimum below E_g(∞) = 0.0634. */
export function earlyStopCurve(): CurveResult {
  const Eg = (t: number): number => 0.45 * (1 + t) ** -0.667 + 0.0634 * (t / (t + 400)) ** 1.2;
  const c = makeCurve({
    Eg,
    Etr: (t) => 0.45 * (1 + t) ** -0.667 * 0.8 + 0.1 * (1 - (0.9 * t) / (t + 800)),
    limit: { Eg: 0.0634, Emean: 0.0634, Egibbs: 0.0634 },
  });
  // Refine the minimum between grid points (as the engine does).
  let best = { t: 1, E: Infinity };
  for (let lt = 0; lt <= 5; lt += 0.001) {
    const t = 10 ** lt;
    if (Eg(t) < best.E) best = { t, E: Eg(t) };
  }
  c.earlyStop = {
    case: 'inside',
    t: best.t,
    Eg: best.E,
    gain: 0.0634 / best.E,
    side: null,
    monotone: false,
    open: null,
  };
  return c;
}

/** Langevin at γ = 0: E_g grows linearly (docs/theory.md §6), E_g(∞) = ∞. */
export const divergentCurve = (): CurveResult =>
  makeCurve({
    params: { regime: 'langevin', gamma: 0, T: 1e-4, sigma2: 0.05 },
    Eg: (t) => 0.4 * (1 + t) ** -0.667 + 2e-6 * t,
    Etr: (t) => 0.3 * (1 + t) ** -0.667 + 0.04,
    earlyStop: { case: 'inside' },
    limit: {
      Eg: Infinity,
      Egibbs: Infinity,
      Emean: 0.0214,
      divergent: true,
      Etr: 0.04,
      postVarPerT: Infinity,
    },
  });

/** Langevin reaches the posterior (docs/lessons.md #5): Gibbs 0.0487, posterior mean 0.0214. */
export const langevinCurve = (): CurveResult =>
  makeCurve({
    params: { regime: 'langevin', gamma: 1e-3, T: 1e-4, sigma2: 0.05 },
    t: timeGrid(1e-2, 1e7, 61),
    Eg: (t) =>
      0.4 * (1 + t) ** -0.667 + 0.0487 * (1 - Math.exp(-t / 1e4)) + 0.0214 * Math.exp(-t / 1e4),
    Etr: (t) => 0.3 * (1 + t) ** -0.667 + 0.03,
    limit: { Eg: 0.0487, Egibbs: 0.0487, Emean: 0.0214, postVarPerT: 273, Etr: 0.03 },
  });

/** All values equal: a flat curve. */
export const flatCurve = (): CurveResult =>
  makeCurve({
    Eg: () => 0.05,
    Etr: () => 0.05,
    limit: { Eg: 0.05, Emean: 0.05, Egibbs: 0.05, Etr: 0.05 },
  });

/** One time point only. */
export const singlePointCurve = (): CurveResult =>
  makeCurve({
    t: [10],
    Eg: () => 0.1,
    Etr: () => 0.08,
    limit: { Eg: 0.1, Emean: 0.1, Egibbs: 0.1 },
  });

/** Fifteen decades of error: 1e3 down to 1e-12. */
export const hugeRangeCurve = (): CurveResult =>
  makeCurve({
    params: { sigma2: 0 },
    Eg: (t) => Math.max(1e-12, 1e3 * (t / 1e-2) ** -(15 / 8)),
    Etr: (t) => Math.max(1e-13, 5e2 * (t / 1e-2) ** -(15 / 8)),
    limit: { Eg: 1e-12, Emean: 1e-12, Egibbs: 1e-12, Etr: 1e-13 },
  });

/** NaN, ±Infinity, zeros and negative numbers among valid values. */
export function nonFiniteCurve(): CurveResult {
  const c = basicCurve();
  c.Eg[3] = NaN;
  c.Eg[10] = Infinity;
  c.Eg[20] = 0;
  c.Eg[21] = -1e-3;
  c.Etr[30] = -Infinity;
  c.Etr[31] = NaN;
  return c;
}

export function pins(): { id: string; label: string; color: string; curve: CurveResult }[] {
  return [
    {
      id: 'a',
      label: 'P = 100',
      color: 'var(--c-pin-0)',
      curve: makeCurve({ Eg: (t) => 0.5 / Math.sqrt(1 + t) + 0.04, Etr: (t) => 0.01 + 0 * t }),
    },
    {
      id: 'b',
      label: 'P = 1600',
      color: 'var(--c-pin-1)',
      curve: makeCurve({
        t: timeGrid(1, 1e5, 30),
        Eg: (t) => 0.5 / Math.sqrt(1 + t) + 0.003,
        Etr: () => 0.001,
      }),
    },
  ];
}

export function simResult(): SimResult {
  const t = timeGrid(1e-1, 1e5, 13);
  const EgMean = Float64Array.from(
    t,
    (v) => (0.5 / Math.sqrt(1 + v) + 0.01) * (1 + 0.03 * Math.sin(v)),
  );
  const EgSem = Float64Array.from(EgMean, (v) => 0.04 * v);
  const EtrMean = Float64Array.from(t, (v) => 0.3 / Math.sqrt(1 + v) + 0.004);
  const EtrSem = Float64Array.from(EtrMean, (v) => 0.05 * v);
  // A mean whose lower error bar crosses zero (drawn to the bottom of the plot).
  EgSem[12] = EgMean[12] * 1.5;
  return { t, EgMean, EgSem, EtrMean, EtrSem, seeds: 16, ms: 300 };
}

export function simTheory(): CurveResult {
  return makeCurve({
    params: { M: 2000 },
    Eg: (t) => 0.5 / Math.sqrt(1 + t) + 0.012,
    Etr: (t) => 0.3 / Math.sqrt(1 + t) + 0.005,
  });
}

function fit(slope: number, C: number, xmin: number, xmax: number, n: number): PowerFit {
  return { slope, intercept: Math.log10(C), r2: 0.999, xmin, xmax, n };
}

/** Data-limited scaling (docs/lessons.md #2): E_g(∞) ∝ P^{-1.03}, predicted −1. */
export function sweepP(): SweepResult {
  const x = Float64Array.from({ length: 9 }, (_, i) => 100 * 2 ** (i / 2));
  const Eg = Float64Array.from(x, (v) => 3 * v ** -1.03 * (1 + 0.02 * Math.cos(v)));
  return {
    axis: 'P',
    at: 'inf',
    tFixed: 1e3,
    x,
    Eg,
    fit: fit(-1.03, 3, 100, 1600, 9),
    fitGap: null,
    law: null,
    predicted: -1,
    peak: null,
    current: 400,
    currentEg: 3 * 400 ** -1.03,
  };
}

/** Double descent at N = P = 300 (docs/lessons.md #4), at fixed t, with a divergent point. */
export function sweepN(): SweepResult {
  const x = Float64Array.from([100, 200, 280, 300, 320, 400, 600, 1200]);
  const Eg = Float64Array.from([0.101, 0.177, 0.976, Infinity, 1.04, 0.239, 0.104, 0.059]);
  return {
    axis: 'N',
    at: 't',
    tFixed: 1e3,
    x,
    Eg,
    fit: fit(-1.27, 0.239 * 400 ** 1.27, 400, 1200, 3),
    fitGap: null,
    law: null,
    predicted: -1,
    peak: 300,
    current: 1000,
    currentEg: 0.07,
  };
}

export function sweepOnePoint(): SweepResult {
  return {
    axis: 'P',
    at: 'tstar',
    tFixed: 1e3,
    x: Float64Array.from([400]),
    Eg: Float64Array.from([0.0282]),
    fit: null,
    fitGap: 'too-few',
    law: null,
    predicted: -0.5,
    peak: null,
    current: 400,
    currentEg: 0.0282,
  };
}

/** Per-mode learning for λ_k = k^{-1.5}: ℓ_k(t) ≈ 1 − e^{−λ_k t}, with a little overshoot. */
export function modesBasic(): ModeResult {
  const alpha = 1.5;
  const k = Float64Array.from(
    new Set(Array.from({ length: 40 }, (_, i) => Math.round(10 ** ((3 * i) / 39)))),
  );
  const t = timeGrid(1e-2, 1e6, 60);
  const frac = new Float64Array(k.length * t.length);
  for (let i = 0; i < k.length; i++) {
    const lam = k[i] ** -alpha;
    for (let j = 0; j < t.length; j++) {
      const x = lam * t[j];
      // Overshoot near the boundary (values slightly above 1) and a small negative dip.
      frac[i * t.length + j] = 1 - Math.exp(-x) + 0.06 * x * Math.exp(-x) - (x < 1e-3 ? 0.01 : 0);
    }
  }
  const kappaInf = 1e-4;
  const fracInf = Float64Array.from(k, (v) => v ** -alpha / (v ** -alpha + kappaInf));
  const boundary = Float64Array.from(t, (v) => (1 / v + kappaInf) ** (-1 / alpha));
  return { k, t, frac, fracInf, boundary };
}

/** 200 × 400 modes × times: downsampled to the cell cap. */
export function modesLarge(): ModeResult {
  const k = Float64Array.from({ length: 200 }, (_, i) => Math.round(10 ** ((4 * i) / 199)) + i);
  const t = timeGrid(1e-2, 1e6, 400);
  const frac = new Float64Array(k.length * t.length);
  for (let i = 0; i < k.length; i++)
    for (let j = 0; j < t.length; j++)
      frac[i * t.length + j] = 1 - Math.exp(-(k[i] ** -1.5) * t[j]);
  return {
    k,
    t,
    frac,
    fracInf: new Float64Array(k.length).fill(1),
    boundary: Float64Array.from(t, (v) => v ** (1 / 1.5)),
  };
}

/** Interpolation: E_tr falls to 10⁻¹² while E_g levels off at 0.05. */
export const etrPlungeCurve = (): CurveResult =>
  makeCurve({
    Eg: (t) => 0.5 / Math.sqrt(1 + t) + 0.05,
    Etr: (t) => Math.max(1e-12, (0.4 / Math.sqrt(1 + t) + 0.04) * Math.exp(-t / 1e3)),
    limit: { Eg: 0.05, Emean: 0.05, Egibbs: 0.05, Etr: 0 },
  });

/** Compute-optimal frontier (docs/lessons.md #9): L*(C) ∝ C^{-0.25}, C = N·t in 10³…10⁹, P = 10⁷. */
export function sweepC(): SweepResult {
  const x = Float64Array.from({ length: 10 }, (_, i) => 10 ** (3 + (6 * i) / 9));
  const Eg = Float64Array.from(x, (v) => 0.9 * v ** -0.26 * (1 + 0.01 * Math.cos(Math.log(v))));
  return {
    axis: 'C',
    at: 'inf',
    tFixed: NaN,
    x,
    Eg,
    fit: fit(-0.26, 0.9, 1e3, 1e9, 10),
    fitGap: null,
    law: null,
    predicted: -0.25,
    peak: null,
    current: NaN,
    currentEg: NaN,
    P: 1e7,
  };
}

/** The sizes the app draws a scaling panel at: the 1440×900 side column, narrower, the stage. */
export const SCALING_SIZES = [
  ['normal', 390, 190],
  ['normal', 375, 300],
  ['normal', 560, 260],
  ['lecture', 800, 300],
  ['lecture', 560, 300],
] as const;
