// @vitest-environment jsdom
// The audit (docs/architecture.md "Claims"): the app rendered in jsdom over the real engine run
// in-process (inProcess.ts), visited in every listed state class of states.ts — the landing page,
// the lecture theme, every panel on, every lesson at each step (opened, after each "Try it", and
// "Try it" pressed twice in a row), every regime × data source (power law, MNIST and
// Fashion-MNIST with each kernel and task, a spectrum file, data=custom without one), every slider
// at both ends; the random states are audit.random.test.tsx's (the two files run side by side).
// In each state every visible text of the page (main view, panels, lesson, notices, tooltips)
// must sit inside a [data-claim] element whose claim was made for this state with exactly that
// text and whose checker (recomputing from the engine by its own path, claims/verify.ts) passes,
// or be fixed chrome (collect.ts's reviewed list); no text shows raw TeX, underscores or carets.
// Every export's footer and CSV preamble is audited too (exports.ts). The walk is run.ts's.
import { act } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appStore } from '../../src/state/store.ts';
import { apply, auditPage, closeSession, openSession, settle } from './harness.tsx';
import { onlyThese, reportTally, runAudit, type Tally } from './run.ts';
import { auditStates, type StateClass } from './states.ts';

describe('the audit: every text on the page and in the exports is a claim that holds', () => {
  let tally: Tally;
  beforeAll(async () => {
    tally = await runAudit(onlyThese(auditStates()));
  }, 1_800_000);
  afterAll(() => {
    if (tally) reportTally('audit', tally);
  });

  it('visits every listed state class and checks claims in each', () => {
    if (process.env.AUDIT_ONLY) return;
    expect(tally.states).toBe(auditStates().length);
    for (const c of [
      'landing',
      'lecture',
      'every panel',
      'lesson',
      'regime × source',
      'slider end',
    ])
      expect(tally.byClass.get(c as StateClass), c).toBeGreaterThan(0);
    expect(tally.claims).toBeGreaterThan(tally.states * 10);
    expect(tally.exportLines).toBeGreaterThan(tally.states * 5);
  });

  it('finds no problem', () => {
    expect(tally.problems.slice(0, 80)).toEqual([]);
  });
});

describe('the audit fails on a false claim', () => {
  it('catches a result shown wrong and a text that is not its claim', async () => {
    const s = openSession();
    try {
      await settle(s);
      expect(auditPage(s, 'landing').problems).toEqual([]);
      // Inject a false result: the curve's E_g(∞) and minimum 30 % off what the engine computes.
      const c = appStore.getState().results.curve!;
      const wrong = {
        ...c,
        limit: { ...c.limit, Eg: c.limit.Eg * 1.3 },
        earlyStop: { ...c.earlyStop, Eg: c.earlyStop.Eg * 1.3 },
      };
      await act(async () => appStore.getState().patchResults({ curve: wrong }));
      const r = auditPage(s, 'injected');
      expect(r.problems.length).toBeGreaterThan(0);
      expect(r.problems.join('\n')).toMatch(/recomputed/);
      // A text on the page that is not its claim's text.
      await apply(s, () => appStore.getState().patchResults({ curve: c }));
      expect(auditPage(s, 'restored').problems).toEqual([]);
      const el = document.querySelector('[data-claim="caption.head"]')!;
      el.textContent = `${el.textContent} It always holds.`;
      expect(auditPage(s, 'edited').problems.join('\n')).toMatch(/caption\.head: the page shows/);
    } finally {
      closeSession(s);
    }
  }, 120_000);
});
