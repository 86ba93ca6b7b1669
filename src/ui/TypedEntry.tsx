// A typed entry that commits on Enter or blur: the text is parsed, a bad value is reported inline
// (role alert) and the last good value kept; Escape drops the edit. Used where a view setting is
// typed (the scaling panels' fixed time, the inspected mode).
import { useState, type KeyboardEvent, type ReactNode } from 'react';

export type EntryParse<T> = (
  text: string,
) => { ok: true; value: T } | { ok: false; message: string };

export function TypedEntry<T>(props: {
  /** The committed value, as text. */
  value: string;
  parse: EntryParse<T>;
  onCommit: (value: T) => void;
  label: string;
  testId: string;
  inputMode: 'decimal' | 'numeric';
  /** Further keys (e.g. arrows that step the value); called before Enter and Escape are handled. */
  onKey?: (e: KeyboardEvent<HTMLInputElement>, reset: () => void) => void;
}): ReactNode {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reset = () => {
    setText(null);
    setError(null);
  };
  const commit = () => {
    if (text === null) return;
    const r = props.parse(text);
    if (!r.ok) return setError(r.message);
    reset();
    props.onCommit(r.value);
  };
  return (
    <>
      <input
        type="text"
        inputMode={props.inputMode}
        className="ctl-entry"
        aria-label={props.label}
        aria-invalid={error ? true : undefined}
        data-testid={props.testId}
        value={text ?? props.value}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          props.onKey?.(e, reset);
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') reset();
        }}
      />
      {error && (
        <span className="ctl-msg ctl-msg--error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
