// @vitest-environment jsdom
// P = M of a measured spectrum on the P panel: the sweep records it, no fit spans it, and the
// panel marks it with words that hold for the kernel (pool memorised only when M = pool size).
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScalingPanel } from '../../src/charts/ScalingPanel.tsx';
import { fitLabelText } from '../../src/charts/scalingLayout.ts';
import { edgeLabel, edgeNote, edgeSentence, visibleEdge } from '../../src/claims/modesEdge.ts';
import { DEFAULT_PARAMS, type Params } from '../../src/model/params.ts';
import { computeSweep } from '../../src/model/theory/sweep.ts';
import { stableFit } from '../../src/model/theory/fit.ts';
import { registerMnist } from '../helpers/mnistSpectra.ts';

afterEach(cleanup);

const mnist = (kernel: 'relu' | 'linear', over: Partial<Params> = {}): Params => {
  registerMnist(kernel, 'parity');
  return { ...DEFAULT_PARAMS, data: 'mnist', kernel, task: 'parity', ...over };
};

describe('modes edge on the P panel', () => {
  it('MNIST ReLU: M is the pool size, the fit stops below it, the label says pool', () => {
    const s = computeSweep(mnist('relu', { N: Infinity, sigma2: 0.05 }), 'P', 'tstar');
    expect(s.modesEdge).toEqual({ source: 'mnist', M: 3000, entries: 3000 });
    // The sweep reaches past the pool, where the pool is memorised and E_g collapses.
    const past = Array.from(s.x).findIndex((v) => v >= 3000);
    expect(past).toBeGreaterThan(0);
    expect(s.Eg[s.x.length - 1]).toBeLessThan(s.Eg[past - 1] / 3);
    // Past the pool the collapse reads as a slope; the sweep's own fit never reaches it.
    expect(stableFit(s.x, s.Eg, { sign: -1 }).fit!.xmax).toBeGreaterThan(3000);
    expect(s.fit === null || s.fit.xmax < 3000).toBe(true);
    const e = visibleEdge(s)!;
    expect(edgeLabel(e)).toBe('P = pool (3000 digits)');
    expect(edgeNote(e).join(' ')).toBe('beyond: pool memorised, not MNIST at large');
    expect(edgeSentence(e)).toMatch(/pool is memorised.*nothing about MNIST at large/);
    expect(fitLabelText(s)).toMatch(
      /^fit \(P < 3000\): (slope −\d\.\d\d|none \(no stable slope\)) · predicted/,
    );
  });

  it('MNIST linear: M = rank < pool, no claim that the pool is memorised', () => {
    const s = computeSweep(mnist('linear'), 'P', 'tstar');
    expect(s.modesEdge!.M).toBeLessThan(3000);
    expect(s.modesEdge!.entries).toBe(3000);
    // Over the whole sweep a slope would be "found" across the edge; below it there is none.
    expect(stableFit(s.x, s.Eg, { sign: -1 }).fit!.xmax).toBeGreaterThan(s.modesEdge!.M);
    expect(s.fit).toBeNull();
    expect(fitLabelText(s)).toMatch(/^fit \(P < \d+\): none/);
    const e = visibleEdge(s)!;
    expect(edgeLabel(e)).toBe(`P = M (${s.modesEdge!.M} modes of the 3000-digit pool)`);
    expect(edgeNote(e)[0]).toBe('beyond: every mode of the pool learned,');
    expect(edgeSentence(e)).not.toMatch(/memorised/);
  });

  it('not said where the sweep stays below M, nor for the power law', () => {
    const low = computeSweep(mnist('relu', { P: 20 }), 'P', 'tstar');
    expect(low.x[low.x.length - 1]).toBeLessThan(3000);
    expect(visibleEdge(low)).toBeNull();
    expect(fitLabelText(low)).toMatch(/^fit: /);
    const pl = computeSweep({ ...DEFAULT_PARAMS, M: 500 }, 'P', 'tstar');
    expect(pl.modesEdge).toBeNull();
    expect(computeSweep(mnist('relu'), 'N', 'tstar').modesEdge).toBeNull();
  });

  it('the P panel draws the line and its words', () => {
    const s = computeSweep(mnist('relu'), 'P', 'tstar');
    const { container } = render(<ScalingPanel sweep={s} width={640} height={400} />);
    const g = container.querySelector('[data-testid="modes-edge"]')!;
    expect(g).not.toBeNull();
    expect(g.textContent).toContain('P = pool (3000 digits)');
    const fit = container.querySelector('[data-testid="fit-label"]')!.textContent;
    expect(fit).toMatch(/^fit \(P < 3000\).*beyond: pool memorised,\s?not MNIST at large$/);
    expect(container.querySelector('line[data-series="modes-edge"]')).not.toBeNull();
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toMatch(/pool is memorised/);
    expect(container.innerHTML).not.toMatch(/NaN|undefined/);
  });
});
