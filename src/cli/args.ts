// Command-line flags, derived from the parameter table (the flag names are the URL keys).
// Unlike the URL (untrusted, clamped with a notice), a bad flag is an error: one line naming the
// flag and its allowed range, exit code 2.
import {
  DEFAULT_PARAMS,
  PARAM_SPECS,
  SPEC_BY_KEY,
  coerceValue,
  describeRange,
  enforceConstraints,
  type Adjustment,
  type Params,
} from '../model/params.ts';
import { readParams, readQuery } from '../model/paramsCodec.ts';

export interface CliOptions {
  params: Params;
  format: 'csv' | 'json';
  repeat: number;
  simulate: boolean;
  /** Real kernel regression / random features on the MNIST pool (src/cli/real.ts). */
  real: boolean;
  frontier: boolean;
  help: boolean;
  /** Messages about values a --url link had to change (printed on stderr). */
  warnings: string[];
}

export class CliError extends Error {
  readonly flag: string;
  constructor(flag: string, message: string) {
    super(message);
    this.name = 'CliError';
    this.flag = flag;
  }
}

const EXTRA_FLAGS = ['url', 'times', 'format', 'repeat', 'simulate', 'frontier', 'help', 'real'] as const;
const SWITCHES = new Set(['simulate', 'frontier', 'help', 'real']);

/** Strictly parse one parameter value: out of range or malformed is an error. */
function strictValue(key: keyof Params, raw: string): number | string {
  const spec = SPEC_BY_KEY[key];
  if (spec.kind === 'enum') {
    if (spec.options.includes(raw)) return raw;
    throw new CliError(key, `--${key}: “${raw}” is not allowed (${describeRange(spec)})`);
  }
  const { value, reason } = coerceValue(spec, raw);
  if (reason)
    throw new CliError(
      key,
      `--${key}: “${raw}” is ${reason.split(';')[0]} (${describeRange(spec)})`,
    );
  return value;
}

function parseTimes(raw: string): Pick<Params, 'tmin' | 'tmax' | 'nt'> {
  const parts = raw.split(':');
  if (parts.length !== 3)
    throw new CliError('times', `--times: “${raw}” should be tmin:tmax:n, e.g. 1e-2:1e6:60`);
  const tmin = strictValue('tmin', parts[0]) as number;
  const tmax = strictValue('tmax', parts[1]) as number;
  const nt = strictValue('nt', parts[2]) as number;
  if (!(tmax > tmin)) throw new CliError('times', `--times: tmin must be below tmax (got ${raw})`);
  return { tmin, tmax, nt };
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = {
    params: { ...DEFAULT_PARAMS },
    format: 'csv',
    repeat: 0,
    simulate: false,
    real: false,
    frontier: false,
    help: false,
    warnings: [],
  };
  const flags: [string, string | undefined][] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--'))
      throw new CliError(a, `unexpected argument “${a}” (flags start with --)`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (SWITCHES.has(name)) {
      flags.push([name, undefined]);
      continue;
    }
    let value: string | undefined = eq > 0 ? a.slice(eq + 1) : argv[i + 1];
    if (eq < 0) i++;
    if (value === undefined) throw new CliError(name, `--${name} needs a value`);
    value = value.trim();
    flags.push([name, value]);
  }
  // --url first, so explicit flags override the link.
  for (const [name, value] of flags) {
    if (name !== 'url' || value === undefined) continue;
    const query = readQuery(value);
    const link = readParams(query.values);
    opts.params = link.params;
    for (const n of [...query.notices, ...link.notices]) opts.warnings.push(`--url: ${n.message}`);
  }
  const known = new Set<string>([...PARAM_SPECS.map((s) => s.key), ...EXTRA_FLAGS]);
  for (const [name, value] of flags) {
    if (!known.has(name)) {
      throw new CliError(name, `unknown flag --${name} (see --help)`);
    }
    if (name === 'url') continue;
    if (name === 'simulate') opts.simulate = true;
    else if (name === 'real') opts.real = true;
    else if (name === 'frontier') opts.frontier = true;
    else if (name === 'help') opts.help = true;
    else if (name === 'times') Object.assign(opts.params, parseTimes(value!));
    else if (name === 'format') {
      if (value !== 'csv' && value !== 'json')
        throw new CliError('format', `--format: “${value}” is not allowed (csv or json)`);
      opts.format = value;
    } else if (name === 'repeat') {
      const k = Number(value);
      if (!Number.isInteger(k) || k < 1 || k > 100000)
        throw new CliError(
          'repeat',
          `--repeat: “${value}” is not allowed (integer in [1, 100000])`,
        );
      opts.repeat = k;
    } else {
      const key = name as keyof Params;
      (opts.params as unknown as Record<string, unknown>)[key] = strictValue(key, value!);
    }
  }
  const notes: Adjustment[] = [];
  opts.params = enforceConstraints(opts.params, notes);
  for (const n of notes) {
    throw new CliError(n.key, `--${n.key}: ${n.reason} (got ${n.from})`);
  }
  return opts;
}

export function usage(): string {
  const lines = [
    'Usage: npm run -s curve -- [flags]',
    '',
    'Prints the mean-field learning curve as CSV (t,Eg,Etr): E_g without the noise floor σ²,',
    'E_tr with it. Parameters (defaults in brackets):',
  ];
  for (const s of PARAM_SPECS) {
    const def = s.kind === 'enum' ? s.default : s.default === Infinity ? 'inf' : String(s.default);
    lines.push(`  --${s.key.padEnd(8)} ${s.label}: ${s.help} [${def}] (${describeRange(s)})`);
  }
  lines.push(
    '  --times    tmin:tmax:n, shorthand for --tmin --tmax --nt',
    "  --url      '<query string of the app>': take the parameters from a shared link",
    '  --format   csv | json (json: params, t, Eg, Etr, earlyStop, limit, exponents)',
    '  --repeat   K: recompute K times and report msPerCurve (json) or on stderr',
    '  --simulate run the exact finite-size simulator (--seeds S, --seed) instead: t,Eg_mean,Eg_sem',
    '  --real     with --data mnist: real training on P digits of the pool (--seeds S): t,Eg_mean,Eg_sem',
    '  --frontier compute-optimal allocation at this P: C,Lstar,Nstar,tstar for C = N·t = 1e3…1e9',
    '  --regime bayes prints the Bayesian posterior errors (posterior mean, Gibbs, variance)',
    '',
    'Bad or out-of-range flags: a one-line error naming the flag, exit code 2.',
  );
  return lines.join('\n');
}
