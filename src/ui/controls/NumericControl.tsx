// One numeric parameter: slider (log or linear, from the spec), typed entry, unit, ∞ toggle when
// allowed, one-line help; disabled with the reason when the parameter does not act in the current
// regime. The slider updates the store continuously while dragged (live: the URL is replaced) and
// commits on release (the URL gets a history entry). Its parts: the state it reads
// (useControlState), why it is off (offReason), the typed entry (ValueEntry, with the shared
// typed-entry logic of ../TypedEntry.tsx), the slider (RangeSlider), the ∞ toggle (InfToggle).
import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  actsWithSchedule,
  formatValue,
  isActive,
  type NumericSpec,
  type Regime,
} from '../../model/params.ts';
import { REGIME } from '../../model/regimes.ts';
import { isMeasured } from '../../model/data/sources.ts';
import { noteInput } from '../../compute/perf.ts';
import { actions, useApp } from '../../state/hooks.ts';
import { windowedParams, type EditOptions } from '../../state/store.ts';
import { plainSymbol } from '../../state/symbols.ts';
import { formatAscii } from '../../format/number.ts';
import { RichHelp } from '../RichHelp.tsx';
import { ClaimText } from '../../charts/Claimed.tsx';
import { controlNoteClaim } from '../../claims/controls.ts';
import { Tex } from '../Tex.tsx';
import { useEntry, type Entry } from '../TypedEntry.tsx';
import { parseEntry, type EntryResult } from './entry.ts';
import { dataAwareText } from './dataHelp.ts';
import { keyToPos, sliderScale, type SliderScale } from './scale.ts';
import { PinSlider } from './PinSlider.tsx';
import { EtaEdgeMark } from '../SgdPanels.tsx';

const MEASURED_KEYS: readonly string[] = ['alpha', 'beta', 'M'];

/** Quiet time after the last arrow-key step on a slider before the steps become a history entry. */
export const KEY_PAUSE_MS = 600;

/** A finite value to return to when ∞ is switched off and no finite value was seen yet. */
function finiteFallback(spec: NumericSpec): number {
  if (Number.isFinite(spec.default)) return spec.default;
  const lo = spec.min > 0 ? spec.min : (spec.logMin ?? 1);
  return 10 ** Math.round((Math.log10(lo) + Math.log10(spec.max)) / 2);
}

/** Set the parameter (noting the input for the latency probe). */
function setValue(spec: NumericSpec, v: number, opts?: EditOptions): void {
  noteInput();
  actions().setParam(spec.key, v, opts);
}

/** What the control reads from the store. */
function useControlState(spec: NumericSpec) {
  // tmin and tmax show the window on screen: in the automatic mode, the one the engine chose.
  const value = useApp((s) => windowedParams(s)[spec.key]);
  const auto = useApp(
    (s) => (spec.key === 'tmin' || spec.key === 'tmax') && s.view.timeWindow === 'auto',
  );
  const regime = useApp((s) => s.params.regime);
  const data = useApp((s) => s.params.data);
  // A parameter of one schedule only (the wsd decay fraction) is off under the others.
  const schedule = useApp((s) => s.params.schedule);
  const lecture = useApp((s) => s.view.theme === 'lecture');
  // Measured data: α, β (fitted) and M (modes with λ > 0) are read off the spectrum.
  const readOut = useApp((s) => isMeasured(s.params)) && MEASURED_KEYS.includes(spec.key);
  const measured = useApp((s) => (readOut ? s.results.curve?.params[spec.key] : undefined));
  // The fit range of this exponent, as drawn on the spectrum plot.
  const fitRange = useApp((s) => {
    const f = readOut ? s.results.spectrum?.fit : undefined;
    const r = spec.key === 'alpha' ? f?.lam : spec.key === 'beta' ? f?.tail : undefined;
    return r ? `${r.xmin}…${r.xmax}` : null;
  });
  const scheduled = actsWithSchedule(spec.key, schedule);
  const active = isActive(spec.key, regime) && !readOut && scheduled;
  return {
    value,
    auto,
    regime,
    data,
    schedule,
    lecture,
    readOut,
    measured,
    fitRange,
    active,
    scheduled,
  };
}

type ControlState = ReturnType<typeof useControlState>;

/** Why the control does not take input (a read-out of measured data, or another regime), or null. */
function offReason(spec: NumericSpec, c: ControlState): string | null {
  if (c.readOut) {
    if (spec.key === 'M') return 'Read-out: the modes of the measured spectrum with λ > 0.';
    const what = spec.key === 'alpha' ? 'eigenvalues λ_k' : 'target power beyond k';
    const range = c.fitRange ? ` over modes k = ${c.fitRange}` : '';
    return `Read-out: least-squares fit to the measured spectrum (${what})${range}, drawn on the spectrum plot.`;
  }
  if (c.active) return null;
  if (isActive(spec.key, c.regime) && !c.scheduled)
    return `Inactive under the ${c.schedule} schedule; acts under ${spec.schedules!.join(', ')}.`;
  return inactiveIn(spec, c.regime);
}

function inactiveIn(spec: NumericSpec, regime: Regime): string {
  const where = spec.regimes.map((r) => REGIME[r].short).join(', ');
  return `Inactive under ${REGIME[regime].label.toLowerCase()}; acts under ${where}.`;
}

/**
 * Memoised (its spec is a row of the parameter table): a parent that renders at every input of a
 * drag (the simulation box reads the parameters) does not render every control with it; a control
 * renders when what it reads from the store changes.
 */
export const NumericControl = memo(function NumericControl({ spec }: { spec: NumericSpec }) {
  const c = useControlState(spec);
  const { label, help } = dataAwareText(spec, c.data);
  const scale = useMemo(() => sliderScale(spec), [spec]);
  const id = useId();
  const symbol = plainSymbol(spec.symbol);
  const name = `${label} ${symbol}`;
  const [note, setNote] = useState<string | null>(null);
  const entry = useEntry<Extract<EntryResult, { ok: true }>>({
    value: formatValue(c.value),
    parse: (text) => {
      const r = parseEntry(spec, text);
      return r.ok ? { ok: true, value: r } : r;
    },
    onCommit: (r) => {
      setNote(r.note ? `${r.note.replace(/\.$/, '')}; ${formatValue(r.value)} used.` : null);
      setValue(spec, r.value);
    },
  });
  const ids = { help: `${id}-help`, msg: `${id}-msg`, label: `${id}-label`, entry: `${id}-entry` };
  const why = offReason(spec, c);
  const message = entry.error ?? note;

  return (
    <div
      className={`ctl${c.active ? '' : ' ctl--off'}`}
      data-param={spec.key}
      role="group"
      aria-labelledby={ids.label}
    >
      <div className="ctl-head">
        <ControlLabel spec={spec} label={label} auto={c.auto} ids={ids} />
        <ValueEntry spec={spec} c={c} entry={entry} name={name} ids={ids} described={!!message} />
      </div>
      <div className="ctl-row">
        {scale && !c.readOut && (
          <RangeSlider
            spec={spec}
            scale={scale}
            value={c.value}
            active={c.active}
            name={name}
            helpId={ids.help}
            onMove={entry.clearError}
          />
        )}
        {spec.allowInf && !c.readOut && (
          <InfToggle spec={spec} value={c.value} active={c.active} name={name} symbol={symbol} />
        )}
      </div>
      {/* One-pass SGD's stability edge on the learning-rate slider (docs/theory.md §9.4). */}
      {spec.key === 'eta' && scale && c.active && <EtaEdgeMark scale={scale} />}
      <p className="ctl-help" id={ids.help}>
        <span className="ctl-def">
          <RichHelp text={help} />
        </span>
        {why && (
          <>
            {' '}
            <ClaimText
              className="ctl-why"
              claim={controlNoteClaim(
                spec.key,
                why,
                { regime: c.regime, data: c.data, schedule: c.schedule },
                c.readOut,
              )}
            />
          </>
        )}
      </p>
      {message && <ControlMessage spec={spec} text={message} error={!!entry.error} id={ids.msg} />}
    </div>
  );
});

/** The name, its symbol, and "auto" when the engine chose the value (the time window). */
function ControlLabel(props: {
  spec: NumericSpec;
  label: string;
  auto: boolean;
  ids: { label: string; entry: string };
}) {
  const { spec, ids } = props;
  return (
    <label className="ctl-label" id={ids.label} htmlFor={ids.entry}>
      <span className="ctl-name">{props.label}</span>
      {/* A symbol that is only a word (\text{seed}) would repeat the label. */}
      {!spec.symbol.startsWith('\\text') && <Tex tex={spec.symbol} />}
      {props.auto && (
        <span className="ctl-auto" title="chosen from the dynamics; type a value to fix it">
          auto
        </span>
      )}
    </label>
  );
}

/** A refused entry (an alert) or a note on how an entry was read (a status). */
function ControlMessage(props: { spec: NumericSpec; text: string; error: boolean; id: string }) {
  return (
    <p
      className={props.error ? 'ctl-msg ctl-msg--error' : 'ctl-msg'}
      id={props.id}
      role={props.error ? 'alert' : 'status'}
      data-testid={`msg-${props.spec.key}`}
    >
      {props.text}
    </p>
  );
}

/** The typed value with its unit (and the lecture's pin slider); a read-out shows the measured value. */
function ValueEntry(props: {
  spec: NumericSpec;
  c: ControlState;
  entry: Entry;
  name: string;
  ids: { help: string; msg: string; entry: string };
  /** A message (error or note) describes the entry. */
  described: boolean;
}) {
  const { spec, c, entry, name, ids } = props;
  const readOutText =
    typeof c.measured === 'number' ? formatValue(Number(c.measured.toPrecision(3))) : 'n/a';
  return (
    <span className="ctl-value">
      <input
        id={ids.entry}
        className="ctl-entry"
        type="text"
        inputMode="decimal"
        spellCheck={false}
        autoComplete="off"
        aria-label={`${name}${spec.unit ? ` in ${spec.unit}` : ''}`}
        aria-invalid={entry.error ? true : undefined}
        aria-describedby={`${ids.help}${props.described ? ` ${ids.msg}` : ''}`}
        data-testid={`entry-${spec.key}`}
        disabled={!c.active}
        {...entry.input}
        value={c.readOut ? readOutText : entry.input.value}
      />
      {spec.unit && <span className="ctl-unit">{spec.unit}</span>}
      {c.lecture && <PinSlider k={spec.key} />}
    </span>
  );
}

/**
 * The slider. Dragging is live; release commits (native `change`). Arrow-key steps are live too,
 * and a pause (or leaving the slider) commits them as one history entry.
 */
function RangeSlider(props: {
  spec: NumericSpec;
  scale: SliderScale;
  value: number;
  active: boolean;
  name: string;
  helpId: string;
  /** The value moved by the slider (an earlier typing error no longer applies). */
  onMove: () => void;
}) {
  const { spec, scale, value } = props;
  const range = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = range.current;
    if (!el) return;
    // Native `change` fires on release (pointer up) and after keyboard moves: the commit.
    const commit = () => actions().commit();
    el.addEventListener('change', commit);
    return () => el.removeEventListener('change', commit);
  }, []);
  const keys = useKeySteps();
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const pos = keyToPos(scale, scale.toPos(value), e);
    if (pos === null) return;
    e.preventDefault();
    setValue(spec, scale.fromPos(pos), { live: true });
    keys.stepped();
  };
  return (
    <input
      ref={range}
      className="ctl-range"
      type="range"
      min={0}
      max={scale.max}
      step={1}
      value={scale.toPos(value)}
      disabled={!props.active}
      aria-label={props.name}
      aria-valuetext={`${formatAscii(value)}${spec.unit ? ` ${spec.unit}` : ''}`}
      aria-describedby={props.helpId}
      data-testid={`slider-${spec.key}`}
      data-scale={spec.scale}
      onChange={(e) => {
        props.onMove();
        setValue(spec, scale.fromPos(Number(e.target.value)), { live: true });
      }}
      onKeyDown={onKeyDown}
      onBlur={keys.commit}
    />
  );
}

/** Arrow-key steps become one history entry after KEY_PAUSE_MS of quiet, or on `commit`. */
function useKeySteps(): { stepped: () => void; commit: () => void } {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commit = () => {
    if (timer.current === null) return;
    clearTimeout(timer.current);
    timer.current = null;
    actions().commit();
  };
  useEffect(() => commit, []);
  const stepped = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(commit, KEY_PAUSE_MS);
  };
  return { stepped, commit };
}

/** N = ∞ or M = ∞; switching it off returns to the last finite value seen. */
function InfToggle(props: {
  spec: NumericSpec;
  value: number;
  active: boolean;
  name: string;
  symbol: string;
}) {
  const { spec, value } = props;
  const lastFinite = useRef(Number.isFinite(value) ? value : finiteFallback(spec));
  useEffect(() => {
    if (Number.isFinite(value)) lastFinite.current = value;
  }, [value]);
  return (
    <label className="ctl-inf" title={`${props.symbol} = ∞`}>
      <input
        type="checkbox"
        checked={value === Infinity}
        disabled={!props.active}
        data-testid={`inf-${spec.key}`}
        aria-label={`${props.name} infinite`}
        onChange={(e) => setValue(spec, e.target.checked ? Infinity : lastFinite.current)}
      />
      <span aria-hidden="true">∞</span>
    </label>
  );
}
