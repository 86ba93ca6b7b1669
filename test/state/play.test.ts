import { describe, expect, it } from 'vitest';
import { cursorTime, frameValues, sweepIndex } from '../../src/state/play.ts';

describe('play: the frames of a sweep', () => {
  it('are log-spaced for σ², P, N, linear for α, β, integers for P and N, without repeats', () => {
    expect(frameValues('sigma2', 0.001, 1, 4)).toEqual([0.001, 0.01, 0.1, 1]);
    expect(frameValues('alpha', 1.2, 3, 3)).toEqual([1.2, 2.1, 3]);
    const P = frameValues('P', 10, 13, 50);
    expect(P).toEqual([10, 11, 12, 13]);
    // A log parameter swept from 0 runs linearly; the slider's range bounds every value.
    expect(frameValues('sigma2', 0, 1, 3)).toEqual([0, 0.5, 1]);
    expect(frameValues('beta', 1.2, 99, 2)).toEqual([1.2, 6]);
  });

  it('run out and back (ping-pong), and in still steps under reduced motion', () => {
    expect([0, 0.5, 1, 1.5, 2, 2.5].map((u) => sweepIndex(u, 11))).toEqual([0, 5, 10, 5, 0, 5]);
    expect([0.1, 0.3, 0.6].map((u) => sweepIndex(u, 9, 8))).toEqual([1, 2, 5]);
  });

  it('move the time cursor over the window on a log scale, wrapping', () => {
    expect(cursorTime(0, 1e-2, 1e4)).toBeCloseTo(1e-2, 12);
    expect(cursorTime(0.5, 1e-2, 1e4)).toBeCloseTo(10, 9);
    expect(cursorTime(1.25, 1e-2, 1e4)).toBeCloseTo(cursorTime(0.25, 1e-2, 1e4), 9);
    // Reduced motion: 8 steps of the window, each held.
    expect(cursorTime(0.05, 1, 1e8, 8)).toBe(1);
    expect(cursorTime(0.12, 1, 1e8, 8)).toBeCloseTo(10, 9);
    expect(cursorTime(0.99, 1, 1e8, 8)).toBeCloseTo(1e8, 3);
  });
});
