// The experiment box: run the exact finite-size simulation over several seeds (in its own worker),
// watch the progress, cancel, and compare: points ± 1 s.e.m. over the theory recomputed at the
// simulation's number of modes M (docs/theory.md §7: the tail matters, so both use the same M).
// On a source with a pool of images it runs real learning instead, named with the source's words
// (src/model/data/sources.ts); on a spectrum file it says why nothing can run.
import { useMemo } from 'react';
import { formatNumber } from '../format/number.ts';
import { ClaimText } from '../charts/Claimed.tsx';
import {
  agreementClaim,
  realNote,
  runTooLarge,
  sgdPoolAgreement,
  sgdPoolNote,
  simOverflowClaim,
  sgdSimulationNote,
  simulationNa,
  simulationNote,
  simulationStatus,
} from '../claims/simulation.ts';
import { cancelSimulation, startSimulation } from '../compute/index.ts';
import { simulationModes } from '../model/simulation/simulationModes.ts';
import { inSteps } from '../model/regimes.ts';
import { sgdSimLastStep } from '../model/sgd/simSteps.ts';
import { poolSourceOf, runKind } from '../model/data/sources.ts';
import { useApp } from '../state/hooks.ts';
import { paramsKey } from '../state/pins.ts';
import type { SimRun } from '../state/store.ts';
import { ControlGroupView } from './controls/Controls.tsx';
import { gapToTheory, type Agreement } from '../claims/agreement.ts';

/** Largest gap of the means to the theory (needs two seeds for an s.e.m.). */
function agreement(sim: SimRun): Agreement | null {
  const r = sim.result;
  const th = sim.theory;
  if (!r || !th || r.seeds < 2) return null;
  return gapToTheory(r.t, r.EgMean, r.EgSem, th.t, th.Eg);
}

function statusText(sim: SimRun, { stale }: { stale: boolean }): string {
  const real = runKind(sim.params) === 'real';
  // Real SGD on a pool runs seeds of one SGD run; other real runs draw training sets.
  const unit = real && !inSteps(sim.params.regime) ? 'draws' : 'seeds';
  if (stale) return 'These results are for earlier settings: run again to compare.';
  const { done, total } = sim.progress;
  switch (sim.status) {
    case 'running':
      return `Running: ${done} of ${total} ${unit}…`;
    case 'done':
      return `Done: ${total} ${unit} in ${formatNumber((sim.result?.ms ?? 0) / 1000, 2)} s.`;
    case 'cancelled':
      return `Cancelled after ${done} of ${total} ${unit}.`;
    case 'error':
      return `The ${real ? 'real run' : 'simulation'} failed (see the message above).`;
  }
}

export function SimulationBox() {
  const params = useApp((s) => s.params);
  const sim = useApp((s) => s.results.sim);
  const M = useMemo(() => {
    try {
      if (runKind(params) !== 'simulate') return NaN;
      return simulationModes(params);
    } catch {
      return NaN;
    }
  }, [params]);
  const source = poolSourceOf(params);
  const real = source !== null;
  const runName = source ? `Run on ${source.words.real}` : 'Run simulation';
  // A spectrum file gives the theory its sums, but nothing to draw samples from.
  const none = runKind(params) === null;
  const steps = inSteps(params.regime);
  const running = sim?.status === 'running';
  const stale = !!sim && sim.key !== paramsKey(params);
  const fit = sim && !stale ? agreement(sim) : null;
  const done = sim?.progress.done ?? 0;
  const total = sim?.progress.total ?? params.seeds;
  // Sizes beyond what the run takes: the box says so instead of describing a run it cannot do.
  const tooLarge = runTooLarge(params);
  return (
    <section className="panel panel-sim" aria-labelledby="h-sim" data-testid="sim-box">
      <h2 id="h-sim">{source ? runName : 'Exact simulation'}</h2>
      {tooLarge ? (
        <ClaimText as="p" className="panel-note" testId="sim-too-large" claim={tooLarge} />
      ) : steps && source ? (
        <ClaimText
          as="p"
          className="panel-note"
          testId="sgd-pool-note"
          claim={sgdPoolNote(params, source)}
        />
      ) : steps ? (
        <ClaimText
          as="p"
          className="panel-note"
          testId="sgd-sim-note"
          claim={sgdSimulationNote(params, M, sgdSimLastStep({ ...params, M }))}
        />
      ) : none ? (
        <ClaimText as="p" className="panel-note" testId="sim-na" claim={simulationNa()} />
      ) : source ? (
        <ClaimText
          as="p"
          className="panel-note"
          testId="real-note"
          claim={realNote(params, source)}
        />
      ) : (
        <ClaimText
          as="p"
          className="panel-note"
          claim={simulationNote(params, M, simulationModes)}
        />
      )}
      <ControlGroupView group="simulation" title={false} />
      <div className="sim-actions">
        <button
          type="button"
          className="btn btn--primary"
          data-testid="sim-run"
          disabled={running || none || !!tooLarge}
          onClick={() => startSimulation()}
        >
          {runName} <kbd>r</kbd>
        </button>
        <button
          type="button"
          className="btn"
          data-testid="sim-cancel"
          disabled={!running}
          onClick={() => cancelSimulation()}
        >
          Cancel <kbd>x</kbd>
        </button>
      </div>
      {sim && (
        <div
          className="sim-status"
          data-testid="sim-status"
          data-status={stale ? 'stale' : sim.status}
        >
          <progress
            max={total}
            value={done}
            aria-label={real ? 'Real-run progress' : 'Simulation progress'}
            data-testid="sim-progress"
            data-done={done}
            data-total={total}
          />
          <p role="status">
            <ClaimText claim={simulationStatus(sim.status, statusText(sim, { stale }))} />
          </p>
          {sim.result && !stale && simOverflowClaim(sim.result) && (
            <ClaimText
              as="p"
              className="sim-fit"
              testId="sim-overflow"
              claim={simOverflowClaim(sim.result)!}
            />
          )}
          {fit && sim.result && sim.theory && (
            <ClaimText
              as="p"
              className="sim-fit"
              testId="sim-agreement"
              claim={
                steps && real
                  ? (sgdPoolAgreement(sim.result, sim.theory) ??
                    agreementClaim(fit, sim.result, sim.theory))
                  : agreementClaim(fit, sim.result, sim.theory)
              }
            />
          )}
        </div>
      )}
    </section>
  );
}
