// Exports: each plot as SVG or PNG (charts/export.ts does the standalone-SVG work) with a footer
// saying what it shows and its link, the curves as CSV, everything (parameters, view, pins,
// results) as JSON, the simulation as CSV; the data files open with their parameters and link.
// Which panel exports what is the panel table's (panels.ts); the panels' own data, panelExports.ts.
// Downloads go through a Blob and an object URL: nothing leaves the browser.
import {
  csvPreamble,
  curvesToCsv,
  downloadBlob,
  svgToPngBlob,
  svgToString,
} from '../charts/export.ts';
import { figureFooter, footerClaims, linkCheck, type FigureFacts } from '../charts/footer.ts';
import { claim, DEFINITION, type Claim } from '../claims/registry.ts';
import { resampleLogLog } from '../model/resample.ts';
import { csvNumber, toPlain } from '../format/data.ts';
import type { Params } from '../model/params.ts';
import { writeParams } from '../model/paramsCodec.ts';
import type { AppData } from '../state/store.ts';
import { labelIgnore, paramsKey, pinLabels, pinnedResults } from '../state/pins.ts';
import { poolSourceOf } from '../model/data/sources.ts';
import { inSteps } from '../model/regimes.ts';

/** Pins follow an automatic window: it is not what sets them apart in labels. */
const ignoredKeys = (s: AppData) => labelIgnore(s.view.timeWindow);

/**
 * The footer of an exported figure: the state's curve and parameters, what the figure shows
 * (`facts`, the learning curve's by default), and the link.
 */
export function footerOf(s: AppData, url: string, facts?: FigureFacts): string[] {
  return figureFooter(s.results.curve, s.params, url, facts);
}

/**
 * Opening lines of a data file as claims: what it holds, the description of the figure it
 * belongs to (the same claim as that figure's footer), the parameters, the link.
 */
export function preambleClaims(
  what: string,
  s: AppData,
  p: Params,
  url: string,
  facts?: FigureFacts,
): Claim[] {
  const [description] = footerClaims(s.results.curve, s.params, url, facts);
  const pairs = writeParams(p);
  const query = `http://x/?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
  return [
    claim('export.what', `Scaling Playground: ${what}`, { params: {} }, DEFINITION),
    description,
    claim(
      'export.params',
      `params: ${pairs.map(([k, v]) => `${k}=${v}`).join(', ')}`,
      { params: p },
      linkCheck(query, p),
    ),
    claim('export.link', `link: ${url}`, { params: p }, linkCheck(url, p)),
  ];
}

/** The opening lines of a data file, as plain text. */
export function dataPreamble(
  what: string,
  s: AppData,
  p: Params,
  url: string,
  facts?: FigureFacts,
): string[] {
  return preambleClaims(what, s, p, url, facts).map((c) => c.plain);
}

const PREFIX = 'scaling-playground';

function plotSvg(testid: string): SVGSVGElement | null {
  return document.querySelector<SVGSVGElement>(`svg[data-testid="${testid}"]`);
}

export function exportSvg(testid: string, name: string, footer: readonly string[]): boolean {
  const svg = plotSvg(testid);
  if (!svg) return false;
  const text = svgToString(svg, { footer });
  downloadBlob(new Blob([text], { type: 'image/svg+xml' }), `${PREFIX}-${name}.svg`);
  return true;
}

export async function exportPng(
  testid: string,
  name: string,
  footer: readonly string[],
): Promise<boolean> {
  const svg = plotSvg(testid);
  if (!svg) return false;
  downloadBlob(await svgToPngBlob(svg, 2, { footer }), `${PREFIX}-${name}.png`);
  return true;
}

export function curvesCsv(s: AppData, url: string): string | null {
  const c = s.results.curve;
  if (!c) return null;
  const pins = pinnedResults(s.pins, s.results.pinCurves, s.params, ignoredKeys(s));
  const what = pins.length ? 'learning curves, with E_g and E_tr of each pin' : 'learning curves';
  return curvesToCsv(c, pins, dataPreamble(what, s, c.params, url));
}

/** t, simulated means and s.e.m., and the theory at the simulation's M at the same times. */
export function simCsv(s: AppData, url: string): string | null {
  const sim = s.results.sim;
  const r = sim?.result;
  if (!sim || !r) return null;
  // Its own parameters: the simulation runs at a finite M (real SGD on a pool at its N).
  const source = poolSourceOf(sim.params);
  const sgd = inSteps(sim.params.regime);
  const what = !source
    ? `${sgd ? 'real SGD, ' : 'exact simulation, '}${r.seeds} seeds`
    : sgd
      ? `real SGD on ${source.words.name} ${source.words.items}, ${r.seeds} seeds`
      : `${source.words.real}, ${r.seeds} draws`;
  const preamble = dataPreamble(what, s, sim.params, url);
  const thEg = sim.theory ? resampleLogLog(r.t, sim.theory.t, sim.theory.Eg) : null;
  const thEtr = sim.theory ? resampleLogLog(r.t, sim.theory.t, sim.theory.Etr) : null;
  // One-pass SGD samples steps (docs/theory.md §9.6), the other regimes times.
  const rows = [`${sgd ? 'steps' : 't'},Eg_mean,Eg_sem,Etr_mean,Etr_sem,Eg_theory,Etr_theory`];
  for (let i = 0; i < r.t.length; i++) {
    rows.push(
      [
        r.t[i],
        r.EgMean[i],
        r.EgSem[i],
        r.EtrMean[i],
        r.EtrSem[i],
        thEg?.[i] ?? NaN,
        thEtr?.[i] ?? NaN,
      ]
        .map(csvNumber)
        .join(','),
    );
  }
  return `${csvPreamble(preamble)}${rows.join('\n')}\n`;
}

/** The whole state as one JSON document (typed arrays as arrays, ∞ as "inf"). */
export function stateJson(s: AppData, url: string): string {
  const { curve, modes, sweepP, sweepN, sim } = s.results;
  const labels = pinLabels(s.pins, s.params, ignoredKeys(s));
  const doc = {
    format: 'scaling-playground/state',
    version: 1,
    params: s.params,
    url,
    description: footerOf(s, url)[0],
    view: s.view,
    pins: s.pins.map((p, i) => ({
      label: labels[i],
      params: p,
      curve: s.results.pinCurves[paramsKey(p)] ?? null,
    })),
    curve,
    sweepP,
    sweepN,
    modes,
    sim: sim
      ? {
          params: sim.params,
          status: sim.status,
          current: sim.key === paramsKey(s.params),
          progress: sim.progress,
          result: sim.result,
          theory: sim.theory,
        }
      : null,
  };
  return `${JSON.stringify(toPlain(doc), null, 2)}\n`;
}

export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), `${PREFIX}-${filename}`);
}
