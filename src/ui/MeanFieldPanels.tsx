// The mean field's internals (docs/theory.md §1–§4): the error decomposed into its parts over
// training time, the order parameters against the timescale τ, and one mode at a time. The two
// time panels share the learning curve's time axis; their sentences are made in src/claims from
// the results drawn, and shown only once those results belong to the state on screen.
//
// While a slider is dragged the learning curve is redrawn first: the panels, their sentences and
// formulas follow in React's deferred render, from the same deferred values as their plot. Until
// they have caught up the section is marked as updating (`is-updating`, aria-busy: its text dims
// if the wait is long), so no sentence is read as the new state's. The text blocks are memoised on
// their inputs: the curve's own commit only toggles that mark, and KaTeX typesets a formula again
// only when its TeX changes.
import { memo, useDeferredValue, useMemo, type ReactNode } from 'react';
import type { Params } from '../model/params.ts';
import type { CurveResult, ModeDetail } from '../model/types.ts';
import type { OrderView, PartsResult } from '../protocol/api.ts';
import { Decomposition as DecompositionChart } from '../charts/Decomposition.tsx';
import { curveTimeDomain } from '../charts/domain.ts';
import { ModeInspectorChart as ModeChart } from '../charts/ModeInspectorChart.tsx';
import { simModeRow } from '../charts/modeInspectorLayout.ts';
import { OrderParameters as OrderChart } from '../charts/OrderParameters.tsx';
import { useSize } from '../charts/useSize.ts';
import {
  crossingSentence,
  limitSplitSentence,
  signalNoiseCrossing,
  stopExplanation,
} from '../claims/decomposition.ts';
import {
  amplificationSentence,
  ORDER_LABELS,
  ORDER_SERIES,
  orderFormulas,
  orderNumbers,
  responseSentence,
} from '../claims/orderParams.ts';
import {
  learnedSentence,
  modeEquationTex,
  modeEquationText,
  modeSpectrumSentence,
} from '../claims/modeDetail.ts';
import { inspectedMode } from '../compute/plan.ts';
import { partsOfCurve } from './panelExports.ts';
import {
  actions,
  dragHolds,
  panelParams,
  updatingProps,
  useApp,
  useDeferredCurve,
} from '../state/hooks.ts';
import { paramsKey } from '../state/pins.ts';
import { parseMode } from '../state/view.ts';
import { useVariant } from './Panels.tsx';
import { ClaimText } from '../charts/Claimed.tsx';
import type { Claim } from '../claims/registry.ts';
import {
  decompositionClaim,
  stopClaim,
  modeClaim,
  modeTexClaim,
  orderClaim,
  orderLabelClaim,
  orderTexClaims,
} from '../claims/meanFieldClaims.ts';
import { TexFormula } from './TexFormula.tsx';
import { TypedEntry } from './TypedEntry.tsx';

const Decomposition = memo(DecompositionChart);
const OrderParameters = memo(OrderChart);
const ModeInspectorChart = memo(ModeChart);

/**
 * The learning curve's time axis (shared by the panels below it), one deferred render behind the
 * curve (`behind` until it has caught up: the panel shows as updating).
 */
function useTimeDomain(): { tDomain: [number, number] | null; behind: boolean } {
  const { curve, behind } = useDeferredCurve();
  const tDomain = useMemo(() => curveTimeDomain(curve), [curve]);
  return { tDomain, behind };
}

/** A plot sized to its box, dimmed with a "computing…" badge while its result is pending. */
function PlotBox(props: {
  pending: boolean;
  className: string;
  initial: { width: number; height: number };
  children: (width: number, height: number) => ReactNode;
}) {
  const { ref, width, height } = useSize<HTMLDivElement>(props.initial);
  return (
    <div ref={ref} className={`plot ${props.className}${props.pending ? ' is-pending' : ''}`}>
      {props.children(width, height)}
      <span className="busy" aria-hidden="true">
        computing…
      </span>
    </div>
  );
}

type Sentence = Claim | null | false | '';

/** Memoised: a caller keeps `claims` (one array) while its inputs have not changed. */
const Sentences = memo(function Sentences({
  claims,
  testId,
}: {
  claims: readonly Sentence[];
  testId: string;
}) {
  return (
    <div className="mf-claims" data-testid={testId}>
      {claims.map((c, i) => c && <ClaimText key={i} as="p" claim={c} />)}
    </div>
  );
});

/** A formula as a claim: the element carries its id, KaTeX typesets its TeX. */
function TexClaim({ claim, text }: { claim: Claim; text: string }) {
  return (
    <span data-claim={claim.id}>
      <TexFormula tex={claim.tex ?? ''} text={text} />
    </span>
  );
}

/** What the decomposition draws, with the t → ∞ split its last sentence quotes. */
type DecompositionData = NonNullable<Parameters<typeof DecompositionChart>[0]['data']> &
  Pick<PartsResult, 'limit'>;

/**
 * The decomposition's sentences: of the parts drawn (those of the deferred curve), or that the
 * parts are being computed.
 */
function decompositionLines(
  data: DecompositionData | null,
  curve: CurveResult | null,
  computing: boolean,
  stale: boolean,
  params: Params,
): Sentence[] {
  if (data && curve && !computing) {
    const crossing = crossingSentence(signalNoiseCrossing(data.t, data.parts));
    return [
      stopClaim(curve, stopExplanation(curve, data.t, data.parts).text),
      crossing && decompositionClaim('crossing', crossing, curve.params),
      decompositionClaim(
        'limit',
        limitSplitSentence(curve.params, data.limit, curve.limit.Eg),
        curve.params,
        curve.limit.Eg,
      ),
    ];
  }
  return [
    computing || stale
      ? decompositionClaim('pending', 'Computing the parts…', curve?.params ?? params)
      : null,
  ];
}

export function DecompositionSection(): ReactNode {
  const parts = useDeferredValue(useApp((s) => s.results.parts));
  const { curve, behind } = useDeferredCurve();
  const { tDomain } = useTimeDomain();
  const computing = useApp((s) => s.results.status.parts === 'pending');
  const variant = useVariant();
  const params = useDeferredValue(useApp(panelParams));
  const matches = useMemo(() => partsOfCurve(curve, parts), [curve, parts]);
  // The simulation's parts only when it ran at the curve's parameters.
  const simRun = useApp((s) => s.results.sim);
  const simCurrent = useApp((s) => !!s.results.sim && s.results.sim.key === paramsKey(s.params));
  const sim = simCurrent && simRun?.result?.parts ? simRun.result : null;
  const data = useMemo(
    () =>
      parts && curve && matches
        ? { params: curve.params, ...parts, earlyStop: curve.earlyStop, sim }
        : null,
    [parts, curve, matches, sim],
  );
  const stale = !!parts && !matches;
  const lines = useMemo(
    () => decompositionLines(data, curve, computing, stale, params),
    [data, curve, computing, stale, params],
  );
  return (
    <section
      {...updatingProps('panel panel-decomposition', behind)}
      aria-labelledby="h-decomposition"
    >
      <h2 id="h-decomposition">The error, decomposed</h2>
      <PlotBox
        pending={computing || behind}
        className="plot-time"
        initial={{ width: 600, height: 300 }}
      >
        {(width, height) => (
          <Decomposition
            data={data}
            tDomain={tDomain}
            width={width}
            height={height}
            variant={variant}
          />
        )}
      </PlotBox>
      <Sentences claims={lines} testId="decomposition-claims" />
    </section>
  );
}

/** The order parameters' formulas (definition and values) and sentences. */
const OrderText = memo(function OrderText({ params, order }: { params: Params; order: OrderView }) {
  const inf = order.atInfinity;
  const tex = orderFormulas(params, order, inf);
  const nums = orderNumbers(order, inf);
  return (
    <>
      <dl className="mf-formulas" data-testid="order-formulas">
        {ORDER_SERIES.map((k) => {
          const c = orderTexClaims(k, tex[k], params, order, inf);
          return (
            <div key={k} data-formula={k}>
              <ClaimText as="dt" claim={orderLabelClaim(k, ORDER_LABELS[k])} />
              {/* Focusable: a formula wider than the panel scrolls sideways, by keyboard too. */}
              <dd tabIndex={0}>
                <TexClaim claim={c.definition} text={ORDER_LABELS[k]} />
                <TexClaim claim={c.values} text={nums[k]} />
              </dd>
            </div>
          );
        })}
      </dl>
      <Sentences
        claims={[
          orderClaim('response', responseSentence(order, inf), params, inf),
          orderClaim('amplification', amplificationSentence(params, inf), params, inf),
        ]}
        testId="order-claims"
      />
    </>
  );
});

export function OrderSection(): ReactNode {
  const order = useDeferredValue(useApp((s) => s.results.order));
  const { tDomain, behind } = useTimeDomain();
  const computing = useApp((s) => s.results.status.order === 'pending');
  const params = useDeferredValue(useApp(panelParams));
  const variant = useVariant();
  const settled = order?.atInfinity && !computing;
  // While a drag goes on, its formulas out of view keep what they show (TexFormula.tsx).
  const hold = useApp(dragHolds);
  return (
    <section
      {...updatingProps('panel panel-order', behind || hold)}
      aria-labelledby="h-order"
      data-testid="order-parameters"
    >
      <h2 id="h-order">Order parameters: the collective response and the shared noise</h2>
      <PlotBox
        pending={computing || behind}
        className="plot-time"
        initial={{ width: 600, height: 300 }}
      >
        {(width, height) => (
          <OrderParameters
            order={order}
            tDomain={tDomain}
            width={width}
            height={height}
            variant={variant}
          />
        )}
      </PlotBox>
      {settled && <OrderText params={params} order={order} />}
    </section>
  );
}

/**
 * The mode index entry: type k and press Enter, or step with ↑/↓. Memoised: a controlled input
 * re-rendered rewrites its attributes, and the section renders on every step of a drag.
 */
const ModeEntry = memo(function ModeEntry({ k }: { k: number }) {
  const set = (v: number) => actions().setView({ mode: v });
  return (
    <label className="mode-entry">
      mode k =
      <TypedEntry
        value={String(k)}
        parse={(text) => {
          const r = parseMode(text);
          return r.ok ? { ok: true, value: r.k } : r;
        }}
        onCommit={set}
        label="Mode k to inspect"
        testId="mode-k"
        inputMode="numeric"
        onKey={(e, reset) => {
          if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
          e.preventDefault();
          const next = k + (e.key === 'ArrowUp' ? 1 : -1);
          reset();
          if (parseMode(String(next)).ok) set(next);
        }}
      />
    </label>
  );
});

/** What the simulation says about this mode, or why it shows nothing. */
function simNote(ran: boolean, row: boolean, k: number): string | null {
  if (!ran) return null;
  if (row)
    return `Points: the simulation's mean coefficient on population mode k = ${k}, as a fraction of the target's (±1 s.e.m.).`;
  return `The last simulation did not read out mode k = ${k}: run it again with the inspector open.`;
}

/** The inspected mode's sentences and its effective equation. */
const ModeText = memo(function ModeText(props: {
  params: Params;
  shown: ModeDetail;
  k: number;
  wanted: number;
  simCurrent: boolean;
  hasRow: boolean;
}) {
  const { params, shown, k, wanted } = props;
  const clamped =
    wanted !== k ? `Mode ${wanted} is beyond M = ${params.M}: showing mode ${k}.` : null;
  const note = simNote(props.simCurrent, props.hasRow, k);
  const texts = modeEquationText(params, shown);
  return (
    <>
      <Sentences
        claims={[
          clamped && modeClaim('clamped', clamped, params, shown),
          modeClaim('spectrum', modeSpectrumSentence(shown), params, shown),
          modeClaim('learned', learnedSentence(shown), params, shown),
          note && modeClaim('sim', note, params, shown),
        ]}
        testId="mode-claims"
      />
      <div
        className="mf-equation"
        data-testid="mode-equation"
        role="group"
        aria-label="Effective single-mode equation"
        tabIndex={0}
      >
        <ClaimText
          as="p"
          claim={modeClaim(
            'equation-note',
            'Effective single-mode equation (the free mode with λ_k scaled by R; dashed lines: ℓ_k = ½ and ℓ_k(∞)):',
            params,
            shown,
          )}
        />
        {modeEquationTex(params, shown).map((tex, i) => (
          <TexClaim key={i} claim={modeTexClaim(i, tex, params, shown)} text={texts[i]} />
        ))}
      </div>
    </>
  );
});

export function InspectorSection(): ReactNode {
  const detail = useDeferredValue(useApp((s) => s.results.mode));
  const status = useApp((s) => s.results.status.mode);
  // Its sentences and formulas follow a drag one deferred render behind (the curve first).
  const live = useApp(panelParams);
  const params = useDeferredValue(live);
  const view = useApp((s) => s.view);
  const k = inspectedMode({ params, view });
  const wanted = view.mode;
  const sim = useApp((s) => s.results.sim);
  const simCurrent = !!sim?.result && sim.key === paramsKey(params);
  const { tDomain, behind } = useTimeDomain();
  const variant = useVariant();
  const shown = detail && detail.k === k ? detail : null;
  const row = useMemo(
    () => (simCurrent && sim?.result ? simModeRow(sim.result, k) : null),
    [simCurrent, sim, k],
  );
  const settled = shown && status !== 'pending';
  // While a drag goes on, its formulas out of view keep what they show (TexFormula.tsx).
  const hold = useApp(dragHolds);
  return (
    <section
      {...updatingProps('panel panel-inspector', behind || params !== live || hold)}
      aria-labelledby="h-inspector"
      data-testid="mode-inspector"
      data-k={k}
    >
      <header className="panel-head">
        <h2 id="h-inspector">One mode at a time</h2>
        <ModeEntry k={k} />
      </header>
      <PlotBox
        pending={status === 'pending' || behind}
        className="plot-modes"
        initial={{ width: 400, height: 300 }}
      >
        {(width, height) => (
          <ModeInspectorChart
            detail={shown}
            sim={row}
            tDomain={tDomain}
            width={width}
            height={height}
            variant={variant}
          />
        )}
      </PlotBox>
      {settled && (
        <ModeText
          params={params}
          shown={shown}
          k={k}
          wanted={wanted}
          simCurrent={simCurrent}
          hasRow={!!row}
        />
      )}
    </section>
  );
}
