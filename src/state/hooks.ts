// React bindings: atomic selectors over the vanilla store (a component re-renders only when the
// value it selects changes).
import { useStore } from 'zustand';
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
  <K extends 'sweepP' | 'sweepN' | 'frontier' | 'parts' | 'order' | 'mode'>(kind: K) =>
  (s: AppState): AppState['results'][K] | null =>
    s.results.status[kind] === 'pending' ? null : s.results[kind];

/** Measured data: the fitted power law's curve, while it belongs to the curve on screen. */
export const currentFitted = (s: AppState): AppState['results']['fitted'] =>
  isMeasured(s.params) && s.results.fittedKey === paramsKey(windowedParams(s))
    ? s.results.fitted
    : null;
