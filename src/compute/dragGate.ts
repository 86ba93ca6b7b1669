// While a slider is dragged only the curve follows live; the other panels catch up when the drag
// pauses for LIVE_PAUSE_MS or ends. On two cores a sweep worker busy during the drag would take
// CPU from the main thread and from the curve's worker.
import type { HistoryMode } from '../state/store.ts';
import { livePause } from './perf.ts';

/** Pause in a drag after which the secondary panels (sweeps, modes, pins) are recomputed. */
export const LIVE_PAUSE_MS = 200;

export interface DragGate {
  /** No drag in progress, or the drag has paused: secondary requests may go. */
  readonly paused: boolean;
  /** A change reached the URL intent: 'replace' is a step of a drag, anything else ends it. */
  onIntent(mode: HistoryMode): void;
  dispose(): void;
}

/**
 * `onPause` runs when a drag has not moved for `pauseMs`; `onLive` whenever the gate opens or
 * closes (true: a drag goes on).
 */
export function createDragGate(
  onPause: () => void,
  pauseMs = LIVE_PAUSE_MS,
  onLive?: (live: boolean) => void,
): DragGate {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let paused = true;
  return {
    get paused() {
      return paused;
    },
    onIntent(mode) {
      clearTimeout(timer);
      const was = paused;
      paused = mode !== 'replace';
      if (was !== paused) onLive?.(!paused);
      if (!paused) {
        timer = setTimeout(() => {
          paused = true;
          onLive?.(false);
          onPause();
        }, livePause(pauseMs));
      }
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}
