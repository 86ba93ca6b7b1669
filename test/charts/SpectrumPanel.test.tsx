// @vitest-environment jsdom
// The spectrum plot: the measured λ_k and c_k, the fitted laws over their fit ranges, and the
// α, β written on it equal to the engine's fit (the read-outs show the same numbers).
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SpectrumPanel } from '../../src/charts/SpectrumPanel.tsx';
import { spectrumLayout } from '../../src/charts/spectrumLayout.ts';
import { metricsFor } from '../../src/charts/theme.ts';
import { spectrumView } from '../../src/model/theory/dataSpectra.ts';
import { registerMnist } from '../helpers/mnistSpectra.ts';

afterEach(cleanup);

const relu = { data: 'mnist', kernel: 'relu', task: 'parity' } as const;
const linear = { data: 'mnist', kernel: 'linear', task: 'parity' } as const;
registerMnist('relu', 'parity');
registerMnist('linear', 'parity');

describe('SpectrumPanel', () => {
  it('draws λ_k, c_k and both fits, with α, β and the fit range written on it', () => {
    const view = spectrumView(relu)!;
    const { container } = render(
      <SpectrumPanel spectrum={view} title="MNIST" width={480} height={320} />,
    );
    expect(container.innerHTML).not.toMatch(/NaN|Infinity|undefined/);
    for (const s of ['lambda', 'power', 'lambda-fit', 'power-fit'])
      expect(container.querySelector(`path[data-series="${s}"]`)!.getAttribute('d')).not.toBe('');
    const alpha = container.querySelector('[data-testid="alpha-label"]')!.textContent!;
    const beta = container.querySelector('[data-testid="beta-label"]')!.textContent!;
    expect(alpha).toContain(`α = ${view.fit.alpha.toFixed(2)}`);
    expect(beta).toContain(`β = ${view.fit.beta.toFixed(2)}`);
    const range = container.querySelector('[data-testid="fit-range"]')!;
    expect(range.getAttribute('data-kmin')).toBe(String(view.fit.lam.xmin));
    expect(range.getAttribute('data-kmax')).toBe(String(view.fit.lam.xmax));
    expect(range.textContent).toContain(`k = ${view.fit.lam.xmin}…${view.fit.lam.xmax}`);
  });

  it('the fitted lines span exactly their fit ranges', () => {
    const view = spectrumView(relu)!;
    const L = spectrumLayout(view, 'MNIST', 480, 320, metricsFor('normal'));
    const xs = L.lamFitD.match(/[ML](-?[\d.]+),/g)!.map((s) => Number(s.slice(1, -1)));
    expect(xs[0]).toBeCloseTo(L.x(view.fit.lam.xmin), 1);
    expect(xs[xs.length - 1]).toBeCloseTo(L.x(view.fit.lam.xmax), 1);
  });

  it('a singular kernel: the zero modes are counted, not drawn', () => {
    const view = spectrumView(linear)!;
    const L = spectrumLayout(view, 'MNIST', 480, 320, metricsFor('normal'));
    const zeros = Array.from(view.lam).filter((l) => l === 0).length;
    expect(zeros).toBeGreaterThan(0);
    expect(L.heading).toContain(`${zeros} with λ_k = 0, not drawn`);
    expect(L.lamD).not.toMatch(/NaN/);
  });

  it('no spectrum: No data with the reason', () => {
    const L = spectrumLayout(null, 'MNIST', 480, 320, metricsFor('normal'));
    expect(L.empty?.detail).toMatch(/not been loaded/);
  });
});
