// The methods each worker exposes through comlink. The workers implement these interfaces and the
// compute clients call them, so neither side imports the other.
import type { Params } from '../model/params.ts';
import type {
  CurveParts,
  CurveResult,
  ErrorSplit,
  ModeDetail,
  ModeResult,
  OrderResult,
  SimResult,
  SizeAxis,
  SweepAt,
  SweepResult,
} from '../model/types.ts';
import type { Envelope } from './messages.ts';
import type { FitProgress, RunFitOptions, RunFitOutcome } from '../model/runfit/index.ts';
import type { SeedErrors } from '../model/simulation/evaluate.ts';
import type { SpectrumView } from '../model/theory/dataSpectra.ts';
import type { ModeSpectrum } from '../model/theory/measuredSpectrum.ts';
import type { SecondColumn, SpectrumParse } from '../model/data/customSpectrum.ts';
import type { PhaseExponent } from '../model/theory/phase.ts';
import type { PhaseFitOptions, PhasePoint } from '../model/theory/phaseFit.ts';
import type { SgdSweeps } from '../model/sgd/panels.ts';
import type { SgdFrontier } from '../model/sgd/frontier.ts';

// Theory calls are asynchronous: with a pool source's data the worker first fetches the measured spectrum.
export interface TheoryApi {
  /** `window`: 'auto' lets the engine choose tmin, tmax from the dynamics. */
  curve(p: Params, window?: 'auto' | 'manual'): Promise<Envelope<CurveResult>>;
  /** Measured data: the curve of the fitted power laws (dashed overlay). */
  fittedCurve(p: Params): Promise<Envelope<CurveResult>>;
  /** Measured data: eigenvalues, target powers and fitted laws for the spectrum plot. */
  spectrum(p: Params): Promise<Envelope<SpectrumView | null>>;
  modes(p: Params): Promise<Envelope<ModeResult>>;
  sweep(p: Params, axis: SizeAxis, at: SweepAt, tFixed: number): Promise<Envelope<SweepResult>>;
  /** The compute-optimal frontier as a sweep over C = N·t. */
  frontier(p: Params): Promise<Envelope<SweepResult>>;
  /** The parts of E_g over the time grid and at t → ∞ (docs/theory.md §2–§4). */
  parts(p: Params): Promise<Envelope<PartsResult>>;
  /** The order parameters κ, R, 1/(1 − Γ) on τ = the time grid, and at τ → ∞. */
  order(p: Params): Promise<Envelope<OrderView>>;
  /** Mode k in detail (the mode inspector). */
  mode(p: Params, k: number): Promise<Envelope<ModeDetail>>;
  /** One-pass SGD: E_g against B and η after S steps, the critical batch, the schedules. */
  sgdSweeps(p: Params): Promise<Envelope<SgdSweeps>>;
  /** One-pass SGD: the compute-optimal frontier over C = N·B·s. */
  sgdFrontier(p: Params): Promise<Envelope<SgdFrontier>>;
  /**
   * Compute one curve at p and discard it (compute/warmUp.ts: a fresh worker's engine runs slowly
   * until V8 has optimised it). Answers the milliseconds it took.
   */
  warmUp(p: Params): Promise<Envelope<number>>;
  /** Register a user's spectrum as data = custom (each worker keeps its own copy). */
  setCustom(modes: ModeSpectrum): Promise<Envelope<null>>;
  /** Fitted exponents at points (α, β) of the phase diagram, with the rest of p. */
  phasePoints(
    exponent: PhaseExponent,
    p: Params,
    ab: [number, number][],
    opts: PhaseFitOptions,
  ): Promise<Envelope<PhasePoint[]>>;
}

export interface PartsResult {
  t: Float64Array;
  Eg: Float64Array;
  parts: CurveParts;
  limit: ErrorSplit<number>;
}

/** The order parameters on the time grid, with their values at τ → ∞ (λ = γ). */
export interface OrderView extends OrderResult {
  atInfinity: { kappa: number; R: number; amplification: number };
}

/** What a simulation reports beyond E_g and E_tr (the mean-field view). */
export interface SimulateExtras {
  /** The parts of E_g (label noise averaged exactly per draw). */
  parts?: boolean;
  /** Population modes k whose mean learned fraction is read out. */
  modes?: number[];
}

/**
 * The spectrum file reader (data = custom): files are read in this worker, streamed and checked
 * line by line, never whole on the page; the answer's arrays are transferred.
 */
export interface SpectrumFileApi {
  /** Read a file (its size is checked before reading a byte). */
  readFile(file: Blob, column: SecondColumn | 'auto'): Promise<SpectrumParse>;
  /** Read pasted text. */
  readText(text: string, column: SecondColumn | 'auto'): Promise<SpectrumParse>;
  /** The last CSV read again with another reading of its second column (null: nothing to reuse). */
  reinterpret(column: SecondColumn | 'auto'): Promise<SpectrumParse | null>;
}

/** Test builds only: the theory worker also answers these. */
export interface CrashHook {
  /** An uncaught error outside any call, as a real crash would be. */
  crash(): void;
  /** Never answer (an endless loop, as a hung computation would): the watchdog's case. */
  hang(): void;
}

/** Progress of a simulation: seeds done, seeds in all, and the aggregate so far. */
export type SimProgressCallback = (done: number, total: number, partial: SimResult) => void;

export interface SimulateApi {
  /** Seed `index` of the run (the index-th random stream of p.seed) at simulationTimes(p). */
  seed(p: Params, index: number, extras?: SimulateExtras): Envelope<SeedErrors>;
}

/** Real runs on a source's pool (the worker fetches the pool on its first run). */
export interface RealApi {
  /** `times`: where to evaluate (default: log-spaced over the window, as the simulator does). */
  run(
    p: Params,
    onProgress: SimProgressCallback,
    times?: Float64Array,
  ): Promise<Envelope<SimResult>>;
}

/** Fitting a user's runs (docs/theory.md §10): the file goes to the worker unread (a pasted text,
 * or a File the worker reads), so that parsing a large file never holds up the page. */
export interface RunFitApi {
  fit(
    source: string | Blob,
    options: RunFitOptions,
    onProgress: (p: FitProgress) => void,
  ): Promise<Envelope<RunFitOutcome>>;
}
