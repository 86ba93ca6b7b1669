// What each panel exports, from the same results and words the panel draws: the facts an exported
// figure's footer states (what it shows, the ranges its axes span: charts/footer.ts), and its
// data as CSV, opening with those facts, the parameters and the link (exportData.ts). The panel
// table (panels.ts) names these per panel; nothing here decides what is on screen.
import { modeFileClaim, spectrumFitClaim, spectrumRowsClaim } from '../claims/exportClaims.ts';
import { csvPreamble } from '../charts/export.ts';
import { phaseFigureNote } from '../claims/runfit.ts';
import { rangeText, type FigureFacts } from '../charts/footer.ts';
import { DECOMPOSITION_HEADING } from '../charts/decompositionLayout.ts';
import { inspectorHeading } from '../charts/modeInspectorLayout.ts';
import { MODE_HEADING } from '../charts/modeLayout.ts';
import { ORDER_HEADING } from '../charts/orderLayout.ts';
import { phaseHeading } from '../charts/phaseLayout.ts';
import { fitLabelText, scalingHeading, type RealScalingPoints } from '../charts/scalingLayout.ts';
import { spectrumHeading } from '../charts/spectrumLayout.ts';
import { PART_KEYS } from '../claims/decomposition.ts';
import { exponentRows } from '../claims/exponentTable.ts';
import { phaseCsv } from '../claims/phase.ts';
import { inspectedMode } from '../compute/plan.ts';
import { realSweepKey } from '../compute/realSweep.ts';
import { csvField, csvNumber } from '../format/data.ts';
import type { CurveResult, SweepAxis, SweepResult } from '../model/types.ts';
import type { Params } from '../model/params.ts';
import { ALPHA_RANGE, BETA_RANGE } from '../model/theory/phase.ts';
import type { PartsResult } from '../protocol/api.ts';
import type { AppData, RealSweepRun } from '../state/store.ts';
import { isMeasured, poolSourceOf, type DataSource } from '../model/data/sources.ts';
import { dataPreamble } from './exportData.ts';

/** The store slot of each scaling panel's sweep. */
export const SWEEP_SLOT = { P: 'sweepP', N: 'sweepN', C: 'frontier' } as const satisfies Record<
  SweepAxis,
  keyof AppData['results']
>;

/** A CSV document: comment lines, a header, rows (numbers at full precision, text quoted). */
export function csvText(
  preamble: readonly string[],
  header: readonly string[],
  rows: readonly (readonly (number | string)[])[],
): string {
  const cell = (v: number | string) => (typeof v === 'number' ? csvNumber(v) : csvField(v));
  const lines = [header.map(csvField).join(','), ...rows.map((r) => r.map(cell).join(','))];
  return `${csvPreamble(preamble)}${lines.join('\n')}\n`;
}

/** The range of the finite positive values of an axis (NaN, NaN when there are none). */
function extent(xs: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < xs.length; i++)
    if (xs[i] > 0 && Number.isFinite(xs[i])) {
      lo = Math.min(lo, xs[i]);
      hi = Math.max(hi, xs[i]);
    }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}

const axisRange = (name: string, xs: ArrayLike<number>) => rangeText(name, ...extent(xs));

// ---------------------------------------------------------------------------------------------
// Scaling panels and the frontier

/** The real runs on the P panel while they belong to the parameters and setting on screen. */
export function currentRealRun(s: AppData): RealSweepRun | null {
  const run = s.results.realSweep;
  return run && run.key === realSweepKey(s) ? run : null;
}

/** A real run's points as the scaling panel draws them, named as its source's (null: none). */
export function realScalingPoints(
  run: RealSweepRun | null,
  data: DataSource,
): RealScalingPoints | null {
  const words = poolSourceOf(data)?.words.real;
  if (!run || !words || !run.points.length) return null;
  return {
    words,
    x: run.points.map((p) => p.x),
    mean: run.points.map((p) => p.mean),
    sem: run.points.map((p) => p.sem),
    draws: run.points[0].draws,
  };
}

export const sweepOf = (axis: SweepAxis) => (s: AppData) => s.results[SWEEP_SLOT[axis]];

/** A scaling panel: its heading, the swept range, and its fit as written on it. */
export function sweepFacts(axis: SweepAxis, s: AppData): FigureFacts {
  const sweep = sweepOf(axis)(s);
  if (!sweep) return { what: scalingHeading(null, axis), window: null };
  return {
    what: scalingHeading(sweep, axis),
    window: axisRange(axis, sweep.x),
    notes: [fitLabelText(sweep)],
  };
}

/** E_g (L* for the frontier) at each swept value, and the real points on the P panel. */
export function sweepCsv(axis: SweepAxis, sweep: SweepResult, s: AppData, url: string): string {
  const facts = sweepFacts(axis, s);
  const real = axis === 'P' ? realScalingPoints(currentRealRun(s), s.params.data) : null;
  const what = axis === 'C' ? 'compute-optimal frontier' : `scaling with ${axis}`;
  const y = axis === 'C' ? 'L_star' : 'Eg';
  const byX = new Map<number, (number | string)[]>();
  sweep.x.forEach((x, i) => byX.set(x, [x, sweep.Eg[i], NaN, NaN]));
  real?.x.forEach((x, i) => {
    const row = byX.get(x) ?? [x, NaN, NaN, NaN];
    byX.set(x, [row[0], row[1], real.mean[i], real.sem[i]]);
  });
  const rows = [...byX.values()].sort((a, b) => Number(a[0]) - Number(b[0]));
  const header = [axis, y, ...(real ? [`Eg_real_mean`, `Eg_real_sem`] : [])];
  const notes = real ? [`real points: ${real.draws} draws of the training digits each`] : [];
  return csvText(
    [...dataPreamble(what, s, s.params, url, facts), ...notes],
    header,
    real ? rows : rows.map((r) => r.slice(0, 2)),
  );
}

// ---------------------------------------------------------------------------------------------
// Modes

export function modesFacts(s: AppData): FigureFacts {
  const m = s.results.modes;
  return {
    what: MODE_HEADING,
    window: m ? `${axisRange('t', m.t)}, ${axisRange('k', m.k)}` : null,
  };
}

/** One row per time (and t = inf): the boundary k*(t) and the learned fraction of each mode k. */
export function modesCsv(s: AppData, url: string): string | null {
  const m = s.results.modes;
  if (!m) return null;
  const nk = m.k.length;
  const nt = m.t.length;
  const rows = Array.from(m.t, (t, j) => [
    t,
    m.boundary[j],
    ...Array.from({ length: nk }, (_, i) => m.frac[i * nt + j]),
  ]);
  rows.push([Infinity, NaN, ...Array.from(m.fracInf)]);
  const header = ['t', 'k_star', ...Array.from(m.k, (k) => `l_k=${k}`)];
  const preamble = dataPreamble('learned fraction of each mode', s, s.params, url, modesFacts(s));
  return csvText(preamble, header, rows);
}

// ---------------------------------------------------------------------------------------------
// Phase diagram

export function phaseFacts(s: AppData): FigureFacts {
  const g = s.results.phase?.grid;
  const measured = isMeasured(s.params);
  const grid = measured
    ? 'fitted grid: n/a for measured data'
    : g && g.exponent === s.view.phase
      ? `fitted grid: ${g.done} of ${g.K * g.K} points`
      : 'fitted grid: not computed yet';
  // A fit of the user's runs draws its 68 % and 95 % regions over the map (ui/PhaseSection.tsx).
  const fit = s.results.runfit?.status === 'done' ? s.results.runfit.result : null;
  const region = fit ? phaseFigureNote(fit) : null;
  return {
    what: phaseHeading(s.view.phase),
    window: `${rangeText('α', ...ALPHA_RANGE)}, ${rangeText('β', ...BETA_RANGE)}`,
    notes: region ? [grid, region] : [grid],
    bottleneck: false,
  };
}

/** The fitted grid so far: alpha,beta,predicted,fitted,law (as the CLI's --phase). */
export function phaseGridCsv(s: AppData, url: string): string | null {
  const g = s.results.phase?.grid;
  if (!g || g.done === 0) return null;
  const preamble = dataPreamble('phase diagram, fitted grid', s, s.params, url, phaseFacts(s));
  return csvPreamble(preamble) + phaseCsv(g.exponent, g.points);
}

// ---------------------------------------------------------------------------------------------
// The mean field's internals, on the curve's time axis

/**
 * The parts belong to the curve on screen: the same times and the same E_g (the engine's E_g is
 * identical with or without the parts).
 */
export function partsOfCurve(curve: CurveResult | null, parts: PartsResult | null): boolean {
  if (!curve || !parts || curve.t.length !== parts.t.length) return false;
  // The same times, and E_g to far below what is printed: the curve's κ solves are warm-started
  // from its scan and the parts' are not, so the two agree to ~1e-11, not bit for bit.
  for (let i = 0; i < curve.t.length; i++) {
    if (curve.t[i] !== parts.t[i]) return false;
    const [a, b] = [curve.Eg[i], parts.Eg[i]];
    if (!(Math.abs(a - b) <= PARTS_MATCH * Math.max(Math.abs(a), Math.abs(b)) || a === b))
      return false;
  }
  return true;
}

/** Relative agreement of E_g by which the parts belong to the curve on screen. */
const PARTS_MATCH = 1e-8;

/** The parts drawn: those of the curve on screen. */
export function shownParts(s: AppData): PartsResult | null {
  const { curve, parts } = s.results;
  return partsOfCurve(curve, parts) ? parts : null;
}

export function partsFacts(): FigureFacts {
  return { what: DECOMPOSITION_HEADING };
}

/** t, E_g and its parts, then their limits at t = inf. */
export function partsCsv(parts: PartsResult, s: AppData, url: string): string {
  const rows = Array.from(parts.t, (t, i) => [
    t,
    parts.Eg[i],
    ...PART_KEYS.map((k) => parts.parts[k][i]),
  ]);
  const lim = s.results.curve?.limit.Eg ?? NaN;
  rows.push([Infinity, lim, ...PART_KEYS.map((k) => parts.limit[k])]);
  const preamble = dataPreamble('E_g and its parts', s, s.params, url, partsFacts());
  return csvText(preamble, ['t', 'Eg', ...PART_KEYS], rows);
}

export function orderFacts(s: AppData): FigureFacts {
  // τ runs over the curve's time window (the panel shares its axis).
  const w = s.results.curve?.window ?? s.params;
  return { what: ORDER_HEADING, window: rangeText('τ', w.tmin, w.tmax) };
}

/** The order parameters on τ, then their values at τ = inf. */
export function orderCsv(s: AppData, url: string): string | null {
  const o = s.results.order;
  if (!o) return null;
  const rows = Array.from(o.tau, (tau, i) => [
    tau,
    o.kappa[i],
    o.df[i],
    o.R[i],
    o.Gamma[i],
    o.amplification[i],
  ]);
  const inf = o.atInfinity;
  rows.push([Infinity, inf.kappa, NaN, inf.R, NaN, inf.amplification]);
  const preamble = dataPreamble('order parameters', s, s.params, url, orderFacts(s));
  return csvText(preamble, ['tau', 'kappa', 'df', 'R', 'Gamma', 'amplification'], rows);
}

/** The inspected mode while it is the one asked for (the inspector shows nothing else). */
export function shownMode(s: AppData) {
  const d = s.results.mode;
  return d && d.k === inspectedMode(s) ? d : null;
}

export function modeFacts(s: AppData): FigureFacts {
  return { what: inspectorHeading(shownMode(s)) };
}

/** ℓ_k(t) under the mean field and the free dynamics, then ℓ_k(∞). */
export function modeCsv(s: AppData, url: string): string | null {
  const d = shownMode(s);
  if (!d) return null;
  const rows = Array.from(d.t, (t, i) => [t, d.ell[i], d.free[i]]);
  rows.push([Infinity, d.ellInf, NaN]);
  const preamble = [
    ...dataPreamble(`learned fraction of mode k = ${d.k}`, s, s.params, url, modeFacts(s)),
    modeFileClaim(
      `lambda_k = ${csvNumber(d.lambda)}, learned (l = 1/2) at t = ${csvNumber(d.learnedTime)}`,
      s.params,
      d,
    ).markup,
  ];
  return csvText(preamble, ['t', 'l_k', 'l_k_free'], rows);
}

// ---------------------------------------------------------------------------------------------
// The measured spectrum

export function spectrumFacts(s: AppData, title: string): FigureFacts {
  const v = s.results.spectrum;
  return {
    what: spectrumHeading(v, title),
    window: v ? rangeText('k', 1, v.lam.length) : null,
    bottleneck: false,
  };
}

/**
 * λ_k and c_k per mode k = 1, 2, … in the two columns "Your spectrum…" reads back (the fit and
 * its ranges in the opening lines).
 */
export function spectrumCsv(s: AppData, url: string, title: string): string | null {
  const v = s.results.spectrum;
  if (!v) return null;
  const f = v.fit;
  const preamble = [
    ...dataPreamble(`spectrum (${title})`, s, s.params, url, spectrumFacts(s, title)),
    spectrumRowsClaim(v.lam.length).markup,
    spectrumFitClaim(
      `fit: lambda_k ≈ ${csvNumber(f.A)} k^-${csvNumber(f.alpha)} over k = ${f.lam.xmin}…${f.lam.xmax}; ` +
        `beta = ${csvNumber(f.beta)} over k = ${f.tail.xmin}…${f.tail.xmax}`,
      s.params,
      f,
    ).markup,
  ];
  return csvText(
    preamble,
    ['lambda', 'power'],
    Array.from(v.lam, (l, i) => [l, v.power[i]]),
  );
}

// ---------------------------------------------------------------------------------------------
// Exponents and formulas (no figure: a table and typeset equations)

/** The exponent table as on screen: per variable the fit and its window, the law and when it holds. */
export function exponentsCsv(s: AppData, url: string): string | null {
  const curve = s.results.curve;
  if (!curve) return null;
  const setting = { at: s.view.at, tAt: s.view.tAt };
  const rows = exponentRows(curve, s.results.sweepP, s.results.sweepN, setting);
  return exponentTableCsv('fitted against predicted exponents', s, curve.params, url, rows);
}

/** A row of a fitted-against-predicted table (gradient flow's, or one-pass SGD's without `law`). */
interface ExponentCsvRow {
  name: string;
  fit: { slope: number; xmin: number; xmax: number } | null;
  fitWhy: string | null;
  verdict: { value: number };
  law?: string;
  formula: string;
  condition: string;
}

/** The exponent table as CSV: the columns every regime's table has, `law` where its rows name one. */
export function exponentTableCsv(
  what: string,
  s: AppData,
  p: Params,
  url: string,
  rows: readonly ExponentCsvRow[],
): string {
  const named = rows.some((r) => r.law !== undefined);
  const header = ['exponent', 'fitted', 'fit_from', 'fit_to', 'no_fit_because', 'predicted'];
  return csvText(
    dataPreamble(what, s, p, url),
    [...header, ...(named ? ['law'] : []), 'formula', 'condition'],
    rows.map((r) => [
      r.name,
      r.fit?.slope ?? NaN,
      r.fit?.xmin ?? NaN,
      r.fit?.xmax ?? NaN,
      r.fitWhy ?? '',
      r.verdict.value,
      ...(named ? [r.law ?? ''] : []),
      r.formula,
      r.condition,
    ]),
  );
}

/** The formulas of the curve shown as LaTeX (% comment lines: what they are, parameters, link). */
export async function formulasTex(s: AppData, url: string): Promise<string> {
  // The formulas' module is the lazy KaTeX chunk: loaded only when asked for.
  const { formulaItems } = await import('../charts/Formulas.tsx');
  const curve = s.results.curve;
  const items = formulaItems(curve?.params ?? s.params, curve);
  const head = dataPreamble('the theory’s formulas', s, curve?.params ?? s.params, url);
  return [
    ...head.map((l) => `% ${l}`),
    ...items.flatMap((it) => ['', `% ${it.title}`, `\\[ ${it.tex} \\]`]),
    '',
  ].join('\n');
}
