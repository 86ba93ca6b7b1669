// The experiment box's words as claims: what a run does (its size, seeds and modes), its status,
// and how far its means lie from the theory (claims/agreement.ts), each checked against the
// parameters or recomputed from the run's own numbers.
import type { Params } from '../model/params.ts';
import type { SimResult } from '../model/types.ts';
import { formatNumber, formatParam } from '../format/number.ts';
import { gapToTheory, withinSem, type Agreement } from './agreement.ts';
import { DIVERGENCE_CAP } from '../model/sgd/propagate.ts';
import { scheduleWords } from './sgd.ts';
import { POOL_SIM_MAX_N, POOL_SIM_WORK, poolSimLastStep, poolSimN } from '../model/sgd/simSteps.ts';
import { claim, DEFINITION, near, problems, type Claim } from './registry.ts';
import { count } from './words.ts';
import {
  POOL_SOURCES,
  poolSize,
  poolSourceOf,
  runKind,
  type PoolSource,
} from '../model/data/sources.ts';
import { inSteps } from '../model/regimes.ts';
import { realRunLimits } from '../model/real/limits.ts';
import {
  MAX_SIM_DIM,
  simulationModes,
  simulationSide,
} from '../model/simulation/simulationModes.ts';

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

/** The random features a real run on a pool draws for the chosen kernel (realRun.ts kernelRows). */
export function featureWords(kernel: Params['kernel']): string {
  return kernel === 'linear' ? 'random linear features Wx/√N' : 'random ReLU features ReLU(Wx)/√N';
}

/** What a real run on a pool source does (its words from the sources table). */
export function realNote(p: Params, source: PoolSource): Claim {
  const model = Number.isFinite(p.N)
    ? `N = ${formatParam(p.N)} ${featureWords(p.kernel)}`
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

/**
 * Why the run of this box cannot start at these sizes (null: it can), with the limit it meets and
 * what to change. The exact simulation diagonalises a min(P, N, M) matrix per draw (at most
 * MAX_SIM_DIM); a real run eigendecomposes P × P (P ≤ MAX_REAL_P) and draws at most MAX_REAL_N
 * random features. The box's Run button and the `r` key act only when this is null.
 */
export function runTooLarge(p: Params): Claim | null {
  if (inSteps(p.regime)) return null;
  const kind = runKind(p);
  if (kind === 'simulate') {
    const side = simulationSide(p);
    if (!(side > MAX_SIM_DIM)) return null;
    const capped = !Number.isFinite(p.M) && side === simulationModes(p);
    return claim(
      'sim.too-large',
      `Too large to simulate: a draw diagonalises a matrix of side min(P, N, M) = ` +
        `${formatParam(side)}${capped ? ` (M = ∞ is simulated with ${formatParam(side)} modes)` : ''}, ` +
        `and the simulator stops at ${formatParam(MAX_SIM_DIM)}. Set P or N to at most ` +
        `${formatParam(MAX_SIM_DIM)} to run it.`,
      { params: { P: p.P, N: p.N, M: p.M } },
      () => problems(!(simulationSide(p) > MAX_SIM_DIM) && 'the simulation fits its limit'),
    );
  }
  const source = poolSourceOf(p);
  if (kind !== 'real' || !source) return null;
  const limits = realRunLimits(p);
  if (limits.length === 0) return null;
  const parts = limits.map((l) =>
    l.param === 'P'
      ? `at most P = ${formatParam(l.max)} training ${source.words.items} (one P × P ` +
        `eigendecomposition per draw; here P = ${formatParam(l.value)})`
      : `at most N = ${formatParam(l.max)} ${featureWords(p.kernel)} or N = ∞, the kernel ` +
        `itself (here N = ${formatParam(l.value)})`,
  );
  return claim(
    'sim.too-large',
    `Too large for a real run, which takes ${parts.join(' and ')}. Lower ` +
      `${limits.map((l) => l.param).join(' and ')} to run it.`,
    { params: { P: p.P, N: p.N } },
    () =>
      problems(
        realRunLimits(p).length !== limits.length && 'the limits met changed',
        realRunLimits(p).length === 0 && 'the real run fits its limits',
      ),
  );
}

/** Why the real points of the P panel cannot run at this N (their P are fixed and small). */
export function realSweepTooLarge(p: Pick<Params, 'N' | 'kernel'>): Claim | null {
  const n = realRunLimits({ P: 0, N: p.N }).find((l) => l.param === 'N');
  if (!n) return null;
  return claim(
    'real-sweep.too-large',
    `Real points need at most N = ${formatParam(n.max)} ${featureWords(p.kernel)} or N = ∞ ` +
      `(here N = ${formatParam(n.value)}): lower N to run them.`,
    { params: { N: p.N } },
    () =>
      problems(
        !realRunLimits({ P: 0, N: p.N }).some((l) => l.param === 'N') &&
          'N fits the real-run limit',
      ),
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

/** Agreement within this many s.e.m. is counted step by step under one-pass SGD on a pool. */
export const POOL_SGD_WITHIN = 2;

/** The model real SGD on a pool trains, in words (the N it runs: poolSimN). */
function poolSgdModel(p: Params, n: number): string {
  const N = poolSimN(p);
  const features = featureWords(p.kernel);
  if (Number.isFinite(N)) return `N = ${formatParam(N)} ${features}, W drawn per seed`;
  const limit =
    `the kernel limit, in function space on the pool (its ${formatParam(n)} × ` +
    `${formatParam(n)} kernel matrix computed once per kernel, a few seconds)`;
  return Number.isFinite(p.N)
    ? `${limit}: N = ${formatParam(p.N)} is above the ${formatParam(POOL_SIM_MAX_N)} random ` +
        'features a pool run draws (n·N·784 multiply-adds a seed), so the dashed line is the ' +
        'theory at N = ∞ the points are compared with'
    : limit;
}

/** What real SGD on the pool of a source does (one-pass SGD with data = a pool source). */
export function sgdPoolNote(p: Params, source: PoolSource): Claim {
  const n = poolSize(source.pool);
  const last = poolSimLastStep(p, n);
  const stops =
    last < p.horizon
      ? ` (its work, ${formatParam(POOL_SIM_WORK)} multiply-adds a seed at ` +
        `${Number.isFinite(poolSimN(p)) ? '2·B·N' : 'B·n'} a step, ends before S = ` +
        `${formatParam(p.horizon)})`
      : '';
  return claim(
    'sim.sgd-pool-note',
    `Runs real one-pass SGD on the pool of ${formatParam(n)} ${source.words.name} ` +
      `${source.words.items} ${count(p.seeds, 'time')}: minibatches of B = ` +
      `${formatParam(p.batch)} drawn with replacement (exactly one-pass sampling of the pool's ` +
      `distribution) with fresh label noise σ² = ${formatParam(p.sigma2)}, ` +
      `${poolSgdModel(p, n)}; ${scheduleWords(p)}, up to step ${formatParam(last)}${stops}. ` +
      'Test error on the whole pool; error bars ±1 s.e.m. over seeds.',
    { params: { ...p } },
    () =>
      problems(
        near('last step', last, poolSimLastStep(p, n), 6),
        near('pool size', n, poolSize(source.pool), 6),
      ),
  );
}

/**
 * How real SGD on a pool compares with the theory it is drawn beside: the steps within
 * POOL_SGD_WITHIN s.e.m., the largest gap, and why the comparison is approximate (the theory's
 * gradient noise assumes Gaussian features, docs/theory.md §9.6). Recomputed from the run.
 */
export function sgdPoolAgreement(
  r: SimResult,
  theory: { t: ArrayLike<number>; Eg: ArrayLike<number> },
): Claim | null {
  const over = overflowIndex(r);
  // A diverging run is compared up to where it overflowed (its seeds stop there).
  const end = over >= 0 ? over : r.t.length;
  const cut = (a: ArrayLike<number>) => Array.prototype.slice.call(a, 0, end) as number[];
  const compare = () => ({
    w: withinSem(cut(r.t), cut(r.EgMean), cut(r.EgSem), theory.t, theory.Eg, POOL_SGD_WITHIN),
    fit: gapToTheory(cut(r.t), cut(r.EgMean), cut(r.EgSem), theory.t, theory.Eg),
  });
  const { w, fit } = compare();
  if (r.seeds < 2 || !fit) return null;
  return claim(
    'sim.sgd-pool-agreement',
    `${over >= 0 ? 'Before it diverged, at' : 'At'} ${w.inside} of ${w.total} sampled steps ` +
      `the mean lies within ${POOL_SGD_WITHIN} s.e.m. of the theory (largest gap ` +
      `${formatNumber(fit.z, 2)} s.e.m., ${formatNumber(100 * fit.rel, 2)} %). The theory's ` +
      "gradient-noise term, of order η/B, assumes Gaussian features, which the digits' are not " +
      '(docs/theory.md §9.6): where it matters (η near the edge, small B) the agreement is ' +
      'approximate; the η → 0 limit is exact.',
    { params: {} },
    () => {
      const again = compare();
      return problems(
        again.w.inside !== w.inside &&
          `steps within: shown ${w.inside}, recomputed ${again.w.inside}`,
        again.w.total !== w.total &&
          `steps compared: shown ${w.total}, recomputed ${again.w.total}`,
        again.fit ? near('gap in s.e.m.', fit.z, again.fit.z, 2) : 'no points to compare',
      );
    },
  );
}

/** The first sampled step where the mean over seeds is not finite (−1: none). */
function overflowIndex(r: SimResult): number {
  return Array.from(r.EgMean).findIndex((v) => !Number.isFinite(v));
}

/**
 * Real SGD that diverged (power law or pool): a seed stops at the first read-out where its E_g
 * passes the theory's divergence cap (E_g = ∞ from there, never NaN), and the mean is ∞ from the
 * first such step.
 */
export function simOverflowClaim(r: SimResult): Claim | null {
  const over = overflowIndex(r);
  if (over < 0) return null;
  return claim(
    'sim.overflow',
    `E_g passed ${formatParam(DIVERGENCE_CAP)} E_g(0) from step ${formatParam(r.t[over])} on ` +
      'in at least one seed, which stopped there: this run diverges (its points end there).',
    { params: {} },
    () => (overflowIndex(r) === over ? [] : ['the first overflowed step differs']),
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
