// React bindings: atomic selectors over the vanilla store (a component re-renders only when the
// value it selects changes).
import { useDeferredValue } from 'react';
import { useStore } from 'zustand';
import type { Params } from '../model/params.ts';
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

/** The curve the panels beside the learning curve show: held while a drag goes on (store.ts). */
export const panelCurve = (s: AppState): CurveResult | null =>
  s.heldCurve ? s.heldCurve.curve : s.results.curve;

/** A drag goes on: the panels hold their curve between hand-overs (panelHold.ts). */
export const dragHolds = (s: AppState): boolean => s.heldCurve !== null;

/** The panels' curve is held behind the learning curve's (a drag goes on). */
export const curveHeld = (s: AppState): boolean => panelCurve(s) !== s.results.curve;

/** The parameters those panels' sentences use: held with their curve while a drag goes on. */
export const panelParams = (s: AppState): Params => (s.heldCurve ? s.heldCurve.params : s.params);

/**
 * The curve for a panel drawn from it beside the learning curve (the scaling panels' labels, the
 * panels on its time axis, the exponent table, the formulas): held while a slider is dragged and
 * then one deferred render behind the store, so that React redraws the learning curve first and
 * this panel at low priority right after (a render dropped when a newer curve arrives). `behind`
 * while it has not caught up: the panel shows as updating. The component re-renders when the
 * panels' curve changes or `behind` flips, not at every curve of a drag.
 */
export function useDeferredCurve(): { curve: CurveResult | null; behind: boolean } {
  const shown = useApp(panelCurve);
  const held = useApp(curveHeld);
  const curve = useDeferredValue(shown);
  return { curve, behind: held || curve !== shown };
}

/** A section's class and aria-busy: marked while its text is behind the state on screen. */
export function updatingProps(className: string, updating: boolean) {
  return {
    'aria-busy': updating || undefined,
    className: updating ? `${className} is-updating` : className,
  };
}
