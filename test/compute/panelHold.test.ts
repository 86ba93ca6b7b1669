// The panels drawn from the curve hold it during a drag and catch up when idle (panelHold.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPanelHold, HAND_OVER_MS } from '../../src/compute/panelHold.ts';
import { createAppStore } from '../../src/state/store.ts';
import { panelCurve, panelParams } from '../../src/state/hooks.ts';
import type { CurveResult } from '../../src/model/types.ts';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** A stand-in result: the hold compares curves by identity only. */
const curve = (n: number) => ({ id: n }) as unknown as CurveResult;

describe('createPanelHold', () => {
  it('holds the curve and parameters of the drag start, and lets go when the drag stops', () => {
    const store = createAppStore();
    store.getState().patchResults({ curve: curve(1) });
    const hold = createPanelHold(store, () => false);
    hold.setLive(true);
    const before = store.getState().params;
    store.getState().setParam('alpha', 2.5, { live: true });
    store.getState().patchResults({ curve: curve(2) });
    expect((panelCurve(store.getState()) as unknown as { id: number }).id).toBe(1);
    expect(panelParams(store.getState())).toBe(before);
    hold.setLive(false);
    expect((panelCurve(store.getState()) as unknown as { id: number }).id).toBe(2);
    expect(panelParams(store.getState()).alpha).toBe(2.5);
  });

  it('hands the newest curve over during a drag when idle, at most every HAND_OVER_MS', () => {
    const store = createAppStore();
    let computing = false;
    const hold = createPanelHold(store, () => computing);
    hold.setLive(true);
    const shown = () => (panelCurve(store.getState()) as unknown as { id: number } | null)?.id;
    let handed = 0;
    for (let i = 1; i <= 20; i++) {
      store.getState().patchResults({ curve: curve(i) });
      hold.onCurve();
      const before = shown();
      vi.advanceTimersByTime(HAND_OVER_MS / 5);
      if (shown() !== before) handed++;
    }
    // 20 curves over 4 · HAND_OVER_MS: the first hand-over at once, then one per HAND_OVER_MS.
    expect(handed).toBeGreaterThanOrEqual(3);
    expect(handed).toBeLessThanOrEqual(5);
    // A curve being computed: no hand-over until the next one is filed.
    computing = true;
    store.getState().patchResults({ curve: curve(99) });
    hold.onCurve();
    vi.advanceTimersByTime(10 * HAND_OVER_MS);
    expect(shown()).not.toBe(99);
    computing = false;
    hold.onCurve();
    vi.advanceTimersByTime(2 * HAND_OVER_MS);
    expect(shown()).toBe(99);
    hold.dispose();
  });
});
