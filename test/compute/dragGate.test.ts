import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDragGate, LIVE_PAUSE_MS } from '../../src/compute/dragGate.ts';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('createDragGate', () => {
  it('closes during a drag and opens once it has not moved for LIVE_PAUSE_MS', () => {
    const onPause = vi.fn();
    const gate = createDragGate(onPause);
    expect(gate.paused).toBe(true);
    gate.onIntent('replace');
    expect(gate.paused).toBe(false);
    vi.advanceTimersByTime(LIVE_PAUSE_MS - 1);
    gate.onIntent('replace'); // the drag moved: the pause starts over
    vi.advanceTimersByTime(LIVE_PAUSE_MS - 1);
    expect(gate.paused).toBe(false);
    expect(onPause).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(gate.paused).toBe(true);
    expect(onPause).toHaveBeenCalledTimes(1);
  });

  it('opens at once when the drag ends, without a late call', () => {
    const onPause = vi.fn();
    const gate = createDragGate(onPause);
    gate.onIntent('replace');
    gate.onIntent('push');
    expect(gate.paused).toBe(true);
    vi.advanceTimersByTime(10 * LIVE_PAUSE_MS);
    expect(onPause).not.toHaveBeenCalled();
  });

  it('reports when a drag starts and when it pauses or ends, once each', () => {
    const live: boolean[] = [];
    const gate = createDragGate(() => {}, LIVE_PAUSE_MS, (on) => live.push(on));
    gate.onIntent('replace');
    gate.onIntent('replace');
    vi.advanceTimersByTime(LIVE_PAUSE_MS);
    gate.onIntent('replace');
    gate.onIntent('push');
    gate.onIntent('push');
    expect(live).toEqual([true, false, true, false]);
  });

  it('calls nothing after dispose', () => {
    const onPause = vi.fn();
    const gate = createDragGate(onPause, 50);
    gate.onIntent('replace');
    gate.dispose();
    vi.advanceTimersByTime(100);
    expect(onPause).not.toHaveBeenCalled();
  });
});
