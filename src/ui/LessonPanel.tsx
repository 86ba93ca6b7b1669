// The lesson text, each sentence shown while its claim holds in the live state and its numbers
// filled from the results of the state on screen (lessons/fill.ts). A lesson is a sequence of
// steps: "Try it" goes to the next one (its sentences are the promise it made, as claims), "Back"
// to the one before; neither is a user change. When the user moves away from the step's state the
// panel says what changed and offers to reset it; a parameter Play is sweeping is Play's, not the
// user's, and pausing returns it (play/runPlay.ts).
import { useMemo } from 'react';
import { lessonValues, sentenceText } from '../lessons/fill.ts';
import { claimsHold } from '../lessons/claims.ts';
import { sgdSentenceCheck } from '../lessons/sgdSentenceChecks.ts';
import { applyLesson, goToStep, leaveLesson, lessonChanges, stepLesson } from '../lessons/apply.ts';
import { formatParam } from '../format/number.ts';
import { LESSONS, lessonById } from '../lessons/lessons.ts';
import { inspectedMode } from '../compute/plan.ts';
import { currentFitted, settledResult, useApp } from '../state/hooks.ts';
import { paramsKey } from '../state/pins.ts';
import { PLAY_TARGET_LABELS } from '../state/play.ts';
import { appStore } from '../state/store.ts';
import { ClaimText } from '../charts/Claimed.tsx';
import { lessonClaim } from '../claims/lessonClaims.ts';
import { hasPool } from '../model/data/sources.ts';

export function LessonPanel() {
  const id = useApp((s) => s.view.lesson);
  const params = useApp((s) => s.params);
  const view = useApp((s) => s.view);
  const curve = useApp((s) => s.results.curve);
  // A sweep still pending belongs to other parameters: its sentences wait for the new one.
  const sweepP = useApp(settledResult('sweepP'));
  const sweepN = useApp(settledResult('sweepN'));
  const frontier = useApp(settledResult('frontier'));
  const pin = useApp((s) => s.pins[0] ?? null);
  const pinCurve = useApp((s) =>
    s.pins[0] ? (s.results.pinCurves[paramsKey(s.pins[0])] ?? null) : null,
  );
  const curveCurrent = useApp((s) => s.results.curveKey === paramsKey(s.params));
  // The grid does not depend on α and β; a new one replaces it as soon as the rest changes.
  const phaseGrid = useApp((s) => s.results.phase?.grid ?? null);
  const fitted = useApp(currentFitted);
  // A finished real run on a pool of images, for these parameters, with its theory curve.
  const sim = useApp((s) => s.results.sim);
  const simCurrent = useApp((s) => !!s.results.sim && s.results.sim.key === paramsKey(s.params));
  const real = useMemo(
    () =>
      sim && simCurrent && sim.status === 'done' && hasPool(sim.params) && sim.result && sim.theory
        ? { result: sim.result, theory: sim.theory }
        : null,
    [sim, simCurrent],
  );
  const parts = useApp(settledResult('parts'));
  const sgdSweeps = useApp(settledResult('sgdSweeps'));
  const order = useApp(settledResult('order'));
  // The detail of another mode (the inspector moved on) is not this lesson's.
  const mode = useApp((s) => {
    const d = settledResult('mode')(s);
    return d && d.k === inspectedMode(s) ? d : null;
  });
  const ctx = useMemo(
    () => ({
      params,
      at: view.at,
      tAt: view.tAt,
      curve: curveCurrent ? curve : null,
      sweepP,
      sweepN,
      frontier,
      pin,
      pinCurve,
      phase: view.phase,
      phaseGrid,
      fitted,
      real,
      parts,
      order,
      mode,
      sgdSweeps,
    }),
    [
      params,
      view.at,
      view.tAt,
      view.phase,
      curve,
      curveCurrent,
      sweepP,
      sweepN,
      frontier,
      pin,
      pinCurve,
      phaseGrid,
      fitted,
      real,
      parts,
      order,
      mode,
      sgdSweeps,
    ],
  );
  // The lesson's numbers are filled only while a lesson is open (every drag would recompute them).
  const values = useMemo(() => (id ? lessonValues(ctx) : null), [id, ctx]);
  // A parameter sweep of Play: its frames are Play's, and pausing returns the value it held.
  const sweepTarget = useApp((s) => (s.play.held !== null ? s.play.target : 'time'));
  const held = useApp((s) => s.play.held);
  const lesson = lessonById(id);
  if (!lesson) return null;
  const index = LESSONS.indexOf(lesson);
  const step = Math.min(view.step, lesson.steps.length);
  const swept = sweepTarget !== 'time' && held !== null ? sweepTarget : null;
  const changes = lessonChanges(lesson, params, view, { playing: swept ? [swept] : [] });
  const text = step === 0 ? lesson.text : lesson.steps[step - 1].then;
  const sentences = text.flatMap((s) => {
    const t = sentenceText(s, ctx, values!);
    if (t === null) return [];
    // Shown: its claim holds, or its `otherwise` text while it does not (sentenceText).
    const holds = !s.when || claimsHold(s.when, ctx) === true;
    return [{ t, check: sgdSentenceCheck(s, ctx, holds, values!) }];
  });
  const next = lesson.steps[step];
  return (
    <section
      className="panel lesson"
      aria-labelledby="h-lesson"
      data-testid="lesson"
      data-lesson={lesson.id}
      data-step={step}
      data-modified={changes.length > 0 ? 'true' : 'false'}
    >
      <header className="panel-head">
        <h2 id="h-lesson">
          <span className="lesson-num">
            Lesson {index + 1} of {LESSONS.length}
          </span>{' '}
          {lesson.title}
        </h2>
        <button
          type="button"
          className="btn btn--icon"
          aria-label="Leave the lesson"
          onClick={() => leaveLesson(appStore)}
        >
          ×
        </button>
      </header>
      {changes.length > 0 && (
        <p className="lesson-modified" data-testid="lesson-modified">
          <ClaimText
            claim={lessonClaim(
              'modified',
              `You changed ${changes.map((c) => c.name).join(', ')}: the lesson uses ` +
                `${changes.map((c) => `${c.name} = ${c.lessonValue}`).join(', ')}.`,
              params,
              { quotes: false },
            )}
          />{' '}
          <button
            type="button"
            className="btn"
            onClick={() => applyLesson(appStore, lesson.id, step)}
          >
            Reset lesson
          </button>
        </p>
      )}
      {swept && held !== null && (
        <ClaimText
          as="p"
          className="lesson-playing"
          testId="lesson-playing"
          claim={lessonClaim(
            'playing',
            `Play is sweeping ${PLAY_TARGET_LABELS[swept]}; pausing returns it to ${formatParam(held)}.`,
            params,
          )}
        />
      )}
      {step > 0 && (
        <p className="lesson-tried" data-testid="lesson-tried">
          <ClaimText
            claim={lessonClaim(
              'step',
              `Step ${step} of ${lesson.steps.length}: ${lesson.steps[step - 1].text}`,
              params,
              { pin },
            )}
          />{' '}
          <button
            type="button"
            className="btn"
            data-testid="lesson-back"
            onClick={() => goToStep(appStore, lesson, step - 1)}
          >
            ‹ Back
          </button>
        </p>
      )}
      {sentences.map(({ t, check }, i) => (
        <ClaimText
          key={i}
          as="p"
          className="lesson-sentence"
          claim={lessonClaim(`${lesson.id}.${step}.${i}`, t, params, { pin, check })}
        />
      ))}
      {next && (
        <p className="lesson-next">
          <ClaimText
            claim={lessonClaim('next', `Try next: ${next.text}`, params, { quotes: false })}
          />{' '}
          <button
            type="button"
            className="btn"
            data-testid="lesson-try"
            onClick={() => goToStep(appStore, lesson, step + 1)}
          >
            Try it
          </button>
        </p>
      )}
      <div className="lesson-steps">
        <button
          type="button"
          className="btn"
          disabled={index === 0}
          onClick={() => stepLesson(appStore, -1)}
        >
          ‹ Previous <kbd>p</kbd>
        </button>
        <button
          type="button"
          className="btn btn--primary"
          disabled={index === LESSONS.length - 1}
          onClick={() => stepLesson(appStore, 1)}
        >
          Next <kbd>n</kbd> ›
        </button>
      </div>
    </section>
  );
}
