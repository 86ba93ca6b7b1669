// Checkers shared by many claims, each recomputing one kind of assertion from the engine by a path
// of its own (the Oracle), as the truth suite does (docs/theory.md §8): early stopping against a
// brute-force minimum, a fitted slope against a direct two-point slope, a law against its
// displayed formula, a quoted error against a fresh evaluation, the parameters quoted in a
// sentence against the state.
import { effectiveParams, type Params } from '../model/params.ts';
import { SCAN_CAP, SCAN_PER_DECADE, SETTLE_TOL } from '../model/theory/dynamics.ts';
import { GAIN_TOL } from '../model/theory/earlyStop.ts';
import { limitBelowFloor } from '../model/theory/limits.ts';
import type { LawVerdict } from '../model/theory/laws.ts';
import type { CurveResult, LimitResult, PowerFit, ScanEnd, SweepAt } from '../model/types.ts';
import { belowLimitAtEnd } from './earlyStop.ts';
import type { Oracle } from './oracle.ts';
import { near, problems, type Check } from './registry.ts';

/** A direct slope of E_g(t) over [lo, hi] is within this of a fitted one (the truth suite's 0.05). */
export const SLOPE_TOL = 0.05;

/** E_g(t) as quoted (3 significant digits unless said), against a fresh evaluation. */
export function quotesEg(p: Params, t: number, shown: number, digits = 3): Check {
  return (o) =>
    problems(near(`E_g(${t})`, shown, o.Eg(p, t), digits, o.resolution(p, Math.min(t, 1e12))));
}

/** E_g(∞) as quoted (∞ when it diverges). */
export function quotesLimit(p: Params, shown: number, digits = 3): Check {
  return (o) => {
    const l = o.limit(p);
    if (!Number.isFinite(shown)) return l.divergent ? [] : [`E_g(∞) shown ∞, recomputed ${l.Eg}`];
    // Said to be 0 up to round-off: the recomputed limit must lie below its floor (§5.8).
    if (limitBelowFloor({ Eg: shown, floor: l.floor, divergent: false }))
      return problems(
        !(l.Eg < l.floor) && `E_g(∞) said below the floor ${l.floor}, recomputed ${l.Eg}`,
      );
    return problems(
      l.divergent && `E_g(∞) shown ${shown}, but it diverges`,
      near('E_g(∞)', shown, l.Eg, digits, l.floor),
    );
  };
}

/**
 * What early stopping is said to be over the whole of training: t*, E* against the brute-force
 * minimum; "pays" only where some time beats E_g(∞) beyond the tolerance and the resolution; the
 * case (in the window or not) against the window.
 */
export function checkEarlyStop(c: CurveResult): Check {
  const es = c.earlyStop;
  const p = c.params;
  return (o, self) => {
    const m = o.minimum(p);
    const l = o.limit(p);
    const floor = o.resolution(p, m.t);
    // A minimum below 100× the floor is round-off, not a gain (earlyStop.ts, docs/theory.md §8).
    const resolved = m.E >= 100 * floor;
    const pays = l.divergent || (resolved && m.E < l.Eg * (1 - GAIN_TOL) - floor);
    // "No gain (within GAIN_TOL)" is contradicted by a gain clearly beyond it: the brute-force
    // minimum and the engine's scan locate a shallow minimum to a tenth of the tolerance.
    const clearlyPays = l.divergent || (resolved && m.E < l.Eg * (1 - 1.1 * GAIN_TOL) - floor);
    if (es.case === 'none' && es.open)
      return [
        ...checkOpenEnd(p, es.open, c.limit)(o, self),
        // Not known beyond the scan's end, but a gain before it would have been found.
        ...problems(
          clearlyPays &&
            m.t < es.open.t * 10 ** (-1 / SCAN_PER_DECADE) &&
            `"not known", but E(${m.t}) = ${m.E} < E_g(∞) = ${l.Eg} before the scan's end`,
        ),
      ];
    if (es.case === 'none')
      return clearlyPays ? [`"no gain", but E(${m.t}) = ${m.E} < E_g(∞) = ${l.Eg}`] : [];
    const out = problems(
      !pays && `stopping said to pay, but the minimum ${m.E} is not below E_g(∞) ${l.Eg}`,
      Math.abs(es.Eg - m.E) > 0.01 * m.E + floor && `E* ${es.Eg}, brute-force minimum ${m.E}`,
    );
    const flat = Math.abs(o.Eg(p, es.t) - m.E) <= Math.max(1e-6 * m.E, floor);
    // t* is written with 2 significant digits: a minimum that flat is only located that well.
    if (!flat && near('t*', es.t, m.t, 2) !== null) out.push(`t* ${es.t}, brute force ${m.t}`);
    const inside = es.t >= c.window.tmin * (1 - 1e-9) && es.t <= c.window.tmax * (1 + 1e-9);
    if ((es.case === 'inside') !== inside) out.push(`t* ${es.t} said ${es.case} the window`);
    if (Number.isFinite(es.gain) && !l.divergent)
      out.push(...problems(near('gain E_g(∞)/E*', es.gain, l.Eg / m.E, 3, 1e-6)));
    return out;
  };
}

/**
 * Where a scan is said to have ended unsettled (docs/theory.md §8): E_g there as quoted, not
 * within SETTLE_TOL (and the floor) of E_g(∞), and, when said to be still falling, lower there
 * than one scan step earlier by more than the floors of both values.
 */
export function checkOpenEnd(
  p: Params,
  end: ScanEnd,
  shown: Pick<LimitResult, 'Eg' | 'divergent'>,
): Check {
  // The scan's last time is the cap up to round-off in its geometric steps.
  const t = Math.min(end.t, SCAN_CAP);
  return (o) => {
    const E = o.Eg(p, t);
    const floor = o.resolution(p, t);
    const l = o.limit(p);
    const tBefore = t * 10 ** (-1 / SCAN_PER_DECADE);
    const before = o.Eg(p, tBefore);
    const quoted = end.Eg < end.floor ? null : near(`E_g(${t})`, end.Eg, E, 3, floor);
    // "Already below E_g(∞)" (or not said), recomputed from the fresh values.
    const said = belowLimitAtEnd(end, shown);
    const again = belowLimitAtEnd({ ...end, Eg: E, floor }, l);
    return problems(
      quoted,
      said !== again &&
        Math.abs(E - l.Eg * (1 - GAIN_TOL)) > floor + 1e-3 * E &&
        `said ${said ? '' : 'not '}below E_g(∞) = ${l.Eg} at t = ${t}, where E_g = ${E}`,
      !l.divergent &&
        Math.abs(E - l.Eg) <= SETTLE_TOL * l.Eg + floor &&
        `said unsettled at t = ${t}, but E_g = ${E} is within 1 % of E_g(∞) = ${l.Eg}`,
      end.falling &&
        !(E < before - floor - o.resolution(p, tBefore)) &&
        `said still falling at t = ${t}, but E_g(${tBefore}) = ${before}, E_g(${t}) = ${E}`,
    );
  };
}

/**
 * A fitted power law of E_g over [xmin, xmax] of `variable`: at least a decade, falling, and its
 * slope within SLOPE_TOL of the direct two-point slope of `error` (E_g at x, by the oracle).
 */
export function checkFitted(
  fit: PowerFit,
  error: (o: Oracle, x: number) => number,
  what: string,
): Check {
  return (o) => {
    const lo = error(o, fit.xmin);
    const hi = error(o, fit.xmax);
    const direct = Math.log(hi / lo) / Math.log(fit.xmax / fit.xmin);
    return problems(
      Math.log10(fit.xmax / fit.xmin) < 1 - 1e-9 && `${what}: fit window less than a decade`,
      !(direct < 0) && `${what}: E_g does not fall over the fit window (direct slope ${direct})`,
      Math.abs(direct - fit.slope) > SLOPE_TOL &&
        `${what}: fitted slope ${fit.slope}, direct two-point slope ${direct}`,
    );
  };
}

/** The time slope of a curve over its fit window. */
export function checkFitT(p: Params, fit: PowerFit): Check {
  return checkFitted(fit, (o, t) => o.Eg(p, t), 'slope in t');
}

/** A sweep's slope over its fit window (E_g where the panel evaluates it). */
export function checkFitSweep(
  p: Params,
  axis: 'P' | 'N',
  at: SweepAt,
  tAt: number,
  fit: PowerFit,
): Check {
  return checkFitted(fit, (o, x) => o.sweepError({ ...p, [axis]: x }, at, tAt), `slope in ${axis}`);
}

/**
 * A predicted exponent: the formula shown, evaluated at the state's (effective) α, β, gives the
 * value shown; n/a has no value.
 */
export function checkLawValue(v: LawVerdict, formula: string, p: Params): Check {
  return (o) => {
    if (!v.law) return problems(Number.isFinite(v.value) && `n/a with a value ${v.value}`);
    const e = o.effective(p);
    const value = o.formula(formula, e.alpha, e.beta);
    return problems(near(`law ${formula}`, v.value, value, 6));
  };
}

const SYMBOLS: Record<string, keyof Params> = {
  α: 'alpha',
  β: 'beta',
  P: 'P',
  N: 'N',
  M: 'M',
  'σ²': 'sigma2',
  γ: 'gamma',
  T: 'T',
  'σ₀²': 'sigma02',
};

const SUP: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
};

/** A number as the app writes it ("4.1·10²", "10⁻³", "∞", "−0.5") read back. */
export function readNumber(s: string): number {
  const t = s.trim().replace(/−/g, '-');
  if (t === '∞') return Infinity;
  const sci = /^(-?[0-9.]+)·10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)$/.exec(t);
  if (sci) return Number(sci[1]) * 10 ** Number([...sci[2]].map((c) => SUP[c]).join(''));
  const dec = /^(-?)10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)$/.exec(t);
  if (dec) return (dec[1] ? -1 : 1) * 10 ** Number([...dec[2]].map((c) => SUP[c]).join(''));
  return Number(t);
}

/**
 * The precision a number is written with, in significant digits: those of its mantissa ("1.42":
 * 3), at least 3 (a whole number or a power of ten is written exactly: "400", "10⁶").
 */
function digitsOf(written: string): number {
  const mantissa = written
    .split('·')[0]
    .replace(/[^0-9]/g, '')
    .replace(/^0+/, '');
  return Math.max(3, mantissa.length);
}

/** "α = 1.5, …" triples of a sentence (symbol, value, significant digits): every parameter it quotes, read back. */
export function quotedParams(plain: string): [keyof Params, number, number][] {
  const out: [keyof Params, number, number][] = [];
  const re =
    /(^|[\s(,;])(α|β|P|N|M|σ²|γ|T|σ₀²) = (−?(?:∞|10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+|[0-9]+(?:\.[0-9]+)?(?:·10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)?))/g;
  for (const m of plain.matchAll(re)) out.push([SYMBOLS[m[2]], readNumber(m[3]), digitsOf(m[3])]);
  return out;
}

/**
 * Every "symbol = value" a sentence quotes is the state's value (the engine's effective one:
 * measured data quote their fitted α, β and rank M), to the precision it is written with.
 */
export function quotesParams(p: Params): Check {
  return (o, self) => {
    const quoted = quotedParams(self.plain);
    // The spectrum's values (α, β, M) from the engine; the rest need no spectrum (a file not
    // loaded has none, and its words then quote none of them).
    const spectral = quoted.some(([k]) => SPECTRAL.includes(k));
    const e = spectral ? o.effective(p) : effectiveParams(p);
    return quoted.flatMap(([k, v, digits]) =>
      problems(near(`${k} quoted`, v, e[k] as number, digits)),
    );
  };
}

/** The parameters a measured spectrum sets (the engine reads them off the data). */
const SPECTRAL: readonly (keyof Params)[] = ['alpha', 'beta', 'M'];

/** Several checks in one. */
export function all(...checks: Check[]): Check {
  return (o, self) => checks.flatMap((c) => c(o, self));
}
