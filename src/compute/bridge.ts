// The compute bridge: a store subscription (outside React) that turns state into worker requests
// and worker answers into store results. The steps: plan what the state needs (plan.ts), submit
// what changed (submitter.ts) to one latest-only scheduler per kind (schedulers.ts), hold the
// secondary panels back while a slider is dragged (dragGate.ts, panelHold.ts), drop unused pin curves
// (pinCurves.ts) and run the exact simulation (simulation.ts).
import * as Comlink from 'comlink';
import type { CrashHook } from '../protocol/api.ts';
import { TEST_HOOKS } from '../protocol/testHooks.ts';
import { paramsKey } from '../state/pins.ts';
import type { AppStore } from '../state/store.ts';
import { createComputeClient, watchdog, type ComputeClient } from './client.ts';
import { createDragGate } from './dragGate.ts';
import { createPanelHold } from './panelHold.ts';
import { createFrameCache, prefetchCurves, type Prefetch } from './frames.ts';
import { prunePinCurves } from './pinCurves.ts';
import { createPhaseRunner } from './phaseGrid.ts';
import { planRequests, type CurveRequest } from './plan.ts';
import { createSchedulers } from './schedulers.ts';
import { createSimulationRunner } from './simulation.ts';
import { createSubmitter } from './submitter.ts';
import { customAware } from './customSpectrum.ts';
import { createRealSweepRunner } from './realSweep.ts';
import { createRunFitRunner } from './runFit.ts';
import { createWarmUp, WARM_CURVES } from './warmUp.ts';
import { THEORY_KINDS, THEORY_KIND_IDS } from '../protocol/kinds.ts';
import type { RunFitOptions } from '../model/runfit/index.ts';

export interface ComputeControls {
  startSimulation(): void;
  cancelSimulation(): void;
  /** Real points on the P scaling panel (a pool source). */
  startRealSweep(): void;
  cancelRealSweep(): void;
  /** Fit the user's runs (a pasted text or a file) on the fit worker. */
  startRunFit(source: string | Blob, name: string, options: RunFitOptions): void;
  cancelRunFit(): void;
  /** Forget what has been computed and request everything again (after a crash). */
  retry(): void;
  /** Compute the curves of a parameter sweep ahead, for Play (frames.ts). */
  prefetchCurves(
    reqs: readonly CurveRequest[],
    onProgress: (done: number, total: number) => void,
  ): Prefetch;
  /** Test builds only: crash a theory worker. */
  crash?(which: 'main' | 'sweep'): void;
  /** Test builds only: hang a theory worker, with the watchdog shortened to `ms`. */
  hang?(which: 'main' | 'sweep', ms: number): void;
  dispose(): void;
}

function workerClient(): ComputeClient {
  return createComputeClient((which, message) => {
    // A crash with a call in flight is reported by that call; this covers an idle worker.
    if (which !== 'main' && which !== 'sweep') return;
    console.warn(`The ${which} theory worker stopped (${message}); it will be restarted.`);
  });
}

/** The kinds computed on the curve's worker (the warm-up waits until none is busy). */
const MAIN_KINDS = THEORY_KIND_IDS.filter((k) => THEORY_KINDS[k].worker === 'main');

/**
 * `client`: the workers (default: real ones); `warmCurves`: curves computed to warm the curve's
 * worker once the page settles (warmUp.ts; default: WARM_CURVES with real workers, none with a
 * given client, whose engine runs in-process or is a test's fake).
 */
export function installCompute(
  store: AppStore,
  client?: ComputeClient,
  { warmCurves = client ? 0 : WARM_CURVES }: { warmCurves?: number } = {},
): ComputeControls {
  const c = client ?? workerClient();
  // The theory workers get the user's spectrum file (data = custom) before their calls.
  const custom = () => store.getState().custom;
  const theory = { ...c, main: customAware(c.main, custom), sweep: customAware(c.sweep, custom) };
  const frames = createFrameCache();
  const scheds = createSchedulers(theory, store, () => sync(), frames);
  const submitter = createSubmitter(scheds, store);
  const hold = createPanelHold(store, () => scheds.curve.busy);
  const gate = createDragGate(() => sync(), undefined, hold.setLive);
  const phase = createPhaseRunner([c.phase, c.sweep], store);
  const simulation = createSimulationRunner({ sims: c.sims, real: c.real }, store, (p) => {
    // A new run always gets its theory curve, even for the configuration of the previous run.
    submitter.forget('simTheory');
    submitter.submit({ kind: 'simTheory', key: paramsKey(p), req: p });
  });

  const realSweep = createRealSweepRunner(c.realSweep, store);
  const runFit = createRunFitRunner(c.fit, store);
  const warm = createWarmUp(theory.main, {
    curves: warmCurves,
    idle: () =>
      gate.paused &&
      store.getState().results.curve !== null &&
      !MAIN_KINDS.some((k) => scheds[k].busy),
    params: () => store.getState().params,
  });

  function sync(): void {
    const plan = planRequests(store.getState(), {
      busy: scheds.pins.busy,
      lastKey: submitter.lastKey('pins'),
    });
    submitter.submit(plan.curve);
    phase.setActive(gate.paused);
    if (!gate.paused) return;
    phase.request(plan.phase.key, plan.phase.req);
    plan.sweeps.forEach(submitter.submit);
    // The main worker's secondary requests wait until the curve is answered.
    if (!scheds.curve.busy) plan.afterCurve.forEach(submitter.submit);
    warm.poke();
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.pins !== prev.pins) {
      prunePinCurves(store);
      // A pin removed and pinned again (a lesson's step applied twice) lost its curve to the
      // prune: its request must go again, though its key is the pins' last one.
      submitter.forget('pins');
    }
    // A new spectrum file under the same parameters: everything is computed again.
    if (s.custom !== prev.custom) {
      submitter.forget();
      sync();
      return;
    }
    if (s.results.curve !== prev.results.curve) hold.onCurve();
    const intent = s.urlIntent.seq !== prev.urlIntent.seq;
    if (intent) gate.onIntent(s.urlIntent.mode);
    // An automatic window arrives with the curve: the panels that share it follow.
    const windowMoved = s.view.timeWindow === 'auto' && s.results.curve !== prev.results.curve;
    if (windowMoved) store.getState().pinsFollowWindow();
    if (s.params !== prev.params || s.view !== prev.view || s.pins !== prev.pins || windowMoved)
      sync();
    else if (intent && gate.paused) sync();
  });

  c.main.warm();
  c.sweep.warm();
  sync();

  return {
    startSimulation: () => void simulation.start(),
    cancelSimulation: simulation.cancel,
    startRealSweep: () => void realSweep.start(),
    cancelRealSweep: realSweep.cancel,
    startRunFit: (source, name, options) => void runFit.start(source, name, options),
    cancelRunFit: runFit.cancel,
    retry() {
      submitter.forget();
      phase.forget();
      sync();
    },
    prefetchCurves: (reqs, onProgress) => prefetchCurves(theory, frames, reqs, onProgress),
    ...(TEST_HOOKS && {
      crash(which: 'main' | 'sweep') {
        void c[which].call((api) => (api as unknown as Comlink.Remote<CrashHook>).crash());
      },
      hang(which: 'main' | 'sweep', ms: number) {
        watchdog.theoryMs = ms;
        c[which]
          .call((api) => (api as unknown as Comlink.Remote<CrashHook>).hang())
          .catch(() => {});
      },
    }),
    dispose() {
      gate.dispose();
      hold.dispose();
      warm.dispose();
      unsubscribe();
      c.main.stop();
      c.sweep.stop();
      c.phase.stop();
      c.sims.forEach((w) => w.stop());
      c.real.stop();
      c.realSweep.stop();
      c.fit.stop();
    },
  };
}
