// `npm run bench`: the phase diagram. The predicted map (field, contour bands per region, contour
// lines, boundaries, legend: everything but the marker) must lay out within a frame (16 ms) when
// the exponent or the size changes; the marker alone moves while dragging. The 12 × 12 fitted
// grid is timed as one worker computes it (the app splits it over two workers, coarse first).
import { phaseLayout } from '../src/charts/phaseLayout.ts';
import { metricsFor } from '../src/charts/metrics.ts';
import { DEFAULT_PARAMS, type Params } from '../src/model/params.ts';
import { PHASE_EXPONENTS, phaseAxes } from '../src/model/theory/phase.ts';
import { fitPhasePoints } from '../src/model/theory/phaseFit.ts';
import { timeIt } from './engine.bench.ts';

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
  ['default (P = 400, N = 1000, σ² = 0.05)', {}],
  ['large (P = 10⁷ or 10⁴, N = ∞ or 10³, σ² = 0)', {}],
];
const LARGE: Record<string, Partial<Params>> = {
  time: { P: 1e7, N: 1e7, sigma2: 0 },
  'data-inf': { N: Infinity, sigma2: 0, P: 1e4 },
  'data-tstar': { N: Infinity, P: 1e4 },
  'model-inf': { P: 1e7, N: 1000, sigma2: 0 },
  compute: { P: 1e7, sigma2: 0 },
};
console.log('\nPhase diagram: the 12 × 12 fitted grid in one worker (Node), s');
const { alphas, betas } = phaseAxes(12);
const ab: [number, number][] = [];
for (const b of betas) for (const a of alphas) ab.push([a, b]);
for (const [name] of STATES) {
  const cells = PHASE_EXPONENTS.map((e) => {
    const extra = name.startsWith('default') ? {} : LARGE[e];
    const p = { ...DEFAULT_PARAMS, ...extra };
    const t0 = performance.now();
    const pts = fitPhasePoints(e, p, ab, { window: 'auto' });
    const s = (performance.now() - t0) / 1000;
    const near = pts.filter((q) => Math.abs(q.fitted - q.predicted) <= 0.05).length;
    return `${e} ${s.toFixed(1)} (${near}/144 within 0.05)`;
  });
  console.log(`${name}: ${cells.join(', ')}`);
}
