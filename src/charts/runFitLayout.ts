// Geometry of the Fit my runs figure (docs/theory.md §10): the user's runs as points (hollow where
// the warm-up cut left them out), log-log, each run configuration's fitted curve with its 68 % and
// 95 % bands (solid over the data, dashed beyond, to 10× the largest x), a rule where the data end,
// and with the hold-out shown, the split and each run's plain power law L₀ + A·x^(−a) fitted on the
// same first part (dotted) beside the theory fitted on that part alone (dash-dotted).
import { FIT_AXIS_SPECS, powerLawValue, type RunFitResult } from '../model/runfit/index.ts';
import { logExtent, padLogDomain } from './domain.ts';
import {
  axesFrame,
  headingHeight,
  noData,
  TOP_PAD,
  type AxesFrame,
  type EmptyState,
} from './frame.ts';
import { legendAndFrame, type LegendItem, type LegendLayout } from './marks/legend.ts';
import { linePath, r2, seriesPoints, type Point } from './path.ts';
import type { Metrics } from './theme.ts';
import { pinColor } from './theme.ts';
import { logspace } from '../model/grid.ts';

export interface RunFitRunMarks {
  id: string;
  color: string;
  /** Points used by the fit as a dot path; those left out (x < x_min) as centres of rings. */
  usedD: string;
  leftOutAt: Point[];
  used: number;
  leftOut: number;
  /** The run's plain power law over the held-out check (dotted), '' when not shown. */
  powerD: string;
}

export interface RunFitCurveMarks {
  runs: string[];
  color: string;
  /** The fitted curve over the data, and its continuation beyond. */
  fitD: string;
  extrapD: string;
  band95D: string;
  band68D: string;
  xData: number;
  /** The theory fitted on the hold-out's first part only, over the whole data ('' when not shown). */
  holdoutD: string;
}

export interface RunFitLayout extends AxesFrame {
  width: number;
  height: number;
  empty: EmptyState;
  heading: string;
  legend: LegendLayout;
  legendY: number;
  xTitle: string;
  runs: RunFitRunMarks[];
  curves: RunFitCurveMarks[];
  /** Where the data end (the largest x of all runs), px; null without a fit. */
  dataEnd: { x: number; value: number } | null;
  /** The hold-out split, px, when shown. */
  split: { x: number; value: number } | null;
}

/** Points at distinct pixels as zero-length segments (round caps draw them as dots). */
function dots(points: readonly (Point | null)[]): string {
  let d = '';
  for (const p of points) if (p) d += linePath([p]);
  return d;
}

/** A band between two series as one closed path (broken where either side cannot be drawn). */
export function bandPath(
  top: readonly (Point | null)[],
  bottom: readonly (Point | null)[],
): string {
  let d = '';
  let run: [Point, Point][] = [];
  const flush = () => {
    if (run.length > 1) {
      const up = run.map(([t], i) => `${i ? 'L' : 'M'}${r2(t[0])},${r2(t[1])}`).join('');
      const down = [...run]
        .reverse()
        .map(([, b]) => `L${r2(b[0])},${r2(b[1])}`)
        .join('');
      d += `${up}${down}Z`;
    }
    run = [];
  };
  top.forEach((t, i) => {
    const b = bottom[i];
    if (t && b) run.push([t, b]);
    else flush();
  });
  flush();
  return d;
}

function legendItems(r: RunFitResult | null, holdout: boolean): LegendItem[] {
  const leftOut = !!r?.runs.some((run) => run.used.includes(0));
  const items: LegendItem[] = [
    { key: 'data', label: 'your runs', kind: 'point', className: 'sp-runfit-swatch-data' },
    ...(leftOut
      ? [
          {
            key: 'left-out',
            label: 'left out (x < x_{min})',
            kind: 'hollow-point' as const,
            className: 'sp-runfit-swatch-hollow',
          },
        ]
      : []),
    { key: 'fit', label: 'theory fit', kind: 'line', className: 'sp-runfit-fit sp-legend-swatch' },
    {
      key: 'extrap',
      label: 'extrapolation, 68 % and 95 % bands',
      kind: 'line',
      className: 'sp-runfit-extrap sp-legend-swatch',
    },
  ];
  if (holdout && r?.holdout)
    items.push(
      {
        key: 'holdout-fit',
        label: 'theory fitted on the first part (hold-out)',
        kind: 'line',
        className: 'sp-runfit-holdout sp-legend-swatch',
      },
      {
        key: 'power',
        label: 'power law L₀ + A·x^{−a} (hold-out)',
        kind: 'line',
        className: 'sp-runfit-power sp-legend-swatch',
      },
    );
  return items;
}

/** Step: log domains over the data and the fitted curves (the bands may reach beyond: clipped). */
function domains(r: RunFitResult | null) {
  if (!r) return { x: [1, 10] as [number, number], y: [0.1, 1] as [number, number] };
  const xExt = logExtent(...r.runs.map((k) => k.x), ...r.curves.map((c) => c.x));
  const yExt = logExtent(...r.runs.map((k) => k.loss), ...r.curves.map((c) => c.loss));
  return {
    x: xExt ? padLogDomain(xExt, 0.03, 1) : ([1, 10] as [number, number]),
    y: yExt ? padLogDomain(yExt, 0.12, 0.5) : ([0.1, 1] as [number, number]),
  };
}

/** Step: each run's points and, with the hold-out shown, its power law. */
function runMarks(
  r: RunFitResult,
  X: (v: number) => number,
  Y: (v: number) => number,
  holdout: boolean,
  xEnd: number,
): RunFitRunMarks[] {
  const fits = holdout ? (r.holdout?.powerlaw.fits ?? []) : [];
  return r.runs.map((run, i) => {
    const pts = seriesPoints(run.x, run.loss, X, Y);
    const fit = fits.find((f) => f.run === run.id);
    let powerD = '';
    if (fit) {
      const n = 48;
      const xs = Array.from(logspace(run.x[0], xEnd, n));
      powerD = linePath(
        seriesPoints(
          xs,
          xs.map((x) => powerLawValue(fit, x)),
          X,
          Y,
        ),
      );
    }
    let used = 0;
    for (const u of run.used) used += u;
    return {
      id: run.id,
      color: pinColor(i),
      usedD: dots(pts.map((p, k) => (run.used[k] ? p : null))),
      leftOutAt: pts.filter((p, k): p is Point => p !== null && !run.used[k]),
      used,
      leftOut: run.x.length - used,
      powerD,
    };
  });
}

/** Step: each configuration's fitted curve (over the data, beyond) and its bands. */
function curveMarks(
  r: RunFitResult,
  X: (v: number) => number,
  Y: (v: number) => number,
  holdout: boolean,
): RunFitCurveMarks[] {
  const held = holdout ? (r.holdout?.curves ?? []) : [];
  return r.curves.map((c) => {
    const h = held.find((k) => k.runs.join(',') === c.runs.join(','));
    const pts = seriesPoints(c.x, c.loss, X, Y);
    const inData = pts.map((p, i) => (c.x[i] <= c.xData * (1 + 1e-12) ? p : null));
    const k = c.x.findIndex((x) => x > c.xData * (1 + 1e-12));
    const beyond = pts.map((p, i) => (k >= 0 && i >= k - 1 ? p : null));
    const first = r.runs.findIndex((run) => run.id === c.runs[0]);
    return {
      runs: c.runs,
      color: pinColor(Math.max(0, first)),
      fitD: linePath(inData),
      extrapD: linePath(beyond),
      band95D: bandPath(seriesPoints(c.x, c.hi, X, Y), seriesPoints(c.x, c.lo, X, Y)),
      band68D: bandPath(seriesPoints(c.x, c.hi68, X, Y), seriesPoints(c.x, c.lo68, X, Y)),
      xData: c.xData,
      holdoutD: h ? linePath(seriesPoints(h.x, h.loss, X, Y)) : '',
    };
  });
}

export function runFitLayout(
  r: RunFitResult | null,
  heading: string,
  holdout: boolean,
  width: number,
  height: number,
  m: Metrics,
): RunFitLayout {
  const d = domains(r);
  const headingH = headingHeight(m);
  const { legend, frame } = legendAndFrame(legendItems(r, holdout), width, m, (legendH) =>
    axesFrame(headingH + legendH, width, height, d.x, d.y, m),
  );
  const xTitle = r ? `${FIT_AXIS_SPECS[r.axis].label} x` : 'x';
  const base = {
    ...frame,
    width,
    height,
    heading,
    legend,
    legendY: TOP_PAD + headingH,
    xTitle,
    runs: [],
    curves: [],
    dataEnd: null,
    split: null,
  };
  if (!r) return { ...base, empty: noData('Paste or open your runs, then Fit.') };
  const X = (v: number) => frame.x(v);
  const Y = (v: number) => frame.y(v);
  const xData = Math.max(...r.curves.map((c) => c.xData));
  const xEnd = d.x[1];
  const h = holdout ? r.holdout : null;
  return {
    ...base,
    empty: null,
    runs: runMarks(r, X, Y, holdout, xEnd),
    curves: curveMarks(r, X, Y, holdout),
    dataEnd: { x: X(xData), value: xData },
    split: h ? { x: X(h.split), value: h.split } : null,
  };
}
