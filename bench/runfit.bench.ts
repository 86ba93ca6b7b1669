// `npm run bench`: fitting a user's runs (docs/theory.md §10). The goal: a 3-run, 60-point fit with
// the bootstrap over runs in ≤ 5 s. Wall-clock seconds per fit (median of a few), the time of each
// stage, the engine evaluations behind it (and the process's CPU seconds: on a shared machine the
// wall clock also counts other work); then the same with the hold-out check, three seeds of
// one configuration (one table per point instead of three), and reading a log of 10⁶ rows.
// Figures, not pass/fail: these machines are noisy.
import { fitRuns, type FitStage, type RunFitOptions } from '../src/model/runfit/fitRuns.ts';
import { parseRunsCsv, type Run } from '../src/model/runfit/runs.ts';
import { logSteps } from '../src/model/sgd/curve.ts';
import { FIT_BASE, logspace, noisyRuns, sgdRuns } from '../test/model/runfit/synthetic.ts';

const GOAL_S = 5;
const truth = { alpha: 1.5, beta: 2, sigma2: 0.05, s: 0.1, c: 2, L0: 0.1 };
const base = { ...FIT_BASE, P: 1e7 };
const x = logspace(10, 1e5, 20);
const sizes = noisyRuns(
  'steps',
  base,
  truth,
  [250, 1000, 4000].map((P) => ({ x, P })),
  0.02,
  1,
);
const seeds = noisyRuns(
  'steps',
  base,
  truth,
  [1000, 1000, 1000].map((P) => ({ x, P })),
  0.02,
  2,
);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Median seconds of `reps` fits, and the stage times and work of the median one. */
function timeFit(runs: Run[], o: RunFitOptions, reps = 3) {
  const results: {
    s: number;
    cpu: number;
    stages: Map<FitStage, number>;
    points: number;
    evals: number;
  }[] = [];
  for (let k = 0; k < reps; k++) {
    const stages = new Map<FitStage, number>();
    let last = performance.now();
    let stage: FitStage | null = null;
    const t0 = last;
    const c0 = process.cpuUsage().user;
    const r = fitRuns(runs, o, {
      onProgress: (p) => {
        const now = performance.now();
        if (stage) stages.set(stage, (stages.get(stage) ?? 0) + now - last);
        stage = p.stage;
        last = now;
      },
    });
    results.push({
      s: (performance.now() - t0) / 1000,
      cpu: (process.cpuUsage().user - c0) / 1e6,
      stages,
      points: r.work.points,
      evals: r.work.evaluations,
    });
  }
  results.sort((a, b) => a.s - b.s);
  return results[results.length >> 1];
}

console.log(
  '\nFit my runs: seconds per fit (median of 3), goal ≤ 5 s for 3 runs × 20 points with bootstrap',
);
const rows: [string, Run[], RunFitOptions][] = [
  ['3 sizes P, bootstrap 50', sizes, { axis: 'steps', bootstrap: 50 }],
  ['3 sizes P, bootstrap 50, hold-out', sizes, { axis: 'steps', bootstrap: 50, holdout: 0.3 }],
  ['3 seeds of one P, bootstrap 50', seeds, { axis: 'steps', bootstrap: 50 }],
];
// One-pass SGD at three batch sizes, once: a table is one SGD propagation of the signal part A per
// (α, β) and run configuration; the noise part B does not depend on β and is propagated once per
// (α, configuration) (sgdNoise.ts: shared by the grid's β, not by the search's scattered points).
// Its evaluations count table nodes, as for the other regimes, not propagations.
const sgd = noisyRuns(
  'steps',
  { ...FIT_BASE, regime: 'sgd', eta: 0.3, batch: 1 },
  { ...truth, s: 4 },
  sgdRuns(4, logSteps(4, 4e4, 20), [{ batch: 1 }, { batch: 4 }, { batch: 16 }]),
  0.02,
  1,
);
rows.push([
  'SGD, 3 batch sizes, bootstrap 50 (once)',
  sgd,
  { axis: 'steps', regime: 'sgd', params: { eta: 0.3 }, bootstrap: 50 },
]);
for (const [name, runs, o] of rows) {
  const t = timeFit(runs, o, o.regime === 'sgd' ? 1 : 3);
  const stages = [...t.stages].map(([k, ms]) => `${k} ${(ms / 1000).toFixed(2)}`).join(', ');
  console.log(
    `  ${name.padEnd(40)} ${t.s.toFixed(2).padStart(5)} s (${(t.s / GOAL_S).toFixed(2)} of the goal; ` +
      `CPU ${t.cpu.toFixed(2)} s); ` +
      `${t.points} (α, β) points, ${t.evals} engine evaluations; ${stages}`,
  );
}

const n = 1_000_000;
const lines = ['x,loss'];
for (let i = 1; i <= n; i++) lines.push(`${i},${(0.1 + 2 / Math.sqrt(i)).toFixed(6)}`);
const text = lines.join('\n');
const ms: number[] = [];
const cpu: number[] = [];
for (let k = 0; k < 3; k++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage().user;
  const r = parseRunsCsv(text, 'steps');
  ms.push(performance.now() - t0);
  cpu.push((process.cpuUsage().user - c0) / 1000);
  if (!r.ok) throw new Error(r.message);
}
console.log(
  `  reading 10⁶ rows (CSV, thinned to ≤ 200 points per run): ${median(ms).toFixed(0)} ms ` +
    `(CPU ${median(cpu).toFixed(0)} ms)`,
);
