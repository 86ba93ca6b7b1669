// The one-pass SGD panels as figures (docs/theory.md §9.8): which series and marked values each
// draws, from the engine's sweeps. Headings and labels are made here from the same numbers the
// panels' sentences (src/claims/sgd.ts) quote.
import { formatParam, formatSlope } from '../format/number.ts';
import type { SgdFrontier } from '../model/sgd/frontier.ts';
import type { SgdSweeps } from '../model/sgd/panels.ts';
import type { SweepFigure, SweepMarkSpec, SweepSeries } from './sgdSweepLayout.ts';
import { sweepMarkClaims } from '../claims/sgd.ts';

/** E_g against B at fixed steps and at fixed samples, the critical batch marked. */
export function batchFigure(s: SgdSweeps): SweepFigure {
  const b = s.batch;
  const c = s.critical;
  const claims = sweepMarkClaims(s);
  const marks: SweepMarkSpec[] = [];
  if (Number.isFinite(c.B))
    marks.push({
      testId: 'critical-batch',
      x: c.B,
      y: null,
      variants: claims.critical,
      className: 'sp-ref--current',
    });
  if (Number.isFinite(s.current.batch))
    marks.push({
      testId: 'current-batch',
      x: s.current.batch,
      y: s.current.Eg,
      variants: claims.current,
      className: 'sp-ref--half',
    });
  return {
    heading: `E_g against batch size B (η = ${formatParam(s.current.eta)})`,
    xTitle: 'batch size B',
    yTitle: 'test error E_g',
    series: [
      {
        key: 'at-steps',
        label: `fixed steps s = ${formatParam(b.steps)}`,
        className: 'sp-series sp-series--eg',
        x: b.B,
        y: b.atSteps,
      },
      {
        key: 'at-samples',
        label: `fixed samples n = ${formatParam(b.samples)} (s = n/B)`,
        className: 'sp-series sp-series--etr',
        x: b.B,
        y: b.atSamples,
      },
    ],
    marks,
    missing: null,
  };
}

/**
 * E_g of the η sweep as drawn: a rate at or beyond the edge whose run has grown past ten times the
 * largest E_g below the edge is left out (its run diverges; the edge's label says so), so that a
 * short horizon's huge finite values do not stretch the axis over the decades that matter.
 */
function belowBlowUp(e: SgdSweeps['eta']): Float64Array {
  let top = 0;
  e.eta.forEach((eta, i) => {
    if (eta < e.etaMax && Number.isFinite(e.Eg[i])) top = Math.max(top, e.Eg[i]);
  });
  return Float64Array.from(e.Eg, (E, i) => (e.eta[i] >= e.etaMax && E > 10 * top ? Infinity : E));
}

/** E_g after S steps against η, the optimum and the stability edge marked. */
export function etaFigure(s: SgdSweeps): SweepFigure {
  const e = s.eta;
  const claims = sweepMarkClaims(s);
  return {
    heading: `E_g after S = ${formatParam(e.steps)} steps against η`,
    xTitle: 'learning rate η',
    yTitle: 'test error E_g',
    series: [
      {
        key: 'eta',
        label: 'E_g at the horizon',
        className: 'sp-series sp-series--eg',
        x: e.eta,
        y: belowBlowUp(e),
      },
    ],
    marks: [
      {
        testId: 'eta-optimum',
        x: e.etaOpt,
        y: e.Eopt,
        variants: claims.optimum,
        className: 'sp-ref--half',
      },
      {
        testId: 'eta-edge',
        x: e.etaMax,
        y: null,
        variants: claims.edge,
        className: 'sp-ref--limit',
      },
    ],
    missing: null,
  };
}

/** The compute-optimal loss L*(C) and its fitted power law. */
export function frontierFigure(f: SgdFrontier): SweepFigure {
  const series: SweepSeries[] = [
    {
      key: 'frontier',
      label: 'best E_g over N, L*(C)',
      className: 'sp-series sp-series--eg',
      x: f.C,
      y: f.Lstar,
    },
  ];
  if (f.fitL) {
    const fit = f.fitL;
    series.push({
      key: 'fit',
      label: `fit C^{${formatSlope(fit.slope, 3)}} (predicted ${formatSlope(f.predicted.L, 3)})`,
      className: 'sp-series sp-series--fit',
      x: [fit.xmin, fit.xmax],
      y: [fit.xmin, fit.xmax].map((c) => 10 ** fit.intercept * c ** fit.slope),
    });
  }
  return {
    heading: 'Best E_g over N at fixed compute C = N·B·s',
    xTitle: 'compute C = N·B·s',
    yTitle: 'best test error L* = min_N E_g',
    series,
    marks: [],
    missing: null,
  };
}
