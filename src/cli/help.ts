// `--help`: every flag with its default, its range and the regimes in which it acts, all read from
// the parameter table, then the flags that are not parameters.
import { PARAM_SPECS, REGIMES, formatValue, rangeText, type ParamSpec } from '../model/params.ts';
import { typedText } from '../format/rich.ts';
import { EXTRA_FLAGS, MODE_UNUSED } from './args.ts';

const WIDTH = 14;

/** "1.5", "inf", "gf": a default as a flag would take it. */
export function defaultText(spec: ParamSpec): string {
  return spec.kind === 'enum' ? spec.default : formatValue(spec.default);
}

/** The regimes a parameter acts in, "all regimes" when it acts in every one. */
export function regimesText(spec: ParamSpec): string {
  const regimes = spec.regimes.length === REGIMES.length ? 'all regimes' : spec.regimes.join(', ');
  const data = spec.data ? `, with --data ${spec.data.join(' or ')}` : '';
  const schedule = spec.schedules ? `, with --schedule ${spec.schedules.join(' or ')}` : '';
  return regimes + data + schedule;
}

export function usage(): string {
  const lines = [
    'Usage: npm run -s curve -- [flags]',
    '',
    'Prints the mean-field learning curve as CSV t,Eg,Etr: E_g without the noise floor σ², E_tr',
    'with it. Regime: --regime, or inferred from the values given (--T > 0 → langevin, else',
    "--gamma > 0 → wd, else one of SGD's --eta, --batch, --schedule, … → sgd, else gf; said on",
    'stderr). A flag that does not act in the regime named by --regime is an error, also for the',
    'keys of --url. Under --regime sgd the curve is in steps: CSV steps,t,Eg,Etr (t = Σ η).',
    '',
    'Parameters (flag = URL key):',
  ];
  for (const s of PARAM_SPECS) {
    lines.push(`  --${s.key.padEnd(WIDTH - 2)}${s.label}. ${typedText(s.help)}`);
    lines.push(
      `  ${''.padEnd(WIDTH)}default ${defaultText(s)}; ${rangeText(s)}; acts in ${regimesText(s)}`,
    );
  }
  lines.push('', 'Other flags:');
  for (const f of EXTRA_FLAGS) {
    lines.push(`  --${`${f.name} ${f.value}`.trim().padEnd(WIDTH + 6)} ${f.help}`);
  }
  lines.push(
    '',
    `Only with --simulate or --real: ${MODE_UNUSED.curve.map((k) => `--${k}`).join(', ')}. Not with --frontier: ${MODE_UNUSED.frontier.map((k) => `--${k}`).join(', ')}.`,
    '--regime bayes prints the Bayesian posterior errors (posterior mean, Gibbs, variance).',
    'With --fit: the flags given are the theory’s other parameters (--P, --N, --M, --gamma; not',
    'given: P = 1e7, N = inf, no bottleneck), --regime gf or wd, --seed the bootstrap’s seed.',
    'A bad flag, an out-of-range value or a flag that does not act: one line on stderr naming it,',
    'exit code 2.',
  );
  return lines.join('\n');
}
