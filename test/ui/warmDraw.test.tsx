// @vitest-environment jsdom
// The warm-up's drawing (src/ui/warmDraw.tsx): a curve is drawn off the document, as the curve
// panel draws it (its chart and caption), and leaves the page and the store as they were.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import { computeCurve } from '../../src/model/theory/curve.ts';
import { computeSgdCurve } from '../../src/model/sgd/theory.ts';
import { appStore } from '../../src/state/store.ts';
import { drawForWarmUp } from '../../src/ui/warmDraw.tsx';

describe('drawForWarmUp', () => {
  it('draws each curve into a detached element, then drops it; the page and the store stay', () => {
    const body = document.body.innerHTML;
    const state = appStore.getState();
    const made = vi.spyOn(document, 'createElement');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const curve = computeCurve(DEFAULT_PARAMS, { window: 'auto' });
    drawForWarmUp(curve, false);
    // The root's element, and the chart's SVG in it (React creates SVG elements by namespace).
    const root = made.mock.results[0]?.value as HTMLElement;
    expect(root.isConnected).toBe(false);
    expect(root.querySelector('svg path')).not.toBeNull();
    expect(root.textContent).toContain('Test error');
    drawForWarmUp({ ...curve }, true);
    expect(root.childElementCount).toBe(0);
    expect(document.body.innerHTML).toBe(body);
    expect(appStore.getState()).toBe(state);
    expect(error).not.toHaveBeenCalled();
    made.mockRestore();
    error.mockRestore();
  });

  it('leaves curves in steps to their own panel', () => {
    const made = vi.spyOn(document, 'createElement');
    drawForWarmUp(computeSgdCurve({ ...DEFAULT_PARAMS, regime: 'sgd' }), true);
    expect(made).not.toHaveBeenCalled();
    made.mockRestore();
  });
});
