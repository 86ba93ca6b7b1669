// Random valid configurations for round-trip tests (seeded, so a failure can be replayed).
import { PARAM_SPECS, type NumericSpec, type Params } from '../../src/model/params.ts';
import { sourceChoiceFix } from '../../src/model/data/sources.ts';
import { LESSONS } from '../../src/lessons/lessons.ts';
import { PHASE_EXPONENTS } from '../../src/model/theory/phase.ts';
import { PANELS, SWEEP_ATS, THEMES, T_AT_RANGE, type ViewState } from '../../src/state/view.ts';
import type { UrlState } from '../../src/state/url.ts';

/** mulberry32: a small, good-enough 32-bit generator. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function logUniform(r: () => number, lo: number, hi: number): number {
  return Math.exp(Math.log(lo) + r() * (Math.log(hi) - Math.log(lo)));
}

export function randomValue(r: () => number, s: NumericSpec): number {
  if (s.allowInf && r() < 0.2) return Infinity;
  if (s.min === 0 && r() < 0.15) return 0;
  let x: number;
  if (s.scale === 'log') x = logUniform(r, s.min > 0 ? s.min : s.logMin!, s.max);
  else x = s.min + r() * (s.max - s.min);
  // Sometimes a "nice" value as a slider or a user would produce, sometimes a raw double.
  if (r() < 0.5) x = Number(x.toPrecision(1 + Math.floor(r() * 4)));
  if (s.integer) x = Math.round(x);
  return Math.min(s.max, Math.max(s.min, x));
}

export function randomParams(r: () => number): Params {
  const p = {} as Record<string, unknown>;
  for (const s of PARAM_SPECS) {
    p[s.key] = s.kind === 'enum' ? pick(r, s.options) : randomValue(r, s);
  }
  const q = p as unknown as Params;
  if (!(q.tmax > q.tmin))
    [q.tmin, q.tmax] = [Math.min(q.tmin, q.tmax) / 10, Math.max(q.tmin, q.tmax)];
  if (!(q.tmax > q.tmin)) q.tmin = q.tmax / 10;
  if (q.tmin < 1e-3) q.tmin = 1e-3;
  if (q.regime === 'bayes' && !(q.gamma > 0)) q.gamma = 0.01;
  // A kernel and task its data source offers (src/model/data/sources.ts).
  return { ...q, ...sourceChoiceFix(q) };
}

export function randomView(r: () => number): ViewState {
  const lesson = r() < 0.5 ? null : pick(r, LESSONS);
  return {
    panels: PANELS.filter(() => r() < 0.6),
    lesson: lesson?.id ?? null,
    step: lesson ? Math.floor(r() * (lesson.steps.length + 1)) : 0,
    theme: pick(r, THEMES),
    at: pick(r, SWEEP_ATS),
    tAt: r() < 0.5 ? 100 : logUniform(r, T_AT_RANGE.min, T_AT_RANGE.max),
    showEtr: r() < 0.5,
    timeWindow: r() < 0.5 ? 'auto' : 'manual',
    phase: pick(r, PHASE_EXPONENTS),
    mode: r() < 0.5 ? 10 : Math.round(logUniform(r, 1, 1e6)),
    controls: r() < 0.5 ? [] : (['sigma2', 'P', 'alpha'] as const).filter(() => r() < 0.5),
  };
}

/** A pin: the base configuration with a few parameters changed. */
export function randomPin(r: () => number, base: Params): Params {
  const other = randomParams(r);
  const p = { ...base };
  for (const s of PARAM_SPECS) {
    if (r() < 0.25) (p as Record<string, unknown>)[s.key] = other[s.key];
  }
  if (!(p.tmax > p.tmin)) {
    p.tmin = base.tmin;
    p.tmax = base.tmax;
  }
  if (p.regime === 'bayes' && !(p.gamma > 0)) p.gamma = 0.01;
  return { ...p, ...sourceChoiceFix(p) };
}

export function randomUrlState(r: () => number): UrlState {
  const params = randomParams(r);
  const n = Math.floor(r() * 7);
  return {
    params,
    view: randomView(r),
    pins: Array.from({ length: n }, () => randomPin(r, params)),
  };
}
