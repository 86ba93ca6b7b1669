// The experiment box: run the exact finite-size simulation over several seeds (in its own worker),
// watch the progress, cancel, and compare: points ± 1 s.e.m. over the theory recomputed at the
// simulation's number of modes M (docs/theory.md §7: the tail matters, so both use the same M).
// On a source with a pool of images it runs real learning instead, named with the source's words
// (src/model/data/sources.ts); on a spectrum file it says why nothing can run.
import { useMemo } from 'react';
import { formatNumber, formatParam } from '../format/number.ts';
import { cancelSimulation, startSimulation } from '../compute/index.ts';
import { simulationModes } from '../model/simulation/simulationModes.ts';
import { POOL_SOURCES, poolSize, poolSourceOf, runKind } from '../model/data/sources.ts';
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

/** The pool sources' data, in words: "MNIST digits or Fashion-MNIST images". */
const POOL_DATA = POOL_SOURCES.map((s) => `${s.words.name} ${s.words.items}`).join(' or ');
const POOL_NAMES = POOL_SOURCES.map((s) => s.words.name).join(' or ');

function statusText(sim: SimRun, { stale }: { stale: boolean }): string {
  const real = runKind(sim.params) === 'real';
  const unit = real ? 'draws' : 'seeds';
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
  const running = sim?.status === 'running';
  const stale = !!sim && sim.key !== paramsKey(params);
  const fit = sim && !stale ? agreement(sim) : null;
  const done = sim?.progress.done ?? 0;
  const total = sim?.progress.total ?? params.seeds;
  return (
    <section className="panel panel-sim" aria-labelledby="h-sim" data-testid="sim-box">
      <h2 id="h-sim">{source ? runName : 'Exact simulation'}</h2>
      {none ? (
        <p className="panel-note" data-testid="sim-na">
          n/a with a spectrum file: the exact simulator draws data from the power law (α, β) and
          real runs draw {POOL_DATA}; a file of eigenvalues and target powers has no data to draw.
          Choose the power law or {POOL_NAMES} to run one.
        </p>
      ) : source ? (
        <p className="panel-note" data-testid="real-note">
          Draws P = {formatParam(params.P)} distinct {source.words.items} from the pool of{' '}
          {poolSize(source.pool)}, trains{' '}
          {Number.isFinite(params.N)
            ? `N = ${formatParam(params.N)} random ReLU features ReLU(Wx)/√N`
            : 'kernel regression with the chosen kernel'}{' '}
          on their ±1 labels in the chosen regime (Langevin noise averaged exactly), and measures
          the test error on the whole pool; {formatParam(params.seeds)} draws, error bars ±1 s.e.m.
        </p>
      ) : (
        <p className="panel-note">
          Trains {formatParam(params.seeds)} independent draws (data, features, noise) of the finite
          model with M = {formatParam(M)} modes and averages them; the dashed line is the theory at
          the same M. Error bars: ±1 s.e.m. over seeds.
        </p>
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
          <p role="status">{statusText(sim, { stale })}</p>
          {fit && (
            <p className="sim-fit" data-testid="sim-agreement">
              Largest gap to theory: {formatNumber(fit.z, 2)} s.e.m. (
              {formatNumber(100 * fit.rel, 2)} %).
            </p>
          )}
        </div>
      )}
    </section>
  );
}
