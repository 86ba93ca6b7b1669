// The panels drawn from the learning curve's result (the scaling panels' labels, the exponent
// table, the formulas, the panels on its time axis) while a slider is dragged. Each of the drag's
// curves is drawn at once; redrawing those panels too at every input would put their render,
// layout and paint between the drag's curves (on two cores, beside the worker computing the next
// one), so they hold the curve they show (store.ts heldCurve, marked as updating) and catch up:
//   · between the drag's curves, at most every HAND_OVER_MS, when the page is idle and no curve
//     is being computed (so that a hand-over does not delay the next curve),
//   · at once when the drag pauses or ends.
import type { AppStore } from '../state/store.ts';
import { cancelIdle, requestIdle } from './idle.ts';

/** Shortest time between two hand-overs of the curve to the panels during a drag. */
export const HAND_OVER_MS = 250;

export interface PanelHold {
  /** The drag's state changed (dragGate.ts): live holds the panels, paused lets them follow. */
  setLive(live: boolean): void;
  /** A new curve was filed (during a drag: hand it over later, when the page is idle). */
  onCurve(): void;
  dispose(): void;
}

/** `computing`: a curve request is in flight or waiting (the hand-over waits for its answer). */
export function createPanelHold(store: AppStore, computing: () => boolean): PanelHold {
  const st = () => store.getState();
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;

  function cancel(): void {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdle(idle);
    timer = idle = undefined;
  }

  function handOver(): void {
    cancel();
    const held = st().heldCurve;
    if (!held || (held.curve === st().results.curve && held.params === st().params)) return;
    // A curve on its way: the next one filed schedules the hand-over again.
    if (computing()) return;
    last = performance.now();
    st().holdCurve(true);
  }

  return {
    setLive(live) {
      cancel();
      st().holdCurve(live);
    },
    onCurve() {
      if (!st().heldCurve || timer !== undefined || idle !== undefined) return;
      const wait = Math.max(0, last + HAND_OVER_MS - performance.now());
      timer = setTimeout(() => {
        timer = undefined;
        idle = requestIdle(handOver, { timeout: HAND_OVER_MS });
      }, wait);
    },
    dispose: cancel,
  };
}
