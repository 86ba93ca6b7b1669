// The command line marks values below the engine's resolution (docs/theory.md §5.6): null in the
// JSON record with the floor stated, a note on stderr beside the CSV.
import { describe, expect, it } from 'vitest';
import { cli } from './run.ts';

/** Lesson 1 after its "Try it", run to t_max = 10⁸: E_g falls 20 decades and ends in round-off. */
const LESSON1 = [
  '--alpha',
  '1.5',
  '--beta',
  '3',
  '--P',
  '1e7',
  '--N',
  'inf',
  '--M',
  '20000',
  '--sigma2',
  '0',
  '--tmin',
  '1e-2',
  '--tmax',
  '1e8',
];

describe('values below the engine’s resolution', () => {
  it('JSON: Eg and Etr are null there, with the floor at every time and the rule stated', () => {
    const r = cli(...LESSON1, '--format', 'json');
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.out) as {
      t: number[];
      Eg: (number | null)[];
      Etr: (number | null)[];
      resolution: { floor: number[]; endT: number | null; relative: number; note: string };
    };
    const n = rec.t.length;
    expect(rec.resolution.floor).toHaveLength(n);
    expect(rec.resolution.note).toMatch(/null where it is below the engine’s floor/);
    const firstNull = rec.Eg.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(rec.resolution.endT).toBe(rec.t[firstNull]);
    // Every value shown is above its floor; from there on every one is null.
    for (let i = 0; i < firstNull; i++)
      expect(rec.Eg[i]!).toBeGreaterThanOrEqual(rec.resolution.floor[i]);
    for (let i = firstNull; i < n; i++) expect(rec.Eg[i]).toBeNull();
    expect(rec.Etr[n - 1]).toBeNull();
  });

  it('CSV: the values stay, and stderr says which are round-off', () => {
    const r = cli(...LESSON1);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/E_g is below the engine’s resolution at \d+ of 60 times/);
    expect(r.err).toMatch(/E_tr is below the engine’s resolution/);
    expect(r.out.trim().split('\n')).toHaveLength(61);
  });

  it('a curve with every value resolved says nothing about it', () => {
    const r = cli('--alpha', '1.5', '--beta', '2', '--N', '100');
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/resolution/);
  });
});
