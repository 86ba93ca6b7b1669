// The fit's interface for the app and the CLI (docs/theory.md §10): options checked before any
// work, progress and cancellation, a result of plain data that a worker can transfer, curves with
// bands around them to 10× the data, the bootstrap over runs, the hold-out check against a power
// law, and the fitted state as a valid app state.
import { describe, expect, it } from 'vitest';
import {
  FitCancelled,
  FitError,
  fitRuns,
  type FitProgress,
  type RunFitResult,
} from '../../../src/model/runfit/fitRuns.ts';
import { ParamError, validateParams, type Params } from '../../../src/model/params.ts';
import { collectBuffers } from '../../../src/protocol/transfer.ts';
import { FIT_BASE, logspace, noisyRuns, type Truth } from './synthetic.ts';

const truth: Truth = { alpha: 1.5, beta: 2, sigma2: 0.05, s: 0.1, c: 2, L0: 0.1 };
const base: Params = { ...FIT_BASE, P: 1e7 };
const three = noisyRuns(
  'steps',
  base,
  truth,
  [250, 1000, 4000].map((P) => ({ x: logspace(10, 1e5, 20), P })),
  0.02,
  11,
);

let shared: RunFitResult | null = null;
const progress: FitProgress[] = [];
/** One fit with every part switched on, shared by the tests that read its result. */
function full(): RunFitResult {
  shared ??= fitRuns(
    three,
    { axis: 'steps', bootstrap: 30, holdout: 0.3, seed: 3 },
    { onProgress: (p) => progress.push(p) },
  );
  return shared;
}

describe('fitRuns: options are checked before any work', () => {
  const cases: [string, () => unknown, RegExp | typeof ParamError][] = [
    [
      'a regime that is not fitted',
      () => fitRuns(three, { axis: 'steps', regime: 'langevin' }),
      /regime langevin cannot be fitted \(fitted regimes: gf, wd, sgd\)/,
    ],
    [
      'weight decay without γ > 0',
      () => fitRuns(three, { axis: 'steps', regime: 'wd', params: { gamma: 0 } }),
      /weight decay needs gamma > 0/,
    ],
    [
      'a warm-up cut that leaves too few points',
      () => fitRuns(three, { axis: 'steps', xMin: 9e4 }),
      /3 points with x ≥ 90000; at least 8 are needed/,
    ],
    [
      'x spanning more decades than the theory’s range',
      () =>
        fitRuns([{ id: 'a', x: logspace(1, 1e11, 12), loss: new Float64Array(12).fill(1) }], {
          axis: 'steps',
        }),
      /x spans 11.0 decades: with the extrapolation that is more than the theory's range of t = 10⁻³ … 10⁸/,
    ],
    [
      'runs without any spread in x',
      () =>
        fitRuns([{ id: 'a', x: new Float64Array(9).fill(100), loss: logspace(1, 2, 9) }], {
          axis: 'steps',
        }),
      /every point has x = 100: the fit needs x to vary/,
    ],
    [
      'a hold-out fraction outside (0, 1)',
      () => fitRuns(three, { axis: 'steps', holdout: 1.5 }),
      /hold-out fraction 1.5 is not in \(0, 1\)/,
    ],
    [
      'a negative floor',
      () => fitRuns(three, { axis: 'steps', floor: -1 }),
      /floor -1 must be a number ≥ 0/,
    ],
    [
      'σ² out of its range',
      () => fitRuns(three, { axis: 'steps', sigma2: 20 }),
      /sigma2 = 20 is out of its domain/,
    ],
    [
      'P out of its range',
      () => fitRuns(three, { axis: 'steps', params: { P: 0.5 } }),
      /P = 0.5 is out of its domain/,
    ],
  ];
  for (const [what, run, message] of cases)
    it(`refuses ${what}`, () => {
      expect(run).toThrow(message);
      try {
        run();
      } catch (e) {
        expect(e instanceof FitError || e instanceof ParamError).toBe(true);
      }
    });
});

describe('fitRuns: progress and cancellation', () => {
  it('stops at the next evaluation once shouldCancel says so', () => {
    let calls = 0;
    const seen: FitProgress[] = [];
    expect(() =>
      fitRuns(
        three,
        { axis: 'steps', bootstrap: 0 },
        { shouldCancel: () => ++calls > 5, onProgress: (p) => seen.push(p) },
      ),
    ).toThrow(FitCancelled);
    expect(calls).toBe(6);
    expect(seen.length).toBeLessThanOrEqual(6);
  });
  it('reports every stage in order, the fraction never falling, ending at 1', () => {
    full();
    const stages = [...new Set(progress.map((p) => p.stage))];
    expect(stages).toEqual(['grid', 'refine', 'region', 'bootstrap', 'holdout', 'curves']);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i].fraction).toBeGreaterThanOrEqual(progress[i - 1].fraction - 1e-12);
    expect(progress[progress.length - 1].fraction).toBeCloseTo(1, 12);
  }, 60_000);
});

describe('fitRuns: the result', () => {
  it('is plain data: structured-clonable, typed arrays transferable, no tables inside', () => {
    const r = full();
    const copy = structuredClone(r);
    expect(copy).toEqual(r);
    expect(collectBuffers(r).length).toBeGreaterThan(10);
    const keys = new Set<string>();
    const walk = (v: unknown) => {
      if (v && typeof v === 'object' && !ArrayBuffer.isView(v))
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          walk(x);
        }
    };
    walk(r);
    expect(keys.has('tables')).toBe(false);
  });

  it('holds curves to 10× the data with bands around them', () => {
    const r = full();
    expect(r.curves).toHaveLength(3);
    const widening: number[] = [];
    for (const c of r.curves) {
      expect(c.x[c.x.length - 1]).toBeCloseTo(1e6, 3);
      expect(c.xData).toBeCloseTo(1e5, 6);
      for (let i = 0; i < c.x.length; i++) {
        expect(c.lo[i]).toBeLessThanOrEqual(c.lo68[i] * (1 + 1e-12));
        expect(c.lo68[i]).toBeLessThanOrEqual(c.loss[i] * (1 + 1e-12));
        expect(c.loss[i]).toBeLessThanOrEqual(c.hi68[i] * (1 + 1e-12));
        expect(c.hi68[i]).toBeLessThanOrEqual(c.hi[i] * (1 + 1e-12));
        expect(Number.isFinite(c.lo[i]) && Number.isFinite(c.hi[i])).toBe(true);
      }
      // Beyond the data the band does not narrow (a curve that has settled at E(∞) keeps its width).
      const w = (i: number) => Math.log(c.hi[i] / c.lo[i]);
      const inData = Array.from(c.x).filter((x) => x <= c.xData).length - 1;
      widening.push(w(c.x.length - 1) / w(inData));
    }
    expect(Math.min(...widening)).toBeGreaterThan(0.9);
    // Where the curve still moves (the largest P), the extrapolation is less certain than the fit.
    expect(Math.max(...widening)).toBeGreaterThan(1.2);
    // The curve of each run passes through its fitted values at the data.
    for (const run of r.runs) {
      const c = r.curves[run.curve];
      expect(c.runs).toContain(run.id);
      expect(Math.abs(run.fitted[0] / c.loss[0] - 1)).toBeLessThan(1e-6);
    }
  });

  it('bootstraps over runs, not points', () => {
    const r = full();
    const b = r.bootstrap!;
    expect(b.B).toBe(30);
    expect(b.alpha).toHaveLength(30);
    // Resamples of three runs that differ in P: the spread is real but bounded.
    expect(b.alphaCi.ci95[0]).toBeLessThanOrEqual(r.alpha.value + 1e-9);
    expect(b.alphaCi.ci95[1]).toBeGreaterThanOrEqual(r.alpha.value - 0.05);
    const one = fitRuns([three[0]], { axis: 'steps', bootstrap: 10 });
    expect(one.bootstrap).toBeNull();
    expect(one.bootstrapSkipped).toMatch(
      /1 run: the bootstrap resamples runs and needs at least 3/,
    );
  }, 60_000);

  it('holds out the last decades and predicts them, beside a power law', () => {
    const h = full().holdout!;
    expect(h.fraction).toBe(0.3);
    expect(h.split).toBeCloseTo(10 * 1e4 ** 0.7, 6);
    expect(h.nFit + h.nHeld).toBe(60);
    expect(h.theory.n).toBe(h.nHeld);
    expect(h.powerlaw.n).toBe(h.nHeld);
    expect(h.powerlaw.fits).toHaveLength(3);
    for (const e of [h.theory, h.powerlaw]) expect(e.rms).toBeGreaterThan(0);
  });

  it('gives the fitted theory as a valid app state', () => {
    const r = full();
    expect(() => validateParams(r.params, { integers: false })).not.toThrow();
    expect(r.params.alpha).toBe(r.alpha.value);
    expect(r.params.beta).toBe(r.beta.value);
    expect(r.params.sigma2).toBeCloseTo(r.sigma2, 12);
    expect(r.params.P).toBe(250);
    expect(r.params.tmax).toBeCloseTo(r.xScale * 1e6, 6);
    expect(r.notes).toContain('N not given: ∞ (not a bottleneck); give N if the runs had one');
  });

  it('fits a known floor and σ² as given, with fewer parameters', () => {
    const r = fitRuns(three, { axis: 'steps', bootstrap: 0, floor: 0.1, sigma2: 0.05 });
    expect(r.floor).toBe(0.1);
    expect(r.sigma2).toBeCloseTo(0.05, 12);
    expect(Math.abs(r.alpha.value - truth.alpha)).toBeLessThan(r.alpha.ci95[1] - r.alpha.ci95[0]);
  }, 60_000);
});

describe('fitRuns: degenerate runs', () => {
  /** Paths of the numbers in a result that are not finite (N and M may be ∞: the kernel limit). */
  const nonFinite = (v: unknown, path = ''): string[] => {
    if (typeof v === 'number') return Number.isFinite(v) || /\.(N|M)$/.test(path) ? [] : [path];
    if (ArrayBuffer.isView(v))
      return Array.from(v as Float64Array).every(Number.isFinite) ? [] : [path];
    if (Array.isArray(v)) return v.flatMap((x, i) => nonFinite(x, `${path}[${i}]`));
    if (v && typeof v === 'object')
      return Object.entries(v).flatMap(([k, x]) => nonFinite(x, `${path}.${k}`));
    return [];
  };
  const x = logspace(10, 1e4, 12);
  it('a constant loss: every (α, β) fits, the region is the whole box, no NaN anywhere', () => {
    const runs = [1, 2, 3].map((k) => ({ id: String(k), x, loss: new Float64Array(12).fill(0.7) }));
    const r = fitRuns(runs, { axis: 'steps', bootstrap: 10, holdout: 0.3 });
    expect(nonFinite(r)).toEqual([]);
    expect(r.ridge?.kind).toBe('wide');
    expect(r.ridge?.open).toBe(true);
    expect(r.alpha.ci95).toEqual([1.05, 4].map((v) => expect.closeTo(v, 6)));
  }, 60_000);
  it('runs the theory cannot follow: a plain misfit flag, intervals widened, no NaN', () => {
    // A loss that waves up and down over the decades: no learning curve of the theory does that.
    const dense = logspace(10, 1e4, 40);
    const runs = [1, 2, 3].map((k) => ({
      id: String(k),
      x: dense,
      loss: Float64Array.from(
        dense,
        (v) => (0.1 + v ** -0.4) * Math.exp(0.3 * Math.sin(1.2 * Math.log(v) + k)),
      ),
    }));
    const r = fitRuns(runs, { axis: 'steps', bootstrap: 10 });
    expect(nonFinite(r)).toEqual([]);
    expect(r.quality.misfit).toBe(true);
    expect(r.region.calibration.inflation).toBeGreaterThan(1);
  }, 60_000);
});
