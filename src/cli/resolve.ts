// From the parameter values a run was given (flags, a --url link, a --batch line) to one validated
// configuration. No value is ever silently ignored:
//  - with an explicit regime, a parameter that does not act in it (PARAM_SPECS `regimes`) is an
//    error naming it and the regimes in which it acts;
//  - without one, the regime follows from what was given (inferRegime: T > 0 → langevin, else
//    γ > 0 → wd, else gf; the values given can then never contradict it), and the caller says so
//    on stderr.
import {
  DEFAULT_PARAMS,
  PARAM_SPECS,
  ParamError,
  REGIMES,
  SPEC_BY_KEY,
  actsWithData,
  actsWithSchedule,
  coerceValue,
  describeRange,
  isActive,
  numericSpec,
  validateParams,
  type Params,
  type Regime,
} from '../model/params.ts';
import { inSteps, REGIME, regimesOwning } from '../model/regimes.ts';
import { logSteps } from '../model/sgd/curve.ts';
import { sourceChoiceFix } from '../model/data/sources.ts';

export class CliError extends Error {
  /** The flag or key at fault ('' when none). */
  readonly flag: string;
  constructor(flag: string, message: string) {
    super(message);
    this.name = 'CliError';
    this.flag = flag;
  }
}

/** One parameter value and how to name it in a message ("--gamma", "gamma in --url"). */
export interface Given {
  key: keyof Params;
  value: number | string;
  name: string;
}

/** Strictly read one value: malformed, out of range or not an integer where one is needed is an error. */
export function strictValue(key: keyof Params, raw: unknown, name: string): number | string {
  const spec = SPEC_BY_KEY[key];
  if (spec.kind === 'enum') {
    if (typeof raw === 'string' && spec.options.includes(raw)) return raw;
    throw new CliError(key, `${name}: “${String(raw)}” is not allowed (${describeRange(spec)})`);
  }
  const { value, reason } = coerceValue(spec, typeof raw === 'number' ? raw : String(raw).trim());
  if (reason) {
    throw new CliError(
      key,
      `${name}: “${String(raw)}” is ${reason.split(';')[0]} (${describeRange(spec)})`,
    );
  }
  return value;
}

/** A parameter only some regimes have: one with a neutral value (γ, T, σ₀²), or a regime's own. */
function isSwitch(key: keyof Params): boolean {
  const spec = SPEC_BY_KEY[key];
  return (spec.kind === 'number' && spec.neutral !== undefined) || regimesOwning(key).length > 0;
}

/** A given value switches something on: away from its neutral value, or given at all. */
function switchesOn(g: Given): boolean {
  const spec = SPEC_BY_KEY[g.key];
  if (!isSwitch(g.key)) return false;
  return spec.kind !== 'number' || spec.neutral === undefined || g.value !== spec.neutral;
}

/** "--T > 0", or "--eta given" for a regime's own parameter. */
function switchPhrase(key: keyof Params, name: string): string {
  const spec = SPEC_BY_KEY[key];
  return spec.kind === 'number' && spec.neutral !== undefined
    ? `${name} > ${spec.neutral}`
    : `${name} given`;
}

/**
 * The regime that the values given imply when none is named, and why (one line): the first regime
 * of the table (regimes.ts) in which every value that switches something on acts, so the values
 * given can never contradict it (T > 0 → langevin, else γ > 0 → wd, else gf). The reason names
 * the values the regime before it in the table cannot take.
 */
export function inferRegime(last: ReadonlyMap<keyof Params, Given>): {
  regime: Regime;
  why: string;
} {
  const on = [...last.values()].filter(switchesOn);
  const i = REGIMES.findIndex((r) => on.every((g) => isActive(g.key, r)));
  const phrases = (gs: Given[]) => gs.map((g) => switchPhrase(g.key, g.name));
  if (i < 0)
    throw new CliError(
      on[0].key,
      `no regime takes ${phrases(on).join(' with ')}; name one with --regime`,
    );
  if (i > 0) {
    const before = REGIMES[i - 1];
    const why = phrases(on.filter((g) => !isActive(g.key, before)));
    return { regime: REGIMES[i], why: why.join(', ') };
  }
  // What would have chosen another regime: the later regimes' switches first.
  const first = (key: keyof Params) => REGIMES.findIndex((r) => isActive(key, r));
  const off = PARAM_SPECS.filter((s) => isSwitch(s.key) && !isActive(s.key, REGIMES[0]));
  const switches = off
    .filter((s) => regimesOwning(s.key).length === 0)
    .sort((a, b) => first(b.key) - first(a.key))
    .map((s) => switchPhrase(s.key, s.key));
  // A regime's own parameters (SGD's eta, batch, …) are named once, as that regime's.
  const owners = new Set(off.flatMap((s) => regimesOwning(s.key)));
  for (const r of owners) switches.push(`${REGIME[r].short} parameter`);
  return { regime: REGIMES[0], why: `no ${switches.join(' or ')} given` };
}

export interface Resolved {
  params: Params;
  /** Set when the regime was inferred: the one-line explanation to print. */
  inferred: string | null;
  /** One-pass SGD: the steps --times asks for (null: nt steps over 1 … S). */
  steps: Float64Array | null;
}

/** The regime the values name, or the one they make (as resolveParams decides it). */
function regimeOf(given: readonly Given[]): Regime {
  const last = new Map<keyof Params, Given>();
  for (const g of given) last.set(g.key, g);
  const named = last.get('regime');
  return named ? (named.value as Regime) : inferRegime(last).regime;
}

/** The configuration of the values given (later values of a key override earlier ones). */
export function resolveParams(all: readonly Given[], base: Params = DEFAULT_PARAMS): Resolved {
  // In a regime trained in steps (one-pass SGD) --times gives the steps, not a time window.
  const { rest: given, steps } = inSteps(regimeOf(all))
    ? takeStepTimes(all)
    : { rest: all, steps: null };
  const last = new Map<keyof Params, Given>();
  for (const g of given) last.set(g.key, g);
  const named = last.get('regime');
  let regime: Regime;
  let inferred: string | null = null;
  if (named) {
    regime = named.value as Regime;
    for (const g of last.values()) {
      if (isActive(g.key, regime)) continue;
      throw new CliError(
        g.key,
        `${g.name} does not act in regime ${regime} (${named.name}); it acts in ${SPEC_BY_KEY[g.key].regimes.join(', ')}`,
      );
    }
  } else {
    const r = inferRegime(last);
    regime = r.regime;
    inferred = `regime: ${regime} (inferred: ${r.why}; --regime sets it)`;
  }
  const params: Params = { ...base, regime };
  for (const g of last.values()) (params as unknown as Record<string, unknown>)[g.key] = g.value;
  // A data source's own kernel and task where none was given (the defaults are another's).
  const fix = sourceChoiceFix(params);
  for (const key of ['kernel', 'task'] as const)
    if (fix && !last.has(key)) params[key] = fix[key] as never;
  for (const g of last.values()) {
    if (actsWithData(g.key, params.data)) continue;
    const only = SPEC_BY_KEY[g.key].data!;
    throw new CliError(
      g.key,
      `${g.name} does not act with data ${params.data}; it acts with --data ${only.join(' or ')}`,
    );
  }
  for (const g of last.values()) {
    if (actsWithSchedule(g.key, params.schedule)) continue;
    const only = SPEC_BY_KEY[g.key].schedules!;
    throw new CliError(
      g.key,
      `${g.name} does not act with schedule ${params.schedule}; it acts with --schedule ${only.join(' or ')}`,
    );
  }
  try {
    validateParams(params);
  } catch (err) {
    if (!(err instanceof ParamError)) throw err;
    throw new CliError(err.param, `${last.get(err.param)?.name ?? err.param}: ${err.message}`);
  }
  return { params, inferred, steps };
}

/**
 * In a regime in steps the values of --times (given as tmin, tmax, nt) are the first and last step
 * and the number of points: distinct integers, log-spaced. Returns the other values and the steps.
 */
export function takeStepTimes(given: readonly Given[]): {
  rest: Given[];
  steps: Float64Array | null;
} {
  const times = given.filter((g) => g.name === '--times');
  if (times.length === 0) return { rest: [...given], steps: null };
  const value = (key: keyof Params) => Number(times.find((g) => g.key === key)?.value);
  const [a, b, n] = [value('tmin'), value('tmax'), value('nt')];
  const max = numericSpec('horizon').max;
  if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 1 && b > a && b <= max))
    throw new CliError(
      'times',
      `--times a:b:n: under one-pass SGD a and b are step counts, integers with 1 ≤ a < b ≤ ${max}; got ${a}:${b}`,
    );
  return { rest: given.filter((g) => g.name !== '--times'), steps: logSteps(a, b, n) };
}
