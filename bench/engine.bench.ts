// `npm run bench`: speed of the theory engine (target: ≤ 3 ms per 60-point curve at
// M = 4000 and M = ∞ alike). Prints medians over repeated runs after a warm-up, with ratios to
// the target. Figures, not pass/fail: these machines are noisy.
import { computeCurve } from '../src/model/theory/curve.ts';
import { computeModes } from '../src/model/theory/modes.ts';
import { computeSweep } from '../src/model/theory/sweep.ts';
import { DEFAULT_PARAMS, type Params, type Regime } from '../src/model/params.ts';

const TARGET_MS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

export function timeIt(f: () => void, minRuns = 15, minMs = 400): number {
  for (let i = 0; i < 5; i++) f();
  const ms: number[] = [];
  const start = performance.now();
  while (ms.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

const regimes: [Regime, Partial<Params>][] = [
  ['gf', {}],
  ['wd', { gamma: 1e-3 }],
  ['langevin', { gamma: 1e-3, T: 1e-4 }],
  ['bayes', { gamma: 1e-3, T: 1e-4 }],
];

console.log(
  'Theory engine: median ms per 60-point curve (E_g, E_tr, early stop, limits, exponents)',
);
console.log(`target ≤ ${TARGET_MS} ms\n`);
console.log('regime    N      M        ms     ×target');
const rows: number[] = [];
for (const [regime, extra] of regimes) {
  for (const N of [Infinity, 1000]) {
    for (const M of [4000, 1e4, 1e8, Infinity]) {
      const p: Params = { ...DEFAULT_PARAMS, ...extra, regime, N, M, nt: 60, sigma2: 0.05 };
      const ms = timeIt(() => computeCurve(p));
      rows.push(ms);
      const n = Number.isFinite(N) ? String(N) : '∞';
      const m = Number.isFinite(M) ? M.toExponential(0) : '∞';
      console.log(
        `${regime.padEnd(9)} ${n.padEnd(6)} ${m.padEnd(8)} ${ms.toFixed(2).padStart(6)}  ${(ms / TARGET_MS).toFixed(2)}`,
      );
    }
  }
}
console.log(
  `\nmedian over all rows: ${median(rows).toFixed(2)} ms; worst: ${Math.max(...rows).toFixed(2)} ms`,
);

const p = { ...DEFAULT_PARAMS };
console.log('\nOther computations (default parameters):');
console.log(
  `  mode panel (40 modes × 60 times): ${timeIt(() => computeModes(p), 5).toFixed(1)} ms`,
);
for (const at of ['inf', 't', 'tstar'] as const) {
  console.log(
    `  scaling sweep in P, 13 points, at ${at.padEnd(5)}: ${timeIt(() => computeSweep(p, 'P', at), 3, 200).toFixed(1)} ms`,
  );
}
