// The exports of one-pass SGD's panel (docs/theory.md §9.8): what its figures show (footers), and
// its sweeps as one CSV (E_g against B in both settings, against η, the schedules), opening with
// the parameters and the link like every data file.
import type { FigureFacts } from '../charts/footer.ts';
import {
  batchClaim,
  criticalClaim,
  etaClaim,
  schedulesClaim,
  sgdExponentRows,
} from '../claims/sgd.ts';
import { isSgdCurve } from '../model/sgd/theory.ts';
import type { AppData } from '../state/store.ts';
import { dataPreamble } from './exportData.ts';
import { csvText } from './panelExports.ts';

/** The footer facts of the batch figure. */
export function sgdBatchFacts(s: AppData): FigureFacts {
  const w = s.results.sgdSweeps;
  return {
    what: 'E_g against batch size B at fixed steps and at fixed samples (one-pass SGD)',
    window: w ? `B from 1 to ${w.batch.B[w.batch.B.length - 1]}` : null,
    notes: w ? [criticalClaim(w).text] : [],
  };
}

/** The footer facts of the learning-rate figure. */
export function sgdEtaFacts(s: AppData): FigureFacts {
  const w = s.results.sgdSweeps;
  return {
    what: 'E_g after S steps against the learning rate η (one-pass SGD)',
    window: w
      ? `η from ${w.eta.eta[0].toPrecision(3)} to ${w.eta.eta[w.eta.eta.length - 1].toPrecision(3)}`
      : null,
    notes: w ? [etaClaim(w).text] : [],
  };
}

/** The sweeps as rows: sweep, x, E_g (the schedules by name). */
export function sgdSweepsCsv(s: AppData, url: string): string | null {
  const w = s.results.sgdSweeps;
  if (!w) return null;
  const rows: (number | string)[][] = [];
  w.batch.B.forEach((B, i) => rows.push(['B at fixed steps', B, w.batch.atSteps[i]]));
  w.batch.B.forEach((B, i) => rows.push(['B at fixed samples', B, w.batch.atSamples[i]]));
  w.eta.eta.forEach((eta, i) => rows.push(['eta at the horizon', eta, w.eta.Eg[i]]));
  for (const r of w.schedules) rows.push([`schedule ${r.schedule}`, s.params.horizon, r.Eg]);
  const claims = [batchClaim(w), criticalClaim(w), etaClaim(w), schedulesClaim(w, s.params)];
  const notes = claims.flatMap((c) => (c ? [c.text] : []));
  return csvText(
    [
      ...dataPreamble('one-pass SGD: batch size, learning rate, schedules', s, s.params, url),
      ...notes,
    ],
    ['sweep', 'x', 'Eg'],
    rows,
  );
}

/** The exponent table under one-pass SGD: each law fitted against predicted, with its condition. */
export function sgdExponentsCsv(s: AppData, url: string): string | null {
  const curve = s.results.curve;
  if (!isSgdCurve(curve)) return null;
  const rows = sgdExponentRows(curve, s.results.sgdSweeps).map((r) => [
    r.name,
    r.fit?.slope ?? NaN,
    r.fit?.xmin ?? NaN,
    r.fit?.xmax ?? NaN,
    r.fitWhy ?? '',
    r.verdict.value,
    r.formula,
    r.condition,
  ]);
  const header = ['exponent', 'fitted', 'fit_from', 'fit_to', 'no_fit_because', 'predicted'];
  return csvText(
    dataPreamble('fitted against predicted exponents (one-pass SGD)', s, curve.params, url),
    [...header, 'formula', 'condition'],
    rows,
  );
}
