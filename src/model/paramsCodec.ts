// The parameter part of a shared link: a query string whose keys are the keys of PARAM_SPECS (the
// CLI flag names). Pure, with no store and no DOM: the app's URL codec (src/state/url.ts) adds its
// view keys on top, and the CLI reads `--url` with this module alone.
//
// Reading is validate + clamp + report: it never throws, whatever the link holds; every problem
// (a clamped value, a repeated key, a key that is not a parameter) becomes a notice. Writing puts
// the regime and every parameter that acts in it (and with the data source: the kernel and task
// only for a pool source), so a link states exactly what its figure uses.
import {
  DEFAULT_PARAMS,
  PARAM_SPECS,
  SPEC_BY_KEY,
  actsWithData,
  enforceConstraints,
  formatValue,
  isActive,
  sanitizeParams,
  type Adjustment,
  type Params,
} from './params.ts';

export const URL_VERSION = 1;
/** Longest query string read; the rest is ignored (with a notice). */
export const MAX_QUERY_LENGTH = 4096;
/** Longest single value read. */
export const MAX_VALUE_LENGTH = 200;

export interface Notice {
  key: string;
  message: string;
}

export function isParamKey(key: string): key is keyof Params {
  return Object.hasOwn(SPEC_BY_KEY, key);
}

/** Untrusted text as it may appear in a notice: short, control characters removed. */
export function quote(raw: string, max = 40): string {
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, '�');
  const chars = Array.from(clean);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : clean;
}

/** Percent-encode, keeping the separators of the link's small grammar (, : ;) readable. */
export function encodeComponent(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2C/gi, ',')
    .replace(/%3A/gi, ':')
    .replace(/%3B/gi, ';');
}

/** Text of one parameter value as a link writes it ("inf" for ∞). */
export function paramText(p: Params, key: keyof Params): string {
  const v = p[key];
  return typeof v === 'number' ? formatValue(v) : v;
}

/**
 * The configuration as a link carries it: parameters that do not act in the regime take their
 * defaults (they change nothing in the figure, and the CLI rejects them; PARAM_SPECS `regimes`).
 */
export function linkParams(p: Params): Params {
  const q = { ...p };
  for (const s of PARAM_SPECS) {
    if (!actsIn(s.key, p)) (q as Record<string, unknown>)[s.key] = s.default;
  }
  return q;
}

/** Whether a parameter acts in a configuration: in its regime, and with its data source. */
export function actsIn(key: keyof Params, p: Params): boolean {
  return isActive(key, p.regime) && actsWithData(key, p.data);
}

/** The [key, text] pairs of a configuration: the regime and every parameter acting in it. */
export function writeParams(p: Params): [string, string][] {
  return PARAM_SPECS.filter((s) => actsIn(s.key, p)).map((s) => [s.key, paramText(p, s.key)]);
}

/** One value per key of a query string, and the notices about reading it. */
export interface QueryValues {
  values: Map<string, string>;
  notices: Notice[];
  /** The link gives settings but no version `v` (see withVersionNotice). */
  unversioned: boolean;
}

/**
 * Split a query string (with or without '?') into one value per key: the last when a key repeats
 * (with a notice); values longer than MAX_VALUE_LENGTH are dropped with a notice, except for
 * `longKeys`. The version key `v` is checked here and not returned.
 */
export function readQuery(search: string, longKeys: readonly string[] = []): QueryValues {
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
    if (last.length > (longKeys.includes(key) ? MAX_QUERY_LENGTH : MAX_VALUE_LENGTH)) {
      notices.push({
        key,
        message: `the value of “${quote(key)}” is ${last.length} characters long; ignored.`,
      });
      continue;
    }
    values.set(key, last);
  }
  const version = values.get('v');
  values.delete('v');
  if (version !== undefined && version !== String(URL_VERSION)) {
    notices.push({
      key: 'v',
      message: `link version “${quote(version)}” is not supported; read as version ${URL_VERSION}, some settings may differ.`,
    });
  }
  return { values, notices, unversioned: version === undefined && values.size > 0 };
}

/**
 * The notices about a link, with one about its missing version first when something else in it
 * was wrong: a link without `v` whose keys are all valid is read as the current version silently.
 */
export function withVersionNotice(unversioned: boolean, notices: readonly Notice[]): Notice[] {
  if (!unversioned || notices.length === 0) return [...notices];
  return [
    { key: 'v', message: `the link has no version; read as version ${URL_VERSION}.` },
    ...notices,
  ];
}

/** A notice about a value that was changed or dropped. */
export function adjustmentNotice(a: Adjustment, prefix = ''): Notice {
  const to = a.to === '' ? 'ignored' : `set to ${a.to}`;
  return {
    key: a.key,
    message: `${prefix}${quote(a.key)} = “${quote(a.from)}”: ${a.reason}; ${to}.`,
  };
}

export interface ParsedParams {
  params: Params;
  /** The parameter keys the link gave (in the order given), whatever became of their values. */
  given: (keyof Params)[];
  notices: Notice[];
}

export interface ReadParamsOptions {
  /** Values of the keys the link does not give (pins: the link's own configuration). */
  base?: Params;
  /** Keys the caller reads itself (the app's view keys): neither parameters nor unknown. */
  otherKeys?: readonly string[];
  /** Prepended to every notice (e.g. "pin 2: "). */
  prefix?: string;
  /**
   * Name every key given that does not act in the configuration read (its regime, its data
   * source) in a notice, and leave it at the base value. The app reads links so; the CLI refuses
   * such keys instead (cli/resolve.ts), so it reads them as given.
   */
  reportInactive?: boolean;
}

/** Why a parameter does not act in a configuration, or null when it acts. */
export function inactiveReason(key: keyof Params, p: Params): string | null {
  const spec = SPEC_BY_KEY[key];
  if (!isActive(key, p.regime))
    return `does not act in regime ${p.regime} (it acts in ${spec.regimes.join(', ')})`;
  if (!actsWithData(key, p.data))
    return `does not act with data ${p.data} (it acts with ${spec.data!.join(', ')})`;
  return null;
}

/**
 * The parameters of a link's values: validated and clamped against PARAM_SPECS, cross-parameter
 * constraints applied; every change and every key that is neither a parameter nor in `otherKeys`
 * is reported.
 */
export function readParams(
  values: ReadonlyMap<string, string>,
  {
    base = DEFAULT_PARAMS,
    otherKeys = [],
    prefix = '',
    reportInactive = false,
  }: ReadParamsOptions = {},
): ParsedParams {
  // No prototype: a key "__proto__" from an untrusted link is a plain (unknown) key here.
  const record = Object.create(null) as Record<string, string>;
  const given: (keyof Params)[] = [];
  for (const [key, value] of values) {
    if (otherKeys.includes(key)) continue;
    record[key] = value;
    if (isParamKey(key)) given.push(key);
  }
  const { params, notes } = sanitizeParams(record, base);
  if (!reportInactive)
    return { params, given, notices: notes.map((n) => adjustmentNotice(n, prefix)) };
  // Judged against the configuration read: its regime and data source may come from the link.
  const inactive = new Map<string, string>();
  for (const key of given) {
    const why = inactiveReason(key, params);
    if (why) inactive.set(key, why);
  }
  for (const key of inactive.keys())
    (params as unknown as Record<string, unknown>)[key] = base[key as keyof Params];
  const kept = notes.filter((n) => !inactive.has(n.key));
  const notices = kept.map((n) => adjustmentNotice(n, prefix));
  for (const [key, why] of inactive)
    notices.push(adjustmentNotice({ key, from: record[key], to: '', reason: why }, prefix));
  // The values kept come from a valid base and a sanitised link, so this changes nothing; were it
  // ever to, the change is named like any other.
  const late: Adjustment[] = [];
  const checked = enforceConstraints(params, late);
  notices.push(...late.map((n) => adjustmentNotice(n, prefix)));
  return { params: checked, given, notices };
}
