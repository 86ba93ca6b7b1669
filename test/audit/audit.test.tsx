// @vitest-environment jsdom
// The audit (docs/architecture.md "Claims"): the app rendered in jsdom over the real engine run
// in-process (inProcess.ts), visited in every state class of states.ts — the landing page, the
// lecture theme, every panel on, every lesson at each step (opened, after each "Try it", and
// "Try it" pressed twice in a row), every regime × data source (power law, MNIST and
// Fashion-MNIST with each kernel and task, a spectrum file, data=custom without one), every slider
// at both ends, and AUDIT_RANDOM (default 100; 300 for the full audit) random states with the default panels. In each state
// every visible text of the page (main view, panels, lesson, notices, tooltips) must sit inside a
// [data-claim] element whose claim was made for this state with exactly that text and whose
// checker (recomputing from the engine by its own path, claims/verify.ts) passes, or be fixed
// chrome (collect.ts's reviewed list); no text shows raw TeX, underscores or carets. In the
// listed (non-random) states every export's footer and CSV preamble is audited too (exports.ts).
// Real runs on a pool of images never answer here (they need minutes of CPU): their results are
// audited by the lesson truth suite instead.
import { writeFileSync } from 'node:fs';
import { act, fireEvent, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLesson } from '../../src/lessons/apply.ts';
import { LESSON_BOOK, lessonState } from '../../src/lessons/apply.ts';
import { lessonById } from '../../src/lessons/lessons.ts';
import { paramsKey } from '../../src/state/pins.ts';
import { appStore } from '../../src/state/store.ts';
import { parseUrlState } from '../../src/state/url.ts';
import { auditExports } from './exports.ts';
import { apply, auditPage, closeSession, openSession, settle, type Session } from './harness.tsx';
import {
  auditRunsCsv,
  auditStates,
  customSpectrum,
  type AuditState,
  type StateClass,
} from './states.ts';

// 100 random states in `npm test` (CI's time budget); AUDIT_RANDOM=300 for the full audit, which
// also checks that each known problem still occurs.
const RANDOM = Number(process.env.AUDIT_RANDOM ?? 100);

/**
 * Problems the audit found that are the engine's, not the words' (reviewed; each must still occur,
 * so that a fix removes its entry): the start of the problem and why it is left.
 */
const KNOWN: readonly (readonly [string, string])[] = [
  [
    'random #97: curve.outcome: "no gain", but E(1000000000000)',
    'α = 3.1, β = 1.2, σ₀² = 3.5: E_g still falls at the scan cap t = 10¹² (0.56) and only then ' +
      'rises to E_g(∞) = 1.79; the engine looks for t* up to 10¹² only (SCAN_CAP)',
  ],
];

/** Reach a state as a user does: follow its link, open its lesson and press "Try it", load a file. */
async function reach(s: Session, st: AuditState): Promise<void> {
  if ('lesson' in st) {
    if (st.tries === 0 || st.double) {
      await apply(s, () => applyLesson(appStore, st.lesson, 0));
      // Two presses of the same button before the page answers (a double click).
      if (st.double) {
        const button = screen.getByTestId('lesson-try');
        await apply(s, () => {
          fireEvent.click(button);
          fireEvent.click(button);
        });
      }
      return;
    }
    await apply(s, () => fireEvent.click(screen.getByTestId('lesson-try')));
    return;
  }
  const { state, notices } = parseUrlState(st.link, { lessons: LESSON_BOOK });
  await apply(s, () => appStore.getState().applyUrlState(state, 'push', notices));
  if (st.file)
    await apply(s, () => appStore.getState().loadCustom('my-spectrum.csv', customSpectrum()));
  if (st.sim) await apply(s, () => fireEvent.click(screen.getByTestId('sim-run')));
  if (st.runs) {
    await apply(s, () => {
      fireEvent.change(screen.getByTestId('runfit-text'), { target: { value: auditRunsCsv() } });
      fireEvent.click(screen.getByTestId('runfit-holdout'));
    });
    await apply(s, () => fireEvent.click(screen.getByTestId('runfit-fit')));
  }
}

/** What the lesson panel must show after reaching a lesson state. */
function lessonProblems(st: AuditState): string[] {
  if (!('lesson' in st)) return [];
  const el = document.querySelector('[data-testid="lesson"]');
  if (!el) return [`${st.name}: no lesson panel`];
  const out: string[] = [];
  if (el.getAttribute('data-lesson') !== st.lesson) out.push(`${st.name}: another lesson is shown`);
  const step = Number(el.getAttribute('data-step'));
  // Pressed twice: step 1 or step 2 (when there is one), whichever it is, in that step's state.
  const steps = st.double ? [1, st.tries] : [st.tries];
  if (!steps.includes(step))
    out.push(`${st.name}: data-step is ${step}, expected ${steps.join(' or ')}`);
  else if (st.double) {
    const want = paramsKey(lessonState(lessonById(st.lesson)!, step).params);
    const shown = paramsKey(appStore.getState().params);
    if (shown !== want) out.push(`${st.name}: step ${step} shows ${shown}, its state is ${want}`);
  }
  if (el.getAttribute('data-modified') !== 'false')
    out.push(`${st.name}: the lesson says the user changed it`);
  return out;
}

/** A state that ran real SGD on a pool must show what ran and how it compares with the theory. */
function simProblems(st: AuditState): string[] {
  if (!('sim' in st) || !st.sim) return [];
  return ['sim.sgd-pool-note', 'sim.sgd-pool-agreement']
    .filter((id) => !document.querySelector(`[data-claim="${id}"]`))
    .map((id) => `${st.name}: no ${id} on the page`);
}

interface Tally {
  states: number;
  claims: number;
  exportLines: number;
  byClass: Map<StateClass, number>;
  problems: string[];
  /** Time spent reaching and settling the states, and checking them (the audit's budget). */
  ms: { reach: number; check: number };
}

async function runAudit(states: readonly AuditState[]): Promise<Tally> {
  const s = openSession();
  const tally: Tally = {
    states: 0,
    claims: 0,
    exportLines: 0,
    byClass: new Map(),
    problems: [],
    ms: { reach: 0, check: 0 },
  };
  try {
    await settle(s);
    for (const st of states) {
      const t0 = performance.now();
      await reach(s, st);
      const t1 = performance.now();
      const page = auditPage(s, st.name);
      tally.ms.reach += t1 - t0;
      tally.ms.check += performance.now() - t1;
      tally.states++;
      tally.byClass.set(st.cls, (tally.byClass.get(st.cls) ?? 0) + 1);
      tally.claims += page.checked;
      tally.problems.push(...page.problems, ...lessonProblems(st), ...simProblems(st));
      if (st.cls !== 'random') {
        const ex = await auditExports(appStore.getState(), s.oracle);
        tally.exportLines += ex.lines;
        tally.claims += ex.claims.length;
        tally.problems.push(...ex.problems.map((p) => `${st.name}: export ${p}`));
      }
    }
  } finally {
    if (process.env.AUDIT_CALLS) console.log([...s.ip.calls].join('\n'));
    closeSession(s);
  }
  return tally;
}

describe('the audit: every text on the page and in the exports is a claim that holds', () => {
  let tally: Tally;
  beforeAll(async () => {
    // AUDIT_ONLY (a regular expression on state names) narrows a run while working on the audit.
    const only = process.env.AUDIT_ONLY ? new RegExp(process.env.AUDIT_ONLY) : null;
    tally = await runAudit(auditStates(RANDOM).filter((st) => !only || only.test(st.name)));
  }, 1_800_000);
  afterAll(() => {
    if (!tally) return;
    const classes = [...tally.byClass].map(([c, n]) => `${c} ${n}`).join(', ');
    console.log(
      `audit: ${tally.states} states (${classes}), ${tally.claims} claims checked, ` +
        `${tally.exportLines} export lines, ${tally.problems.length} problems; ` +
        `${(tally.ms.reach / 1000).toFixed(0)} s reaching the states, ` +
        `${(tally.ms.check / 1000).toFixed(0)} s checking them`,
    );
    if (process.env.AUDIT_OUT) writeFileSync(process.env.AUDIT_OUT, tally.problems.join('\n'));
  });

  it('visits every state class and checks claims in each', () => {
    if (process.env.AUDIT_ONLY) return;
    expect(tally.states).toBe(auditStates(0).length + RANDOM);
    for (const c of [
      'landing',
      'lecture',
      'every panel',
      'lesson',
      'regime × source',
      'slider end',
    ])
      expect(tally.byClass.get(c as StateClass), c).toBeGreaterThan(0);
    expect(tally.byClass.get('random')).toBe(RANDOM);
    expect(tally.claims).toBeGreaterThan(tally.states * 10);
  });

  it('finds no problem but the known ones, and each known one still occurs', () => {
    const unknown = tally.problems.filter((p) => !KNOWN.some(([k]) => p.startsWith(k)));
    expect(unknown.slice(0, 80)).toEqual([]);
    if (process.env.AUDIT_ONLY || RANDOM < 300) return;
    for (const [k, why] of KNOWN)
      expect(
        tally.problems.some((p) => p.startsWith(k)),
        `${k} (${why}) no longer occurs`,
      ).toBe(true);
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
