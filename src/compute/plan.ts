// What to ask the theory workers for, given the state. The curve always: it follows a dragged
// slider live. The sweeps and the frontier (sweep worker) once a drag pauses. The modes and the
// next pin without a curve (main worker) only once the curve is answered, so that a moving
// slider never waits behind them; so do the mean field's internals (the parts of E_g, the order
// parameters, the inspected mode), which share the curve's time window. Each request carries a key built from its inputs: a kind is
// requested again only when its key changes, and only while its panel is visible.
import { DEFAULT_PARAMS, type Params } from '../model/params.ts';
import { inSteps } from '../model/regimes.ts';
import type { PhaseRequest } from './phaseGrid.ts';
import type { CurveRequest, SweepRequest, TheoryKind, TheoryKinds } from '../protocol/kinds.ts';
import { paramsKey, paramsKeyWithout } from '../state/pins.ts';
import { windowedParams, type AppData } from '../state/store.ts';
import type { ViewState } from '../state/view.ts';
import { isMeasured } from '../model/data/sources.ts';

// The requests and answers of the theory kinds are declared with their calls (protocol/kinds.ts).
export type {
  CurveRequest,
  ModeRequest,
  SweepRequest,
  TheoryKind,
  TheoryKinds,
} from '../protocol/kinds.ts';

export type Request = {
  [K in TheoryKind]: { kind: K; key: string; req: TheoryKinds[K][0] };
}[TheoryKind];

export interface Plan {
  curve: Request;
  /** For the sweep worker, once a drag pauses. */
  sweeps: Request[];
  /** For the main worker, once a drag pauses and the curve is answered. */
  afterCurve: Request[];
  /** The phase diagram's fitted grid (null: not shown, or n/a for measured data). */
  phase: { key: string; req: PhaseRequest | null };
}

/** The pins scheduler as the plan needs it. */
export interface PinsState {
  busy: boolean;
  /** Key of the pin requested last (a pin whose request failed is not asked for again). */
  lastKey: string | undefined;
}

/** The key of a curve request (a parameter sweep's frames are cached under it). */
export function curveKey(r: CurveRequest): string {
  return `${paramsKey(r.p)}&window=${r.window}`;
}

/**
 * What the sweeps (over P, N and the compute C) do not read: the curve's number of times and the
 * simulation's seed and seeds (theory/sweep.ts reads the time window's ends, for t* and t_max,
 * never the curve's grid; theory/frontier.ts neither). When only these move, a sweep is not asked
 * for again and its panels do not wait for it.
 */
const UNSWEPT: readonly (keyof Params)[] = ['nt', 'seed', 'seeds'];

function sweepKey(p: Params, view: ViewState): string {
  return `${paramsKeyWithout(p, UNSWEPT)}|${view.at}|${view.at === 't' ? view.tAt : ''}`;
}

export function planRequests(s: AppData, pins: PinsState): Plan {
  if (inSteps(s.params.regime)) return planSteps(s, pins);
  const panels = s.view.panels;
  const sweeps: Request[] = [];
  // The frontier depends on the parameters only (not on the view's at / tAt).
  if (panels.includes('frontier'))
    sweeps.push({ kind: 'frontier', key: paramsKeyWithout(s.params, UNSWEPT), req: s.params });
  for (const axis of ['P', 'N'] as const) {
    // The exponent table fits the sweeps too: they are computed when either is shown.
    if (!panels.includes(axis === 'P' ? 'scalingP' : 'scalingN') && !panels.includes('exponents'))
      continue;
    const req: SweepRequest = { p: s.params, axis, at: s.view.at, tAt: s.view.tAt };
    sweeps.push({ kind: axis === 'P' ? 'sweepP' : 'sweepN', key: sweepKey(s.params, s.view), req });
  }
  const afterCurve: Request[] = [];
  // The mode panel shares the curve's time window (automatic or typed).
  if (panels.includes('modes')) {
    const w = windowedParams(s);
    afterCurve.push({ kind: 'modes', key: paramsKey(w), req: w });
  }
  // Measured data: the spectrum plot and the fitted power law's curve on the curve's times.
  if (isMeasured(s.params)) {
    const { data, kernel, task } = s.params;
    afterCurve.push({ kind: 'spectrum', key: `${data}/${kernel}/${task}`, req: s.params });
    const w = windowedParams(s);
    afterCurve.push({ kind: 'fitted', key: paramsKey(w), req: w });
  }
  afterCurve.push(...meanFieldRequests(s));
  afterCurve.push(...pinRequest(s, pins));
  return { curve: curveRequest(s), sweeps, afterCurve, phase: phasePlan(s) };
}

function curveRequest(s: AppData): Request {
  const curveReq: CurveRequest = { p: s.params, window: s.view.timeWindow };
  return { kind: 'curve', key: curveKey(curveReq), req: curveReq };
}

/** The next pin without a curve (a pin whose request failed is not asked for again). */
function pinRequest(s: AppData, pins: PinsState): Request[] {
  if (pins.busy) return [];
  const missing = s.pins.find((p) => {
    const k = paramsKey(p);
    return !(k in s.results.pinCurves) && !(k === pins.lastKey && s.results.errors.pins);
  });
  return missing ? [{ kind: 'pins', key: paramsKey(missing), req: missing }] : [];
}

/**
 * A regime in steps (one-pass SGD, docs/theory.md §9): its curve, its own sweeps (E_g against B
 * and η, the schedules: the caption and the exponent table read them too), its frontier when
 * shown, the measured spectrum, and the pins. The panels of the fixed-dataset theory (P and N
 * sweeps, modes, the mean field's internals, the phase diagram) are not computed here.
 */
function planSteps(s: AppData, pins: PinsState): Plan {
  const key = paramsKey(s.params);
  const sweeps: Request[] = [{ kind: 'sgdSweeps', key, req: s.params }];
  if (s.view.panels.includes('frontier')) sweeps.push({ kind: 'sgdFrontier', key, req: s.params });
  const afterCurve: Request[] = [];
  if (s.params.data !== 'powerlaw') {
    const { data, kernel, task } = s.params;
    afterCurve.push({ kind: 'spectrum', key: `${data}/${kernel}/${task}`, req: s.params });
  }
  afterCurve.push(...pinRequest(s, pins));
  return { curve: curveRequest(s), sweeps, afterCurve, phase: { key: '', req: null } };
}

/**
 * The grid over (α, β) at every other parameter of the state; its key leaves α and β out, so
 * moving the marker keeps it. Measured data do not change with α and β: no grid then.
 */
function phasePlan(s: AppData): Plan['phase'] {
  const v = s.view;
  if (!v.panels.includes('phase') || isMeasured(s.params)) return { key: '', req: null };
  const p = { ...s.params, alpha: DEFAULT_PARAMS.alpha, beta: DEFAULT_PARAMS.beta };
  const key = `${paramsKey(p)}|${v.phase}|${v.timeWindow}`;
  return { key, req: { p, exponent: v.phase, window: v.timeWindow } };
}

/**
 * The inspected mode on a power-law spectrum: at most M (a link may name a mode beyond the M
 * chosen later); a measured spectrum's size is known to the worker only, which says so.
 */
export function inspectedMode(s: Pick<AppData, 'params' | 'view'>): number {
  const M = isMeasured(s.params) ? Infinity : s.params.M;
  return Math.min(s.view.mode, M);
}

/** The panels of the mean field's internals, each on the curve's time window. */
function meanFieldRequests(s: AppData): Request[] {
  const panels = s.view.panels;
  const w = windowedParams(s);
  const key = paramsKey(w);
  const out: Request[] = [];
  if (panels.includes('decomposition')) out.push({ kind: 'parts', key, req: w });
  if (panels.includes('order')) out.push({ kind: 'order', key, req: w });
  if (panels.includes('inspector')) {
    const k = inspectedMode(s);
    out.push({ kind: 'mode', key: `${key}|k=${k}`, req: { p: w, k } });
  }
  return out;
}
