// The simulation's parts on the decomposition: one mark per time inside the plot for each part
// drawn, at the value of the mean, and a legend entry; nothing without a simulation.
import { describe, expect, it } from 'vitest';
import { decompositionLayout } from '../../src/charts/decompositionLayout.ts';
import { metricsFor } from '../../src/charts/theme.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';

const t = Float64Array.from({ length: 9 }, (_, i) => 10 ** (i - 2));
const signal = t.map((v) => 1 / (1 + v));
const noise = t.map((v) => 0.01 * Math.min(1, v / 10));
const zero = new Float64Array(t.length);
const parts = { signal, noise, temperature: zero, init: zero };
const Eg = t.map((_, i) => signal[i] + noise[i]);
const base = { params: { ...DEFAULT_PARAMS, regime: 'gf' as const, sigma2: 0.05 }, t, Eg, parts };
const sem = {
  signal: signal.map((v) => v / 10),
  noise: noise.map((v) => v / 10),
  temperature: zero,
  init: zero,
};

describe('decomposition: simulated parts', () => {
  it('draws each drawn part as points ±1 s.e.m. and names the seeds', () => {
    const d = { ...base, earlyStop: null, sim: { t, seeds: 3, parts: { mean: parts, sem } } };
    const L = decompositionLayout(d, [1e-2, 1e6], 600, 300, metricsFor('normal'));
    expect(L.simParts.map((s) => s.key)).toEqual(L.drawnParts);
    expect(L.drawnParts).toEqual(['signal', 'noise']);
    const sig = L.simParts[0].marks;
    expect(sig.length).toBeGreaterThan(5);
    expect(sig[4].cx).toBeCloseTo(L.X(t[4]), 6);
    expect(sig[4].cy).toBeCloseTo(L.Y(signal[4]), 6);
    expect(sig[4].y1).toBeGreaterThan(sig[4].cy);
    expect(sig[4].y2).toBeLessThan(sig[4].cy);
    expect(L.legend.items.some((i) => i.item.label === 'simulation, 3 seeds (±1 s.e.m.)')).toBe(
      true,
    );
  });

  it('draws none without a simulation', () => {
    const L = decompositionLayout(
      { ...base, earlyStop: null },
      [1e-2, 1e6],
      600,
      300,
      metricsFor('normal'),
    );
    expect(L.simParts).toEqual([]);
    expect(L.legend.items.some((i) => i.item.label.startsWith('simulation'))).toBe(false);
  });
});
