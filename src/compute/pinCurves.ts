// Pin curves are kept by the pin's key; a curve no pin uses any more is dropped.
import { paramsKey } from '../state/pins.ts';
import type { AppStore } from '../state/store.ts';

export function prunePinCurves(store: AppStore): void {
  const s = store.getState();
  const keep = new Set(s.pins.map(paramsKey));
  const cur = s.results.pinCurves;
  if (Object.keys(cur).every((k) => keep.has(k))) return;
  s.patchResults({
    pinCurves: Object.fromEntries(Object.entries(cur).filter(([k]) => keep.has(k))),
  });
}
