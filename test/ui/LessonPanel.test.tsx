// @vitest-environment jsdom
// The lesson panel as a state machine: "Try it" goes to the next step and disappears there (the
// step is the lesson's doing, not a user change), "Back" returns; Play's sweep is said, not blamed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { applyLesson } from '../../src/lessons/apply.ts';
import { lessonById } from '../../src/lessons/lessons.ts';
import { appStore, resetStore } from '../../src/state/store.ts';
import { LessonPanel } from '../../src/ui/LessonPanel.tsx';

beforeEach(() => resetStore());
afterEach(cleanup);

const panel = () => screen.getByTestId('lesson');

describe('LessonPanel', () => {
  it('lesson 6: "Try it" moves to step 1, the button goes, "Back" comes, no "You changed"', () => {
    const lesson = lessonById('stop-vs-decay')!;
    act(() => applyLesson(appStore, lesson.id));
    render(<LessonPanel />);
    expect(panel().dataset.step).toBe('0');
    expect(screen.queryByTestId('lesson-back')).toBeNull();
    fireEvent.click(screen.getByTestId('lesson-try'));
    expect(panel().dataset.step).toBe('1');
    expect(panel().dataset.modified).toBe('false');
    expect(screen.queryByTestId('lesson-modified')).toBeNull();
    // Applied: "Try next" is gone (a one-step lesson has no next), "Back" undoes it.
    expect(screen.queryByTestId('lesson-try')).toBeNull();
    expect(screen.getByTestId('lesson-tried').textContent).toContain('Step 1 of 1');
    expect(appStore.getState().params.regime).toBe('wd');
    fireEvent.click(screen.getByTestId('lesson-back'));
    expect(panel().dataset.step).toBe('0');
    expect(appStore.getState().params.regime).toBe('gf');
    expect(screen.getByTestId('lesson-try')).toBeTruthy();
  });

  it('a user change is named against the step’s state; a Play sweep is named as Play’s', () => {
    act(() => applyLesson(appStore, 'noise'));
    render(<LessonPanel />);
    act(() => appStore.getState().setParam('P', 800));
    expect(screen.getByTestId('lesson-modified').textContent).toMatch(/You changed P/);
    act(() => appStore.getState().setParam('P', 400));
    act(() => {
      appStore.getState().setPlay({ playing: true, target: 'sigma2', held: 0.1 });
      appStore.getState().setParam('sigma2', 0.37, { live: true });
    });
    expect(screen.queryByTestId('lesson-modified')).toBeNull();
    expect(screen.getByTestId('lesson-playing').textContent).toBe(
      'Play is sweeping noise σ²; pausing returns it to 0.1.',
    );
  });
});
