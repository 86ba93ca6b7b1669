// The checkers of the one-pass SGD claims (claims/sgd.ts; docs/theory.md §9): each recomputes what
// its sentence asserts through the oracle's SGD paths (sgdVerify.ts: the step-by-step recursion, a
// fresh run at the asked step alone, the edge by bisection, the floor by a run of 10⁷ steps), with
// the tolerance of the precision written (registry.ts near) and the engine's relative accuracy.
import type { Params } from '../model/params.ts';
import { CRITICAL_COST } from '../model/sgd/batch.ts';
import { MUCH, T_START, type SgdLawRow, type SgdLawVerdict } from '../model/sgd/exponents.ts';
import { DIVERGENCE_CAP } from '../model/sgd/propagate.ts';
import type { SgdSweeps } from '../model/sgd/panels.ts';
import { SGD_RELATIVE_ACCURACY } from '../model/sgd/theory.ts';
import type { PowerFit } from '../model/types.ts';
import { checkFitted, quotesParams, readNumber } from './checks.ts';
import type { Oracle } from './oracle.ts';
import { near, problems, type Check } from './registry.ts';

/** The parameters a sentence of this regime quotes besides those of quotesParams. */
const SGD_SYMBOLS: Record<string, keyof Params> = { η: 'eta', B: 'batch', S: 'horizon' };

/** A number as written in these sentences (an optional sign, "·10ⁿ", "∞"). */
const NUM = '(−?(?:∞|10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+|[0-9]+(?:\\.[0-9]+)?(?:·10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)?))';

/**
 * Every "η = v", "B = v", "S = v" (and α, β, N, M, σ², σ₀²) the sentence quotes is the state's
 * value. Only for sentences where each such symbol names the state's own parameter.
 */
export function quotesSgdParams(p: Params): Check {
  const re = new RegExp(`(^|[\\s(,;:])(η|B|S) = ${NUM}`, 'g');
  return (o, self) => [
    ...quotesParams(p)(o, self),
    ...[...self.plain.matchAll(re)].flatMap((m) =>
      problems(near(`${m[2]} quoted`, readNumber(m[3]), p[SGD_SYMBOLS[m[2]]] as number)),
    ),
  ];
}

/** The number written after `label` in the sentence (NaN when absent). */
export function quotedAfter(plain: string, label: string): number {
  const i = plain.indexOf(label);
  if (i < 0) return NaN;
  const m = new RegExp(`^\\s*${NUM}`).exec(plain.slice(i + label.length));
  return m ? readNumber(m[1]) : NaN;
}

/** η_max (and the top mode's and the noise estimate's edges) as quoted, against the bisection. */
export function checkEdge(p: Params, etaMax: number, ratio: number): Check {
  return (o) => {
    const e = o.sgd.edge(p);
    return problems(near('η_max', etaMax, e.etaMax), near('η/η_max', ratio, p.eta / e.etaMax, 2));
  };
}

/** The reasons of the edge as quoted: the top mode's 2B/((B + 1)λ_max) and the noise's 2B/S_λ. */
export function checkEdgeWhy(
  p: Params,
  kind: 'mode' | 'noise',
  mode: number,
  noise: number,
): Check {
  return (o) => {
    const e = o.sgd.edge(p);
    const nearMode =
      Math.abs(Math.log(e.etaMax / e.etaMode)) <= Math.abs(Math.log(e.etaMax / e.etaNoise));
    return problems(
      near('2B/((B + 1)λ_max)', mode, e.etaMode),
      kind === 'noise' && near('2B/S_λ', noise, e.etaNoise),
      (kind === 'mode') !== nearMode && `the edge said to be set by the ${kind}`,
    );
  };
}

/** The run diverges: the rate reaches the edge and E_g has passed the cap at the step quoted. */
export function checkDiverges(p: Params, peak: number, at: number, byMode: boolean): Check {
  return (o) => {
    const e = o.sgd.edge(p);
    const E = o.sgd.Eg(p, at);
    const E0 = o.sgd.Eg(p, 0);
    return problems(
      peak < e.etaMax * (1 - 1e-9) && `peak η ${peak} below η_max ${e.etaMax}`,
      !(E > DIVERGENCE_CAP * E0 * (1 - 1e-6)) && `E_g(${at}) = ${E} has not passed the cap`,
      byMode !== peak >= e.etaMode * (1 - 1e-12) && 'the reason (top mode or noise) is wrong',
    );
  };
}

/** Above the edge at its peak, yet finite at S. */
export function checkPeakAbove(p: Params, peak: number): Check {
  return (o) => {
    const E = o.sgd.Eg(p, p.horizon);
    return problems(
      peak < o.sgd.edge(p).etaMax * (1 - 1e-9) && `peak η ${peak} below η_max`,
      !(E < DIVERGENCE_CAP * o.sgd.Eg(p, 0)) && `E_g(S) = ${E} overflowed`,
    );
  };
}

/** E_g after s steps as quoted (3 digits), against the oracle. */
export function quotesSgdEg(p: Params, s: number, shown: number, digits = 3): Check {
  return (o) => problems(near(`E_g(s = ${s})`, shown, o.sgd.Eg(p, s), digits));
}

/**
 * The noise floor at the rate η as quoted: a run of 10⁷ steps that has settled ends there (to the
 * written precision and 10⁻³), one that has not is still above it; and E_g at S against it.
 */
export function checkFloor(p: Params, eta: number, floor: number, gap: number | null): Check {
  return (o) => {
    const f = o.sgd.floor(p, eta);
    const out = problems(
      f.settled
        ? near('E_g(∞)', floor, f.far, 3, 1e-3 * f.far)
        : !(f.far >= floor * (1 - SGD_RELATIVE_ACCURACY)) &&
            `a run of 10⁷ steps ends at ${f.far}, below the floor ${floor}`,
    );
    if (gap === null) return out;
    const rel = o.sgd.Eg(p, p.horizon) / floor - 1;
    const within = Math.abs(rel) <= 0.01;
    if (within !== Math.abs(gap) <= 0.01) out.push(`E_g(S)/floor − 1 = ${rel}, said ${gap}`);
    else if (!within) out.push(...problems(near('E_g(S)/floor − 1', gap, rel, 2, 1e-4)));
    return out;
  };
}

/**
 * No floor: no gradient noise to carry the label noise (σ² = 0, or B = ∞), and E_g still falls
 * at 10⁷ steps (or has reached the round-off of 0).
 */
export function checkNoFloor(p: Params, eta: number): Check {
  return (o) => {
    const f = o.sgd.floor(p, eta);
    const E0 = o.sgd.Eg(p, 0);
    return problems(
      p.sigma2 !== 0 && p.batch < Infinity && `σ² = ${p.sigma2} at B = ${p.batch}: a noise floor`,
      f.settled && f.far > 1e-12 * E0 && `E_g settles at ${f.far} > 0`,
    );
  };
}

/** SGD's E_g at step s against its η → 0 limit at the same intrinsic time, as a ratio. */
export function checkFlowRatio(p: Params, s: number, t: number, ratio: number): Check {
  return (o) => {
    const ti = o.sgd.intrinsic(p, s);
    return problems(
      near('t = Σ η_s', t, ti, 2),
      near('E_g/limit', ratio, o.sgd.Eg(p, s) / o.sgd.flow(p, ti)),
    );
  };
}

/** A fitted slope of E_g against the steps s, against a direct two-point slope. */
export function checkStepsFit(p: Params, fit: PowerFit): Check {
  return checkFitted(fit, (o, s) => o.sgd.Eg(p, s), 'slope in s');
}

/**
 * An SGD law's verdict (§9.7) recomputed: a gap's reason holds in the state, a quoted law's
 * conditions hold (σ² = 0, constant η below the edge, a decade of room), its branch is the
 * shallower term and its value is its formula at α, β; the numbers of the condition as quoted.
 */
export function checkSgdLaw(v: SgdLawVerdict, p: Params, formula: string): Check {
  return (o) => {
    const edge = o.sgd.edge(p).etaMax;
    const sLo = T_START / p.eta;
    const size = Math.min(p.N, p.M);
    const sHi = Number.isFinite(size) ? (size / MUCH) ** p.alpha / p.eta : Infinity;
    const out = problems(near('η_max', v.facts.etaMax, edge, 6));
    const gapHolds: Record<NonNullable<SgdLawVerdict['gap']>, boolean> = {
      'label-noise': p.sigma2 > 0,
      unstable: p.eta >= edge * (1 - 1e-9),
      schedule: p.schedule !== 'constant',
      'full-batch': !(p.batch < Infinity),
      'no-room': sHi < MUCH * sLo,
    };
    if (v.gap) return [...out, ...problems(!gapHolds[v.gap] && `gap ${v.gap} does not hold`)];
    const noise = p.batch < Infinity && p.beta > 2 * p.alpha;
    return [
      ...out,
      ...problems(
        Object.entries(gapHolds)
          .filter(([k, h]) => h && !(k === 'full-batch' && v.row === 's'))
          .map(([k]) => `law quoted though ${k} holds`)[0],
        (v.branch === 'noise') !== noise && `branch ${v.branch}`,
        formula && near(`law ${formula}`, v.value, o.formula(formula, p.alpha, p.beta), 6),
        near('s_lo', v.facts.sLo, sLo, 6),
        Number.isFinite(sHi) && near('s_hi', v.facts.sHi, sHi, 6),
      ),
    ];
  };
}

/** Each schedule's E_g at S recomputed; the one said lowest is; the differences as quoted. */
export function checkSchedules(s: SgdSweeps, p: Params): Check {
  return (o) => {
    const E = s.schedules.map((r) => o.sgd.Eg({ ...p, schedule: r.schedule }, p.horizon));
    const best = E[0];
    return s.schedules.flatMap((r, i) =>
      problems(
        Number.isFinite(r.Eg) && near(`E_g(S), ${r.schedule}`, r.Eg, E[i], 3),
        !Number.isFinite(r.Eg) && E[i] < DIVERGENCE_CAP && `${r.schedule} said to diverge`,
        i > 0 &&
          E[i] < best * (1 - 2 * SGD_RELATIVE_ACCURACY) &&
          `${r.schedule} ends below ${s.schedules[0].schedule}`,
      ),
    );
  };
}

/** Where the η sweep's best point lies: inside its range, or at one of its ends. */
export function etaOptimumAt(e: SgdSweeps['eta']): 'inside' | 'top' | 'bottom' {
  // The golden section stops within 10⁻⁴ in log η of an end of its bracket.
  const n = e.eta.length;
  if (e.etaOpt >= e.eta[n - 1] * (1 - 1e-3)) return 'top';
  if (e.etaOpt <= e.eta[0] * (1 + 1e-3)) return 'bottom';
  return 'inside';
}

/** Whether some rate of the η sweep diverges within its steps (a warm-up longer than S: none). */
export function etaSweepDiverges(e: SgdSweeps['eta']): boolean {
  return e.Eg.some((x) => !Number.isFinite(x));
}

/** E_g at a sweep's point: B at fixed steps, B at fixed samples (n/B steps), η at fixed steps. */
function sweepError(s: SgdSweeps, row: 'B-steps' | 'B-samples' | 'eta-steps') {
  const p = s.params;
  return (o: Oracle, x: number): number =>
    row === 'B-steps'
      ? o.sgd.after({ ...p, batch: x }, s.batch.steps)
      : row === 'B-samples'
        ? o.sgd.after({ ...p, batch: x }, s.batch.samples / x)
        : o.sgd.after({ ...p, eta: x }, s.eta.steps);
}

/** A fitted slope of an exponent-table row against a direct two-point slope by the oracle. */
export function checkRowFit(row: SgdLawRow, fit: PowerFit, p: Params, s: SgdSweeps | null): Check {
  if (row === 's') return checkStepsFit(p, fit);
  if (!s) return () => ['a sweep fit shown without its sweeps'];
  return checkSignedFit(fit, sweepError(s, row), `in ${row}`);
}

/** The batch panel's fits: E_g against B at fixed steps and at fixed samples (n/B steps). */
export function checkBatchFits(s: SgdSweeps): Check {
  const p = s.params;
  const { steps, samples, fitSteps, fitSamples } = s.batch;
  const checks: Check[] = [];
  if (fitSteps) checks.push(checkSignedFit(fitSteps, sweepError(s, 'B-steps'), 'in B'));
  if (fitSamples) checks.push(checkSignedFit(fitSamples, sweepError(s, 'B-samples'), 'in B'));
  return (o, self) => [
    ...problems(
      steps !== p.horizon && `fixed steps ${steps}, S = ${p.horizon}`,
      samples !== (Number.isFinite(p.batch) ? p.batch : 1) * p.horizon && `samples ${samples}`,
    ),
    ...checks.flatMap((c) => c(o, self)),
  ];
}

/** A fitted slope of either sign: at least a decade, within 0.05 of the direct two-point slope. */
function checkSignedFit(
  fit: PowerFit,
  error: (o: Oracle, x: number) => number,
  what: string,
): Check {
  return (o) => {
    const direct =
      Math.log(error(o, fit.xmax) / error(o, fit.xmin)) / Math.log(fit.xmax / fit.xmin);
    return problems(
      Math.log10(fit.xmax / fit.xmin) < 1 - 1e-9 && `${what}: fit window less than a decade`,
      !(Math.abs(direct - fit.slope) <= 0.05) &&
        `${what}: fitted slope ${fit.slope}, direct two-point slope ${direct}`,
    );
  };
}

/**
 * The critical batch: doubling it at fixed samples costs more than CRITICAL_COST, doubling a batch
 * 2 % below it less (the bisection's 1 %); the ratio as quoted. None in range: doubling costs less
 * at every doubling up to the largest batch. At the smallest stable batch: it is the smallest
 * stable one and doubling it already costs more.
 */
export function checkCritical(s: SgdSweeps): Check {
  const c = s.critical;
  const p = s.params;
  return (o) => {
    const E = (b: number) => o.sgd.after({ ...p, batch: b }, c.samples / b);
    const cost = (b: number) => E(2 * b) / E(b) - 1;
    if (!Number.isFinite(c.B)) {
      const out: string[] = [];
      for (let b = c.Bmin, i = 0; 2 * b <= s.batch.B[s.batch.B.length - 1] && i < 14; b *= 2, i++)
        if (cost(b) >= CRITICAL_COST) out.push(`doubling B = ${b} costs ${cost(b)}`);
      return out.slice(0, 1);
    }
    const at = cost(c.B);
    const out = problems(
      !(at >= CRITICAL_COST * (1 - 1e-6)) && `doubling B_crit = ${c.B} costs ${at}`,
      near('E_g(2B)/E_g(B)', c.ratio, 1 + at),
    );
    if (c.B <= c.Bmin * 1.0011) {
      const stable = o.sgd.edge({ ...p, batch: c.Bmin }).etaMax > p.eta;
      return [...out, ...problems(!stable && `B = ${c.Bmin} is not stable at η = ${p.eta}`)];
    }
    const below = cost(c.B / 1.02);
    return [
      ...out,
      ...problems(below >= CRITICAL_COST && `doubling B = ${c.B / 1.02} already costs ${below}`),
    ];
  };
}

/**
 * The η panel: E_g after S steps at η* as quoted and no lower 5 % either side of it, η_max by
 * bisection, the current η's place against the optimum, the falling branch's fit.
 */
export function checkEtaPanel(s: SgdSweeps): Check {
  const e = s.eta;
  const p = s.params;
  const fit = e.fit;
  const fitCheck = fit ? checkFitted(fit, sweepError(s, 'eta-steps'), 'in η') : null;
  return (o, self) => {
    const E = (eta: number) => o.sgd.after({ ...p, eta }, e.steps);
    const opt = E(e.etaOpt);
    const cur = E(p.eta);
    // Inside the range both neighbours 5 % away are higher; at an end, the one inside it is.
    const at = etaOptimumAt(e);
    const side = Math.min(
      at === 'top' ? Infinity : E(e.etaOpt * 1.05),
      at === 'bottom' ? Infinity : E(e.etaOpt / 1.05),
    );
    const rel = cur / e.Eopt - 1;
    return [
      ...problems(
        near('E_g(η*)', e.Eopt, opt),
        side < opt * (1 - 1e-3) && `E_g is lower 5 % away from η* (${side} < ${opt})`,
        near('η_max', e.etaMax, o.sgd.edge(p).etaMax),
        Number.isFinite(s.current.Eg) && near('E_g(S) at the current η', s.current.Eg, cur),
        !Number.isFinite(s.current.Eg) && cur < DIVERGENCE_CAP && 'the current η said to diverge',
        Number.isFinite(cur) && rel < -1e-3 && `the current η ends below the optimum (${rel})`,
      ),
      ...(fitCheck ? fitCheck(o, self) : []),
    ];
  };
}

/** The frontier's predicted exponents from (α, β, B): a the steps law, b = min(β − 1, α). */
export function checkFrontierLaw(
  predicted: { L: number; N: number; a: number; b: number },
  p: Params,
): Check {
  return (o) => {
    const a = -o.formula('−min((β−1)/α, 2 − 1/α)', p.alpha, p.beta);
    const aUsed = p.batch < Infinity && p.beta > 2 * p.alpha ? a : (p.beta - 1) / p.alpha;
    const b = Math.min(p.beta - 1, p.alpha);
    return problems(
      near('a', predicted.a, aUsed, 6),
      near('b', predicted.b, b, 6),
      near('L*', predicted.L, -(aUsed * b) / (aUsed + b), 6),
      near('N*', predicted.N, aUsed / (aUsed + b), 6),
    );
  };
}
