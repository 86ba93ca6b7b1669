// The application store: a zustand vanilla core (usable outside React: the URL sync and the
// compute bridge subscribe to it without components), composed of slices:
//   params · view · pins · results · notices
// plus `urlIntent`, which tells the URL sync how the last change should reach the history
// (replace while a slider is dragged, push on commit, nothing when the change came from the URL).
import { createStore } from 'zustand/vanilla';
import {
  DEFAULT_PARAMS,
  enforceConstraints,
  type Adjustment,
  type Params,
} from '../model/params.ts';
import type {
  CurveResult,
  ModeDetail,
  ModeResult,
  SimResult,
  SweepResult,
} from '../model/types.ts';
import type { SpectrumView } from '../model/theory/dataSpectra.ts';
import type { ModeSpectrum } from '../model/theory/measuredSpectrum.ts';
import type { PhaseGrid } from '../model/theory/phaseFit.ts';
import type { FitProgress, RunFitOptions, RunFitResult, RunSet } from '../model/runfit/index.ts';
import type { OrderView, PartsResult } from '../protocol/api.ts';
import type { SgdSweeps } from '../model/sgd/panels.ts';
import type { SgdFrontier } from '../model/sgd/frontier.ts';
import type { ComputeError, SimProgress } from '../protocol/messages.ts';
import {
  COMPUTE_KIND_IDS,
  COMPUTE_KINDS,
  type ComputeKind,
  type KindResultField,
} from '../protocol/kinds.ts';
import { openSource } from './openSource.ts';
import { MAX_PINS, paramsKey } from './pins.ts';
import { DEFAULT_PLAY, type PlayState } from './play.ts';
import type { Notice, UrlState } from './url.ts';
import {
  DEFAULT_VIEW,
  canonicalPanels,
  type PanelId,
  type TimeWindowMode,
  type ViewState,
} from './view.ts';

export type HistoryMode = 'replace' | 'push' | 'none';

export interface UrlIntent {
  mode: HistoryMode;
  /** Increments on every change the URL should see. */
  seq: number;
}

export type SimStatus = 'running' | 'done' | 'cancelled' | 'error';

export interface SimRun {
  /** The configuration simulated (its M is the simulation's M, see simulationModes). */
  params: Params;
  /** Canonical key of the configuration the run was started from (staleness check). */
  key: string;
  status: SimStatus;
  progress: SimProgress;
  /** Aggregate over the seeds finished so far (partial while running). */
  result: SimResult | null;
  /** Theory at the simulation's M, for the comparison. */
  theory: CurveResult | null;
}

/** One real point of the scaling panel: mean ± s.e.m. of the pool test error at size x. */
export interface RealPoint {
  x: number;
  /** The time it is evaluated at (the theory sweep's t for this x, or ∞). */
  t: number;
  mean: number;
  sem: number;
  draws: number;
}

/** Real runs at a few P, drawn on the P scaling panel. */
export interface RealSweepRun {
  /** paramsKey and sweep setting it was started from (staleness check). */
  key: string;
  status: SimStatus;
  progress: SimProgress;
  points: RealPoint[];
}

/** A fit of the user's runs (docs/theory.md §10), from start to its outcome. */
export type RunFitStatus = 'running' | 'done' | 'refused' | 'cancelled' | 'error';

export interface RunFitRun {
  status: RunFitStatus;
  /** Increments with every fit started (the panel compares its inputs with the last fit's). */
  seq: number;
  /** The file's name, or "pasted text". */
  source: string;
  options: RunFitOptions;
  progress: FitProgress | null;
  /** Fitted: the result, the runs as read (for the runs JSON), and their counts. */
  result: RunFitResult | null;
  set: RunSet | null;
  runs: number;
  rows: number;
  /** Refused: the parser's or the fit's message (with its line in the file when it has one). */
  refusal: { message: string; line: number | null } | null;
}

/** A user's own spectrum (data = custom), loaded from a file: too large for a link. */
export interface CustomSpectrum {
  /** File name, or "pasted text". */
  name: string;
  modes: ModeSpectrum;
  /** Increments on every load, so a new file is computed again. */
  version: number;
}

export type ComputeStatus = 'idle' | 'pending' | 'ok' | 'error';

export interface Results {
  curve: CurveResult | null;
  /** Request id of the curve shown (for the input → redraw latency probe). */
  curveId: number;
  /** paramsKey of the configuration the curve shown was computed for. */
  curveKey: string;
  modes: ModeResult | null;
  sweepP: SweepResult | null;
  sweepN: SweepResult | null;
  /** The compute-optimal frontier as a sweep over C. */
  frontier: SweepResult | null;
  /** The phase diagram's fitted grid so far, and the key of the state it belongs to. */
  phase: { key: string; grid: PhaseGrid } | null;
  /** Curves of the pins, by paramsKey. */
  pinCurves: Readonly<Record<string, CurveResult>>;
  sim: SimRun | null;
  /** Measured data: eigenvalues, target powers and the fitted laws. */
  spectrum: SpectrumView | null;
  /** Measured data: the curve of the fitted power laws, on the curve's times. */
  fitted: CurveResult | null;
  /** paramsKey of the (windowed) configuration the fitted curve was computed for. */
  fittedKey: string;
  realSweep: RealSweepRun | null;
  /** The fit of the user's runs (Fit my runs panel; drawn on the phase diagram too). */
  runfit: RunFitRun | null;
  /** The parts of E_g over the curve's times (the decomposition panel). */
  parts: PartsResult | null;
  /** The order parameters over τ = the curve's times (the order-parameter panel). */
  order: OrderView | null;
  /** The inspected mode in detail (the mode inspector). */
  mode: ModeDetail | null;
  /** One-pass SGD: E_g against B and η after S steps, the critical batch, the schedules. */
  sgdSweeps: SgdSweeps | null;
  /** One-pass SGD: the compute-optimal frontier over C = N·B·s. */
  sgdFrontier: SgdFrontier | null;
  status: Readonly<Record<ComputeKind, ComputeStatus>>;
  errors: Readonly<Partial<Record<ComputeKind, ComputeError>>>;
}

const IDLE = Object.fromEntries(COMPUTE_KIND_IDS.map((k) => [k, 'idle'])) as Record<
  ComputeKind,
  ComputeStatus
>;

/** Every field a compute kind fills (protocol/kinds.ts) is one of the results. */
type KindFields = Pick<Results, KindResultField>;

/** Nothing computed: each kind's field empty (null unless its record says otherwise). */
const EMPTY_KIND_RESULTS = Object.fromEntries(
  COMPUTE_KIND_IDS.map((k) => [COMPUTE_KINDS[k].result, COMPUTE_KINDS[k].empty ?? null]),
) as KindFields;

const EMPTY_RESULTS: Results = {
  ...EMPTY_KIND_RESULTS,
  curveId: 0,
  curveKey: '',
  fittedKey: '',
  status: IDLE,
  errors: {},
};

export interface AppData {
  params: Params;
  view: ViewState;
  /** Pinned configurations, oldest first; colour i is --c-pin-i. */
  pins: readonly Params[];
  results: Results;
  /** What the URL parser changed, shown in the url-notice banner. */
  urlNotices: readonly Notice[];
  /** Cross-parameter adjustments of the last edit (e.g. tmax pushed above tmin). */
  adjustments: readonly Adjustment[];
  urlIntent: UrlIntent;
  /** Time under the learning curve's crosshair (shared with the mode panel); not in the URL. */
  cursorT: number | null;
  /** The spectrum of data = custom, once a file is loaded (not in the URL: shared as a file). */
  custom: CustomSpectrum | null;
  /**
   * The time cursor held on the learning curve (placed by a click or drag, moved by Play), with
   * its read-out; the mode panel follows it. Not in the URL.
   */
  timeCursor: number | null;
  /** The animation (Play); not in the URL. */
  play: PlayState;
  /**
   * What a curve in steps (one-pass SGD) is drawn against: the steps s, or the intrinsic time
   * t = Σ η_s where it meets gradient flow (docs/theory.md §9.2). Not in the URL.
   */
  stepsAxis: StepsAxis;
  /**
   * While a slider is dragged, the curve the panels beside the learning curve show and the
   * parameters their sentences use (null: the current ones). Only the learning curve follows every input of a drag; the panels
   * drawn from its curve catch up between its curves when the page is idle, and when the drag
   * pauses or ends (src/compute/dragGate.ts), marked as updating meanwhile. Not in the URL.
   */
  heldCurve: { curve: CurveResult | null; params: Params } | null;
}

export type StepsAxis = 'steps' | 'intrinsic';

/** How an edit enters the browser history. */
export interface EditOptions {
  /** While a slider is being dragged: the URL is replaced, not pushed, until `commit()`. */
  live?: boolean;
}

export interface AppActions {
  /** Set one parameter. */
  setParam<K extends keyof Params>(key: K, value: Params[K], opts?: EditOptions): void;
  /** Set the parameters with a data source chosen in the app (src/state/openSource.ts). */
  openData(p: Params, opts?: EditOptions): void;
  /** Replace all parameters at once. */
  setParams(p: Params, opts?: EditOptions): void;
  /** End of a drag: the current state becomes a history entry. */
  commit(): void;
  setView(patch: Partial<ViewState>, opts?: EditOptions): void;
  togglePanel(id: PanelId): void;
  /** Replace params, view and pins by a parsed URL state (`mode`: how the URL should follow). */
  applyUrlState(s: UrlState, mode: HistoryMode, notices?: readonly Notice[]): void;
  dismissNotices(): void;
  pin(): void;
  /** Pin several configurations at once (those already pinned are kept once). */
  pinConfigs(list: readonly Params[]): void;
  unpin(index: number): void;
  unpinAll(): void;
  /** Merge into the results slice (used by the compute bridge). */
  patchResults(patch: Partial<Results>): void;
  setStatus(kind: ComputeKind, status: ComputeStatus, error?: ComputeError): void;
  setCursorT(t: number | null): void;
  /** Load a user's spectrum and choose it as the data (data = custom). */
  loadCustom(name: string, modes: ModeSpectrum): void;
  setTimeCursor(t: number | null): void;
  setPlay(patch: Partial<PlayState>): void;
  setStepsAxis(axis: StepsAxis): void;
  /** Auto: the window follows the dynamics; manual: freeze the window on screen as tmin, tmax. */
  setTimeWindow(mode: TimeWindowMode): void;
  /**
   * With an automatic window, pins follow the window on screen (so every curve shares its times,
   * in the figure and in the exported data). No history entry: the window is not a user edit.
   */
  pinsFollowWindow(): void;
  /** Hold the panels' curve and parameters at the current ones (a drag goes on), or release. */
  holdCurve(hold: boolean): void;
}

export type AppState = AppData & AppActions;

/**
 * The parameters with the time window on screen: in the automatic mode, tmin and tmax of the
 * last curve (the simulation, the mode panel and pins use the same times as the curve).
 */
export function windowedParams(s: Pick<AppData, 'params' | 'view' | 'results'>): Params {
  const w = s.results.curve?.window;
  if (s.view.timeWindow !== 'auto' || !w?.auto) return s.params;
  return { ...s.params, tmin: w.tmin, tmax: w.tmax };
}
export type AppStore = ReturnType<typeof createAppStore>;

const INITIAL_DATA: AppData = {
  params: DEFAULT_PARAMS,
  view: DEFAULT_VIEW,
  pins: [],
  results: EMPTY_RESULTS,
  urlNotices: [],
  adjustments: [],
  urlIntent: { mode: 'none', seq: 0 },
  cursorT: null,
  custom: null,
  timeCursor: null,
  play: DEFAULT_PLAY,
  stepsAxis: 'steps',
  heldCurve: null,
};

function intent(prev: UrlIntent, opts: EditOptions = {}): UrlIntent {
  return { mode: opts.live ? 'replace' : 'push', seq: prev.seq + 1 };
}

export function createAppStore(initial: Partial<AppData> = {}) {
  return createStore<AppState>()((set, get) => ({
    ...INITIAL_DATA,
    ...initial,

    setParam(key, value, opts) {
      const s = get();
      if ((key === 'tmin' || key === 'tmax') && s.view.timeWindow === 'auto') {
        // Typing a bound makes the window manual; the other bound keeps the window on screen.
        const shown = windowedParams(s);
        set({ view: { ...s.view, timeWindow: 'manual' } });
        get().setParams({ ...shown, [key]: value }, opts);
        return;
      }
      if (Object.is(s.params[key], value)) {
        if (!opts?.live) get().commit();
        return;
      }
      const next = { ...s.params, [key]: value };
      if (key === 'data') get().openData(next, opts);
      else get().setParams(next, opts);
    },

    openData(p, opts) {
      const c = get().custom;
      const opened = openSource(p, c && { name: c.name, modes: c.modes.lam.length });
      get().setParams(opened?.params ?? p, opts);
      if (opened) set((s) => ({ adjustments: [...s.adjustments, opened.note] }));
    },

    setParams(p, opts) {
      const adjustments: Adjustment[] = [];
      const params = enforceConstraints(p, adjustments);
      set((s) => ({ params, adjustments, urlIntent: intent(s.urlIntent, opts) }));
    },

    commit() {
      set((s) => ({ urlIntent: intent(s.urlIntent) }));
    },

    setView(patch, opts) {
      set((s) => {
        const view = { ...s.view, ...patch };
        if (patch.panels) view.panels = canonicalPanels(patch.panels);
        return { view, urlIntent: intent(s.urlIntent, opts) };
      });
    },

    togglePanel(id) {
      const panels = get().view.panels;
      get().setView({
        panels: panels.includes(id) ? panels.filter((p) => p !== id) : [...panels, id],
      });
    },

    applyUrlState(u, mode, notices) {
      set((s) => ({
        params: u.params,
        view: { ...u.view, panels: canonicalPanels(u.view.panels) },
        pins: u.pins.slice(0, MAX_PINS),
        adjustments: [],
        urlNotices: notices ?? s.urlNotices,
        urlIntent: { mode, seq: s.urlIntent.seq + 1 },
      }));
    },

    dismissNotices() {
      set({ urlNotices: [] });
    },

    pin() {
      set((s) => {
        // A pin keeps the window on screen, so its curve is drawn over the same times.
        const pinned = windowedParams(s);
        const key = paramsKey(pinned);
        if (s.pins.some((p) => paramsKey(p) === key)) return {};
        // Oldest pin leaves when the palette is full.
        const pins = [...s.pins, pinned].slice(-MAX_PINS);
        // The curve on screen is reused only if it belongs to these parameters (not a stale one).
        const pinCurves =
          s.results.curve && s.results.curveKey === key
            ? { ...s.results.pinCurves, [key]: s.results.curve }
            : s.results.pinCurves;
        return {
          pins,
          results: { ...s.results, pinCurves },
          urlIntent: intent(s.urlIntent),
        };
      });
    },

    pinConfigs(list) {
      set((s) => {
        const keys = new Set(s.pins.map(paramsKey));
        const fresh = list.filter((p) => {
          const k = paramsKey(p);
          if (keys.has(k)) return false;
          keys.add(k);
          return true;
        });
        if (fresh.length === 0) return {};
        return { pins: [...s.pins, ...fresh].slice(-MAX_PINS), urlIntent: intent(s.urlIntent) };
      });
    },

    unpin(index) {
      set((s) => ({
        pins: s.pins.filter((_, i) => i !== index),
        urlIntent: intent(s.urlIntent),
      }));
    },

    pinsFollowWindow() {
      const s = get();
      const w = s.results.curve?.window;
      if (s.view.timeWindow !== 'auto' || !w?.auto) return;
      if (s.pins.every((p) => p.tmin === w.tmin && p.tmax === w.tmax)) return;
      set({ pins: s.pins.map((p) => ({ ...p, tmin: w.tmin, tmax: w.tmax })) });
    },

    unpinAll() {
      if (get().pins.length === 0) return;
      set((s) => ({ pins: [], urlIntent: intent(s.urlIntent) }));
    },

    patchResults(patch) {
      set((s) => ({ results: { ...s.results, ...patch } }));
    },

    holdCurve(hold) {
      const s = get();
      if (!hold) {
        if (s.heldCurve) set({ heldCurve: null });
      } else if (s.heldCurve?.curve !== s.results.curve || s.heldCurve.params !== s.params)
        set({ heldCurve: { curve: s.results.curve, params: s.params } });
    },

    setCursorT(cursorT) {
      set({ cursorT });
    },

    loadCustom(name, modes) {
      const version = (get().custom?.version ?? 0) + 1;
      set({ custom: { name, modes, version } });
      get().openData({ ...get().params, data: 'custom' });
    },

    setTimeCursor(timeCursor) {
      if (get().timeCursor !== timeCursor) set({ timeCursor });
    },

    setPlay(patch) {
      set((s) => ({ play: { ...s.play, ...patch } }));
    },

    setStepsAxis(stepsAxis) {
      // The held time cursor is a position on the axis it was placed on.
      if (get().stepsAxis !== stepsAxis) set({ stepsAxis, timeCursor: null });
    },

    setTimeWindow(mode) {
      const s = get();
      if (s.view.timeWindow === mode) return;
      if (mode === 'manual') set({ params: windowedParams(s) });
      get().setView({ timeWindow: mode });
    },

    setStatus(kind, status, error) {
      set((s) => {
        // Unchanged (a pending kind submitted again while dragging): no new state, so no
        // subscriber runs and no component re-renders.
        const clears = !error && status !== 'pending' && kind in s.results.errors;
        if (s.results.status[kind] === status && !error && !clears) return s;
        // The same errors object while they do not change (the error banner reads it).
        let errors = s.results.errors;
        if (error) errors = { ...errors, [kind]: error };
        else if (clears) {
          const { [kind]: _cleared, ...rest } = errors;
          errors = rest;
        }
        // Bad input for the state on screen (a spectrum file not loaded, a size out of range):
        // the result still held is of another state, and is not shown or exported as this one's.
        const field = COMPUTE_KINDS[kind].result;
        const stale =
          error?.kind === 'param' && STATE_RESULTS.includes(field) ? { [field]: null } : {};
        return {
          results: {
            ...s.results,
            ...stale,
            status: { ...s.results.status, [kind]: status },
            errors,
          },
        };
      });
    },
  }));
}

/** Results that belong to one state of the parameters (not pins' curves, nor runs kept for comparison). */
const STATE_RESULTS: readonly string[] = [
  'curve',
  'modes',
  'sweepP',
  'sweepN',
  'frontier',
  'spectrum',
  'fitted',
  'parts',
  'order',
  'mode',
  'phase',
];

/** The application's store. Tests create their own with createAppStore() or reset this one. */
export const appStore = createAppStore();

/** Reset a store to its initial state (tests). */
export function resetStore(store: AppStore = appStore): void {
  store.setState(store.getInitialState(), true);
}

/** The shareable part of the state. */
export function urlStateOf(s: AppData): UrlState {
  return { params: s.params, view: s.view, pins: [...s.pins] };
}
