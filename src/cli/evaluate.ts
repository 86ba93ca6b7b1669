// One run of the CLI for one configuration: the theory curve, the exact simulation or the
// compute-optimal frontier, as CSV text and as a JSON record.
import { computeCurve } from '../model/theory/curve.ts';
import { computeFrontier } from '../model/theory/frontier.ts';
import type { Params } from '../model/params.ts';
import type { Mode } from './args.ts';
import { phaseCsv } from '../claims/phase.ts';
import { phaseAxes, type PhaseExponent } from '../model/theory/phase.ts';
import { fitPhasePoints } from '../model/theory/phaseFit.ts';
import { meanfieldRecord } from './meanfield.ts';
import { prepareData, realRun } from './real.ts';
import {
  curveCsv,
  curveRecord,
  frontierCsv,
  frontierRecord,
  posteriorCsv,
  resolutionNotes,
  simCsv,
  simRecord,
} from './output.ts';
import { hasDynamics, inSteps } from '../model/regimes.ts';
import { sgdCurveEvaluation, sgdSimulation } from './sgd.ts';

export interface Evaluation {
  csv: string;
  record: Record<string, unknown>;
  /** Lines for stderr (what was chosen on the user's behalf). */
  notes: string[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

/**
 * The theory curve; with repeat > 0 recomputed that many times (without the parts), the median
 * time reported. The record carries the mean-field internals (and mode K when asked for).
 */
function curve(p: Params, repeat: number, modeK: number | null): Evaluation {
  let c = computeCurve(p, { parts: true });
  const inside = meanfieldRecord(p, c, modeK);
  let msPerCurve: number | undefined;
  if (repeat > 0) {
    const ms: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const t0 = performance.now();
      c = computeCurve(p);
      ms.push(performance.now() - t0);
    }
    msPerCurve = median(ms);
  }
  const notes = hasDynamics(p.regime) ? resolutionNotes(c) : [];
  if (msPerCurve !== undefined) notes.push(`msPerCurve=${msPerCurve.toFixed(3)}`);
  return {
    csv: !hasDynamics(p.regime) ? posteriorCsv(c) : curveCsv(c),
    record: { ...curveRecord(c, msPerCurve), ...inside },
    notes,
  };
}

/** The exact simulation at the same sample times as the app's simulation panel. */
async function simulation(p: Params): Promise<Evaluation> {
  if (inSteps(p.regime)) return sgdSimulation(p);
  // Loaded on demand: the theory path does not pay for the simulator's modules.
  const { simulate } = await import('../model/simulation/simulate.ts');
  const { simulationModes } = await import('../model/simulation/simulationModes.ts');
  const { simulationTimes, SIM_POINTS } = await import('../model/simulation/sampleTimes.ts');
  const M = simulationModes(p);
  const q = { ...p, M };
  const t = simulationTimes(q);
  const res = simulate(q, { t, seeds: p.seeds, seed: p.seed });
  const notes = Number.isFinite(p.M) ? [] : [`simulating with M = ${M} modes`];
  // The simulator samples at most SIM_POINTS times (the app's panel does the same): say so when
  // the link or --times asks for more, rather than return fewer rows without a word.
  if (p.nt > t.length)
    notes.push(
      `--simulate samples ${t.length} times, log-spaced over [${p.tmin}, ${p.tmax}], of the ` +
        `${p.nt} asked (at most ${SIM_POINTS}, as the app's simulation panel)`,
    );
  return { csv: simCsv(res), record: simRecord(q, res), notes };
}

/** The phase diagram's grid: every point's predicted and fitted exponent and its law. */
function phaseGrid(p: Params, o: NonNullable<EvaluateOptions['phase']>): Evaluation {
  const { alphas, betas } = phaseAxes(o.K);
  const ab: [number, number][] = [];
  for (const b of betas) for (const a of alphas) ab.push([a, b]);
  const points = fitPhasePoints(o.exponent, p, ab, { window: o.window });
  return {
    csv: phaseCsv(o.exponent, points),
    record: { exponent: o.exponent, K: o.K, points },
    notes: [`time window of the fits: ${o.window === 'auto' ? 'automatic' : 'tmin…tmax as given'}`],
  };
}

export interface EvaluateOptions {
  /** Recompute the curve this many times and report the median time. */
  repeat?: number;
  /** Mode 'phase': the exponent, the grid size and the time window of the fits. */
  phase?: { exponent: PhaseExponent; K: number; window: 'auto' | 'manual' };
  /** One mode in detail in the record. */
  modeK?: number | null;
  /** One-pass SGD: the steps of --times (null: nt steps over 1 … S). */
  steps?: Float64Array | null;
}

export async function evaluate(
  mode: Mode,
  p: Params,
  opts: EvaluateOptions = {},
): Promise<Evaluation> {
  prepareData(p);
  // Real learning on a pool under one-pass SGD is real SGD on its minibatches.
  if (mode === 'real' && inSteps(p.regime)) return sgdSimulation(p);
  if (mode === 'real') {
    const res = realRun(p);
    return { csv: simCsv(res), record: simRecord(p, res), notes: [] };
  }
  if (mode === 'simulate') return simulation(p);
  if (mode === 'phase') return phaseGrid(p, opts.phase!);
  if (mode === 'frontier') {
    const f = computeFrontier(p);
    return { csv: frontierCsv(f), record: frontierRecord(f), notes: [] };
  }
  if (inSteps(p.regime)) return sgdCurveEvaluation(p, opts.steps ?? null);
  return curve(p, opts.repeat ?? 0, opts.modeK ?? null);
}
