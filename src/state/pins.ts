// Pins: frozen copies of a configuration whose curve stays on the plot for comparison. Pins are
// named by the parameters that set the curves apart (those in which some pin differs from the
// current configuration), with each curve's own values: a pin taken at P = 4000 says "P = 4000",
// and the current curve says its own P beside it, so a legend (and an exported figure) reads on
// its own, without knowing where the sliders are.
import {
  PARAM_SPECS,
  REGIME_LABELS,
  SPEC_BY_KEY,
  formatValue,
  type ParamSpec,
  type Params,
} from '../model/params.ts';
import type { CurveResult } from '../model/types.ts';
import { actsIn } from '../model/paramsCodec.ts';
import { KERNEL_LABELS } from '../model/data/kernels.ts';
import { sourceOf } from '../model/data/sources.ts';
import { TASK_LABELS } from '../model/data/tasks.ts';
import { formatParam } from '../format/number.ts';
import { paramSymbol } from './symbols.ts';
import type { TimeWindowMode } from './view.ts';

/** Most pins shown at once (one colour each: --c-pin-0 … --c-pin-5). */
export const MAX_PINS = 6;

/** Canonical text of a configuration: equal strings ⇔ equal parameters. */
export function paramsKey(p: Params): string {
  return keyText(p, PARAM_SPECS);
}

/** The same text without the keys in `unread` (a computation that does not read them). */
export function paramsKeyWithout(p: Params, unread: readonly (keyof Params)[]): string {
  return keyText(
    p,
    PARAM_SPECS.filter((s) => !unread.includes(s.key)),
  );
}

function keyText(p: Params, specs: readonly ParamSpec[]): string {
  return specs
    .map((s) => (s.kind === 'enum' ? `${s.key}=${p[s.key]}` : `${s.key}=${formatValue(p[s.key])}`))
    .join('&');
}

/** Keys in which `a` differs from `b`, in table order. */
export function differingKeys(a: Params, b: Params): (keyof Params)[] {
  return PARAM_SPECS.filter((s) => !Object.is(a[s.key], b[s.key])).map((s) => s.key);
}

/** Time-window keys: not part of a pin's label while the window is automatic (pins follow it). */
export const WINDOW_KEYS: readonly (keyof Params)[] = ['tmin', 'tmax'];

/** Keys left out of the labels: the window's while it is automatic (every curve follows it). */
export function labelIgnore(timeWindow: TimeWindowMode): readonly (keyof Params)[] {
  return timeWindow === 'auto' ? WINDOW_KEYS : [];
}

/** Keys in which some pin differs from `current`, in table order, less `ignore`. */
export function apartKeys(
  pins: readonly Params[],
  current: Params,
  ignore: readonly (keyof Params)[] = [],
): (keyof Params)[] {
  const keys = new Set(pins.flatMap((p) => differingKeys(p, current)));
  return PARAM_SPECS.map((s) => s.key).filter((k) => keys.has(k) && !ignore.includes(k));
}

/** A choice in the words of the chooser: "MNIST", "even vs odd", "ReLU NNGP kernel", "cosine schedule". */
function choiceWords(k: keyof Params, p: Params): string {
  switch (k) {
    case 'data': {
      const source = sourceOf(p.data);
      return source.words?.name ?? source.label;
    }
    case 'task':
      return TASK_LABELS[p.task];
    case 'kernel':
      return `${KERNEL_LABELS[p.kernel]} kernel`;
    case 'schedule':
      return `${p.schedule} schedule`;
    default:
      return `${k} = ${String(p[k])}`;
  }
}

/**
 * The values of `keys` in a configuration: "P = 4000, σ² = 0.1" (the regime by its name). Keys
 * that do not act there are left out: a gradient-flow pin is not "γ = 10⁻³".
 */
export function valuesLabel(p: Params, keys: readonly (keyof Params)[]): string {
  return keys
    .filter((k) => actsIn(k, p))
    .map((k) =>
      k === 'regime'
        ? REGIME_LABELS[p.regime]
        : SPEC_BY_KEY[k].kind === 'enum'
          ? choiceWords(k, p)
          : `${paramSymbol(k)} = ${formatParam(p[k] as number)}`,
    )
    .join(', ');
}

/**
 * Legend text of each pin: its values of the keys that set the pins apart from the current
 * configuration (`ignore`: keys left out), or "same as current" when nothing does.
 */
export function pinLabels(
  pins: readonly Params[],
  current: Params,
  ignore: readonly (keyof Params)[] = [],
): string[] {
  const keys = apartKeys(pins, current, ignore);
  // Apart only in what does not act in it: the pin's curve is the current one.
  return pins.map((p) => valuesLabel(p, keys) || 'same as current');
}

/** The current curve's values of the keys that set the pins apart ('' when none do). */
export function currentLabel(
  pins: readonly Params[],
  current: Params,
  ignore: readonly (keyof Params)[] = [],
): string {
  return valuesLabel(current, apartKeys(pins, current, ignore));
}

export interface PinnedResult {
  /** Position in the pins list (colour --c-pin-index). */
  index: number;
  label: string;
  curve: CurveResult;
}

/** The pins whose curve has been computed, labelled as pinLabels. */
export function pinnedResults(
  pins: readonly Params[],
  pinCurves: Readonly<Record<string, CurveResult>>,
  current: Params,
  ignore: readonly (keyof Params)[] = [],
): PinnedResult[] {
  const labels = pinLabels(pins, current, ignore);
  return pins.flatMap((p, index) => {
    const curve = pinCurves[paramsKey(p)];
    return curve ? [{ index, label: labels[index], curve }] : [];
  });
}
