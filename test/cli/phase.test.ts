// --phase EXPONENT --grid K: the phase diagram's grid as alpha,beta,predicted,fitted,law, the
// same numbers as the app's grid (model/theory/phaseFit.ts), and clear errors for bad values.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import { lawTerm } from '../../src/model/theory/laws.ts';
import { phaseAxes } from '../../src/model/theory/phase.ts';
import { fitPhasePoint } from '../../src/model/theory/phaseFit.ts';
import { cli } from './run.ts';

describe('--phase', () => {
  it('prints K×K rows with the law’s value, the fitted slope and the law', () => {
    const r = cli(
      '--phase',
      'data-inf',
      '--grid',
      '3',
      '--N',
      'inf',
      '--sigma2',
      '0',
      '--P',
      '1e4',
    );
    expect(r.code).toBe(0);
    const [head, ...rows] = r.out.trim().split('\n');
    expect(head).toBe('alpha,beta,predicted,fitted,law');
    const { alphas, betas } = phaseAxes(3);
    expect(rows).toHaveLength(9);
    const base = { ...DEFAULT_PARAMS, N: Infinity, sigma2: 0, P: 1e4 };
    rows.forEach((row, k) => {
      const [a, b, pred, fitted, law] = row.split(',');
      const alpha = alphas[k % 3];
      const beta = betas[Math.floor(k / 3)];
      expect(Number(a)).toBeCloseTo(alpha, 5);
      expect(Number(b)).toBeCloseTo(beta, 5);
      const t = lawTerm('data', { alpha, beta });
      expect(Number(pred)).toBeCloseTo(t.value, 5);
      expect(law).toBe(`data:${t.branch}`);
      const pt = fitPhasePoint('data-inf', base, alpha, beta, { window: 'auto' });
      if (Number.isFinite(pt.fitted)) expect(Number(fitted)).toBeCloseTo(pt.fitted, 5);
      else expect(fitted).toBe('');
    });
    expect(r.err).toContain('time window of the fits: automatic');
  });

  it('rejects a bad exponent, a bad grid, --grid alone and α, β as flags', () => {
    const bad = cli('--phase', 'entropy');
    expect([bad.code, bad.err.trim()]).toEqual([
      2,
      'error: --phase: “entropy” is not allowed (time, data-inf, data-tstar, model-inf, compute)',
    ]);
    expect(cli('--phase', 'time', '--grid', '1').err).toContain('integer in [2, 48]');
    expect(cli('--grid', '4').err).toContain('--grid K sets the grid of --phase');
    expect(cli('--phase', 'time', '--alpha', '2').err).toContain('--alpha does not act in --phase');
    expect(cli('--phase', 'time', '--data', 'mnist').err).toContain('they are read-outs');
  });
});
