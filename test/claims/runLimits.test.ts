// The experiment box says before a run when the sizes are beyond what the run takes (the exact
// simulation's min(P, N, M) ≤ 4096; a real run's P ≤ 2000 and N ≤ 4000 or ∞), instead of
// describing a draw it cannot do ("Draws P = 10⁶ distinct digits from the pool of 3000").
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type Params } from '../../src/model/params.ts';
import { realNote, realSweepTooLarge, runTooLarge } from '../../src/claims/simulation.ts';
import { engineOracle } from '../../src/claims/verify.ts';
import { poolSourceOf } from '../../src/model/data/sources.ts';
import { simulationSide, MAX_SIM_DIM } from '../../src/model/simulation/simulationModes.ts';

const oracle = engineOracle();
const at = (over: Partial<Params>): Params => ({ ...DEFAULT_PARAMS, ...over });

describe('runTooLarge', () => {
  it('the landing sizes are too large to simulate, and the box says why', () => {
    const p = at({});
    expect(simulationSide(p)).toBeGreaterThan(MAX_SIM_DIM);
    const c = runTooLarge(p)!;
    expect(c.plain).toContain('min(P, N, M) = 8192');
    expect(c.plain).toContain('stops at 4096');
    expect(c.check(oracle, c)).toEqual([]);
  });

  it('sizes the simulator takes get no refusal', () => {
    expect(runTooLarge(at({ P: 400, N: 400, M: 1600 }))).toBeNull();
    expect(runTooLarge(at({ P: 1e6, N: 1000 }))).toBeNull();
  });

  it('real digits at P = 10⁶, N = 10⁵ name both limits, with the kernel’s features', () => {
    const c = runTooLarge(at({ data: 'mnist', kernel: 'linear' }))!;
    expect(c.plain).toContain('at most P = 2000 training digits');
    expect(c.plain).toContain('here P = 10⁶');
    expect(c.plain).toContain('at most N = 4000 random linear features');
    expect(c.plain).toContain('Lower P and N');
    expect(c.check(oracle, c)).toEqual([]);
    expect(runTooLarge(at({ data: 'mnist', P: 500, N: Infinity }))).toBeNull();
  });

  it('one-pass SGD is not refused here (its pool runs have their own caps)', () => {
    expect(runTooLarge(at({ regime: 'sgd', data: 'mnist' }))).toBeNull();
  });

  it('the real points of the P panel are refused at N > 4000 only', () => {
    expect(realSweepTooLarge({ N: 1e5, kernel: 'relu' })?.plain).toContain('here N = 10⁵');
    expect(realSweepTooLarge({ N: Infinity, kernel: 'relu' })).toBeNull();
    expect(realSweepTooLarge({ N: 4000, kernel: 'relu' })).toBeNull();
  });

  it('the real run’s note names the features of the chosen kernel', () => {
    const p = at({ data: 'mnist', kernel: 'linear', P: 500, N: 1000 });
    expect(realNote(p, poolSourceOf(p)!).plain).toContain('random linear features Wx/√N');
  });
});
