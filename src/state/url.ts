// The app's URL codec: the parameter part comes from src/model/paramsCodec.ts (shared with the CLI),
// this module adds the view keys and the pins. parse = validate + clamp + report: it never
// throws, whatever the link holds, and returns the notices shown in the url-notice banner. Values
// from the URL are only ever rendered as text, never as HTML.
//
//   ?v=1&regime=gf&alpha=1.5&beta=2&P=400&N=1000&M=inf&…&lesson=noise&step=1&panels=formulas,modes
//    &theme=lecture&at=t&tat=100&etr=0&mode=30&window=auto&pins=sigma2:0.1,P:800;same&controls=sigma2,P
//
// A link is read over a base state: the state of the lesson step it names (lesson=ID&step=K; the
// lessons live outside state/ and are passed in as a LessonBook), else the defaults. Writing is the
// inverse, so every link round-trips: the regime and every parameter acting in it are always
// written (a link keeps its meaning if a default changes; the others change nothing in the figure
// and are left out, so the CLI, which rejects them, reads every link the app writes); view keys
// and pins when they differ from the base's (a setting moved back to its default inside a lesson
// whose own value differs is written). A pin is written as the parameters in which it differs from
// the link's configuration ("same" when none), pins separated by ';'.
//
// Every key of a link is either used or named in a notice: unknown keys, repeated keys (the last
// value is used), values out of range, and parameters that do not act in the link's regime or
// with its data source (paramsCodec `reportInactive`).
import {
  DEFAULT_PARAMS,
  SPEC_BY_KEY,
  formatValue,
  isActive,
  type NumericKey,
  type NumericSpec,
  type Params,
} from '../model/params.ts';
import {
  MAX_QUERY_LENGTH,
  URL_VERSION,
  actsIn,
  encodeComponent,
  linkParams,
  paramText,
  quote,
  readParams,
  readQuery,
  withVersionNotice,
  writeParams,
  type Notice,
} from '../model/paramsCodec.ts';
import type { SweepAt } from '../model/types.ts';
import { PHASE_EXPONENTS, type PhaseExponent } from '../model/theory/phase.ts';
import { MAX_PINS, differingKeys } from './pins.ts';
import {
  DEFAULT_VIEW,
  MAX_FOCUS_CONTROLS,
  MODE_SPEC,
  PANELS,
  SWEEP_ATS,
  THEMES,
  T_AT_SPEC,
  canonicalPanels,
  readViewNumber,
  type PanelId,
  type Theme,
  type TimeWindowMode,
  type ViewState,
} from './view.ts';

export { MAX_QUERY_LENGTH, URL_VERSION, quote, type Notice };
/** Most notices listed; the rest are summarised. */
export const MAX_NOTICES = 12;

export interface UrlState {
  params: Params;
  view: ViewState;
  pins: Params[];
}

/** The state of a link without keys. */
export const DEFAULT_URL_STATE: Readonly<UrlState> = Object.freeze({
  params: DEFAULT_PARAMS,
  view: DEFAULT_VIEW,
  pins: [],
});

/** What the codec needs to know of the lessons (they live outside state/ and are passed in). */
export interface LessonBook {
  ids: readonly string[];
  /** How many "Try it" steps lesson `id` has: its states are steps 0 … steps(id). */
  steps(id: string): number;
  /** The state of lesson `id` at step `k`: the base of a link naming them. */
  stateAt(id: string, k: number): UrlState;
}

export interface ParseUrlOptions {
  /** The lessons a link may name, and their states. Without it every lesson is unknown. */
  lessons?: LessonBook;
  /**
   * The state the link's keys apply to (a lesson step's change applied over the step before it).
   * Default: the state of the lesson step the link names, else DEFAULT_URL_STATE.
   */
  base?: UrlState;
}

export interface SerializeOptions {
  /** The lessons: inside one, view keys and pins are written where they differ from its step's. */
  lessons?: LessonBook;
}

const VIEW_KEYS = [
  'lesson',
  'step',
  'panels',
  'theme',
  'at',
  'tat',
  'etr',
  'mode',
  'pins',
  'phase',
  'controls',
  'window',
] as const;
const PIN_SAME = 'same';
/** An empty list where the base has one (pins, pinned sliders): `pins=none`. */
const NONE = 'none';
/** A link with either of these keys has a typed (manual) time window; without, an automatic one. */
const TIME_WINDOW_KEYS = ['tmin', 'tmax'] as const;
const WINDOW_MODES: readonly TimeWindowMode[] = ['auto', 'manual'];

/** A pin as the parameters (acting in its regime) in which it differs from the link's. */
function pinDiff(pin: Params, base: Params): string {
  const p = linkParams(pin);
  // Only what acts in the pin: the rest is at its defaults there, whatever the link's values.
  const keys = differingKeys(p, linkParams(base)).filter((k) => actsIn(k, p));
  if (keys.length === 0) return PIN_SAME;
  return keys.map((k) => `${k}:${paramText(p, k)}`).join(',');
}

/** What a link keeps of a state: parameters that do not act in a regime are at their defaults. */
export function linkState(s: UrlState): UrlState {
  const params = linkParams(s.params);
  // Where the bounds do not act (the posterior has no training time) the window is automatic.
  const acts = TIME_WINDOW_KEYS.every((k) => isActive(k, params.regime));
  const view = acts ? s.view : { ...s.view, timeWindow: 'auto' as const };
  // An automatic window is not written either: the typed bounds return to their defaults.
  if (view.timeWindow === 'auto') for (const k of TIME_WINDOW_KEYS) params[k] = DEFAULT_PARAMS[k];
  return { params, view, pins: s.pins.map(linkParams) };
}

/** The state a link naming this view's lesson step starts from (the defaults without one). */
function baseOf(view: ViewState, lessons: LessonBook | undefined): UrlState {
  const id = view.lesson;
  if (!lessons || id === null || !lessons.ids.includes(id)) return DEFAULT_URL_STATE;
  return lessons.stateAt(id, Math.min(view.step, lessons.steps(id)));
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The view keys of a state that a link reading over `base` needs. */
function viewParts(view: ViewState, base: ViewState): [string, string][] {
  const parts: [string, string][] = [];
  if (view.lesson !== null) parts.push(['lesson', view.lesson]);
  if (view.lesson !== null && view.step > 0) parts.push(['step', String(view.step)]);
  if (view.timeWindow === 'auto' && base.timeWindow === 'manual') parts.push(['window', 'auto']);
  const panels = canonicalPanels(view.panels);
  // The diagram's exponent is written whenever the diagram is shown, so the link names it; a link
  // with phase= and no panels= opens the diagram, so the panel list is written when that would
  // not give the panels shown.
  const writePhase = view.phase !== base.phase || panels.includes('phase');
  const implied = writePhase ? canonicalPanels([...base.panels, 'phase']) : base.panels;
  if (!sameList(panels, implied)) parts.push(['panels', panels.length ? panels.join(',') : NONE]);
  if (view.theme !== base.theme) parts.push(['theme', view.theme]);
  if (view.at !== base.at) parts.push(['at', view.at]);
  if (view.tAt !== base.tAt) parts.push(['tat', formatValue(view.tAt)]);
  if (view.showEtr !== base.showEtr) parts.push(['etr', view.showEtr ? '1' : '0']);
  if (writePhase) parts.push(['phase', view.phase]);
  if (view.mode !== base.mode) parts.push(['mode', String(view.mode)]);
  if (!sameList(view.controls, base.controls))
    parts.push(['controls', view.controls.length ? view.controls.join(',') : NONE]);
  return parts;
}

/** The query string (without '?') of a state. */
export function serializeUrlState(s: UrlState, { lessons }: SerializeOptions = {}): string {
  // What the link keeps: parameters that act, and a window only where there is training time.
  const kept = linkState(s);
  const view = kept.view;
  const base = baseOf(view, lessons);
  // An automatic window is not written: the link opens with the window the dynamics choose.
  const written = writeParams(s.params).filter(
    ([k]) => view.timeWindow === 'manual' || !(TIME_WINDOW_KEYS as readonly string[]).includes(k),
  );
  const parts: [string, string][] = [['v', String(URL_VERSION)], ...written];
  parts.push(...viewParts(view, base.view));
  // Pins are written against the parameters the link carries (the window's defaults when auto).
  if (s.pins.length) parts.push(['pins', s.pins.map((p) => pinDiff(p, kept.params)).join(';')]);
  else if (base.pins.length) parts.push(['pins', NONE]);
  return parts.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&');
}

/** Parse a pins value against the link's configuration. */
function parsePins(raw: string, base: Params, notices: Notice[]): Params[] {
  if (raw === '' || raw === NONE) return [];
  const items = raw.split(';');
  if (items.length > MAX_PINS) {
    notices.push({
      key: 'pins',
      message: `${items.length} pins given; only the first ${MAX_PINS} are kept.`,
    });
  }
  const pins: Params[] = [];
  items.slice(0, MAX_PINS).forEach((item, i) => {
    const values = new Map<string, string>();
    if (item.trim() !== PIN_SAME) {
      for (const field of item.split(',')) {
        if (field === '') continue;
        const colon = field.indexOf(':');
        const key = colon < 0 ? field : field.slice(0, colon);
        if (values.has(key)) {
          notices.push({
            key: 'pins',
            message: `pin ${i + 1}: “${quote(key)}” appears more than once; the last value is used.`,
          });
        }
        values.set(key, colon < 0 ? '' : field.slice(colon + 1));
      }
    }
    const pin = readParams(values, { base, prefix: `pin ${i + 1}: `, reportInactive: true });
    notices.push(...pin.notices.map((n) => ({ ...n, key: 'pins' })));
    pins.push(pin.params);
  });
  return pins;
}

/** The pinned lecture sliders: numeric parameter keys, without repeats, at most three. */
function parseControls(raw: string, notices: Notice[]): NumericKey[] {
  const keys: NumericKey[] = [];
  if (raw === NONE) return keys;
  for (const k of raw.split(',')) {
    if (k === '') continue;
    if (keys.includes(k as NumericKey)) {
      notices.push({ key: 'controls', message: `slider “${quote(k)}” named twice; kept once.` });
    } else if (!Object.hasOwn(SPEC_BY_KEY, k) || SPEC_BY_KEY[k as keyof Params].kind !== 'number') {
      notices.push({ key: 'controls', message: `unknown slider “${quote(k)}” ignored.` });
    } else if (keys.length === MAX_FOCUS_CONTROLS) {
      notices.push({
        key: 'controls',
        message: `at most ${MAX_FOCUS_CONTROLS} sliders can be pinned; “${quote(k)}” ignored.`,
      });
    } else keys.push(k as NumericKey);
  }
  return keys;
}

/** A number of a view setting, clamped with a notice; `fallback` when it is not a number. */
function viewNumber(
  key: string,
  raw: string,
  spec: NumericSpec,
  fallback: number,
  notices: Notice[],
): number {
  const { value, reason } = readViewNumber(spec, raw);
  if (Number.isNaN(value)) {
    notices.push({
      key,
      message: `${key} = “${quote(raw)}” is not a number; ${formatValue(fallback)} used.`,
    });
    return fallback;
  }
  if (reason)
    notices.push({
      key,
      message: `${key} = “${quote(raw)}”: ${reason}; set to ${formatValue(value)}.`,
    });
  return value;
}

/** One of a list of words, or the fallback with a notice. */
function oneOf<T extends string>(
  key: string,
  raw: string,
  options: readonly T[],
  fallback: T,
  notices: Notice[],
): T {
  if ((options as readonly string[]).includes(raw)) return raw as T;
  notices.push({
    key,
    message: `${key} = “${quote(raw)}” is not one of ${options.join(', ')}; ${fallback} used.`,
  });
  return fallback;
}

/** The panels of a panels= value (known names, canonical order), or null to keep the base's. */
function parsePanels(raw: string, notices: Notice[]): PanelId[] | null {
  const ids: PanelId[] = [];
  const unknown: string[] = [];
  if (raw !== NONE && raw !== '') {
    for (const id of raw.split(',')) {
      if ((PANELS as readonly string[]).includes(id)) ids.push(id as PanelId);
      else unknown.push(`“${quote(id)}”`);
    }
  }
  // Only unknown names: the link meant some panels, so the base's are kept.
  const none = unknown.length > 0 && ids.length === 0;
  if (unknown.length > 0) {
    const names = `unknown panel${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`;
    notices.push({
      key: 'panels',
      message: none
        ? `${names} ignored; the default panels are shown (known: ${PANELS.join(', ')}).`
        : `${names} ignored (known: ${PANELS.join(', ')}).`,
    });
  }
  return none ? null : canonicalPanels(ids);
}

/** The lesson and step a link names (the lesson's own state, step 0, when it gives no step). */
function readLesson(
  get: (k: string) => string | undefined,
  lessons: LessonBook | undefined,
  base: ViewState,
  notices: Notice[],
): Pick<ViewState, 'lesson' | 'step'> {
  const raw = get('lesson');
  let lesson = base.lesson;
  let step = base.step;
  if (raw !== undefined) {
    step = 0;
    if (lessons?.ids.includes(raw)) lesson = raw;
    else {
      notices.push({ key: 'lesson', message: `unknown lesson “${quote(raw)}” ignored.` });
      lesson = null;
    }
  }
  const rawStep = get('step');
  if (rawStep === undefined) return { lesson, step };
  if (lesson === null || !lessons) {
    notices.push({ key: 'step', message: `step = “${quote(rawStep)}” names no lesson; ignored.` });
    return { lesson, step: 0 };
  }
  const spec: NumericSpec = {
    ...MODE_SPEC,
    label: 'Lesson step',
    min: 0,
    max: lessons.steps(lesson),
    default: 0,
  };
  return { lesson, step: viewNumber('step', rawStep, spec, 0, notices) };
}

/** The view of a link: its keys over the base's view (lesson and step already read). */
function parseView(
  get: (k: string) => string | undefined,
  base: ViewState,
  notices: Notice[],
): ViewState {
  const view: ViewState = { ...base };
  const panelsRaw = get('panels');
  if (panelsRaw !== undefined) view.panels = parsePanels(panelsRaw, notices) ?? base.panels;
  const theme = get('theme');
  if (theme !== undefined) view.theme = oneOf<Theme>('theme', theme, THEMES, base.theme, notices);
  const at = get('at');
  if (at !== undefined) view.at = oneOf<SweepAt>('at', at, SWEEP_ATS, base.at, notices);
  const tat = get('tat');
  if (tat !== undefined) view.tAt = viewNumber('tat', tat, T_AT_SPEC, base.tAt, notices);
  const phase = get('phase');
  if (phase !== undefined) {
    const valid = (PHASE_EXPONENTS as readonly string[]).includes(phase);
    view.phase = oneOf<PhaseExponent>('phase', phase, PHASE_EXPONENTS, base.phase, notices);
    // A link naming the diagram's exponent without a panel list opens the diagram.
    if (valid && panelsRaw === undefined) view.panels = canonicalPanels([...view.panels, 'phase']);
  }
  const controls = get('controls');
  if (controls !== undefined) view.controls = parseControls(controls, notices);
  const etr = get('etr');
  if (etr !== undefined) {
    if (etr === '0' || etr === '1') view.showEtr = etr === '1';
    else notices.push({ key: 'etr', message: `etr = “${quote(etr)}” should be 0 or 1; ignored.` });
  }
  const mode = get('mode');
  if (mode !== undefined) view.mode = viewNumber('mode', mode, MODE_SPEC, base.mode, notices);
  return view;
}

/**
 * The time window: window=auto|manual when given, else typed when the link gives a bound that
 * acts (tmin, tmax), else the base's. Bounds given with window=auto are named and ignored.
 */
function readWindow(
  get: (k: string) => string | undefined,
  given: readonly (keyof Params)[],
  params: Params,
  base: UrlState,
  notices: Notice[],
): TimeWindowMode {
  const bounds = TIME_WINDOW_KEYS.filter((k) => given.includes(k) && isActive(k, params.regime));
  const raw = get('window');
  if (raw === undefined) return bounds.length ? 'manual' : base.view.timeWindow;
  const mode = oneOf<TimeWindowMode>('window', raw, WINDOW_MODES, 'auto', notices);
  if (mode === 'manual' && !TIME_WINDOW_KEYS.every((k) => isActive(k, params.regime))) {
    notices.push({
      key: 'window',
      message: `window = “manual”: regime ${params.regime} has no training time; auto used.`,
    });
    return 'auto';
  }
  if (mode === 'auto') {
    for (const k of bounds) {
      notices.push({
        key: k,
        message: `${k} = “${quote(get(k) ?? '')}”: the time window is automatic (window=auto); ignored.`,
      });
      params[k] = base.params[k];
    }
  }
  return mode;
}

/**
 * Read a query string (with or without '?'). Never throws: whatever is wrong is replaced by a safe
 * value and reported in `notices`.
 */
export function parseUrlState(
  search: string,
  { lessons, base: given }: ParseUrlOptions = {},
): { state: UrlState; notices: Notice[] } {
  const query = readQuery(search, ['pins']);
  const { values } = query;
  const notices = [...query.notices];
  const get = (k: string) => values.get(k);
  const start = given ?? DEFAULT_URL_STATE;
  const lesson = readLesson(get, lessons, start.view, notices);
  // The link's keys apply over the lesson step it names (over `given` when the caller chose one).
  const base =
    given ??
    (lesson.lesson !== null && lessons ? lessons.stateAt(lesson.lesson, lesson.step) : start);
  const read = readParams(values, {
    base: base.params,
    otherKeys: VIEW_KEYS,
    reportInactive: true,
  });
  notices.push(...read.notices);
  const params = read.params;
  const view = parseView(get, { ...base.view, ...lesson }, notices);
  view.timeWindow = readWindow(get, read.given, params, base, notices);
  // What the link keeps of its configuration; pins are read against it, as they were written.
  const own = linkState({ params, view, pins: [] });
  // Without pins= the base's pins stay, each as the parameters in which it differs from the
  // configuration (a lesson's pin follows the link's P, say), like a written pin.
  const pinsRaw = get('pins');
  const pins =
    pinsRaw === undefined
      ? parsePins(base.pins.map((p) => pinDiff(p, base.params)).join(';'), own.params, [])
      : parsePins(pinsRaw, own.params, notices);

  notices.splice(0, notices.length, ...withVersionNotice(query.unversioned, notices));
  if (notices.length > MAX_NOTICES) {
    const extra = notices.length - (MAX_NOTICES - 1);
    notices.splice(MAX_NOTICES - 1, notices.length, {
      key: '',
      message: `and ${extra} more problems.`,
    });
  }
  return { state: { ...own, pins: pins.map(linkParams) }, notices };
}
