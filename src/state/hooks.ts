// React bindings: atomic selectors over the vanilla store (a component re-renders only when the
// value it selects changes).
import { useDeferredValue } from 'react';
import { useStore } from 'zustand';
import type { CurveResult } from '../model/types.ts';
import { appStore, windowedParams, type AppState } from './store.ts';
import { paramsKey } from './pins.ts';
import { isMeasured } from '../model/data/sources.ts';

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

export const actions = (): AppState => appStore.getState();

/**
 * A secondary result while it belongs to the parameters on screen: null while its request is
 * pending (the stored one answers other parameters, say the previous lesson's).
 */
export const settledResult =
  <K extends 'sweepP' | 'sweepN' | 'frontier' | 'parts' | 'order' | 'mode' | 'sgdSweeps'>(
    kind: K,
  ) =>
  (s: AppState): AppState['results'][K] | null =>
    s.results.status[kind] === 'pending' ? null : s.results[kind];

/** Measured data: the fitted power law's curve, while it belongs to the curve on screen. */
export const currentFitted = (s: AppState): AppState['results']['fitted'] =>
  isMeasured(s.params) && s.results.fittedKey === paramsKey(windowedParams(s))
    ? s.results.fitted
    : null;

/**
 * The curve for a panel drawn from it beside the learning curve (the scaling panels' labels, the
 * panels on its time axis): one deferred render behind the store, so that React redraws the
 * learning curve first and this panel at low priority right after (a render dropped when a newer
 * curve arrives). `behind` while it has not caught up: the panel shows as updating.
 */
export function useDeferredCurve(): { curve: CurveResult | null; behind: boolean } {
  const live = useApp((s) => s.results.curve);
  const curve = useDeferredValue(live);
  return { curve, behind: curve !== live };
}
