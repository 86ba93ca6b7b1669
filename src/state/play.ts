// Play: what the animation sweeps and how fast. Either the time cursor runs over the window on
// screen, or one parameter runs between two values and back (its curves are computed in the
// workers before the animation starts, so each frame only draws). Not part of the link.
import { numericSpec, type NumericKey } from '../model/params.ts';

export type PlayTarget = 'time' | 'sigma2' | 'P' | 'N' | 'alpha' | 'beta';
export type SweptKey = Exclude<PlayTarget, 'time'>;
export const PLAY_TARGETS: readonly PlayTarget[] = ['time', 'sigma2', 'P', 'N', 'alpha', 'beta'];

export const PLAY_TARGET_LABELS: Record<PlayTarget, string> = {
  time: 'time t',
  sigma2: 'noise σ²',
  P: 'data P',
  N: 'model N',
  alpha: 'spectrum α',
  beta: 'target β',
};

/** Speeds offered (multiples of the base pace). */
export const PLAY_SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4];

/** Seconds for one pass at speed 1: the cursor across the window, or a parameter one way. */
export const PLAY_PERIOD_S = 4;

/** Curves computed for one way of a parameter sweep (≥ 30 distinct curves a second at speed 1). */
export const SWEEP_FRAMES = 121;

/** Reduced motion: this many still frames per pass, each held STEP_HOLD_S / speed seconds. */
export const REDUCED_STEPS = 8;
export const STEP_HOLD_S = 1;

/** Default range of each swept parameter (inside its slider's range). */
const DEFAULT_RANGE: Record<SweptKey, [number, number]> = {
  sigma2: [0.001, 1],
  P: [100, 10000],
  N: [100, 10000],
  alpha: [1.2, 3],
  beta: [1.2, 4],
};

export interface PlayState {
  playing: boolean;
  target: PlayTarget;
  speed: number;
  /** Range of the swept parameter (ignored for time). */
  from: number;
  to: number;
  /** Frames computed so far / needed, while a parameter sweep is being prepared. */
  prepared: number;
  total: number;
  /** Why the last sweep could not be prepared (shown until the next start). */
  error: string | null;
  /**
   * The swept parameter's value when the sweep started, while it runs (null otherwise): inside a
   * lesson, pausing returns to it, so Play never leaves the lesson in a state it did not choose.
   */
  held: number | null;
}

export const DEFAULT_PLAY: Readonly<PlayState> = Object.freeze({
  playing: false,
  target: 'time',
  speed: 1,
  from: DEFAULT_RANGE.sigma2[0],
  to: DEFAULT_RANGE.sigma2[1],
  prepared: 0,
  total: 0,
  error: null,
  held: null,
});

export function defaultRange(key: SweptKey): [number, number] {
  return DEFAULT_RANGE[key];
}

/**
 * The values of a sweep from `from` to `to` in `n` frames: evenly spaced on the slider's scale
 * (log for σ², P, N unless an end is 0; linear for α, β), integers where the parameter is one,
 * without repeats (an integer sweep over a short range has fewer frames).
 */
export function frameValues(key: NumericKey, from: number, to: number, n: number): number[] {
  const spec = numericSpec(key);
  const log = spec.scale === 'log' && from > 0 && to > 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = n === 1 ? 0 : i / (n - 1);
    let v = log ? from * (to / from) ** u : from + (to - from) * u;
    if (spec.integer) v = Math.round(v);
    v = Math.min(spec.max, Math.max(spec.min, Number(v.toPrecision(6))));
    if (out[out.length - 1] !== v) out.push(v);
  }
  return out;
}

/**
 * The frame shown at phase `u` of a ping-pong sweep over `n` frames (u in [0, 2): out and back).
 * `steps` > 0 quantises the motion into that many still frames per way (reduced motion).
 */
export function sweepIndex(u: number, n: number, steps = 0): number {
  const w = ((u % 2) + 2) % 2;
  let f = w <= 1 ? w : 2 - w;
  if (steps > 0) f = Math.round(f * steps) / steps;
  return Math.round(f * (n - 1));
}

/** The time at phase u in [0, 1) of a pass over [t0, t1] (log scale); steps as above. */
export function cursorTime(u: number, t0: number, t1: number, steps = 0): number {
  let f = ((u % 1) + 1) % 1;
  if (steps > 0) f = Math.floor(f * (steps + 1)) / steps;
  f = Math.min(1, f);
  return t0 * (t1 / t0) ** f;
}
