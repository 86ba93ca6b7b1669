// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ExponentReadout } from '../../src/charts/ExponentReadout.tsx';
import { basicCurve, earlyStopCurve, sweepN, sweepOnePoint, sweepP } from './fixtures.ts';
import { normalizeMarkup } from './normalize.ts';

afterEach(cleanup);

const cell = (c: HTMLElement, row: string, col: string): HTMLElement =>
  c.querySelector(`tr[data-row="${row}"] td[data-col="${col}"]`)!;

describe('ExponentReadout', () => {
  it('exponents-basic', async () => {
    const { container } = render(
      <ExponentReadout curve={basicCurve()} sweepP={sweepP()} sweepN={sweepN()} />,
    );
    expect(cell(container, 't', 'fitted').textContent).toBe('−0.500');
    expect(cell(container, 't', 'fitted').title).toMatch(
      /over t ∈ \[10, 10³\], 12 points, r² = 0\.9999/,
    );
    expect(cell(container, 'P', 'fitted').textContent).toBe('−1.030');
    expect(cell(container, 'P', 'predicted').textContent).toBe('−1.000');
    expect(cell(container, 'N', 'fitted').textContent).toBe('−1.270');
    const bottleneck = container.querySelector('[data-testid="bottleneck"]')!;
    expect(bottleneck.textContent).toBe(
      'Bottleneck: time-limited (training time is the bottleneck). Training time is the bottleneck: Eg falls as a power of t.',
    );
    // The model's plain-text notation is shown with real subscripts (E_g → E<sub>g</sub>).
    expect(bottleneck.querySelector('sub')?.textContent).toBe('g');
    expect(container.querySelector('caption sub')?.textContent).toBe('g');
    await expect(normalizeMarkup(container.innerHTML)).toMatchFileSnapshot(
      './__snapshots__/exponents-basic.html',
    );
  });

  it('shows a power written "^0.50" by the model as one superscript', () => {
    const c = basicCurve();
    const curve = {
      ...c,
      exponents: { ...c.exponents, explanation: 'Early-stopped error scales as (σ²/P)^0.50.' },
    };
    const { container } = render(<ExponentReadout curve={curve} sweepP={null} sweepN={null} />);
    expect(container.querySelector('[data-testid="bottleneck"] sup')?.textContent).toBe('0.50');
  });

  it('exponents-null-fits', async () => {
    const { container } = render(
      <ExponentReadout curve={earlyStopCurve()} sweepP={sweepOnePoint()} sweepN={null} />,
    );
    expect(container.querySelector('[data-testid="exponents"]')).not.toBeNull();
    for (const row of ['t', 'P', 'N']) {
      const td = cell(container, row, 'fitted');
      expect(td.textContent).toBe('—');
      expect(td.title.length).toBeGreaterThan(10);
    }
    expect(cell(container, 'N', 'fitted').title).toBe('No sweep over N has been computed.');
    expect(cell(container, 'P', 'fitted').title).toMatch(/Too few finite points/);
    // Predictions still show: from the sweep when present, else from the curve.
    expect(cell(container, 'P', 'predicted').textContent).toBe('−0.500');
    expect(cell(container, 'N', 'predicted').textContent).toBe('−1.000');
    expect(container.innerHTML).not.toMatch(/NaN|Infinity/);
    await expect(normalizeMarkup(container.innerHTML)).toMatchFileSnapshot(
      './__snapshots__/exponents-null-fits.html',
    );
  });

  it('exponents-empty', () => {
    const { container } = render(<ExponentReadout curve={null} sweepP={null} sweepN={null} />);
    expect(container.querySelectorAll('td.sp-missing')).toHaveLength(6);
    expect(container.querySelector('[data-testid="bottleneck"]')).toBeNull();
  });
});
