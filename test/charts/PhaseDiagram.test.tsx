// @vitest-environment jsdom
// A marker move re-renders the marker only: the static layers (regions, contours, boundaries,
// axes, legend) and the fitted dots are memoised, so a drag does no work proportional to them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/react';

// Count renders of the static field (its axes) and of the dots (one deviation class per dot).
const counts = vi.hoisted(() => ({ axis: 0, dev: 0 }));
vi.mock('../../src/charts/Axis.tsx', async (orig) => {
  const m = await orig<typeof import('../../src/charts/Axis.tsx')>();
  return {
    ...m,
    Axis: (p: Parameters<typeof m.Axis>[0]) => {
      counts.axis++;
      return m.Axis(p);
    },
  };
});
vi.mock('../../src/claims/phase.ts', async (orig) => {
  const m = await orig<typeof import('../../src/claims/phase.ts')>();
  return {
    ...m,
    deviationClass: (pt: Parameters<typeof m.deviationClass>[0]) => {
      counts.dev++;
      return m.deviationClass(pt);
    },
  };
});

import { PhaseDiagram } from '../../src/charts/PhaseDiagram.tsx';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import { predictAt } from '../../src/model/theory/phase.ts';
import { emptyPhaseGrid, type PhaseGrid } from '../../src/model/theory/phaseFit.ts';

function grid(): PhaseGrid {
  const g = emptyPhaseGrid('data-inf', 4);
  g.points = g.points.map((_, k) => {
    const alpha = g.alphas[k % g.K];
    const beta = g.betas[Math.floor(k / g.K)];
    const predicted = predictAt('data-inf', { alpha, beta }).value;
    return {
      alpha,
      beta,
      predicted,
      fitted: predicted + 0.01,
      fit: null,
      gap: null,
      verdict: { law: true, gap: null } as never,
    };
  });
  g.done = g.points.length;
  return g;
}

afterEach(cleanup);

describe('PhaseDiagram', () => {
  it('moving the marker re-renders neither the static layers nor the dots', () => {
    const g = grid();
    const props = {
      exponent: 'data-inf' as const,
      grid: g,
      verdict: null,
      measured: false,
      pending: false,
      width: 720,
      height: 420,
      onSet: () => {},
    };
    const { container, rerender } = render(
      <PhaseDiagram {...props} params={{ ...DEFAULT_PARAMS, alpha: 1.5, beta: 2 }} />,
    );
    const marker = () => container.querySelector('[data-testid="phase-marker"]')!;
    const contour = container.querySelector('[data-series="phase-contours"]');
    const before = { ...counts, at: marker().getAttribute('transform') };
    expect(before.axis).toBeGreaterThan(0);
    expect(before.dev).toBe(g.points.length);

    rerender(<PhaseDiagram {...props} params={{ ...DEFAULT_PARAMS, alpha: 3, beta: 4 }} />);
    expect(marker().getAttribute('transform')).not.toBe(before.at);
    expect(counts.axis).toBe(before.axis);
    expect(counts.dev).toBe(before.dev);
    expect(container.querySelector('[data-series="phase-contours"]')).toBe(contour);

    // A new grid redraws the dots (the counter sees renders), still not the static layers.
    rerender(
      <PhaseDiagram {...props} grid={grid()} params={{ ...DEFAULT_PARAMS, alpha: 3, beta: 4 }} />,
    );
    expect(counts.dev).toBe(before.dev + g.points.length);
    expect(counts.axis).toBe(before.axis);
  });
});
