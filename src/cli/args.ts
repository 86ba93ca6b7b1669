// Command-line flags, derived from the parameter table (the flag names are the URL keys). Unlike
// the app's links (untrusted, clamped with a notice), a bad flag is an error: one line naming the
// flag and its allowed range, exit code 2. The values are collected here; resolve.ts turns them
// into one configuration (regime rule), checkMode below checks them against the mode of the run.
import { PARAM_SPECS, type Params } from '../model/params.ts';
import { POOL_SOURCES, isMeasured, poolSourceOf, runKind } from '../model/data/sources.ts';
import { inSteps } from '../model/regimes.ts';
import { isParamKey, readParams, readQuery, withVersionNotice } from '../model/paramsCodec.ts';
import { CliError, strictValue, type Given } from './resolve.ts';
import { parseModeFlag } from './meanfield.ts';
import { FIT_UNUSED, parseFitAxis, parseXMin } from './fit.ts';
import { FIT_AXES, type FitAxis } from '../model/runfit/runs.ts';
import {
  ALPHA_RANGE,
  BETA_RANGE,
  PHASE_EXPONENTS,
  type PhaseExponent,
} from '../model/theory/phase.ts';

export type Mode = 'curve' | 'simulate' | 'frontier' | 'real' | 'phase' | 'fit';

export interface CliOptions {
  /** Parameter values in the order they apply: the --url link's, then the flags'. */
  given: Given[];
  mode: Mode;
  format: 'csv' | 'json';
  /** Recompute the curve this many times and report msPerCurve (0: once, no timing). */
  repeat: number;
  /** --mode K: one mode in detail in the JSON record (null: none). */
  modeK: number | null;
  /** --lines: a file of JSON lines, or '-' for standard input. */
  lines: string | null;
  /** --phase EXPONENT: the phase diagram's grid of that exponent (mode 'phase'). */
  phase: PhaseExponent | null;
  /** --grid K: points per axis of the phase grid. */
  gridK: number;
  help: boolean;
  /** Messages about what a --url link had to change or does not use (printed on stderr). */
  warnings: string[];
  /** --fit FILE --x AXIS [--xmin X]: fit the theory to a user's runs (src/cli/fit.ts). */
  fit: { file: string; axis: FitAxis | null; xMin: number } | null;
}

/** --grid: points per axis of the phase grid (the app's is 12 × 12). */
export const DEFAULT_GRID = 12;
const MIN_GRID = 2;
const MAX_GRID = 48;

/** The flags that are not parameters, with their help text (the parameters' come from the table). */
export const EXTRA_FLAGS: readonly { name: string; value: string; help: string }[] = [
  { name: 'times', value: 'tmin:tmax:n', help: 'shorthand for --tmin --tmax --nt' },
  {
    name: 'url',
    value: "'<query>'",
    help: 'the parameters of a shared link of the app (flags given too override it)',
  },
  {
    name: 'format',
    value: 'csv|json',
    help: 'csv (default) or json: params, t, Eg, Etr, earlyStop, limit, exponents, parts, order',
  },
  {
    name: 'mode',
    value: 'K',
    help: 'with --format json: adds mode K in detail (lambda, ell(t), free dynamics, learned time)',
  },
  {
    name: 'repeat',
    value: 'K',
    help: 'recompute the curve K times and report the median msPerCurve (json, or on stderr)',
  },
  {
    name: 'simulate',
    value: '',
    help: 'the exact finite-size simulator instead (--seeds, --seed): t,Eg_mean,Eg_sem',
  },
  {
    name: 'real',
    value: '',
    help: `with --data ${POOL_SOURCES.map((s) => s.id).join('|')}: real training on P images of the pool (--seeds, --seed): t,Eg_mean,Eg_sem`,
  },
  {
    name: 'frontier',
    value: '',
    help: 'compute-optimal allocation at this P (gradient flow): C,Lstar,Nstar,tstar, C = N·t = 1e3…1e9',
  },
  {
    name: 'phase',
    value: PHASE_EXPONENTS.join('|'),
    help:
      `the phase diagram: on a K×K grid over α ∈ [${ALPHA_RANGE.join(', ')}], ` +
      `β ∈ [${BETA_RANGE.join(', ')}] at the other parameters: alpha,beta,predicted,fitted,law`,
  },
  {
    name: 'grid',
    value: 'K',
    help: `with --phase: K points per axis (integer in [${MIN_GRID}, ${MAX_GRID}], default ${DEFAULT_GRID})`,
  },
  {
    name: 'lines',
    value: 'FILE|-',
    help: 'JSON lines of parameter sets (keys as the flags); one JSON result or {"line", "error"} per line',
  },
  {
    name: 'fit',
    value: 'FILE',
    help: 'fit the theory to runs in FILE (CSV x,loss[,run], or the app’s runs JSON); prints JSON: alpha, beta with 68/95 % intervals, sigma2, scale, floor, holdout, extrapolation',
  },
  {
    name: 'x',
    value: FIT_AXES.join('|'),
    help: 'with --fit: what x is (training steps, dataset size, model size)',
  },
  { name: 'xmin', value: 'X', help: 'with --fit: leave out points with x < X (warm-up)' },
  { name: 'help', value: '', help: 'this text' },
];

/** How a value from the --url link is named in messages ("gamma (in --url)"). */
const LINK_SUFFIX = ' (in --url)';
const SWITCHES = new Set(['simulate', 'frontier', 'real', 'help']);
const MAX_REPEAT = 100000;

function parseTimes(raw: string): Given[] {
  const parts = raw.split(':');
  if (parts.length !== 3)
    throw new CliError('times', `--times: “${raw}” should be tmin:tmax:n, e.g. 1e-2:1e6:60`);
  return (['tmin', 'tmax', 'nt'] as const).map((key, i) => ({
    key,
    value: strictValue(key, parts[i], `--times (${key})`),
    name: '--times',
  }));
}

/**
 * A parameter flag's value. `--batch` is SGD's batch size B; a file given to it (the JSON-lines
 * input is `--lines`) is named as such in the message.
 */
function paramFlag(key: keyof Params, value: string): number | string {
  try {
    return strictValue(key, value, `--${key}`);
  } catch (err) {
    if (key === 'batch' && err instanceof CliError && !/^(\d|inf|∞|\.)/i.test(value))
      throw new CliError(key, `${err.message}; a file of JSON lines is read with --lines`);
    throw err;
  }
}

/** The parameter values of a --url link, and notices about it as warnings. */
function linkValues(link: string, warnings: string[]): Given[] {
  const query = readQuery(link);
  const read = readParams(query.values);
  for (const n of withVersionNotice(query.unversioned, [...query.notices, ...read.notices]))
    warnings.push(`--url: ${n.message}`);
  return read.given.map((key) => ({ key, value: read.params[key], name: `${key}${LINK_SUFFIX}` }));
}

/** Split argv into [flag, value] pairs ("--x v" or "--x=v"; switches take no value). */
function tokens(argv: readonly string[]): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--'))
      throw new CliError(a, `unexpected argument “${a}” (flags start with --)`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (SWITCHES.has(name)) {
      if (eq > 0) throw new CliError(name, `--${name} takes no value`);
      out.push([name, undefined]);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new CliError(name, `--${name} needs a value`);
    out.push([name, value.trim()]);
  }
  return out;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = {
    given: [],
    mode: 'curve',
    format: 'csv',
    repeat: 0,
    modeK: null,
    lines: null,
    phase: null,
    gridK: DEFAULT_GRID,
    help: false,
    warnings: [],
    fit: null,
  };
  const flags = tokens(argv);
  const known = new Set<string>([
    ...PARAM_SPECS.map((s) => s.key),
    ...EXTRA_FLAGS.map((f) => f.name),
  ]);
  for (const [name] of flags)
    if (!known.has(name)) throw new CliError(name, `unknown flag --${name} (see --help)`);
  // The link first, so that explicit flags override it.
  for (const [name, value] of flags)
    if (name === 'url') opts.given.push(...linkValues(value!, opts.warnings));
  const modes: Mode[] = [];
  for (const [name, value] of flags) {
    if (name === 'url') continue;
    else if (name === 'help') opts.help = true;
    else if (name === 'simulate' || name === 'frontier' || name === 'real') modes.push(name);
    else if (name === 'times') opts.given.push(...parseTimes(value!));
    else if (name === 'lines') opts.lines = value!;
    else if (name === 'fit') {
      opts.fit = { file: value!, axis: opts.fit?.axis ?? null, xMin: opts.fit?.xMin ?? 0 };
      modes.push('fit');
    } else if (name === 'x' || name === 'xmin') {
      opts.fit ??= { file: '', axis: null, xMin: 0 };
      if (name === 'x') opts.fit.axis = parseFitAxis(value!);
      else opts.fit.xMin = parseXMin(value!);
    } else if (name === 'mode') opts.modeK = parseModeFlag(value!);
    else if (name === 'phase') {
      if (!(PHASE_EXPONENTS as readonly string[]).includes(value!))
        throw new CliError(
          'phase',
          `--phase: “${value}” is not allowed (${PHASE_EXPONENTS.join(', ')})`,
        );
      opts.phase = value as PhaseExponent;
      modes.push('phase');
    } else if (name === 'grid') {
      const k = Number(value);
      if (!Number.isInteger(k) || k < MIN_GRID || k > MAX_GRID)
        throw new CliError(
          'grid',
          `--grid: “${value}” is not allowed (integer in [${MIN_GRID}, ${MAX_GRID}])`,
        );
      opts.gridK = k;
    } else if (name === 'format') {
      if (value !== 'csv' && value !== 'json')
        throw new CliError('format', `--format: “${value}” is not allowed (csv or json)`);
      opts.format = value;
    } else if (name === 'repeat') {
      const k = Number(value);
      if (!Number.isInteger(k) || k < 1 || k > MAX_REPEAT)
        throw new CliError(
          'repeat',
          `--repeat: “${value}” is not allowed (integer in [1, ${MAX_REPEAT}])`,
        );
      opts.repeat = k;
    } else if (isParamKey(name)) {
      opts.given.push({ key: name, value: paramFlag(name, value!), name: `--${name}` });
    }
  }
  if (modes.length > 1)
    throw new CliError(modes[1], `--${modes[0]} and --${modes[1]} exclude each other`);
  opts.mode = modes[0] ?? 'curve';
  if (opts.repeat > 0 && opts.mode !== 'curve')
    throw new CliError(
      'repeat',
      `--repeat times the theory curve; it does not act with --${opts.mode}`,
    );
  if (opts.lines !== null && opts.format === 'csv' && flags.some(([n]) => n === 'format'))
    throw new CliError('format', '--format csv: --lines prints JSON lines');
  if (
    opts.modeK !== null &&
    (opts.format !== 'json' || opts.mode !== 'curve' || opts.lines !== null)
  )
    throw new CliError(
      'mode',
      '--mode K adds to the JSON record of one theory curve (--format json)',
    );
  if (flags.some(([n]) => n === 'grid') && opts.mode !== 'phase')
    throw new CliError('grid', '--grid K sets the grid of --phase');
  if (opts.mode === 'phase' && opts.lines !== null)
    throw new CliError('phase', '--phase does not act with --lines (one grid per run)');
  if (opts.fit && opts.mode !== 'fit')
    throw new CliError('x', '--x and --xmin describe the file of --fit');
  if (
    opts.mode === 'fit' &&
    (opts.lines !== null || flags.some(([n, v]) => n === 'format' && v !== 'json'))
  )
    throw new CliError('fit', '--fit prints one JSON record (no --lines, no --format csv)');
  if (opts.lines !== null && opts.repeat > 0)
    throw new CliError('repeat', '--repeat does not act with --lines (each result carries ms)');
  return opts;
}

/**
 * Parameters a mode does not use (beyond the regime rule): given as a flag or a --lines key they are
 * an error; in a --url link (which carries every setting of the app) a warning.
 */
export const MODE_UNUSED: Readonly<Record<Mode, readonly (keyof Params)[]>> = {
  curve: ['seed', 'seeds'],
  simulate: [],
  real: [],
  frontier: ['N', 'tmin', 'tmax', 'nt', 'seed', 'seeds'],
  phase: ['alpha', 'beta', 'nt', 'seed', 'seeds'],
  fit: FIT_UNUSED,
};

const MODE_WHY: Readonly<Record<Mode, string>> = {
  curve: 'they act only with --simulate or --real',
  simulate: '',
  real: '',
  frontier: 'the frontier chooses N and t = C/N itself; seeds act only with --simulate or --real',
  phase: 'α and β are the axes of the grid; the fits use the dynamics, not a time grid',
  fit: 'α, β and σ² are fitted to power-law spectra, on a time range the fit chooses',
};

/**
 * Check the values given against the mode: errors for flags and batch keys, warnings for --url.
 * The frontier is computed for gradient flow, so any other regime is an error there.
 */
export function checkMode(
  mode: Mode,
  given: readonly Given[],
  params: Params,
  warnings: string[],
): void {
  const unused = MODE_UNUSED[mode];
  const fromLink: string[] = [];
  for (const g of given) {
    if (!unused.includes(g.key)) continue;
    if (g.name.endsWith(LINK_SUFFIX)) {
      if (!fromLink.includes(g.key)) fromLink.push(g.key);
      continue;
    }
    const run = mode === 'curve' ? 'the theory curve' : `--${mode}`;
    throw new CliError(g.key, `${g.name} does not act in ${run} (${MODE_WHY[mode]})`);
  }
  if (fromLink.length) warnings.push(`--url: ${fromLink.join(', ')} not used (${MODE_WHY[mode]})`);
  // Under one-pass SGD --simulate runs real SGD on a pool source's minibatches too.
  const simulated =
    runKind(params) === 'simulate' || (inSteps(params.regime) && !!poolSourceOf(params));
  if (mode === 'simulate' && !simulated) {
    throw new CliError(
      'data',
      `--simulate draws power-law data (α, β), or minibatches of a pool under --regime sgd; ` +
        `data ${params.data} is not simulated`,
    );
  }
  if (mode === 'phase' && isMeasured(params)) {
    throw new CliError(
      'data',
      `--phase varies α and β of power-law data; with data ${params.data} they are read-outs`,
    );
  }
  if (mode === 'frontier' && params.regime !== 'gf') {
    throw new CliError(
      'regime',
      `--frontier is computed for gradient flow (regime gf); the values given make regime ${params.regime}`,
    );
  }
}
