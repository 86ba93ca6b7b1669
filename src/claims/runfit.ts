// The words of the Fit my runs panel (docs/theory.md §10): every sentence is made from the one fit
// result (RunFitResult) it describes: the estimates and their profile-likelihood and bootstrap
// intervals, the linear parameters, the ridge warning by the fit's own rule (model/runfit/
// region.ts ridgeWarning), the hold-out against the plain power law, and the extrapolation.
import { formatNumber } from '../format/number.ts';
import { claim, DEFINITION, verbatimClaim, type Claim } from './registry.ts';
import { quotesParams, readNumber } from './checks.ts';
import { REGIME } from '../model/regimes.ts';
import type { Params } from '../model/params.ts';
import {
  FIT_AXIS_SPECS,
  powerLawValue,
  type Estimate,
  type FitCurve,
  type FitProgress,
  type FitStage,
  type HoldoutResult,
  type RidgeWarning,
  type RunFitOptions,
  type RunFitResult,
} from '../model/runfit/index.ts';
import { MISFIT } from '../model/runfit/fitRuns.ts';
import { RIDGE_ELONGATION, RIDGE_LENGTH, ridgeWarning } from '../model/runfit/region.ts';
import { LAW_FORMULA, LAW_NAME } from './laws.ts';

const f3 = (x: number) => formatNumber(x, 3);
const range = ([lo, hi]: readonly [number, number]) => `${f3(lo)} … ${f3(hi)}`;

/** ln-error e as a relative error in per cent (e ≈ relative for small e). */
export function percentOfLog(e: number): string {
  return `${formatNumber(100 * Math.expm1(Math.abs(e)), 2)} %`;
}

/**
 * "α = 1.52; 68 %: 1.48 … 1.57, 95 %: 1.41 … 1.63 (profile likelihood)"; `lead` replaces "α ="
 * where "α = …" would read as the app's own parameter (an export's footer quotes the state's).
 */
export function estimateText(symbol: 'α' | 'β', e: Estimate, lead = `${symbol} =`): string {
  return `${lead} ${f3(e.value)}; 68 %: ${range(e.ci68)}, 95 %: ${range(e.ci95)} (profile likelihood)`;
}

/** The bootstrap over runs of one exponent, or why there is none. */
export function bootstrapText(symbol: 'α' | 'β', r: RunFitResult): string {
  const b = r.bootstrap;
  if (!b) return `${symbol}: no bootstrap (${r.bootstrapSkipped ?? 'not asked for'})`;
  const ci = symbol === 'α' ? b.alphaCi : b.betaCi;
  return `${symbol}: bootstrap over runs (${b.B} resamples): 68 %: ${range(ci.ci68)}, 95 %: ${range(ci.ci95)}`;
}

/** The bootstrap's agreement with the profile region. */
export function bootstrapAgreement(r: RunFitResult): string | null {
  const b = r.bootstrap;
  if (!b) return null;
  return `${b.outside} of ${b.B} bootstrap resamples have their best (α, β) outside the 95 % profile region.`;
}

/** σ², the scale c, the floor L₀ and the unit conversion s, each fitted or fixed. */
export function linearLines(r: RunFitResult, o: RunFitOptions): string[] {
  const how = (fixed: number | undefined) => (fixed === undefined ? 'fitted' : 'fixed');
  const spec = FIT_AXIS_SPECS[r.axis];
  return [
    `σ² = ${f3(r.sigma2)} (label noise relative to the target's power, ${how(o.sigma2)})`,
    `scale c = ${f3(r.scale)} (the target's power, in loss units, fitted)`,
    `floor L₀ = ${f3(r.floor)} (irreducible loss, ${how(o.floor)})`,
    `${r.regime === 'sgd' ? 'theory steps' : spec.theory.split(',')[0]} = ${f3(r.xScale)} × ${spec.label} (the unit conversion s, fitted)`,
  ];
}

/** The ridge warning in plain words (the fit's rule: model/runfit/region.ts ridgeWarning). */
export function ridgeText(w: RidgeWarning): string {
  const spans = `along the 95 % region α runs over ${range(w.alpha)} and β over ${range(w.beta)}`;
  const head =
    w.kind === 'ridge'
      ? `α and β cannot be told apart with these runs: ${spans} together, a ridge ${formatNumber(w.length / Math.max(w.width, 1e-9), 2)} times longer than wide`
      : `These runs fix α and β only loosely: ${spans}`;
  const fixed = w.determined.length
    ? ` What the runs do fix: ${w.determined
        .map(
          (d) =>
            `the ${LAW_NAME[d.law]} exponent ${LAW_FORMULA[d.law]} = ${formatNumber(d.value, 3)} (± ${formatNumber(d.spread / 2, 2)})`,
        )
        .join('; ')}.`
    : '';
  const open = w.open
    ? ' The region reaches the edge of the phase diagram’s box and continues beyond it.'
    : '';
  const rule = ` (Warning rule: the 95 % region is longer than ${RIDGE_LENGTH} of the phase diagram’s box${w.kind === 'ridge' ? ` and ${RIDGE_ELONGATION} times longer than wide` : ''}.)`;
  return `${head}.${fixed}${open} Runs that differ in P or N, or cover more decades of x, separate them.${rule}`;
}

const better = (theory: number, power: number) =>
  theory < 0.9 * power
    ? 'the theory predicted the held-out points better'
    : power < 0.9 * theory
      ? 'the plain power law predicted the held-out points better'
      : 'the two predicted the held-out points about equally well';

/** The hold-out check against the plain power law on the same points. */
export function holdoutText(h: HoldoutResult, axisLabel: string): string {
  const t = h.theory;
  const p = h.powerlaw;
  return (
    `Hold-out: fitted on ${axisLabel} ≤ ${f3(h.split)} (${h.nFit} points), predicted the other ${h.nHeld}. ` +
    `Theory: error ${percentOfLog(t.rms)} RMS (largest ${percentOfLog(t.max)}); ` +
    `plain power law L₀ + A·x^{−a} per run: ${percentOfLog(p.rms)} RMS (largest ${percentOfLog(p.max)}). ` +
    `On these runs ${better(t.rms, p.rms)}.`
  );
}

/** The extrapolated end of one fitted curve: the loss at its last x with the 68 % and 95 % bands. */
export function extrapolationText(c: FitCurve, axisLabel: string, several: boolean): string {
  const i = c.x.length - 1;
  const who = several ? ` (runs ${c.runs.join(', ')})` : '';
  return (
    `At ${axisLabel} = ${f3(c.x[i])}${who}, ${formatNumber(c.x[i] / c.xData, 2)} × the largest measured: ` +
    `loss ${f3(c.loss[i])}; 68 %: ${f3(c.lo68[i])} … ${f3(c.hi68[i])}, 95 %: ${f3(c.lo[i])} … ${f3(c.hi[i])}.`
  );
}

/** "Gradient flow" → "gradient flow", "One-pass SGD" → "one-pass SGD" (acronyms kept). */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** How closely the curves follow the data. */
export function qualityText(r: RunFitResult): string {
  const q = r.quality;
  const base = `${q.n} points fitted in ${lowerFirst(REGIME[r.regime].label)}; residuals ${percentOfLog(q.rms)} RMS, point-to-point noise of the data ${percentOfLog(q.tau0)}.`;
  return q.misfit
    ? `${base} The theory's curves do not follow these runs closely (residuals ${formatNumber(q.rms / q.tau0, 2)} times the noise): the intervals are widened for it.`
    : base;
}

export const STAGE_LABEL: Record<FitStage, string> = {
  grid: 'coarse grid over (α, β)',
  refine: 'refining the best fit',
  region: 'tracing the 68 % and 95 % regions',
  bootstrap: 'bootstrap over runs',
  holdout: 'hold-out check',
  curves: 'fitted curves and bands',
};

export function progressText(p: FitProgress | null): string {
  if (!p) return 'Fitting: reading the runs…';
  return `Fitting: ${STAGE_LABEL[p.stage]} (${Math.round(100 * p.fraction)} %)…`;
}

/** What "Open as app state" did, and what the link does not carry. */
export function openedText(p: Params): string {
  return (
    `The app now shows the fitted state: α = ${f3(p.alpha)}, β = ${f3(p.beta)}, σ² = ${f3(p.sigma2)}. ` +
    'Its link carries these parameters; the runs file is not in the link (share the file beside it).'
  );
}

/** The heading of the fit's figure. */
export function runFitHeading(r: RunFitResult | null, source: string): string {
  if (!r) return 'Your runs';
  const n = r.runs.length;
  return `${source}: ${n} run${n === 1 ? '' : 's'}, loss against ${FIT_AXIS_SPECS[r.axis].label}`;
}

/** The overlay's note as a claim: the fit's own numbers (the fit result is its one source). */
export function phaseRegionClaim(r: RunFitResult, source: string): Claim {
  return claim('phase.fit-region', phaseRegionNote(r, source), { params: {} }, DEFINITION);
}

/** The phase diagram's note on the overlay: what the regions are and where the best fit lies. */
export function phaseRegionNote(r: RunFitResult, source: string): string {
  const open = r.region.polygons.some((p) => p.dof === 2 && p.open)
    ? ' The 95 % region continues beyond the box.'
    : '';
  return (
    `Your runs (${source}): the cross is the best fit α = ${f3(r.alpha.value)}, β = ${f3(r.beta.value)}; ` +
    `the shaded regions hold the true (α, β) with 68 % (inner) and 95 % (outer, dashed) confidence (profile likelihood).${open}` +
    (r.ridge ? ` ${r.ridge.kind === 'ridge' ? 'A ridge' : 'A wide region'}: see Fit my runs.` : '')
  );
}

/** The phase diagram's footer line for the overlay of a fit. */
export function phaseFigureNote(r: RunFitResult): string {
  return `your runs: best fit (α, β) = (${f3(r.alpha.value)}, ${f3(r.beta.value)}), 68 % and 95 % regions drawn`;
}

// ---------------------------------------------------------------------------------------------
// The panel's sentences as claims of the registry (data-claim on the page). A fit's claims are
// about the fit result, not the app's parameters (state: no parameters); their checkers read the
// numbers back from the text and recompute them from the result's own data by another path (the
// residuals from the runs and the fitted loss, the bootstrap percentiles from its samples, the
// hold-out errors from the held-out points, the ridge rule from the 95 % region's polygon).

/** Every number a sentence writes ("1.52", "4.1·10²", "10³", "−0.500"), read back in order. */
export function numbersIn(plain: string): { value: number; digits: number }[] {
  const re = /−?(?:[0-9]+(?:\.[0-9]+)?·10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+|10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+|[0-9]+(?:\.[0-9]+)?)/g;
  const out: { value: number; digits: number }[] = [];
  for (const m of plain.matchAll(re)) {
    // A digit inside a word (L₀'s subscript is not a digit; "x2" would be) is not a number.
    const before = m.index > 0 ? plain[m.index - 1] : ' ';
    if (/[A-Za-z]/.test(before)) continue;
    const mantissa = m[0]
      .split('·')[0]
      .replace(/[^0-9]/g, '')
      .replace(/^0+/, '');
    out.push({ value: readNumber(m[0]), digits: Math.max(1, mantissa.length) });
  }
  return out;
}

/** What is wrong with a sentence's numbers against the expected ones (to the precision written). */
function quotes(plain: string, expected: readonly number[]): string[] {
  // The coverages named ("68 %:", "the 95 % profile region") are words, not results.
  const got = numbersIn(plain.replace(/(68|95) %(:| profile)/g, ''));
  if (got.length !== expected.length)
    return [`writes ${got.length} numbers, ${expected.length} expected (${expected.join(', ')})`];
  const out: string[] = [];
  got.forEach((g, i) => {
    const e = expected[i];
    // Half a unit in the last written digit (at least 2 significant digits), and a little more.
    const tol = 0.6 * Math.abs(e) * 10 ** (1 - Math.max(2, g.digits)) + 1e-12;
    if (!(Math.abs(g.value - e) <= tol || (g.value === e && !Number.isFinite(e))))
      out.push(`writes ${g.value} where the fit has ${e}`);
  });
  return out;
}

/** Per cent of an ln error as written ("5.0 %" → 5.0). */
const pct = (e: number) => 100 * Math.expm1(Math.abs(e));

/** Problems if the condition fails. */
const need = (ok: boolean, what: string): string[] => (ok ? [] : [what]);

const NO_STATE = { params: {} };

function estimateClaim(id: string, symbol: 'α' | 'β', e: Estimate): Claim {
  return claim(id, estimateText(symbol, e), NO_STATE, (_o, self) => [
    ...quotes(self.plain, [e.value, ...e.ci68, ...e.ci95]),
    ...need(
      e.ci95[0] <= e.ci68[0] &&
        e.ci68[0] <= e.value &&
        e.value <= e.ci68[1] &&
        e.ci68[1] <= e.ci95[1],
      'the estimate is not inside its 68 % interval inside its 95 % interval',
    ),
  ]);
}

/** Percentiles of the bootstrap samples, recomputed by sorting (not the fit's summary). */
function percentiles(v: Float64Array, qs: readonly number[]): number[] {
  const s = Array.from(v).sort((a, b) => a - b);
  return qs.map((q) => {
    const h = (s.length - 1) * q;
    const i = Math.floor(h);
    return i + 1 < s.length ? s[i] + (h - i) * (s[i + 1] - s[i]) : s[i];
  });
}

function bootstrapClaim(r: RunFitResult): Claim {
  const agreement = bootstrapAgreement(r);
  const text = `${bootstrapText('α', r)}; ${bootstrapText('β', r)}${agreement ? `. ${agreement}` : ''}`;
  const b = r.bootstrap;
  return verbatimClaim('runfit.bootstrap', text, NO_STATE, (_o, self) => {
    if (!b) return need(!/resamples\)/.test(self.plain), 'quotes a bootstrap the fit did not make');
    const qs = [0.16, 0.84, 0.025, 0.975];
    return [
      ...quotes(self.plain, [
        b.B,
        ...percentiles(b.alpha, qs),
        b.B,
        ...percentiles(b.beta, qs),
        b.outside,
        b.B,
      ]),
      ...need(
        b.alpha.length === b.B && b.outside <= b.B,
        'resample count differs from the samples',
      ),
    ];
  });
}

function linearClaims(r: RunFitResult, o: RunFitOptions): Claim[] {
  const values = [r.sigma2, r.scale, r.floor, r.xScale];
  return linearLines(r, o).map((line, i) =>
    verbatimClaim(`runfit.linear.${i}`, line, NO_STATE, (_o, self) => [
      ...quotes(self.plain.replace(/L₀|σ²/g, ''), [values[i]]),
      ...need(values[i] >= 0 && Number.isFinite(values[i]), 'a linear parameter below 0'),
    ]),
  );
}

/** RMS of ln(loss / fitted) over the points the fit used, from the runs (not the fit's criterion). */
export function usedRms(r: RunFitResult): { n: number; rms: number } {
  let n = 0;
  let ss = 0;
  for (const run of r.runs)
    run.x.forEach((_, i) => {
      if (!run.used[i]) return;
      n++;
      ss += Math.log(run.loss[i] / run.fitted[i]) ** 2;
    });
  return { n, rms: Math.sqrt(ss / Math.max(1, n)) };
}

function qualityClaim(r: RunFitResult): Claim {
  const q = r.quality;
  return claim('runfit.quality', qualityText(r), NO_STATE, (_o, self) => {
    const u = usedRms(r);
    const expected = [u.n, pct(u.rms), pct(q.tau0)];
    if (q.misfit) expected.push(u.rms / q.tau0);
    return [
      ...quotes(self.plain, expected),
      ...need(
        q.misfit === u.rms > MISFIT * q.tau0,
        'the misfit verdict disagrees with the residuals',
      ),
    ];
  });
}

/** ln m of a curve (x, loss) at x by linear interpolation in log-log (NaN outside). */
function curveAt(x: Float64Array, loss: Float64Array, at: number): number {
  const n = x.length;
  if (!(at >= x[0] * (1 - 1e-9) && at <= x[n - 1] * (1 + 1e-9))) return NaN;
  let k = 0;
  while (k + 2 < n && x[k + 1] < at) k++;
  const t = n > 1 ? Math.log(at / x[k]) / Math.log(x[k + 1] / x[k]) : 0;
  return (1 - t) * Math.log(loss[k]) + t * Math.log(loss[Math.min(n - 1, k + 1)]);
}

/** RMS and largest ln error of predictions at the held-out points (x > split, used) of the runs. */
function heldErrors(r: RunFitResult, split: number, lnPredict: (run: string, x: number) => number) {
  let n = 0;
  let ss = 0;
  let max = 0;
  for (const run of r.runs)
    run.x.forEach((x, i) => {
      if (!(x > split) || !run.used[i]) return;
      const e = Math.log(run.loss[i]) - lnPredict(run.id, x);
      if (!Number.isFinite(e)) return;
      n++;
      ss += e * e;
      max = Math.max(max, Math.abs(e));
    });
  return { n, rms: Math.sqrt(ss / Math.max(1, n)), max };
}

/** Relative agreement of a recomputed error with the one written (the theory's by interpolation). */
const HOLDOUT_RECOMPUTE_TOL = 0.15;

function holdoutClaim(r: RunFitResult, h: HoldoutResult): Claim {
  const label = FIT_AXIS_SPECS[r.axis].label;
  return claim('runfit.holdout', holdoutText(h, label), NO_STATE, (_o, self) => {
    const power = heldErrors(r, h.split, (id, x) => {
      const f = h.powerlaw.fits.find((k) => k.run === id);
      return f ? Math.log(powerLawValue(f, x)) : NaN;
    });
    const theory = heldErrors(r, h.split, (id, x) => {
      const c = h.curves.find((k) => k.runs.includes(id));
      return c ? curveAt(c.x, c.loss, x) : NaN;
    });
    const verdict = better(theory.rms, power.rms);
    const near = (a: number, b: number) =>
      Math.abs(a - b) <= HOLDOUT_RECOMPUTE_TOL * Math.max(a, b) + 2e-3;
    return [
      ...quotes(self.plain, [
        h.split,
        h.nFit,
        h.nHeld,
        pct(h.theory.rms),
        pct(h.theory.max),
        pct(power.rms),
        pct(power.max),
      ]),
      ...need(power.n === h.nHeld, `${power.n} held-out points in the runs, ${h.nHeld} written`),
      ...need(
        near(theory.rms, h.theory.rms),
        `the theory's held-out error recomputes to ${theory.rms}`,
      ),
      ...need(self.plain.includes(verdict), `the recomputed errors say “${verdict}”`),
    ];
  });
}

function extrapolationClaim(c: FitCurve, k: number, label: string, several: boolean): Claim {
  const i = c.x.length - 1;
  return claim(
    `runfit.extrapolation.${k}`,
    extrapolationText(c, label, several),
    NO_STATE,
    (_o, self) => [
      ...quotes(self.plain.replace(/\(runs [^)]*\)/, ''), [
        c.x[i],
        c.x[i] / c.xData,
        c.loss[i],
        c.lo68[i],
        c.hi68[i],
        c.lo[i],
        c.hi[i],
      ]),
      ...need(
        c.lo[i] <= c.lo68[i] &&
          c.lo68[i] <= c.loss[i] &&
          c.loss[i] <= c.hi68[i] &&
          c.hi68[i] <= c.hi[i],
        'the loss is not inside its 68 % band inside its 95 % band',
      ),
    ],
  );
}

function ridgeClaim(r: RunFitResult, w: RidgeWarning): Claim {
  return claim('runfit.ridge', ridgeText(w), NO_STATE, (_o, self) => {
    const joint95 = r.region.polygons.find((p) => p.dof === 2 && p.coverage === 0.95);
    const again = joint95 && ridgeWarning(joint95, { alpha: r.alpha.value, beta: r.beta.value });
    if (!again) return ['the fit’s ridge rule raises no warning on its 95 % region'];
    return [
      ...need(again.kind === w.kind, `the rule says ${again.kind}`),
      ...need(
        self.plain.includes(range(again.alpha)) && self.plain.includes(range(again.beta)),
        'the spans differ from the region’s',
      ),
    ];
  });
}

/** Every claim of a fitted result, in the panel's order. */
export interface RunFitClaims {
  ridge: Claim | null;
  alpha: Claim;
  beta: Claim;
  bootstrap: Claim;
  linear: Claim[];
  quality: Claim;
  holdout: Claim | null;
  extrapolation: Claim[];
  notes: Claim[];
}

export function runFitClaims(r: RunFitResult, o: RunFitOptions): RunFitClaims {
  const label = FIT_AXIS_SPECS[r.axis].label;
  const notes = [
    ...r.notes,
    ...(r.holdoutSkipped ? [`No hold-out check: ${r.holdoutSkipped}.`] : []),
  ];
  return {
    ridge: r.ridge && ridgeClaim(r, r.ridge),
    alpha: estimateClaim('runfit.alpha', 'α', r.alpha),
    beta: estimateClaim('runfit.beta', 'β', r.beta),
    bootstrap: bootstrapClaim(r),
    linear: linearClaims(r, o),
    quality: qualityClaim(r),
    holdout: r.holdout && o.holdout != null ? holdoutClaim(r, r.holdout) : null,
    extrapolation: r.curves.map((c, k) => extrapolationClaim(c, k, label, r.curves.length > 1)),
    // What the fit did on the user's behalf (defaults, sorting, points left out): the fit's own
    // record of it, quoted as written (a run id or file name may hold "_").
    notes: notes.map((n, k) => verbatimClaim(`runfit.note.${k}`, n, NO_STATE, DEFINITION)),
  };
}

/** The panel's instructions: the file format and its limits (MAX_FIT_ROWS is the parser's). */
export function howClaim(maxRows: number): Claim {
  const text =
    'One measurement per row: x, loss and optionally run (a run or seed id), P, N, and for SGD batch and eta. ' +
    `Several runs at once; up to ${formatNumber(maxRows, 3)} rows (a file is read by the fit's worker, not by the page). ` +
    'The fit: loss = L₀ + c·E(s·x; α, β, σ²) of the theory, with α, β, s, c, σ², L₀ fitted.';
  return verbatimClaim('runfit.how', text, NO_STATE, (_o, self) =>
    quotes(self.plain.replace(/L₀|σ²/g, ''), [maxRows]),
  );
}

/** The hold-out switch: what it holds out (HOLDOUT_FRACTION of the decades of x, the last ones). */
export function holdoutSwitchClaim(fraction: number): Claim {
  const kept = Math.round(100 * (1 - fraction));
  return verbatimClaim(
    'runfit.holdout-switch',
    `hold-out check: fit the first ${kept} % of the decades of x, predict the rest`,
    NO_STATE,
    (_o, self) => quotes(self.plain, [100 * (1 - fraction)]),
  );
}

/** A sentence of the panel's status that states only what happened (no number to recompute). */
export function statusClaim(id: string, text: string): Claim {
  return verbatimClaim(`runfit.${id}`, text, NO_STATE, DEFINITION);
}

/** What "Open as app state" did: the parameters quoted are the state's. */
export function openedClaim(p: Params): Claim {
  return claim(
    'runfit.opened',
    openedText(p),
    { params: { alpha: p.alpha, beta: p.beta, sigma2: p.sigma2 } },
    quotesParams(p),
  );
}
