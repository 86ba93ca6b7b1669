// `npm run bench`: the MNIST world. The theory on the measured spectrum (60-point curve, the
// same work as the power-law rows above), and a real run at P = 1000 from the pool (stages and
// seconds per draw), with its deviation from the theory (finite-pool effects are expected there).
import { computeCurve } from '../src/model/theory/curve.ts';
import { DEFAULT_PARAMS, timeGrid, type Params, type Regime } from '../src/model/params.ts';
import { prepareReal, realDraw } from '../src/model/real/realRun.ts';
import { aggregateSeeds } from '../src/model/simulation/simulate.ts';
import { readPool, registerDataFor } from '../src/cli/dataFiles.ts';
import { poolSourceOf } from '../src/model/data/sources.ts';
import { timeIt } from './util.ts';

const base: Params = { ...DEFAULT_PARAMS, data: 'mnist', kernel: 'relu', task: 'parity' };
registerDataFor(base);
registerDataFor({ ...base, kernel: 'linear' });

console.log('\nMNIST: theory on the measured spectrum, median ms per 60-point curve, against the');
console.log('power law with the same (fitted) α, β, M = ∞, in the same regime');
console.log('kernel  regime    N      measured  power law  ratio');
const ratios: number[] = [];
const regimes: [Regime, Partial<Params>][] = [
  ['gf', {}],
  ['wd', { gamma: 1e-3 }],
  ['langevin', { gamma: 1e-3, T: 1e-4 }],
];
for (const kernel of ['relu', 'linear'] as const)
  for (const [regime, extra] of regimes)
    for (const N of [1000, Infinity]) {
      const p = { ...base, kernel, regime, N, ...extra };
      const ms = timeIt(() => computeCurve(p));
      const { alpha, beta } = computeCurve(p, { light: true }).params;
      const law = { ...p, data: 'powerlaw' as const, alpha, beta, M: Infinity };
      const msLaw = timeIt(() => computeCurve(law));
      ratios.push(ms / msLaw);
      const n = Number.isFinite(N) ? String(N) : '∞';
      console.log(
        `${kernel.padEnd(8)}${regime.padEnd(10)}${n.padEnd(7)}${ms.toFixed(2).padEnd(10)}` +
          `${msLaw.toFixed(2).padEnd(11)}${(ms / msLaw).toFixed(2)}`,
      );
    }
ratios.sort((a, b) => a - b);
console.log(`median ratio measured / power law: ${ratios[ratios.length >> 1].toFixed(2)}`);

const P = 1000;
const draws = 3;
const p: Params = { ...base, P, N: Infinity, regime: 'gf', sigma2: 0, seeds: draws };
const t = timeGrid(1, 1e5, 11);
const setup = prepareReal(readPool(poolSourceOf(base)!), base);
const runs = [];
console.log(
  `\nReal run, ReLU NNGP, even vs odd, gradient flow, P = ${P}, N = ∞, ${t.length} times`,
);
for (let i = 0; i < draws; i++) {
  const t0 = performance.now();
  const r = realDraw(setup, p, t, i);
  runs.push(r);
  const s = r.stages;
  console.log(
    `draw ${i + 1}: ${((performance.now() - t0) / 1000).toFixed(2)} s wall · kernel rows ` +
      `${s.kernelRows.toFixed(2)} s · eigendecomposition ${s.eigen.toFixed(2)} s · all times ${s.times.toFixed(2)} s`,
  );
}
const agg = aggregateSeeds(runs, t, 0);
const theory = computeCurve(p, { t, light: true }).Eg;
let worst = 0;
for (let i = 0; i < t.length; i++)
  worst = Math.max(worst, Math.abs(agg.EgMean[i] - theory[i]) / theory[i]);
console.log(
  `largest deviation from the theory over t = 1…1e5 (${draws} draws): ${(100 * worst).toFixed(1)} %`,
);
