// The view slice: what is shown and how, independent of the model parameters. Shared through the
// URL (url.ts), so every field has a canonical form (panels in PANELS order).
import { coerceValue, numericSpec, type NumericKey, type NumericSpec } from '../model/params.ts';
import type { SweepAt } from '../model/types.ts';
import type { PhaseExponent } from '../model/theory/phase.ts';

/**
 * The panels a link can show (`panels=`), in their canonical order (the link's), and whether each
 * shows by default or on request. The compute-optimal frontier and the phase diagram are on
 * request: they fit many curves per state (the diagram up to 144 sweeps or frontiers, seconds of
 * worker time on two cores) and answer questions a first visit does not ask yet; so do the mean
 * field's internals. What each panel is and does (label, place, exports, lecture stage) is its
 * record in ui/panels.ts.
 */
const PANEL_SHOWN = {
  formulas: 'default',
  scalingP: 'default',
  scalingN: 'default',
  exponents: 'default',
  modes: 'default',
  simulation: 'default',
  sgd: 'default',
  frontier: 'on request',
  phase: 'on request',
  decomposition: 'on request',
  order: 'on request',
  inspector: 'on request',
  runfit: 'on request',
} as const satisfies Record<string, PanelShown>;

/** A panel shows by default (and when a link has no panels=), or only when asked for. */
export type PanelShown = 'default' | 'on request';
export type PanelId = keyof typeof PANEL_SHOWN;
export const PANELS = Object.keys(PANEL_SHOWN) as readonly PanelId[];

/** Whether a panel shows by default or on request. */
export function panelShown(id: PanelId): PanelShown {
  return PANEL_SHOWN[id];
}

/** Panels shown by default (and when a link has no panels=). */
const DEFAULT_PANELS: readonly PanelId[] = PANELS.filter((p) => PANEL_SHOWN[p] === 'default');

/** The exponent the phase diagram shows, as the selector and the URL's phase= name it. */
export const PHASE_LABELS: Record<PhaseExponent, string> = {
  time: 'time t',
  'data-inf': 'data P, t → ∞',
  'data-tstar': 'data P, at t*',
  'model-inf': 'model N, t → ∞',
  compute: 'compute C (frontier)',
};

export type Theme = 'normal' | 'lecture';
export const THEMES: readonly Theme[] = ['normal', 'lecture'];

export const SWEEP_ATS: readonly SweepAt[] = ['tstar', 't', 'inf'];
export const SWEEP_AT_LABELS: Record<SweepAt, string> = {
  tstar: 'at t*',
  t: 'at fixed t',
  inf: 'at t → ∞',
};

export interface ViewState {
  /** Visible panels besides the learning curve (always shown), in PANELS order. */
  panels: readonly PanelId[];
  /** Active lesson id, or null. */
  lesson: string | null;
  /**
   * The lesson's step: 0 is its own state, k the state after its first k "Try it" changes
   * (lessons/apply.ts). 0 without a lesson.
   */
  step: number;
  theme: Theme;
  /** Where the scaling panels evaluate E_g: at the early-stopping time, at a fixed t, or t → ∞. */
  at: SweepAt;
  /** The fixed time used when at = 't'. */
  tAt: number;
  /** Draw the training error next to the test error. */
  showEtr: boolean;
  /**
   * 'auto': the time window follows the dynamics (from where E_g leaves its initial value to
   * where it has settled); 'manual': the typed tmin, tmax. A link with tmin or tmax is manual.
   */
  timeWindow: TimeWindowMode;
  /** The exponent shown in the phase diagram. */
  phase: PhaseExponent;
  /** The eigenmode k the mode inspector shows (chosen on the mode panel or typed). */
  mode: number;
  /**
   * Sliders the lecturer pinned beside the plot in lecture mode (at most MAX_FOCUS_CONTROLS);
   * empty: those the lesson names (lessons/controls.ts).
   */
  controls: readonly NumericKey[];
}

/** Most sliders beside the plot in lecture mode. */
export const MAX_FOCUS_CONTROLS = 3;

export type TimeWindowMode = 'auto' | 'manual';

/** Range of the fixed sweep time: the same window the time axis allows. */
export const T_AT_RANGE = { min: numericSpec('tmin').min, max: numericSpec('tmax').max } as const;

/** The fixed sweep time as a numeric spec (entry parsing and URL validation share it). */
export const T_AT_SPEC: NumericSpec = {
  ...numericSpec('tmax'),
  label: 'Fixed time of the scaling panels',
  help: 'Time at which the scaling panels evaluate E_g when “at fixed t” is chosen.',
  ...T_AT_RANGE,
  default: 100,
};

export const DEFAULT_VIEW: Readonly<ViewState> = Object.freeze({
  panels: DEFAULT_PANELS,
  lesson: null,
  step: 0,
  theme: 'normal',
  at: 'tstar',
  tAt: T_AT_SPEC.default,
  showEtr: true,
  timeWindow: 'auto',
  phase: 'data-inf',
  mode: 10,
  controls: [],
});

/** The mode indices the inspector accepts (the largest M the parameter table allows). */
export const MODE_RANGE = { min: 1, max: numericSpec('M').max } as const;

/** The inspected mode as a numeric spec (the link and the typed entry read it with it). */
export const MODE_SPEC: NumericSpec = {
  ...numericSpec('M'),
  label: 'Inspected mode',
  help: 'The eigenmode k the mode inspector shows.',
  ...MODE_RANGE,
  default: DEFAULT_VIEW.mode,
  allowInf: false,
};

/**
 * A number of a view setting in a link (the fixed time, the mode, the lesson step), read like a
 * parameter's (coerceValue: decimal or exponent notation, no hex; clamped and rounded with the
 * reason). `value` is NaN when the text is not a number.
 */
export function readViewNumber(
  spec: NumericSpec,
  raw: string,
): { value: number; reason: string | null } {
  const r = coerceValue({ ...spec, default: NaN }, raw);
  if (Number.isNaN(r.value)) return { value: NaN, reason: 'not a number' };
  // The spec borrows a parameter's key; its messages name the setting instead.
  return { value: r.value, reason: r.reason?.replace(`${spec.key} cannot`, 'it cannot') ?? null };
}

/** A typed mode index: an integer within MODE_RANGE, or why not (read like any number). */
export function parseMode(text: string): { ok: true; k: number } | { ok: false; message: string } {
  const loose = { ...MODE_SPEC, min: -Infinity, max: Infinity, integer: false, allowInf: true };
  const k = readViewNumber(loose, text).value;
  if (!Number.isFinite(k)) return { ok: false, message: 'the mode k must be a whole number' };
  if (!Number.isInteger(k))
    return { ok: false, message: `the mode k must be a whole number, not ${text.trim()}` };
  if (k < MODE_RANGE.min || k > MODE_RANGE.max)
    return { ok: false, message: `the mode k must lie in [${MODE_RANGE.min}, ${MODE_RANGE.max}]` };
  return { ok: true, k };
}

/** Panels in canonical order, without duplicates. */
export function canonicalPanels(ids: Iterable<PanelId>): PanelId[] {
  const set = new Set(ids);
  return PANELS.filter((p) => set.has(p));
}
