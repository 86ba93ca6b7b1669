// `npm run bench`: one-pass SGD (docs/theory.md §9). A 60-point learning curve to 10⁶ steps with
// each schedule, at N = ∞ and at finite N (target ≤ 20 ms each), the block propagation's work
// against the one-iteration-per-step recursion, the finite-N spectrum's one-off cost (cached per
// spectrum and N), and the panels' computations. Figures, not pass/fail.
import { logSteps, sgdCurve } from '../src/model/sgd/curve.ts';
import { batchSweep, criticalBatch, etaSweep } from '../src/model/sgd/batch.ts';
import { finiteNMeasure } from '../src/model/sgd/finiteN.ts';
import { sgdFrontier } from '../src/model/sgd/frontier.ts';
import { recursionCurve } from '../src/model/sgd/recursion.ts';
import { schedulePieces } from '../src/model/sgd/schedule.ts';
import { DEFAULT_SGD, scheduleOf, sgdSystem, type SgdParams } from '../src/model/sgd/system.ts';
import { timeIt } from './util.ts';

const TARGET_MS = 20;
const S = 1e6;
const steps = logSteps(1, S, 60);

console.log(
  '\nOne-pass SGD: median ms per 60-point curve to 10⁶ steps (α = 1.5, β = 2, σ² = 0.05)',
);
console.log(`target ≤ ${TARGET_MS} ms\n`);
console.log('schedule        N      B   blocks  exact   ms    ×target');
const rows: number[] = [];
const cases: [string, Partial<SgdParams>][] = [
  ['constant', { schedule: 'constant' }],
  ['cosine', { schedule: 'cosine' }],
  ['wsd', { schedule: 'wsd' }],
  ['cosine+warm-up', { schedule: 'cosine', warmup: 1000, final: 0.1 }],
];
for (const [name, extra] of cases)
  for (const N of [Infinity, 1000])
    for (const batch of [1, 8]) {
      const p: SgdParams = {
        ...DEFAULT_SGD,
        ...extra,
        N,
        batch,
        eta: batch === 1 ? 0.3 : 0.8,
        horizon: S,
      };
      const c = sgdCurve(p, steps); // warm: builds and caches the finite-N spectrum
      const ms = timeIt(() => sgdCurve(p, steps), 7, 300);
      rows.push(ms);
      const n = Number.isFinite(N) ? String(N) : '∞';
      console.log(
        `${name.padEnd(15)} ${n.padEnd(6)} ${String(batch).padEnd(3)} ${String(c.work.blocks).padStart(6)} ${String(c.work.exactSteps).padStart(6)} ${ms.toFixed(2).padStart(6)}  ${(ms / TARGET_MS).toFixed(2)}`,
      );
    }
const med = [...rows].sort((a, b) => a - b)[rows.length >> 1];
console.log(
  `\nmedian over all rows: ${med.toFixed(2)} ms; worst: ${Math.max(...rows).toFixed(2)} ms`,
);

// The same curve by the recursion itself, one iteration per step.
{
  const p: SgdParams = { ...DEFAULT_SGD, schedule: 'cosine', horizon: S };
  const sys = sgdSystem(p, p.eta * S);
  const pieces = schedulePieces(scheduleOf(p));
  const t0 = performance.now();
  recursionCurve(sys, pieces, steps);
  const stepMs = performance.now() - t0;
  const blockMs = timeIt(() => sgdCurve(p, steps), 7, 300);
  console.log(
    `\nstep-by-step recursion, cosine, N = ∞ (${sys.nodes.lam.length} nodes): ${stepMs.toFixed(0)} ms, ${(stepMs / blockMs).toFixed(0)}× the block propagation`,
  );
}

console.log(
  '\nfinite-N spectrum of Σ_A (one-off per (α, β, M, N), then cached): ms, κ solves, nodes',
);
for (const N of [50, 200, 1000, 1e4]) {
  let m = finiteNMeasure({ kind: 'powerlaw', alpha: 1.5, beta: 2, M: Infinity }, N);
  const ms = timeIt(
    () => (m = finiteNMeasure({ kind: 'powerlaw', alpha: 1.5, beta: 2, M: Infinity }, N)),
    3,
    200,
  );
  console.log(
    `  N = ${String(N).padEnd(6)} ${ms.toFixed(1).padStart(7)} ms  ${String(m.points).padStart(5)} solves  ${m.nodes.lam.length} nodes`,
  );
}

console.log('\npanels (default SGD parameters, B = 1, η = 0.3):');
const p = { ...DEFAULT_SGD };
console.log(
  `  E_g against B (fixed steps and samples, 11 B): ${timeIt(() => batchSweep(p, { steps: 1e4, samples: 1e5 }), 3, 200).toFixed(0)} ms`,
);
console.log(
  `  critical batch at n = 10⁵ samples: ${timeIt(() => criticalBatch(p, 1e5), 3, 200).toFixed(0)} ms`,
);
console.log(
  `  E_g at s = 10⁴ against η (16 points + optimum): ${timeIt(() => etaSweep(p, 1e4), 3, 200).toFixed(0)} ms`,
);
console.log(
  `  compute-optimal frontier (7 budgets, 21 N): ${timeIt(() => sgdFrontier({ ...p, sigma2: 0, batch: 4 }), 1, 0).toFixed(0)} ms`,
);

// Real SGD on the whole MNIST pool (kernel limit) beside the Gaussian theory on its spectrum.
{
  const { readPool, registerDataFor } = await import('../src/cli/dataFiles.ts');
  const { poolSourceOf } = await import('../src/model/data/sources.ts');
  const { DEFAULT_PARAMS } = await import('../src/model/params.ts');
  const { dataSpectrum } = await import('../src/model/theory/dataSpectra.ts');
  const { prepareReal } = await import('../src/model/real/realRun.ts');
  const { poolKernel, simulatePool } = await import('../src/model/sgd/simulatePool.ts');
  const { sgdDataFrom } = await import('../src/model/sgd/system.ts');
  const params = {
    ...DEFAULT_PARAMS,
    data: 'mnist' as const,
    kernel: 'relu' as const,
    task: 'parity' as const,
  };
  registerDataFor(params);
  const data = sgdDataFrom('mnist/relu/parity', dataSpectrum(params)!);
  const setup = prepareReal(readPool(poolSourceOf(params)!), params);
  let t0 = performance.now();
  poolKernel(setup);
  console.log(
    `\nMNIST pool (n = ${setup.n}, ReLU NNGP, even vs odd): kernel matrix ${((performance.now() - t0) / 1000).toFixed(1)} s (once)`,
  );
  for (const [batch, eta] of [
    [1, 0.5],
    [8, 2],
  ]) {
    const p: SgdParams = { ...DEFAULT_SGD, data, N: Infinity, batch, eta, sigma2: 0.05 };
    const st = logSteps(10, 1e4, 7);
    const th = sgdCurve(p, st);
    t0 = performance.now();
    const sim = simulatePool(setup, p, { steps: st, seeds: 8, seed: 1 });
    const sec = (performance.now() - t0) / 1000;
    let worst = 0;
    let z = 0;
    for (let i = 0; i < st.length; i++) {
      worst = Math.max(worst, Math.abs(sim.EgMean[i] / th.Eg[i] - 1));
      z = Math.max(z, Math.abs(sim.EgMean[i] - th.Eg[i]) / sim.EgSem[i]);
    }
    console.log(
      `  B = ${batch}, η = ${eta} (η_max ${th.edge.etaMax.toFixed(2)}), 8 seeds × 10⁴ steps: ${(sec / 8).toFixed(2)} s/seed, largest deviation from the theory ${(100 * worst).toFixed(1)} % (${z.toFixed(1)} s.e.m.)`,
    );
  }
}
