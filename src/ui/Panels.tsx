// The secondary panels: scaling with P and N (with the at-t*/at-t/at-∞ selector), the exponent
// read-out, the mode panel and the formulas. Each reads only what it draws from the store.
//
// These panels are secondary while a slider is dragged: their inputs go through useDeferredValue
// and the charts are memoised, so React renders them at low priority (interruptible) and the
// learning curve redraws first.
//
// The formulas need KaTeX (script, CSS and fonts: a third of the app), so their panel is a lazy
// chunk: the page paints without it and the formulas appear a moment later.
import { lazy, memo, Suspense, useDeferredValue, useId, useMemo } from 'react';
import { ExponentReadout as ExponentReadoutChart } from '../charts/ExponentReadout.tsx';
import { ModePanel as ModePanelChart } from '../charts/ModePanel.tsx';
import { ScalingPanel as ScalingPanelChart } from '../charts/ScalingPanel.tsx';
import { SpectrumPanel as SpectrumPanelChart } from '../charts/SpectrumPanel.tsx';
import { KERNEL_LABELS } from '../model/data/kernels.ts';
import { TASK_LABELS } from '../model/data/tasks.ts';
import { hasPool, sourceOf } from '../model/data/sources.ts';
import { useSize } from '../charts/useSize.ts';
import { DEFAULT_PARAMS, formatValue, numericSpec } from '../model/params.ts';
import { noteInput } from '../compute/perf.ts';
import type { CurveResult, SweepAxis, SweepResult } from '../model/types.ts';
import { exponentRow } from '../claims/exponentTable.ts';
import { scalingFitLabel, type ScalingLabel } from '../claims/scalingClaims.ts';
import {
  actions,
  dragHolds,
  settledResult,
  updatingProps,
  useApp,
  useDeferredCurve,
} from '../state/hooks.ts';
import type { AppData } from '../state/store.ts';
import { SWEEP_ATS, SWEEP_AT_LABELS, T_AT_SPEC } from '../state/view.ts';
import { parseEntry } from './controls/entry.ts';
import { LoadBoundary } from './LoadBoundary.tsx';
import { TypedEntry } from './TypedEntry.tsx';
import { RealSweepBar } from './RealSweepBar.tsx';
import type { RealScalingPoints } from '../charts/scalingLayout.ts';
import { currentRealRun, realScalingPoints, SWEEP_SLOT } from './panelExports.ts';

const ExponentReadout = memo(ExponentReadoutChart);
const Formulas = lazy(() =>
  import('../charts/Formulas.tsx').then((m) => ({ default: memo(m.Formulas) })),
);
const ModePanel = memo(ModePanelChart);
const ScalingPanel = memo(ScalingPanelChart);
const SpectrumPanel = memo(SpectrumPanelChart);

export function useVariant() {
  return useApp((s) => (s.view.theme === 'lecture' ? 'lecture' : 'normal'));
}

/** The real points of the P panel, while they belong to the parameters and setting on screen. */
function useRealPoints(axis: SweepAxis): RealScalingPoints | null {
  const run = useApp((s) => (axis === 'P' ? currentRealRun(s) : null));
  const data = useApp((s) => s.params.data);
  return useMemo(() => realScalingPoints(run, data), [run, data]);
}
/** A value picked on a scaling panel sets P or N (whole numbers in range), live while dragged. */
const pickSize = (key: 'P' | 'N') => (v: number, live: boolean) => {
  const spec = numericSpec(key);
  const value = Math.min(spec.max, Math.max(spec.min, Math.round(v)));
  noteInput();
  actions().setParam(key, value, { live });
};
const PICK = { P: pickSize('P'), N: pickSize('N') };

/**
 * The fit label of a P or N panel, made from the exponent table's row of the state on screen (one
 * number in both places); the frontier states its own law.
 */
function useFitLabel(
  axis: SweepAxis,
  sweep: SweepResult | null,
  curve: CurveResult | null,
): ScalingLabel | null {
  const sweepP = useDeferredValue(useApp(settledResult('sweepP')));
  const sweepN = useDeferredValue(useApp(settledResult('sweepN')));
  const at = useApp((s) => s.view.at);
  const tAt = useApp((s) => s.view.tAt);
  return useMemo(() => {
    if (!sweep) return null;
    if (axis === 'C' || !curve) return scalingFitLabel(sweep, null, curve?.params ?? null);
    const row = exponentRow(axis, curve, sweepP, sweepN, { at, tAt });
    return scalingFitLabel(sweep, row, curve.params);
  }, [axis, sweep, curve, sweepP, sweepN, at, tAt]);
}

function ScalingPlot({ axis }: { axis: SweepAxis }) {
  // The panel follows the curve (its fit label, its marker at the current size) one deferred
  // render behind: the learning curve is redrawn first; until then it shows as updating.
  const liveSweep = useApp((s) => s.results[SWEEP_SLOT[axis]]);
  const sweep = useDeferredValue(liveSweep);
  const { curve, behind } = useDeferredCurve();
  const label = useFitLabel(axis, sweep, curve);
  const params = curve?.params ?? null;
  const real = useRealPoints(axis);
  const pending =
    useApp((s) => s.results.status[SWEEP_SLOT[axis]] === 'pending') ||
    sweep !== liveSweep ||
    behind;
  const variant = useVariant();
  const { ref, width, height } = useSize<HTMLDivElement>({ width: 400, height: 280 });
  return (
    <div ref={ref} className={`plot plot-scaling${pending ? ' is-pending' : ''}`}>
      <ScalingPanel
        sweep={sweep}
        axis={axis}
        width={width}
        height={height}
        variant={variant}
        real={real}
        label={label}
        params={params}
        onPick={axis === 'C' ? undefined : PICK[axis]}
      />
      <span className="busy" aria-hidden="true">
        computing…
      </span>
    </div>
  );
}

/** Where the sweeps are evaluated: t*, a fixed t (with its entry), or t → ∞. */
function AtSelector() {
  const at = useApp((s) => s.view.at);
  const tAt = useApp((s) => s.view.tAt);
  const id = useId();
  return (
    <div className="at-selector">
      <div className="segmented" role="radiogroup" aria-label="Evaluate the scaling panels">
        {SWEEP_ATS.map((a) => (
          <label key={a} className={a === at ? 'seg seg--on' : 'seg'}>
            <input
              type="radio"
              name={`at-${id}`}
              value={a}
              checked={a === at}
              data-testid={`at-${a}`}
              onChange={() => actions().setView({ at: a })}
            />
            <span>{SWEEP_AT_LABELS[a]}</span>
          </label>
        ))}
      </div>
      {at === 't' && (
        <label className="at-t">
          t =
          <TypedEntry
            value={formatValue(tAt)}
            parse={(text) => parseEntry(T_AT_SPEC, text)}
            onCommit={(v) => actions().setView({ tAt: v })}
            label="Fixed time of the scaling panels"
            testId="entry-tat"
            inputMode="decimal"
          />
        </label>
      )}
    </div>
  );
}

export function ScalingSection() {
  const panels = useApp((s) => s.view.panels);
  const showP = panels.includes('scalingP');
  const showN = panels.includes('scalingN');
  const pool = useApp((s) => hasPool(s.params));
  return (
    <section className="panel panel-scaling" aria-labelledby="h-scaling">
      <header className="panel-head">
        <h2 id="h-scaling">Scaling laws</h2>
        <AtSelector />
      </header>
      <div className="scaling-grid">
        {showP && <ScalingPlot axis="P" />}
        {showN && <ScalingPlot axis="N" />}
      </div>
      {showP && pool && <RealSweepBar />}
    </section>
  );
}

/** The compute-optimal frontier L*(C) (lesson "Compute-optimal allocation"). */
export function FrontierSection() {
  return (
    <section className="panel panel-scaling panel-frontier" aria-labelledby="h-frontier">
      <header className="panel-head">
        <h2 id="h-frontier">Compute-optimal frontier</h2>
      </header>
      <div className="scaling-grid">
        <ScalingPlot axis="C" />
      </div>
    </section>
  );
}

export function ExponentsSection() {
  const { curve, behind } = useDeferredCurve();
  // The sweeps are computed while this table is shown; one still pending is an answer for other
  // parameters (say, the previous lesson's), so its row says it is being computed instead.
  const sweepP = useDeferredValue(useApp(settledResult('sweepP')));
  const sweepN = useDeferredValue(useApp(settledResult('sweepN')));
  const at = useApp((s) => s.view.at);
  const tAt = useApp((s) => s.view.tAt);
  const setting = useMemo(() => ({ at, tAt }), [at, tAt]);
  const variant = useVariant();
  return (
    <section {...updatingProps('panel panel-exponents', behind)} aria-labelledby="h-exponents">
      <h2 id="h-exponents">Exponents</h2>
      <ExponentReadout
        curve={curve}
        sweepP={sweepP}
        sweepN={sweepN}
        setting={setting}
        variant={variant}
      />
    </section>
  );
}

/** A click or ↑/↓ on the mode panel inspects that mode (and opens the inspector). */
function selectMode(k: number) {
  const { view, setView } = actions();
  const panels = view.panels.includes('inspector')
    ? view.panels
    : [...view.panels, 'inspector' as const];
  setView({ mode: k, panels });
}

export function ModesSection() {
  const modes = useDeferredValue(useApp((s) => s.results.modes));
  // The crosshair while the pointer is on the curve, else the held time cursor (dragged or played).
  const cursorT = useApp((s) => s.cursorT ?? s.timeCursor);
  const selectedK = useApp((s) => (s.view.panels.includes('inspector') ? s.view.mode : undefined));
  const pending = useApp((s) => s.results.status.modes === 'pending');
  const variant = useVariant();
  const { ref, width, height } = useSize<HTMLDivElement>({ width: 400, height: 300 });
  return (
    <section className="panel panel-modes" aria-labelledby="h-modes">
      <h2 id="h-modes">Which modes are learned (spectral bias)</h2>
      <div ref={ref} className={`plot plot-modes${pending ? ' is-pending' : ''}`}>
        <ModePanel
          modes={modes}
          width={width}
          height={height}
          variant={variant}
          tCursor={cursorT ?? undefined}
          selectedK={selectedK}
          onSelectK={selectMode}
        />
      </div>
    </section>
  );
}

export function FormulasSection() {
  const { curve, behind } = useDeferredCurve();
  // The formulas are those of the curve shown (its parameters), like the caption; the parameters
  // of the state only before there is a curve (so a drag's inputs do not render this panel).
  const params = useDeferredValue(useApp((s) => (s.results.curve ? null : s.params)));
  // While a drag goes on, the formulas out of view keep what they show: the panel is updating.
  const hold = useApp(dragHolds);
  return (
    <section
      {...updatingProps('panel panel-formulas', behind || hold)}
      aria-labelledby="h-formulas"
    >
      <h2 id="h-formulas">The theory</h2>
      <LoadBoundary what="formulas">
        <Suspense
          fallback={
            <p className="panel-note formulas-loading" data-testid="formulas-loading">
              Loading the formulas…
            </p>
          }
        >
          <Formulas params={curve?.params ?? params ?? DEFAULT_PARAMS} curve={curve} hold={hold} />
        </Suspense>
      </LoadBoundary>
    </section>
  );
}

/** What the measured spectrum is, for the spectrum plot's heading and its exports' footers. */
export function spectrumTitle(s: Pick<AppData, 'params' | 'custom'>): string {
  return sourceOf(s.params).spectrum === 'file'
    ? `Your spectrum (${s.custom?.name ?? 'not loaded'})`
    : `${sourceOf(s.params).words?.name}, ${KERNEL_LABELS[s.params.kernel]} kernel, ${TASK_LABELS[s.params.task]}`;
}

/**
 * The measured spectrum the theory runs on, with the fitted power laws whose α, β the read-outs
 * show. Only for measured data: in the power-law world the spectrum is k^{−α}, k^{−β} by
 * definition, and the panel would show nothing the sliders do not say.
 */
export function SpectrumSection() {
  const spectrum = useDeferredValue(
    useApp((s) => (s.results.status.spectrum === 'pending' ? null : s.results.spectrum)),
  );
  const pending = useApp((s) => s.results.status.spectrum === 'pending');
  const title = useApp(spectrumTitle);
  const variant = useVariant();
  const { ref, width, height } = useSize<HTMLDivElement>({ width: 400, height: 300 });
  return (
    <section className="panel panel-spectrum" aria-labelledby="h-spectrum">
      <h2 id="h-spectrum">The spectrum the theory runs on</h2>
      <div ref={ref} className={`plot plot-spectrum${pending ? ' is-pending' : ''}`}>
        <SpectrumPanel
          spectrum={spectrum}
          title={title}
          width={width}
          height={height}
          variant={variant}
        />
      </div>
    </section>
  );
}
