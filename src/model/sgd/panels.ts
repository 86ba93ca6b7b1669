// What the SGD regime's side panels draw (docs/theory.md §9.8), for a configuration of the
// parameter table: E_g against B at fixed steps S and at fixed samples n = B·S, the critical
// batch at n, E_g after S steps against η with its optimum and the slope of its falling branch,
// and the three schedules at the same peak η and horizon. Every number is a run of the engine.
import { ParamError, type Params } from '../params.ts';
import { stableFit, type PowerFit } from '../theory/fit.ts';
import {
  batchSweep,
  compareSchedules,
  criticalBatch,
  errorAfter,
  etaSweep,
  type BatchSweep,
  type CriticalBatch,
  type EtaSweep,
  type ScheduleResult,
} from './batch.ts';
import { sgdFrontier, type SgdFrontier, type SgdFrontierOptions } from './frontier.ts';
import { namingParams, sgdParamsOf } from './theory.ts';
import type { SgdParams } from './system.ts';

/** Largest batch of the B sweeps (doublings from 1). */
export const SWEEP_BMAX = 1024;
/** Points of the η sweep (log grid from 10⁻³ η_max to 1.2 η_max). */
export const ETA_POINTS = 16;

export interface SgdEtaPanel extends EtaSweep {
  /** The slope of E_g against η on its falling branch (below the optimum), or null. */
  fit: PowerFit | null;
}

export interface CriticalSide {
  B: number;
  E: number;
  /** E_g at 2B after n/(2B) steps. */
  E2: number;
}

/** The factor either side of B_crit at which the batch lesson compares doubling B. */
export const SIDE_FACTOR = 4;

/** Doubling B at B_crit/4 and at 4·B_crit with the same samples (empty: no critical batch in range). */
function criticalSides(sp: SgdParams, c: CriticalBatch): CriticalSide[] {
  const lo = c.B / SIDE_FACTOR;
  const hi = c.B * SIDE_FACTOR;
  if (!Number.isFinite(c.B) || lo < c.Bmin || 2 * hi > c.samples) return [];
  return [lo, hi].map((B) => ({
    B,
    E: errorAfter({ ...sp, batch: B }, c.samples / B),
    E2: errorAfter({ ...sp, batch: 2 * B }, c.samples / (2 * B)),
  }));
}

export interface SgdSweeps {
  batch: BatchSweep;
  critical: CriticalBatch;
  /**
   * Both sides of the critical batch at the same samples n: B = B_crit/4 and 4·B_crit (when both
   * are stable and leave at least one step to 2B), E_g after n/B steps at B and at 2B.
   */
  sides: CriticalSide[];
  eta: SgdEtaPanel;
  /** constant, cosine and wsd at the same η, B, warm-up, η_min and horizon; lowest first. */
  schedules: ScheduleResult[];
  /** The configuration the sweeps were run for (their claims are made for it). */
  params: Params;
  /** The state's own point: its B and η, and E_g after S steps. */
  current: { batch: number; eta: number; Eg: number };
  ms: number;
}

/**
 * The fixed number of samples of the batch panel: the run's own, n = B·S (with B = ∞, full-batch
 * descent, the samples of B = 1 over the same steps).
 */
export function fixedSamples(p: Pick<Params, 'batch' | 'horizon'>): number {
  return (Number.isFinite(p.batch) ? p.batch : 1) * p.horizon;
}

/** The slope of E_g against η below its optimum (the stable-window rule of §8). */
function etaFit(s: EtaSweep): PowerFit | null {
  let best = 0;
  for (let i = 1; i < s.Eg.length; i++) if (s.Eg[i] < s.Eg[best]) best = i;
  const x = s.eta.slice(0, best + 1);
  const y = s.Eg.slice(0, best + 1);
  return stableFit(x, y, { sign: -1 }).fit;
}

export function computeSgdSweeps(params: Params): SgdSweeps {
  const start = performance.now();
  return namingParams(() => {
    const sp = sgdParamsOf(params);
    const S = params.horizon;
    const samples = fixedSamples(params);
    const batch = batchSweep(sp, { steps: S, samples, Bmax: SWEEP_BMAX });
    const critical = criticalBatch(sp, samples);
    const eta = etaSweep(sp, S, ETA_POINTS);
    return {
      params,
      batch,
      critical,
      sides: criticalSides(sp, critical),
      eta: { ...eta, fit: etaFit(eta) },
      schedules: compareSchedules(sp),
      current: { batch: sp.batch, eta: sp.eta, Eg: errorAfter(sp, S) },
      ms: performance.now() - start,
    };
  });
}

/**
 * The budgets of the frontier: C = N·B·s from 10⁴·B to 10⁹·B (the same steps s = C/(N·B) at every
 * batch size), 7 budgets, N from 4 to 10⁴ (§9.8).
 */
export function sgdFrontierRange(batch: number): SgdFrontierOptions {
  return { Cmin: 1e4 * batch, Cmax: 1e9 * batch, n: 7, Nmin: 4, Nmax: 1e4 };
}

/** The compute-optimal frontier of the SGD regime (C = N·B·s) for a configuration. */
export function computeSgdFrontier(params: Params): SgdFrontier {
  if (!Number.isFinite(params.batch))
    throw new ParamError(
      'batch',
      'B = ∞ spends infinite compute per step: no frontier over C = N·B·s',
    );
  return namingParams(() => sgdFrontier(sgdParamsOf(params), sgdFrontierRange(params.batch)));
}
