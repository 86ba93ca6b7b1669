// The URL codec: a readable, versioned query string whose keys are the CLI flag names (the keys of
// PARAM_SPECS) plus a few view keys. parse = validate + clamp + report: it never
// throws, whatever the link holds, and returns the notices shown in the url-notice banner. Values
// from the URL are only ever rendered as text, never as HTML.
//
//   ?v=1&regime=gf&alpha=1.5&beta=2&P=400&N=1000&M=inf&…&lesson=noise&panels=formulas,modes
//    &theme=lecture&at=t&tat=100&etr=0&pins=sigma2:0.1,P:800;same
//
// Every parameter is always written (a link keeps its meaning if a default changes); view keys only
// when they differ from DEFAULT_VIEW. A pin is written as the parameters in which it differs from
// the link's configuration ("same" when none), pins separated by ';'.
import {
  PARAM_SPECS,
  SPEC_BY_KEY,
  coerceValue,
  formatValue,
  sanitizeParams,
  type Adjustment,
  type Params,
} from '../model/params.ts';
import type { SweepAt } from '../model/types.ts';
import { LESSON_IDS } from '../lessons/lessons.ts';
import { MAX_PINS, differingKeys } from './pins.ts';
import {
  DEFAULT_VIEW,
  PANELS,
  SWEEP_ATS,
  THEMES,
  T_AT_SPEC,
  canonicalPanels,
  type PanelId,
  type Theme,
  type ViewState,
} from './view.ts';

export const URL_VERSION = 1;
/** Longest query string read; the rest is ignored (with a notice). */
export const MAX_QUERY_LENGTH = 4096;
/** Longest single value read (pins, up to six partial configurations, may use the whole link). */
export const MAX_VALUE_LENGTH = 200;
/** Most notices listed; the rest are summarised. */
export const MAX_NOTICES = 12;

export interface UrlState {
  params: Params;
  view: ViewState;
  pins: Params[];
}

export interface Notice {
  key: string;
  message: string;
}

const VIEW_KEYS = ['lesson', 'panels', 'theme', 'at', 'tat', 'etr', 'pins'] as const;
const PIN_SAME = 'same';

function isParamKey(key: string): key is keyof Params {
  return Object.hasOwn(SPEC_BY_KEY, key);
}

/** Percent-encode, keeping the separators of our own small grammar (, : ;) readable. */
function enc(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2C/gi, ',')
    .replace(/%3A/gi, ':')
    .replace(/%3B/gi, ';');
}

/** Untrusted text as it may appear in a notice: short, control characters removed. */
export function quote(raw: string, max = 40): string {
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, '�');
  const chars = Array.from(clean);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : clean;
}

function pinDiff(pin: Params, base: Params): string {
  const keys = differingKeys(pin, base);
  if (keys.length === 0) return PIN_SAME;
  return keys
    .map((k) => `${k}:${k === 'regime' ? pin.regime : formatValue(pin[k] as number)}`)
    .join(',');
}

/** The query string (without '?') of a state. */
export function serializeUrlState(s: UrlState): string {
  const parts: [string, string][] = [['v', String(URL_VERSION)]];
  for (const spec of PARAM_SPECS) {
    const v = s.params[spec.key];
    parts.push([spec.key, typeof v === 'number' ? formatValue(v) : v]);
  }
  const view = s.view;
  if (view.lesson !== null) parts.push(['lesson', view.lesson]);
  const panels = canonicalPanels(view.panels);
  if (
    panels.length !== DEFAULT_VIEW.panels.length ||
    panels.some((p) => !DEFAULT_VIEW.panels.includes(p))
  ) {
    parts.push(['panels', panels.length ? panels.join(',') : 'none']);
  }
  if (view.theme !== DEFAULT_VIEW.theme) parts.push(['theme', view.theme]);
  if (view.at !== DEFAULT_VIEW.at) parts.push(['at', view.at]);
  if (view.tAt !== DEFAULT_VIEW.tAt) parts.push(['tat', formatValue(view.tAt)]);
  if (view.showEtr !== DEFAULT_VIEW.showEtr) parts.push(['etr', view.showEtr ? '1' : '0']);
  if (s.pins.length) parts.push(['pins', s.pins.map((p) => pinDiff(p, s.params)).join(';')]);
  return parts.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

function adjustmentNotice(a: Adjustment, prefix = ''): Notice {
  const to = a.to === '' ? 'ignored' : `set to ${a.to}`;
  return {
    key: a.key,
    message: `${prefix}${a.key} = “${quote(a.from)}”: ${a.reason}; ${to}.`,
  };
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
    const prefix = `pin ${i + 1}: `;
    const record: Record<string, string> = {};
    if (item.trim() !== PIN_SAME) {
      for (const field of item.split(',')) {
        if (field === '') continue;
        const colon = field.indexOf(':');
        const key = colon < 0 ? field : field.slice(0, colon);
        const value = colon < 0 ? '' : field.slice(colon + 1);
        if (!isParamKey(key)) {
          notices.push({
            key: 'pins',
            message: `${prefix}unknown setting “${quote(key)}” ignored.`,
          });
          continue;
        }
        record[key] = value;
      }
    }
    const { params, notes } = sanitizeParams(record, base);
    for (const n of notes) notices.push(adjustmentNotice(n, prefix));
    pins.push(params);
  });
  return pins;
}

function parseView(get: (k: string) => string | undefined, notices: Notice[]): ViewState {
  const view: ViewState = { ...DEFAULT_VIEW };
  const lesson = get('lesson');
  if (lesson !== undefined) {
    if (LESSON_IDS.includes(lesson)) view.lesson = lesson;
    else notices.push({ key: 'lesson', message: `unknown lesson “${quote(lesson)}” ignored.` });
  }
  const panels = get('panels');
  if (panels !== undefined) {
    const ids: PanelId[] = [];
    if (panels !== 'none' && panels !== '') {
      for (const id of panels.split(',')) {
        if ((PANELS as readonly string[]).includes(id)) ids.push(id as PanelId);
        else notices.push({ key: 'panels', message: `unknown panel “${quote(id)}” ignored.` });
      }
    }
    view.panels = canonicalPanels(ids);
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
  const etr = get('etr');
  if (etr !== undefined) {
    if (etr === '0' || etr === '1') view.showEtr = etr === '1';
    else notices.push({ key: 'etr', message: `etr = “${quote(etr)}” should be 0 or 1; ignored.` });
  }
  return view;
}

/**
 * Read a query string (with or without '?'). Never throws: whatever is wrong is replaced by a safe
 * value and reported in `notices`.
 */
export function parseUrlState(search: string): { state: UrlState; notices: Notice[] } {
  const notices: Notice[] = [];
  let q = typeof search === 'string' ? search : '';
  if (q.startsWith('?')) q = q.slice(1);
  if (q.length > MAX_QUERY_LENGTH) {
    notices.push({
      key: '',
      message: `the link's settings are ${q.length} characters long; only the first ${MAX_QUERY_LENGTH} were read.`,
    });
    q = q.slice(0, MAX_QUERY_LENGTH);
  }
  let usp: URLSearchParams;
  try {
    usp = new URLSearchParams(q);
  } catch {
    usp = new URLSearchParams();
  }
  // One value per key: the last, with a notice when a key repeats or a value is absurdly long.
  const values = new Map<string, string>();
  for (const key of new Set(usp.keys())) {
    const all = usp.getAll(key);
    const last = all[all.length - 1];
    if (all.length > 1) {
      notices.push({
        key,
        message: `“${quote(key)}” appears ${all.length} times; the last value (“${quote(last)}”) is used.`,
      });
    }
    if (last.length > (key === 'pins' ? MAX_QUERY_LENGTH : MAX_VALUE_LENGTH)) {
      notices.push({
        key,
        message: `the value of “${quote(key)}” is ${last.length} characters long; ignored.`,
      });
      continue;
    }
    values.set(key, last);
  }
  const get = (k: string) => values.get(k);

  const known = new Set<string>(['v', ...VIEW_KEYS]);
  const raw: Record<string, string> = {};
  for (const [key, value] of values) {
    if (isParamKey(key)) raw[key] = value;
    else if (!known.has(key)) {
      notices.push({ key, message: `unknown setting “${quote(key)}” ignored.` });
    }
  }
  const version = get('v');
  if (version === undefined) {
    if (values.size > 0) {
      notices.push({
        key: 'v',
        message: `the link has no version; read as version ${URL_VERSION}.`,
      });
    }
  } else if (version !== String(URL_VERSION)) {
    notices.push({
      key: 'v',
      message: `link version “${quote(version)}” is not supported; read as version ${URL_VERSION}, some settings may differ.`,
    });
  }

  const { params, notes } = sanitizeParams(raw);
  for (const n of notes) notices.push(adjustmentNotice(n));
  const view = parseView(get, notices);
  const pinsRaw = get('pins');
  const pins = pinsRaw === undefined || pinsRaw === '' ? [] : parsePins(pinsRaw, params, notices);

  if (notices.length > MAX_NOTICES) {
    const extra = notices.length - (MAX_NOTICES - 1);
    notices.splice(MAX_NOTICES - 1, notices.length, {
      key: '',
      message: `and ${extra} more problems.`,
    });
  }
  return { state: { params, view, pins }, notices };
}
