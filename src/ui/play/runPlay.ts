// The animation loop behind Play. Time: the held time cursor runs over the window on screen
// (log scale) and wraps. A parameter: its curves from `from` to `to` are computed ahead in the
// workers (compute/frames.ts), then the parameter runs out and back, each frame a live edit (the
// drag path: the URL is replaced, the secondary panels wait) answered from the frame cache, so
// the main thread only draws. Reduced motion: still frames held a second each instead.
// The loop stops itself when the user takes over (moves the cursor or any parameter). Inside a
// lesson, pausing a sweep returns the parameter to the value it held before (the lesson's, unless
// the user had moved it): Play never leaves a lesson in a state it did not choose. Elsewhere the
// paused frame stays, as a history entry.
import { enforceConstraints } from '../../model/params.ts';
import { prefetchCurves } from '../../compute/index.ts';
import type { CurveRequest } from '../../compute/plan.ts';
import {
  PLAY_PERIOD_S,
  REDUCED_STEPS,
  STEP_HOLD_S,
  SWEEP_FRAMES,
  cursorTime,
  frameValues,
  sweepIndex,
  type SweptKey,
} from '../../state/play.ts';
import type { AppStore } from '../../state/store.ts';

export interface PlayEnv {
  reducedMotion: boolean;
  raf: (cb: (now: number) => void) => number;
  caf: (id: number) => void;
}

export const browserEnv = (): PlayEnv => ({
  reducedMotion: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
  raf: (cb) => requestAnimationFrame(cb),
  caf: (id) => cancelAnimationFrame(id),
});

/** Start the animation the store's play state asks for; returns the function that stops it. */
export function runPlay(store: AppStore, env: PlayEnv): () => void {
  const st = () => store.getState();
  const { target } = st().play;
  const steps = env.reducedMotion ? REDUCED_STEPS : 0;
  let frame = 0;
  let stopped = false;
  let phase = 0;
  let last: number | null = null;
  const cleanups: (() => void)[] = [];
  /** The user moved what Play moves: their value stays. */
  let takenOver = false;
  const stop = (error: string | null = null) => {
    if (stopped) return;
    stopped = true;
    env.caf(frame);
    cleanups.forEach((f) => f());
    const p = st().play;
    if (p.playing || error || p.held !== null)
      st().setPlay({ playing: false, error, prepared: 0, total: 0, held: null });
  };

  /** Phase advance for `dt` ms: one pass per PLAY_PERIOD_S (or per held step) at speed 1. */
  const advance = (dt: number) => {
    const pass = steps ? steps * STEP_HOLD_S : PLAY_PERIOD_S;
    phase += ((dt / 1000) * st().play.speed) / pass;
  };
  const loop = (draw: () => void) => {
    const tick = (now: number) => {
      if (stopped) return;
      if (last !== null) advance(Math.min(now - last, 100));
      last = now;
      draw();
      frame = env.raf(tick);
    };
    frame = env.raf(tick);
  };
  // Someone else moving what Play moves takes over: Play pauses.
  const watch = (mine: () => boolean) =>
    cleanups.push(
      store.subscribe(() => {
        if (mine()) return;
        takenOver = true;
        stop();
      }),
    );

  if (target === 'time') {
    let ours = st().timeCursor;
    // Start where the cursor stands, if one is held.
    const c = st().results.curve;
    if (c && ours !== null && c.t.length > 1) {
      const [t0, t1] = [c.t[0], c.t[c.t.length - 1]];
      phase = Math.log(ours / t0) / Math.log(t1 / t0) || 0;
    }
    watch(() => st().timeCursor === ours);
    loop(() => {
      const curve = st().results.curve;
      if (!curve || curve.t.length < 2) return;
      ours = cursorTime(phase, curve.t[0], curve.t[curve.t.length - 1], steps);
      st().setTimeCursor(ours);
    });
    return () => stop();
  }

  const key: SweptKey = target;
  // A fixed time window while the parameter moves, so the axes hold still (restored at the end).
  const wasAuto = st().view.timeWindow === 'auto';
  if (wasAuto) st().setTimeWindow('manual');
  const base = st().params;
  const { from, to } = st().play;
  const values = frameValues(key, from, to, steps ? steps + 1 : SWEEP_FRAMES);
  const reqs: CurveRequest[] = values.map((v) => ({
    p: enforceConstraints({ ...base, [key]: v }, []),
    window: 'manual',
  }));
  st().setPlay({ prepared: 0, total: reqs.length, error: null, held: base[key] });
  const prefetch = prefetchCurves(reqs, (done, total) => st().setPlay({ prepared: done, total }));
  let ours = base;
  let editing = false;
  cleanups.push(() => {
    prefetch?.cancel();
    if (!takenOver && st().view.lesson !== null && st().params !== base) {
      editing = true;
      st().setParams(base, { live: true });
      editing = false;
    }
    // The last frame shown (or the value restored) becomes a history entry, like a drag's end.
    st().commit();
    if (wasAuto) st().setTimeWindow('auto');
  });
  watch(() => editing || st().params === ours);
  const begin = () => {
    let shown = -1;
    loop(() => {
      const i = sweepIndex(phase, values.length, steps ? values.length - 1 : 0);
      if (i === shown) return;
      shown = i;
      editing = true;
      st().setParams(reqs[i].p, { live: true });
      editing = false;
      ours = st().params;
    });
  };
  if (!prefetch) begin();
  else
    prefetch.done.then(
      () => !stopped && begin(),
      (e: unknown) =>
        stop(`Could not compute the sweep: ${e instanceof Error ? e.message : String(e)}`),
    );
  return () => stop();
}
