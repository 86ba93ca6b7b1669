// Early stopping over all of training (docs/theory.md §8): t* and E* are the minimum of E_g over
// t ∈ (0, ∞), found on the dynamics scan (which runs until E_g has settled at E_g(∞), far beyond
// the window on screen) and refined between scan points by parabolic steps in log t. Stopping
// pays only when E* is below E_g(∞) by more than GAIN_TOL; where it lies relative to the window
// decides how the figure speaks about it.
import { refineMinimum, resolutionAt, type DynamicsScan } from './dynamics.ts';
import type { EarlyStop, ScanEnd } from '../types.ts';

/** Early stopping "pays" when E* < E_g(∞)·(1 − GAIN_TOL). */
export const GAIN_TOL = 0.005;
/** Relative rise between scan points still counted as round-off (plus the absolute resolution). */
const MONOTONE_TOL = 1e-6;

export function findEarlyStop(scan: DynamicsScan, tmin: number, tmax: number): EarlyStop {
  const { t, Eg, limit, iMin } = scan;
  const n = t.length;
  let monotone = true;
  for (let k = 1; k < n; k++)
    if (Eg[k] > Eg[k - 1] * (1 + MONOTONE_TOL) + resolutionAt(scan, t[k])) monotone = false;
  let ts = t[iMin];
  let Es = Eg[iMin];
  if (iMin > 0 && iMin < n - 1) {
    // Warm-start from the scan's κ at the minimum and its left neighbour.
    scan.ev.seed(t[iMin - 1], t[iMin]);
    const f = (u: number) => Math.max(0, scan.ev.at(Math.exp(u), { train: false }).Eg);
    const r = refineMinimum(
      f,
      Math.log(t[iMin - 1]),
      Math.log(t[iMin]),
      Math.log(t[iMin + 1]),
      Eg[iMin - 1],
      Eg[iMin],
      Eg[iMin + 1],
    );
    ts = Math.exp(r.u);
    Es = r.e;
  }
  const Einf = limit.Eg;
  // The scan's last point is still above the minimum's level by construction when the minimum is
  // interior; a minimum at the last point means E_g was still falling there: the infimum is E(∞).
  // Stopping pays where some time beats E_g(∞) by more than the tolerance and the resolution
  // of the engine at that time.
  // Only a resolved value counts (E_g ≥ 100× the floor, as for slopes: docs/theory.md §8): in an
  // unresolved tail a value below a tiny E_g(∞) is round-off, not a gain.
  let beats = false;
  for (let k = 0; k < n; k++) {
    const res = resolutionAt(scan, t[k]);
    if (Eg[k] >= 100 * res && Eg[k] < Einf * (1 - GAIN_TOL) - res) beats = true;
  }
  const pays = iMin < n - 1 && (limit.divergent || beats);
  const open = openEnd(scan);
  if (!pays) {
    return {
      case: 'none',
      t: Infinity,
      Eg: Einf,
      gain: 1,
      side: null,
      monotone,
      open,
    };
  }
  const inside = ts >= tmin * (1 - 1e-9) && ts <= tmax * (1 + 1e-9);
  return {
    case: inside ? 'inside' : 'beyond',
    t: ts,
    Eg: Es,
    gain: limit.divergent ? Infinity : Einf / Es,
    side: inside ? null : ts > tmax ? 'after' : 'before',
    monotone,
    open,
  };
}

/**
 * The end of a scan that stopped at its cap before E_g settled (docs/theory.md §8): E_g there, its
 * floor, and whether E_g still fell over the last scan step by more than the floors of both values.
 */
function openEnd(scan: DynamicsScan): ScanEnd | null {
  const { t, Eg } = scan;
  const n = t.length;
  if (!scan.endedAtCap || n < 2) return null;
  const floor = resolutionAt(scan, t[n - 1]);
  const falling = Eg[n - 1] < Eg[n - 2] - floor - resolutionAt(scan, t[n - 2]);
  return { t: t[n - 1], Eg: Eg[n - 1], floor, falling };
}
