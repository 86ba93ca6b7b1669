// The compute kinds as a table: one record per kind of result the app asks the workers for, with
// the worker it runs on, the worker call and the field of the store's results it fills
// (state/store.ts Results). The kinds, the latest-only schedulers (compute/schedulers.ts), the
// idle status and empty results (state/store.ts) and the error banner's labels (ui/Banners.tsx)
// are all read from here (docs/architecture.md "How to add a compute kind").
import type { Params } from '../model/params.ts';
import type { SizeAxis, SweepAt } from '../model/types.ts';
import type { TheoryApi } from './api.ts';
import type { Envelope } from './messages.ts';

/** The workers of compute/client.ts. */
export type WorkerName = 'main' | 'sweep' | 'phase' | 'sim' | 'real' | 'realSweep' | 'fit';

/** A curve: the parameters and how its time window is chosen ('auto': from the dynamics). */
export interface CurveRequest {
  p: Params;
  window: 'auto' | 'manual';
}

export interface ModeRequest {
  p: Params;
  k: number;
}

export interface SweepRequest {
  p: Params;
  axis: SizeAxis;
  at: SweepAt;
  tAt: number;
}

/**
 * A kind answered by one call on a theory worker, scheduled latest-only: the answer of `call` is
 * filed under `result` (compute/schedulers.ts; a few kinds file it their own way, said there).
 */
export interface TheoryKindSpec<Req, Res, F extends string = string> {
  /** What the error banner calls it. */
  label: string;
  worker: 'main' | 'sweep';
  call: (api: TheoryApi, req: Req) => Promise<Envelope<Res>>;
  /** The field of the store's results it fills. */
  result: F;
  /** That field before anything is computed (default null). */
  empty?: object;
}

/** A kind with a runner of its own (progress, cancel, several workers). */
export interface RunnerKindSpec<F extends string = string> {
  label: string;
  workers: readonly WorkerName[];
  /** The worker method its runner calls. */
  call: string;
  /** The module of src/compute/ that runs it. */
  runner: string;
  result: F;
}

const theory = <Req, Res, F extends string>(k: TheoryKindSpec<Req, Res, F>) => k;
const runner = <F extends string>(k: RunnerKindSpec<F>) => k;

export const THEORY_KINDS = {
  curve: theory({
    label: 'Learning curve',
    worker: 'main',
    call: (api, r: CurveRequest) => api.curve(r.p, r.window),
    result: 'curve',
  }),
  modes: theory({
    label: 'Mode panel',
    worker: 'main',
    call: (api, p: Params) => api.modes(p),
    result: 'modes',
  }),
  sweepP: theory({
    label: 'Scaling with P',
    worker: 'sweep',
    call: (api, r: SweepRequest) => api.sweep(r.p, r.axis, r.at, r.tAt),
    result: 'sweepP',
  }),
  sweepN: theory({
    label: 'Scaling with N',
    worker: 'sweep',
    call: (api, r: SweepRequest) => api.sweep(r.p, r.axis, r.at, r.tAt),
    result: 'sweepN',
  }),
  frontier: theory({
    label: 'Compute-optimal frontier',
    worker: 'sweep',
    call: (api, p: Params) => api.frontier(p),
    result: 'frontier',
  }),
  // One pin at a time, added to the pins' curves by key.
  pins: theory({
    label: 'Pinned curve',
    worker: 'main',
    call: (api, p: Params) => api.curve(p),
    result: 'pinCurves',
    empty: {},
  }),
  // The theory beside a simulation, at the simulation's M: filed into its run.
  simTheory: theory({
    label: 'Theory at the simulation’s M',
    worker: 'main',
    call: (api, p: Params) => api.curve(p),
    result: 'sim',
  }),
  spectrum: theory({
    label: 'Spectrum plot',
    worker: 'main',
    call: (api, p: Params) => api.spectrum(p),
    result: 'spectrum',
  }),
  fitted: theory({
    label: 'Fitted power-law curve',
    worker: 'main',
    call: (api, p: Params) => api.fittedCurve(p),
    result: 'fitted',
  }),
  parts: theory({
    label: 'Error decomposed',
    worker: 'main',
    call: (api, p: Params) => api.parts(p),
    result: 'parts',
  }),
  order: theory({
    label: 'Order parameters',
    worker: 'main',
    call: (api, p: Params) => api.order(p),
    result: 'order',
  }),
  mode: theory({
    label: 'Mode inspector',
    worker: 'main',
    call: (api, r: ModeRequest) => api.mode(r.p, r.k),
    result: 'mode',
  }),
  // One-pass SGD (docs/theory.md §9.8): E_g against B and η, the critical batch, the schedules.
  sgdSweeps: theory({
    label: 'SGD batch-size and learning-rate panels',
    worker: 'sweep',
    call: (api, p: Params) => api.sgdSweeps(p),
    result: 'sgdSweeps',
  }),
  sgdFrontier: theory({
    label: 'SGD compute-optimal frontier',
    worker: 'sweep',
    call: (api, p: Params) => api.sgdFrontier(p),
    result: 'sgdFrontier',
  }),
};

export const RUNNER_KINDS = {
  sim: runner({
    label: 'Simulation or real run',
    workers: ['sim', 'real'],
    call: 'seed (simulator) · run (real data)',
    runner: 'simulation.ts',
    result: 'sim',
  }),
  realSweep: runner({
    label: 'Real points on the scaling panel',
    workers: ['realSweep'],
    call: 'run',
    runner: 'realSweep.ts',
    result: 'realSweep',
  }),
  phase: runner({
    label: 'Phase diagram',
    workers: ['phase', 'sweep'],
    call: 'phasePoints',
    runner: 'phaseGrid.ts',
    result: 'phase',
  }),
  runfit: runner({
    label: 'Fit my runs',
    workers: ['fit'],
    call: 'fit',
    runner: 'runFit.ts',
    result: 'runfit',
  }),
};

export type TheoryKind = keyof typeof THEORY_KINDS;
export type RunnerKind = keyof typeof RUNNER_KINDS;
/** What the main thread asks for. Each kind is scheduled latest-only on its own. */
export type ComputeKind = TheoryKind | RunnerKind;

type Spec<K extends TheoryKind> = (typeof THEORY_KINDS)[K];
/** The request and the answer of each theory kind, read off its call. */
export type TheoryKinds = {
  [K in TheoryKind]: Spec<K> extends TheoryKindSpec<infer Req, infer Res> ? [Req, Res] : never;
};

/** What every kind has: the banner's label and the field of the results it fills. */
export interface KindSpec {
  label: string;
  result: string;
  empty?: object;
}

export const COMPUTE_KINDS: Readonly<Record<ComputeKind, KindSpec>> = {
  ...THEORY_KINDS,
  ...RUNNER_KINDS,
};

export const THEORY_KIND_IDS = Object.keys(THEORY_KINDS) as TheoryKind[];
export const COMPUTE_KIND_IDS = Object.keys(COMPUTE_KINDS) as ComputeKind[];

/** The fields of the store's results the kinds fill (state/store.ts checks that they exist). */
export type KindResultField =
  (typeof THEORY_KINDS)[TheoryKind]['result'] | (typeof RUNNER_KINDS)[RunnerKind]['result'];
