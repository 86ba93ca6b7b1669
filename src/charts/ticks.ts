// Ticks for logarithmic axes: labelled decades (10⁻², 10⁰, 10³), unlabelled minor ticks, and a
// thinning rule so labels never crowd: a decade is labelled only when labels stay at least
// `minSpacing` pixels apart (every 1st, 2nd, 3rd, 5th, 10th… decade, on exponents divisible by the
// step so that 10⁰ is kept). Domains narrower than two decades get 1-2-5 style labels instead.
import { formatDecade, formatNumber, formatRounded, powerOfTen } from '../format/number.ts';

export interface Tick {
  value: number;
  label: string;
}

export interface LogTicks {
  major: Tick[];
  minor: number[];
}

const STEPS = [1, 2, 3, 4, 5, 10, 20, 25, 50, 100];
const EPS = 1e-9;

/** A tick label on a log axis: "10³" for decades, "2·10⁻²" or "0.3" between them. */
function logTickLabel(v: number): string {
  const e = powerOfTen(v);
  if (e !== null) return formatDecade(e);
  return formatNumber(v, 1);
}

/**
 * Ticks of a log axis over `domain` (positive, either order) drawn over `length` pixels.
 * Labels are at least `minSpacing` pixels apart.
 */
export function logTicks(
  domain: readonly [number, number],
  length: number,
  minSpacing: number,
): LogTicks {
  const lo = Math.log10(Math.min(domain[0], domain[1]));
  const hi = Math.log10(Math.max(domain[0], domain[1]));
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(length > 0))
    return { major: [], minor: [] };
  const span = Math.max(hi - lo, 1e-12);
  const pxPerDecade = length / span;
  const eLo = Math.ceil(lo - EPS);
  const eHi = Math.floor(hi + EPS);
  const nDecades = eHi - eLo + 1;

  // Few, widely spaced decades read better with 1-2-5 labels between them (0.01 0.02 0.05 0.1).
  // Only where every label can be a short decimal: a mix of 10⁻⁴ and 0.2 reads badly.
  const roomy = span < 3.5 && pxPerDecade >= 2.5 * minSpacing && lo >= -3 - EPS && hi < 5;
  if (nDecades >= 2 && !roomy) {
    const step =
      STEPS.find((k) => k * pxPerDecade >= minSpacing) ?? Math.ceil(minSpacing / pxPerDecade);
    const major: Tick[] = [];
    const minor: number[] = [];
    for (let e = eLo; e <= eHi; e++) {
      if (((e % step) + step) % step === 0) major.push({ value: 10 ** e, label: formatDecade(e) });
      else minor.push(10 ** e);
    }
    // With a coarse step, at most one decade may be labelled: label the two ends instead.
    if (major.length < 2) {
      const ends = [eLo, eHi];
      return {
        major: ends.map((e) => ({ value: 10 ** e, label: formatDecade(e) })),
        minor: range(eLo, eHi)
          .filter((e) => e !== eLo && e !== eHi)
          .map((e) => 10 ** e),
      };
    }
    // Minor ticks at 2…9 × 10ᵉ only when a decade is wide enough to show them without a comb.
    if (step === 1 && pxPerDecade >= 36) {
      for (let e = eLo - 1; e <= eHi; e++) {
        for (let m = 2; m <= 9; m++) {
          const v = m * 10 ** e;
          const lv = Math.log10(v);
          if (lv > lo + EPS && lv < hi - EPS) minor.push(v);
        }
      }
    }
    return { major, minor: minor.sort((a, b) => a - b) };
  }

  // Fewer than two decades inside: candidates m·10ᵉ with m = 1, 2, 5 (then 3, then the rest when
  // still fewer than three labels fit), taken greedily as long as they keep their distance.
  const candidates: number[] = [];
  for (let e = Math.floor(lo) - 1; e <= Math.ceil(hi); e++) {
    for (let m = 1; m <= 9; m++) {
      const v = m * 10 ** e;
      const lv = Math.log10(v);
      if (lv >= lo - EPS && lv <= hi + EPS) candidates.push(v);
    }
  }
  const mantissa = (v: number): number => Math.round(v / 10 ** Math.floor(Math.log10(v) + EPS));
  const priority = (v: number): number => {
    const m = mantissa(v);
    return m === 1 ? 0 : m === 2 || m === 5 ? 1 : m === 3 ? 2 : 3;
  };
  const px = (v: number): number => ((Math.log10(v) - lo) / span) * length;
  const chosen: number[] = [];
  for (let p = 0; p <= 3; p++) {
    if (p >= 2 && chosen.length >= 3) break;
    for (const v of candidates) {
      if (priority(v) !== p) continue;
      if (chosen.every((c) => Math.abs(px(c) - px(v)) >= minSpacing)) chosen.push(v);
    }
  }
  chosen.sort((a, b) => a - b);
  if (chosen.length < 2) {
    // A sliver of a decade: label its two ends with three significant digits.
    const ends = [10 ** lo, 10 ** hi];
    return { major: ends.map((v) => ({ value: v, label: formatNumber(v, 3) })), minor: [] };
  }
  // One style per axis: plain decimals ("0.05", "0.1", "20") when they are all short, else 10ᵉ / m·10ᵉ.
  const plain = chosen.every((v) => v >= 1e-3 && v < 1e5);
  return {
    major: chosen.map((v) => ({ value: v, label: plain ? formatRounded(v, 1) : logTickLabel(v) })),
    minor: candidates.filter((v) => !chosen.includes(v)),
  };
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
