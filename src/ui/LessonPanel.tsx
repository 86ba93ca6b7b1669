// The lesson text, its numbers filled from the results of this moment (lessons/fill.ts).
import { useMemo } from 'react';
import { fillText, lessonValues } from '../lessons/fill.ts';
import { leaveLesson, stepLesson } from '../lessons/apply.ts';
import { LESSONS, lessonById } from '../lessons/lessons.ts';
import { useApp } from '../state/hooks.ts';
import { paramsKey } from '../state/pins.ts';
import { appStore } from '../state/store.ts';
import { RichHelp } from './RichHelp.tsx';

export function LessonPanel() {
  const id = useApp((s) => s.view.lesson);
  const params = useApp((s) => s.params);
  const tAt = useApp((s) => s.view.tAt);
  const curve = useApp((s) => s.results.curve);
  const sweepP = useApp((s) => s.results.sweepP);
  const sweepN = useApp((s) => s.results.sweepN);
  const frontier = useApp((s) => s.results.frontier);
  const pin = useApp((s) => s.pins[0] ?? null);
  const pinCurve = useApp((s) =>
    s.pins[0] ? (s.results.pinCurves[paramsKey(s.pins[0])] ?? null) : null,
  );
  const values = useMemo(
    () => lessonValues({ params, tAt, curve, sweepP, sweepN, frontier, pin, pinCurve }),
    [params, tAt, curve, sweepP, sweepN, frontier, pin, pinCurve],
  );
  const lesson = lessonById(id);
  if (!lesson) return null;
  const index = LESSONS.indexOf(lesson);
  return (
    <section
      className="panel lesson"
      aria-labelledby="h-lesson"
      data-testid="lesson-panel"
      data-lesson={lesson.id}
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
      {lesson.text.map((t, i) => (
        <p key={i}>
          <RichHelp text={fillText(t, values)} />
        </p>
      ))}
      <p className="lesson-next">
        <strong>Try next:</strong> <RichHelp text={fillText(lesson.next, values)} />
      </p>
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
