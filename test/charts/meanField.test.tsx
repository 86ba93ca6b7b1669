// @vitest-environment jsdom
// The panels of the mean field's internals: what each draws from engine results, on the learning
// curve's time axis, and the mode panel's selection.
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Decomposition } from '../../src/charts/Decomposition.tsx';
import { curveTimeDomain } from '../../src/charts/domain.ts';
import { ModeInspectorChart } from '../../src/charts/ModeInspectorChart.tsx';
import { simModeRow } from '../../src/charts/modeInspectorLayout.ts';
import { ModePanel, neighbourMode } from '../../src/charts/ModePanel.tsx';
import { OrderParameters } from '../../src/charts/OrderParameters.tsx';
import { DEFAULT_PARAMS, type Params } from '../../src/model/params.ts';
import { computeCurve } from '../../src/model/theory/curve.ts';
import { computeModeDetail, computeModes } from '../../src/model/theory/modes.ts';
import { computeOrder } from '../../src/model/theory/order.ts';
import type { SimResult } from '../../src/model/types.ts';

afterEach(cleanup);

// With label noise (the default has none), so that the noise part acts.
const P: Params = {
  ...DEFAULT_PARAMS,
  P: 64,
  N: 128,
  M: 256,
  sigma2: 0.05,
  nt: 30,
  tmin: 0.01,
  tmax: 1e5,
};

function decompositionData(p: Params) {
  const c = computeCurve(p, { parts: true });
  return {
    c,
    data: { params: c.params, t: c.t, Eg: c.Eg, parts: c.parts!, earlyStop: c.earlyStop },
  };
}

describe('Decomposition', () => {
  it('draws E_g and the parts that act; the legend says why the others are zero', () => {
    const { c, data } = decompositionData(P);
    const { container } = render(
      <Decomposition data={data} tDomain={curveTimeDomain(c)} width={600} height={300} />,
    );
    const svg = container.querySelector('svg[data-testid="decomposition"]')!;
    expect(svg.querySelector('path[data-series="Eg"]')!.getAttribute('d')).toMatch(/^M/);
    expect(svg.querySelector('path[data-part="signal"]')!.getAttribute('d')).toMatch(/^M/);
    expect(svg.querySelector('path[data-part="noise"]')!.getAttribute('d')).toMatch(/^M/);
    expect(svg.querySelector('path[data-part="temperature"]')).toBeNull();
    expect(svg.querySelector('path[data-part="init"]')).toBeNull();
    expect(svg.textContent).toContain('temperature: 0 (not Langevin)');
    expect(svg.textContent).toContain('init: 0 (σ₀² = 0)');
    expect(container.innerHTML).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('draws all four parts under Langevin training from a random init', () => {
    const p: Params = { ...P, regime: 'langevin', T: 1e-3, gamma: 1e-2, sigma02: 0.5 };
    const { c, data } = decompositionData(p);
    const { container } = render(
      <Decomposition data={data} tDomain={curveTimeDomain(c)} width={600} height={300} />,
    );
    for (const k of ['signal', 'noise', 'temperature', 'init'])
      expect(container.querySelector(`path[data-part="${k}"]`), k).not.toBeNull();
    expect(container.textContent).not.toMatch(/: 0 \(/);
  });

  it('without data: the empty state and no parts', () => {
    const { container } = render(
      <Decomposition data={null} tDomain={null} width={600} height={300} />,
    );
    expect(container.querySelector('path[data-part]')).toBeNull();
    expect(container.textContent).toContain('No data');
  });
});

describe('OrderParameters', () => {
  it('draws κ, R and the amplification over the curve’s time domain', () => {
    const o = computeOrder(P);
    const tDomain = curveTimeDomain({ t: o.tau });
    const { container } = render(
      <OrderParameters order={o} tDomain={tDomain} width={600} height={300} />,
    );
    for (const k of ['kappa', 'R', 'amplification'])
      expect(container.querySelector(`path[data-series="${k}"]`)!.getAttribute('d'), k).toMatch(
        /^M[\d.]+,[\d.]+L/,
      );
    // The τ axis spans the learning curve's t axis: its first path point sits at x = 0.
    expect(container.querySelector('path[data-series="kappa"]')!.getAttribute('d')).toMatch(/^M0,/);
  });
});

describe('ModeInspectorChart', () => {
  const d = computeModeDetail(P, 3);
  const tDomain = curveTimeDomain(d);

  it('draws ℓ_k against the free dynamics on a linear fraction axis with ½ and ℓ_k(∞)', () => {
    const { container } = render(
      <ModeInspectorChart detail={d} sim={null} tDomain={tDomain} width={400} height={300} />,
    );
    expect(container.querySelector('path[data-series="ell"]')).not.toBeNull();
    expect(container.querySelector('path[data-series="free"]')).not.toBeNull();
    const labels = [...container.querySelectorAll('.sp-axis--left text.sp-tick-label')].map(
      (e) => e.textContent,
    );
    expect(labels).toEqual(['0', '0.25', '0.5', '0.75', '1']);
    expect(container.querySelector('line[data-testid="ell-inf"]')).not.toBeNull();
    expect(container.querySelector('g[data-testid="sim-mode"]')).toBeNull();
  });

  it('picks the simulator’s row of mode k and draws it with error bars', () => {
    const t = Float64Array.of(0.1, 10, 1000);
    const sim = {
      t,
      seeds: 4,
      modes: {
        k: Float64Array.of(1, 3),
        mean: Float64Array.of(0.1, 0.9, 1, 0.01, 0.5, 0.95),
        sem: Float64Array.of(0, 0, 0, 0.01, 0.02, 0.01),
      },
    } as unknown as SimResult;
    const row = simModeRow(sim, 3)!;
    expect(Array.from(row.mean)).toEqual([0.01, 0.5, 0.95]);
    expect(simModeRow(sim, 10)).toBeNull();
    const { container } = render(
      <ModeInspectorChart detail={d} sim={row} tDomain={tDomain} width={400} height={300} />,
    );
    expect(container.querySelectorAll('g[data-testid="sim-mode"] circle')).toHaveLength(3);
    expect(container.textContent).toContain('simulation, 4 seeds');
  });
});

describe('ModePanel selection', () => {
  const modes = computeModes(P);

  it('steps to the next row up or down', () => {
    const ks = modes.k;
    expect(neighbourMode(ks, 1, -1)).toBeNull();
    const up = neighbourMode(ks, 1, 1)!;
    expect(up).toBeGreaterThan(1);
    expect(neighbourMode(ks, up, -1)).toBe(1);
  });

  it('a click picks the mode under the pointer; arrows step; the selected mode is marked', () => {
    const onSelectK = vi.fn();
    const { container } = render(
      <ModePanel modes={modes} width={640} height={400} selectedK={10} onSelectK={onSelectK} />,
    );
    const svg = container.querySelector('svg[data-testid="modes"]')!;
    expect(svg.getAttribute('tabindex')).toBe('0');
    expect(svg.querySelector('line[data-testid="mode-selected"]')).not.toBeNull();
    // jsdom lays nothing out: the svg's box is at (0, 0), so client coordinates are svg ones.
    const frame = svg.querySelector('g[data-series="heatmap"]')!.closest('g[transform]')!;
    const [, left, top] = /translate\(([\d.]+),([\d.]+)\)/.exec(frame.getAttribute('transform')!)!;
    fireEvent.click(svg, { clientX: Number(left) + 50, clientY: Number(top) + 1 });
    const top1 = onSelectK.mock.calls[0][0] as number;
    expect(top1).toBeGreaterThan(100);
    fireEvent.keyDown(svg, { key: 'ArrowDown' });
    expect(onSelectK).toHaveBeenLastCalledWith(neighbourMode(modes.k, 10, -1));
  });
});
