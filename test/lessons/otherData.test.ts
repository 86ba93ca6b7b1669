// The lesson "Same theory, other data": its state chooses Fashion-MNIST and pins the digits, its
// numbers (both fitted α, β, the laws they give, both curves' end) come from the live results,
// and its comparison sentences follow the fitted exponents.
import { describe, expect, it } from 'vitest';
import { lessonState } from '../../src/lessons/apply.ts';
import { claimHolds } from '../../src/lessons/claims.ts';
import { lessonValues, sentenceText, type LessonContext } from '../../src/lessons/fill.ts';
import { lessonById } from '../../src/lessons/lessons.ts';
import { computeCurve } from '../../src/model/theory/curve.ts';
import { formatSlope } from '../../src/format/number.ts';
import type { Params } from '../../src/model/params.ts';
import { registerMeasured } from '../helpers/mnistSpectra.ts';

const clothes = registerMeasured('fashion', 'relu', 'footwear');
const digits = registerMeasured('mnist', 'relu', 'parity');
registerMeasured('fashion', 'relu', 'tops');
const lesson = lessonById('other-data')!;
const state = lessonState(lesson);

function ctx(params: Params, pin: Params | null): LessonContext {
  return {
    params,
    at: state.view.at,
    tAt: state.view.tAt,
    curve: computeCurve(params, { light: true }),
    sweepP: null,
    sweepN: null,
    frontier: null,
    pin,
    pinCurve: pin ? computeCurve(pin, { light: true }) : null,
    real: null,
  };
}

const texts = (c: LessonContext) =>
  lesson.text.map((s) => sentenceText(s, c, lessonValues(c))).filter((t) => t !== null);

describe('lesson: same theory, other data', () => {
  const own = ctx(state.params, state.pins[0]);

  it('chooses Fashion-MNIST (ReLU NNGP, footwear) and pins the digits (even vs odd)', () => {
    expect([state.params.data, state.params.kernel, state.params.task]).toEqual([
      'fashion',
      'relu',
      'footwear',
    ]);
    expect(state.pins).toHaveLength(1);
    expect([state.pins[0].data, state.pins[0].kernel, state.pins[0].task]).toEqual([
      'mnist',
      'relu',
      'parity',
    ]);
  });

  it('quotes both fitted exponents and the laws they give, from the results', () => {
    const t = texts(own);
    const a = clothes.fit.alpha;
    const b = clothes.fit.beta;
    const pa = digits.fit.alpha;
    const pb = digits.fit.beta;
    expect(t[0]).toContain('on 3000 Fashion-MNIST images: ReLU NNGP kernel, labels footwear');
    expect(t[0]).toContain(`α = ${a.toFixed(2)}, β = ${b.toFixed(2)}`);
    expect(t[1]).toContain(`the pinned MNIST (α = ${pa.toFixed(2)})`);
    expect(t[2]).toContain(`than for even vs odd (β = ${pb.toFixed(2)})`);
    expect(t[3]).toContain(`−(β−1)/α = ${formatSlope(-(b - 1) / a, 2)} against`);
    expect(t[3]).toContain(`against ${formatSlope(-(pb - 1) / pa, 2)},`);
    expect(t[3]).toContain(`against ${formatSlope(-Math.min(pb - 1, 2 * pa), 2)};`);
    expect(t[3]).toContain(`E_g = ${own.curve!.Eg.at(-1)!.toPrecision(3)} against`);
    // No real run yet: the lesson says how to run one on the clothes.
    expect(t[4]).toMatch(/^Press “Run on real clothes” \(r\)/);
    expect(t).toHaveLength(5);
  });

  it('its comparison sentences follow the fitted exponents (the clothes: smaller α and β)', () => {
    expect(clothes.fit.alpha).toBeLessThan(digits.fit.alpha);
    expect(clothes.fit.beta).toBeLessThan(digits.fit.beta);
    const t = texts(own);
    expect(t[1]).toMatch(/^Eigenvalues fall more slowly than on the pinned MNIST/);
    expect(t[2]).toMatch(/^Less of the task sits in the leading modes than for even vs odd/);
    // Swapped (the digits on screen, the clothes pinned), both sentences turn.
    const swapped = texts(ctx(state.pins[0], state.params));
    expect(swapped[1]).toMatch(/^Eigenvalues fall faster than on the pinned Fashion-MNIST/);
    expect(swapped[2]).toMatch(/^More of the task sits .* than for footwear vs the rest/);
  });

  it('its next step keeps the images’ α and brings the task’s own β', () => {
    const next = lessonState(lesson, 1);
    expect(next.params.task).toBe('tops');
    // The step pins the task before it: the comparison is on screen.
    expect([next.pins[0].data, next.pins[0].task]).toEqual(['fashion', 'footwear']);
    const c = ctx(next.params, next.pins[0]);
    expect(c.curve!.params.alpha).toBe(own.curve!.params.alpha);
    expect(c.curve!.params.beta).not.toBe(own.curve!.params.beta);
    expect(claimHolds('sameAlphaAsPin', c)).toBe(true);
    expect(claimHolds('betaDiffersFromPin', c)).toBe(true);
  });

  it('without a pin, or on the power law, it claims nothing about a comparison', () => {
    const t = texts(ctx(state.params, null));
    expect(t).toHaveLength(2);
    const law = texts(ctx({ ...state.params, data: 'powerlaw' }, state.pins[0]));
    expect(law[0]).toMatch(/choose Fashion-MNIST/);
    expect(law.join(' ')).not.toMatch(/more slowly|faster than/);
  });
});
