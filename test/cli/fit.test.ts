// `--fit FILE --x steps|P|N`: the fit of a user's runs from the command line prints the JSON
// record of the keys, equal to the model's fitRuns on the same file; a bad file or flag
// is one line on stderr naming it, exit code 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitRuns } from '../../src/model/runfit/fitRuns.ts';
import { parseRunsCsv } from '../../src/model/runfit/runs.ts';
import { FIT_BASE, logspace, noisyRuns } from '../model/runfit/synthetic.ts';
import { cli } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'fit-'));
const runs = noisyRuns(
  'steps',
  { ...FIT_BASE, P: 1e7 },
  { alpha: 1.5, beta: 2, sigma2: 0.05, s: 0.1, c: 2, L0: 0.1 },
  [300, 1200, 4800].map((P) => ({ x: logspace(10, 1e5, 12), P })),
  0.02,
  4,
);
const csv = [
  'x,loss,run,P',
  ...runs.flatMap((r) => Array.from(r.x, (x, i) => `${x},${r.loss[i]},${r.id},${r.P}`)),
].join('\n');
const file = join(dir, 'runs.csv');
writeFileSync(file, csv);

function write(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

describe('npm run curve -- --fit', () => {
  it('prints alpha, beta, sigma2, scale, floor, holdout and extrapolation as fitRuns finds them', () => {
    const r = cli('--fit', file, '--x', 'steps', '--regime', 'gf');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/note: N not given/);
    const out = JSON.parse(r.out);
    for (const k of ['alpha', 'beta', 'sigma2', 'scale', 'floor', 'holdout', 'extrapolation'])
      expect(out).toHaveProperty(k);
    const parsed = parseRunsCsv(csv, 'steps');
    if (!parsed.ok) throw new Error(parsed.message);
    const fit = fitRuns(parsed, {
      axis: 'steps',
      regime: 'gf',
      bootstrap: 50,
      holdout: 0.3,
      seed: 1,
    });
    expect(out.alpha).toEqual({
      value: fit.alpha.value,
      ci68: fit.alpha.ci68,
      ci95: fit.alpha.ci95,
    });
    expect(out.beta.value).toBe(fit.beta.value);
    expect(out.sigma2).toBe(fit.sigma2);
    expect(out.scale).toBe(fit.scale);
    expect(out.floor).toBe(fit.floor);
    expect(out.holdout.theory).toBe(fit.holdout!.theory.rms);
    expect(out.holdout.powerlaw).toBe(fit.holdout!.powerlaw.rms);
    // The extrapolation: beyond each run's data up to 10×, inside its band.
    expect(out.extrapolation.length).toBeGreaterThan(3 * 10);
    for (const e of out.extrapolation) {
      expect(e.x).toBeGreaterThan(1e5);
      expect(e.x).toBeLessThanOrEqual(1e6 * (1 + 1e-12));
      expect(e.lo).toBeLessThanOrEqual(e.loss);
      expect(e.loss).toBeLessThanOrEqual(e.hi);
      expect(['1', '2', '3']).toContain(e.runs);
    }
  }, 120_000);

  const bad: [string, string[], RegExp][] = [
    ['no --x', ['--fit', file], /^error: --fit needs --x steps\|P\|N/],
    [
      'a bad --x',
      ['--fit', file, '--x', 'epochs'],
      /^error: --x: “epochs” is not allowed \(steps, P, N\)/,
    ],
    ['--x without --fit', ['--x', 'steps'], /^error: --x and --xmin describe the file of --fit/],
    [
      'a fitted parameter given',
      ['--fit', file, '--x', 'steps', '--alpha', '2'],
      /^error: --alpha does not act in --fit/,
    ],
    [
      'a bad row',
      ['--fit', write('bad.csv', 'x,loss\n10,1\n20,0.9\n30,-0.8\n'), '--x', 'steps'],
      /^error: --fit .*bad\.csv: line 4: loss -0.8 is not positive/,
    ],
    [
      'a missing file',
      ['--fit', join(dir, 'none.csv'), '--x', 'steps'],
      /^error: --fit .*none\.csv: ENOENT/,
    ],
    [
      'a regime that is not fitted',
      ['--fit', file, '--x', 'steps', '--regime', 'bayes'],
      /regime bayes cannot be fitted/,
    ],
    [
      'SGD runs on an axis other than steps',
      [
        '--fit',
        write('sizes.csv', csv.replace('x,loss,run,P', 'x,loss,run,N')),
        '--x',
        'P',
        '--regime',
        'sgd',
      ],
      /regime sgd is fitted on x = steps, not P/,
    ],
    [
      'SGD runs with a schedule',
      ['--fit', file, '--x', 'steps', '--regime', 'sgd', '--schedule', 'cosine'],
      /constant learning rate only/,
    ],
  ];
  for (const [what, args, message] of bad)
    it(`refuses ${what}: one line, exit 2`, () => {
      const r = cli(...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n').pop()).toMatch(message);
    });
});
