// `npm run bench`: speed of the theory engine against the work it must do (docs/theory.md §5).
// For each state: the 60-point curve alone (E_g and E_tr at the grid's times) and the full
// explained state (the scan of the whole dynamics, early stopping, limits, the automatic window,
// the fitted exponent, the laws and the diagnosis), each as a median over repeated runs after a
// warm-up, with its ratio to the target (curve ≤ 3 ms, explained state ≤ 8 ms) and to its floor.
// The floor is the arithmetic the algorithm cannot avoid, counted by src/model/theory/work.ts:
// passes over the compressed modes (κ solves: Newton steps × nodes; sums at the nodes) and pair
// terms of the double sums, each at its unit cost measured here and now in a tight loop. The
// ratio to the floor is what the rest (allocation, bookkeeping, claims) adds. Figures, not
// pass/fail: these machines are shared; the load is printed.
import { computeCurve } from '../src/model/theory/curve.ts';
import { KappaCache, makeEngine, SESSION_CACHE } from '../src/model/theory/engine.ts';
import { exponentLaws } from '../src/model/theory/laws.ts';
import { computeModes } from '../src/model/theory/modes.ts';
import { computeSweep } from '../src/model/theory/sweep.ts';
import { dfSums } from '../src/model/theory/sums.ts';
import { TimeEvaluator } from '../src/model/theory/timeEval.ts';
import { meanErrors } from '../src/model/theory/twoPoint.ts';
import { keptNodes, TALBOT_NODES } from '../src/model/theory/talbot.ts';
import { resetWork, WORK } from '../src/model/theory/work.ts';
import { DEFAULT_PARAMS, timeGrid, type Params, type Regime } from '../src/model/params.ts';
import { loadLine, median, timeIt } from './util.ts';

const CURVE_TARGET_MS = 3;
const STATE_TARGET_MS = 8;

/** Unit costs now: ns per mode term of a df pass, and per pair term of the double sum. */
function unitCosts(): { term: number; pair: number } {
  const p: Params = { ...DEFAULT_PARAMS };
  const e = makeEngine(p, 1e12);
  const out = new Float64Array(8);
  const m = e.sp.lam.length;
  let k = 1e-3;
  const term = timeIt(() => {
    for (let i = 0; i < 2000; i++) dfSums(e.sp, (k *= 1.0000001), 2e-3, out);
  });
  const ev = new TimeEvaluator(e);
  ev.at(10);
  const st = ev.state;
  const work = (ev as unknown as { work: Parameters<typeof meanErrors>[3] }).work;
  const pair = timeIt(() => {
    for (let i = 0; i < 200; i++) meanErrors(e, ev.talbot, st, work, true, false);
  });
  const n = keptNodes(TALBOT_NODES);
  return { term: (1e6 * term) / (2000 * m), pair: (1e6 * pair) / (200 * n * n) };
}

/** The 60-point curve alone: E_g and E_tr at the grid of the window, warm-started along it. */
function curveOnly(p: Params): void {
  const ev = new TimeEvaluator(makeEngine(p));
  for (const t of timeGrid(p.tmin, p.tmax, p.nt)) ev.at(t);
}

/** The explained state as the app shows it: the curve with its claims, and the laws. */
function explained(p: Params): void {
  const c = computeCurve(p);
  exponentLaws(c.params, { at: 'tstar', tAt: 100 }, c.earlyStop.t);
}

/** The work of one call, and its floor in ms at the unit costs. */
function workOf(f: () => void, unit: { term: number; pair: number }) {
  resetWork();
  f();
  const w = { ...WORK };
  const floor = (w.modeTerms * unit.term + w.pairs * unit.pair) / 1e6;
  const nodes = w.times * keptNodes(TALBOT_NODES);
  return { w, floor, passesPerNode: (w.newtonPasses + w.realPasses + w.sumPasses) / nodes };
}

const regimes: [Regime, Partial<Params>][] = [
  ['gf', {}],
  ['wd', { gamma: 1e-3 }],
  ['langevin', { gamma: 1e-3, T: 1e-4 }],
  ['bayes', { gamma: 1e-3, T: 1e-4 }],
];

console.log('Theory engine: median ms per 60-point curve and per explained state, against the');
console.log('targets and against the floor of the work each does (docs/theory.md §5)');
console.log(loadLine());
const unit = unitCosts();
console.log(
  `unit costs now: ${unit.term.toFixed(2)} ns per mode term (a pass of df, df'), ` +
    `${unit.pair.toFixed(1)} ns per pair term\n`,
);
console.log(
  'regime    N      M      curve ms ×target (floor ×floor)   state ms ×target (floor ×floor)  times  passes/node',
);
const curves: number[] = [];
const states: number[] = [];
for (const [regime, extra] of regimes) {
  for (const N of [Infinity, 1000]) {
    for (const M of [4000, 1e8, Infinity]) {
      const p: Params = { ...DEFAULT_PARAMS, ...extra, regime, N, M, nt: 60, sigma2: 0.05 };
      const cMs = timeIt(() => curveOnly(p));
      const sMs = timeIt(() => explained(p));
      const cw = workOf(() => curveOnly(p), unit);
      const sw = workOf(() => explained(p), unit);
      curves.push(cMs);
      states.push(sMs);
      const n = Number.isFinite(N) ? String(N) : '∞';
      const m = Number.isFinite(M) ? M.toExponential(0) : '∞';
      console.log(
        `${regime.padEnd(9)} ${n.padEnd(6)} ${m.padEnd(6)} ` +
          `${cMs.toFixed(2).padStart(6)} ${(cMs / CURVE_TARGET_MS).toFixed(2).padStart(5)}   (${cw.floor.toFixed(2)} ×${(cMs / cw.floor).toFixed(1)})` +
          `   ${sMs.toFixed(2).padStart(6)} ${(sMs / STATE_TARGET_MS).toFixed(2).padStart(5)}   (${sw.floor.toFixed(2)} ×${(sMs / sw.floor).toFixed(1)})` +
          `   ${String(sw.w.times).padStart(4)}   ${sw.passesPerNode.toFixed(2)}`,
      );
    }
  }
}
console.log(
  `\nmedian over the rows: curve ${median(curves).toFixed(2)} ms (worst ${Math.max(...curves).toFixed(2)}), ` +
    `explained state ${median(states).toFixed(2)} ms (worst ${Math.max(...states).toFixed(2)})`,
);
console.log(
  'passes/node: passes over the modes per Talbot node; a κ solve needs at least two Newton passes ' +
    'and one for the sums (3; 6 with the Langevin variable).',
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

// A slider dragged in the app: the curve worker keeps its κ solves across requests
// (workers/theoryApi.ts, a bounded KappaCache); a slider that leaves κ alone then solves only the
// times it has not solved before. Each row: 40 curves along the slider, with the worker's cache
// and each on its own (the curves are the same: test/model/theory/kappaCacheSession.test.ts).
console.log('\nCurves along a dragged slider (automatic window), median ms per curve:');
const drags: [string, (i: number) => Partial<Params>][] = [
  ['β 1.5 → 2.3', (i) => ({ beta: 1.5 + 0.02 * i })],
  ['σ² 0.01 → 0.4', (i) => ({ sigma2: 0.01 * Math.pow(1.1, i) })],
  ['σ0² 0.1 → 4', (i) => ({ sigma02: 0.1 * Math.pow(1.1, i) })],
  ['t_max (manual window)', (i) => ({ tmax: 1e5 * Math.pow(1.2, i) })],
  ['α 1.5 → 1.9 (κ moves)', (i) => ({ alpha: 1.5 + 0.01 * i })],
  // Back and forth, as a hand drags: the grid's times recur; the scan's are the same throughout.
  ['n_t 80 → 320 → 80', (i) => ({ nt: Math.round(80 + 240 * (1 - Math.abs(1 - i / 20))) })],
];
for (const [name, at] of drags) {
  const window = name.startsWith('t_max') ? 'manual' : 'auto';
  const cache = new KappaCache(SESSION_CACHE);
  const cached: number[] = [];
  const alone: number[] = [];
  for (let i = 0; i < 40; i++) {
    const q = { ...DEFAULT_PARAMS, ...at(i) };
    let t0 = performance.now();
    computeCurve(q, { window, cache });
    cached.push(performance.now() - t0);
    t0 = performance.now();
    computeCurve(q, { window });
    alone.push(performance.now() - t0);
  }
  const [c, a] = [median(cached), median(alone)];
  console.log(
    `  ${name.padEnd(24)} with the worker's cache ${c.toFixed(2).padStart(5)}, alone ${a.toFixed(2).padStart(5)} (×${(a / c).toFixed(1)})`,
  );
}
