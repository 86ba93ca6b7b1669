// The mean field's internals (docs/theory.md §1–§4): the error decomposed into its parts over
// training time, the order parameters against the timescale τ, and one mode at a time. The two
// time panels share the learning curve's time axis; their sentences are made in src/claims from
// the results drawn, and shown only once those results belong to the state on screen.
import { memo, useDeferredValue, useMemo, type ReactNode } from 'react';
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
import { actions, useApp } from '../state/hooks.ts';
import { paramsKey } from '../state/pins.ts';
import { parseMode } from '../state/view.ts';
import { useVariant } from './Panels.tsx';
import { RichHelp } from './RichHelp.tsx';
import { TexFormula } from './TexFormula.tsx';
import { TypedEntry } from './TypedEntry.tsx';

const Decomposition = memo(DecompositionChart);
const OrderParameters = memo(OrderChart);
const ModeInspectorChart = memo(ModeChart);

/** The learning curve's time axis (shared by the panels below it). */
function useTimeDomain(): [number, number] | null {
  const curve = useApp((s) => s.results.curve);
  return useMemo(() => curveTimeDomain(curve), [curve]);
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

function Sentences({ lines, testId }: { lines: (string | null)[]; testId: string }) {
  return (
    <div className="mf-claims" data-testid={testId}>
      {lines.map(
        (l, i) =>
          l && (
            <p key={i}>
              <RichHelp text={l} />
            </p>
          ),
      )}
    </div>
  );
}

export function DecompositionSection(): ReactNode {
  const parts = useDeferredValue(useApp((s) => s.results.parts));
  const curve = useApp((s) => s.results.curve);
  const pending = useApp((s) => s.results.status.parts === 'pending');
  const tDomain = useTimeDomain();
  const variant = useVariant();
  const matches = partsOfCurve(curve, parts);
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
  const lines =
    data && curve && !pending
      ? [
          stopExplanation(curve, data.t, data.parts).text,
          crossingSentence(signalNoiseCrossing(data.t, data.parts)),
          limitSplitSentence(curve.params, data.limit, curve.limit.Eg),
        ]
      : [pending || (parts && !matches) ? 'Computing the parts…' : null];
  return (
    <section className="panel panel-decomposition" aria-labelledby="h-decomposition">
      <h2 id="h-decomposition">The error, decomposed</h2>
      <PlotBox pending={pending} className="plot-time" initial={{ width: 600, height: 300 }}>
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
      <Sentences lines={lines} testId="decomposition-claims" />
    </section>
  );
}

export function OrderSection(): ReactNode {
  const order = useDeferredValue(useApp((s) => s.results.order));
  const pending = useApp((s) => s.results.status.order === 'pending');
  const params = useApp((s) => s.params);
  const tDomain = useTimeDomain();
  const variant = useVariant();
  const settled = order && !pending;
  const inf = order?.atInfinity;
  const tex = settled && inf ? orderFormulas(params, order, inf) : null;
  const nums = settled && inf ? orderNumbers(order, inf) : null;
  return (
    <section className="panel panel-order" aria-labelledby="h-order" data-testid="order-parameters">
      <h2 id="h-order">Order parameters: the collective response and the shared noise</h2>
      <PlotBox pending={pending} className="plot-time" initial={{ width: 600, height: 300 }}>
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
      {tex && nums && inf && (
        <>
          <dl className="mf-formulas" data-testid="order-formulas">
            {ORDER_SERIES.map((k) => (
              <div key={k} data-formula={k}>
                <dt>{ORDER_LABELS[k]}</dt>
                {/* Focusable: a formula wider than the panel scrolls sideways, by keyboard too. */}
                <dd tabIndex={0}>
                  <TexFormula tex={tex[k].definition} text={ORDER_LABELS[k]} />
                  <TexFormula tex={tex[k].values} text={nums[k]} />
                </dd>
              </div>
            ))}
          </dl>
          <Sentences
            lines={[responseSentence(order, inf), amplificationSentence(params, inf)]}
            testId="order-claims"
          />
        </>
      )}
    </section>
  );
}

/** The mode index entry: type k and press Enter, or step with ↑/↓. */
function ModeEntry({ k }: { k: number }) {
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
}

/** What the simulation says about this mode, or why it shows nothing. */
function simNote(ran: boolean, row: boolean, k: number): string | null {
  if (!ran) return null;
  if (row)
    return `Points: the simulation's mean coefficient on population mode k = ${k}, as a fraction of the target's (±1 s.e.m.).`;
  return `The last simulation did not read out mode k = ${k}: run it again with the inspector open.`;
}

export function InspectorSection(): ReactNode {
  const detail = useDeferredValue(useApp((s) => s.results.mode));
  const status = useApp((s) => s.results.status.mode);
  const k = useApp((s) => inspectedMode(s));
  const wanted = useApp((s) => s.view.mode);
  const params = useApp((s) => s.params);
  const sim = useApp((s) => s.results.sim);
  const simCurrent = !!sim?.result && sim.key === paramsKey(params);
  const tDomain = useTimeDomain();
  const variant = useVariant();
  const shown = detail && detail.k === k ? detail : null;
  const row = useMemo(
    () => (simCurrent && sim?.result ? simModeRow(sim.result, k) : null),
    [simCurrent, sim, k],
  );
  const settled = shown && status !== 'pending';
  const clamped =
    wanted !== k ? `Mode ${wanted} is beyond M = ${params.M}: showing mode ${k}.` : null;
  return (
    <section
      className="panel panel-inspector"
      aria-labelledby="h-inspector"
      data-testid="mode-inspector"
      data-k={k}
    >
      <header className="panel-head">
        <h2 id="h-inspector">One mode at a time</h2>
        <ModeEntry k={k} />
      </header>
      <PlotBox
        pending={status === 'pending'}
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
        <>
          <Sentences
            lines={[
              clamped,
              modeSpectrumSentence(shown),
              learnedSentence(shown),
              simNote(simCurrent, !!row, k),
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
            <p>
              <RichHelp text="Effective single-mode equation (the free mode with λ_k scaled by R; dashed lines: ℓ_k = ½ and ℓ_k(∞)):" />
            </p>
            {modeEquationTex(params, shown).map((tex, i) => (
              <TexFormula key={i} tex={tex} text={modeEquationText(params, shown)[i]} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
