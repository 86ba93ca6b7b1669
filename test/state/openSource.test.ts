// Choosing a measured source in the app opens it at a dataset size below its modes, announced
// (src/state/openSource.ts); a link keeps its P.
import { beforeEach, describe, expect, it } from 'vitest';
import { openingSize } from '../../src/model/data/sources.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import { appStore, resetStore } from '../../src/state/store.ts';

const s = () => appStore.getState();

beforeEach(() => resetStore());

describe('openingSize', () => {
  it('is the largest 1, 2, 5 × 10^k at most M/4, and null when P is already there', () => {
    expect(openingSize(1e6, 3000)).toBe(500);
    expect(openingSize(1e6, 800)).toBe(200);
    expect(openingSize(1e6, 4000)).toBe(1000);
    expect(openingSize(1e6, 4)).toBe(1);
    expect(openingSize(1e6, 2)).toBeNull();
    expect(openingSize(400, 3000)).toBeNull();
    expect(openingSize(751, 3000)).toBe(500);
  });
});

describe('choosing a measured source in the app', () => {
  it('from the landing state, MNIST opens at P = 500 and says why', () => {
    expect(DEFAULT_PARAMS.P).toBeGreaterThan(3000 / 4);
    s().setParam('data', 'mnist');
    expect(s().params.data).toBe('mnist');
    expect(s().params.P).toBe(500);
    const note = s().adjustments.find((a) => a.key === 'P');
    expect(note?.to).toBe('500');
    expect(note?.reason).toContain('3000 MNIST digits');
  });

  it('keeps a P that is already below the pool, with no notice', () => {
    s().setParam('P', 400);
    s().setParam('data', 'fashion');
    expect(s().params.P).toBe(400);
    expect(s().adjustments.filter((a) => a.key === 'P')).toEqual([]);
  });

  it('a loaded spectrum file of 800 modes opens at P = 200, named in the notice', () => {
    const n = 800;
    const lam = Float64Array.from({ length: n }, (_, i) => (i + 1) ** -1.3);
    const power = Float64Array.from({ length: n }, (_, i) => (i + 1) ** -1.6);
    s().loadCustom('my-spectrum.csv', { lam, power });
    expect(s().params.data).toBe('custom');
    expect(s().params.P).toBe(200);
    expect(s().adjustments.find((a) => a.key === 'P')?.reason).toContain('my-spectrum.csv');
  });

  it('other parameters and the power law are untouched', () => {
    s().setParam('data', 'mnist');
    s().setParam('data', 'powerlaw');
    expect(s().params.P).toBe(500);
    expect(s().params.N).toBe(DEFAULT_PARAMS.N);
  });
});
