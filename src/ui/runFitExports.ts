// The Fit my runs panel's exports: the figure's footer facts and the CSV of the fit (the data with
// the fitted loss at each point, then each fitted curve with its bands to 10× the largest x),
// opening with the estimates and the link of the fitted state.
import type { FigureFacts } from '../charts/footer.ts';
import { rangeText } from '../charts/footer.ts';
import { estimateText, holdoutText, runFitHeading } from '../claims/runfit.ts';
import { FIT_AXIS_SPECS, runsJson } from '../model/runfit/index.ts';
import type { AppData } from '../state/store.ts';
import { toPlain } from '../format/data.ts';
import { dataPreamble } from './exportData.ts';
import { csvText } from './panelExports.ts';

/** The fit on screen, when there is one. */
export function shownRunFit(s: AppData) {
  const run = s.results.runfit;
  return run?.status === 'done' && run.result ? { run, result: run.result } : null;
}

export function runFitFacts(s: AppData): FigureFacts {
  const f = shownRunFit(s);
  if (!f) return { what: 'Fit my runs: no fit yet', window: null, bottleneck: false };
  const r = f.result;
  const xs = r.curves.flatMap((c) => [c.x[0], c.x[c.x.length - 1]]);
  return {
    what: `${runFitHeading(r, f.run.source)}, with the theory fitted`,
    window: rangeText('x', Math.min(...xs), Math.max(...xs)),
    notes: [
      // Not "α = …": a footer's "α = …" is the app state's own parameter.
      estimateText('α', r.alpha, 'the runs’ fitted α:'),
      estimateText('β', r.beta, 'the runs’ fitted β:'),
      ...(r.holdout ? [holdoutText(r.holdout, FIT_AXIS_SPECS[r.axis].label)] : []),
    ],
    bottleneck: false,
  };
}

/**
 * kind,run,x,loss,fitted,lo95,hi95,lo68,hi68,used: the data rows, the curves' rows, then (with the
 * hold-out check) the curves of the theory fitted on the first part only (kind holdout-fit).
 */
export function runFitCsv(s: AppData, url: string): string | null {
  const f = shownRunFit(s);
  if (!f) return null;
  const r = f.result;
  const rows: (number | string)[][] = [];
  for (const run of r.runs)
    run.x.forEach((x, i) =>
      rows.push(['data', run.id, x, run.loss[i], run.fitted[i], NaN, NaN, NaN, NaN, run.used[i]]),
    );
  for (const c of r.curves)
    c.x.forEach((x, i) =>
      rows.push([
        x > c.xData ? 'extrapolation' : 'fit',
        c.runs.join('+'),
        x,
        NaN,
        c.loss[i],
        c.lo[i],
        c.hi[i],
        c.lo68[i],
        c.hi68[i],
        NaN,
      ]),
    );
  // The hold-out fit (theory fitted on x ≤ split only) over the whole data, when it was made.
  for (const h of r.holdout?.curves ?? [])
    h.x.forEach((x, i) =>
      rows.push(['holdout-fit', h.runs.join('+'), x, NaN, h.loss[i], NaN, NaN, NaN, NaN, NaN]),
    );
  const what = `fit of your runs (${f.run.source}), loss against ${FIT_AXIS_SPECS[r.axis].label}`;
  const preamble = dataPreamble(what, s, s.params, url, runFitFacts(s));
  return csvText(
    preamble,
    ['kind', 'run', 'x', 'loss', 'fitted', 'lo95', 'hi95', 'lo68', 'hi68', 'used'],
    rows,
  );
}

/**
 * The runs as read, in the app's runs JSON (the panel and the CLI read it back), opening like every
 * JSON the app writes: format, version, the parameters and the link of the state it was saved from.
 */
export function runFitRunsJson(s: AppData, url: string): string | null {
  const f = shownRunFit(s);
  if (!f?.run.set) return null;
  const { format, ...rest } = JSON.parse(runsJson(f.result.axis, f.run.set)) as {
    format: string;
  };
  return JSON.stringify({ format, version: 1, params: toPlain(s.params), url, ...rest });
}
