// "Show it": widen the time window so the early-stopping point t*, found beyond the window,
// comes into view (a decade of margin, within the range the time parameters allow).
import { numericSpec } from '../model/params.ts';
import type { AppStore } from '../state/store.ts';
import type { CurveResult } from '../model/types.ts';

/** The window that shows t*, or null when t* is inside already or out of the allowed range. */
export function windowShowing(c: CurveResult): { tmin: number; tmax: number } | null {
  const es = c.earlyStop;
  if (es.case !== 'beyond' || !Number.isFinite(es.t)) return null;
  const lo = numericSpec('tmin').min;
  const hi = numericSpec('tmax').max;
  let { tmin, tmax } = c.window;
  if (es.side === 'after') tmax = Math.min(hi, Math.pow(10, Math.ceil(Math.log10(es.t * 10))));
  else tmin = Math.max(lo, Math.pow(10, Math.floor(Math.log10(es.t / 10))));
  return es.t >= tmin && es.t <= tmax ? { tmin, tmax } : null;
}

/** Widen the window to show t*; false when there is nothing to show (the key falls through). */
export function showEarlyStop(store: AppStore): boolean {
  const s = store.getState();
  const c = s.results.curve;
  const w = c ? windowShowing(c) : null;
  if (!w) return false;
  s.setTimeWindow('manual');
  store.getState().setParams({ ...store.getState().params, ...w });
  return true;
}
