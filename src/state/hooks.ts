// React bindings: atomic selectors over the vanilla store (a component re-renders only when the
// value it selects changes).
import { useStore } from 'zustand';
import { appStore, type AppState } from './store.ts';

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

export const actions = (): AppState => appStore.getState();
