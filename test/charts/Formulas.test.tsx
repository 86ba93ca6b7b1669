// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Formula, renderTex } from '../../src/charts/Formula.tsx';
import { Formulas, formulaItems } from '../../src/charts/Formulas.tsx';
import { earlyStopCurve, langevinCurve, makeParams } from './fixtures.ts';

afterEach(cleanup);

describe('Formula', () => {
  it('renders KaTeX into a span', () => {
    const { container } = render(<Formula tex="E_g \sim t^{-0.667}" />);
    const span = container.querySelector('span.sp-formula')!;
    expect(span.querySelector('.katex')).not.toBeNull();
    expect(span.getAttribute('data-tex')).toBe('E_g \\sim t^{-0.667}');
  });

  it('never throws on bad TeX', () => {
    expect(() => renderTex('\\frac{1}{')).not.toThrow();
    expect(renderTex('\\frac{1}{')).toContain('katex');
  });
});

describe('Formulas', () => {
  it('substitutes the current numbers for gradient flow', () => {
    const c = earlyStopCurve();
    const items = formulaItems(c.params, c);
    expect(items.map((i) => i.key)).toEqual(['kappa', 'time', 'exponents']);
    const kappa = items[0].tex;
    expect(kappa).toContain('{400}');
    expect(kappa).toContain('(N=\\infty)');
    expect(kappa).toContain('k^{-1.5}');
    expect(items[1].tex).toContain('\\gamma=0');
    expect(items[1].tex).toContain('\\sigma^2=0.1');
    // −(β−1)/α with α = 1.5, β = 2.
    expect(items[2].tex).toContain('t^{-(2-1)/1.5}=t^{-0.667}');
    expect(items[2].tex).toContain('P^{-1}');
  });

  it('adds the Langevin, initialisation and posterior terms when they act', () => {
    const p = makeParams({ regime: 'langevin', T: 1e-4, gamma: 1e-3, N: 1000, sigma02: 0.01 });
    const items = formulaItems(p, langevinCurve());
    expect(items.map((i) => i.key)).toEqual([
      'kappa',
      'time',
      'langevin',
      'init',
      'posterior',
      'exponents',
    ]);
    expect(items[0].tex).toContain('{1000}');
    expect(items[2].tex).toContain('T=10^{-4}');
    expect(items[4].tex).toContain('=0.0214+10^{-4}\\cdot 2.73 \\cdot 10^{2}=0.0487');
    const bayes = formulaItems(makeParams({ regime: 'bayes', T: 1e-4, gamma: 1e-3 }), null);
    expect(bayes.map((i) => i.key)).toEqual(['kappa', 'time', 'posterior', 'exponents']);
    expect(bayes[1].tex).toContain('D(\\gamma,\\gamma)');
  });

  it('renders every formula without KaTeX errors', () => {
    const p = makeParams({ regime: 'langevin', T: 1e-4, gamma: 1e-3, N: 1000, sigma02: 0.01 });
    const { container } = render(<Formulas params={p} curve={langevinCurve()} />);
    expect(container.querySelectorAll('dd[data-formula]')).toHaveLength(6);
    expect(container.querySelector('.katex-error')).toBeNull();
    expect(container.textContent).not.toMatch(/NaN|Infinity/);
  });
});
