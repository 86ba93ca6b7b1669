import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PARAMS, type Params } from '../../src/model/params.ts';
import type { CurveResult } from '../../src/model/types.ts';
import { currentLabel, MAX_PINS, paramsKey, pinLabels, WINDOW_KEYS } from '../../src/state/pins.ts';
import { appStore, resetStore } from '../../src/state/store.ts';
import { parseUrlState } from '../../src/state/url.ts';
import { installUrlSync } from '../../src/state/urlSync.ts';
import { DEFAULT_VIEW } from '../../src/state/view.ts';
import { plainSymbol } from '../../src/state/symbols.ts';

const s = () => appStore.getState();

beforeEach(() => resetStore());

describe('store', () => {
  it('starts from the defaults and resets through getInitialState()', () => {
    s().setParam('alpha', 2);
    s().pin();
    resetStore();
    expect(s().params).toEqual(DEFAULT_PARAMS);
    expect(s().pins).toEqual([]);
    expect(s().view).toEqual(DEFAULT_VIEW);
  });

  it('live edits ask the URL to be replaced, commits to push', () => {
    s().setParam('P', 500, { live: true });
    expect(s().urlIntent.mode).toBe('replace');
    const seq = s().urlIntent.seq;
    s().commit();
    expect(s().urlIntent).toEqual({ mode: 'push', seq: seq + 1 });
    s().setParam('P', 600);
    expect(s().urlIntent.mode).toBe('push');
  });

  it('enforces cross-parameter constraints and reports the adjustment', () => {
    s().setParam('tmin', 1e7);
    expect(s().params.tmax).toBeGreaterThan(s().params.tmin);
    expect(s().adjustments.map((a) => a.key)).toEqual(['tmax']);
    s().setParam('alpha', 2);
    expect(s().adjustments).toEqual([]);
  });

  it('togglePanel keeps the canonical order', () => {
    s().setView({ panels: [] });
    s().togglePanel('modes');
    s().togglePanel('formulas');
    expect(s().view.panels).toEqual(['formulas', 'modes']);
    s().togglePanel('modes');
    expect(s().view.panels).toEqual(['formulas']);
  });

  it('pins the current configuration once, with its curve, at most six', () => {
    const curve = { params: DEFAULT_PARAMS } as unknown as CurveResult;
    s().patchResults({ curve, curveKey: paramsKey(DEFAULT_PARAMS) });
    s().pin();
    s().pin();
    expect(s().pins).toEqual([DEFAULT_PARAMS]);
    expect(s().results.pinCurves[paramsKey(DEFAULT_PARAMS)]).toBe(curve);
    for (let i = 1; i <= 8; i++) {
      s().setParam('P', 100 * i);
      s().pin();
    }
    expect(s().pins).toHaveLength(MAX_PINS);
    expect(s().pins[MAX_PINS - 1].P).toBe(800);
    s().unpin(0);
    expect(s().pins).toHaveLength(MAX_PINS - 1);
    // Six at most: the default (P = 10⁶), 100 and 200 fell off; unpin(0) removed 300.
    expect(DEFAULT_PARAMS.P).toBe(1e6);
    expect(s().pins.map((p) => p.P)).toEqual([400, 500, 600, 700, 800]);
    s().unpinAll();
    expect(s().pins).toEqual([]);
  });

  it('names a pin by what differs from the current configuration', () => {
    const pin: Params = { ...DEFAULT_PARAMS, sigma2: 0.1, P: 800 };
    expect(pinLabels([pin], DEFAULT_PARAMS)).toEqual(['P = 800, σ² = 0.1']);
    expect(pinLabels([{ ...DEFAULT_PARAMS, N: Infinity }], DEFAULT_PARAMS)).toEqual(['N = ∞']);
    expect(pinLabels([{ ...DEFAULT_PARAMS, regime: 'wd' }], DEFAULT_PARAMS)).toEqual([
      'Gradient flow + weight decay',
    ]);
    expect(pinLabels([DEFAULT_PARAMS], DEFAULT_PARAMS)).toEqual(['same as current']);
    expect(currentLabel([DEFAULT_PARAMS], DEFAULT_PARAMS)).toBe('');
    // What does not act in a configuration is not part of its name (lesson 6 pins gradient flow
    // beside weight decay γ = 0.03: the pin is "Gradient flow", not "Gradient flow, γ = 10⁻³").
    const wd: Params = { ...DEFAULT_PARAMS, regime: 'wd', gamma: 0.03 };
    expect(pinLabels([DEFAULT_PARAMS], wd)).toEqual(['Gradient flow']);
    expect(currentLabel([DEFAULT_PARAMS], wd)).toBe('Gradient flow + weight decay, γ = 0.03');
    expect(pinLabels([{ ...DEFAULT_PARAMS, gamma: 0.5 }], DEFAULT_PARAMS)).toEqual([
      'same as current',
    ]);
  });

  it('names choices in the chooser’s words, not as keys', () => {
    const digits: Params = { ...DEFAULT_PARAMS, data: 'mnist', task: 'parity', kernel: 'relu' };
    const clothes: Params = { ...digits, data: 'fashion', task: 'footwear', kernel: 'linear' };
    expect(pinLabels([digits], clothes)).toEqual(['MNIST, ReLU NNGP kernel, even vs odd']);
    expect(currentLabel([digits], clothes)).toBe(
      'Fashion-MNIST, linear kernel, footwear vs the rest',
    );
    const sgd: Params = { ...DEFAULT_PARAMS, regime: 'sgd', schedule: 'constant' };
    expect(pinLabels([{ ...sgd, schedule: 'cosine' }], sgd)).toEqual(['cosine schedule']);
    expect(pinLabels([DEFAULT_PARAMS], { ...DEFAULT_PARAMS, data: 'custom' })).toEqual([
      'power law (α, β)',
    ]);
  });

  it('labels pins with absolute values of what sets the curves apart', () => {
    // From P = 400, σ² = 0.05: pinned at P = 4000, then at σ² = 0.1 (P back to 400), now at P = 800.
    const base: Params = { ...DEFAULT_PARAMS, P: 400, sigma2: 0.05 };
    const a: Params = { ...base, P: 4000 };
    const b: Params = { ...base, sigma2: 0.1 };
    const now: Params = { ...base, P: 800 };
    expect(pinLabels([a, b], now)).toEqual(['P = 4000, σ² = 0.05', 'P = 400, σ² = 0.1']);
    expect(currentLabel([a, b], now)).toBe('P = 800, σ² = 0.05');
    // A pin equal to the current curve still says its values when another pin differs.
    expect(pinLabels([a, now], now)).toEqual(['P = 4000', 'P = 800']);
    // Keys left out (an automatic window) never appear.
    const w: Params = { ...a, tmax: 5000 };
    expect(pinLabels([w], now, WINDOW_KEYS)).toEqual(['P = 4000']);
    expect(pinLabels([w], now)).toEqual(['P = 4000, tₘₐₓ = 5000']);
  });

  it('plain symbols from the KaTeX table', () => {
    expect(plainSymbol('\\sigma_0^2')).toBe('σ₀²');
    expect(plainSymbol('\\sigma^2')).toBe('σ²');
    expect(plainSymbol('t_{\\min}')).toBe('tₘᵢₙ');
    expect(plainSymbol('t_{\\max}')).toBe('tₘₐₓ');
    expect(plainSymbol('\\text{seed}')).toBe('seed');
    expect(plainSymbol('n_t')).toBe('nₜ');
    expect(plainSymbol('\\eta_s')).toBe('ηₛ');
  });

  it('status and errors per kind', () => {
    s().setStatus('curve', 'pending');
    s().setStatus('curve', 'error', { kind: 'param', param: 'P', message: 'too small' });
    expect(s().results.errors.curve?.kind).toBe('param');
    s().setStatus('curve', 'ok');
    expect(s().results.errors.curve).toBeUndefined();
    expect(s().results.status.curve).toBe('ok');
  });
});

/** A minimal window: a history of entries with popstate on back/forward. */
function fakeWindow(search = '') {
  const entries = [search];
  let index = 0;
  const listeners = new Set<() => void>();
  const go = (d: number) => {
    index = Math.max(0, Math.min(entries.length - 1, index + d));
    for (const l of listeners) l();
  };
  const setUrl = (url: string) => url.replace(/^[^?]*/, '');
  return {
    entries,
    get index() {
      return index;
    },
    location: {
      pathname: '/app/',
      get search() {
        return entries[index];
      },
    } as Location,
    history: {
      pushState(_d: unknown, _t: string, url: string) {
        entries.splice(index + 1, entries.length, setUrl(url));
        index++;
      },
      replaceState(_d: unknown, _t: string, url: string) {
        entries[index] = setUrl(url);
      },
    } as History,
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
    back: () => go(-1),
    forward: () => go(1),
  };
}

describe('URL sync', () => {
  it('loads from the URL with notices and canonicalises the address bar', () => {
    const win = fakeWindow('?v=1&alpha=99&beta=3');
    const stop = installUrlSync(appStore, { win: win as unknown as Window, replaceEveryMs: 0 });
    expect(s().params.alpha).toBe(4);
    expect(s().params.beta).toBe(3);
    expect(s().urlNotices.map((n) => n.key)).toEqual(['alpha']);
    expect(win.entries).toHaveLength(1);
    expect(parseUrlState(win.location.search).notices).toEqual([]);
    expect(parseUrlState(win.location.search).state.params.alpha).toBe(4);
    stop();
  });

  it('a drag replaces the entry, its commit pushes one; back and forward restore', () => {
    const win = fakeWindow('');
    const stop = installUrlSync(appStore, { win: win as unknown as Window, replaceEveryMs: 0 });
    const start = win.location.search;
    for (const P of [410, 450, 520, 600]) s().setParam('P', P, { live: true });
    expect(win.entries).toHaveLength(1);
    expect(parseUrlState(win.location.search).state.params.P).toBe(600);
    s().commit();
    expect(win.entries).toHaveLength(2);
    expect(win.entries[0]).toBe(start);
    expect(parseUrlState(win.entries[1]).state.params.P).toBe(600);

    s().setParam('regime', 'wd');
    expect(win.entries).toHaveLength(3);

    win.back();
    expect(s().params.regime).toBe('gf');
    expect(s().params.P).toBe(600);
    win.back();
    expect(s().params.P).toBe(DEFAULT_PARAMS.P);
    expect(win.entries).toHaveLength(3); // restoring does not write history
    win.forward();
    win.forward();
    expect(s().params.regime).toBe('wd');
    // A new change after going back truncates the forward entries.
    win.back();
    s().setParam('alpha', 2);
    expect(win.entries).toHaveLength(3);
    expect(win.index).toBe(2);
    stop();
  });

  it('live replacements are throttled, the last one always written', () => {
    vi.useFakeTimers();
    try {
      const win = fakeWindow('?v=1&P=400');
      let calls = 0;
      const replace = win.history.replaceState.bind(win.history);
      win.history.replaceState = (...a: Parameters<History['replaceState']>) => {
        calls++;
        replace(...a);
      };
      const stop = installUrlSync(appStore, { win: win as unknown as Window, replaceEveryMs: 100 });
      calls = 0;
      for (let i = 1; i <= 20; i++) {
        s().setParam('P', 400 + i, { live: true });
        vi.advanceTimersByTime(10);
      }
      // 200 ms of dragging at one event per 10 ms: about one write per 100 ms, not twenty.
      expect(calls).toBeLessThanOrEqual(3);
      vi.advanceTimersByTime(200);
      expect(parseUrlState(win.location.search).state.params.P).toBe(420);
      s().commit();
      expect(win.entries).toHaveLength(2);
      expect(parseUrlState(win.entries[0]).state.params.P).toBe(400);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a drag that returns to its start leaves no new entry', () => {
    const win = fakeWindow('');
    const stop = installUrlSync(appStore, { win: win as unknown as Window, replaceEveryMs: 0 });
    s().setParam('P', 700, { live: true });
    s().setParam('P', DEFAULT_PARAMS.P, { live: true });
    s().commit();
    expect(win.entries).toHaveLength(1);
    stop();
  });
});
