// The exports of one-pass SGD's panel (docs/theory.md §9.8): what its figures show (footers), and
// its sweeps as one CSV (E_g against B in both settings, against η, the schedules), opening with
// the parameters and the link like every data file.
import type { FigureFacts } from '../charts/footer.ts';
import {
  batchClaim,
  criticalClaim,
  etaClaim,
  frontierClaim,
  schedulesClaim,
  sgdExponentRows,
} from '../claims/sgd.ts';
import type { Claim } from '../claims/registry.ts';
import type { SgdFrontier } from '../model/sgd/frontier.ts';
import type { SgdSweeps } from '../model/sgd/panels.ts';
import { isSgdCurve } from '../model/sgd/theory.ts';
import type { AppData } from '../state/store.ts';
import { dataPreamble } from './exportData.ts';
import { csvText, exponentTableCsv } from './panelExports.ts';

/** The sweeps of the state on screen: null while they are computed, or when they failed for it. */
export function settledSweeps(s: AppData): SgdSweeps | null {
  const st = s.results.status.sgdSweeps;
  return st === 'pending' || st === 'error' ? null : s.results.sgdSweeps;
}

/** A figure's notes from claims: their words in the footer, their checkers in the footer's. */
function claimNotes(claims: readonly Claim[]): Pick<FigureFacts, 'notes' | 'checks'> {
  return { notes: claims.map((c) => c.markup), checks: claims.map((c) => c.check) };
}

/** The footer facts of the batch figure. */
export function sgdBatchFacts(s: AppData): FigureFacts {
  const w = settledSweeps(s);
  return {
    what: 'E_g against batch size B at fixed steps and at fixed samples (one-pass SGD)',
    window: w ? `B from 1 to ${w.batch.B[w.batch.B.length - 1]}` : null,
    ...claimNotes(w ? [criticalClaim(w)] : []),
  };
}

/** The footer facts of the learning-rate figure. */
export function sgdEtaFacts(s: AppData): FigureFacts {
  const w = settledSweeps(s);
  return {
    what: 'E_g after S steps against the learning rate η (one-pass SGD)',
    window: w
      ? `η from ${w.eta.eta[0].toPrecision(3)} to ${w.eta.eta[w.eta.eta.length - 1].toPrecision(3)}`
      : null,
    ...claimNotes(w ? [etaClaim(w)] : []),
  };
}

/** The sweeps as rows: sweep, x, E_g (the schedules by name). */
export function sgdSweepsCsv(s: AppData, url: string): string | null {
  const w = settledSweeps(s);
  if (!w) return null;
  const rows: (number | string)[][] = [];
  w.batch.B.forEach((B, i) => rows.push(['B at fixed steps', B, w.batch.atSteps[i]]));
  w.batch.B.forEach((B, i) => rows.push(['B at fixed samples', B, w.batch.atSamples[i]]));
  w.eta.eta.forEach((eta, i) => rows.push(['eta at the horizon', eta, w.eta.Eg[i]]));
  for (const r of w.schedules) rows.push([`schedule ${r.schedule}`, s.params.horizon, r.Eg]);
  const claims = [batchClaim(w), criticalClaim(w), etaClaim(w), schedulesClaim(w, s.params)];
  const notes = claims.flatMap((c) => (c ? [c.markup] : []));
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
  const rows = sgdExponentRows(curve, settledSweeps(s));
  const what = 'fitted against predicted exponents (one-pass SGD)';
  return exponentTableCsv(what, s, curve.params, url, rows);
}

/** The frontier of the state on screen under SGD, with the curve its law is read from. */
function settledFrontier(s: AppData) {
  const f = s.results.status.sgdFrontier === 'ok' ? s.results.sgdFrontier : null;
  const curve = s.results.curve;
  return f && isSgdCurve(curve) ? { f, claim: frontierClaim(f, s.params, curve.sgd.laws.s) } : null;
}

/** Whether the SGD frontier can be written (the menu's button is enabled). */
export function sgdFrontierReady(s: AppData): boolean {
  return settledFrontier(s) !== null;
}

/** The footer facts of the SGD frontier figure (C = N·B·s, §9.8). */
export function sgdFrontierFacts(s: AppData): FigureFacts {
  const w = settledFrontier(s);
  const C = (f: SgdFrontier) => `C = N·B·s from ${f.C[0]} to ${f.C[f.C.length - 1]}`;
  return {
    what: 'best E_g over N at fixed compute C = N·B·s (one-pass SGD)',
    window: w ? C(w.f) : null,
    ...claimNotes(w ? [w.claim] : []),
  };
}

/** The SGD frontier as rows: C, L*, N*, s*, with its claim in the preamble. */
export function sgdFrontierCsv(s: AppData, url: string): string | null {
  const w = settledFrontier(s);
  if (!w) return null;
  const { f } = w;
  const rows = Array.from(f.C, (C, i) => [C, f.Lstar[i], f.Nstar[i], f.sstar[i]]);
  return csvText(
    [...dataPreamble('compute-optimal frontier (one-pass SGD)', s, s.params, url), w.claim.markup],
    ['C', 'L_star', 'N_star', 's_star'],
    rows,
  );
}
