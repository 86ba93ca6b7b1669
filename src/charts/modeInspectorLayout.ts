// Geometry of the mode inspector (docs/theory.md §3 "Per-mode learning"): one mode's mean learned
// fraction ℓ_k(t) under the mean field against the free dynamics 1 − e^{−λ_k t} (no collective
// response), on the learning curve's time axis with a linear fraction axis; ℓ = ½ and ℓ_k(∞) as
// reference lines, the time the mode is learned marked, and the simulator's per-mode mean ± 1 s.e.m.
import type { ModeDetail, SimResult } from '../model/types.ts';
import type { LegendItem } from './marks/legend.ts';
import { meanSemMarks, type MeanSemMark } from './marks/meanSem.ts';
import type { Metrics } from './theme.ts';
import { timePanelLayout, type TimePanelLayout } from './timePanelLayout.ts';

export interface SimModeRow {
  t: Float64Array;
  mean: Float64Array;
  sem: Float64Array;
  seeds: number;
}

/** The simulator's per-mode mean of mode k (its row of SimResult.modes), or null when not read out. */
export function simModeRow(sim: SimResult | null, k: number): SimModeRow | null {
  const m = sim?.modes;
  if (!sim || !m) return null;
  const row = Array.from(m.k).indexOf(k);
  if (row < 0) return null;
  const n = sim.t.length;
  const part = (a: Float64Array) => a.subarray(row * n, (row + 1) * n);
  return { t: sim.t, mean: part(m.mean), sem: part(m.sem), seeds: sim.seeds };
}

export interface ModeInspectorLayout extends TimePanelLayout {
  heading: string;
  halfY: number;
  infY: number | null;
  /** x of the time the mode is learned (ℓ_k = ½), when it lies in the window. */
  learnedX: number | null;
  sim: MeanSemMark[];
}

const Y_TICKS = [0, 0.25, 0.5, 0.75, 1];

export function inspectorHeading(d: Pick<ModeDetail, 'k'> | null): string {
  return d ? `Mode k = ${d.k}: learned fraction` : 'One mode: learned fraction';
}

function legend(sim: SimModeRow | null): LegendItem[] {
  const items: LegendItem[] = [
    {
      key: 'ell',
      label: 'mean field ℓ_k(t)',
      kind: 'line',
      className: 'sp-series sp-series--ell sp-legend-swatch',
    },
    {
      key: 'free',
      label: 'free dynamics (no coupling)',
      kind: 'line',
      className: 'sp-series sp-series--free sp-legend-swatch',
    },
  ];
  if (sim)
    items.push({
      key: 'sim',
      label: `simulation, ${sim.seeds} seed${sim.seeds === 1 ? '' : 's'} (±1 s.e.m.)`,
      kind: 'point-bar',
      className: 'sp-sim-point',
    });
  return items;
}

/** The simulator's means ±1 s.e.m. inside the time window, on the linear fraction axis. */
function simMarks(
  sim: SimModeRow,
  inWindow: (t: number) => boolean,
  L: TimePanelLayout,
): MeanSemMark[] {
  const keep = Array.from(sim.t.keys()).filter((i) => inWindow(sim.t[i]));
  const pick = (a: Float64Array) => keep.map((i) => a[i]);
  return meanSemMarks(pick(sim.t), pick(sim.mean), pick(sim.sem), L.X, L.Y, L.plotH, {
    log: false,
  });
}

export function modeInspectorLayout(
  d: ModeDetail | null,
  sim: SimModeRow | null,
  tDomain: [number, number] | null,
  width: number,
  height: number,
  m: Metrics,
): ModeInspectorLayout {
  // Fractions overshoot 1 a little (and a simulated mean can dip below 0): widen to include them.
  let lo = 0;
  let hi = 1.05;
  const seen = (v: number) => {
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  };
  if (d) d.ell.forEach(seen);
  if (sim) sim.mean.forEach((v, i) => (seen(v - sim.sem[i]), seen(v + sim.sem[i])));
  const L = timePanelLayout({
    tDomain,
    series: d
      ? [
          { key: 'free', className: 'sp-series sp-series--free', t: d.t, y: d.free },
          { key: 'ell', className: 'sp-series sp-series--ell', t: d.t, y: d.ell },
        ]
      : [],
    legend: legend(sim),
    width,
    height,
    metrics: m,
    yLinear: { domain: [lo, Math.min(hi, 2)], ticks: Y_TICKS },
    emptyReason: 'The inspected mode has not been computed yet.',
  });
  const heading = inspectorHeading(d);
  const [t0, t1] = L.x.domain();
  const inWindow = (t: number) => Number.isFinite(t) && t >= t0 && t <= t1;
  const marks = {
    halfY: L.Y(0.5),
    infY: d && Number.isFinite(d.ellInf) ? L.Y(d.ellInf) : null,
    learnedX: d && inWindow(d.learnedTime) ? L.X(d.learnedTime) : null,
    sim: sim ? simMarks(sim, inWindow, L) : [],
  };
  return { ...L, heading, ...marks };
}
