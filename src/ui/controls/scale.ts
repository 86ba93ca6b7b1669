// Slider ↔ value mapping derived from a parameter's spec (PARAM_SPECS).
//   log scale: positions are evenly spaced in log10(value), STEPS_PER_DECADE per decade, from
//              lo = min (or logMin when min = 0) to max. When min = 0, position 0 is the value 0
//              and position 1 is logMin. Values are rounded to 3 significant digits (readable
//              links), integers to integers. ∞ (allowInf) sits at the right end.
//   linear:    positions every `step` (or 1000 positions without one).
// Keyboard: an arrow moves `arrow` positions (a tenth of a decade on log sliders, a "nice"
// multiple of the step ≈ 1/50 of the range on linear ones), Shift+arrow one position, PageUp/Down
// ten arrows.
import type { NumericSpec } from '../../model/params.ts';

export const STEPS_PER_DECADE = 40;
/** Linear sliders finer than this many positions get a numeric entry only (e.g. the seed). */
const MAX_LINEAR_POSITIONS = 10_000;

export interface SliderScale {
  /** Largest position (positions are integers 0..max). */
  max: number;
  toPos(v: number): number;
  fromPos(pos: number): number;
  /** Positions moved by one arrow key press. */
  arrow: number;
}

function round3(x: number): number {
  return Number(x.toPrecision(3));
}

function decimalsOf(step: number): number {
  const s = String(step);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** The largest 1/2/5 × 10^k multiple of `step` not above `target` (at least `step`). */
function niceMultiple(step: number, target: number): number {
  let best = step;
  for (let k = 0; k < 12; k++) {
    for (const m of [1, 2, 5]) {
      const c = step * m * 10 ** k;
      if (c <= target) best = Math.max(best, c);
    }
  }
  return best;
}

export function sliderScale(spec: NumericSpec): SliderScale | null {
  if (spec.scale === 'log') {
    const zero = spec.min === 0;
    const lo = zero ? (spec.logMin ?? 1e-6) : spec.min;
    const decades = Math.log10(spec.max / lo);
    const n = Math.max(1, Math.round(decades * STEPS_PER_DECADE));
    const off = zero ? 1 : 0;
    const finish = (v: number) => {
      let x = Math.min(spec.max, Math.max(lo, round3(v)));
      if (spec.integer) x = Math.round(x);
      return x;
    };
    return {
      max: n + off,
      arrow: Math.max(1, Math.round(STEPS_PER_DECADE / 10)),
      fromPos(pos) {
        const p = Math.min(n + off, Math.max(0, Math.round(pos)));
        if (zero && p === 0) return 0;
        if (p === off) return finish(lo);
        if (p === n + off) return spec.max;
        return finish(lo * 10 ** (((p - off) / n) * decades));
      },
      toPos(v) {
        if (v === Infinity || v >= spec.max) return n + off;
        if (!(v > 0)) return 0;
        // Below lo: 0 if nearer to 0 on a log scale than to lo (half a step), else lo.
        const p = off + (n * Math.log10(v / lo)) / decades;
        if (p < off) return zero && p < off - 0.5 ? 0 : off;
        return Math.round(p);
      },
    };
  }
  const step = spec.step ?? (spec.max - spec.min) / 1000;
  const n = Math.round((spec.max - spec.min) / step);
  if (n > MAX_LINEAR_POSITIONS) return null;
  const decimals = decimalsOf(step);
  return {
    max: n,
    arrow: Math.max(1, Math.round(niceMultiple(step, (spec.max - spec.min) / 50) / step)),
    fromPos(pos) {
      const p = Math.min(n, Math.max(0, Math.round(pos)));
      const v = Number((spec.min + p * step).toFixed(decimals));
      return Math.min(spec.max, Math.max(spec.min, spec.integer ? Math.round(v) : v));
    },
    toPos(v) {
      if (v === Infinity) return n;
      return Math.min(n, Math.max(0, Math.round((v - spec.min) / step)));
    },
  };
}

/** New position after a key press (Shift: the finest step), or null if not a slider key. */
export function keyToPos(
  scale: SliderScale,
  pos: number,
  { key, shiftKey = false }: { key: string; shiftKey?: boolean },
): number | null {
  const a = shiftKey ? 1 : scale.arrow;
  let p: number;
  switch (key) {
    case 'ArrowUp':
    case 'ArrowRight':
      p = pos + a;
      break;
    case 'ArrowDown':
    case 'ArrowLeft':
      p = pos - a;
      break;
    case 'PageUp':
      p = pos + 10 * scale.arrow;
      break;
    case 'PageDown':
      p = pos - 10 * scale.arrow;
      break;
    case 'Home':
      p = 0;
      break;
    case 'End':
      p = scale.max;
      break;
    default:
      return null;
  }
  return Math.min(scale.max, Math.max(0, p));
}
