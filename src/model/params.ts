// The parameter table: the one declaration from which the URL codec, the CLI flags, the sliders
// and validation are all derived. Keys are the URL keys and the CLI flag names.
// Conventions are those of docs/theory.md §0.

import { KERNEL_WORDS, KERNELS, type KernelKey } from './data/kernels.ts';
import { TASKS, type TaskKey } from './data/tasks.ts';
import { REGIME, REGIMES, inSteps, regimesOwning, regimesWith, type Regime } from './regimes.ts';
import { MAX_SGD_N } from './sgd/limits.ts';
import { SCHEDULE_KINDS, type ScheduleKind } from './sgd/schedule.ts';
import {
  CHOICE_SOURCES,
  DATA_SOURCES,
  LAW_SOURCES,
  POOL_SOURCES,
  sourceChoiceFix,
  sourceOf,
  type DataSource,
} from './data/sources.ts';
import { logspace } from './grid.ts';

export { DATA_SOURCES, type DataSource } from './data/sources.ts';

// The regimes are a table of their own (regimes.ts); re-exported for the many readers of params.
export { REGIME_LABELS, REGIMES, type Regime } from './regimes.ts';

/** A full configuration of the model. `Infinity` stands for N = ∞ (kernel limit) or M = ∞. */
export interface Params {
  alpha: number;
  beta: number;
  P: number;
  N: number;
  M: number;
  sigma2: number;
  gamma: number;
  T: number;
  sigma02: number;
  regime: Regime;
  tmin: number;
  tmax: number;
  nt: number;
  seed: number;
  seeds: number;
  /** Where the spectrum comes from (src/model/data/sources.ts): the power law (α, β), a pool of
   * images (kernel × task), a user's file. */
  data: DataSource;
  kernel: KernelKey;
  task: TaskKey;
  // One-pass SGD (docs/theory.md §9): its own parameters, acting in that regime only.
  /** Peak learning rate η. */
  eta: number;
  /** Batch size B (∞: full-batch descent on the population loss). */
  batch: number;
  schedule: ScheduleKind;
  /** S: the run's last step; cosine and wsd reach η_min there. */
  horizon: number;
  /** wsd: the fraction of S over which η decays. */
  decay: number;
  /** η_min/η. */
  final: number;
  /** W: steps of linear warm-up. */
  warmup: number;
}

/** Keys whose values are one of a list of words. */
export type EnumKey = 'regime' | 'data' | 'kernel' | 'task' | 'schedule';
export type NumericKey = Exclude<keyof Params, EnumKey>;

export interface NumericSpec {
  key: NumericKey;
  kind: 'number';
  label: string;
  /** Symbol as KaTeX source. */
  symbol: string;
  unit: string;
  /** One-line explanation shown beside the control. */
  help: string;
  min: number;
  max: number;
  default: number;
  /** Slider scale. 'log' sliders run over [logMin, max]; 0 (if allowed) sits at the left end. */
  scale: 'log' | 'linear';
  /** Smallest positive value on a log slider when min = 0 (the slider's left end is then 0). */
  logMin?: number;
  integer?: boolean;
  /** Accepts `inf` / Infinity (N: kernel limit, M: infinitely many modes). */
  allowInf?: boolean;
  /**
   * Regimes in which this parameter acts; elsewhere the control is disabled. Derived from the
   * regime records (regimesWith), never listed by hand.
   */
  regimes: readonly Regime[];
  /**
   * The value at which the parameter has no effect (γ = T = σ₀² = 0): effectiveParams sets it in
   * the regimes where the parameter does not act.
   */
  neutral?: number;
  /** Slider step for linear scales. */
  step?: number;
  /** The data sources with which this parameter acts (default: all). */
  data?: readonly DataSource[];
  /** The SGD schedules with which this parameter acts (default: all; decay: wsd only). */
  schedules?: readonly ScheduleKind[];
}

export interface EnumSpec {
  key: EnumKey;
  kind: 'enum';
  label: string;
  symbol: string;
  unit: string;
  help: string;
  options: readonly string[];
  default: string;
  regimes: readonly Regime[];
  /** The data sources with which this parameter acts (default: all). */
  data?: readonly DataSource[];
  schedules?: readonly ScheduleKind[];
}

export type ParamSpec = NumericSpec | EnumSpec;

const ALL = REGIMES;
const DYNAMIC = regimesWith('dynamics');
// The typed time window is one of continuous training time (SGD's curve spans its horizon).
const FLOW_TIME = regimesWith('flowTime');

/** "a, b, or c" */
function orList(words: readonly string[]): string {
  return words.length < 3
    ? words.join(' or ')
    : `${words.slice(0, -1).join(', ')}, or ${words[words.length - 1]}`;
}

/** The names of the sources with a kernel × task choice: "MNIST and Fashion-MNIST". */
function choiceNames(ids: readonly DataSource[] = CHOICE_SOURCES): string {
  return ids.map((d) => sourceOf(d).words?.name ?? d).join(' and ');
}

/** Largest finite P and N the engine supports (the quadrature adapts down to κ ~ P^{-α}). */
export const MAX_SIZE = 1e7;
/** Largest finite number of modes; above it use `inf`. */
export const MAX_MODES = 1e8;

export const PARAM_SPECS: readonly ParamSpec[] = [
  {
    key: 'regime',
    kind: 'enum',
    label: 'Learning regime',
    symbol: '',
    unit: '',
    help: 'Gradient flow, with weight decay, Langevin training, the Bayesian posterior it samples at t → ∞, or one-pass SGD.',
    options: REGIMES,
    default: 'gf',
    regimes: ALL,
  },
  {
    key: 'alpha',
    kind: 'number',
    label: 'Spectrum exponent',
    symbol: '\\alpha',
    unit: '',
    help: 'Kernel eigenvalues fall as λ_k = k^{-α} (capacity); larger α = faster decay.',
    min: 1.05,
    max: 4,
    default: 1.5,
    scale: 'linear',
    step: 0.01,
    regimes: ALL,
    // A measured spectrum brings its own exponents and number of modes (makeEngine).
    data: LAW_SOURCES,
  },
  {
    key: 'beta',
    kind: 'number',
    label: 'Target exponent',
    symbol: '\\beta',
    unit: '',
    help: 'Target power per mode λ_k w̄_k² = k^{-β} (source); larger β = smoother, easier target.',
    min: 1.05,
    max: 6,
    default: 2,
    scale: 'linear',
    step: 0.01,
    regimes: ALL,
    // A measured spectrum brings its own exponents and number of modes (makeEngine).
    data: LAW_SOURCES,
  },
  {
    key: 'P',
    kind: 'number',
    label: 'Dataset size',
    symbol: 'P',
    unit: 'samples',
    help: 'Number of training examples.',
    min: 1,
    max: MAX_SIZE,
    // The landing state (with N, σ² below) shows all three laws: fitted slopes in t, P and N
    // within 0.05 of −(β−1)/α, −min(β−1, 2α), −min(β−1, α), each law's condition met over its
    // fit window (scripts/scanDefaults.ts; test/claims/landing.test.ts).
    default: 1e6,
    scale: 'log',
    integer: true,
    regimes: regimesWith('dataset'),
  },
  {
    key: 'N',
    kind: 'number',
    label: 'Model size',
    symbol: 'N',
    unit: 'features',
    help: 'Number of random features (trainable weights); ∞ is the kernel limit.',
    min: 1,
    max: MAX_SIZE,
    default: 1e5,
    scale: 'log',
    integer: true,
    allowInf: true,
    regimes: ALL,
  },
  {
    key: 'M',
    kind: 'number',
    label: 'Number of modes',
    symbol: 'M',
    unit: 'modes',
    help: 'Eigenmodes of the data (truncation of the spectrum); ∞ keeps the whole power-law tail.',
    min: 2,
    max: MAX_MODES,
    default: Infinity,
    scale: 'log',
    integer: true,
    allowInf: true,
    regimes: ALL,
    // A measured spectrum brings its own exponents and number of modes (makeEngine).
    data: LAW_SOURCES,
  },
  {
    key: 'sigma2',
    kind: 'number',
    label: 'Label noise',
    symbol: '\\sigma^2',
    unit: 'variance',
    help: 'Variance of the noise added to each training label.',
    min: 0,
    max: 10,
    // No label noise by default: the sizes' laws are those of t → ∞ (with noise the P law is
    // the early-stopping one, approached too slowly to read at the landing state).
    default: 0,
    scale: 'log',
    logMin: 1e-6,
    regimes: ALL,
  },
  {
    key: 'gamma',
    kind: 'number',
    label: 'Weight decay',
    symbol: '\\gamma',
    unit: '1/time',
    help: 'Ridge penalty (γ/2)|w|²; in the Bayesian view, prior variance T/γ.',
    min: 0,
    max: 10,
    default: 1e-3,
    scale: 'log',
    logMin: 1e-8,
    regimes: regimesWith('weightDecay'),
    neutral: 0,
  },
  {
    key: 'T',
    kind: 'number',
    label: 'Temperature',
    symbol: 'T',
    unit: 'loss units',
    help: 'Langevin noise √(2T) dB; the stationary law is the posterior with noise variance P·T.',
    min: 0,
    max: 1,
    default: 1e-4,
    scale: 'log',
    logMin: 1e-10,
    regimes: regimesWith('temperature'),
    neutral: 0,
  },
  {
    key: 'sigma02',
    kind: 'number',
    label: 'Init variance',
    symbol: '\\sigma_0^2',
    unit: 'variance',
    help: 'Variance of each weight at initialisation, w(0) ~ N(0, σ₀² I).',
    min: 0,
    max: 10,
    default: 0,
    scale: 'log',
    logMin: 1e-6,
    regimes: DYNAMIC,
    neutral: 0,
  },
  // One-pass SGD's own parameters (docs/theory.md §9.1): they act in the regimes that own them.
  {
    key: 'eta',
    kind: 'number',
    label: 'Learning rate',
    symbol: '\\eta',
    unit: 'per step',
    help: 'Peak step size η of SGD; at or above the stability edge η_{max} the run diverges.',
    min: 1e-4,
    max: 10,
    default: 0.3,
    scale: 'log',
    regimes: regimesOwning('eta'),
  },
  {
    key: 'batch',
    kind: 'number',
    label: 'Batch size',
    symbol: 'B',
    unit: 'samples/step',
    help: 'Fresh samples per SGD step; ∞ is full-batch descent on the population loss.',
    min: 1,
    max: 1e5,
    default: 1,
    scale: 'log',
    integer: true,
    allowInf: true,
    regimes: regimesOwning('batch'),
  },
  {
    key: 'schedule',
    kind: 'enum',
    label: 'Schedule',
    symbol: '',
    unit: '',
    help: 'η_s: constant; cosine from η down to η_{min} at S; wsd (warm-up, stable, decay): η until (1 − f)S, then linear to η_{min} at S.',
    options: SCHEDULE_KINDS,
    default: 'constant',
    regimes: regimesOwning('schedule'),
  },
  {
    key: 'horizon',
    kind: 'number',
    label: 'Horizon',
    symbol: 'S',
    unit: 'steps',
    help: 'Steps of the run: the curve spans s = 1 … S, where cosine and wsd reach η_{min}.',
    min: 10,
    max: 1e7,
    default: 1e4,
    scale: 'log',
    integer: true,
    regimes: regimesOwning('horizon'),
  },
  {
    key: 'decay',
    kind: 'number',
    label: 'Decay fraction',
    symbol: 'f',
    unit: 'of S',
    help: 'wsd: the last fraction f of the horizon, over which η falls linearly to η_{min}.',
    min: 0.01,
    max: 1,
    default: 0.2,
    scale: 'linear',
    step: 0.01,
    regimes: regimesOwning('decay'),
    schedules: ['wsd'],
  },
  {
    key: 'final',
    kind: 'number',
    label: 'Final rate',
    symbol: '\\eta_{\\min}/\\eta',
    unit: '',
    help: 'cosine and wsd: the rate they end at, as a fraction of η (0: training stops at S).',
    min: 0,
    max: 1,
    default: 0,
    scale: 'linear',
    step: 0.01,
    regimes: regimesOwning('final'),
    schedules: ['cosine', 'wsd'],
  },
  {
    key: 'warmup',
    kind: 'number',
    label: 'Warm-up',
    symbol: 'W',
    unit: 'steps',
    help: 'Steps of linear warm-up: η_s is multiplied by min(1, (s + 1)/W); 0: none.',
    min: 0,
    max: 1e6,
    default: 0,
    scale: 'log',
    logMin: 1,
    integer: true,
    regimes: regimesOwning('warmup'),
  },
  {
    key: 'tmin',
    kind: 'number',
    label: 'First time',
    symbol: 't_{\\min}',
    unit: 'time',
    help: 'Start of the time window (training time in units of the learning rate).',
    min: 1e-3,
    max: 1e7,
    default: 1e-2,
    scale: 'log',
    regimes: FLOW_TIME,
  },
  {
    key: 'tmax',
    kind: 'number',
    label: 'Last time',
    symbol: 't_{\\max}',
    unit: 'time',
    help: 'End of the time window.',
    min: 1e-2,
    max: 1e8,
    default: 1e6,
    scale: 'log',
    regimes: FLOW_TIME,
  },
  {
    key: 'nt',
    kind: 'number',
    label: 'Time points',
    symbol: 'n_t',
    unit: 'points',
    help: 'Number of log-spaced times on the curve.',
    min: 2,
    max: 400,
    default: 60,
    scale: 'linear',
    step: 1,
    integer: true,
    regimes: DYNAMIC,
  },
  {
    key: 'seed',
    kind: 'number',
    label: 'Seed',
    symbol: '\\text{seed}',
    unit: '',
    help: 'Seed of the random generator of the exact simulation (data, features, noise).',
    min: 0,
    max: 2147483647,
    default: 1,
    scale: 'linear',
    step: 1,
    integer: true,
    regimes: ALL,
  },
  {
    key: 'seeds',
    kind: 'number',
    label: 'Simulation seeds',
    symbol: 'S',
    unit: 'runs',
    help: 'Independent draws averaged by the exact simulation (error bars: ±1 s.e.m.).',
    min: 1,
    max: 256,
    default: 16,
    scale: 'log',
    integer: true,
    regimes: ALL,
  },
  // The data: the power-law world, or a measured spectrum (docs/theory.md §0; src/model/data/).
  {
    key: 'data',
    kind: 'enum',
    label: 'Data',
    symbol: '',
    unit: '',
    help: `The spectrum: the power law (α, β), the measured one of ${POOL_SOURCES.map((s) => `${s.words.name} ${s.words.items}`).join(' or ')} (kernel × task), or your own file.`,
    options: DATA_SOURCES,
    default: 'powerlaw',
    regimes: ALL,
  },
  {
    key: 'kernel',
    kind: 'enum',
    label: 'Kernel',
    symbol: '',
    unit: '',
    help: `${choiceNames()} only: ${KERNELS.map((k) => KERNEL_WORDS[k]).join(' or ')}.`,
    options: KERNELS,
    default: 'relu',
    regimes: ALL,
    data: CHOICE_SOURCES,
  },
  {
    key: 'task',
    kind: 'enum',
    label: 'Task',
    symbol: '',
    unit: '',
    help: `Labels ±1 (by default the first task of the data source); ${CHOICE_SOURCES.map((d) => `${choiceNames([d])}: ${orList(sourceOf(d).tasks.map((t) => t.label))}`).join('; ')}.`,
    options: TASKS,
    default: 'parity',
    regimes: ALL,
    data: CHOICE_SOURCES,
  },
];

export const SPEC_BY_KEY: Readonly<Record<keyof Params, ParamSpec>> = Object.fromEntries(
  PARAM_SPECS.map((s) => [s.key, s]),
) as Record<keyof Params, ParamSpec>;

export function numericSpec(key: NumericKey): NumericSpec {
  return SPEC_BY_KEY[key] as NumericSpec;
}

export const DEFAULT_PARAMS: Readonly<Params> = Object.freeze(
  Object.fromEntries(PARAM_SPECS.map((s) => [s.key, s.default])) as unknown as Params,
);

/** Whether a parameter acts in the given regime (its control is disabled otherwise). */
export function isActive(key: keyof Params, regime: Regime): boolean {
  return SPEC_BY_KEY[key].regimes.includes(regime);
}

/** Whether a parameter acts with the given data source (kernel, task: the pool sources; α, β, M: the power law). */
export function actsWithData(key: keyof Params, data: DataSource): boolean {
  const only = SPEC_BY_KEY[key].data;
  return only === undefined || only.includes(data);
}

/** Whether a parameter acts with the given SGD schedule (decay: wsd; final: cosine and wsd). */
export function actsWithSchedule(key: keyof Params, schedule: ScheduleKind): boolean {
  const only = SPEC_BY_KEY[key].schedules;
  return only === undefined || only.includes(schedule);
}

/**
 * The parameters the theory actually uses: those that do not act in the regime are set to their
 * neutral value (gradient flow: γ = T = 0; weight decay: T = 0; Bayes: σ₀² = 0, no init). The
 * rule is the table's: a parameter with a `neutral` value that is inactive in the regime.
 */
export function effectiveParams(p: Params): Params {
  const q = { ...p };
  for (const s of NEUTRALISED) if (!s.regimes.includes(p.regime)) q[s.key] = s.neutral!;
  return q;
}

const NEUTRALISED = PARAM_SPECS.filter(
  (s): s is NumericSpec => s.kind === 'number' && s.neutral !== undefined,
);

/** A parameter-naming error: the model never returns NaN silently. */
export class ParamError extends Error {
  readonly param: keyof Params;
  constructor(param: keyof Params, message: string) {
    super(message);
    this.name = 'ParamError';
    this.param = param;
  }
}

/** The parameters of the model itself (not the time window, the seeds or the regime). */
export const MODEL_KEYS: readonly NumericKey[] = [
  'alpha',
  'beta',
  'P',
  'N',
  'M',
  'sigma2',
  'gamma',
  'T',
  'sigma02',
];

export interface ValidateOptions {
  /** The keys checked (default: every key of the table). */
  keys?: readonly (keyof Params)[];
  /**
   * Whether integer keys must hold integers. The theory is analytic in P, N and M (sweeps and the
   * compute-optimal search move them continuously); the simulator draws P samples and N features.
   */
  integers?: boolean;
}

/** Why a value is outside its spec's domain, or null when it is inside. */
export function domainError(spec: ParamSpec, v: unknown, integers = true): string | null {
  const bad = () => `${spec.key} = ${String(v)} is out of its domain (${describeRange(spec)})`;
  if (spec.kind === 'enum') return (spec.options as readonly unknown[]).includes(v) ? null : bad();
  if (typeof v !== 'number' || Number.isNaN(v)) return bad();
  if (v === Infinity) return spec.allowInf ? null : bad();
  if (!(v >= spec.min && v <= spec.max)) return bad();
  if (integers && spec.integer && !Number.isInteger(v)) return bad();
  return null;
}

/**
 * Check a configuration against PARAM_SPECS and the cross-parameter rules (tmin < tmax; the
 * Bayesian posterior needs γ > 0). The one validation of the engine, the simulator and the CLI:
 * throws a ParamError naming the first parameter outside its domain.
 */
export function validateParams(p: Params, { keys, integers = true }: ValidateOptions = {}): void {
  const checked = keys ?? PARAM_SPECS.map((s) => s.key);
  for (const key of checked) {
    const reason = domainError(SPEC_BY_KEY[key], p[key], integers);
    if (reason) throw new ParamError(key, reason);
  }
  if (checked.includes('tmax') && checked.includes('tmin') && !(p.tmax > p.tmin))
    throw new ParamError('tmax', `tmax = ${p.tmax} must exceed tmin = ${p.tmin}`);
  // A whole configuration only: the engine's equations stay finite at γ = 0 (a limit it reports).
  const must = positiveKey(p.regime);
  if (checked.includes('regime') && must && !(p[must.key] > 0))
    throw new ParamError(must.key, `${REGIME[p.regime].noun} needs ${must.key} > 0 (${must.why})`);
  if (checked.includes('regime') && checked.includes('N') && sgdTooWide(p))
    throw new ParamError('N', `N = ${p.N}: ${SGD_N_WHY}`);
  if (checked.includes('data')) assertDataChoice(p);
}

/** The SGD theory's finite-N spectrum is built up to MAX_SGD_N features (docs/theory.md §9.5). */
const SGD_N_WHY = `${REGIME.sgd.noun} takes N ≤ ${MAX_SGD_N} or inf (the finite-N spectrum of §9.5)`;

function sgdTooWide(p: Pick<Params, 'regime' | 'N'>): boolean {
  return inSteps(p.regime) && Number.isFinite(p.N) && p.N > MAX_SGD_N;
}

/** The parameter that must be positive in a regime (regimes.ts), typed as a key of the table. */
function positiveKey(r: Regime): { key: NumericKey; symbol: string; why: string } | undefined {
  const must = REGIME[r].positive;
  return must && { ...must, key: must.key as NumericKey };
}

/** The kernel and task must be offered by the data source (src/model/data/sources.ts). */
export function assertDataChoice(p: Pick<Params, 'data' | 'kernel' | 'task'>): void {
  const fix = sourceChoiceFix(p);
  for (const key of ['kernel', 'task'] as const)
    if (fix && fix[key] !== p[key]) throw new ParamError(key, notOffered(p, key));
}

/** "task parity is not offered by data fashion (one of footwear, tops)" */
function notOffered(p: Pick<Params, 'data' | 'kernel' | 'task'>, key: 'kernel' | 'task'): string {
  const s = sourceOf(p);
  const offered = key === 'kernel' ? s.kernels : s.tasks.map((t) => t.key);
  return `${key} ${p[key]} is not offered by data ${p.data} (one of ${offered.join(', ')})`;
}

/** "integer in [1, 10000000] or inf", "one of gf, wd, langevin, bayes": a spec's domain in words. */
export function rangeText(spec: ParamSpec): string {
  if (spec.kind === 'enum') return `one of ${spec.options.join(', ')}`;
  const inf = spec.allowInf ? ' or inf' : '';
  const int = spec.integer ? 'integer ' : '';
  return `${int}in [${spec.min}, ${spec.max}]${inf}`;
}

/** "alpha: in [1.05, 4]" — the allowed range of a parameter, in words. */
export function describeRange(spec: ParamSpec): string {
  if (spec.kind === 'enum') return `${spec.key} in {${spec.options.join(', ')}}`;
  return `${spec.key}: ${rangeText(spec)}`;
}

export interface Adjustment {
  key: string;
  /** The raw value received (string form). */
  from: string;
  /** The value used instead (string form), or '' when the key was dropped. */
  to: string;
  reason: string;
}

/**
 * Bring one raw value into range. Returns the value and, when it changed, the reason.
 * Accepts numbers and strings ("1e-3", "inf", "∞").
 */
export function coerceValue(
  spec: NumericSpec,
  raw: unknown,
): { value: number; reason: string | null } {
  let x: number;
  if (typeof raw === 'number') x = raw;
  else if (typeof raw === 'string') {
    const s = raw.trim().toLowerCase();
    if (s === 'inf' || s === 'infinity' || s === '∞' || s === '+inf') x = Infinity;
    else if (s === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) x = NaN;
    else x = Number(s);
  } else x = NaN;
  if (Number.isNaN(x)) return { value: spec.default, reason: 'not a number; default used' };
  // Digits beyond the largest double ("1e400") are not a request for ∞: clamped and said.
  if (!Number.isFinite(x) && typeof raw === 'string' && /\d/.test(raw)) {
    const v = x > 0 ? spec.max : spec.min;
    return { value: v, reason: `too large to be a number (it overflows); clamped to ${v}` };
  }
  if (x === Infinity && spec.allowInf) return { value: Infinity, reason: null };
  if (!Number.isFinite(x)) {
    const v = x > 0 ? spec.max : spec.min;
    return { value: v, reason: `${spec.key} cannot be infinite; clamped to ${v}` };
  }
  let v = x;
  let reason: string | null = null;
  if (v < spec.min) {
    v = spec.min;
    reason = `below the minimum ${spec.min}`;
  } else if (v > spec.max) {
    v = spec.max;
    reason = `above the maximum ${spec.max}`;
  }
  if (spec.integer && !Number.isInteger(v)) {
    v = Math.round(v);
    reason = reason ?? 'not an integer; rounded';
  }
  return { value: v, reason };
}

/** Cross-parameter constraints, applied after per-key clamping. */
export function enforceConstraints(p: Params, notes: Adjustment[]): Params {
  const q = { ...p };
  if (!(q.tmax > q.tmin)) {
    const old = q.tmax;
    q.tmax = Math.min(numericSpec('tmax').max, q.tmin * 10);
    if (!(q.tmax > q.tmin)) q.tmin = q.tmax / 10;
    notes.push({
      key: 'tmax',
      from: String(old),
      to: String(q.tmax),
      reason: 'the time window must satisfy tmin < tmax',
    });
  }
  const must = positiveKey(q.regime);
  if (must && !(q[must.key] > 0)) {
    const to = numericSpec(must.key).default;
    notes.push({
      key: must.key,
      from: String(q[must.key]),
      to: formatValue(to),
      reason: `${REGIME[q.regime].noun} needs ${must.symbol} > 0 (${must.why})`,
    });
    q[must.key] = to;
  }
  if (sgdTooWide(q)) {
    notes.push({ key: 'N', from: String(q.N), to: String(MAX_SGD_N), reason: SGD_N_WHY });
    q.N = MAX_SGD_N;
  }
  // A source's own kernel and task when it does not offer the ones held (choosing another data
  // source in the app: silently, as the chooser then shows them; sanitizeParams notes a value a
  // link gave).
  return { ...q, ...sourceChoiceFix(q) };
}

/**
 * Validate a partial, untrusted record of raw values: clamp, default and report. Never throws.
 * Unknown keys are reported and dropped.
 */
export function sanitizeParams(
  raw: Record<string, unknown>,
  base: Params = DEFAULT_PARAMS,
): { params: Params; notes: Adjustment[] } {
  const notes: Adjustment[] = [];
  const out: Params = { ...base };
  for (const [key, value] of Object.entries(raw)) {
    // Own keys only: "toString" or "__proto__" from an untrusted link must not match.
    if (!Object.hasOwn(SPEC_BY_KEY, key)) {
      notes.push({ key, from: String(value), to: '', reason: 'not a parameter' });
      continue;
    }
    const spec = (SPEC_BY_KEY as Record<string, ParamSpec>)[key];
    if (spec.kind === 'enum') {
      const s = String(value);
      if (spec.options.includes(s)) (out as unknown as Record<string, string>)[key] = s;
      else
        notes.push({
          key,
          from: s,
          to: spec.default,
          reason: `unknown ${key}; one of ${spec.options.join(', ')}`,
        });
      continue;
    }
    const { value: v, reason } = coerceValue(spec, value);
    (out as unknown as Record<string, number>)[key] = v;
    if (reason) notes.push({ key, from: String(value), to: formatValue(v), reason });
  }
  const fix = sourceChoiceFix(out);
  for (const key of ['kernel', 'task'] as const)
    if (fix && fix[key] !== out[key] && Object.hasOwn(raw, key))
      notes.push({ key, from: out[key], to: fix[key], reason: notOffered(out, key) });
  return { params: enforceConstraints(out, notes), notes };
}

/** Short, exact, round-trippable text of a number ("inf" for ∞). */
export function formatValue(x: number): string {
  if (x === Infinity) return 'inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e21) return String(x);
  const s = String(x);
  const short = Number(x.toPrecision(12));
  return short === x ? String(short) : s;
}

/** n log-spaced times from tmin to tmax inclusive. */
export function timeGrid(tmin: number, tmax: number, n: number): Float64Array {
  // Grids of different n share their times at equal fractions bit for bit (grid.ts): a dragged
  // n_t finds those times solved in the curve worker's cache.
  return logspace(tmin, tmax, n);
}
