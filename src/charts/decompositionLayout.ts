// Geometry of the decomposition panel (docs/theory.md §3 "Parts of E_g"): E_g(t) and its parts
// (signal, label noise, temperature, init) on the learning curve's time axis. A part that is
// identically zero in the state is not drawn; its legend entry says why. The early-stopping time
// is marked, and the point where the signal part falls below the noise part.
import type { Params } from '../model/params.ts';
import type { CurveParts, EarlyStop, SimResult } from '../model/types.ts';
import { meanSemMarks, type MeanSemMark } from './marks/meanSem.ts';
import {
  PART_KEYS,
  PART_LABELS,
  signalNoiseCrossing,
  zeroPartReason,
  type PartsCrossing,
} from '../claims/decomposition.ts';
import type { LegendItem } from './marks/legend.ts';
import type { Metrics } from './theme.ts';
import { timePanelLayout, type TimePanelLayout, type TimeSeries } from './timePanelLayout.ts';

export interface DecompositionData {
  params: Params;
  t: Float64Array;
  Eg: Float64Array;
  parts: CurveParts;
  earlyStop: EarlyStop | null;
  /** The exact simulation's parts (mean ± s.e.m. over seeds) at these parameters, if it ran with them. */
  sim?: Pick<SimResult, 't' | 'seeds' | 'parts'> | null;
}

export interface DecompositionLayout extends TimePanelLayout {
  heading: string;
  /** Parts drawn (not identically zero). */
  drawnParts: string[];
  /** x of t* when it lies in the window. */
  tStarX: number | null;
  crossing: (PartsCrossing & { cx: number; cy: number }) | null;
  /** The simulation's parts drawn as points ±1 s.e.m., per drawn part (inside the plot). */
  simParts: { key: string; marks: MeanSemMark[] }[];
}

export const DECOMPOSITION_HEADING = 'E_g(t) split into its parts';

function legendItems(d: DecompositionData | null): LegendItem[] {
  const items: LegendItem[] = [
    {
      key: 'Eg',
      label: 'E_g',
      kind: 'line',
      className: 'sp-series sp-series--eg sp-legend-swatch',
    },
  ];
  for (const k of PART_KEYS) {
    const why = d ? zeroPartReason(d.params, k) : null;
    items.push({
      key: k,
      label: why ? `${PART_LABELS[k]}: 0 (${why})` : PART_LABELS[k],
      kind: 'line',
      className: `sp-series sp-series--${why ? 'zero' : k} sp-legend-swatch`,
    });
  }
  const sim = d?.sim;
  if (sim?.parts)
    items.push({
      key: 'sim-parts',
      label: `simulation, ${sim.seeds} seed${sim.seeds === 1 ? '' : 's'} (±1 s.e.m.)`,
      kind: 'point-bar',
      className: 'sp-sim-point',
    });
  return items;
}

export function decompositionLayout(
  d: DecompositionData | null,
  tDomain: [number, number] | null,
  width: number,
  height: number,
  m: Metrics,
): DecompositionLayout {
  const drawnParts = d ? PART_KEYS.filter((k) => zeroPartReason(d.params, k) === null) : [];
  const series: TimeSeries[] = d
    ? [
        { key: 'Eg', className: 'sp-series sp-series--eg', t: d.t, y: d.Eg },
        ...drawnParts.map((k) => ({
          key: k,
          className: `sp-series sp-series--${k}`,
          t: d.t,
          y: d.parts[k],
        })),
      ]
    : [];
  const L = timePanelLayout({
    tDomain,
    series,
    legend: legendItems(d),
    width,
    height,
    metrics: m,
    // The parts start many decades below E_g (label noise ∝ t² early on): keep the top 5.
    maxDecades: 5,
    emptyReason: 'The parts of E_g have not been computed yet.',
  });
  const heading = DECOMPOSITION_HEADING;
  if (L.empty || !d)
    return { ...L, heading, drawnParts, tStarX: null, crossing: null, simParts: [] };
  const es = d.earlyStop;
  const [t0, t1] = L.x.domain();
  const tStarX = es && es.case === 'inside' && es.t >= t0 && es.t <= t1 ? L.X(es.t) : null;
  const c = drawnParts.includes('noise') ? signalNoiseCrossing(d.t, d.parts) : null;
  const [y0, y1] = L.y.domain();
  const crossing = c && c.E >= y0 && c.E <= y1 ? { ...c, cx: L.X(c.t), cy: L.Y(c.E) } : null;
  const sp = d.sim?.parts;
  const simParts = sp
    ? drawnParts.map((k) => ({
        key: k,
        marks: meanSemMarks(d.sim!.t, sp.mean[k], sp.sem[k], L.X, L.Y, L.plotH).filter(
          (mk) => mk.cy >= 0 && mk.cy <= L.plotH,
        ),
      }))
    : [];
  return { ...L, heading, drawnParts, tStarX, crossing, simParts };
}
