// What happens over the whole of training, in one sentence per case of model/theory/earlyStop.ts:
// a minimum inside the window, a minimum outside it, or no early-stopping gain. The caption, the
// marker's label and the lessons all use these words (docs/theory.md §8).
import type { CurveResult } from '../model/types.ts';
import { e3, formatNumber, formatParam, t2 } from '../format/number.ts';
import { limitBelowFloor } from '../model/theory/limits.ts';

/**
 * "E_g(∞) = 0.0748", "E_g(∞) = ∞", or, below the engine's floor (docs/theory.md §5.8),
 * "E_g(∞) = 0 up to round-off (below the engine’s resolution, ≈ 1.1·10⁻⁸)".
 */
export function limitPhrase(c: CurveResult): string {
  if (c.limit.divergent) return 'E_g(∞) = ∞';
  if (limitBelowFloor(c.limit))
    return `E_g(∞) = 0 up to round-off (below the engine’s resolution, ≈ ${formatNumber(c.limit.floor, 2)})`;
  return `E_g(∞) = ${e3(c.limit.Eg)}`;
}

/** How much worse training to convergence is: "2.85× higher" / "grows without bound". */
export function gainPhrase(c: CurveResult): string {
  const es = c.earlyStop;
  if (c.limit.divergent) return 'E_g grows without bound as t → ∞';
  return `training on to t → ∞ ends at ${limitPhrase(c)}, ${formatNumber(es.gain, 3)}× higher`;
}

export function outcomeSentence(c: CurveResult): string {
  const es = c.earlyStop;
  const w = c.window;
  switch (es.case) {
    case 'inside':
      return `Early stopping pays: E_g is lowest, E* = ${e3(es.Eg)}, at t* ≈ ${t2(es.t)}; ${gainPhrase(c)}.`;
    case 'beyond':
      if (es.side === 'after')
        return (
          `E_g is still falling at t_{max} = ${formatParam(w.tmax)}; its minimum E* = ${e3(es.Eg)} ` +
          `is reached at t* ≈ ${t2(es.t)}, beyond the window; ${gainPhrase(c)}.`
        );
      return (
        `E_g's minimum E* = ${e3(es.Eg)} lies at t* ≈ ${t2(es.t)}, before the window starts ` +
        `(t_{min} = ${formatParam(w.tmin)}); ${gainPhrase(c)}.`
      );
    case 'none': {
      const i = c.Eg.length - 1;
      const last = i >= 0 ? c.Eg[i] : NaN;
      // A value below the engine's floor is not quoted (docs/theory.md §5.6).
      const below = i >= 0 && c.resolution.below[i] === 1;
      const stillFalling = Number.isFinite(last) && last > c.limit.Eg * 1.01 && !c.limit.divergent;
      const tail = below
        ? ` At t_{max} = ${formatParam(w.tmax)} it is below the engine’s resolution (≈ ${formatNumber(c.resolution.floor[i], 2)}).`
        : stillFalling
          ? ` At t_{max} = ${formatParam(w.tmax)} it is still at ${e3(last)}.`
          : '';
      const how = es.monotone
        ? 'E_g decreases monotonically to'
        : 'E_g is not monotone, but its lowest value is the limit';
      // "Within 0.5 %" is relative to the limit: it says nothing of a limit that is 0.
      const within = c.limit.Eg > 0 && !limitBelowFloor(c.limit) ? ' (within 0.5 %)' : '';
      return `No early-stopping gain: ${how} ${limitPhrase(c)}${within}.${tail}`;
    }
  }
}

/** Short label of the early-stopping marker. */
export function markerLabel(c: CurveResult): string {
  const es = c.earlyStop;
  if (es.case === 'none') return '';
  const where =
    es.case === 'inside' ? '' : es.side === 'after' ? ' (beyond t_{max})' : ' (before t_{min})';
  return `t* ≈ ${t2(es.t)}, E* = ${e3(es.Eg)}${where}`;
}

/**
 * What stopping at t* saves, as the two lines revealed beside the marker when its label is
 * dragged: where training on ends and how much higher that is than E*. Empty unless the minimum
 * lies in the window.
 */
export function gainLines(c: CurveResult): string[] {
  const es = c.earlyStop;
  if (es.case !== 'inside') return [];
  if (c.limit.divergent) return ['training on: E_g grows', 'without bound as t → ∞'];
  return [`training on: ${limitPhrase(c)},`, `${formatNumber(es.gain, 3)}× E* at t*`];
}
