// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScalingPanel } from '../../src/charts/ScalingPanel.tsx';
import { atPhrase, fitLabelText, scalingLayout } from '../../src/charts/scalingLayout.ts';
import { richWidth } from '../../src/charts/richRuns.ts';
import { metricsFor } from '../../src/charts/theme.ts';
import { sweepC, sweepN, sweepOnePoint, sweepP } from './fixtures.ts';
import { markupOf } from './normalize.ts';

afterEach(cleanup);

const figures: Record<string, () => ReactElement> = {
  'scaling-P-basic': () => <ScalingPanel sweep={sweepP()} width={640} height={400} />,
  'scaling-N-double-descent': () => <ScalingPanel sweep={sweepN()} width={640} height={400} />,
  'scaling-degenerate-one-point': () => (
    <ScalingPanel sweep={sweepOnePoint()} width={640} height={400} />
  ),
  'scaling-empty': () => <ScalingPanel sweep={null} axis="N" width={640} height={400} />,
  'scaling-P-narrow-lecture': () => (
    <ScalingPanel sweep={sweepP()} width={375} height={320} variant="lecture" />
  ),
  'scaling-C-basic': () => <ScalingPanel sweep={sweepC()} width={640} height={400} />,
};

describe('ScalingPanel figures', () => {
  for (const [name, fig] of Object.entries(figures)) {
    it(name, async () => {
      const { container } = render(fig());
      expect(container.innerHTML).not.toMatch(/NaN|Infinity|undefined/);
      const svg = container.querySelector('svg')!;
      expect(svg.getAttribute('data-testid')).toMatch(/^scaling-(P|N|C)$/);
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')).toMatch(/Scaling panel/);
      await expect(markupOf(container)).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);
    });
  }
});

describe('ScalingPanel contents', () => {
  it('draws the sweep, the fit over its window and the fit label', () => {
    const { container } = render(<ScalingPanel sweep={sweepP()} width={640} height={400} />);
    expect(container.querySelector('svg[data-testid="scaling-P"]')).not.toBeNull();
    expect(container.querySelector('path[data-series="sweep"]')!.getAttribute('d')).toMatch(/^M/);
    expect(container.querySelectorAll('g[data-series="sweep-points"] circle')).toHaveLength(9);
    const fit = container.querySelector('path[data-series="fit"]')!.getAttribute('d')!;
    expect(fit.match(/[ML]/g)).toHaveLength(2);
    expect(container.querySelector('[data-testid="fit-label"]')!.textContent).toBe(
      'fit: slope −1.03 · predicted −1.00',
    );
    expect(container.querySelector('[data-testid="current"]')!.textContent).toBe('current P = 400');
    expect(container.querySelector('[data-testid="scaling-caption"]')!.textContent).toBe(
      'Eg against dataset size P, at t → ∞',
    );
  });

  it('uses the N test id and marks divergent points', () => {
    const { container } = render(<ScalingPanel sweep={sweepN()} width={640} height={400} />);
    expect(container.querySelector('svg[data-testid="scaling-N"]')).not.toBeNull();
    expect(container.querySelectorAll('g[data-series="sweep-divergent"] text')).toHaveLength(1);
    // The ∞ point is a clipped peak: one run that climbs out of the plot, labelled.
    expect(
      container.querySelector('path[data-series="sweep"]')!.getAttribute('d')!.match(/M/g),
    ).toHaveLength(1);
    expect(container.querySelector('[data-testid="peak"]')!.textContent).toBe('→ ∞ at N = P');
    expect(container.querySelector('[data-testid="scaling-caption"]')!.textContent).toContain(
      'at t = 10³',
    );
  });

  it('degenerates gracefully to one point without a fit', () => {
    const { container } = render(<ScalingPanel sweep={sweepOnePoint()} width={640} height={400} />);
    expect(container.querySelector('path[data-series="fit"]')!.getAttribute('d')).toBe('');
    expect(container.querySelector('[data-testid="fit-label"]')!.textContent).toBe(
      'fit: none (too few points) · predicted −0.50',
    );
    expect(container.querySelectorAll('g[data-series="sweep-points"] circle')).toHaveLength(1);
    const ticks = Array.from(
      container.querySelectorAll('.sp-axis--bottom .sp-tick-label'),
      (t) => t.textContent,
    );
    expect(ticks.length).toBeGreaterThanOrEqual(2);
  });

  it('shows No data without a sweep', () => {
    const { container } = render(<ScalingPanel sweep={null} axis="N" width={640} height={400} />);
    expect(container.querySelector('svg[data-testid="scaling-N"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="no-data"]')!.textContent).toContain(
      'No sweep over N',
    );
  });

  it('words the evaluation point', () => {
    expect(atPhrase({ at: 'inf', tFixed: 1 })).toBe('at t → ∞');
    expect(atPhrase({ at: 'tstar', tFixed: 1 })).toBe('at the early-stopping time t*');
    expect(atPhrase({ at: 't', tFixed: 1000 })).toBe('at t = 10³');
    expect(atPhrase({ at: 't', tFixed: 250 })).toBe('at t = 2.50·10²');
    expect(fitLabelText({ ...sweepP(), fit: { ...sweepP().fit!, slope: 0.004 } })).toBe(
      'fit: slope 0.00 · predicted −1.00',
    );
  });

  it('keeps x labels apart at 375 px', () => {
    for (const variant of ['normal', 'lecture'] as const) {
      const m = metricsFor(variant);
      const L = scalingLayout(sweepP(), 'P', 375, 300, m);
      const xs = L.xTicks.major.map((t) => L.x(t.value));
      // At least three labels, so that the spacing is checked between two pairs.
      expect(xs.length, variant).toBeGreaterThanOrEqual(3);
      for (let i = 1; i < xs.length; i++)
        expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(m.xTickSpacing);
    }
  });

  it('fits its heading between the left margin and the right edge, the same wording for P and N', () => {
    const tstar = { ...sweepP(), at: 'tstar' as const };
    for (const variant of ['normal', 'lecture'] as const) {
      const m = metricsFor(variant);
      for (const width of [320, 375, 390, 480, 573, 640, 900]) {
        const P = scalingLayout(tstar, 'P', width, 300, m);
        const N = scalingLayout({ ...tstar, axis: 'N' }, 'N', width, 300, m);
        // Bold label type measures ≤ 2 % over richWidth's estimate (Inter 600 in Chromium).
        expect(P.margin.left + richWidth(P.heading, m.labelFont) * 1.02).toBeLessThanOrEqual(width);
        expect(P.heading.includes(' vs ')).toBe(N.heading.includes(' vs '));
      }
    }
  });
});
