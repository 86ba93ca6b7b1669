// The SGD regime's parameters and the node set they select (docs/theory.md §9): the power law
// or a measured spectrum, at N = ∞ (the spectrum itself, nodes.ts) or finite N (the
// deterministic-equivalent spectrum of Σ_A, finiteN.ts). Building a finite-N measure costs a
// few hundred complex κ solves, so it is cached per (spectrum, N): moving η, B or the schedule
// reuses it.
import type { RegisteredSpectrum } from '../theory/dataSpectra.ts';
import type { ModeSpectrum } from '../theory/measuredSpectrum.ts';
import type { Spectrum } from '../theory/spectrum.ts';
import { finiteNMeasure, type BaseSpectrum, type FiniteNMeasure } from './finiteN.ts';
import { nodesFromSpectrum, powerLawNodes, type SgdNodes } from './nodes.ts';
import type { SgdSystem } from './recursion.ts';
import { SCHEDULE_KINDS, type Schedule, type ScheduleKind } from './schedule.ts';

/** A measured spectrum for the SGD engine (what the data registry holds). */
export interface SgdData {
  /** Cache key (the registry key, e.g. "mnist/relu/parity"). */
  key: string;
  /** λ_k and c_k per mode. */
  modes: ModeSpectrum;
  /** The compressed node set of docs/theory.md §5.1 (used at N = ∞). */
  nodes: Spectrum;
  /** The fitted exponents of λ_k and of the target's tail (sets the eigenvalue cells at finite
   * N; quoted in the laws). */
  alpha: number;
  beta: number;
}

/** The SGD engine's view of a registered measured spectrum (theory/dataSpectra.ts). */
export function sgdDataFrom(key: string, entry: RegisteredSpectrum): SgdData {
  return {
    key,
    modes: entry.modes,
    nodes: entry.measured,
    alpha: entry.fit.alpha,
    beta: entry.fit.beta,
  };
}

/** Everything one-pass SGD depends on (URL keys and CLI flags: the field names). */
export interface SgdParams {
  alpha: number;
  beta: number;
  /** Modes (Infinity allowed); unused with `data`. */
  M: number;
  /** Features (Infinity: the kernel limit). */
  N: number;
  sigma2: number;
  sigma02: number;
  /** Peak learning rate η. */
  eta: number;
  /** Batch size B ≥ 1 (Infinity: full-batch descent on the population loss). */
  batch: number;
  schedule: ScheduleKind;
  /** S: the step at which cosine and wsd end. */
  horizon: number;
  /** wsd: the fraction of S spent decaying. */
  decay: number;
  /** η_min/η. */
  final: number;
  /** Steps of linear warm-up. */
  warmup: number;
  /** A measured spectrum instead of the power law (α, β, M are then ignored). */
  data?: SgdData | null;
}

export const DEFAULT_SGD: SgdParams = {
  alpha: 1.5,
  beta: 2,
  M: Infinity,
  N: Infinity,
  sigma2: 0.05,
  sigma02: 0,
  eta: 0.3,
  batch: 1,
  schedule: 'constant',
  horizon: 1e4,
  decay: 0.2,
  final: 0,
  warmup: 0,
};

export function scheduleOf(p: SgdParams): Schedule {
  return {
    kind: p.schedule,
    eta: p.eta,
    horizon: p.horizon,
    decay: p.decay,
    final: p.final,
    warmup: p.warmup,
  };
}

/** A bad SGD parameter: `param` names it (the key of SgdParams, which is its URL key). */
export class SgdParamError extends RangeError {
  readonly param: keyof SgdParams;
  constructor(param: keyof SgdParams, message: string) {
    super(`${param}: ${message}`);
    this.name = 'SgdParamError';
    this.param = param;
  }
}

/**
 * Largest finite N of the SGD theory: the finite-N spectrum's one-off cost grows like √N κ solves
 * over ~√N modes (0.4 s at 10⁵, 1 s at 3·10⁵ on these machines).
 */
export const MAX_SGD_N = 3e5;

/** Reject what the SGD engine cannot use, naming the parameter. */
export function checkSgdParams(p: SgdParams): void {
  const bad = (key: keyof SgdParams, msg: string) => new SgdParamError(key, msg);
  if (!p.data) {
    if (!(p.alpha > 1)) throw bad('alpha', `must be > 1, got ${p.alpha}`);
    if (!(p.beta > 1)) throw bad('beta', `must be > 1, got ${p.beta}`);
    if (!(p.M >= 1)) throw bad('M', `must be ≥ 1, got ${p.M}`);
  }
  if (!(p.N >= 1) || (Number.isFinite(p.N) && p.N > MAX_SGD_N))
    throw bad('N', `must be in [1, ${MAX_SGD_N}] or inf, got ${p.N}`);
  if (!(p.sigma2 >= 0) || !Number.isFinite(p.sigma2)) throw bad('sigma2', `must be finite and ≥ 0`);
  if (!(p.sigma02 >= 0) || !Number.isFinite(p.sigma02))
    throw bad('sigma02', `must be finite and ≥ 0`);
  if (!(p.batch >= 1)) throw bad('batch', `must be ≥ 1 (or inf), got ${p.batch}`);
  if (!(p.eta > 0) || !Number.isFinite(p.eta))
    throw bad('eta', `must be finite and > 0, got ${p.eta}`);
  if (!SCHEDULE_KINDS.includes(p.schedule))
    throw bad('schedule', `must be one of ${SCHEDULE_KINDS.join(', ')}, got ${p.schedule}`);
  if (p.schedule !== 'constant' && !(Number.isInteger(p.horizon) && p.horizon >= 1))
    throw bad('horizon', `must be an integer ≥ 1, got ${p.horizon}`);
  if (!(p.decay > 0 && p.decay <= 1)) throw bad('decay', `must be in (0, 1], got ${p.decay}`);
  if (!(p.final >= 0 && p.final <= 1)) throw bad('final', `must be in [0, 1], got ${p.final}`);
  if (!(Number.isInteger(p.warmup) && p.warmup >= 0))
    throw bad('warmup', `must be an integer ≥ 0, got ${p.warmup}`);
}

/** The spectrum before projection. */
export function baseSpectrum(p: SgdParams): BaseSpectrum {
  return p.data
    ? { kind: 'modes', modes: p.data.modes, alpha: p.data.alpha }
    : { kind: 'powerlaw', alpha: p.alpha, beta: p.beta, M: p.M };
}

const finiteCache = new Map<string, FiniteNMeasure>();

/** The deterministic-equivalent measure of Σ_A (cached). */
export function finiteMeasure(p: SgdParams): FiniteNMeasure {
  const key = p.data ? `${p.data.key}|${p.N}` : `${p.alpha}|${p.beta}|${p.M}|${p.N}`;
  let m = finiteCache.get(key);
  if (!m) {
    m = finiteNMeasure(baseSpectrum(p), p.N);
    if (finiteCache.size > 32) finiteCache.clear();
    finiteCache.set(key, m);
  }
  return m;
}

/**
 * The node set for a run whose intrinsic time t = Σ η_s stays below tMax (the M = ∞ tail of
 * the power law is carried down to λ·tMax = 1e-3).
 */
export function sgdNodes(p: SgdParams, tMax: number): SgdNodes {
  if (Number.isFinite(p.N)) return finiteMeasure(p).nodes;
  if (p.data) return nodesFromSpectrum(p.data.nodes);
  return powerLawNodes(p.alpha, p.beta, p.M, tMax);
}

export function sgdSystem(p: SgdParams, tMax: number): SgdSystem {
  checkSgdParams(p);
  return { nodes: sgdNodes(p, tMax), sigma2: p.sigma2, sigma02: p.sigma02, batch: p.batch };
}
