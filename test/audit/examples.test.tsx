// @vitest-environment jsdom
// The examples a user met in states the truth suite never visited (each failed on the code
// before the claim registry and the audit): the app rendered over the real engine (harness.tsx),
// the state reached by its link or its lesson, the page read as the user reads it.
import { fireEvent, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRich } from '../../src/format/rich.ts';
import { learnedSentence } from '../../src/claims/modeDetail.ts';
import { count } from '../../src/claims/words.ts';
import { rangeText } from '../../src/charts/footer.ts';
import { applyLesson, LESSON_BOOK } from '../../src/lessons/apply.ts';
import { computeModeDetail } from '../../src/model/theory/modes.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import { appStore } from '../../src/state/store.ts';
import { parseUrlState } from '../../src/state/url.ts';
import { exponentLaws } from '../../src/model/theory/laws.ts';
import { lawCondition } from '../../src/claims/laws.ts';
import { auditExports } from './exports.ts';
import {
  apply,
  auditPage,
  closeSession,
  openSession,
  shownText,
  type Session,
} from './harness.tsx';
import { customSpectrum } from './states.ts';

let s: Session;
beforeAll(() => {
  s = openSession();
});
afterAll(() => closeSession(s));

async function open(link: string): Promise<void> {
  const { state, notices } = parseUrlState(link, { lessons: LESSON_BOOK });
  await apply(s, () => appStore.getState().applyUrlState(state, 'push', notices));
}

const texts = (sel: string) => [...document.querySelectorAll(sel)].map((e) => shownText(e));
const claimText = (id: string) => texts(`[data-claim="${id}"]`);

const MNIST =
  '?v=1&regime=gf&P=400&N=inf&sigma2=0&data=mnist&kernel=relu&task=parity&panels=scalingP,exponents';

describe('one source per fact, and reasons that compare the numbers', () => {
  it('MNIST: the P panel and the exponent table say the same, and the reason quotes P and M', async () => {
    await open(MNIST);
    const panel = claimText('scaling.P.fit')[0];
    const table = claimText('exponents.P.predicted')[0];
    // Once "predicted −1.00" (from the hidden power law) against "n/a" in the table.
    expect(panel).toMatch(/predicted n\/a/);
    expect(table).toMatch(/^n\/a/);
    expect(table).toContain('P = 400 is not far below the number of modes M = 3000');
    expect(document.body.textContent).not.toMatch(/comparable/);
    expect(auditPage(s, 'mnist').problems).toEqual([]);
  }, 60_000);

  it('MNIST with alpha=2&beta=3: the same n/a, and the notice names the keys the data overrides', async () => {
    await open(`${MNIST}&alpha=2&beta=3`);
    expect(claimText('exponents.P.predicted')[0]).toMatch(/^n\/a/);
    const notices = texts('[data-claim^="notice.link"]').join('\n');
    expect(notices).toMatch(/alpha = “2”: does not act with data mnist/);
    expect(notices).toMatch(/beta = “3”: does not act with data mnist/);
  }, 60_000);

  it('N = 1000 against M = 3000 is "not far below", never "comparable"', async () => {
    await open('?v=1&data=mnist&kernel=relu&task=parity&N=1000&P=100000&panels=scalingN,exponents');
    const reason = claimText('exponents.N.predicted')[0];
    expect(reason).toContain('N = 1000 is not far below the number of modes M = 3000');
  }, 60_000);

  it('P beyond M: the reason says that P exceeds M and every mode is resolved', async () => {
    const link = '?v=1&P=1000000&M=20000&N=inf&sigma2=0&panels=scalingP,exponents';
    await open(link);
    // The table's P row reads the sweep's fit, below M/10: the data law, judged over that window.
    expect(claimText('exponents.P.predicted')[0]).toBe('−1.000');
    expect(claimText('exponents.P.law')[0]).toMatch(/over the fit, P ≤ [^)]+\), P ≪ M/);
    // At the state itself (P = 10⁶ against M = 20000) the reason compares the two.
    const p = appStore.getState().params;
    const here = exponentLaws(p, { at: 'tstar', tAt: 1e3 }, Infinity).P;
    expect(lawCondition(here, p)).toContain(
      'P = 10⁶ exceeds the number of modes M = 20000: every mode is resolved',
    );
  }, 60_000);
});

describe('exports state the window the curve spans', () => {
  it('an automatic window: the footers and the CSV preamble give the curve’s own first and last t', async () => {
    await open('?v=1');
    const st = appStore.getState();
    const c = st.results.curve!;
    expect(st.view.timeWindow).toBe('auto');
    const window = rangeText('t', c.t[0], c.t[c.t.length - 1]);
    const ex = await auditExports(st, s.oracle);
    expect(ex.problems).toEqual([]);
    const footers = ex.claims.filter((x) => x.id === 'footer.learning-curve');
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f.plain).toContain(window);
  }, 60_000);
});

describe('lessons: steps are the lesson’s, and nothing below the resolution is a result', () => {
  it('lesson 1 after its Try it (β = 3, t_max = 10⁸): the curve ends at the floor with its mark', async () => {
    await apply(s, () => applyLesson(appStore, 'time', 0));
    await apply(s, () => fireEvent.click(screen.getByTestId('lesson-try')));
    const lesson = screen.getByTestId('lesson');
    expect(lesson.getAttribute('data-step')).toBe('1');
    expect(lesson.getAttribute('data-modified')).toBe('false');
    const c = appStore.getState().results.curve!;
    expect(c.params.beta).toBe(3);
    // The engine stops resolving E_g before t_max here (docs/theory.md §5.8).
    expect(c.resolution.end).toBeLessThan(c.t.length);
    const mark = document.querySelector('[data-testid="resolution-floor"]');
    expect(mark).not.toBeNull();
    expect(shownText(mark!)).toMatch(/^below the engine’s resolution from t ≈/);
    // Nothing drawn below it: the E_g path has no point past the last resolved time.
    const d = document.querySelector('path.sp-series--eg')?.getAttribute('d') ?? '';
    const points = d.split(/[ML]/).filter(Boolean).length;
    expect(points).toBeLessThanOrEqual(c.resolution.end);
    // The bottleneck never says training longer does not help while the curve still falls.
    expect(claimText('bottleneck.headline').join(' ')).not.toMatch(/does not lower/);
    expect(auditPage(s, 'lesson 1, Try it').problems).toEqual([]);
    // The curves file writes no value below the floor.
    const ex = await auditExports(appStore.getState(), s.oracle);
    expect(ex.problems).toEqual([]);
  }, 120_000);

  it('lesson 6’s Try it is not a user change, and "Try next" goes once it is applied', async () => {
    await apply(s, () => applyLesson(appStore, 'stop-vs-decay', 0));
    expect(screen.queryByTestId('lesson-try')).not.toBeNull();
    await apply(s, () => fireEvent.click(screen.getByTestId('lesson-try')));
    expect(screen.queryByTestId('lesson-modified')).toBeNull();
    expect(screen.queryByTestId('lesson-try')).toBeNull();
    expect(document.body.textContent).not.toMatch(/Try next:/);
    expect(screen.getByTestId('lesson').getAttribute('data-step')).toBe('1');
    expect(auditPage(s, 'lesson 6, Try it').problems).toEqual([]);
  }, 120_000);
});

describe('captions name the data; text renders', () => {
  it('the caption under real digits names MNIST, the kernel and the task', async () => {
    await open('?v=1&data=mnist&kernel=relu&task=parity');
    expect(claimText('caption.head')[0]).toContain(
      'on MNIST digits (ReLU NNGP kernel, even vs odd)',
    );
  }, 60_000);

  it('data=custom without its file: one error line, and no α, β quoted for a spectrum not loaded', async () => {
    await open('?v=1&data=custom');
    expect(screen.getByTestId('compute-error').querySelectorAll('li')).toHaveLength(1);
    const head = claimText('caption.head')[0] ?? '';
    expect(head).not.toMatch(/α = |β = /);
    expect(auditPage(s, 'custom without file').problems).toEqual([]);
  }, 60_000);

  it('the caption of a spectrum file names the file', async () => {
    await open('?v=1');
    await apply(s, () => appStore.getState().loadCustom('my-spectrum.csv', customSpectrum()));
    expect(claimText('caption.head')[0]).toContain('your spectrum file “my-spectrum.csv”');
  }, 60_000);

  it('regime=gf&gamma=0.1: γ is not dropped without a word', async () => {
    await open('?v=1&regime=gf&gamma=0.1');
    expect(texts('[data-claim^="notice.link"]').join('\n')).toMatch(/gamma/);
  }, 60_000);

  it('caption exponents are whole superscripts', async () => {
    await open('?v=1');
    const slope = document.querySelector('[data-claim="caption.slope"]')!;
    // Every signed exponent is one superscript (once only its minus was raised: t<sup>−</sup>0.630).
    const sup = [...slope.querySelectorAll('sup')].map((e) => e.textContent ?? '');
    const signed = sup.filter((x) => x.startsWith('−'));
    expect(signed.length).toBeGreaterThan(0);
    for (const x of signed) expect(x).toMatch(/^−\d\.\d+$/);
    expect(parseRich('t^{−0.630}')).toEqual([
      { text: 't', shift: null },
      { text: '−0.630', shift: 'sup' },
    ]);
  }, 60_000);

  it('grammar by construction: one feature, and a subject in the mode’s sentence', () => {
    expect(count(1, 'feature')).toBe('1 feature');
    expect(count(1000, 'feature')).toBe('1000 features');
    const d = computeModeDetail({ ...DEFAULT_PARAMS, N: Infinity, M: Infinity }, 1);
    expect(learnedSentence(d)).toMatch(/^The mode is (never )?learned/);
  });

  it('N = 1: no "the 1 features" anywhere on the page', async () => {
    await open('?v=1&N=1');
    expect(document.body.textContent).not.toMatch(/\b1 features\b/);
  }, 60_000);
});
