import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import type { CurveResult } from '../../src/model/types.ts';
import { createAppStore, urlStateOf } from '../../src/state/store.ts';
import { linkState } from '../../src/state/url.ts';
import { applyLesson, lessonChanges, lessonState } from '../../src/lessons/apply.ts';
import { lessonById } from '../../src/lessons/lessons.ts';

// jsdom has no Worker: the sweep's frames come from this stand-in, ready at once.
const prefetched: unknown[][] = [];
vi.mock('../../src/compute/index.ts', () => ({
  prefetchCurves: (reqs: unknown[], onProgress: (d: number, t: number) => void) => {
    prefetched.push(reqs);
    onProgress(reqs.length, reqs.length);
    return { done: Promise.resolve(), cancel: () => {} };
  },
}));
const { runPlay } = await import('../../src/ui/play/runPlay.ts');

/** A requestAnimationFrame driven by the test: tick(ms) runs the next frame `ms` later. */
function fakeEnv(reducedMotion = false) {
  let cb: ((now: number) => void) | null = null;
  let now = 0;
  return {
    env: {
      reducedMotion,
      raf: (f: (now: number) => void) => ((cb = f), 1),
      caf: () => void (cb = null),
    },
    tick(ms: number) {
      now += ms;
      const f = cb;
      cb = null;
      f?.(now);
    },
    /** `ms` of frames 20 ms apart (the loop ignores gaps over 100 ms, e.g. a hidden tab). */
    run(ms: number) {
      for (let i = 0; i < ms / 20; i++) this.tick(20);
    },
  };
}

const curve = { t: Float64Array.from([0.01, 1, 100, 1e4]) } as unknown as CurveResult;

describe('Play', () => {
  it('sweeps the time cursor over the window and stops when the user moves it', () => {
    const store = createAppStore();
    store.getState().patchResults({ curve });
    store.getState().setPlay({ playing: true, target: 'time', speed: 1 });
    const f = fakeEnv();
    const { env, tick } = f;
    runPlay(store, env);
    tick(0);
    expect(store.getState().timeCursor).toBeCloseTo(0.01, 9);
    f.run(1000); // a quarter of the 4 s pass: 10^(−2 + 6/4)
    expect(store.getState().timeCursor).toBeCloseTo(10 ** -0.5, 6);
    store.getState().setPlay({ speed: 2 });
    f.run(1000); // then half a pass more
    expect(store.getState().timeCursor).toBeCloseTo(10 ** 2.5, 4);
    store.getState().setTimeCursor(5);
    expect(store.getState().play.playing).toBe(false);
    tick(16);
    expect(store.getState().timeCursor).toBe(5);
  });

  it('sweeps a parameter out and back as live edits over a fixed window, committed at the end', async () => {
    const store = createAppStore({ params: { ...DEFAULT_PARAMS, sigma2: 0.05 } });
    store.getState().patchResults({
      curve: { ...curve, window: { tmin: 0.01, tmax: 1e4, auto: true } } as unknown as CurveResult,
    });
    store.getState().setPlay({ playing: true, target: 'sigma2', from: 0.01, to: 1, speed: 1 });
    const f = fakeEnv();
    const { env, tick } = f;
    const stop = runPlay(store, env);
    expect(store.getState().view.timeWindow).toBe('manual');
    expect(store.getState().params.tmax).toBe(1e4);
    await Promise.resolve();
    tick(0);
    expect(store.getState().params.sigma2).toBe(0.01);
    expect(store.getState().urlIntent.mode).toBe('replace');
    f.run(4000); // one way
    expect(store.getState().params.sigma2).toBe(1);
    f.run(2000); // half way back
    expect(store.getState().params.sigma2).toBeCloseTo(0.1, 6);
    const frames = prefetched[prefetched.length - 1] as { p: { sigma2: number } }[];
    expect(frames).toHaveLength(121);
    expect(frames.map((f) => f.p.sigma2)).toContain(store.getState().params.sigma2);
    stop();
    expect(store.getState().play.playing).toBe(false);
    expect(store.getState().urlIntent.mode).toBe('push');
    expect(store.getState().view.timeWindow).toBe('auto');
    expect(store.getState().params.sigma2).toBeCloseTo(0.1, 6);
  });

  it('moves in held steps under reduced motion', () => {
    const store = createAppStore();
    store.getState().patchResults({ curve });
    store.getState().setPlay({ playing: true, target: 'time', speed: 1 });
    const { env, tick } = fakeEnv(true);
    runPlay(store, env);
    tick(0);
    const seen = new Set<number>();
    for (let i = 0; i < 60; i++) {
      tick(16);
      seen.add(store.getState().timeCursor!);
    }
    // A second of frames shows one or two still positions, not sixty.
    expect(seen.size).toBeLessThanOrEqual(2);
  });

  it('a user edit of the parameters pauses a parameter sweep', async () => {
    const store = createAppStore();
    store.getState().setPlay({ playing: true, target: 'P', from: 100, to: 1000 });
    const { env, tick } = fakeEnv();
    runPlay(store, env);
    await Promise.resolve();
    tick(0);
    tick(500);
    store.getState().setParam('alpha', 2);
    expect(store.getState().play.playing).toBe(false);
    expect(store.getState().params.alpha).toBe(2);
  });

  it('inside a lesson, pausing a sweep returns the lesson’s value; Play’s frames are not the user’s changes', async () => {
    const lesson = lessonById('noise')!;
    const store = createAppStore();
    applyLesson(store, lesson.id);
    const s = () => store.getState();
    s().patchResults({
      curve: { ...curve, window: { tmin: 0.01, tmax: 1e4, auto: true } } as unknown as CurveResult,
    });
    s().setPlay({ playing: true, target: 'sigma2', from: 0.01, to: 1, speed: 1 });
    const f = fakeEnv();
    const stop = runPlay(store, f.env);
    await Promise.resolve();
    f.tick(0);
    f.run(1000);
    expect(s().params.sigma2).not.toBe(0.1);
    // The value it will return to is held, and neither the frame nor the fixed window is a change.
    expect(s().play.held).toBe(0.1);
    expect(lessonChanges(lesson, s().params, s().view, { playing: ['sigma2'] })).toEqual([]);
    stop();
    expect(s().play).toMatchObject({ playing: false, held: null });
    expect(s().params.sigma2).toBe(0.1);
    expect(s().view.timeWindow).toBe('auto');
    expect(lessonChanges(lesson, s().params, s().view)).toEqual([]);
    // The link is the lesson's again (in the automatic window the typed bounds do not count).
    expect(linkState(urlStateOf(s()))).toEqual(lessonState(lesson));
  });

  it('inside a lesson, a user who takes over a sweep keeps their value (and it is named)', async () => {
    const lesson = lessonById('noise')!;
    const store = createAppStore();
    applyLesson(store, lesson.id);
    const s = () => store.getState();
    s().setPlay({ playing: true, target: 'P', from: 100, to: 1000 });
    const f = fakeEnv();
    runPlay(store, f.env);
    await Promise.resolve();
    f.tick(0);
    f.tick(500);
    s().setParam('P', 777);
    expect(s().play.playing).toBe(false);
    expect(s().params.P).toBe(777);
    expect(lessonChanges(lesson, s().params, s().view).map((c) => c.key)).toEqual(['P']);
  });
});
