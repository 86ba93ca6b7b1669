// The experiment box: run the exact finite-size simulation over several seeds (in its own worker),
// watch the progress, cancel, and compare: points ± 1 s.e.m. over the theory recomputed at the
// simulation's number of modes M (docs/theory.md §7: the tail matters, so both use the same M).
import { useMemo } from 'react';
import { formatNumber } from '../format/number.ts';
import { ClaimText } from '../charts/Claimed.tsx';
import {
  agreementClaim,
  realNote,
  simulationNa,
  simulationNote,
  simulationStatus,
} from '../claims/simulation.ts';
import { cancelSimulation, startSimulation } from '../compute/index.ts';
import { simulationModes } from '../model/simulation/simulationModes.ts';
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
  const unit = sim.params.data === 'mnist' ? 'draws' : 'seeds';
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
      return `The ${sim.params.data === 'mnist' ? 'real run' : 'simulation'} failed (see the message above).`;
  }
}

export function SimulationBox() {
  const params = useApp((s) => s.params);
  const sim = useApp((s) => s.results.sim);
  const M = useMemo(() => {
    try {
      if (params.data !== 'powerlaw') return NaN;
      return simulationModes(params);
    } catch {
      return NaN;
    }
  }, [params]);
  const real = params.data === 'mnist';
  // A spectrum file gives the theory its sums, but nothing to draw samples from.
  const none = params.data === 'custom';
  const running = sim?.status === 'running';
  const stale = !!sim && sim.key !== paramsKey(params);
  const fit = sim && !stale ? agreement(sim) : null;
  const done = sim?.progress.done ?? 0;
  const total = sim?.progress.total ?? params.seeds;
  return (
    <section className="panel panel-sim" aria-labelledby="h-sim" data-testid="sim-box">
      <h2 id="h-sim">{real ? 'Run on real digits' : 'Exact simulation'}</h2>
      {none ? (
        <ClaimText as="p" className="panel-note" testId="sim-na" claim={simulationNa()} />
      ) : real ? (
        <ClaimText as="p" className="panel-note" testId="real-note" claim={realNote(params)} />
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
          disabled={running || none}
          onClick={() => startSimulation()}
        >
          {real ? 'Run on real digits' : 'Run simulation'} <kbd>r</kbd>
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
          {fit && sim.result && sim.theory && (
            <ClaimText
              as="p"
              className="sim-fit"
              testId="sim-agreement"
              claim={agreementClaim(fit, sim.result, sim.theory)}
            />
          )}
        </div>
      )}
    </section>
  );
}
