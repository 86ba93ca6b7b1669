// The command line in the regime trained in steps, one-pass SGD (docs/theory.md §9): --times a:b:n
// are step counts, the CSV and JSON carry the steps, the intrinsic time t = Σ η and E_g, and
// --simulate runs real SGD. The words are the app's claims (src/claims/sgd.ts).
import { sgdCaption, sgdLawCondition, SGD_ROW_NAME } from '../claims/sgd.ts';
import { sgdPoolNote, simOverflowClaim } from '../claims/simulation.ts';
import { poolSourceOf, type PoolSource } from '../model/data/sources.ts';
import { poolSimN } from '../model/sgd/simSteps.ts';
import { csvNumber } from '../format/data.ts';
import type { Params } from '../model/params.ts';
import { actsIn } from '../model/paramsCodec.ts';
import {
  computeSgdCurve,
  SGD_RELATIVE_ACCURACY,
  type SgdCurveResult,
} from '../model/sgd/theory.ts';
import type { SimResult } from '../model/types.ts';

/** The parameters that act in the configuration, ∞ written "inf". */
function actingParams(p: Params): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p) as [keyof Params, Params[keyof Params]][])
    if (actsIn(k, p)) out[k] = typeof v === 'number' && !Number.isFinite(v) ? 'inf' : v;
  return out;
}

/** The JSON record of an SGD curve: steps, t = Σ η, E_g and what the app says about them. */
function sgdRecord(c: SgdCurveResult): Record<string, unknown> {
  const f = c.sgd;
  return {
    params: actingParams(c.params),
    steps: c.t,
    t: f.tIntrinsic,
    eta: f.eta,
    Eg: c.Eg,
    Etr: c.Etr,
    flow: f.flow,
    resolution: {
      relative: SGD_RELATIVE_ACCURACY,
      note: 'relative accuracy of the block propagation against the step-by-step recursion (docs/theory.md §9.3): every value is a result',
    },
    edge: f.edge,
    floor: f.floor,
    divergedAt: f.divergedAt,
    fitS: c.fitT,
    laws: Object.fromEntries(
      Object.entries(f.laws).map(([row, v]) => [
        row,
        {
          name: SGD_ROW_NAME[v.row],
          branch: v.branch,
          value: v.value,
          condition: sgdLawCondition(v, c.params),
        },
      ]),
    ),
    claims: sgdCaption(c, c.params, 'steps').map((s) => ({ id: s.id, text: s.markup })),
    work: f.work,
    ms: c.ms,
  };
}

function csvRows(header: string, columns: readonly ArrayLike<number>[]): string {
  const rows = [header];
  for (let i = 0; i < columns[0].length; i++)
    rows.push(columns.map((c) => csvNumber(c[i])).join(','));
  return rows.join('\n') + '\n';
}

/** The SGD curve at the given steps (null: nt steps over 1 … S). */
export function sgdCurveEvaluation(p: Params, steps: Float64Array | null) {
  const c = computeSgdCurve(p, steps ?? undefined);
  const notes = Number.isFinite(c.sgd.divergedAt)
    ? [`diverged at s = ${c.sgd.divergedAt}: E_g is inf from there on`]
    : [];
  return {
    csv: csvRows('steps,t,Eg,Etr', [c.t, c.sgd.tIntrinsic, c.Eg, c.Etr]),
    record: sgdRecord(c),
    notes,
  };
}

/**
 * Real SGD (--simulate, or --real with a pool source): mean and s.e.m. over seeds at its steps
 * (§9.6): on the power law with sampled A, or on minibatches of the source's pool.
 */
export async function sgdSimulation(p: Params) {
  const source = poolSourceOf(p);
  if (source) return poolSimulation(p, source);
  const { sgdSimulate } = await import('../model/sgd/simRun.ts');
  const { sgdSimModes } = await import('../model/sgd/limits.ts');
  const res: SimResult = sgdSimulate(p);
  const M = sgdSimModes(p);
  const notes = [
    `real SGD with M = ${M} modes, ${p.seeds} seeds, steps 1 … ${res.t[res.t.length - 1]}`,
  ];
  return simulationOutput({ ...p, M }, res, notes);
}

/** The CSV and JSON of real SGD; a run that overflowed says so (E_g is inf from there). */
function simulationOutput(p: Params, res: SimResult, notes: string[]) {
  const over = simOverflowClaim(res);
  if (over) notes.push(over.plain);
  return {
    csv: csvRows('steps,Eg_mean,Eg_sem', [res.t, res.EgMean, res.EgSem]),
    record: { params: actingParams(p), steps: res.t, ...res },
    notes,
  };
}

/** Real SGD on the pool of a source, with the app's words for what ran (sgdPoolNote). */
async function poolSimulation(p: Params, source: PoolSource) {
  const { poolSgdRun } = await import('../model/sgd/simRun.ts');
  const { prepareReal } = await import('../model/real/realRun.ts');
  const { readPool } = await import('./dataFiles.ts');
  const res = poolSgdRun(prepareReal(readPool(source), p), p);
  return simulationOutput({ ...p, N: poolSimN(p) }, res, [sgdPoolNote(p, source).plain]);
}
