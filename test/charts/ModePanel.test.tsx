// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ModePanel } from '../../src/charts/ModePanel.tsx';
import {
  fracColor,
  logEdges,
  MAX_COLS,
  MAX_ROWS,
  sampleIndices,
} from '../../src/charts/modeLayout.ts';
import { modesBasic, modesLarge } from './fixtures.ts';
import { markupOf } from './normalize.ts';

afterEach(cleanup);

const figures: Record<string, () => ReactElement> = {
  'modes-basic': () => <ModePanel modes={modesBasic()} width={640} height={400} tCursor={100} />,
  'modes-empty': () => <ModePanel modes={null} width={640} height={400} />,
  'modes-lecture-narrow': () => (
    <ModePanel modes={modesBasic()} width={375} height={320} variant="lecture" />
  ),
};

describe('ModePanel figures', () => {
  for (const [name, fig] of Object.entries(figures)) {
    it(name, async () => {
      const { container } = render(fig());
      expect(container.innerHTML).not.toMatch(/NaN|Infinity|undefined/);
      const svg = container.querySelector('svg[data-testid="modes"]')!;
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.querySelector('title')!.textContent).toBe('Per-mode learning');
      await expect(markupOf(container)).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);
    });
  }
});

describe('ModePanel contents', () => {
  it('draws one cell per (k, t), the t → ∞ column, the boundary and the colour legend', () => {
    const modes = modesBasic();
    const { container } = render(
      <ModePanel modes={modes} width={640} height={400} tCursor={100} />,
    );
    expect(container.querySelectorAll('g[data-series="heatmap"] rect')).toHaveLength(
      modes.k.length * modes.t.length,
    );
    expect(container.querySelectorAll('g[data-series="frac-inf"] rect')).toHaveLength(
      modes.k.length,
    );
    expect(container.querySelector('path[data-series="boundary"]')!.getAttribute('d')).toMatch(
      /^M/,
    );
    expect(container.querySelector('[data-testid="boundary-label"]')!.textContent).toBe(
      'k*(t) = κ(1/t)−1/α',
    );
    const legend = container.querySelector('[data-testid="color-legend"]')!;
    expect(legend.textContent).toContain('fraction of mode learned');
    expect(Array.from(legend.querySelectorAll('.sp-tick-label'), (t) => t.textContent)).toEqual([
      '0',
      '0.5',
      '1',
    ]);
    expect(container.querySelector('[data-testid="t-cursor"]')).not.toBeNull();
  });

  it('clamps overshoot for colour only', () => {
    expect(fracColor(1.06)).toBe(fracColor(1));
    expect(fracColor(-0.01)).toBe(fracColor(0));
    expect(fracColor(0.5)).not.toBe(fracColor(0));
  });

  it('downsamples large grids to the cell cap', () => {
    const { container } = render(<ModePanel modes={modesLarge()} width={640} height={400} />);
    const n = container.querySelectorAll('g[data-series="heatmap"] rect').length;
    expect(n).toBeLessThanOrEqual(MAX_COLS * MAX_ROWS);
    expect(n).toBeGreaterThan(1000);
  });

  it('skips non-finite cells and hides a cursor outside the window', () => {
    const modes = modesBasic();
    modes.frac[0] = NaN;
    modes.frac[1] = Infinity;
    modes.boundary[5] = NaN;
    const { container } = render(
      <ModePanel modes={modes} width={640} height={400} tCursor={1e9} />,
    );
    expect(container.querySelectorAll('g[data-series="heatmap"] rect')).toHaveLength(
      modes.k.length * modes.t.length - 2,
    );
    expect(container.innerHTML).not.toMatch(/NaN|Infinity/);
    expect(container.querySelector('[data-testid="t-cursor"]')).toBeNull();
  });

  it('shows No data without modes', () => {
    const { container } = render(<ModePanel modes={null} width={640} height={400} />);
    expect(container.querySelector('[data-testid="no-data"]')).not.toBeNull();
    expect(container.querySelector('[data-series="heatmap"]')).toBeNull();
  });

  it('samples indices evenly, keeping both ends', () => {
    expect(sampleIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const s = sampleIndices(400, 96);
    expect(s[0]).toBe(0);
    expect(s[s.length - 1]).toBe(399);
    expect(s.length).toBeLessThanOrEqual(96);
    expect(s).toEqual([...s].sort((a, b) => a - b));
  });

  it('puts cell edges halfway between log-spaced centres', () => {
    const e = logEdges([1, 10, 100]);
    expect(e.map((v) => Number(v.toFixed(9)))).toEqual([-0.5, 0.5, 1.5, 2.5]);
    expect(logEdges([10])).toEqual([0.75, 1.25]);
  });
});

describe('ModePanel boundary label', () => {
  it('names the rule the boundary was computed with (power law or counted measured eigenvalues)', () => {
    const a = render(<ModePanel modes={modesBasic()} width={640} height={400} />);
    expect(a.container.querySelector('desc')?.textContent).toContain('κ(1/t)^(−1/α)');
    cleanup();
    const counted = { ...modesBasic(), boundaryCounted: true };
    const b = render(<ModePanel modes={counted} width={640} height={400} />);
    expect(b.container.querySelector('desc')?.textContent).toContain(
      'number of modes with λ_k ≥ κ(1/t)',
    );
    expect(b.container.textContent).not.toContain('−1/α');
  });
});
