// No flag is silently ignored: the regime is named or inferred (and said), a parameter that does not
// act in a named regime is an error naming it and where it acts, for flags and --url alike.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, REGIMES, SPEC_BY_KEY, isActive } from '../../src/model/params.ts';
import { CHOICE_SOURCES } from '../../src/model/data/sources.ts';
import { serializeUrlState } from '../../src/state/url.ts';
import { DEFAULT_VIEW } from '../../src/state/view.ts';
import { cli } from './run.ts';

const json = (...args: string[]) => {
  const r = cli('--format', 'json', '--times', '1:100:3', ...args);
  return { ...r, regime: r.code === 0 ? (JSON.parse(r.out).params.regime as string) : null };
};

describe('regime inference', () => {
  it.each([
    [[], 'gf', 'no T > 0 or gamma > 0 given'],
    [['--gamma', '0', '--T', '0'], 'gf', 'no T > 0 or gamma > 0 given'],
    [['--gamma', '0.01'], 'wd', '--gamma > 0'],
    [['--T', '0.001'], 'langevin', '--T > 0'],
    [['--T', '0.001', '--gamma', '0.01'], 'langevin', '--T > 0'],
    [['--gamma', '0.01', '--T', '0'], 'wd', '--gamma > 0'],
  ])('%j → %s, said in one line on stderr', (args, regime, why) => {
    const r = json(...args);
    expect(r.code).toBe(0);
    expect(r.regime).toBe(regime);
    expect(r.err).toBe(`regime: ${regime} (inferred: ${why}; --regime sets it)\n`);
  });

  it('the inferred regime is the one computed: --gamma 0.01 gives the weight-decay curve', () => {
    const inferred = JSON.parse(json('--gamma', '0.01').out);
    const named = JSON.parse(json('--regime', 'wd', '--gamma', '0.01').out);
    expect(inferred.Eg).toEqual(named.Eg);
    const gf = JSON.parse(json().out);
    expect(inferred.Eg).not.toEqual(gf.Eg);
  });

  it('a named regime is not announced', () => {
    const r = json('--regime', 'langevin', '--T', '0.001');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });
});

describe('a flag that does not act in the named regime', () => {
  it.each([
    [['--regime', 'gf', '--gamma', '0.01'], '--gamma', 'wd, langevin, bayes'],
    [['--regime', 'gf', '--T', '0'], '--T', 'langevin, bayes'],
    [['--regime', 'wd', '--T', '0.001'], '--T', 'langevin, bayes'],
    [['--regime', 'bayes', '--sigma02', '0.1'], '--sigma02', 'gf, wd, langevin'],
    [['--regime', 'bayes', '--times', '1:10:5'], '--times', 'gf, wd, langevin'],
  ])('%j: exit 2, one line naming %s and the regimes %s', (args, flag, regimes) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(`${flag} does not act in regime ${args[1]}`);
    expect(r.err).toContain(`it acts in ${regimes}`);
  });

  it('the regimes named are those of the parameter table', () => {
    for (const key of ['gamma', 'T', 'sigma02', 'nt'] as const) {
      const regime = REGIMES.find((g) => !isActive(key, g))!;
      const r = cli('--regime', regime, `--${key}`, String(DEFAULT_PARAMS[key]));
      expect(r.code).toBe(2);
      expect(r.err).toContain(`it acts in ${SPEC_BY_KEY[key].regimes.join(', ')}`);
    }
  });
});

describe('the same rule in --url', () => {
  it('a link key that does not act in the link’s regime: exit 2, naming it and its regimes', () => {
    const r = cli('--url', '?v=1&regime=gf&gamma=0.1');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'error: gamma (in --url) does not act in regime gf (regime (in --url)); it acts in wd, langevin, bayes\n',
    );
  });

  it('--regime overrides the link’s regime, and the link’s keys are checked against it', () => {
    const r = cli('--url', '?v=1&regime=langevin&T=0.001', '--regime', 'wd');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/T \(in --url\) does not act in regime wd \(--regime\)/);
  });

  it('a link without a regime: inferred from its keys, said on stderr', () => {
    const r = cli('--url', '?v=1&T=0.001', '--times', '1:100:3');
    expect(r.code).toBe(0);
    expect(r.err).toBe('regime: langevin (inferred: T (in --url) > 0; --regime sets it)\n');
  });

  it('every link the app writes, in every regime, is read without error', () => {
    for (const regime of REGIMES) {
      const link = serializeUrlState({
        params: { ...DEFAULT_PARAMS, regime, tmax: 100, nt: 3 },
        view: { ...DEFAULT_VIEW, theme: 'lecture' },
        pins: [],
      });
      const r = cli('--url', `?${link}`);
      expect(r.code, `${regime}: ${r.err}`).toBe(0);
      // View keys and the simulation's seeds are said not to be used, not dropped silently.
      expect(r.err).toMatch(/theme = “lecture”: not a parameter; ignored/);
      expect(r.err).toMatch(/seed, seeds not used/);
    }
  });
});

describe('flags that the mode of the run does not use', () => {
  it.each([
    [['--seeds', '4'], '--seeds does not act in the theory curve'],
    [['--frontier', '--N', '100'], '--N does not act in --frontier'],
    [['--frontier', '--gamma', '0.1'], 'regime wd'],
    [['--simulate', '--repeat', '3'], '--repeat times the theory curve'],
  ])('%j: exit 2 (%s)', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});

describe('parameters that act only with some data sources', () => {
  it('--kernel and --task without a pool source: exit 2, naming the flag and the sources', () => {
    expect(CHOICE_SOURCES).toEqual(['mnist', 'fashion']);
    for (const flag of ['--kernel linear', '--task zero']) {
      const r = cli(...flag.split(' '));
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        `error: ${flag.split(' ')[0]} does not act with data powerlaw; it acts with --data mnist or fashion\n`,
      );
    }
  });
});

describe('measured data (--data mnist)', () => {
  it('reads the committed spectra: a curve different from the power law’s', () => {
    const mnist = cli('--data', 'mnist', '--times', '1:1000:4');
    expect(mnist.code, mnist.err).toBe(0);
    const rows = mnist.out.trim().split('\n');
    expect(rows).toHaveLength(5);
    expect(mnist.out).not.toBe(cli('--times', '1:1000:4').out);
  });

  it('α, β, M do not act with it; the simulator does not draw it', () => {
    const alpha = cli('--data', 'mnist', '--alpha', '2');
    expect(alpha.code).toBe(2);
    expect(alpha.err).toBe(
      'error: --alpha does not act with data mnist; it acts with --data powerlaw\n',
    );
    const sim = cli('--data', 'mnist', '--simulate');
    expect(sim.code).toBe(2);
    expect(sim.err).toMatch(/--simulate draws power-law data/);
  });

  it('--data fashion: its own task by default, another source’s task is an error', () => {
    const json = (...a: string[]) => cli('--format', 'json', '--times', '1:1000:4', ...a);
    const own = json('--data', 'fashion');
    expect(own.code, own.err).toBe(0);
    expect(JSON.parse(own.out).params).toMatchObject({ kernel: 'relu', task: 'footwear' });
    const bad = cli('--data', 'fashion', '--task', 'parity');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      'error: --task: task parity is not offered by data fashion (one of footwear, tops)\n',
    );
  });

  it('--data fashion --kernel relu --task footwear --real: real runs on the clothes', () => {
    const args = ['--data', 'fashion', '--kernel', 'relu', '--task', 'footwear'];
    const r = cli(
      ...args,
      '--real',
      '--P',
      '50',
      '--N',
      'inf',
      '--seeds',
      '2',
      '--times',
      '1:1000:4',
    );
    expect(r.code, r.err).toBe(0);
    const rows = r.out.trim().split('\n');
    expect(rows[0]).toBe('t,Eg_mean,Eg_sem');
    expect(rows).toHaveLength(5);
    // E_g starts near the labels' variance (1 − 0.4² for 30 % positives, minus what t = 1 learns).
    const eg = rows.slice(1).map((l) => Number(l.split(',')[1]));
    expect(eg[0]).toBeGreaterThan(0.5);
    expect(eg[3]).toBeLessThan(eg[0]);
    const lawReal = cli('--data', 'powerlaw', '--real');
    expect(lawReal.code).toBe(2);
    expect(lawReal.err).toMatch(/--real needs --data mnist or fashion/);
  });

  it('an app link with MNIST data is read without error', () => {
    const link = serializeUrlState({
      params: { ...DEFAULT_PARAMS, data: 'mnist', kernel: 'linear', task: 'zero', nt: 3 },
      view: DEFAULT_VIEW,
      pins: [],
    });
    expect(link).not.toMatch(/alpha|beta|M=/);
    const r = cli('--url', `?${link}`);
    expect(r.code, r.err).toBe(0);
  });
});
