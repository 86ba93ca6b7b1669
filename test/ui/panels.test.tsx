// @vitest-environment jsdom
// The panel table (src/ui/panels.ts): every panel a link can name has one record; the page draws
// each shown panel once, in either layout; and every panel's exports work from the state the app
// holds: each figure as a standalone SVG whose footer states what that figure shows and its link,
// each data file opening with its description, parameters and link, then a header and rows.
import { act, cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// jsdom has no Worker: the compute facade is replaced by spies (the results are set below).
vi.mock('../../src/compute/index.ts', () => ({
  startCompute: vi.fn(),
  startSimulation: vi.fn(),
  cancelSimulation: vi.fn(),
  retryCompute: vi.fn(),
  startRunFit: vi.fn(),
  cancelRunFit: vi.fn(),
}));

import { svgToString } from '../../src/charts/export.ts';
import { parseRich, plainOf } from '../../src/format/rich.ts';
import { parseSpectrumCsv } from '../../src/model/data/customSpectrum.ts';
import { DEFAULT_PARAMS, type Params } from '../../src/model/params.ts';
import { computeCurve } from '../../src/model/theory/curve.ts';
import { computeSgdCurve } from '../../src/model/sgd/theory.ts';
import { computeSgdSweeps } from '../../src/model/sgd/panels.ts';
import { spectrumView } from '../../src/model/theory/dataSpectra.ts';
import { computeFrontier, frontierSweep } from '../../src/model/theory/frontier.ts';
import { computeModeDetail, computeModes } from '../../src/model/theory/modes.ts';
import { computeOrder } from '../../src/model/theory/order.ts';
import { emptyPhaseGrid, fitPhasePoints } from '../../src/model/theory/phaseFit.ts';
import { computeSweep } from '../../src/model/theory/sweep.ts';
import { appStore, resetStore, type Results } from '../../src/state/store.ts';
import { PANELS, panelShown } from '../../src/state/view.ts';
import { App } from '../../src/ui/App.tsx';
import { footerOf } from '../../src/ui/exportData.ts';
import {
  figuresShown,
  inRegime,
  isShown,
  PANEL_LABELS,
  PANEL_TABLE,
  panelRecord,
  shownComponents,
  type PanelKey,
} from '../../src/ui/panels.ts';
import { registerMnist } from '../helpers/mnistSpectra.ts';
import { readFileSync } from 'node:fs';
import { HOLDOUT_FRACTION, parseRunsText, runFitJob } from '../../src/model/runfit/index.ts';
import type { RunFitRun } from '../../src/state/store.ts';

const URL = 'http://h/?v=1&P=64';
const s = () => appStore.getState();

/** A small state (cheap to compute) with every panel on and every result the panels draw. */
const P: Params = { ...DEFAULT_PARAMS, alpha: 1.5, beta: 2, P: 64, N: 1024, sigma2: 0.01 };

/** A fit of one run of the fixture (no bootstrap: quick), with the hold-out, as the panel files it. */
function runFit(): RunFitRun {
  const csv = readFileSync(
    new globalThis.URL('../fixtures/runs/steps-3runs.csv', import.meta.url),
    'utf8',
  );
  const text = csv
    .split('\n')
    .filter((l, i) => i === 0 || l.includes(',P1000,'))
    .join('\n');
  const options = { axis: 'steps' as const, bootstrap: 0, holdout: HOLDOUT_FRACTION };
  const o = runFitJob(text, options);
  if (o.kind !== 'fitted') throw new Error(`fixture not fitted: ${o.kind}`);
  return {
    status: 'done',
    seq: 1,
    source: 'pasted text',
    options,
    progress: null,
    result: o.result,
    set: o.set,
    runs: o.runs,
    rows: o.rows,
    refusal: null,
  };
}

function results(p: Params): Partial<Results> {
  const curve = computeCurve(p, { window: 'auto' });
  const w = { ...p, tmin: curve.window.tmin, tmax: curve.window.tmax };
  const c = computeCurve(w, { parts: true, light: true });
  const inf = computeOrder(w, Float64Array.of(Infinity));
  const grid = emptyPhaseGrid('data-inf', 2);
  const pts = fitPhasePoints('data-inf', w, [[1.5, 2]], { window: 'auto' });
  return {
    curve,
    modes: computeModes(w),
    sweepP: computeSweep(w, 'P', 'tstar'),
    sweepN: computeSweep(w, 'N', 'tstar'),
    frontier: frontierSweep(computeFrontier(w), w.P),
    parts: { t: c.t, Eg: c.Eg, parts: c.parts!, limit: c.limit.parts },
    order: {
      ...computeOrder(w),
      atInfinity: { kappa: inf.kappa[0], R: inf.R[0], amplification: inf.amplification[0] },
    },
    mode: computeModeDetail(w, 10),
    phase: { key: 'k', grid: { ...grid, points: [pts[0], null, null, null], done: 1 } },
    runfit: runFit(),
  };
}

/** A selector that finds each panel on the page (its figure, or its own section). */
const ON_PAGE: Record<PanelKey, string> = {
  curve: 'svg[data-testid="learning-curve"]',
  scalingP: 'svg[data-testid="scaling-P"]',
  scalingN: 'svg[data-testid="scaling-N"]',
  frontier: 'svg[data-testid="scaling-C"]',
  decomposition: 'svg[data-testid="decomposition"]',
  order: 'svg[data-testid="order-chart"]',
  inspector: 'svg[data-testid="mode-chart"]',
  modes: 'svg[data-testid="modes"]',
  phase: 'svg[data-testid="phase-diagram"]',
  spectrum: 'svg[data-testid="spectrum"]',
  exponents: 'section.panel-exponents',
  formulas: 'section.panel-formulas',
  simulation: '[data-testid="sim-run"]',
  sgd: 'svg[data-testid="sgd-batch"]',
  runfit: 'section.panel-runfit',
};

afterEach(cleanup);

describe('the panel table', () => {
  it('has one record per panel a link can name, and the curve and the spectrum', () => {
    const ids = PANEL_TABLE.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...PANELS, 'curve', 'spectrum'].sort());
    for (const id of PANELS) {
      expect(panelRecord(id).shown).toBe(panelShown(id));
      expect(PANEL_LABELS[id]).toBe(panelRecord(id).label);
    }
    expect(panelRecord('curve').shown).toBe('always');
    expect(panelRecord('spectrum').shown).toBe('with measured data');
  });

  it('names every export once, and says why a panel lacks a figure or data of its own', () => {
    const figures = PANEL_TABLE.flatMap((r) => r.figures);
    const data = PANEL_TABLE.flatMap((r) => r.data);
    expect(new Set(figures.map((f) => f.name)).size).toBe(figures.length);
    expect(new Set(figures.map((f) => f.svg)).size).toBe(figures.length);
    expect(new Set(data.map((d) => d.testid)).size).toBe(data.length);
    expect(new Set(data.map((d) => d.file)).size).toBe(data.length);
    expect(figures.length).toBeGreaterThanOrEqual(10);
    for (const r of PANEL_TABLE) {
      const complete = r.figures.length > 0 && r.data.length > 0;
      expect(r.exportNote === null, r.id).toBe(complete);
    }
  });

  it('says for every panel whether and how it can stand on the lecture stage', () => {
    for (const r of PANEL_TABLE) {
      if (r.stage.place === null) expect(r.stage.why.length, r.id).toBeGreaterThan(10);
      else if (r.stage.place !== 'stage') expect(r.stage.minHeight, r.id).toBeGreaterThan(50);
    }
    expect(panelRecord('curve').stage.place).toBe('stage');
    // The panels on the curve's time axis can stand under it.
    for (const id of ['decomposition', 'order', 'inspector'] as const)
      expect(panelRecord(id).stage.place).toBe('under-curve');
  });

  it('shows a panel by request, always, or with measured data', () => {
    const ctx = (panels: readonly (typeof PANELS)[number][], data: Params['data']) => ({
      view: { panels },
      params: { data, regime: 'gf' as const },
    });
    expect(isShown(panelRecord('modes'), ctx(['modes'], 'powerlaw'))).toBe(true);
    expect(isShown(panelRecord('modes'), ctx([], 'powerlaw'))).toBe(false);
    expect(isShown(panelRecord('curve'), ctx([], 'powerlaw'))).toBe(true);
    expect(isShown(panelRecord('spectrum'), ctx([], 'powerlaw'))).toBe(false);
    expect(isShown(panelRecord('spectrum'), ctx([], 'mnist'))).toBe(true);
    // The P and N panels share a section: drawn once when either is shown.
    const both = shownComponents(['side'], ctx(['scalingP', 'scalingN'], 'powerlaw'));
    expect(both.map((c) => c.key)).toEqual(['scalingP']);
    const onlyN = shownComponents(['side'], ctx(['scalingN'], 'powerlaw'));
    expect(onlyN.map((c) => c.key)).toEqual(['scalingN']);
  });
});

describe('App draws each shown panel once', () => {
  for (const theme of ['normal', 'lecture'] as const)
    it(`in the ${theme} layout, and no hidden one`, () => {
      resetStore();
      act(() => s().setView({ panels: PANELS, theme }));
      const { container, unmount } = render(<App />);
      let checked = 0;
      for (const r of PANEL_TABLE) {
        const n = container.querySelectorAll(ON_PAGE[r.id]).length;
        // Under gradient flow, not the measured spectrum nor one-pass SGD's own panel.
        expect(n, r.id).toBe(r.id === 'spectrum' || !inRegime(r, 'gf') ? 0 : 1);
        checked++;
      }
      expect(checked).toBe(PANEL_TABLE.length);
      // Hidden panels are not drawn.
      act(() => s().setView({ panels: ['modes'] }));
      for (const r of PANEL_TABLE) {
        const expected = r.id === 'curve' || r.id === 'modes' ? 1 : 0;
        expect(container.querySelectorAll(ON_PAGE[r.id]).length, r.id).toBe(expected);
      }
      unmount();
    });
});

/** The fields of a CSV row (RFC 4180: quoted fields may hold commas and doubled quotes). */
function fields(row: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (quoted && c === '"' && row[i + 1] === '"') cur += row[++i];
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  return [...out, cur];
}

/** The comment lines a data file opens with, and the table after them. */
function dataDoc(text: string, comment: string) {
  const lines = text.trimEnd().split('\n');
  const n = lines.findIndex((l) => !l.startsWith(comment));
  const head = lines.slice(0, n < 0 ? lines.length : n);
  expect(head.length).toBeGreaterThanOrEqual(4);
  return { head, body: lines.slice(head.length) };
}

/** Every export of the shown panels, checked against the state on screen. */
async function checkExports(keys: readonly PanelKey[]) {
  const state = s();
  let figures = 0;
  let files = 0;
  for (const id of keys) {
    const r = panelRecord(id);
    expect(isShown(r, state), id).toBe(true);
    for (const f of figuresShown(r, state)) {
      const svg = document.querySelector<SVGSVGElement>(`svg[data-testid="${f.svg}"]`);
      expect(svg, f.name).not.toBeNull();
      expect(
        svg!.querySelector('[data-testid="no-data"]')?.textContent ?? null,
        `${f.name} draws data`,
      ).toBeNull();
      const footer = footerOf(state, URL, f.facts(state));
      const xml = svgToString(svg!, { footer });
      const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
      const text = [...doc.querySelectorAll('[data-export-footer] text')]
        .map((t) => t.textContent)
        .join(' ');
      expect(text.replace(/\s/g, ''), f.name).toContain(`Link:${URL}`);
      const what = f.facts(state).what;
      if (what) expect(footer[0].startsWith(`${plainOf(parseRich(what))} · `), f.name).toBe(true);
      expect(footer[0], f.name).toContain('α = ');
      // Data drawn: a path of many points, or the cells of a heat map.
      const longest = Math.max(
        ...[...doc.querySelectorAll('path')].map((e) => e.getAttribute('d')?.length ?? 0),
      );
      const cells = doc.querySelectorAll('rect').length;
      expect(longest > 60 || cells > 20, `${f.name}: ${longest}, ${cells}`).toBe(true);
      figures++;
    }
    for (const d of r.data) {
      // The simulation's CSV waits for a run (the simulation e2e test exports one).
      if (d.testid === 'export-sim-csv' && !state.results.sim) {
        expect(d.ready(state)).toBe(false);
        continue;
      }
      expect(d.ready(state), d.testid).toBe(true);
      const text = await d.write(state, URL);
      expect(text, d.testid).not.toBeNull();
      if (d.type === 'application/json') {
        const doc = JSON.parse(text!);
        expect(Object.keys(doc).slice(0, 4)).toEqual(['format', 'version', 'params', 'url']);
        expect(doc.url).toBe(URL);
      } else {
        const comment = d.type === 'text/csv' ? '# ' : '% ';
        const { head, body } = dataDoc(text!, comment);
        expect(head[0], d.testid).toMatch(new RegExp(`^${comment}Scaling Playground: \\S`));
        expect(head, d.testid).toContain(`${comment}link: ${URL}`);
        expect(
          head.some((l) => l.startsWith(`${comment}params: regime=`)),
          d.testid,
        ).toBe(true);
        if (d.type === 'text/csv') {
          const cols = fields(body[0]).length;
          expect(cols, d.testid).toBeGreaterThanOrEqual(2);
          expect(body.length, d.testid).toBeGreaterThan(1);
          const numeric = (c: string) => c !== '' && Number.isFinite(Number(c));
          for (const row of body.slice(1)) expect(fields(row).length, d.testid).toBe(cols);
          expect(
            body.slice(1).filter((r) => fields(r).some(numeric)).length,
            d.testid,
          ).toBeGreaterThan(0);
        } else expect(text, d.testid).toContain('\\[ ');
      }
      files++;
    }
  }
  return { figures, files };
}

describe('every panel exports its figure and its data', () => {
  beforeAll(() => {
    resetStore();
    s().setParams(P);
    s().setView({ panels: PANELS });
    s().patchResults(results(P));
  });
  afterAll(() => resetStore());

  it('the power-law panels, from the results on screen', async () => {
    render(<App />);
    // One-pass SGD's own panel is not on the page under gradient flow (its test is below).
    const flow = PANEL_TABLE.filter((r) => inRegime(r, 'gf'));
    const keys = flow.map((r) => r.id).filter((id) => id !== 'spectrum');
    const { figures, files } = await checkExports(keys);
    expect(figures).toBe(10);
    expect(files).toBe(flow.flatMap((r) => r.data).length - 2); // no run, no spectrum
  });

  it('the runs JSON of a fit reads back as the same runs', async () => {
    const d = panelRecord('runfit').data.find((x) => x.testid === 'export-runfit-runs-json')!;
    const text = (await d.write(s(), URL))!;
    const back = parseRunsText(text, 'steps');
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const set = s().results.runfit!.set!;
    expect(back.runs.map((r) => [r.id, Array.from(r.x), Array.from(r.loss)])).toEqual(
      set.runs.map((r) => [r.id, Array.from(r.x), Array.from(r.loss)]),
    );
  });

  it('each footer states its own figure: the sweep’s range and fit, the modes’ ranges', () => {
    const st = s();
    const sweep = st.results.sweepP!;
    const [line] = footerOf(st, URL, panelRecord('scalingP').figures[0].facts(st));
    expect(line).toMatch(/^Eg against dataset size P, at the early-stopping time t\* · /);
    expect(line).toContain(`P from ${sweep.x[0]} to `);
    expect(line).toMatch(/fit: (slope|none)/);
    expect(line).not.toMatch(/t from /);
    const [modes] = footerOf(st, URL, panelRecord('modes').figures[0].facts(st));
    expect(modes).toMatch(/t from \S+ to \S+, k from 1 to \d+/);
    const [phase] = footerOf(st, URL, panelRecord('phase').figures[0].facts(st));
    expect(phase).toContain('fitted grid: 1 of 4 points');
    expect(phase).not.toContain('bottleneck');
    // The learning curve's own footer is the one it always had.
    expect(footerOf(st, URL, panelRecord('curve').figures[0].facts(st))).toEqual(footerOf(st, URL));
  });
});

describe('one-pass SGD: its panel exports its figures and data', () => {
  const sgd: Params = { ...DEFAULT_PARAMS, regime: 'sgd', eta: 0.3, batch: 1, horizon: 2000 };
  beforeAll(() => {
    resetStore();
    s().setParams(sgd);
    s().setView({ panels: ['sgd', 'exponents'] });
    s().patchResults({ curve: computeSgdCurve(sgd), sgdSweeps: computeSgdSweeps(sgd) });
  });
  afterAll(() => resetStore());

  it('the curve in steps, the batch and learning-rate figures, their CSV', async () => {
    render(<App />);
    // The fixed-dataset panels are not on the page in this regime.
    for (const id of ['scalingP', 'modes', 'decomposition'] as const)
      expect(isShown(panelRecord(id), s()), id).toBe(false);
    const { figures, files } = await checkExports(['curve', 'sgd', 'exponents']);
    expect(figures).toBe(3);
    expect(files).toBe(4); // curves, state, the SGD CSV, the exponents (no simulation run yet)
    expect(document.querySelector('[data-testid="sgd-exponents"] tbody')?.children.length).toBe(4);
  });
});

describe('the spectrum panel (measured data)', () => {
  beforeAll(() => {
    registerMnist('relu', 'parity');
    resetStore();
    const p: Params = { ...P, data: 'mnist', kernel: 'relu', task: 'parity', M: Infinity };
    s().setParams(p);
    s().setView({ panels: [] });
    s().patchResults({ curve: computeCurve(p), spectrum: spectrumView(p) });
  });
  afterAll(() => resetStore());

  it('exports its figure and the spectrum as two columns with the fit in the opening lines', async () => {
    render(<App />);
    const { figures, files } = await checkExports(['spectrum']);
    expect([figures, files]).toEqual([1, 1]);
    const text = (await panelRecord('spectrum').data[0].write(s(), URL))!;
    const { head, body } = dataDoc(text, '# ');
    expect(head.find((l) => l.startsWith('# fit: lambda_k'))).toBeTruthy();
    expect(body[0]).toBe('lambda,power');
    const view = s().results.spectrum!;
    expect(body.length - 1).toBe(view.lam.length);
    // It reads back as "Your spectrum…": the same eigenvalues and target powers, read as powers.
    const back = parseSpectrumCsv(text);
    if (!back.ok) throw new Error(back.message);
    expect(back.column).toBe('power');
    expect(Array.from(back.modes.lam)).toEqual(Array.from(view.lam));
    expect(Array.from(back.modes.power)).toEqual(Array.from(view.power));
  });
});
