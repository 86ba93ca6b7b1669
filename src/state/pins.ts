// Pins: frozen copies of a configuration whose curve stays on the plot for comparison. A pin is
// named by what differs from the current configuration ("σ² = 0.1, P = 800"), so the legend
// stays meaningful as the user moves the sliders.
import {
  PARAM_SPECS,
  REGIME_LABELS,
  SPEC_BY_KEY,
  formatValue,
  type Params,
} from '../model/params.ts';
import type { CurveResult } from '../model/types.ts';
import { formatParam } from '../format/number.ts';
import { paramSymbol } from './symbols.ts';

/** Most pins shown at once (one colour each: --c-pin-0 … --c-pin-5). */
export const MAX_PINS = 6;

/** Canonical text of a configuration: equal strings ⇔ equal parameters. */
export function paramsKey(p: Params): string {
  return PARAM_SPECS.map((s) =>
    s.kind === 'enum' ? `${s.key}=${p[s.key]}` : `${s.key}=${formatValue(p[s.key])}`,
  ).join('&');
}

/** Keys in which `a` differs from `b`, in table order. */
export function differingKeys(a: Params, b: Params): (keyof Params)[] {
  return PARAM_SPECS.filter((s) => !Object.is(a[s.key], b[s.key])).map((s) => s.key);
}

/** Time-window keys: not part of a pin's label while the window is automatic (pins follow it). */
export const WINDOW_KEYS: readonly (keyof Params)[] = ['tmin', 'tmax'];

/** Legend text of a pin relative to the current configuration (`ignore`: keys left out). */
export function pinLabel(
  pin: Params,
  current: Params,
  ignore: readonly (keyof Params)[] = [],
): string {
  const keys = differingKeys(pin, current).filter((k) => !ignore.includes(k));
  if (keys.length === 0) return 'same as current';
  return keys
    .map((k) =>
      k === 'regime'
        ? REGIME_LABELS[pin.regime]
        : SPEC_BY_KEY[k].kind === 'enum'
          ? `${k} = ${pin[k]}`
          : `${paramSymbol(k)} = ${formatParam(pin[k] as number)}`,
    )
    .join(', ');
}

export interface PinnedResult {
  /** Position in the pins list (colour --c-pin-index). */
  index: number;
  label: string;
  curve: CurveResult;
}

/** The pins whose curve has been computed, labelled relative to the current configuration. */
export function pinnedResults(
  pins: readonly Params[],
  pinCurves: Readonly<Record<string, CurveResult>>,
  current: Params,
  ignore: readonly (keyof Params)[] = [],
): PinnedResult[] {
  return pins.flatMap((p, index) => {
    const curve = pinCurves[paramsKey(p)];
    return curve ? [{ index, label: pinLabel(p, current, ignore), curve }] : [];
  });
}
