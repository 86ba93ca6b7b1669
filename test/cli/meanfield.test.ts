// The mean-field internals in the CLI's JSON: parts summing to Eg, order parameters on τ = t, and
// one mode with --mode K; --mode anywhere it would be ignored is an error (exit 2).
import { describe, expect, it } from 'vitest';
import { computeModeDetail } from '../../src/model/theory/modes.ts';
import { computeOrder } from '../../src/model/theory/order.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import { cli } from './run.ts';

const flags = ['--P', '200', '--N', '200', '--sigma2', '0.1', '--times', '1e-1:1e5:12'];

describe('--format json: parts, order, mode', () => {
  it('parts sum to Eg; order and mode match the engine', () => {
    const r = cli(...flags, '--format', 'json', '--mode', '10');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    const { signal, noise, temperature, init } = j.parts as Record<string, number[]>;
    expect(j.Eg.length).toBe(12);
    for (let i = 0; i < 12; i++) {
      const sum = signal[i] + noise[i] + temperature[i] + init[i];
      expect(Math.abs(sum - j.Eg[i])).toBeLessThanOrEqual(1e-9 * j.Eg[i]);
    }
    const p = { ...DEFAULT_PARAMS, P: 200, N: 200, sigma2: 0.1, tmin: 0.1, tmax: 1e5, nt: 12 };
    const o = computeOrder(p);
    expect(j.order.tau).toEqual(j.t);
    for (let i = 0; i < 12; i++) {
      expect(j.order.kappa[i]).toBeCloseTo(o.kappa[i], 12);
      expect(j.order.R[i]).toBeCloseTo(o.R[i], 12);
      expect(j.order.amplification[i] / o.amplification[i]).toBeCloseTo(1, 12);
    }
    const d = computeModeDetail(p, 10);
    expect(j.mode.k).toBe(10);
    expect(j.mode.lambda).toBe(d.lambda);
    expect(j.mode.ell).toEqual(Array.from(d.ell));
    expect(j.mode.free).toEqual(Array.from(d.free));
  });

  it('rejects --mode where it would be ignored or out of range', () => {
    for (const args of [
      [...flags, '--mode', '10'],
      [...flags, '--format', 'json', '--mode', '0'],
      [...flags, '--format', 'json', '--mode', '2.5'],
      [...flags, '--format', 'json', '--M', '100', '--mode', '500'],
    ]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/--mode/);
    }
  });
});
