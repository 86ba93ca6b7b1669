import { describe, expect, it } from 'vitest';
import { prunePinCurves } from '../../src/compute/pinCurves.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import type { CurveResult } from '../../src/model/types.ts';
import { paramsKey } from '../../src/state/pins.ts';
import { createAppStore } from '../../src/state/store.ts';

describe('prunePinCurves', () => {
  const a = { ...DEFAULT_PARAMS, P: 100 };
  const b = { ...DEFAULT_PARAMS, P: 200 };
  const curve = {} as CurveResult;

  it('drops the curves no pin uses', () => {
    const store = createAppStore({ pins: [a] });
    store.getState().patchResults({ pinCurves: { [paramsKey(a)]: curve, [paramsKey(b)]: curve } });
    prunePinCurves(store);
    expect(Object.keys(store.getState().results.pinCurves)).toEqual([paramsKey(a)]);
  });

  it('leaves the results untouched when every curve is used', () => {
    const store = createAppStore({ pins: [a, b] });
    store.getState().patchResults({ pinCurves: { [paramsKey(a)]: curve } });
    const before = store.getState().results;
    prunePinCurves(store);
    expect(store.getState().results).toBe(before);
  });
});
