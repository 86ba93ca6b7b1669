// React bindings: atomic selectors over the vanilla store (a component re-renders only when the
// value it selects changes).
import { useStore } from 'zustand';
import { appStore, type AppState } from './store.ts';

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

export const actions = (): AppState => appStore.getState();

/**
 * A secondary result while it belongs to the parameters on screen: null while its request is
 * pending (the stored one answers other parameters, say the previous lesson's).
 */
export const settledResult =
  <K extends 'sweepP' | 'sweepN' | 'frontier'>(kind: K) =>
  (s: AppState): AppState['results'][K] | null =>
    s.results.status[kind] === 'pending' ? null : s.results[kind];
