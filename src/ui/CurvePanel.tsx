// The learning curve, big, with its generated caption. Pinned curves and the simulation overlay
// come from the store; the layout effect reports the redraw to the latency probe.
import { memo, useLayoutEffect, useMemo } from 'react';
import {
  LearningCurve as LearningCurveChart,
  type PinnedCurve,
  type SimOverlay,
} from '../charts/LearningCurve.tsx';
import { captionClaims } from '../charts/caption.ts';
import { ClaimSentences, ClaimText } from '../charts/Claimed.tsx';
import { markerClaim, outcomeClaim } from '../claims/curveClaims.ts';
import { claim, DEFINITION } from '../claims/registry.ts';
import { pinColor } from '../charts/theme.ts';
import { useSize } from '../charts/useSize.ts';
import { noteCommit } from '../compute/perf.ts';
import { actions, currentFitted, useApp } from '../state/hooks.ts';
import { currentLabel, labelIgnore, paramsKey, pinnedResults } from '../state/pins.ts';
import { PlayBar } from './play/PlayBar.tsx';
import type { CurveResult } from '../model/types.ts';
import { poolSourceOf } from '../model/data/sources.ts';
import { formatParam } from '../format/number.ts';
import { appStore } from '../state/store.ts';
import { showEarlyStop, windowShowing } from './showEarlyStop.ts';
import { Claims, claimsText, lectureClaims, StepsAxisSwitch, useStepsCurve } from './SgdPanels.tsx';

const LearningCurve = memo(LearningCurveChart);
const NO_PINS: PinnedCurve[] = [];
const setCursor = (t: number | null) => actions().setCursorT(t);
const setTimeCursor = (t: number | null) => actions().setTimeCursor(t);

function usePinnedCurves(): PinnedCurve[] {
  const params = useApp((s) => s.params);
  const pins = useApp((s) => s.pins);
  const pinCurves = useApp((s) => s.results.pinCurves);
  // With an automatic window pins follow it, so the window is not what sets them apart.
  const timeWindow = useApp((s) => s.view.timeWindow);
  // A stable empty list: a new [] on every parameter change would make the chart re-lay out.
  return useMemo(
    () =>
      pins.length === 0
        ? NO_PINS
        : pinnedResults(pins, pinCurves, params, labelIgnore(timeWindow)).map(
            ({ index, label, curve }) => ({
              id: `${index}`,
              label,
              color: pinColor(index),
              curve,
            }),
          ),
    [pins, pinCurves, params, timeWindow],
  );
}

function useSimOverlay(): SimOverlay | null {
  const sim = useApp((s) => s.results.sim);
  const current = useApp((s) => !!s.results.sim && s.results.sim.key === paramsKey(s.params));
  const N = useApp((s) => s.params.N);
  return useMemo(
    () =>
      sim && sim.result && current
        ? {
            result: sim.result,
            theory: sim.theory ?? undefined,
            real: poolSourceOf(sim.params)?.words.real,
            // Real SGD on a pool above its cap of features runs the kernel limit (poolSimN).
            theoryLabel:
              sim.params.N !== N ? `theory at N = ${formatParam(sim.params.N)}, as run` : undefined,
          }
        : null,
    [sim, current, N],
  );
}

export function CurvePanel() {
  const curve = useApp((s) => s.results.curve);
  const curveId = useApp((s) => s.results.curveId);
  const params = useApp((s) => s.params);
  const showEtr = useApp((s) => s.view.showEtr);
  const lecture = useApp((s) => s.view.theme === 'lecture');
  const pending = useApp((s) => s.results.status.curve === 'pending');
  const timeCursor = useApp((s) => s.timeCursor);
  const failed = useApp((s) => s.results.status.curve === 'error');
  const pins = usePinnedCurves();
  const current = useApp((s) => currentLabel(s.pins, s.params, labelIgnore(s.view.timeWindow)));
  const sim = useSimOverlay();
  const fitted = useApp(currentFitted);
  // One-pass SGD (docs/theory.md §9): the curve in steps, with its own marks and caption.
  const steps = useStepsCurve(curve, pins);
  const { ref, width, height } = useSize<HTMLDivElement>({ width: 720, height: 440 });

  useLayoutEffect(() => {
    if (curveId) noteCommit(curveId);
  }, [curveId]);

  const at = useApp((s) => s.view.at);
  const tAt = useApp((s) => s.view.tAt);
  const scalingShown = useApp(
    (s) => s.view.panels.includes('scalingP') || s.view.panels.includes('scalingN'),
  );
  const setting = useMemo(() => ({ at, tAt }), [at, tAt]);
  // The fixed time of the scaling panels is marked on the time axis while they use it.
  const markT = scalingShown && at === 't' ? tAt : null;
  const fileName = useApp((s) => s.custom?.name ?? null);
  // The caption describes the figure drawn, i.e. the parameters of the curve shown (made again
  // when the curve arrives, not at every input of a drag before it).
  const captionParams = curve?.params ?? params;
  const caption = useMemo(
    () =>
      steps
        ? []
        : captionClaims(curve, captionParams, setting, {
            showEtr,
            slope: !lecture,
            fileName,
            short: lecture,
          }),
    [steps, curve, captionParams, setting, showEtr, lecture, fileName],
  );
  return (
    <figure
      className={`panel panel-curve${pending ? ' is-pending' : ''}${failed ? ' is-failed' : ''}`}
      data-testid="curve-panel"
      data-curve-id={curveId}
    >
      <PlayBar />
      <div ref={ref} className="plot plot-curve">
        <LearningCurve
          caption={
            steps
              ? claimsText(steps.claims)
              : curve
                ? caption.map((c) => c.plain).join(' ')
                : undefined
          }
          curve={steps?.curve ?? curve}
          pins={steps?.pins ?? pins}
          // The simulation samples steps: it is drawn on the steps axis only.
          sim={steps?.axis === 'intrinsic' ? null : sim}
          fitted={steps ? null : fitted}
          steps={steps?.overlay ?? null}
          width={width}
          height={height}
          variant={lecture ? 'lecture' : 'normal'}
          showEtr={showEtr}
          setting={setting}
          markT={markT}
          currentLabel={current || undefined}
          onCursorChange={setCursor}
          timeCursor={timeCursor}
          onTimeCursor={setTimeCursor}
        />
        <span className="busy" aria-hidden="true">
          computing…
        </span>
      </div>
      {curve && !steps && <EarlyStopLine curve={curve} />}
      {steps && !lecture && <StepsAxisSwitch />}
      <figcaption className="caption" data-testid="caption">
        {/* One claim per sentence (the same words are the figure's SVG description). */}
        {steps ? (
          <Claims
            claims={lecture ? lectureClaims(steps.claims, steps.curve.params) : steps.claims}
          />
        ) : (
          <ClaimSentences claims={caption} />
        )}
      </figcaption>
    </figure>
  );
}

/** The early-stopping point as data (test hook) and, when it lies outside the window, "Show it". */
function EarlyStopLine({ curve }: { curve: CurveResult }) {
  const es = curve.earlyStop;
  const show = windowShowing(curve);
  return (
    <p
      className={`early-stop-line${es.case === 'beyond' ? '' : ' sp-visually-hidden'}`}
      data-testid="early-stop"
      data-case={es.case}
      data-t={Number.isFinite(es.t) ? String(es.t) : ''}
      data-e={String(es.Eg)}
    >
      {es.case === 'beyond' && (
        <>
          <ClaimText claim={markerClaim(curve)!} />{' '}
          {show ? (
            <button
              type="button"
              className="btn"
              data-testid="show-tstar"
              onClick={() => showEarlyStop(appStore)}
            >
              Show it <kbd>w</kbd>
            </button>
          ) : (
            <ClaimText
              claim={claim(
                'curve.marker.unreachable',
                '(outside the largest window the time controls allow)',
                { params: curve.params },
                DEFINITION,
              )}
            />
          )}
        </>
      )}
      {es.case !== 'beyond' && <ClaimText claim={outcomeClaim(curve)} />}
    </p>
  );
}
