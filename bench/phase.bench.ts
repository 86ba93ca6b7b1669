// `npm run bench`: the phase diagram. The predicted map (field, contour bands per region, contour
// lines, boundaries, legend: everything but the marker) must lay out within a frame (16 ms) when
// the exponent or the size changes; the marker alone moves while dragging. The 12 × 12 fitted
// grid is timed batch by batch as the workers compute it (one column per batch, coarse first),
// and the two lanes of the app are simulated from those times.
import { phaseLayout } from '../src/charts/phaseLayout.ts';
import { metricsFor } from '../src/charts/metrics.ts';
import { DEFAULT_PARAMS, type Params } from '../src/model/params.ts';
import { PHASE_EXPONENTS, phaseAxes } from '../src/model/theory/phase.ts';
import {
  coarseFirstBatches,
  fitPhasePoints,
  type PhasePoint,
} from '../src/model/theory/phaseFit.ts';
import { resetWork, WORK } from '../src/model/theory/work.ts';
import { keptNodes, TALBOT_NODES } from '../src/model/theory/talbot.ts';
import { loadLine, timeIt } from './util.ts';

console.log('\nPhase diagram: predicted-map layout, median ms (target: within a 16 ms frame)');
for (const variant of ['normal', 'lecture'] as const)
  for (const [w, h] of [
    [450, 504],
    [760, 440],
  ]) {
    const m = metricsFor(variant);
    const ms = PHASE_EXPONENTS.map((e) => timeIt(() => phaseLayout(e, w, h, m), 10, 200));
    console.log(
      `${variant.padEnd(8)} ${w}×${h}: ` +
        PHASE_EXPONENTS.map((e, i) => `${e} ${ms[i].toFixed(2)}`).join(', '),
    );
  }

const STATES: [string, Partial<Params>][] = [
  ['default (the landing state)', {}],
  ['large (docs/theory.md §6.1: P = 10⁷ or 10⁴, N = ∞ or 10³; σ² = 0.05 at t*, else 0)', {}],
];
const LARGE: Record<string, Partial<Params>> = {
  time: { P: 1e7, N: 1e7, sigma2: 0 },
  'data-inf': { N: Infinity, sigma2: 0, P: 1e4 },
  'data-tstar': { N: Infinity, sigma2: 0.05, P: 1e4 },
  'model-inf': { P: 1e7, N: 1000, sigma2: 0 },
  compute: { P: 1e7, sigma2: 0 },
};

/**
 * Two lanes as the app runs them (src/compute/phaseGrid.ts): each takes the next batch when it is
 * free. The times at which the coarse map (the first three batches, 3 × 3 points) and the whole
 * grid are done.
 */
function twoLanes(ms: number[]): { coarse: number; all: number } {
  const free = [0, 0];
  const done: number[] = [];
  for (const d of ms) {
    const lane = free[0] <= free[1] ? 0 : 1;
    free[lane] += d;
    done.push(free[lane]);
  }
  return { coarse: Math.max(...done.slice(0, 3)), all: Math.max(...free) };
}

console.log(
  '\nPhase diagram: the 12 × 12 fitted grid in batches of one column (Node, one call per batch)',
);
console.log(loadLine());
console.log('target: every grid ≤ 3 s on two cores, the coarse 3 × 3 map ≤ 0.5 s');
const { alphas, betas } = phaseAxes(12);
const batches = coarseFirstBatches(12);
for (const [name] of STATES) {
  console.log(name);
  for (const e of PHASE_EXPONENTS) {
    const extra = name.startsWith('default') ? {} : LARGE[e];
    const p = { ...DEFAULT_PARAMS, ...extra };
    const ms: number[] = [];
    const pts: PhasePoint[] = [];
    resetWork();
    for (const b of batches) {
      const ab = b.map((k): [number, number] => [alphas[k % 12], betas[Math.floor(k / 12)]]);
      const t0 = performance.now();
      pts.push(...fitPhasePoints(e, p, ab, { window: 'auto' }));
      ms.push(performance.now() - t0);
    }
    const lanes = twoLanes(ms);
    const fitted = pts.filter((q) => q.fit).length;
    const near = pts.filter((q) => Math.abs(q.fitted - q.predicted) <= 0.05).length;
    const total = ms.reduce((x, y) => x + y, 0);
    console.log(
      `  ${e.padEnd(10)} one core ${(total / 1000).toFixed(2)} s; two lanes: coarse ${(lanes.coarse / 1000).toFixed(2)} s, ` +
        `all ${(lanes.all / 1000).toFixed(2)} s (×${(lanes.all / 3000).toFixed(2)} target); ` +
        `${WORK.times} times, ${(WORK.modeTerms / 1e6).toFixed(0)}M mode terms, ` +
        `${(WORK.pairs / 1e6).toFixed(1)}M pairs, κ shared at ${((100 * WORK.cachedNodes) / Math.max(1, WORK.times * keptNodes(TALBOT_NODES))).toFixed(0)} % of nodes; ` +
        `fitted ${fitted}/144, ${near} within 0.05`,
    );
  }
}
