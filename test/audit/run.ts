// The audit's walk (audit.test.tsx: the listed states; audit.random.test.tsx: the random ones):
// reach each state as a user does, check every text of the page against its claim, and in the
// listed states every export's footer and CSV preamble (exports.ts).
import { fireEvent, screen } from '@testing-library/react';
import { writeFileSync } from 'node:fs';
import { applyLesson } from '../../src/lessons/apply.ts';
import { LESSON_BOOK, lessonState } from '../../src/lessons/apply.ts';
import { lessonById } from '../../src/lessons/lessons.ts';
import { paramsKey } from '../../src/state/pins.ts';
import { appStore } from '../../src/state/store.ts';
import { parseUrlState } from '../../src/state/url.ts';
import { auditExports } from './exports.ts';
import { apply, auditPage, closeSession, openSession, settle, type Session } from './harness.tsx';
import { auditRunsCsv, customSpectrum, type AuditState, type StateClass } from './states.ts';

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

export interface Tally {
  states: number;
  claims: number;
  exportLines: number;
  byClass: Map<StateClass, number>;
  problems: string[];
  /** Time spent reaching and settling the states, and checking them (the audit's budget). */
  ms: { reach: number; check: number };
}

export async function runAudit(states: readonly AuditState[]): Promise<Tally> {
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

/** AUDIT_ONLY (a regular expression on state names) narrows a run while working on the audit. */
export function onlyThese(states: readonly AuditState[]): AuditState[] {
  const only = process.env.AUDIT_ONLY ? new RegExp(process.env.AUDIT_ONLY) : null;
  return states.filter((st) => !only || only.test(st.name));
}

/** The counts a run prints (and its problems to AUDIT_OUT, when set). */
export function reportTally(what: string, tally: Tally): void {
  const classes = [...tally.byClass].map(([c, n]) => `${c} ${n}`).join(', ');
  console.log(
    `${what}: ${tally.states} states (${classes}), ${tally.claims} claims checked, ` +
      `${tally.exportLines} export lines, ${tally.problems.length} problems; ` +
      `${(tally.ms.reach / 1000).toFixed(0)} s reaching the states, ` +
      `${(tally.ms.check / 1000).toFixed(0)} s checking them`,
  );
  if (process.env.AUDIT_OUT) writeFileSync(process.env.AUDIT_OUT, tally.problems.join('\n'));
}
