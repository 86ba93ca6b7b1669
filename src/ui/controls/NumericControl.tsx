// One numeric parameter: slider (log or linear, from the spec), typed entry, unit, ∞ toggle when
// allowed, one-line help; disabled with the reason when the parameter does not act in the current
// regime. The slider updates the store continuously while dragged (live: the URL is replaced) and
// commits on release (the URL gets a history entry).
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { REGIME_LABELS, formatValue, isActive, type NumericSpec } from '../../model/params.ts';
import { noteInput } from '../../compute/perf.ts';
import { actions, useApp } from '../../state/hooks.ts';
import { windowedParams, type EditOptions } from '../../state/store.ts';
import { plainSymbol } from '../../state/symbols.ts';
import { ClaimText } from '../../charts/Claimed.tsx';
import { controlNoteClaim } from '../../claims/controls.ts';
import { formatAscii } from '../../format/number.ts';
import { RichHelp } from '../RichHelp.tsx';
import { Tex } from '../Tex.tsx';
import { REGIME_SHORT } from './regimes.ts';
import { parseEntry } from './entry.ts';
import { dataAwareText } from './dataHelp.ts';
import { keyToPos, sliderScale } from './scale.ts';
import { PinSlider } from './PinSlider.tsx';

const MEASURED_KEYS: readonly string[] = ['alpha', 'beta', 'M'];

/** Quiet time after the last arrow-key step on a slider before the steps become a history entry. */
export const KEY_PAUSE_MS = 600;

/** A finite value to return to when ∞ is switched off and no finite value was seen yet. */
function finiteFallback(spec: NumericSpec): number {
  if (Number.isFinite(spec.default)) return spec.default;
  const lo = spec.min > 0 ? spec.min : (spec.logMin ?? 1);
  return 10 ** Math.round((Math.log10(lo) + Math.log10(spec.max)) / 2);
}

export function NumericControl({ spec }: { spec: NumericSpec }) {
  // tmin and tmax show the window on screen: in the automatic mode, the one the engine chose.
  const value = useApp((s) => windowedParams(s)[spec.key]);
  const auto = useApp(
    (s) => (spec.key === 'tmin' || spec.key === 'tmax') && s.view.timeWindow === 'auto',
  );
  const regime = useApp((s) => s.params.regime);
  const data = useApp((s) => s.params.data);
  const { label, help } = dataAwareText(spec, data);
  const lecture = useApp((s) => s.view.theme === 'lecture');
  // Measured data: α, β (fitted) and M (modes with λ > 0) are read off the spectrum.
  const readOut = useApp((s) => s.params.data !== 'powerlaw') && MEASURED_KEYS.includes(spec.key);
  const measured = useApp((s) => (readOut ? s.results.curve?.params[spec.key] : undefined));
  // The fit range of this exponent, as drawn on the spectrum plot.
  const fitRange = useApp((s) => {
    const f = readOut ? s.results.spectrum?.fit : undefined;
    const r = spec.key === 'alpha' ? f?.lam : spec.key === 'beta' ? f?.tail : undefined;
    return r ? `${r.xmin}…${r.xmax}` : null;
  });
  const active = isActive(spec.key, regime) && !readOut;
  const scale = useMemo(() => sliderScale(spec), [spec]);
  const id = useId();
  const symbol = plainSymbol(spec.symbol);
  const name = `${label} ${symbol}`;

  const [text, setText] = useState(formatValue(value));
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const lastFinite = useRef(Number.isFinite(value) ? value : finiteFallback(spec));
  useEffect(() => {
    if (Number.isFinite(value)) lastFinite.current = value;
  }, [value]);

  // The entry shows the store's value unless the user is typing in it.
  const shown = readOut
    ? typeof measured === 'number'
      ? formatValue(Number(measured.toPrecision(3)))
      : 'n/a'
    : editing
      ? text
      : formatValue(value);

  const range = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = range.current;
    if (!el) return;
    // Native `change` fires on release (pointer up) and after keyboard moves: the commit.
    const commit = () => actions().commit();
    el.addEventListener('change', commit);
    return () => el.removeEventListener('change', commit);
  }, []);

  const set = (v: number, opts?: EditOptions) => {
    noteInput();
    actions().setParam(spec.key, v, opts);
  };

  const commitText = () => {
    const r = parseEntry(spec, text);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setError(null);
    setNote(r.note ? `${r.note.replace(/\.$/, '')}; ${formatValue(r.value)} used.` : null);
    setEditing(false);
    set(r.value);
  };

  const onEntryKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commitText();
    } else if (e.key === 'Escape') {
      setEditing(false);
      setError(null);
      setText(formatValue(value));
    }
  };

  // Arrow-key steps are live, like a drag; a pause (or leaving the slider) commits them as one
  // history entry.
  const keyCommit = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commitKeys = () => {
    if (keyCommit.current === null) return;
    clearTimeout(keyCommit.current);
    keyCommit.current = null;
    actions().commit();
  };
  useEffect(() => commitKeys, []);
  const onRangeKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!scale) return;
    const pos = keyToPos(scale, scale.toPos(value), e);
    if (pos === null) return;
    e.preventDefault();
    set(scale.fromPos(pos), { live: true });
    if (keyCommit.current !== null) clearTimeout(keyCommit.current);
    keyCommit.current = setTimeout(commitKeys, KEY_PAUSE_MS);
  };

  const helpId = `${id}-help`;
  const msgId = `${id}-msg`;
  const why = readOut
    ? spec.key === 'M'
      ? 'Read-out: the modes of the measured spectrum with λ > 0.'
      : `Read-out: least-squares fit to the measured spectrum (${spec.key === 'alpha' ? 'eigenvalues λ_k' : 'target power beyond k'})${fitRange ? ` over modes k = ${fitRange}` : ''}, drawn on the spectrum plot.`
    : active
      ? null
      : `Inactive under ${REGIME_LABELS[regime].toLowerCase()}; acts under ${spec.regimes
          .map((r) => REGIME_SHORT[r])
          .join(', ')}.`;

  return (
    <div
      className={`ctl${active ? '' : ' ctl--off'}`}
      data-param={spec.key}
      role="group"
      aria-labelledby={`${id}-label`}
    >
      <div className="ctl-head">
        <label className="ctl-label" id={`${id}-label`} htmlFor={`${id}-entry`}>
          <span className="ctl-name">{label}</span>
          {/* A symbol that is only a word (\text{seed}) would repeat the label. */}
          {!spec.symbol.startsWith('\\text') && <Tex tex={spec.symbol} />}
          {auto && (
            <span className="ctl-auto" title="chosen from the dynamics; type a value to fix it">
              auto
            </span>
          )}
        </label>
        <span className="ctl-value">
          <input
            id={`${id}-entry`}
            className="ctl-entry"
            type="text"
            inputMode="decimal"
            spellCheck={false}
            autoComplete="off"
            aria-label={`${name}${spec.unit ? ` in ${spec.unit}` : ''}`}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${helpId}${error || note ? ` ${msgId}` : ''}`}
            data-testid={`entry-${spec.key}`}
            value={shown}
            disabled={!active}
            onFocus={() => {
              setText(formatValue(value));
              setEditing(true);
            }}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            onKeyDown={onEntryKey}
            onBlur={() => {
              if (editing) commitText();
            }}
          />
          {spec.unit && <span className="ctl-unit">{spec.unit}</span>}
          {lecture && <PinSlider k={spec.key} />}
        </span>
      </div>
      <div className="ctl-row">
        {scale && !readOut && (
          <input
            ref={range}
            className="ctl-range"
            type="range"
            min={0}
            max={scale.max}
            step={1}
            value={scale.toPos(value)}
            disabled={!active}
            aria-label={name}
            aria-valuetext={`${formatAscii(value)}${spec.unit ? ` ${spec.unit}` : ''}`}
            aria-describedby={helpId}
            data-testid={`slider-${spec.key}`}
            data-scale={spec.scale}
            onChange={(e) => {
              setError(null);
              set(scale.fromPos(Number(e.target.value)), { live: true });
            }}
            onKeyDown={onRangeKey}
            onBlur={commitKeys}
          />
        )}
        {spec.allowInf && !readOut && (
          <label className="ctl-inf" title={`${symbol} = ∞`}>
            <input
              type="checkbox"
              checked={value === Infinity}
              disabled={!active}
              data-testid={`inf-${spec.key}`}
              aria-label={`${name} infinite`}
              onChange={(e) => set(e.target.checked ? Infinity : lastFinite.current)}
            />
            <span aria-hidden="true">∞</span>
          </label>
        )}
      </div>
      <p className="ctl-help" id={helpId}>
        <span className="ctl-def">
          <RichHelp text={help} />
        </span>
        {why && (
          <>
            {' '}
            <ClaimText
              className="ctl-why"
              claim={controlNoteClaim(spec.key, why, { regime, data }, readOut)}
            />
          </>
        )}
      </p>
      {(error || note) && (
        <p
          className={error ? 'ctl-msg ctl-msg--error' : 'ctl-msg'}
          id={msgId}
          role={error ? 'alert' : 'status'}
          data-testid={`msg-${spec.key}`}
        >
          {error ?? note}
        </p>
      )}
    </div>
  );
}
