// The states the audit visits, by class, each reached as a user reaches it: a link (parsed by the
// app's own URL codec and applied to the store), a lesson opened and its "Try it" pressed, a
// spectrum file loaded. What each class covers is said at its builder.
import { DATA_SOURCES, findSource } from '../../src/model/data/sources.ts';
import {
  PARAM_SPECS,
  DEFAULT_PARAMS,
  actsWithSchedule,
  isActive,
  type NumericSpec,
  type Params,
} from '../../src/model/params.ts';
import { linkParams, writeParams } from '../../src/model/paramsCodec.ts';
import { REGIMES } from '../../src/model/regimes.ts';
import { SCHEDULE_KINDS } from '../../src/model/sgd/schedule.ts';
import type { ModeSpectrum } from '../../src/model/theory/measuredSpectrum.ts';
import { LESSONS } from '../../src/lessons/lessons.ts';
import { PANELS } from '../../src/state/view.ts';
import { threeSizeRuns } from '../model/runfit/synthetic.ts';
import { rng } from '../state/random.ts';

export type StateClass =
  'landing' | 'lesson' | 'regime × source' | 'slider end' | 'lecture' | 'every panel' | 'random';

/** A state: a link, or a lesson at a step (reached by its "Try it" presses), or a file loaded. */
export type AuditState =
  | { cls: StateClass; name: string; link: string; file?: boolean; runs?: boolean; sim?: boolean }
  | { cls: 'lesson'; name: string; lesson: string; tries: number; double?: boolean };

/**
 * Every regime, panel and lesson is audited (one-pass SGD's words are claims of src/claims/sgd.ts,
 * Fit my runs' of src/claims/runfit.ts).
 */
const NOT_AUDITED_PANELS: readonly string[] = [];
const AUDITED_REGIMES = REGIMES;
const ALL_PANELS = `panels=${PANELS.filter((p) => !NOT_AUDITED_PANELS.includes(p)).join(',')}`;
const RANDOM_PANELS = 'panels=formulas,simulation';

/** A link's query for parameters (only the keys that differ from the defaults, as the app writes). */
export function queryOf(p: Params, extra = ''): string {
  const pairs = writeParams(linkParams(p));
  const q = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `?v=1${q ? `&${q}` : ''}${extra ? `&${extra}` : ''}`;
}

/** A spectrum file as a user loads one: λ_k = k^{−1.3}, c_k = k^{−1.6}, 800 modes. */
export function customSpectrum(): ModeSpectrum {
  const n = 800;
  const lam = new Float64Array(n);
  const power = new Float64Array(n);
  for (let k = 1; k <= n; k++) {
    lam[k - 1] = k ** -1.3;
    power[k - 1] = k ** -1.6;
  }
  return { lam, power };
}

/** A file of runs as a user pastes one into Fit my runs (threeSizeRuns), 10 points each. */
export function auditRunsCsv(): string {
  const runs = threeSizeRuns(10, 1);
  const rows = runs.flatMap((r) =>
    Array.from(r.x, (v, i) => `${v.toPrecision(6)},${r.loss[i].toPrecision(6)},${r.id},${r.P}`),
  );
  return ['x,loss,run,P', ...rows].join('\n');
}

/**
 * Every lesson at each of its steps: opened (step 0), then after each "Try it" pressed on the
 * step before (tries = k); and every lesson opened again with "Try it" pressed twice in a row
 * without waiting (double): it must land on step min(2, steps) or stay on step 1, in that step's
 * own state, never a mixture (a one-step lesson's second press finds no next step).
 */
function lessonStates(): AuditState[] {
  return LESSONS.flatMap((l) => [
    ...Array.from({ length: l.steps.length + 1 }, (_, k) => ({
      cls: 'lesson' as const,
      name: `lesson ${l.id} step ${k}`,
      lesson: l.id,
      tries: k,
    })),
    {
      cls: 'lesson' as const,
      name: `lesson ${l.id}, Try it twice`,
      lesson: l.id,
      tries: Math.min(2, l.steps.length),
      double: true,
    },
  ]);
}

/**
 * Every regime × every data source: the power law; each pool source (MNIST, Fashion-MNIST) with
 * each kernel and task under gradient flow and with its first kernel and task under every regime;
 * a spectrum file loaded; `data=custom` without one.
 */
function regimeSourceStates(): AuditState[] {
  const out: AuditState[] = [];
  for (const regime of AUDITED_REGIMES) {
    for (const data of DATA_SOURCES) {
      const s = findSource(data)!;
      const link = `?v=1&regime=${regime}&data=${data}`;
      if (s.spectrum === 'file') {
        out.push({ cls: 'regime × source', name: `${regime} × ${data} (no file)`, link });
        out.push({ cls: 'regime × source', name: `${regime} × ${data} (file)`, link, file: true });
      } else out.push({ cls: 'regime × source', name: `${regime} × ${data}`, link });
    }
  }
  for (const data of DATA_SOURCES) {
    const s = findSource(data)!;
    for (const kernel of s.kernels)
      for (const task of s.tasks)
        out.push({
          cls: 'regime × source',
          name: `gf × ${data} ${kernel} ${task.key}`,
          link: `?v=1&regime=gf&data=${data}&kernel=${kernel}&task=${task.key}&${ALL_PANELS}`,
        });
  }
  return out;
}

const numericSpecs = PARAM_SPECS.filter((s): s is NumericSpec => s.kind === 'number');

/**
 * Every slider at both ends of its range (the other parameters at their defaults); a slider that
 * acts only under one-pass SGD (η, B, the schedule's) in that regime, with its own schedule where
 * it acts only with one (decay: wsd; final: cosine), and the SGD sweeps' panel on. η at its top
 * is beyond the edge: a diverging curve and its reason.
 */
function sliderStates(): AuditState[] {
  return numericSpecs.flatMap((s) => {
    const lo = s.scale === 'log' && s.min === 0 ? 0 : s.min;
    const sgd = !isActive(s.key, DEFAULT_PARAMS.regime) && isActive(s.key, 'sgd');
    const schedule = SCHEDULE_KINDS.find((k) => actsWithSchedule(s.key, k)) ?? 'constant';
    const base: Params = sgd ? { ...DEFAULT_PARAMS, regime: 'sgd', schedule } : DEFAULT_PARAMS;
    return [lo, s.max].map((v) => ({
      cls: 'slider end' as const,
      name: `${sgd ? 'sgd ' : ''}${s.key} = ${v}`,
      link: queryOf({ ...base, [s.key]: v }, sgd ? 'panels=sgd' : ''),
    }));
  });
}

function draw(s: NumericSpec, u: () => number): number {
  if (s.allowInf && u() < 0.25) return Infinity;
  const lo = s.scale === 'log' ? Math.log10(s.min || (s.logMin ?? 1e-4)) : s.min;
  const hi = s.scale === 'log' ? Math.log10(s.max) : s.max;
  const x = lo + (hi - lo) * u();
  const v = s.scale === 'log' ? 10 ** x : x;
  const r = Number(v.toPrecision(2));
  return s.integer ? Math.max(s.min, Math.round(r)) : r;
}

/**
 * Random states: every numeric parameter drawn over its whole range (log sliders uniformly in
 * log; ∞ a quarter of the time where allowed), the regime and the data source (power law half the
 * time, a pool source otherwise) drawn. To keep the audit within its time they show the learning
 * curve with its caption, bottleneck box and read-outs, the formulas and the experiment box
 * (RANDOM_PANELS): not the P and N sweeps nor the exponent table that reads them (two sweeps a
 * state, most of the cost), whose panels the listed states cover.
 */
export function randomStates(n: number, seed = 19): AuditState[] {
  const u = rng(seed);
  const pools = DATA_SOURCES.filter((d) => findSource(d)!.spectrum === 'assets');
  return Array.from({ length: n }, (_, i) => {
    const p: Params = { ...DEFAULT_PARAMS };
    for (const s of numericSpecs)
      if (s.key !== 'seed' && s.key !== 'seeds')
        (p as unknown as Record<string, number>)[s.key] = draw(s, u);
    p.regime = AUDITED_REGIMES[Math.floor(u() * AUDITED_REGIMES.length)];
    if (u() < 0.5) {
      const src = findSource(pools[Math.floor(u() * pools.length)])!;
      p.data = src.id;
      p.kernel = src.kernels[Math.floor(u() * src.kernels.length)];
      p.task = src.tasks[Math.floor(u() * src.tasks.length)].key;
    }
    return { cls: 'random' as const, name: `random #${i}`, link: queryOf(p, RANDOM_PANELS) };
  });
}

/** The listed states (the random ones: randomStates). */
export function auditStates(): AuditState[] {
  return [
    { cls: 'landing', name: 'landing', link: '' },
    { cls: 'lecture', name: 'landing, lecture theme', link: '?v=1&theme=lecture' },
    { cls: 'every panel', name: 'every panel', link: `?v=1&${ALL_PANELS}` },
    // One-pass SGD with every panel: its own frontier, sweeps and exports (C = N·B·s).
    { cls: 'every panel', name: 'every panel, SGD', link: `?v=1&regime=sgd&${ALL_PANELS}` },
    {
      cls: 'every panel',
      name: 'every panel, lecture',
      link: `?v=1&${ALL_PANELS}&theme=lecture`,
    },
    // Fit my runs with a fit loaded (hold-out on), its regions on the phase diagram.
    {
      cls: 'every panel',
      name: 'Fit my runs, fitted with the hold-out check',
      link: '?v=1&panels=runfit,phase',
      runs: true,
    },
    // Real SGD on the digits' minibatches run from the experiment box: the kernel limit, and
    // random features with minibatches of 8 (its note and its agreement with the theory).
    {
      cls: 'regime × source',
      name: 'sgd × mnist, real SGD run, N = ∞',
      link: '?v=1&regime=sgd&data=mnist&N=inf&seeds=4&panels=simulation',
      sim: true,
    },
    {
      cls: 'regime × source',
      name: 'sgd × mnist, real SGD run, N = 64, B = 8',
      link: '?v=1&regime=sgd&data=mnist&N=64&batch=8&seeds=4&panels=simulation',
      sim: true,
    },
    ...lessonStates(),
    ...regimeSourceStates(),
    ...sliderStates(),
  ];
}
