// The Fit my runs panel (docs/theory.md §10): bring your runs (paste a CSV or open a file, or the
// JSON the app saves), say what x is and the regime, leave out the warm-up, fix the floor or σ²
// if known, and fit. The fit runs on its own worker (parsing too) with progress and Cancel; the
// result is the figure (your runs, the fitted curves and their extrapolation with bands, the
// hold-out against a plain power law), the estimates with their intervals, the ridge warning, and
// "Open as app state", which sets the app's parameters to the fitted ones. The 68 % and 95 %
// regions of (α, β) are drawn on the phase diagram. Every sentence is from claims/runfit.ts.
import { useId, useReducer, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { RunFitChart } from '../charts/RunFitChart.tsx';
import { useSize } from '../charts/useSize.ts';
import { ClaimText } from '../charts/Claimed.tsx';
import {
  holdoutSwitchClaim,
  howClaim,
  openedClaim,
  progressText,
  runFitClaims,
  runFitHeading,
  statusClaim,
} from '../claims/runfit.ts';
import { cancelRunFit, startRunFit } from '../compute/index.ts';
import { REGIME } from '../model/regimes.ts';
import {
  FIT_AXES,
  FIT_AXIS_SPECS,
  FIT_REGIME_KEYS,
  HOLDOUT_FRACTION,
  MAX_FIT_ROWS,
  type RunFitResult,
} from '../model/runfit/index.ts';
import type { Regime } from '../model/params.ts';
import { actions, useApp } from '../state/hooks.ts';
import type { RunFitRun } from '../state/store.ts';
import { useVariant } from './Panels.tsx';
import {
  changedSince,
  EMPTY_INPUTS,
  fieldActs,
  fitRequest,
  inputsReducer,
  type FieldKey,
  type InputsAction,
  type RunFitInputs,
} from './runFitInputs.ts';

const EXAMPLE = `x,loss,run
100,0.52,small
300,0.31,small
1000,0.19,small
…`;

const FIELD_LABEL: Record<FieldKey, { label: string; placeholder: string }> = {
  xMin: { label: 'leave out x below (warm-up)', placeholder: '0' },
  floor: { label: 'floor L₀', placeholder: 'fitted' },
  sigma2: { label: 'σ² (label noise / target)', placeholder: 'fitted' },
  P: { label: 'dataset size P (theory units)', placeholder: 'not a bottleneck' },
  N: { label: 'model size N (theory units)', placeholder: 'not a bottleneck' },
  gamma: { label: 'weight decay γ (1/time)', placeholder: 'default' },
  eta: { label: 'SGD learning rate η (theory units)', placeholder: 'default' },
  batch: { label: 'SGD batch size B', placeholder: 'default' },
};

/** Why a field is off: what it belongs to. */
function offPlaceholder(s: RunFitInputs, k: FieldKey): string {
  if (k === 'gamma') return 'weight decay only';
  if (k === 'eta' || k === 'batch') return 'SGD only';
  if (k === 'P' && s.regime === 'sgd' && s.axis !== 'P') return 'SGD: fresh samples';
  return 'x is this';
}

function NumberField(props: {
  k: FieldKey;
  inputs: RunFitInputs;
  dispatch: (a: InputsAction) => void;
}) {
  const { k, inputs, dispatch } = props;
  const acts = fieldActs(inputs, k);
  const f = FIELD_LABEL[k];
  return (
    <label className="runfit-field">
      <span>{f.label}</span>
      <input
        type="text"
        inputMode="decimal"
        data-testid={`runfit-${k.toLowerCase()}`}
        value={acts ? inputs[k] : ''}
        disabled={!acts}
        placeholder={acts ? f.placeholder : offPlaceholder(inputs, k)}
        onChange={(e) => dispatch({ type: 'set', patch: { [k]: e.target.value } })}
      />
    </label>
  );
}

function Inputs(props: { inputs: RunFitInputs; dispatch: (a: InputsAction) => void }) {
  const { inputs, dispatch } = props;
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  return (
    <div className="runfit-inputs">
      <div className="custom-input">
        <label>
          Open a file{' '}
          <input
            ref={file}
            type="file"
            accept=".csv,.txt,.tsv,.json,text/csv,text/plain,application/json"
            data-testid="runfit-file"
            onChange={(e) => dispatch({ type: 'file', file: e.target.files?.[0] ?? null })}
          />
        </label>
        {inputs.file && (
          <ClaimText
            as="p"
            className="panel-note"
            claim={statusClaim('file', `Fitting the file ${inputs.file.name}.`)}
          />
        )}
        <label htmlFor={`${id}-text`}>or paste your runs here</label>
        <textarea
          id={`${id}-text`}
          data-testid="runfit-text"
          rows={6}
          spellCheck={false}
          placeholder={EXAMPLE}
          value={inputs.text}
          onChange={(e) => {
            if (file.current) file.current.value = '';
            dispatch({ type: 'text', text: e.target.value });
          }}
        />
      </div>
      <div className="runfit-fields">
        <label className="runfit-field">
          <span>x is</span>
          <select
            data-testid="runfit-axis"
            value={inputs.axis}
            onChange={(e) =>
              dispatch({ type: 'set', patch: { axis: e.target.value as RunFitInputs['axis'] } })
            }
          >
            {FIT_AXES.map((a) => (
              <option key={a} value={a}>
                {FIT_AXIS_SPECS[a].label} ({a})
              </option>
            ))}
          </select>
        </label>
        <label className="runfit-field">
          <span>trained with</span>
          <select
            data-testid="runfit-regime"
            value={inputs.regime}
            onChange={(e) => dispatch({ type: 'set', patch: { regime: e.target.value as Regime } })}
          >
            {FIT_REGIME_KEYS.map((r) => (
              <option key={r} value={r}>
                {REGIME[r].label}
              </option>
            ))}
          </select>
        </label>
        {(['xMin', 'floor', 'sigma2', 'P', 'N', 'gamma', 'eta', 'batch'] as const).map((k) => (
          <NumberField key={k} k={k} inputs={inputs} dispatch={dispatch} />
        ))}
        <label className="runfit-field runfit-check">
          <input
            type="checkbox"
            data-testid="runfit-holdout"
            checked={inputs.holdout}
            onChange={(e) => dispatch({ type: 'set', patch: { holdout: e.target.checked } })}
          />
          <ClaimText claim={holdoutSwitchClaim(HOLDOUT_FRACTION)} />
        </label>
      </div>
    </div>
  );
}

function Status({ run, problem }: { run: RunFitRun | null; problem: string | null }) {
  if (problem)
    return (
      <p className="ctl-msg ctl-msg--error" role="alert" data-testid="runfit-error">
        <ClaimText claim={statusClaim('problem', problem)} />
      </p>
    );
  if (!run) return null;
  switch (run.status) {
    case 'running':
      return (
        <p className="sim-status" data-testid="runfit-progress" aria-live="polite">
          <progress max={1} value={run.progress?.fraction ?? 0} />{' '}
          <ClaimText claim={statusClaim('progress', progressText(run.progress))} />
        </p>
      );
    case 'refused':
      return (
        <p className="ctl-msg ctl-msg--error" role="alert" data-testid="runfit-error">
          <ClaimText
            claim={statusClaim('refused', `${run.source} refused: ${run.refusal?.message ?? ''}`)}
          />
        </p>
      );
    case 'cancelled':
      return (
        <ClaimText
          as="p"
          className="panel-note"
          testId="runfit-cancelled"
          claim={statusClaim('cancelled', 'Fit cancelled.')}
        />
      );
    case 'error':
      return (
        <p className="ctl-msg ctl-msg--error" role="alert" data-testid="runfit-error">
          <ClaimText
            claim={statusClaim('failed', 'The fit failed (see the message above); try again.')}
          />
        </p>
      );
    case 'done':
      return null;
  }
}

function Claims({ r, run }: { r: RunFitResult; run: RunFitRun }) {
  const c = runFitClaims(r, run.options);
  return (
    <div className="runfit-claims" data-testid="runfit-claims">
      {c.ridge && (
        <p
          className="runfit-ridge"
          role="note"
          data-testid="runfit-ridge"
          data-kind={r.ridge?.kind}
        >
          <ClaimText claim={c.ridge} />
        </p>
      )}
      <ul>
        <ClaimText as="li" claim={c.alpha} testId="runfit-alpha" />
        <ClaimText as="li" claim={c.beta} testId="runfit-beta" />
        <ClaimText as="li" claim={c.bootstrap} testId="runfit-bootstrap" />
        {c.linear.map((l) => (
          <ClaimText as="li" key={l.id} claim={l} />
        ))}
        <ClaimText as="li" claim={c.quality} testId="runfit-quality" />
      </ul>
      {c.holdout && <ClaimText as="p" claim={c.holdout} testId="runfit-holdout-report" />}
      <div data-testid="runfit-extrapolation">
        {c.extrapolation.map((e) => (
          <ClaimText as="p" key={e.id} claim={e} />
        ))}
      </div>
      {c.notes.length > 0 && (
        <ul className="runfit-notes" data-testid="runfit-notes">
          {c.notes.map((n) => (
            <ClaimText as="li" key={n.id} claim={n} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** Set the app's parameters to the fitted ones (the steps axis also sets the time window). */
function openAsAppState(r: RunFitResult): void {
  const s = actions();
  if (r.axis === 'steps') s.setView({ timeWindow: 'manual' }, { live: true });
  s.setParams(r.params);
}

function Result({ run }: { run: RunFitRun }): ReactNode {
  const r = run.result!;
  const variant = useVariant();
  const { ref, width, height } = useSize<HTMLDivElement>({ width: 640, height: 380 });
  const [opened, setOpened] = useState<RunFitResult | null>(null);
  const showHoldout = run.options.holdout != null;
  return (
    <>
      <div ref={ref} className="plot plot-runfit">
        <RunFitChart
          result={r}
          heading={runFitHeading(r, run.source)}
          holdout={showHoldout}
          width={width}
          height={height}
          variant={variant}
        />
      </div>
      <Claims r={r} run={run} />
      <div className="sim-actions">
        <button
          type="button"
          className="btn"
          data-testid="runfit-open"
          onClick={() => {
            openAsAppState(r);
            setOpened(r);
          }}
        >
          Open as app state
        </button>
      </div>
      {opened === r && (
        <p className="panel-note" role="status" data-testid="runfit-opened">
          <ClaimText claim={openedClaim(r.params)} />
        </p>
      )}
    </>
  );
}

export function RunFitPanel() {
  const [inputs, dispatch] = useReducer(inputsReducer, EMPTY_INPUTS);
  const [problem, setProblem] = useState<string | null>(null);
  const [lastSource, setLastSource] = useState<unknown>(null);
  const run = useApp((s) => s.results.runfit);
  const running = run?.status === 'running';
  const fit = () => {
    const req = fitRequest(inputs);
    if (!req.ok) {
      setProblem(req.message);
      return;
    }
    setProblem(null);
    setLastSource(req.source);
    startRunFit(req.source, req.name, req.options);
  };
  const stale = run?.status === 'done' && changedSince(inputs, run, lastSource);
  return (
    <section className="panel panel-runfit" aria-labelledby="h-runfit" data-testid="runfit-panel">
      <header className="panel-head">
        <h2 id="h-runfit">Fit my runs: α and β of your own learning curves</h2>
      </header>
      <ClaimText as="p" className="panel-note" claim={howClaim(MAX_FIT_ROWS)} />
      <Inputs inputs={inputs} dispatch={dispatch} />
      <div className="sim-actions">
        <button
          type="button"
          className="btn btn--primary"
          data-testid="runfit-fit"
          disabled={running}
          onClick={fit}
        >
          Fit
        </button>
        <button
          type="button"
          className="btn"
          data-testid="runfit-cancel"
          disabled={!running}
          onClick={() => cancelRunFit()}
        >
          Cancel
        </button>
      </div>
      <Status run={run} problem={problem} />
      {stale && (
        <ClaimText
          as="p"
          className="panel-note"
          testId="runfit-stale"
          claim={statusClaim(
            'stale',
            'The inputs changed since this fit: the results below are for the earlier inputs. Fit again to update them.',
          )}
        />
      )}
      {run?.status === 'done' && run.result && <Result run={run} />}
    </section>
  );
}
