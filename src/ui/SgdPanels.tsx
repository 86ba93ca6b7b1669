import { plainText } from '../format/rich.ts';
// The one-pass SGD regime on the page (docs/theory.md §9): the learning curve's overlay (its x in
// steps or in intrinsic time, the η → 0 reference, the noise floor, the divergence mark, the
// schedule strip) and its caption; the switch of the x axis; the stability edge on the η slider;
// the panel of E_g against B and η with the schedules side by side (pinned with one button); the
// compute-optimal frontier in this regime; the exponent table's SGD rows. Every sentence is a
// claim of src/claims/sgd.ts, rendered with its id as `data-claim`.
import type { Params } from '../model/params.ts';
import { memo, useDeferredValue, useMemo, type ComponentType, type ReactNode } from 'react';
import { SgdSweep as SgdSweepChart } from '../charts/SgdSweep.tsx';
import { batchFigure, etaFigure, frontierFigure } from '../charts/sgdFigures.ts';
import type { PinnedCurve, StepsOverlay } from '../charts/LearningCurve.tsx';
import { useSize } from '../charts/useSize.ts';
import {
  batchClaim,
  criticalClaim,
  divergenceLabelClaims,
  floorLineClaims,
  stripEdgeClaims,
  edgeShortClaim,
  shortSettingClaim,
  etaClaim,
  frontierClaim,
  schedulesClaim,
  sgdCaption,
  sgdExponentRows,
  type SgdClaim,
} from '../claims/sgd.ts';
import { inSteps } from '../model/regimes.ts';
import { SCHEDULE_KINDS } from '../model/sgd/schedule.ts';
import { intrinsicAt, isSgdCurve, type SgdCurveResult } from '../model/sgd/theory.ts';
import type { CurveResult } from '../model/types.ts';
import { actions, useApp } from '../state/hooks.ts';
import { appStore, type StepsAxis } from '../state/store.ts';
import { settledSweeps } from './sgdExports.ts';
import { ClaimText } from '../charts/Claimed.tsx';
import { computeErrorClaim } from '../claims/notices.ts';
import { claim, DEFINITION } from '../claims/registry.ts';
import { RichHelp } from './RichHelp.tsx';
import { useVariant } from './Panels.tsx';
import type { SliderScale } from './controls/scale.ts';

const SgdSweep = memo(SgdSweepChart);

/** A curve in steps redrawn against its intrinsic time t = Σ η_s (§9.2). */
function againstIntrinsic(c: SgdCurveResult): SgdCurveResult {
  return { ...c, t: c.sgd.tIntrinsic };
}

/** What the learning curve draws for a curve in steps, on the chosen axis. */
export function stepsOverlay(c: SgdCurveResult, axis: StepsAxis): StepsOverlay {
  const f = c.sgd;
  const stripX = axis === 'steps' ? f.strip.steps : intrinsicAt(c.params, f.strip.steps);
  const floor = Number.isFinite(f.floor) && f.floor > 0 ? f.floor : null;
  return {
    axis,
    flow: { x: axis === 'steps' ? c.t : f.tIntrinsic, Eg: f.flow },
    floor,
    floorLabels: floor === null ? [] : floorLineClaims(floor, c.params, f.finalEta),
    divergedAt: f.divergedAt,
    divergenceLabels: Number.isFinite(f.divergedAt) ? divergenceLabelClaims(c.params, f) : [],
    strip: {
      x: stripX,
      eta: f.strip.eta,
      etaMax: f.edge.etaMax,
      labels: stripEdgeClaims(f, c.params),
    },
  };
}

/**
 * The learning curve's inputs in the SGD regime: the curve (and the pins in steps) on the chosen
 * axis, the overlay, and the caption's claims. Null outside the regime.
 */
export function useStepsCurve(
  curve: CurveResult | null,
  pins: PinnedCurve[],
): {
  curve: SgdCurveResult;
  pins: PinnedCurve[];
  overlay: StepsOverlay;
  claims: SgdClaim[];
  axis: StepsAxis;
} | null {
  const axis = useApp((s) => s.stepsAxis);
  const sweeps = useApp(settledSweeps);
  return useMemo(() => {
    if (!isSgdCurve(curve)) return null;
    const intrinsic = axis === 'intrinsic';
    return {
      curve: intrinsic ? againstIntrinsic(curve) : curve,
      pins: intrinsic
        ? pins.map((p) => (isSgdCurve(p.curve) ? { ...p, curve: againstIntrinsic(p.curve) } : p))
        : pins,
      overlay: stepsOverlay(curve, axis),
      claims: sgdCaption(curve, curve.params, axis, sweeps),
      axis,
    };
  }, [curve, pins, axis, sweeps]);
}

/**
 * The caption's claims on the lecture stage, where one projected screen holds the plot, the
 * lesson and its sliders: what is drawn and what the run does (diverges, settles, stops); the
 * lesson's own text says the rest, and the figure's description keeps every sentence.
 */
const LECTURE_CLAIMS: ReadonlySet<string> = new Set([
  'sgd-setting',
  'sgd-diverges',
  'sgd-floor',
  'sgd-no-floor',
  'sgd-stops',
]);

export function lectureClaims(claims: readonly SgdClaim[], p: Params): SgdClaim[] {
  return claims
    .filter((c) => LECTURE_CLAIMS.has(c.id))
    .map((c) => (c.id === 'sgd-setting' ? shortSettingClaim(p) : c));
}

/** Sentences, each a claim with its id. */
export function Claims({ claims }: { claims: readonly SgdClaim[] }): ReactNode {
  return claims.map((c) => (
    <span key={c.id} data-claim={c.id}>
      <RichHelp text={c.markup} />{' '}
    </span>
  ));
}

/** The figure description: the claims as plain text. */
export function claimsText(claims: readonly SgdClaim[]): string {
  return claims.map((c) => c.plain).join(' ');
}

const AXES: readonly { id: StepsAxis; label: string; title: string }[] = [
  { id: 'steps', label: 'steps s', title: 'Draw the curves against the steps s' },
  {
    id: 'intrinsic',
    label: 'intrinsic time Σ η_s',
    title: 'Draw the curves against t = Σ η_s, where SGD meets its η → 0 limit (gradient flow)',
  },
];

/** The switch of the x axis of a curve in steps. */
export function StepsAxisSwitch(): ReactNode {
  const axis = useApp((s) => s.stepsAxis);
  return (
    <div className="steps-axis" role="group" aria-label="x axis of the learning curve">
      <span className="steps-axis-label">x axis:</span>
      {AXES.map((a) => (
        <button
          key={a.id}
          type="button"
          className="btn btn--small"
          aria-pressed={axis === a.id}
          data-testid={`steps-axis-${a.id}`}
          title={plainText(a.title)}
          onClick={() => actions().setStepsAxis(a.id)}
        >
          <RichHelp text={a.label} />
        </button>
      ))}
    </div>
  );
}

/**
 * The stability edge under the η slider: a mark at η_max on the slider's scale and the edge in
 * words (§9.4). Nothing while the curve of this state is not there.
 */
export function EtaEdgeMark({ scale }: { scale: SliderScale }): ReactNode {
  const curve = useApp((s) => s.results.curve);
  const params = useApp((s) => s.params);
  if (!isSgdCurve(curve) || curve.params.batch !== params.batch) return null;
  const etaMax = curve.sgd.edge.etaMax;
  const claim = edgeShortClaim(curve.sgd, { ...curve.params, eta: params.eta });
  const pos = Math.min(1, Math.max(0, scale.toPos(etaMax) / scale.max));
  const beyond = params.eta >= etaMax;
  return (
    <div className="ctl-edge" data-testid="eta-slider-edge" data-eta-max={etaMax}>
      <div
        className="ctl-edge-track"
        aria-hidden="true"
        title={claim.plain}
        data-title-claim={claim.id}
      >
        <span className="ctl-edge-zone" style={{ left: `${100 * pos}%` }} />
        <span className="ctl-edge-tick" style={{ left: `${100 * pos}%` }} />
      </div>
      <p className={`ctl-edge-text${beyond ? ' ctl-edge-text--beyond' : ''}`} data-claim={claim.id}>
        <RichHelp text={claim.markup} />
      </p>
    </div>
  );
}

/** The sweeps of this state, or null while they are computed for another (or failed for it). */
function useSweeps() {
  return useDeferredValue(useApp(settledSweeps));
}

/** What a panel shows while its result is computed (a fact about the page, not the model). */
function pendingClaim(what: string) {
  return claim(
    `sgd.pending.${what.replace(/\W+/g, '-')}`,
    `Computing the ${what}…`,
    { params: {} },
    DEFINITION,
  );
}

/** A panel's error, or what it computes while nothing is ready (one of the two, or neither). */
function PanelStatus(props: {
  slot: 'sgdSweeps' | 'sgdFrontier';
  what: string;
  ready: boolean;
}): ReactNode {
  const failed = useApp((s) => s.results.errors[props.slot]?.message ?? null);
  if (failed) {
    const c = computeErrorClaim(props.slot, failed);
    return <ClaimText as="p" className="caption panel-error" claim={c} />;
  }
  if (props.ready) return null;
  return <ClaimText as="p" className="caption" claim={pendingClaim(props.what)} />;
}

function SweepPlot(props: {
  testId: string;
  figure: Parameters<typeof SgdSweepChart>[0]['figure'];
  claims: readonly SgdClaim[];
  pending: boolean;
}): ReactNode {
  const variant = useVariant();
  const { ref, width, height } = useSize<HTMLDivElement>({ width: 400, height: 260 });
  return (
    <figure className={`sgd-figure${props.pending ? ' is-pending' : ''}`}>
      <div ref={ref} className="plot plot-scaling">
        <SgdSweep
          testId={props.testId}
          figure={props.figure}
          width={width}
          height={height}
          variant={variant}
          label={plainText(props.figure.heading)}
          desc={claimsText(props.claims)}
        />
        <span className="busy" aria-hidden="true">
          computing…
        </span>
      </div>
      <figcaption className="caption">
        <Claims claims={props.claims} />
      </figcaption>
    </figure>
  );
}

/** Pin constant, cosine and wsd at the same peak η, B, warm-up, η_min and horizon. */
function pinSchedules(): void {
  const p = appStore.getState().params;
  actions().pinConfigs(SCHEDULE_KINDS.map((schedule) => ({ ...p, schedule })));
}

/** E_g against B and against η after S steps; the schedules side by side (§9.8). */
export function SgdSweepsSection(): ReactNode {
  const sweeps = useSweeps();
  const pending = useApp((s) => s.results.status.sgdSweeps === 'pending');
  const failed = useApp((s) => s.results.errors.sgdSweeps?.message ?? null);
  const params = useApp((s) => s.params);
  const figures = useMemo(
    () =>
      sweeps &&
      !failed && {
        batch: batchFigure(sweeps),
        eta: etaFigure(sweeps),
        batchClaims: [batchClaim(sweeps), criticalClaim(sweeps)],
        etaClaims: [etaClaim(sweeps)],
        schedules: schedulesClaim(sweeps, params),
      },
    [sweeps, params, failed],
  );
  return (
    <section className="panel panel-sgd" aria-labelledby="h-sgd" data-testid="sgd-panel">
      <header className="panel-head">
        <h2 id="h-sgd">Batch size, learning rate, schedules</h2>
      </header>
      <PanelStatus slot="sgdSweeps" what="sweeps over B and η" ready={!!figures} />
      {figures && (
        <>
          <SweepPlot
            testId="sgd-batch"
            figure={figures.batch}
            claims={figures.batchClaims}
            pending={pending}
          />
          <SweepPlot
            testId="sgd-eta"
            figure={figures.eta}
            claims={figures.etaClaims}
            pending={pending}
          />
          <div className="sgd-schedules" data-testid="sgd-schedules">
            <button
              type="button"
              className="btn"
              data-testid="pin-schedules"
              onClick={pinSchedules}
              title="Pin constant, cosine and wsd at the same η, B and horizon on the learning curve"
            >
              Pin the three schedules
            </button>
            {figures.schedules && (
              <p className="caption">
                <Claims claims={[figures.schedules]} />
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** The compute-optimal frontier of this regime, C = N·B·s (§9.8). */
export function SgdFrontierSection(): ReactNode {
  const frontier = useDeferredValue(
    useApp((s) => (s.results.status.sgdFrontier === 'pending' ? null : s.results.sgdFrontier)),
  );
  const pending = useApp((s) => s.results.status.sgdFrontier === 'pending');
  const curve = useApp((s) => s.results.curve);
  const params = useApp((s) => s.params);
  const figure = useMemo(() => {
    if (!frontier || !isSgdCurve(curve)) return null;
    return {
      figure: frontierFigure(frontier),
      claims: [frontierClaim(frontier, params, curve.sgd.laws.s)],
    };
  }, [frontier, curve, params]);
  return (
    <section className="panel panel-scaling panel-frontier" aria-labelledby="h-frontier">
      <header className="panel-head">
        <h2 id="h-frontier">Compute-optimal frontier</h2>
      </header>
      <PanelStatus slot="sgdFrontier" what="frontier" ready={!!figure} />
      {figure && (
        <SweepPlot
          testId="sgd-frontier"
          figure={figure.figure}
          claims={figure.claims}
          pending={pending}
        />
      )}
    </section>
  );
}

/** The exponent table in this regime: each law fitted against predicted, with its condition. */
export function SgdExponents({ curve }: { curve: SgdCurveResult }): ReactNode {
  const sweeps = useSweeps();
  const rows = useMemo(() => sgdExponentRows(curve, sweeps), [curve, sweeps]);
  return (
    <table className="exp-table" data-testid="sgd-exponents">
      <thead>
        <tr>
          <th scope="col">
            <RichHelp text="E_g against" />
          </th>
          <th scope="col">fitted</th>
          <th scope="col">predicted</th>
          <th scope="col">condition</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-row={r.key}>
            <th scope="row">
              <RichHelp text={r.name} />
            </th>
            <td data-testid={`sgd-fit-${r.key}`}>
              <span className={r.fit ? undefined : 'exp-none'} data-claim={r.claims.fitted.id}>
                <RichHelp text={r.claims.fitted.markup} />
              </span>
            </td>
            <td data-testid={`sgd-law-${r.key}`}>
              {r.claims.law ? (
                <span data-claim={r.claims.law.id}>
                  <RichHelp text={r.claims.law.markup} />
                </span>
              ) : (
                '—'
              )}
            </td>
            <td className="exp-cond" data-claim={r.claims.condition.id}>
              <RichHelp text={r.claims.condition.markup} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The exponent table's section in this regime. */
export function SgdExponentsSection(): ReactNode {
  const curve = useDeferredValue(useApp((s) => s.results.curve));
  return (
    <section className="panel panel-exponents" aria-labelledby="h-exponents">
      <h2 id="h-exponents">Exponents</h2>
      {isSgdCurve(curve) ? (
        <SgdExponents curve={curve} />
      ) : (
        <ClaimText as="p" className="caption" claim={pendingClaim('SGD curve')} />
      )}
    </section>
  );
}

/**
 * A panel drawn one way under gradient-flow time and another under one-pass SGD's steps (the
 * exponent table, the compute-optimal frontier), chosen by the regime's time axis.
 */
export function inStepsOr(flow: ComponentType, steps: ComponentType): ComponentType {
  function ByRegime(): ReactNode {
    const s = useApp((st) => inSteps(st.params.regime));
    const C = s ? steps : flow;
    return <C />;
  }
  return ByRegime;
}
