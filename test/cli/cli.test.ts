// The CLI as researchers script it: output formats, --url equivalence, strict flag errors.
import { describe, expect, it } from 'vitest';
import { computeCurve } from '../../src/model/theory/curve.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import { parseArgs } from '../../src/cli/args.ts';
import { CliError, resolveParams } from '../../src/cli/resolve.ts';
import { cli } from './run.ts';

/** The configuration the CLI computes for these flags. */
const paramsOf = (args: string[]) => resolveParams(parseArgs(args).given).params;

const example = [
  '--alpha',
  '1.5',
  '--beta',
  '1.5',
  '--P',
  '400',
  '--N',
  '800',
  '--M',
  '4000',
  '--sigma2',
  '0.1',
  '--gamma',
  '0',
  '--T',
  '0',
  '--sigma02',
  '0',
  '--times',
  '1e-2:1e6:60',
];

describe('npm run curve', () => {
  it('prints the CSV t,Eg,Etr of the engine for the README example', () => {
    const r = cli(...example);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('t,Eg,Etr');
    expect(lines).toHaveLength(61);
    const c = computeCurve(paramsOf(example));
    lines.slice(1).forEach((line, i) => {
      const [t, eg, etr] = line.split(',').map(Number);
      expect(t).toBe(c.t[i]);
      expect(eg).toBe(c.Eg[i]);
      expect(etr).toBe(c.Etr[i]);
    });
    // E_tr includes the noise floor: at t → 0 it exceeds E_g by about σ².
    const [, eg0, etr0] = lines[1].split(',').map(Number);
    expect(etr0 - eg0).toBeGreaterThan(0.05);
  });

  it('--url takes the parameters of a shared link; flags override it', () => {
    const link =
      'v=1&alpha=1.5&beta=1.5&P=400&N=800&M=4000&sigma2=0.1&sigma02=0&tmin=0.01&tmax=1000000&nt=60&regime=gf';
    const a = cli('--url', `?${link}`);
    const b = cli(...example);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const c = cli('--url', link, '--P', '800');
    expect(c.out).not.toBe(b.out);
  });

  it('--format json carries params, curves, early stop, limit, fitted and predicted exponents with their laws; --repeat adds msPerCurve', () => {
    const r = cli('--N', 'inf', '--sigma2', '0.1', '--format', 'json', '--repeat', '3');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.params.N).toBe('inf');
    expect(j.t).toHaveLength(DEFAULT_PARAMS.nt);
    expect(j.Eg).toHaveLength(DEFAULT_PARAMS.nt);
    expect(j.earlyStop.t).toBeGreaterThan(0);
    expect(j.earlyStop.Eg).toBeGreaterThan(0);
    expect(j.limit.Eg).toBeGreaterThan(j.earlyStop.Eg);
    expect(j.earlyStop.case).toMatch(/^(inside|beyond)$/);
    expect(j.laws.t.formula).toBe('−(β−1)/α');
    expect(j.laws.t.value).toBeCloseTo(-(DEFAULT_PARAMS.beta - 1) / DEFAULT_PARAMS.alpha, 12);
    // At t → ∞ with label noise and no ridge no data law applies, and the JSON says why.
    expect(j.laws.P.law).toBe('n/a');
    expect(j.laws.P.condition).toMatch(/σ²-dependent constant/);
    expect(j.msPerCurve).toBeGreaterThan(0);
  });

  it('--regime bayes prints the posterior errors', () => {
    const r = cli('--regime', 'bayes', '--gamma', '1e-3', '--T', '1e-4');
    expect(r.code).toBe(0);
    const rows = Object.fromEntries(
      r.out
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')),
    );
    expect(Number(rows.E_gibbs)).toBeGreaterThan(Number(rows.E_posterior_mean));
    expect(Number(rows.E_gibbs) - Number(rows.E_posterior_mean)).toBeCloseTo(
      1e-4 * Number(rows.posterior_variance_per_T),
      12,
    );
  });

  it('--simulate runs the exact simulator: t,Eg_mean,Eg_sem near the theory at the same M', () => {
    const flags = [
      '--P',
      '64',
      '--N',
      '64',
      '--M',
      '256',
      '--sigma2',
      '0.05',
      '--times',
      '1e-1:1e4:6',
    ];
    const r = cli('--simulate', '--seeds', '8', ...flags);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('t,Eg_mean,Eg_sem');
    const theory = computeCurve(paramsOf(flags));
    lines.slice(1).forEach((line, i) => {
      const [t, mean, sem] = line.split(',').map(Number);
      expect(t).toBe(theory.t[i]);
      expect(sem).toBeGreaterThan(0);
      // finite-size corrections at P = N = 64 are a few %; 4 s.e.m. + 10 % is generous but can fail
      expect(Math.abs(mean - theory.Eg[i])).toBeLessThan(4 * sem + 0.1 * theory.Eg[i]);
    });
  });

  it('--simulate honours --times up to its 16 sample times and says on stderr when it caps', () => {
    const small = ['--P', '32', '--N', '32', '--M', '64', '--seeds', '2'];
    const six = cli('--simulate', ...small, '--times', '1e-1:1e3:6');
    expect(six.code).toBe(0);
    expect(six.out.trim().split('\n')).toHaveLength(1 + 6);
    expect(six.err).not.toMatch(/samples \d+ times/);
    const many = cli('--simulate', ...small, '--times', '1e-1:1e3:60');
    expect(many.code).toBe(0);
    expect(many.out.trim().split('\n')).toHaveLength(1 + 16);
    expect(many.err).toMatch(
      /--simulate samples 16 times, log-spaced over \[0\.1, 1000\], of the 60 asked/,
    );
  });

  it('--frontier prints the compute-optimal allocation C,Lstar,Nstar,tstar', () => {
    const r = cli('--frontier', '--P', '10000000', '--sigma2', '0');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('C,Lstar,Nstar,tstar');
    const rows = lines.slice(1).map((l) => l.split(',').map(Number));
    expect(rows.length).toBeGreaterThan(5);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i][1]).toBeLessThan(rows[i - 1][1]); // more compute, lower loss
      expect(rows[i][2]).toBeGreaterThan(rows[i - 1][2]); // and more features
    }
  });

  const bad: [string[], RegExp][] = [
    [['--alpha', '99'], /--alpha.*\[1\.05, 4\]/],
    [['--beta', 'abc'], /--beta.*not a number/],
    [['--P', '0'], /--P.*minimum 1/],
    [['--P', '1.5'], /--P.*not an integer/],
    [['--N', '-3'], /--N/],
    [['--regime', 'adam'], /--regime.*gf, wd, langevin, bayes, sgd/],
    [['--times', '1:2'], /--times/],
    [['--times', '10:1:5'], /--times/],
    [['--nope', '1'], /unknown flag --nope/],
    [['--format', 'xml'], /--format/],
    [['--alpha'], /--alpha needs a value/],
    [['--repeat', '0'], /--repeat/],
  ];

  it.each(bad)('bad flags %j: an error naming the flag and its range', (args, pattern) => {
    expect(() => paramsOf(args)).toThrowError(pattern);
    try {
      paramsOf(args);
    } catch (err) {
      expect((err as CliError).name).toBe('CliError');
    }
  });

  it.each(bad.filter((_, i) => i % 4 === 0))(
    'the process: %j prints one line on stderr, exit code 2',
    (args, pattern) => {
      const r = cli(...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(pattern);
    },
  );
});
