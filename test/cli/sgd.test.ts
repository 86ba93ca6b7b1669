// The command line under one-pass SGD (docs/theory.md §9): the regime's flags, --times as step
// counts, CSV and JSON with the steps, t = Σ η and E_g (the engine's numbers, the app's claims),
// --simulate as real SGD, and the errors of flags that do not act.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import { computeSgdCurve } from '../../src/model/sgd/theory.ts';
import { cli } from './run.ts';

const BASE = ['--regime', 'sgd', '--eta', '0.3', '--batch', '1', '--schedule', 'constant'];

function csvRows(out: string): number[][] {
  return out
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map(Number));
}

describe('the CLI under one-pass SGD', () => {
  it('--times a:b:n are distinct log-spaced integer steps; t = Σ η; E_g is the engine’s', () => {
    const r = cli(...BASE, '--horizon', '10000', '--times', '1:10000:6');
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toBe('steps,t,Eg,Etr');
    const rows = csvRows(r.out);
    expect(rows.map((x) => x[0])).toEqual([1, 6, 40, 251, 1585, 10000]);
    const p = { ...DEFAULT_PARAMS, regime: 'sgd' as const, eta: 0.3, batch: 1, horizon: 1e4 };
    const c = computeSgdCurve(p, Float64Array.from(rows.map((x) => x[0])));
    rows.forEach((x, i) => {
      // A constant rate: t = η·s exactly (to the sum's round-off).
      expect(x[1]).toBeCloseTo(0.3 * x[0], 9);
      expect(Math.abs(x[2] / c.Eg[i] - 1)).toBeLessThan(1e-12);
      expect(Math.abs(x[3] - x[2] - p.sigma2)).toBeLessThan(1e-12);
    });
  });

  it('--format json: steps, t, Eg, the edge, the floor, the laws with conditions, the claims', () => {
    const r = cli(
      ...BASE,
      '--sigma2',
      '0.05',
      '--horizon',
      '2000',
      '--times',
      '1:2000:5',
      '--format',
      'json',
    );
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.steps).toEqual([1, 7, 45, 299, 2000]);
    expect(j.t.length).toBe(5);
    expect(j.Eg.length).toBe(5);
    for (let i = 1; i < 5; i++) expect(j.Eg[i]).toBeLessThan(j.Eg[i - 1]);
    // Only the parameters that act: no P, γ, T, time window; no wsd decay under a constant rate.
    for (const k of ['P', 'gamma', 'T', 'tmin', 'tmax', 'decay'])
      expect(j.params).not.toHaveProperty(k);
    expect(j.params).toMatchObject({ regime: 'sgd', eta: 0.3, batch: 1, horizon: 2000 });
    expect(j.edge.etaMax).toBeGreaterThan(0.3);
    // σ² = 0.05: the floor (9.2) is finite and positive, and the s law names the label noise.
    expect(j.floor).toBeGreaterThan(0);
    expect(j.laws.s.condition).toMatch(/label noise/);
    expect(j.divergedAt).toBe('inf');
    expect(j.claims.map((c: { id: string }) => c.id)).toContain('sgd-edge');
  });

  it('a schedule: wsd’s own decay acts; under cosine it is an error naming --schedule', () => {
    const ok = cli(...BASE.slice(0, 6), '--schedule', 'wsd', '--decay', '0.3', '--nt', '4');
    expect(ok.code, ok.err).toBe(0);
    const bad = cli(...BASE.slice(0, 6), '--schedule', 'cosine', '--decay', '0.3');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--decay does not act with schedule cosine.*--schedule wsd/);
  });

  it('flags that do not act in the regime, and bad step counts, are errors', () => {
    expect(cli(...BASE, '--P', '100').err).toMatch(/--P does not act in regime sgd/);
    expect(cli(...BASE, '--gamma', '0.1').err).toMatch(/--gamma does not act in regime sgd/);
    expect(cli(...BASE, '--times', '0.5:100:3').err).toMatch(/step counts, integers/);
    expect(cli(...BASE, '--times', '100:10:3').err).toMatch(/step counts/);
  });

  it('the diverging run: E_g is inf from the step where it overflows, and stderr says where', () => {
    const r = cli(
      ...BASE.slice(0, 2),
      '--eta',
      '0.9',
      '--batch',
      '1',
      '--nt',
      '8',
      '--format',
      'json',
    );
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.edge.etaMax).toBeLessThan(0.9);
    expect(typeof j.divergedAt).toBe('number');
    expect(r.err).toMatch(/diverged at s = \d+/);
    expect(j.claims.map((c: { id: string }) => c.id)).toContain('sgd-diverges');
  });

  it('--simulate runs real SGD at its own steps (mean and s.e.m. over seeds)', () => {
    const r = cli(
      ...BASE,
      '--N',
      '100',
      '--M',
      '200',
      '--horizon',
      '300',
      '--seeds',
      '4',
      '--nt',
      '6',
      '--simulate',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toBe('steps,Eg_mean,Eg_sem');
    const rows = csvRows(r.out);
    expect(rows.length).toBe(6);
    expect(rows[rows.length - 1][0]).toBe(300);
    expect(rows[rows.length - 1][1]).toBeLessThan(rows[0][1]);
    for (const x of rows) expect(x[2]).toBeGreaterThan(0);
    expect(r.err).toMatch(/real SGD with M = 200 modes, 4 seeds/);
  });
});
