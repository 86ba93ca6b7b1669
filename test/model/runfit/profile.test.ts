// The data as the criterion sees them (docs/theory.md §10): each decade of x weighs the same, the
// noise scale comes from the data alone, runs of the same P and N share a configuration.
import { describe, expect, it } from 'vitest';
import { prepareData } from '../../../src/model/runfit/profile.ts';
import { Rng } from '../../../src/model/simulation/random.ts';
import { FIT_BASE, logspace } from './synthetic.ts';

const run = (id: string, x: Float64Array, loss: (x: number) => number, P?: number) => ({
  id,
  x,
  loss: Float64Array.from(x, loss),
  ...(P ? { P } : {}),
});

describe('prepareData', () => {
  it('weighs each decade of x the same, however densely it was logged', () => {
    // 100 points in the first decade, 10 in each of the next two.
    const x = Float64Array.from([...logspace(1, 10, 101).slice(0, 100), ...logspace(10, 1000, 21)]);
    const d = prepareData([run('a', x, (v) => 1 / v)], 'steps', FIT_BASE, 0, 10);
    const decade = (lo: number, hi: number) =>
      d.w.reduce((s, w, i) => s + (d.lx[i] >= Math.log(lo) && d.lx[i] < Math.log(hi) ? w : 0), 0);
    expect(decade(1, 10) / decade(10, 100)).toBeCloseTo(1, 1);
    expect(decade(10, 100) / decade(100, 999)).toBeCloseTo(1, 1);
    expect(d.w.reduce((a, b) => a + b, 0)).toBeCloseTo(d.n, 9);
  });

  it('estimates the noise of ln loss from the data alone (before any fit)', () => {
    const rng = new Rng(3);
    const x = logspace(10, 1e5, 60);
    const d = prepareData(
      [run('a', x, (v) => (0.1 + v ** -0.5) * Math.exp(0.02 * rng.normal()))],
      'steps',
      FIT_BASE,
      0,
      10,
    );
    expect(d.tau0).toBeGreaterThan(0.015);
    expect(d.tau0).toBeLessThan(0.027);
  });

  it('groups runs by their P and N, and leaves out the warm-up', () => {
    const x = logspace(1, 1e4, 12);
    const f = (v: number) => 1 / (1 + v);
    const d = prepareData(
      [run('a', x, f, 100), run('b', x, f, 100), run('c', x, f, 400)],
      'steps',
      FIT_BASE,
      10,
      10,
    );
    expect(d.configs.map((c) => c.P)).toEqual([100, 400]);
    expect(d.runs.map((r) => r.config)).toEqual([0, 0, 1]);
    expect(d.n).toBe(3 * x.filter((v) => v >= 10).length);
  });
});
