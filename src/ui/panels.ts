// The panels as a table: one record per panel saying what it is (label), where it goes (section),
// when it shows (by default, on request, always, with measured data), what draws it (component),
// what it exports (figures as SVG/PNG with a footer, data as CSV/JSON/TeX opening with the
// parameters and the link) and whether and how it can stand on the lecture stage. App lays the
// page out from it, the Panels menu names the panels from it, the Export menu offers its exports.
// A link's panel ids and which show by default are state (state/view.ts), as the URL needs them.
//
// Sections: 'main' is the learning curve (the stage in lecture mode); 'under' sits under it on its
// time axis; 'side' is the side column (under the curve on narrow screens); 'below' follows the
// under-curve panels in the centre column. In lecture mode everything but 'main' is below the fold,
// in table order.
import type { ComponentType } from 'react';
import type { FigureFacts } from '../charts/footer.ts';
import type { Params } from '../model/params.ts';
import {
  panelShown,
  PANELS,
  type PanelId,
  type PanelShown,
  type ViewState,
} from '../state/view.ts';
import type { AppData } from '../state/store.ts';
import { isMeasured } from '../model/data/sources.ts';
import { paramsKey } from '../state/pins.ts';
import { CurvePanel } from './CurvePanel.tsx';
import { curvesCsv, simCsv, stateJson } from './exportData.ts';
import { DecompositionSection, InspectorSection, OrderSection } from './MeanFieldPanels.tsx';
import {
  exponentsCsv,
  formulasTex,
  modeCsv,
  modeFacts,
  modesCsv,
  modesFacts,
  orderCsv,
  orderFacts,
  partsCsv,
  partsFacts,
  phaseFacts,
  phaseGridCsv,
  shownMode,
  shownParts,
  spectrumCsv,
  spectrumFacts,
  sweepCsv,
  sweepFacts,
  sweepOf,
} from './panelExports.ts';
import {
  ExponentsSection,
  FormulasSection,
  FrontierSection,
  ModesSection,
  ScalingSection,
  SpectrumSection,
  spectrumTitle,
} from './Panels.tsx';
import { PhaseSection } from './PhaseSection.tsx';
import { RunFitPanel } from './RunFitPanel.tsx';
import { runFitCsv, runFitFacts, runFitRunsJson, shownRunFit } from './runFitExports.ts';
import { SimulationBox } from './SimulationBox.tsx';
import {
  inStepsOr,
  SgdExponentsSection,
  SgdFrontierSection,
  SgdSweepsSection,
} from './SgdPanels.tsx';
import {
  sgdBatchFacts,
  sgdEtaFacts,
  sgdExponentsCsv,
  sgdFrontierCsv,
  sgdFrontierFacts,
  sgdFrontierReady,
  sgdSweepsCsv,
} from './sgdExports.ts';
import { isSgdCurve } from '../model/sgd/theory.ts';
import { inSteps, REGIME, REGIMES, type Regime } from '../model/regimes.ts';
import { claim, problems, type Claim } from '../claims/registry.ts';

/** A panel of the table: a link's panel id, the learning curve, or the measured spectrum. */
export type PanelKey = PanelId | 'curve' | 'spectrum';

export type PanelSection = 'main' | 'under' | 'side' | 'below';

/** A figure a panel exports as SVG and PNG, with a footer stating what it shows. */
export interface FigureExport {
  /** The chart's svg[data-testid]. */
  svg: string;
  /** Its name in file names and in the menu's test ids (export-<name>-svg, -png). */
  name: string;
  label: string;
  /** What the figure shows beyond the parameters, from the results it draws (charts/footer.ts). */
  facts: (s: AppData) => FigureFacts;
  /** Whether it is drawn in this state (a panel whose figure depends on the regime); default yes. */
  shown?: (s: AppData) => boolean;
}

/** A data file a panel exports, opening with what it holds, the parameters and the link. */
export interface DataExport {
  testid: string;
  label: string;
  /** File name after the app's prefix. */
  file: string;
  type: 'text/csv' | 'application/json' | 'application/x-tex';
  /** There is something to write (else the menu's button is disabled). */
  ready: (s: AppData) => boolean;
  /** The file's text; null: nothing to write (yet). */
  write: (s: AppData, url: string) => string | null | Promise<string | null>;
}

/**
 * How a panel can stand on the lecture stage (the first screen in lecture mode, where a lesson may
 * put the panel its text is about): under the learning curve (the panels on its time axis: the
 * curve gives up height), instead of it (a figure of its own: the curve moves below the fold), or
 * not at all (why not). `minHeight`: the least height in px it needs there at 1280 × 720.
 */
export type StageFit =
  | { place: 'stage' }
  | { place: 'under-curve' | 'instead-of-curve'; minHeight: number }
  | { place: null; why: string };

export interface PanelRecord {
  id: PanelKey;
  label: string;
  section: PanelSection;
  /** A link's panels by default or on request (state/view.ts); the curve always; the spectrum with measured data. */
  shown: PanelShown | 'always' | 'with measured data';
  /**
   * What draws it. Records with the same component (the P and N scaling panels share one section
   * with its selector of t*, a fixed t or ∞) are drawn once, where the first of them is.
   */
  component: ComponentType;
  figures: readonly FigureExport[];
  data: readonly DataExport[];
  /** Why a panel has no figure or no data of its own; null when it has both. */
  exportNote: string | null;
  stage: StageFit;
  /**
   * The regimes' time axes it belongs to (absent: every regime). 'time': the fixed-dataset theory
   * (P and N sweeps, modes, the mean field's internals, the phase diagram) that one-pass SGD does
   * not have; 'steps': one-pass SGD's own panels (docs/theory.md §9.8).
   */
  axis?: 'time' | 'steps';
}

const toggled = (id: PanelId) => ({ id, shown: panelShown(id) });
const csv = 'text/csv' as const;

/** A panel's own CSV: export-<name>-csv in the menu, <name>.csv on disk, "<label> (CSV)". */
function panelCsv(
  name: string,
  label: string,
  ready: DataExport['ready'],
  write: DataExport['write'],
): DataExport {
  return {
    testid: `export-${name}-csv`,
    label: `${label} (CSV)`,
    file: `${name}.csv`,
    type: csv,
    ready,
    write,
  };
}

/** The P and N scaling panels and the frontier: one sweep each, drawn by ScalingPanel. */
function sweepRecord(
  id: 'scalingP' | 'scalingN' | 'frontier',
  axis: 'P' | 'N' | 'C',
  label: string,
  name: string,
  component: ComponentType,
): PanelRecord {
  return {
    ...toggled(id),
    // The frontier has its own form under one-pass SGD (C = N·B·s); P and N sweeps do not.
    ...(id === 'frontier' ? {} : { axis: 'time' as const }),
    label,
    section: 'side',
    component,
    figures: [{ svg: `scaling-${axis}`, name, label, facts: (s) => sweepFacts(axis, s) }],
    data: [
      panelCsv(
        name,
        label,
        (s) => !!sweepOf(axis)(s),
        (s, url) => {
          const sweep = sweepOf(axis)(s);
          return sweep && sweepCsv(axis, sweep, s, url);
        },
      ),
    ],
    exportNote: null,
    stage: { place: 'instead-of-curve', minHeight: 300 },
  };
}

/** The figures a panel draws in this state (its `shown` figures). */
export function figuresShown(r: PanelRecord, s: AppData): readonly FigureExport[] {
  return r.figures.filter((f) => f.shown?.(s) !== false);
}

/**
 * The frontier: gradient flow's sweep over compute, or under one-pass SGD its own frontier
 * (C = N·B·s, docs/theory.md §9.8), each exported as what is drawn.
 */
function frontierRecord(): PanelRecord {
  const flow = sweepRecord(
    'frontier',
    'C',
    'Compute-optimal frontier',
    'frontier',
    inStepsOr(FrontierSection, SgdFrontierSection),
  );
  const steps = (s: AppData) => inSteps(s.params.regime);
  const [csvFlow] = flow.data;
  return {
    ...flow,
    figures: [
      { ...flow.figures[0], shown: (s) => !steps(s) },
      {
        svg: 'sgd-frontier',
        name: 'sgd-frontier',
        label: 'Compute-optimal frontier (SGD)',
        facts: sgdFrontierFacts,
        shown: steps,
      },
    ],
    data: [
      {
        ...csvFlow,
        ready: (s) => (steps(s) ? sgdFrontierReady(s) : csvFlow.ready(s)),
        write: (s, url) => (steps(s) ? sgdFrontierCsv(s, url) : csvFlow.write(s, url)),
      },
    ],
  };
}

/** The panels in page order (the Panels menu and links use PANELS order, state/view.ts). */
export const PANEL_TABLE: readonly PanelRecord[] = [
  {
    id: 'curve',
    label: 'Learning curve',
    section: 'main',
    shown: 'always',
    component: CurvePanel,
    figures: [
      { svg: 'learning-curve', name: 'learning-curve', label: 'Learning curve', facts: () => ({}) },
    ],
    data: [
      {
        testid: 'export-csv',
        label: 'Curves (CSV)',
        file: 'curves.csv',
        type: csv,
        ready: (s) => !!s.results.curve,
        write: curvesCsv,
      },
      {
        testid: 'export-json',
        label: 'Parameters and results (JSON)',
        file: 'state.json',
        type: 'application/json',
        ready: () => true,
        write: stateJson,
      },
      // The simulation's points are drawn on the learning curve, so they export with it.
      {
        testid: 'export-sim-csv',
        label: 'Simulation (CSV)',
        file: 'simulation.csv',
        type: csv,
        // Only the run of the state shown: an earlier state's run is not drawn (nor its link).
        ready: (s) => !!s.results.sim?.result && s.results.sim.key === paramsKey(s.params),
        write: simCsv,
      },
    ],
    exportNote: null,
    stage: { place: 'stage' },
  },
  {
    ...toggled('decomposition'),
    axis: 'time',
    label: 'Error decomposed',
    section: 'under',
    component: DecompositionSection,
    figures: [
      { svg: 'decomposition', name: 'decomposition', label: 'Error decomposed', facts: partsFacts },
    ],
    data: [
      panelCsv(
        'decomposition',
        'Error decomposed',
        (s) => !!shownParts(s),
        (s, url) => {
          const parts = shownParts(s);
          return parts && partsCsv(parts, s, url);
        },
      ),
    ],
    exportNote: null,
    stage: { place: 'under-curve', minHeight: 220 },
  },
  {
    ...toggled('order'),
    axis: 'time',
    label: 'Order parameters',
    section: 'under',
    component: OrderSection,
    figures: [{ svg: 'order-chart', name: 'order', label: 'Order parameters', facts: orderFacts }],
    data: [panelCsv('order', 'Order parameters', (s) => !!s.results.order, orderCsv)],
    exportNote: null,
    stage: { place: 'under-curve', minHeight: 220 },
  },
  {
    id: 'spectrum',
    label: 'Spectrum',
    section: 'side',
    shown: 'with measured data',
    component: SpectrumSection,
    figures: [
      {
        svg: 'spectrum',
        name: 'spectrum',
        label: 'Spectrum',
        facts: (s) => spectrumFacts(s, spectrumTitle(s)),
      },
    ],
    data: [
      panelCsv(
        'spectrum',
        'Spectrum',
        (s) => !!s.results.spectrum,
        (s, url) => spectrumCsv(s, url, spectrumTitle(s)),
      ),
    ],
    exportNote: null,
    stage: { place: 'instead-of-curve', minHeight: 300 },
  },
  sweepRecord('scalingP', 'P', 'Scaling with P', 'scaling-P', ScalingSection),
  sweepRecord('scalingN', 'N', 'Scaling with N', 'scaling-N', ScalingSection),
  frontierRecord(),
  {
    ...toggled('sgd'),
    axis: 'steps',
    label: 'Batch size, learning rate, schedules',
    section: 'side',
    component: SgdSweepsSection,
    figures: [
      { svg: 'sgd-batch', name: 'sgd-batch', label: 'Test error against B', facts: sgdBatchFacts },
      { svg: 'sgd-eta', name: 'sgd-eta', label: 'Test error against η', facts: sgdEtaFacts },
    ],
    data: [
      panelCsv(
        'sgd',
        'Batch size, learning rate, schedules',
        (s) => !!s.results.sgdSweeps,
        sgdSweepsCsv,
      ),
    ],
    exportNote: null,
    // On the stage its two figures stand side by side; their sentences are the lesson's there.
    stage: { place: 'instead-of-curve', minHeight: 300 },
  },
  {
    ...toggled('exponents'),
    label: 'Exponents',
    section: 'side',
    component: inStepsOr(ExponentsSection, SgdExponentsSection),
    figures: [],
    data: [
      panelCsv(
        'exponents',
        'Exponents',
        (s) => !!s.results.curve,
        (s, url) => (isSgdCurve(s.results.curve) ? sgdExponentsCsv(s, url) : exponentsCsv(s, url)),
      ),
    ],
    exportNote: 'A table, not a figure: its rows export as CSV.',
    stage: { place: 'under-curve', minHeight: 160 },
  },
  {
    ...toggled('modes'),
    axis: 'time',
    label: 'Modes',
    section: 'side',
    component: ModesSection,
    figures: [{ svg: 'modes', name: 'modes', label: 'Modes', facts: modesFacts }],
    data: [panelCsv('modes', 'Modes', (s) => !!s.results.modes, modesCsv)],
    exportNote: null,
    stage: { place: 'instead-of-curve', minHeight: 300 },
  },
  {
    ...toggled('inspector'),
    axis: 'time',
    label: 'Mode inspector',
    section: 'side',
    component: InspectorSection,
    figures: [{ svg: 'mode-chart', name: 'inspector', label: 'Mode inspector', facts: modeFacts }],
    data: [panelCsv('inspector', 'Mode inspector', (s) => !!shownMode(s), modeCsv)],
    exportNote: null,
    stage: { place: 'under-curve', minHeight: 240 },
  },
  {
    ...toggled('simulation'),
    label: 'Simulation',
    section: 'side',
    component: SimulationBox,
    figures: [],
    data: [],
    exportNote:
      'Controls, not a figure: the simulation’s points are drawn on the learning curve and export with it (Simulation CSV).',
    stage: { place: 'under-curve', minHeight: 120 },
  },
  {
    ...toggled('formulas'),
    axis: 'time',
    label: 'Formulas',
    section: 'below',
    component: FormulasSection,
    figures: [],
    data: [
      {
        testid: 'export-formulas-tex',
        label: 'Formulas (LaTeX)',
        file: 'formulas.tex',
        type: 'application/x-tex',
        ready: () => true,
        write: formulasTex,
      },
    ],
    exportNote: 'Typeset equations, not a figure: they export as LaTeX.',
    stage: { place: null, why: 'a column of equations to read up close, not from a projector' },
  },
  {
    ...toggled('phase'),
    axis: 'time',
    label: 'Phase diagram',
    section: 'below',
    component: PhaseSection,
    figures: [
      { svg: 'phase-diagram', name: 'phase-diagram', label: 'Phase diagram', facts: phaseFacts },
    ],
    data: [
      {
        testid: 'export-phase-csv',
        label: 'Phase grid (CSV)',
        file: 'phase-grid.csv',
        type: csv,
        ready: (s) => (s.results.phase?.grid.done ?? 0) > 0,
        write: phaseGridCsv,
      },
    ],
    exportNote: null,
    stage: { place: 'instead-of-curve', minHeight: 420 },
  },
  {
    ...toggled('runfit'),
    label: 'Fit my runs',
    section: 'below',
    component: RunFitPanel,
    figures: [{ svg: 'runfit-chart', name: 'runfit', label: 'Fit my runs', facts: runFitFacts }],
    data: [
      panelCsv('runfit', 'Fit my runs', (s) => !!shownRunFit(s), runFitCsv),
      {
        testid: 'export-runfit-runs-json',
        label: 'Runs (JSON)',
        file: 'runs.json',
        type: 'application/json',
        ready: (s) => !!shownRunFit(s)?.run.set,
        write: runFitRunsJson,
      },
    ],
    exportNote: null,
    stage: { place: null, why: 'a form to fill in and a report to read up close' },
  },
];

/** The record of a link's panel id. */
export function panelRecord(id: PanelKey): PanelRecord {
  const r = PANEL_TABLE.find((p) => p.id === id);
  if (!r) throw new Error(`no panel record for ${id}`);
  return r;
}

/** What decides which panels are on the page: the panels asked for, and the data. */
export interface PanelContext {
  view: Pick<ViewState, 'panels'>;
  params: Pick<Params, 'data' | 'regime'>;
}

/** Whether a panel belongs to a regime (its record's axis against the regime's time axis). */
export function inRegime(r: PanelRecord, regime: Regime): boolean {
  return !r.axis || r.axis === (REGIME[regime].time === 'steps' ? 'steps' : 'time');
}

/** The regime whose time axis is in steps (the one the 'steps' panels belong to). */
const STEPS_REGIME = REGIMES.find((r) => REGIME[r].time === 'steps')!;

/**
 * Why a panel asked for is not on the page in this regime (null: it is), from its record's axis:
 * a fixed-dataset panel under one-pass SGD, or an SGD panel under another regime. The Panels menu
 * keeps the box ticked (the link keeps it for when the regime changes back) and says that it draws
 * nothing now.
 */
export function panelRegimeNote(p: PanelId, regime: Regime): Claim | null {
  if (inRegime(panelRecord(p), regime)) return null;
  const text =
    panelRecord(p).axis === 'steps'
      ? `(only under ${REGIME[STEPS_REGIME].noun}; not drawn now)`
      : `(not drawn under ${REGIME[regime].noun})`;
  return claim(`panels.not-in-regime.${p}`, text, { params: { regime } }, (_o, self) =>
    problems(
      inRegime(panelRecord(p), regime) && `${p} is drawn under ${regime}`,
      !self.plain.includes('not drawn') && 'the note does not say the panel is not drawn',
    ),
  );
}

/** Whether a panel is on the page in this state. */
export function isShown(r: PanelRecord, s: PanelContext): boolean {
  if (!inRegime(r, s.params.regime)) return false;
  switch (r.shown) {
    case 'always':
      return true;
    case 'with measured data':
      return isMeasured(s.params);
    default:
      return s.view.panels.includes(r.id as PanelId);
  }
}

/** The components to draw in these sections, in table order, each once (shown records only). */
export function shownComponents(
  sections: readonly PanelSection[],
  s: PanelContext,
): { key: PanelKey; component: ComponentType }[] {
  const out: { key: PanelKey; component: ComponentType }[] = [];
  for (const r of PANEL_TABLE)
    if (
      sections.includes(r.section) &&
      isShown(r, s) &&
      !out.some((o) => o.component === r.component)
    )
      out.push({ key: r.id, component: r.component });
  return out;
}

/** The label of each of a link's panels (the Panels menu). */
export const PANEL_LABELS = Object.fromEntries(
  PANELS.map((id) => [id, panelRecord(id).label]),
) as Record<PanelId, string>;
