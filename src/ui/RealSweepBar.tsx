// Real points on the P scaling panel (a pool source): real runs at a few P, with progress and
// cancel, and read how far they land from the theory sweep (src/model/real/realSweep.ts says
// which P and which time each point is taken at).
import { ClaimText } from '../charts/Claimed.tsx';
import {
  featureWords,
  realSweepNote,
  realSweepTooLarge,
  simulationStatus,
} from '../claims/simulation.ts';
import { count } from '../claims/words.ts';
import { cancelRealSweep, startRealSweep } from '../compute/index.ts';
import { realSweepKey } from '../compute/realSweep.ts';
import { formatNumber, formatParam } from '../format/number.ts';
import { REAL_SWEEP_DRAWS, REAL_SWEEP_P } from '../model/real/realSweep.ts';
import type { SweepResult } from '../model/types.ts';
import { gapToTheory, type Agreement } from '../claims/agreement.ts';
import { useApp } from '../state/hooks.ts';
import { poolSourceOf } from '../model/data/sources.ts';
import type { RealSweepRun } from '../state/store.ts';

/** Largest gap of the real points to the theory sweep: in s.e.m. and relative. */
function gap(run: RealSweepRun, sweep: SweepResult | null): Agreement | null {
  if (!sweep || run.points.length === 0) return null;
  const pts = run.points;
  return gapToTheory(
    pts.map((p) => p.x),
    pts.map((p) => p.mean),
    pts.map((p) => p.sem),
    sweep.x,
    sweep.Eg,
  );
}

function status(run: RealSweepRun, stale: boolean): string {
  if (stale) return 'These points are for earlier settings: run again to compare.';
  const { done, total } = run.progress;
  const n = run.points.length;
  switch (run.status) {
    case 'running':
      return `Running: ${done} of ${total} draws (${n} point${n === 1 ? '' : 's'} so far)…`;
    case 'done':
      return `Done: ${n} points, ${total} draws.`;
    case 'cancelled':
      return `Cancelled after ${done} of ${total} draws (${n} point${n === 1 ? '' : 's'} kept).`;
    case 'error':
      return 'The real run failed (see the message above).';
  }
}

export function RealSweepBar() {
  const run = useApp((s) => s.results.realSweep);
  const stale = useApp((s) => !!s.results.realSweep && s.results.realSweep.key !== realSweepKey(s));
  const sweep = useApp((s) => s.results.sweepP);
  const seeds = useApp((s) => s.params.seeds);
  const N = useApp((s) => s.params.N);
  const items = useApp((s) => poolSourceOf(s.params)?.words.items ?? 'examples');
  const ready = useApp((s) => s.results.status.sweepP === 'ok' && !!s.results.sweepP);
  const running = run?.status === 'running';
  const g = run && !stale ? gap(run, sweep) : null;
  const draws = Math.min(REAL_SWEEP_DRAWS, seeds);
  const kernel = useApp((s) => s.params.kernel);
  const tooLarge = realSweepTooLarge({ N, kernel });
  return (
    <div className="real-sweep" data-testid="real-sweep">
      <ClaimText
        as="p"
        className="panel-note"
        claim={
          tooLarge ??
          realSweepNote(
            `Real points: ${Number.isFinite(N) ? `N = ${formatParam(N)} ${featureWords(kernel)}` : 'kernel regression'} ` +
              `in the chosen regime on ${count(draws, 'draw')} of P training ${items}, at ` +
              `P = ${REAL_SWEEP_P.join(', ')} (those inside the sweep), evaluated as the theory is ` +
              '(at t*: the lowest mean over t = 10⁻²…10⁸ and ∞).',
            N,
          )
        }
      />
      <div className="sim-actions">
        <button
          type="button"
          className="btn"
          data-testid="real-sweep-run"
          disabled={running || !ready || !!tooLarge}
          onClick={() => startRealSweep()}
        >
          Real points at a few P
        </button>
        <button
          type="button"
          className="btn"
          data-testid="real-sweep-cancel"
          disabled={!running}
          onClick={() => cancelRealSweep()}
        >
          Cancel
        </button>
      </div>
      {run && (
        <div data-testid="real-sweep-status" data-status={stale ? 'stale' : run.status}>
          <progress
            max={run.progress.total}
            value={run.progress.done}
            aria-label="Real points progress"
            data-testid="real-sweep-progress"
            data-done={run.progress.done}
          />
          <p role="status">
            <ClaimText claim={simulationStatus('real-sweep', status(run, stale))} />
          </p>
          {g && (
            <ClaimText
              as="p"
              className="sim-fit"
              testId="real-sweep-agreement"
              claim={simulationStatus(
                'real-sweep.gap',
                `Largest gap to the theory: ${formatNumber(g.z, 2)} s.e.m. (${formatNumber(100 * g.rel, 2)} %).`,
              )}
            />
          )}
        </div>
      )}
    </div>
  );
}
