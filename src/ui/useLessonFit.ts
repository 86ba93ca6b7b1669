// Lecture mode: the lesson's column is as narrow as its text allows. A short lesson leaves the
// width to the plot and its caption (the plot stays the figure), and on short screens takes the
// sliders under its text rather than under the plot; a long one takes the width it needs to be
// read without scrolling inside its column, up to MAX_SHARE of the stage. CSS cannot balance
// two columns' heights, so the column is widened step by step while its text still overflows,
// whenever the screen is resized or the lesson's sentences change (they follow live results).
import { useEffect, type RefObject } from 'react';

const STEP_PX = 24;
/** The widest the lesson column may become, as a share of the stage's width. */
const MAX_SHARE = 0.6;
const VAR = '--lesson-w';

function fit(stage: HTMLElement): void {
  const column = stage.querySelector<HTMLElement>('.area-lesson');
  stage.style.removeProperty(VAR);
  delete stage.dataset.focus;
  if (!column) return;
  const overflows = () => column.scrollHeight > column.clientHeight + 1;
  // Short screens put the sliders under the plot; a lesson that leaves room in its column takes
  // them there instead, and the plot keeps that height (app.css, .stage[data-focus='side']).
  const center = stage.querySelector<HTMLElement>('.area-center');
  const focus = stage.querySelector<HTMLElement>('.area-focus');
  const under = (a: HTMLElement | null, b: HTMLElement | null) =>
    !!a && !!b && b.getBoundingClientRect().top >= a.getBoundingClientRect().bottom;
  if (under(center, focus)) {
    stage.dataset.focus = 'side';
    if (overflows()) delete stage.dataset.focus;
  }
  const max = stage.clientWidth * MAX_SHARE;
  let width = column.getBoundingClientRect().width;
  while (overflows() && width + STEP_PX <= max) {
    width += STEP_PX;
    stage.style.setProperty(VAR, `${width}px`);
  }
}

/** Keep the lesson column of `stage` fitted to its text (see above). */
export function useLessonFit(stage: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    const el = stage.current;
    if (!el || !active) return;
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fit(el));
    };
    schedule();
    const resize = new ResizeObserver(schedule);
    resize.observe(el);
    const text = new MutationObserver(schedule);
    const column = el.querySelector('.area-lesson');
    if (column) text.observe(column, { subtree: true, childList: true, characterData: true });
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      text.disconnect();
      el.style.removeProperty(VAR);
    };
  }, [stage, active]);
}
