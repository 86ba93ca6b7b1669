// The app's URL codec: the parameter part comes from src/model/paramsCodec.ts (shared with the CLI),
// this module adds the view keys and the pins. parse = validate + clamp + report: it never
// throws, whatever the link holds, and returns the notices shown in the url-notice banner. Values
// from the URL are only ever rendered as text, never as HTML.
//
//   ?v=1&regime=gf&alpha=1.5&beta=2&P=400&N=1000&M=inf&…&lesson=noise&panels=formulas,modes
//    &theme=lecture&at=t&tat=100&etr=0&mode=30&pins=sigma2:0.1,P:800;same&controls=sigma2,P
//
// The regime and every parameter acting in it are always written (a link keeps its meaning if a
// default changes; the others change nothing in the figure and are left out, so the CLI, which
// rejects them, reads every link the app writes); view keys only when they differ from DEFAULT_VIEW. A pin is written as the parameters in which it differs from
// the link's configuration ("same" when none), pins separated by ';'.
import {
  DEFAULT_PARAMS,
  coerceValue,
  formatValue,
  isActive,
  SPEC_BY_KEY,
  type NumericKey,
  type Params,
} from '../model/params.ts';
import {
  MAX_QUERY_LENGTH,
  URL_VERSION,
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
  PANELS,
  SWEEP_ATS,
  THEMES,
  T_AT_SPEC,
  canonicalPanels,
  parseMode,
  type PanelId,
  type Theme,
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

export interface ParseUrlOptions {
  /** The lesson ids a link may name (the lessons live outside state/ and are passed in). */
  lessonIds?: readonly string[];
}

const VIEW_KEYS = [
  'lesson',
  'panels',
  'theme',
  'at',
  'tat',
  'etr',
  'mode',
  'pins',
  'phase',
  'controls',
] as const;
const PIN_SAME = 'same';
/** A link with either of these keys has a typed (manual) time window; without, an automatic one. */
const TIME_WINDOW_KEYS = ['tmin', 'tmax'] as const;

/** A pin as the parameters (acting in its regime) in which it differs from the link's. */
function pinDiff(pin: Params, base: Params): string {
  const p = linkParams(pin);
  const keys = differingKeys(p, linkParams(base));
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

/** The query string (without '?') of a state. */
export function serializeUrlState(s: UrlState): string {
  const view = s.view;
  // An automatic window is not written: the link opens with the window the dynamics choose.
  const written = writeParams(s.params).filter(
    ([k]) => view.timeWindow === 'manual' || !(TIME_WINDOW_KEYS as readonly string[]).includes(k),
  );
  const parts: [string, string][] = [['v', String(URL_VERSION)], ...written];
  if (view.lesson !== null) parts.push(['lesson', view.lesson]);
  const panels = canonicalPanels(view.panels);
  // The diagram's exponent is written whenever the diagram is shown, so the link names it; a link
  // with phase= and no panels= opens the diagram, so one that hides it lists its panels.
  const writePhase = view.phase !== DEFAULT_VIEW.phase || panels.includes('phase');
  if (
    panels.length !== DEFAULT_VIEW.panels.length ||
    panels.some((p) => !DEFAULT_VIEW.panels.includes(p)) ||
    (writePhase && !panels.includes('phase'))
  ) {
    parts.push(['panels', panels.length ? panels.join(',') : 'none']);
  }
  if (view.theme !== DEFAULT_VIEW.theme) parts.push(['theme', view.theme]);
  if (view.at !== DEFAULT_VIEW.at) parts.push(['at', view.at]);
  if (view.tAt !== DEFAULT_VIEW.tAt) parts.push(['tat', formatValue(view.tAt)]);
  if (view.showEtr !== DEFAULT_VIEW.showEtr) parts.push(['etr', view.showEtr ? '1' : '0']);
  if (writePhase) parts.push(['phase', view.phase]);
  if (view.mode !== DEFAULT_VIEW.mode) parts.push(['mode', String(view.mode)]);
  if (view.controls.length) parts.push(['controls', view.controls.join(',')]);
  // Pins are written against the parameters the link carries (the window's defaults when auto).
  const base = linkState(s).params;
  if (s.pins.length) parts.push(['pins', s.pins.map((p) => pinDiff(p, base)).join(';')]);
  return parts.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&');
}

/** Parse a pins value against the link's configuration. */
function parsePins(raw: string, base: Params, notices: Notice[]): Params[] {
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
        values.set(
          colon < 0 ? field : field.slice(0, colon),
          colon < 0 ? '' : field.slice(colon + 1),
        );
      }
    }
    const pin = readParams(values, { base, prefix: `pin ${i + 1}: ` });
    notices.push(...pin.notices);
    pins.push(pin.params);
  });
  return pins;
}

/** The pinned lecture sliders: numeric parameter keys, without repeats, at most three. */
function parseControls(raw: string, notices: Notice[]): NumericKey[] {
  const keys: NumericKey[] = [];
  for (const k of raw.split(',')) {
    if (k === '' || keys.includes(k as NumericKey)) continue;
    if (!Object.hasOwn(SPEC_BY_KEY, k) || SPEC_BY_KEY[k as keyof Params].kind !== 'number') {
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

function parseView(
  get: (k: string) => string | undefined,
  lessonIds: readonly string[],
  notices: Notice[],
): ViewState {
  const view: ViewState = { ...DEFAULT_VIEW };
  const lesson = get('lesson');
  if (lesson !== undefined) {
    if (lessonIds.includes(lesson)) view.lesson = lesson;
    else notices.push({ key: 'lesson', message: `unknown lesson “${quote(lesson)}” ignored.` });
  }
  const panels = get('panels');
  if (panels !== undefined) {
    const ids: PanelId[] = [];
    const unknown: string[] = [];
    if (panels !== 'none' && panels !== '') {
      for (const id of panels.split(',')) {
        if ((PANELS as readonly string[]).includes(id)) ids.push(id as PanelId);
        else unknown.push(`“${quote(id)}”`);
      }
    }
    // Only unknown names: the link meant some panels, so the default ones are kept.
    const none = unknown.length > 0 && ids.length === 0;
    if (!none) view.panels = canonicalPanels(ids);
    if (unknown.length > 0) {
      const names = `unknown panel${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`;
      notices.push({
        key: 'panels',
        message: none
          ? `${names} ignored; the default panels are shown (known: ${PANELS.join(', ')}).`
          : `${names} ignored (known: ${PANELS.join(', ')}).`,
      });
    }
  }
  const theme = get('theme');
  if (theme !== undefined) {
    if ((THEMES as readonly string[]).includes(theme)) view.theme = theme as Theme;
    else notices.push({ key: 'theme', message: `unknown theme “${quote(theme)}”; normal used.` });
  }
  const at = get('at');
  if (at !== undefined) {
    if ((SWEEP_ATS as readonly string[]).includes(at)) view.at = at as SweepAt;
    else
      notices.push({
        key: 'at',
        message: `at = “${quote(at)}” is not one of ${SWEEP_ATS.join(', ')}; tstar used.`,
      });
  }
  const tat = get('tat');
  if (tat !== undefined) {
    // The tmax spec with the sweep-time range and no default: NaN marks unreadable text.
    const spec = { ...T_AT_SPEC, default: NaN };
    const { value, reason } = coerceValue(spec, tat);
    if (Number.isNaN(value)) {
      notices.push({
        key: 'tat',
        message: `tat = “${quote(tat)}” is not a number; ${DEFAULT_VIEW.tAt} used.`,
      });
    } else {
      view.tAt = value;
      if (reason) {
        notices.push({
          key: 'tat',
          message: `tat = “${quote(tat)}”: ${reason}; set to ${formatValue(value)}.`,
        });
      }
    }
  }
  const phase = get('phase');
  if (phase !== undefined) {
    if ((PHASE_EXPONENTS as readonly string[]).includes(phase)) {
      view.phase = phase as PhaseExponent;
      // A link naming the diagram's exponent without a panel list opens the diagram.
      if (panels === undefined) view.panels = canonicalPanels([...view.panels, 'phase']);
    } else
      notices.push({
        key: 'phase',
        message:
          `phase = “${quote(phase)}” is not one of ${PHASE_EXPONENTS.join(', ')}; ` +
          `${DEFAULT_VIEW.phase} used.`,
      });
  }
  const controls = get('controls');
  if (controls !== undefined) view.controls = parseControls(controls, notices);
  const etr = get('etr');
  if (etr !== undefined) {
    if (etr === '0' || etr === '1') view.showEtr = etr === '1';
    else notices.push({ key: 'etr', message: `etr = “${quote(etr)}” should be 0 or 1; ignored.` });
  }
  const mode = get('mode');
  if (mode !== undefined) {
    const r = parseMode(mode);
    if (r.ok) view.mode = r.k;
    else
      notices.push({
        key: 'mode',
        message: `mode = “${quote(mode)}”: ${r.message}; ${DEFAULT_VIEW.mode} used.`,
      });
  }
  return view;
}

/**
 * Read a query string (with or without '?'). Never throws: whatever is wrong is replaced by a safe
 * value and reported in `notices`.
 */
export function parseUrlState(
  search: string,
  { lessonIds = [] }: ParseUrlOptions = {},
): { state: UrlState; notices: Notice[] } {
  const query = readQuery(search, ['pins']);
  const { values } = query;
  const notices = [...query.notices];
  const get = (k: string) => values.get(k);
  const read = readParams(values, { otherKeys: VIEW_KEYS });
  notices.push(...read.notices);
  const params = read.params;
  const view = parseView(get, lessonIds, notices);
  view.timeWindow = TIME_WINDOW_KEYS.some((k) => values.has(k)) ? 'manual' : 'auto';
  const pinsRaw = get('pins');
  const pins = pinsRaw === undefined || pinsRaw === '' ? [] : parsePins(pinsRaw, params, notices);

  notices.splice(0, notices.length, ...withVersionNotice(query.unversioned, notices));
  if (notices.length > MAX_NOTICES) {
    const extra = notices.length - (MAX_NOTICES - 1);
    notices.splice(MAX_NOTICES - 1, notices.length, {
      key: '',
      message: `and ${extra} more problems.`,
    });
  }
  return { state: { params, view, pins }, notices };
}
