// Play: a play/pause button (key Space), what to animate (the time cursor, or σ², P, N, α, β
// between two values and back), the range and the speed. While a parameter sweep is prepared the
// bar counts the frames computed; under reduced motion it says the animation moves in steps.
import { useEffect, useState } from 'react';
import { formatValue, numericSpec } from '../../model/params.ts';
import {
  PLAY_SPEEDS,
  PLAY_TARGETS,
  PLAY_TARGET_LABELS,
  defaultRange,
  type PlayTarget,
  type SweptKey,
} from '../../state/play.ts';
import { actions, useApp } from '../../state/hooks.ts';
import { appStore } from '../../state/store.ts';
import { parseEntry } from '../controls/entry.ts';
import { TypedEntry } from '../TypedEntry.tsx';
import { browserEnv, runPlay } from './runPlay.ts';

/** Runs the animation while the store says Play is on (mounted once, in the app). */
export function usePlayLoop(): void {
  const playing = useApp((s) => s.play.playing);
  const target = useApp((s) => s.play.target);
  const from = useApp((s) => s.play.from);
  const to = useApp((s) => s.play.to);
  useEffect(() => {
    if (!playing) return;
    return runPlay(appStore, browserEnv());
  }, [playing, target, from, to]);
}

export function togglePlay(): void {
  const s = actions();
  s.setPlay({ playing: !s.play.playing, error: null });
}

function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(
    () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
  );
  useEffect(() => {
    const q = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    if (!q) return;
    const on = () => setReduced(q.matches);
    q.addEventListener('change', on);
    return () => q.removeEventListener('change', on);
  }, []);
  return reduced;
}

/** One end of the swept range, typed (accepted on Enter or when the field is left). */
function RangeEntry({ k, end }: { k: SweptKey; end: 'from' | 'to' }) {
  const value = useApp((s) => s.play[end]);
  const spec = numericSpec(k);
  return (
    <label className="play-range">
      {end === 'from' ? 'from' : 'to'}
      <TypedEntry
        value={formatValue(value)}
        parse={(text) => parseEntry(spec, text)}
        onCommit={(v) => actions().setPlay({ [end]: v })}
        label={`${PLAY_TARGET_LABELS[k]}: ${end === 'from' ? 'first' : 'last'} value of the sweep`}
        testId={`play-${end}`}
        inputMode="decimal"
      />
    </label>
  );
}

export function PlayBar() {
  const play = useApp((s) => s.play);
  const reduced = useReducedMotion();
  const preparing = play.playing && play.total > 0 && play.prepared < play.total;
  const setTarget = (target: PlayTarget) => {
    const range =
      target === 'time' ? {} : { from: defaultRange(target)[0], to: defaultRange(target)[1] };
    actions().setPlay({ target, ...range });
  };
  return (
    <div className="play-bar" role="group" aria-label="Animation" data-testid="play-bar">
      <button
        type="button"
        className="btn play-btn"
        data-testid="play"
        aria-pressed={play.playing}
        onClick={togglePlay}
      >
        <span aria-hidden="true">{play.playing ? '❚❚' : '▶'}</span>{' '}
        {play.playing ? 'Pause' : 'Play'} <kbd>Space</kbd>
      </button>
      <label className="play-field">
        Animate{' '}
        <select
          data-testid="play-target"
          value={play.target}
          onChange={(e) => setTarget(e.target.value as PlayTarget)}
        >
          {PLAY_TARGETS.map((t) => (
            <option key={t} value={t}>
              {PLAY_TARGET_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      {play.target !== 'time' && (
        <>
          <RangeEntry k={play.target} end="from" />
          <RangeEntry k={play.target} end="to" />
        </>
      )}
      <label className="play-field">
        Speed{' '}
        <select
          data-testid="play-speed"
          value={play.speed}
          onChange={(e) => actions().setPlay({ speed: Number(e.target.value) })}
        >
          {PLAY_SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
      <span className="play-status" role="status" data-testid="play-status">
        {preparing
          ? `Computing the frames: ${play.prepared} of ${play.total}…`
          : play.error
            ? play.error
            : reduced
              ? 'Reduced motion: the animation moves in steps held one second each.'
              : ''}
      </span>
    </div>
  );
}
