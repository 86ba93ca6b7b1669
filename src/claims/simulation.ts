// The experiment box's words as claims: what a run does (its size, seeds and modes), its status,
// and how far its means lie from the theory (claims/agreement.ts), each checked against the
// parameters or recomputed from the run's own numbers.
import type { Params } from '../model/params.ts';
import type { SimResult } from '../model/types.ts';
import { formatNumber, formatParam } from '../format/number.ts';
import { gapToTheory, type Agreement } from './agreement.ts';
import { claim, DEFINITION, near, problems, type Claim } from './registry.ts';
import { count } from './words.ts';
import { POOL_SOURCES, poolSize, type PoolSource } from '../model/data/sources.ts';

/** What the exact simulation does in this state, with the number of modes it runs at. */
export function simulationNote(p: Params, M: number, simM: (p: Params) => number): Claim {
  return claim(
    'sim.note',
    `Trains ${count(p.seeds, 'independent draw')} (data, features, noise) of the finite model ` +
      `with M = ${formatParam(M)} modes and averages them; the dashed line is the theory at the ` +
      'same M. Error bars: ±1 s.e.m. over seeds.',
    { params: { seeds: p.seeds, P: p.P, N: p.N, M: p.M, alpha: p.alpha, beta: p.beta } },
    () => problems(near('simulation modes M', M, simM(p), 6)),
  );
}

/** What a real run on a pool source does (its words from the sources table). */
export function realNote(p: Params, source: PoolSource): Claim {
  const model = Number.isFinite(p.N)
    ? `N = ${formatParam(p.N)} random ReLU features ReLU(Wx)/√N`
    : 'kernel regression with the chosen kernel';
  return claim(
    'sim.real-note',
    `Draws P = ${formatParam(p.P)} distinct ${source.words.items} from the pool of ` +
      `${poolSize(source.pool)}, trains ${model} on their ±1 labels in the chosen regime ` +
      '(Langevin noise averaged exactly), and measures the test error on the whole pool; ' +
      `${count(p.seeds, 'draw')}, error bars ±1 s.e.m.`,
    { params: { P: p.P, N: p.N, seeds: p.seeds, data: p.data } },
    DEFINITION,
  );
}

/** The pool sources' data, in words: "MNIST digits or Fashion-MNIST images". */
const POOL_DATA = POOL_SOURCES.map((s) => `${s.words.name} ${s.words.items}`).join(' or ');
const POOL_NAMES = POOL_SOURCES.map((s) => s.words.name).join(' or ');

/** Why there is nothing to run with a spectrum file. */
export function simulationNa(): Claim {
  return claim(
    'sim.na',
    'n/a with a spectrum file: the exact simulator draws data from the power law (α, β) and ' +
      `real runs draw ${POOL_DATA}; a file of eigenvalues and target powers has no data to draw. ` +
      `Choose the power law or ${POOL_NAMES} to run one.`,
    { params: { data: 'custom' } },
    DEFINITION,
  );
}

/** Why real SGD does not run on a pool in the app (it runs in the tests and benchmarks). */
export function sgdPoolNa(): Claim {
  return claim(
    'sim.sgd-na',
    `n/a under one-pass SGD with ${POOL_NAMES}: real SGD on minibatches of the pool runs in the ` +
      'benchmarks and tests (docs/theory.md §9.6), not yet in the app. Choose the power law to ' +
      'run real SGD here.',
    { params: { regime: 'sgd' } },
    DEFINITION,
  );
}

/** What a real SGD run draws and how far it goes (lastStep: where one seed's work stops). */
export function sgdSimulationNote(p: Params, M: number, lastStep: number): Claim {
  const stops =
    lastStep < p.horizon
      ? ` (the work of one seed, B·min(N, M) normals a step, stops it before S = ${formatParam(p.horizon)})`
      : '';
  return claim(
    'sim.sgd-note',
    `Runs real one-pass SGD ${formatParam(p.seeds)} times: each seed draws the features (N = ` +
      `${formatParam(p.N)}) of a power law with M = ${formatParam(M)} modes and fresh minibatches ` +
      `of B = ${formatParam(p.batch)} samples at every step, up to step ${formatParam(lastStep)}` +
      `${stops}; the dashed line is the theory at the same M. Error bars: ±1 s.e.m. over seeds.`,
    { params: p },
    DEFINITION,
  );
}

/** What the real points on the P panel are (quoting N where features are finite). */
export function realSweepNote(text: string, N: number): Claim {
  return claim('real-sweep.note', text, { params: { N } }, DEFINITION);
}

/** A run's status line. */
export function simulationStatus(id: string, text: string): Claim {
  return claim(`sim.status.${id}`, text, { params: {} }, DEFINITION);
}

/** The largest gap of a run's means to the theory, recomputed from the run and its theory. */
export function agreementClaim(
  fit: Agreement,
  r: SimResult,
  theory: { t: ArrayLike<number>; Eg: ArrayLike<number> },
): Claim {
  return claim(
    'sim.agreement',
    `Largest gap to theory: ${formatNumber(fit.z, 2)} s.e.m. (${formatNumber(100 * fit.rel, 2)} %).`,
    { params: {} },
    () => {
      const again = gapToTheory(r.t, r.EgMean, r.EgSem, theory.t, theory.Eg);
      return again
        ? problems(near('gap in s.e.m.', fit.z, again.z, 2), near('gap', fit.rel, again.rel, 2))
        : ['no points to compare'];
    },
  );
}
