// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';

// jsdom has no Worker: the compute facade is replaced by spies.
vi.mock('../../src/compute/index.ts', () => ({
  startCompute: vi.fn(),
  startSimulation: vi.fn(),
  cancelSimulation: vi.fn(),
  retryCompute: vi.fn(),
}));

import { cancelSimulation, startSimulation } from '../../src/compute/index.ts';
import { LESSONS } from '../../src/lessons/lessons.ts';
import { appStore, resetStore } from '../../src/state/store.ts';
import { parseUrlState } from '../../src/state/url.ts';
import { App } from '../../src/ui/App.tsx';
import { SHORTCUTS } from '../../src/ui/shortcuts.ts';

const s = () => appStore.getState();
const key = (k: string, target: Element = document.body) =>
  act(() => {
    fireEvent.keyDown(target, { key: k });
  });

beforeEach(() => resetStore());
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('App', () => {
  it('renders the layout with no result yet', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Scaling Playground');
    expect(screen.getByTestId('controls')).toBeTruthy();
    expect(screen.getByTestId('curve-panel')).toBeTruthy();
    expect(screen.getByTestId('caption').textContent).toMatch(/No result computed yet/);
  });

  it('shows URL notices as text, never as markup', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { state, notices } = parseUrlState(
      `?v=1&alpha=${encodeURIComponent(evil)}&${encodeURIComponent(evil)}=1`,
    );
    act(() => s().applyUrlState(state, 'none', notices));
    render(<App />);
    const banner = screen.getByTestId('url-notice');
    expect(banner.textContent).toContain('<img');
    expect(document.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByText('Dismiss'));
    expect(screen.queryByTestId('url-notice')).toBeNull();
  });

  it('shows compute errors with the parameter named', () => {
    render(<App />);
    act(() =>
      s().setStatus('curve', 'error', { kind: 'param', param: 'P', message: 'P too large' }),
    );
    expect(screen.getByTestId('compute-error').textContent).toContain('P: P too large');
  });

  it('? opens the help listing every shortcut; Escape closes it', () => {
    render(<App />);
    key('?');
    const help = screen.getByTestId('help');
    for (const sc of SHORTCUTS) expect(help.textContent).toContain(sc.description);
    key('Escape');
    expect(screen.queryByTestId('help')).toBeNull();
  });

  it('l toggles lecture mode (theme on <html>, in the store and so in the URL)', () => {
    render(<App />);
    key('l');
    expect(s().view.theme).toBe('lecture');
    expect(document.documentElement.dataset.theme).toBe('lecture');
    key('l');
    expect(s().view.theme).toBe('normal');
  });

  it('n / p and PageDown / PageUp step through the lessons', () => {
    render(<App />);
    key('n');
    expect(s().view.lesson).toBe(LESSONS[0].id);
    expect(screen.getByTestId('lesson').textContent).toContain(LESSONS[0].title);
    key('PageDown');
    expect(s().view.lesson).toBe(LESSONS[1].id);
    expect(s().params.alpha).toBe(parseUrlState(LESSONS[1].config).state.params.alpha);
    key('p');
    expect(s().view.lesson).toBe(LESSONS[0].id);
    key('PageUp'); // already at the first lesson
    expect(s().view.lesson).toBe(LESSONS[0].id);
  });

  it('k pins, Shift+K unpins all; r and x run and cancel the simulation', () => {
    render(<App />);
    key('k');
    expect(s().pins).toHaveLength(1);
    key('K');
    expect(s().pins).toHaveLength(0);
    // At the landing sizes min(P, N, M) is beyond the simulator: r does not start a run that
    // would fail (the box says why); at sizes it takes, r runs.
    key('r');
    expect(startSimulation).toHaveBeenCalledTimes(0);
    act(() => s().setParams({ ...s().params, P: 400, N: 400 }));
    key('r');
    expect(startSimulation).toHaveBeenCalledTimes(1);
    key('x');
    expect(cancelSimulation).toHaveBeenCalledTimes(1);
  });

  it('single-key shortcuts do not fire while typing in a field', () => {
    render(<App />);
    const entry = screen.getByTestId('entry-alpha');
    key('l', entry);
    key('k', entry);
    expect(s().view.theme).toBe('normal');
    expect(s().pins).toHaveLength(0);
  });

  it('1 / 2 / 3 choose where the scaling panels are evaluated', () => {
    render(<App />);
    key('3');
    expect(s().view.at).toBe('inf');
    key('2');
    expect(s().view.at).toBe('t');
    expect(screen.getByTestId('entry-tat')).toBeTruthy();
    key('1');
    expect(s().view.at).toBe('tstar');
  });

  it('the panels menu hides and shows panels', () => {
    render(<App />);
    expect(document.querySelector('.panel-modes')).not.toBeNull();
    fireEvent.click(screen.getByTestId('panel-modes'));
    expect(s().view.panels).not.toContain('modes');
    expect(document.querySelector('.panel-modes')).toBeNull();
  });
});

describe('help overlay (modal)', () => {
  it('opens from its button with focus inside, keeps Tab inside, and gives focus back', () => {
    render(<App />);
    const button = screen.getByTestId('help-button');
    button.focus();
    fireEvent.click(button);
    const help = screen.getByTestId('help');
    expect(help.contains(document.activeElement)).toBe(true);
    key('Tab', document.activeElement!);
    expect(help.contains(document.activeElement)).toBe(true);
    key('Tab', document.activeElement!);
    expect(help.contains(document.activeElement)).toBe(true);
    // Shortcuts are off while it is open.
    key('l', document.activeElement!);
    expect(s().view.theme).toBe('normal');
    key('Escape', document.activeElement!);
    expect(screen.queryByTestId('help')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
