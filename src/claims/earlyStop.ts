// What happens over the whole of training, in one sentence per case of model/theory/earlyStop.ts:
// a minimum inside the window, a minimum outside it, no early-stopping gain, or (a scan that ended
// at its cap before E_g settled) not known beyond the scan. The caption, the marker's label, the
// bottleneck box and the lessons all use these words (docs/theory.md §8).
import type { CurveResult, LimitResult, ScanEnd } from '../model/types.ts';
import { GAIN_TOL } from '../model/theory/earlyStop.ts';
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

/**
 * Where a scan that did not settle ended (docs/theory.md §8): "E_g is still falling at t = 10¹²,
 * where it is 3.15·10⁻⁵; not scanned beyond". Null when the scan settled.
 */
export function openPhrase(c: CurveResult): string | null {
  const end = c.earlyStop.open;
  if (!end) return null;
  const at = `t = ${formatParam(end.t)}`;
  const value =
    end.Eg < end.floor
      ? `below the engine’s resolution (≈ ${formatNumber(end.floor, 2)})`
      : e3(end.Eg);
  return `E_g ${end.falling ? 'is still falling' : 'has not settled'} at ${at}, where it is ${value}; not scanned beyond`;
}

/**
 * An unsettled scan that ends below E_g(∞) by more than GAIN_TOL and its floor: stopping there
 * beats training on, so the minimum over all t lies at or after the scan's end.
 */
export function belowLimitAtEnd(
  end: ScanEnd,
  limit: Pick<LimitResult, 'Eg' | 'divergent'>,
): boolean {
  const below = limit.divergent || end.Eg < limit.Eg * (1 - GAIN_TOL) - end.floor;
  return end.falling && end.Eg >= end.floor && below;
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
      const open = openPhrase(c);
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
      // The scan found no minimum up to its end, and looked no further: nothing is said of a gain.
      if (open)
        return belowLimitAtEnd(c.earlyStop.open!, c.limit)
          ? `${open}. It is already below ${limitPhrase(c)}: its minimum lies at t ≥ ${formatParam(c.earlyStop.open!.t)}.${tail}`
          : `${open}, so whether early stopping pays is not known (${limitPhrase(c)}).${tail}`;
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
