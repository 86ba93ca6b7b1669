import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  PARAM_SPECS,
  DATA_SOURCES,
  REGIMES,
  actsWithData,
  isActive,
  type NumericSpec,
  type Params,
} from '../../src/model/params.ts';
import {
  MAX_NOTICES,
  linkState,
  parseUrlState,
  serializeUrlState,
  type UrlState,
} from '../../src/state/url.ts';
import { DEFAULT_VIEW, PANELS, type PanelId } from '../../src/state/view.ts';
import { LESSONS, LESSON_IDS } from '../../src/lessons/lessons.ts';
import { LESSON_BOOK } from '../../src/lessons/apply.ts';
import { randomUrlState, rng } from './random.ts';

const DEFAULT_STATE: UrlState = {
  params: { ...DEFAULT_PARAMS },
  view: { ...DEFAULT_VIEW },
  pins: [],
};

function withParams(query: string) {
  return parseUrlState(`?v=1&${query}`);
}

/** Every numeric parameter is inside its declared range (or ∞ where allowed). */
function expectInRange(p: Params) {
  expect(Object.keys(p).sort()).toEqual(PARAM_SPECS.map((s) => s.key).sort());
  for (const s of PARAM_SPECS) {
    if (s.kind === 'enum') {
      expect(s.options).toContain(p[s.key]);
      continue;
    }
    const v = p[s.key];
    expect(typeof v).toBe('number');
    expect(Number.isNaN(v)).toBe(false);
    if (v === Infinity) expect((s as NumericSpec).allowInf).toBe(true);
    else {
      expect(v).toBeGreaterThanOrEqual(s.min);
      expect(v).toBeLessThanOrEqual(s.max);
    }
  }
}

describe('url codec: round trip', () => {
  it('defaults serialise to a versioned query and come back unchanged, without notices', () => {
    const q = serializeUrlState(DEFAULT_STATE);
    expect(q.startsWith('v=1&')).toBe(true);
    const { state, notices } = parseUrlState(q);
    expect(notices).toEqual([]);
    expect(state).toEqual(DEFAULT_STATE);
  });

  it('keys are the parameter keys (CLI flag names): the regime and every parameter acting in it', () => {
    for (const regime of REGIMES) {
      for (const data of DATA_SOURCES) {
        for (const timeWindow of ['auto', 'manual'] as const) {
          const view = { ...DEFAULT_STATE.view, timeWindow };
          const q = serializeUrlState({
            ...DEFAULT_STATE,
            view,
            params: { ...DEFAULT_PARAMS, regime, data },
          });
          const keys = [...new URLSearchParams(q).keys()];
          // An automatic time window writes no bounds; a typed one writes both (where they act).
          for (const s of PARAM_SPECS) {
            const written =
              isActive(s.key, regime) &&
              actsWithData(s.key, data) &&
              !(timeWindow === 'auto' && (s.key === 'tmin' || s.key === 'tmax'));
            expect(keys.includes(s.key), `${regime} ${data} ${timeWindow} ${s.key}`).toBe(written);
          }
        }
      }
    }
    // The MNIST kernel and task only with MNIST data.
    const mnist = serializeUrlState({
      ...DEFAULT_STATE,
      params: { ...DEFAULT_PARAMS, data: 'mnist' },
    });
    expect(mnist).toMatch(/kernel=relu&task=parity/);
    expect(serializeUrlState(DEFAULT_STATE)).not.toMatch(/kernel|task/);
    expect(serializeUrlState(DEFAULT_STATE)).toContain('M=inf');
  });

  it('a link with tmin or tmax has a typed window; one without, an automatic one', () => {
    const opts = { lessons: LESSON_BOOK };
    expect(parseUrlState('?v=1&alpha=2', opts).state.view.timeWindow).toBe('auto');
    const typed = parseUrlState('?v=1&tmin=1e7&tmax=1e8', opts).state;
    expect(typed.view.timeWindow).toBe('manual');
    expect([typed.params.tmin, typed.params.tmax]).toEqual([1e7, 1e8]);
    expect(parseUrlState('?tmax=10', opts).state.view.timeWindow).toBe('manual');
    const q = serializeUrlState(typed);
    expect(q).toContain('tmin=10000000&tmax=100000000');
  });

  it('300 random valid states (params, view, pins) survive parse(serialize(x)) up to parameters that do not act', () => {
    const r = rng(20240229);
    for (let i = 0; i < 300; i++) {
      const x = randomUrlState(r);
      const q = serializeUrlState(x, { lessons: LESSON_BOOK });
      const { state, notices } = parseUrlState(`?${q}`, { lessons: LESSON_BOOK });
      expect(notices, q).toEqual([]);
      expect(state, q).toEqual(linkState(x));
      // Serialising again gives the same text: the encoding is canonical.
      expect(serializeUrlState(state, { lessons: LESSON_BOOK })).toBe(q);
      // What is left out does not act: the theory sees the same effective parameters.
      expect(state.params.regime).toBe(x.params.regime);
      // (An automatic window's bounds are chosen by the engine, so they are not kept either.)
      const auto = x.view.timeWindow === 'auto';
      for (const s of PARAM_SPECS)
        if (
          isActive(s.key, x.params.regime) &&
          actsWithData(s.key, x.params.data) &&
          !(auto && (s.key === 'tmin' || s.key === 'tmax'))
        )
          expect(state.params[s.key]).toBe(x.params[s.key]);
    }
  });

  it('pins are written as the parameters they differ in', () => {
    const params = { ...DEFAULT_PARAMS };
    const pins = [
      { ...params, sigma2: 0.1, P: 800 },
      { ...params },
      { ...params, regime: 'wd' as const, gamma: 0.03 },
    ];
    const q = serializeUrlState({ params, view: DEFAULT_VIEW, pins });
    expect(q).toContain('pins=P:800,sigma2:0.1;same;regime:wd,gamma:0.03');
    expect(parseUrlState(q).state.pins).toEqual(pins);
  });

  it('view keys appear only when they differ from the default', () => {
    const q = serializeUrlState({
      ...DEFAULT_STATE,
      view: { ...DEFAULT_VIEW, theme: 'lecture', panels: ['modes', 'formulas'], at: 'inf' },
    });
    expect(q).toContain('theme=lecture');
    expect(q).toContain('panels=formulas,modes');
    expect(q).toContain('at=inf');
    expect(q).not.toContain('tat=');
    expect(q).not.toContain('lesson=');
    const none = serializeUrlState({ ...DEFAULT_STATE, view: { ...DEFAULT_VIEW, panels: [] } });
    expect(parseUrlState(none).state.view.panels).toEqual([]);
  });

  it('every lesson configuration parses without a notice', () => {
    for (const l of LESSONS) expect(parseUrlState(l.config).notices, l.id).toEqual([]);
  });
});

describe('url codec: validation and notices', () => {
  it('clamps alpha=99 to 4 with a notice naming alpha', () => {
    const { state, notices } = withParams('alpha=99');
    expect(state.params.alpha).toBe(4);
    expect(notices).toHaveLength(1);
    expect(notices[0].key).toBe('alpha');
    expect(notices[0].message).toMatch(/alpha/);
    expect(notices[0].message).toMatch(/4/);
  });

  it('clamps below the minimum and rounds integers', () => {
    const { state, notices } = withParams('P=0&N=12.6');
    expect(state.params.P).toBe(1);
    expect(state.params.N).toBe(13);
    expect(notices.map((n) => n.key).sort()).toEqual(['N', 'P']);
  });

  it('NaN and non-numbers fall back to the default with a notice', () => {
    for (const bad of ['NaN', 'abc', '', '1.2.3', '0x10', '1e', '--1']) {
      const { state, notices } = withParams(`beta=${encodeURIComponent(bad)}`);
      expect(state.params.beta, bad).toBe(DEFAULT_PARAMS.beta);
      expect(notices.length, bad).toBe(1);
    }
  });

  it('accepts inf only where allowed', () => {
    expect(withParams('N=inf').state.params.N).toBe(Infinity);
    const { state, notices } = withParams('P=inf');
    expect(state.params.P).toBe(1e7);
    expect(notices).toHaveLength(1);
  });

  it('reports unknown keys, an unknown regime and a bad lesson', () => {
    const { state, notices } = withParams('foo=1&regime=sgd&lesson=nope&panels=modes,bogus');
    expect(state.params.regime).toBe('gf');
    expect(state.view.lesson).toBeNull();
    expect(state.view.panels).toEqual(['modes']);
    expect(notices.map((n) => n.key).sort()).toEqual(['foo', 'lesson', 'panels', 'regime']);
  });

  it('unknown keys are reported by name, at the top level and in pins, never dropped silently', () => {
    const { state, notices } = withParams('alpha=2&sigma=0.1&pins=P:800,zeta:3');
    expect(state.params.alpha).toBe(2);
    expect(notices.map((n) => n.message)).toEqual([
      'sigma = “0.1”: not a parameter; ignored.',
      'pin 1: zeta = “3”: not a parameter; ignored.',
    ]);
    expect(state.pins[0].P).toBe(800);
  });

  it('lesson ids are passed in: without them every lesson is unknown', () => {
    const id = LESSON_IDS[0];
    expect(withParams(`lesson=${id}`).notices.map((n) => n.key)).toEqual(['lesson']);
    const ok = parseUrlState(`?v=1&lesson=${id}`, { lessons: LESSON_BOOK });
    expect(ok.notices).toEqual([]);
    expect(ok.state.view.lesson).toBe(id);
  });

  it('parameters that do not act in the link’s regime or with its data are named and ignored', () => {
    // The CLI refuses the same input (cli/resolve.ts); the app reads the rest and says what it left.
    const gf = withParams('regime=gf&gamma=0.5&T=0.1');
    expect(gf.state.params).toEqual(DEFAULT_PARAMS);
    expect(gf.notices.map((n) => n.message)).toEqual([
      'gamma = “0.5”: does not act in regime gf (it acts in wd, langevin, bayes); ignored.',
      'T = “0.1”: does not act in regime gf (it acts in langevin, bayes); ignored.',
    ]);
    expect(withParams('regime=gf&gamma=0.1').notices.map((n) => n.key)).toEqual(['gamma']);
    // A data source that brings its own spectrum overrides α, β and M: named, not dropped silently.
    const mnist = withParams('data=mnist&kernel=relu&task=parity&alpha=2&beta=3');
    expect([mnist.state.params.alpha, mnist.state.params.beta]).toEqual([1.5, 2]);
    expect(mnist.notices.map((n) => n.message)).toEqual([
      'alpha = “2”: does not act with data mnist (it acts with powerlaw); ignored.',
      'beta = “3”: does not act with data mnist (it acts with powerlaw); ignored.',
    ]);
    // Judged in the link's own regime, whatever the key order; in pins, in the pin's.
    expect(withParams('gamma=0.02&regime=wd').notices).toEqual([]);
    const pin = withParams('regime=wd&gamma=0.02&pins=regime:gf,gamma:0.3');
    expect(pin.notices.map((n) => n.message)).toEqual([
      'pin 1: gamma = “0.3”: does not act in regime gf (it acts in wd, langevin, bayes); ignored.',
    ]);
    // The posterior has no time window: bounds given with it are named too.
    expect(withParams('regime=bayes&tmin=5').notices.map((n) => n.key)).toEqual(['tmin']);
    expect(serializeUrlState({ ...gf.state, pins: [] })).not.toMatch(/gamma|T=/);
  });

  it('a link without a version is read silently when its keys are all valid', () => {
    const missing = parseUrlState('?alpha=2&P=800&panels=modes');
    expect(missing.state.params.alpha).toBe(2);
    expect(missing.state.params.P).toBe(800);
    expect(missing.notices).toEqual([]);
    // With something else wrong, the missing version is named first.
    const bad = parseUrlState('?alpha=2&P=-5');
    expect(bad.notices.map((n) => n.key)).toEqual(['v', 'P']);
  });

  it('a number too large for a double is clamped and reported, like an infinity', () => {
    for (const [key, max] of [
      ['N', 1e7],
      ['gamma', 10],
    ] as const) {
      const big = parseUrlState(`?v=1&regime=wd&${key}=1e400`);
      expect(big.state.params[key]).toBe(max);
      expect(big.notices).toHaveLength(1);
      expect(big.notices[0].key).toBe(key);
      expect(big.notices[0].message).toMatch(/overflows.*clamped to/);
    }
    expect(parseUrlState('?v=1&gamma=Infinity&regime=wd').notices[0].message).toMatch(/clamped/);
    // ∞ asked for in words is still ∞ where allowed, with no notice.
    const inf = parseUrlState('?v=1&N=inf');
    expect(inf.state.params.N).toBe(Infinity);
    expect(inf.notices).toEqual([]);
  });

  it('panels with only unknown names keep the default panels and name the unknown ones', () => {
    const { state, notices } = parseUrlState('?v=1&panels=foo,bar');
    expect(state.view.panels).toEqual(DEFAULT_VIEW.panels);
    expect(notices).toHaveLength(1);
    expect(notices[0].message).toMatch(/unknown panels “foo”, “bar” ignored; the default panels/);
    expect(parseUrlState('?v=1&panels=none').state.view.panels).toEqual([]);
  });

  it('a wrong version gives a notice but still reads the link', () => {
    const wrong = parseUrlState('?v=7&alpha=2');
    expect(wrong.state.params.alpha).toBe(2);
    expect(wrong.notices).toHaveLength(1);
    expect(wrong.notices[0].message).toMatch(/version/);
    expect(parseUrlState('').notices).toEqual([]);
    expect(parseUrlState('?').notices).toEqual([]);
  });

  it('repeated keys: the last value wins, with a notice', () => {
    const { state, notices } = withParams('alpha=2&alpha=3');
    expect(state.params.alpha).toBe(3);
    expect(notices).toHaveLength(1);
    expect(notices[0].message).toMatch(/2 times/);
  });

  it('hostile strings become notices and safe values, never exceptions', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const e = encodeURIComponent(evil);
    const { state, notices } = withParams(
      `alpha=${e}&${e}=1&lesson=${e}&theme=${e}&regime=${e}&pins=${e}:1,alpha:${e}`,
    );
    expectInRange(state.params);
    expect(state.params.alpha).toBe(DEFAULT_PARAMS.alpha);
    expect(state.view.lesson).toBeNull();
    expect(state.view.theme).toBe('normal');
    expect(notices.length).toBeGreaterThanOrEqual(6);
    for (const p of state.pins) expectInRange(p);
  });

  it('prototype keys do not leak into the parameters', () => {
    const { state, notices } = withParams('__proto__=1&constructor=2&toString=3&hasOwnProperty=x');
    expectInRange(state.params);
    expect(state.params).toEqual(DEFAULT_PARAMS);
    expect(notices).toHaveLength(4);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('very long values and very long links are cut, with notices', () => {
    const long = withParams(`alpha=${'9'.repeat(10_000)}`);
    expect(long.state.params.alpha).toBe(DEFAULT_PARAMS.alpha);
    expect(long.notices[0].message).toMatch(/characters/);
    const huge = parseUrlState(`?v=1&${'x=1&'.repeat(5000)}`);
    expect(huge.notices.length).toBeLessThanOrEqual(MAX_NOTICES);
    expect(huge.notices[0].message).toMatch(/first 4096/);
  });

  it('notice texts quote untrusted input briefly', () => {
    const { notices } = withParams(`${'k'.repeat(500)}=1`);
    expect(notices[0].message.length).toBeLessThan(120);
  });

  it('unicode digits and control characters are rejected, not crashed on', () => {
    const { state, notices } = withParams(
      `alpha=${encodeURIComponent('１.５')}&beta=${encodeURIComponent('2\u0000')}&αλφα=1`,
    );
    expect(state.params.alpha).toBe(DEFAULT_PARAMS.alpha);
    expect(state.params.beta).toBe(DEFAULT_PARAMS.beta);
    expect(notices).toHaveLength(3);
    for (const n of notices) expect(n.message.includes(String.fromCharCode(0))).toBe(false);
  });

  it('malformed percent-encoding does not throw', () => {
    expect(() => parseUrlState('?v=1&alpha=%E0%A4%A&%%%=&=&&&beta')).not.toThrow();
  });

  it('fuzz: 2000 random query strings never throw and always give in-range parameters', () => {
    const r = rng(7);
    const alphabet = 'v=1&;:,%?#+-.eE0123456789infalphabetaPNMregimepins<>"\'/\\ ∞αé\u0000';
    const keys = [...PARAM_SPECS.map((s) => s.key), 'pins', 'panels', 'tat', 'at', 'lesson'];
    for (let i = 0; i < 2000; i++) {
      let q = '';
      const n = Math.floor(r() * 60);
      for (let j = 0; j < n; j++) {
        q +=
          r() < 0.15
            ? `&${keys[Math.floor(r() * keys.length)]}=`
            : alphabet[Math.floor(r() * alphabet.length)];
      }
      const { state, notices } = parseUrlState(q);
      expectInRange(state.params);
      for (const p of state.pins) expectInRange(p);
      expect(PANELS).toEqual(expect.arrayContaining([...state.view.panels]));
      expect(notices.length).toBeLessThanOrEqual(MAX_NOTICES);
    }
  });

  it('pins: more than six are cut; bad pin values are reported with the pin number', () => {
    const seven = Array.from({ length: 7 }, (_, i) => `P:${100 + i}`).join(';');
    const r = withParams(`pins=${seven}`);
    expect(r.state.pins).toHaveLength(6);
    expect(r.notices).toHaveLength(1);
    const bad = withParams('pins=alpha:99,zzz:1');
    expect(bad.state.pins[0].alpha).toBe(4);
    expect(bad.notices.map((n) => n.message).join(' ')).toMatch(/pin 1/);
  });

  it('the fixed sweep time is validated', () => {
    expect(withParams('at=t&tat=1000').state.view.tAt).toBe(1000);
    const hi = withParams('tat=1e20');
    expect(hi.state.view.tAt).toBe(1e8);
    expect(hi.notices).toHaveLength(1);
    const nan = withParams('tat=soon');
    expect(nan.state.view.tAt).toBe(DEFAULT_VIEW.tAt);
    expect(nan.notices).toHaveLength(1);
  });

  it('phase= names the diagram’s exponent, opens the diagram, and a bad value is reported', () => {
    const ok = withParams('phase=model-inf');
    expect(ok.state.view.phase).toBe('model-inf');
    expect(ok.state.view.panels).toContain('phase');
    expect(ok.notices).toEqual([]);
    // With a panel list, the list decides what is shown.
    const hidden = withParams('phase=compute&panels=formulas');
    expect([hidden.state.view.phase, hidden.state.view.panels]).toEqual(['compute', ['formulas']]);
    const bad = withParams('phase=entropy');
    expect(bad.state.view.phase).toBe(DEFAULT_VIEW.phase);
    expect(bad.state.view.panels).not.toContain('phase');
    expect(bad.notices.map((n) => n.message)).toEqual([
      'phase = “entropy” is not one of time, data-inf, data-tstar, model-inf, compute; data-inf used.',
    ]);
    const q = serializeUrlState(ok.state);
    expect(q).toContain('phase=model-inf');
    expect(parseUrlState(q).state.view).toEqual(ok.state.view);
  });

  it('cross-parameter constraints are applied and reported (tmin < tmax, Bayes needs γ > 0)', () => {
    const t = withParams('tmin=100&tmax=10');
    expect(t.state.params.tmax).toBeGreaterThan(t.state.params.tmin);
    expect(t.notices).toHaveLength(1);
    const b = withParams('regime=bayes&gamma=0');
    expect(b.state.params.gamma).toBeGreaterThan(0);
    expect(b.notices).toHaveLength(1);
  });
});

describe('url codec: the mean field view', () => {
  it('writes the new panels and the inspected mode, and reads them back', () => {
    const view = {
      ...DEFAULT_VIEW,
      panels: ['modes', 'decomposition', 'order', 'inspector'] as PanelId[],
      mode: 30,
    };
    const q = serializeUrlState({ params: DEFAULT_PARAMS, view, pins: [] });
    expect(q).toContain('panels=modes,decomposition,order,inspector');
    expect(q).toContain('mode=30');
    const { state, notices } = parseUrlState(q);
    expect(notices).toEqual([]);
    expect(state.view.panels).toEqual(view.panels);
    expect(state.view.mode).toBe(30);
    // The default mode is not written.
    expect(serializeUrlState({ params: DEFAULT_PARAMS, view: DEFAULT_VIEW, pins: [] })).not.toMatch(
      /mode=/,
    );
  });

  it.each([
    ['0', 1],
    ['2.5', 3],
    ['x', 10],
    ['', 10],
    ['1e9', 1e8],
    ['0x10', 10],
    ['1e1', 10],
  ] as const)('reads mode=%s like any number: %d, with a notice when changed', (raw, k) => {
    const { state, notices } = parseUrlState(`?v=1&mode=${raw}`);
    expect(state.view.mode).toBe(k);
    // Hex is refused like any other key's (P=0x10 is not a number either); 1e1 is ten.
    expect(notices.map((n) => n.key)).toEqual(raw === '1e1' ? [] : ['mode']);
    expect(parseUrlState('?v=1&P=0x10').notices.map((n) => n.key)).toEqual(['P']);
  });
});

describe('url codec: pinned lecture sliders', () => {
  it('reads controls=… as numeric keys, drops unknown and repeated keys and keeps three', () => {
    const { state, notices } = parseUrlState('?v=1&controls=sigma2,P,bogus,P,regime,N,alpha');
    expect(state.view.controls).toEqual(['sigma2', 'P', 'N']);
    expect(notices.map((n) => n.message)).toEqual([
      'unknown slider “bogus” ignored.',
      'slider “P” named twice; kept once.',
      'unknown slider “regime” ignored.',
      'at most 3 sliders can be pinned; “alpha” ignored.',
    ]);
    expect(serializeUrlState(state)).toMatch(/&controls=sigma2,P,N(&|$)/);
  });
});
