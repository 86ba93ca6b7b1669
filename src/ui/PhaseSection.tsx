// The phase diagram panel: the exponent selector, the map (charts/PhaseDiagram.tsx) with the
// current (α, β) as a marker that sets the parameters, the sentence about the current state and
// the grid's progress. Under measured data α and β are read-outs: the panel says so and the marker
// shows where the fits place the data.
import { ClaimText } from '../charts/Claimed.tsx';
import { phaseNoteClaim, phaseProgressClaim } from '../claims/phaseClaims.ts';
import { memo, useDeferredValue, useId, useMemo } from 'react';
import { phaseStateNote } from '../claims/phase.ts';
import { PhaseDiagram as PhaseDiagramChart } from '../charts/PhaseDiagram.tsx';
import { useSize } from '../charts/useSize.ts';
import { PHASE_EXPONENTS, phaseVerdict, type PhaseExponent } from '../model/theory/phase.ts';
import { actions, curveHeld, updatingProps, useApp, useDeferredCurve } from '../state/hooks.ts';
import { PHASE_LABELS } from '../state/view.ts';
import { isMeasured } from '../model/data/sources.ts';
import { phaseRegionClaim } from '../claims/runfit.ts';

const PhaseDiagram = memo(PhaseDiagramChart);

function ExponentSelector() {
  const phase = useApp((s) => s.view.phase);
  const id = useId();
  return (
    <label className="phase-select" htmlFor={id}>
      Exponent{' '}
      <select
        id={id}
        className="phase-select-input"
        data-testid="phase-exponent"
        value={phase}
        onChange={(e) => actions().setView({ phase: e.target.value as PhaseExponent })}
      >
        {PHASE_EXPONENTS.map((e) => (
          <option key={e} value={e}>
            {PHASE_LABELS[e]}
          </option>
        ))}
      </select>
    </label>
  );
}

const onSet = (alpha: number, beta: number, live: boolean) => {
  const s = actions();
  s.setParams({ ...s.params, alpha, beta }, { live });
};
const onCommit = () => actions().commit();

export function PhaseSection() {
  // Its verdict and note follow the held curve during a drag (the marker follows the pointer).
  const held = useApp(curveHeld);
  return (
    <section {...updatingProps('panel panel-phase', held)} aria-labelledby="h-phase">
      <header className="panel-head">
        <h2 id="h-phase">Which law am I in? Phase diagram over (α, β)</h2>
        <ExponentSelector />
      </header>
      <PhaseBody />
    </section>
  );
}

function PhaseBody() {
  const exponent = useApp((s) => s.view.phase);
  const live = useApp((s) => s.params);
  const { curve } = useDeferredCurve();
  const phase = useDeferredValue(useApp((s) => s.results.phase));
  const status = useApp((s) => s.results.status.phase);
  const runfit = useApp((s) => s.results.runfit);
  const fitted = runfit?.status === 'done' ? runfit.result : null;
  const fitRegion = useMemo(
    () =>
      fitted
        ? { alpha: fitted.alpha.value, beta: fitted.beta.value, polygons: fitted.region.polygons }
        : null,
    [fitted],
  );
  const variant = useApp((s) => (s.view.theme === 'lecture' ? 'lecture' : 'normal'));
  const measured = isMeasured(live);
  // Measured data: the marker and the words use the curve's read-outs of α and β.
  const params = measured ? (curve?.params ?? live) : live;
  const verdict = useMemo(
    () => (curve && !measured ? phaseVerdict(exponent, curve.params, curve.earlyStop.t) : null),
    [curve, measured, exponent],
  );
  const grid = !measured && phase && phase.grid.exponent === exponent ? phase.grid : null;
  const { ref, width, height } = useSize<HTMLDivElement>({ width: 720, height: 420 });
  // The note speaks of the curve the verdict was read from (held during a drag: panelHold.ts).
  const noteParams = curve?.params ?? params;
  const note = phaseStateNote(exponent, noteParams, verdict, measured);
  const total = grid ? grid.K * grid.K : 0;
  return (
    <>
      <div ref={ref} className="plot plot-phase">
        <PhaseDiagram
          exponent={exponent}
          grid={grid}
          params={params}
          verdict={verdict}
          measured={measured}
          pending={status === 'pending'}
          width={width}
          height={height}
          variant={variant}
          onSet={onSet}
          onCommit={onCommit}
          fitRegion={fitRegion}
        />
      </div>
      {fitted && runfit && (
        <ClaimText
          as="p"
          className="panel-note"
          testId="phase-fit-note"
          claim={phaseRegionClaim(fitted, runfit.source)}
        />
      )}
      <ClaimText
        as="p"
        className="panel-note"
        testId="phase-note"
        claim={phaseNoteClaim(note, noteParams, exponent, verdict)}
      />
      <p className="panel-note" data-testid="phase-progress" aria-live="polite">
        <ClaimText
          claim={phaseProgressClaim(
            measured
              ? 'Fitted grid: n/a for measured data.'
              : grid
                ? `Fitted grid: ${grid.done} of ${total} points` +
                  (grid.done < total ? ' (coarse first, refined while idle)…' : '.') +
                  ' Drag or click the map to set α and β; arrow keys move the focused marker.'
                : 'Fitted grid: waiting for the parameters to settle…',
          )}
        />
      </p>
    </>
  );
}
