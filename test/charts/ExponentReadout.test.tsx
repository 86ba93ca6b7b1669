// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ExponentReadout } from '../../src/charts/ExponentReadout.tsx';
import {
  basicCurve,
  earlyStopCurve,
  makeParams,
  sweepN,
  sweepOnePoint,
  sweepP,
} from './fixtures.ts';
import { normalizeMarkup } from './normalize.ts';

afterEach(cleanup);

const row = (c: HTMLElement, key: string): HTMLElement =>
  c.querySelector(`tr[data-testid="exp-${key}"]`)!;
const cell = (c: HTMLElement, key: string, col: string): HTMLElement =>
  row(c, key).querySelector(`td[data-col="${col}"]`)!;

const tipOf = (td: HTMLElement) => td.querySelector('.sp-tip')?.textContent ?? '';

describe('ExponentReadout', () => {
  it('exponents-basic: fitted windows, laws with their conditions, the diagnosis', async () => {
    const setting = { at: 'inf' as const, tAt: 100 };
    const { container } = render(
      <ExponentReadout
        curve={basicCurve()}
        sweepP={sweepP()}
        sweepN={sweepN()}
        setting={setting}
      />,
    );
    // t: the curve's fit with its window; the law of the state (N = ∞, P = 400, σ² = 0).
    expect(cell(container, 't', 'fitted').textContent).toBe('−0.500 over t ∈ [10, 10³]');
    expect(row(container, 't').dataset.fitFrom).toBe('10');
    expect(row(container, 't').dataset.fitTo).toBe('1000');
    expect(row(container, 't').dataset.law).toBe('−(β−1)/α');
    expect(Number(row(container, 't').dataset.predicted)).toBeCloseTo(-1 / 1.5, 12);
    // P: data law at t → ∞ without noise (α = 1.5, β = 2: −min(1, 3) = −1).
    expect(cell(container, 'P', 'fitted').textContent).toMatch(/^−1\.030/);
    expect(row(container, 'P').dataset.law).toBe('−min(β−1, 2α)');
    expect(cell(container, 'P', 'predicted').textContent).toBe('−1.000');
    // N = ∞: no model size to scale, and the row says so.
    expect(cell(container, 'N', 'predicted').textContent).toMatch(/^n\/a \(/);
    expect(row(container, 'N').textContent).toContain('kernel limit');
    expect(row(container, 'N').dataset.predicted).toBe('');
    const bottleneck = container.querySelector('[data-testid="bottleneck"]') as HTMLElement;
    expect(bottleneck.dataset.kind).toBe('time');
    expect(bottleneck.textContent).toMatch(/^Time-limited\./);
    expect(container.querySelector('caption sub')?.textContent).toBe('g');
    await expect(normalizeMarkup(container.innerHTML)).toMatchFileSnapshot(
      './__snapshots__/exponents-basic.html',
    );
  });

  it('never depends on which panels are visible: the law follows the state, not the sweep', () => {
    const c = basicCurve();
    const a = render(<ExponentReadout curve={c} sweepP={sweepP()} sweepN={null} />);
    const withSweep = row(a.container, 'P').dataset.predicted;
    cleanup();
    const b = render(<ExponentReadout curve={c} sweepP={null} sweepN={null} />);
    expect(row(b.container, 'P').dataset.predicted).toBe(withSweep);
  });

  it('exponents-null-fits: every missing value says why', async () => {
    const c = earlyStopCurve();
    c.params = makeParams({ sigma2: 0.1 });
    const { container } = render(
      <ExponentReadout curve={c} sweepP={sweepOnePoint()} sweepN={null} />,
    );
    for (const key of ['t', 'P', 'N']) {
      const td = cell(container, key, 'fitted');
      expect(td.textContent).toMatch(/^—/);
      // The reason is the cell's tip, shown on hover and focus (it was a title attribute).
      expect(tipOf(td).length).toBeGreaterThan(10);
      expect(row(container, key).dataset.fitted).toBe('');
    }
    expect(tipOf(cell(container, 'N', 'fitted'))).toMatch(/being computed/);
    expect(tipOf(cell(container, 'P', 'fitted'))).toMatch(/too few points/);
    // At t* with noise (N = ∞, γ = 0): the early-stopping law.
    expect(row(container, 'P').dataset.law).toBe('−(β−1)/β');
    expect(container.innerHTML).not.toMatch(/NaN|Infinity/);
    await expect(normalizeMarkup(container.innerHTML)).toMatchFileSnapshot(
      './__snapshots__/exponents-null-fits.html',
    );
  });

  it('exponents-empty', () => {
    const { container } = render(<ExponentReadout curve={null} sweepP={null} sweepN={null} />);
    expect(container.querySelectorAll('tr[data-testid]')).toHaveLength(0);
    expect(container.querySelector('[data-testid="bottleneck"]')).toBeNull();
  });
});
