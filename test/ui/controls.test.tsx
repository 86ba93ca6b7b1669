// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';

// jsdom has no Worker: the compute facade is replaced (nothing here should reach it).
vi.mock('../../src/compute/index.ts', () => ({
  startCompute: vi.fn(),
  startSimulation: vi.fn(),
  cancelSimulation: vi.fn(),
  retryCompute: vi.fn(),
}));

import { DEFAULT_PARAMS, PARAM_SPECS } from '../../src/model/params.ts';
import { appStore, resetStore } from '../../src/state/store.ts';
import { Controls } from '../../src/ui/controls/Controls.tsx';
import { KEY_PAUSE_MS } from '../../src/ui/controls/NumericControl.tsx';
import { sliderScale } from '../../src/ui/controls/scale.ts';
import { numericSpec } from '../../src/model/params.ts';

const s = () => appStore.getState();

beforeEach(() => resetStore());
afterEach(cleanup);

function slider(key: string) {
  return screen.getByTestId(`slider-${key}`) as HTMLInputElement;
}
function entry(key: string) {
  return screen.getByTestId(`entry-${key}`) as HTMLInputElement;
}
function typeInto(el: HTMLInputElement, text: string) {
  fireEvent.focus(el);
  fireEvent.change(el, { target: { value: text } });
  fireEvent.keyDown(el, { key: 'Enter' });
}

describe('controls generated from PARAM_SPECS', () => {
  it('one control per model, training and time parameter, each labelled', () => {
    render(<Controls />);
    for (const spec of PARAM_SPECS) {
      if (spec.key === 'seed' || spec.key === 'seeds') continue;
      if (spec.kind === 'enum') {
        expect(screen.getByRole('radio', { name: /weight decay/i })).toBeTruthy();
        continue;
      }
      const e = entry(spec.key);
      expect(e.getAttribute('aria-label')).toContain(spec.label);
      if (spec.unit) expect(e.getAttribute('aria-label')).toContain(spec.unit);
      const sl = slider(spec.key);
      expect(sl.getAttribute('aria-label')).toContain(spec.label);
      expect(sl.getAttribute('aria-valuetext')).toBeTruthy();
    }
  });

  it('disables (not hides) controls inactive in the regime, with the reason', () => {
    render(<Controls />);
    expect(s().params.regime).toBe('gf');
    expect(slider('gamma').disabled).toBe(true);
    expect(entry('gamma').disabled).toBe(true);
    const gamma = slider('gamma').closest('[data-param]') as HTMLElement;
    expect(within(gamma).getByText(/Inactive under gradient flow/)).toBeTruthy();
    expect(slider('T').disabled).toBe(true);
    expect(slider('alpha').disabled).toBe(false);

    fireEvent.click(screen.getByTestId('regime-wd'));
    expect(s().params.regime).toBe('wd');
    expect(slider('gamma').disabled).toBe(false);
    expect(slider('T').disabled).toBe(true);

    fireEvent.click(screen.getByTestId('regime-bayes'));
    expect(slider('T').disabled).toBe(false);
    expect(slider('tmax').disabled).toBe(true);
    expect(slider('sigma02').disabled).toBe(true);
  });

  it('a slider drag updates the store live (URL replaced), release commits (URL pushed)', () => {
    render(<Controls />);
    const sc = sliderScale(numericSpec('P'))!;
    fireEvent.input(slider('P'), { target: { value: String(sc.toPos(1000)) } });
    expect(s().params.P).toBe(1000);
    expect(s().urlIntent.mode).toBe('replace');
    fireEvent.input(slider('P'), { target: { value: String(sc.toPos(2000)) } });
    expect(s().params.P).toBe(2000);
    expect(entry('P').value).toBe('2000');
    fireEvent.change(slider('P'), { target: { value: String(sc.toPos(2000)) } });
    expect(s().urlIntent.mode).toBe('push');
  });

  it('log slider with logMin reaches exactly 0 at its left end', () => {
    render(<Controls />);
    fireEvent.input(slider('sigma2'), { target: { value: '0' } });
    expect(s().params.sigma2).toBe(0);
    expect(entry('sigma2').value).toBe('0');
    fireEvent.input(slider('sigma2'), { target: { value: '1' } });
    expect(s().params.sigma2).toBe(1e-6);
  });

  it('visiting an entry without typing commits nothing (the automatic window stays automatic)', () => {
    render(<Controls />);
    const before = s().urlIntent.seq;
    expect(s().view.timeWindow).toBe('auto');
    fireEvent.focus(entry('tmin'));
    fireEvent.blur(entry('tmin'));
    expect(s().view.timeWindow).toBe('auto');
    expect(s().urlIntent.seq).toBe(before);
  });

  it('typed entry: exponents, inf, clamping note, and garbage keeps the last good value', () => {
    render(<Controls />);
    typeInto(entry('sigma2'), '1e-3');
    expect(s().params.sigma2).toBe(1e-3);

    typeInto(entry('N'), 'inf');
    expect(s().params.N).toBe(Infinity);
    expect(slider('N').value).toBe(String(sliderScale(numericSpec('N'))!.max));

    typeInto(entry('alpha'), '99');
    expect(s().params.alpha).toBe(4);
    expect(screen.getByTestId('msg-alpha').textContent).toMatch(/maximum/);

    typeInto(entry('beta'), 'two');
    expect(s().params.beta).toBe(DEFAULT_PARAMS.beta);
    const msg = screen.getByTestId('msg-beta');
    expect(msg.getAttribute('role')).toBe('alert');
    expect(msg.textContent).toMatch(/Not a number/);
    expect(entry('beta').getAttribute('aria-invalid')).toBe('true');
    expect(entry('beta').value).toBe('two'); // left for the user to fix
    fireEvent.keyDown(entry('beta'), { key: 'Escape' });
    expect(entry('beta').value).toBe('2');
    expect(screen.queryByTestId('msg-beta')).toBeNull();
  });

  it('the ∞ toggle switches N to the kernel limit and back to its last finite value', () => {
    render(<Controls />);
    typeInto(entry('N'), '2500');
    const inf = screen.getByTestId('inf-N') as HTMLInputElement;
    expect(inf.checked).toBe(false);
    fireEvent.click(inf);
    expect(s().params.N).toBe(Infinity);
    expect(entry('N').value).toBe('inf');
    fireEvent.click(inf);
    expect(s().params.N).toBe(2500);
    // M defaults to ∞; switching off picks a finite value inside the range.
    fireEvent.click(screen.getByTestId('inf-M'));
    expect(Number.isFinite(s().params.M)).toBe(true);
  });

  it('keyboard: arrow steps are live; a pause commits them as one history entry', () => {
    vi.useFakeTimers();
    try {
      render(<Controls />);
      const pushes: number[] = [];
      const off = appStore.subscribe((st, prev) => {
        if (st.urlIntent.seq !== prev.urlIntent.seq && st.urlIntent.mode === 'push')
          pushes.push(st.params.alpha);
      });
      for (let i = 0; i < 5; i++) {
        fireEvent.keyDown(slider('alpha'), { key: 'ArrowRight' });
        act(() => void vi.advanceTimersByTime(KEY_PAUSE_MS / 3));
      }
      expect(s().params.alpha).toBe(1.75);
      expect(s().urlIntent.mode).toBe('replace');
      expect(pushes).toEqual([]);
      act(() => void vi.advanceTimersByTime(KEY_PAUSE_MS));
      expect(pushes).toEqual([1.75]);
      // Leaving the slider commits at once.
      fireEvent.keyDown(slider('alpha'), { key: 'ArrowRight' });
      fireEvent.blur(slider('alpha'));
      expect(pushes).toEqual([1.75, 1.8]);
      act(() => void vi.advanceTimersByTime(KEY_PAUSE_MS));
      expect(pushes).toEqual([1.75, 1.8]);
      off();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keyboard: arrows move by a sensible step', () => {
    act(() => s().setParams({ ...s().params, P: 400, sigma2: 0.05 }));
    render(<Controls />);
    fireEvent.keyDown(slider('alpha'), { key: 'ArrowRight' });
    expect(s().params.alpha).toBe(1.55);
    fireEvent.keyDown(slider('alpha'), { key: 'ArrowLeft', shiftKey: true });
    expect(s().params.alpha).toBe(1.54);
    for (let i = 0; i < 10; i++) fireEvent.keyDown(slider('P'), { key: 'ArrowUp' });
    expect(s().params.P / 400).toBeGreaterThan(8);
    expect(s().params.P / 400).toBeLessThan(12);
    fireEvent.keyDown(slider('sigma2'), { key: 'Home' });
    expect(s().params.sigma2).toBe(0);
  });

  it('follows store changes made elsewhere (URL, lessons)', () => {
    render(<Controls />);
    act(() => s().setParam('beta', 3.25));
    expect(entry('beta').value).toBe('3.25');
    expect(slider('beta').value).toBe(String(sliderScale(numericSpec('beta'))!.toPos(3.25)));
  });
});
