// The lesson "Does the theory predict real learning?": its state chooses the digits (data, kernel,
// task), its numbers come from the live results (fitted exponents, the fitted law's curve, a real
// run), and each sentence shows only while its claim holds.
import { describe, expect, it } from 'vitest';
import { lessonState } from '../../src/lessons/apply.ts';
import { lessonValues, sentenceText, type LessonContext } from '../../src/lessons/fill.ts';
import { lessonById } from '../../src/lessons/lessons.ts';
import { computeCurve } from '../../src/model/theory/curve.ts';
import { timeGrid, type Params } from '../../src/model/params.ts';
import type { SimResult } from '../../src/model/types.ts';
import { registerMnist } from '../helpers/mnistSpectra.ts';

registerMnist('relu', 'parity');
const lesson = lessonById('real-digits')!;
const state = lessonState(lesson);
const params: Params = state.params;
const curve = computeCurve(params, { light: false });
const fitted = computeCurve(params, { fitted: true, light: true });

/** A "real run" whose means are the theory times (1 + dev), s.e.m. 1 % of the mean. */
function realRun(dev: number): LessonContext['real'] {
  const t = timeGrid(params.tmin, params.tmax, 8);
  const th = computeCurve(params, { t, light: true });
  const mean = Float64Array.from(th.Eg, (v) => v * (1 + dev));
  const result = {
    t,
    EgMean: mean,
    EgSem: Float64Array.from(mean, (v) => 0.01 * v),
    seeds: 6,
  } as SimResult;
  return { result, theory: curve };
}

const ctx = (real: LessonContext['real']): LessonContext => ({
  params,
  at: state.view.at,
  tAt: state.view.tAt,
  curve,
  sweepP: null,
  sweepN: null,
  frontier: null,
  pin: null,
  pinCurve: null,
  fitted,
  real,
});

const texts = (c: LessonContext) =>
  lesson.text.map((s) => sentenceText(s, c, lessonValues(c))).filter((t) => t !== null);

describe('lesson: does the theory predict real learning?', () => {
  it('its state chooses MNIST, the ReLU kernel, even vs odd, and the real-run box', () => {
    expect([params.data, params.kernel, params.task]).toEqual(['mnist', 'relu', 'parity']);
    expect(state.view.panels).toContain('simulation');
  });

  it('quotes the fitted α, β and the fitted law’s curve from the results', () => {
    const [first, second, third] = texts(ctx(null));
    expect(first).toContain(`α = ${curve.params.alpha.toFixed(2)}`);
    expect(first).toContain(`β = ${curve.params.beta.toFixed(2)}`);
    const gap = Math.abs(fitted.Eg.at(-1)! / curve.Eg.at(-1)! - 1) * 100;
    expect(second).toContain(`(${gap.toPrecision(2)} % apart)`);
    // No real run yet: the lesson says how to run one, and claims nothing about it.
    expect(third).toMatch(/^Press “Run on real digits”/);
    expect(texts(ctx(null))).toHaveLength(3);
  });

  it('a real run close to the theory: the gap and the verdict', () => {
    const t = texts(ctx(realRun(0.02)));
    expect(t[2]).toMatch(/at most 2(\.0)? % from the theory/);
    expect(t[3]).toMatch(/^That is within 3 % or 4 s\.e\.m\./);
  });

  it('a real run far from the theory: the verdict says so', () => {
    const t = texts(ctx(realRun(0.2)));
    expect(t[2]).toMatch(/at most 20 % from the theory/);
    expect(t[3]).toMatch(/^That is more than 3 % and more than 4 s\.e\.m\./);
  });

  it('with the power law chosen, the lesson points back to MNIST', () => {
    const c = { ...ctx(null), params: { ...params, data: 'powerlaw' as const } };
    expect(texts(c)[0]).toMatch(/choose MNIST/);
  });
});
