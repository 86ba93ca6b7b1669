// A typed entry that commits on Enter or blur: the text is parsed, a bad value is reported inline
// (role alert) and the last good value kept; Escape drops the edit. `useEntry` is that logic for
// any text input (the parameter controls use it beside their sliders); `TypedEntry` is the input
// where a view setting is typed (the scaling panels' fixed time, the inspected mode, Play's range).
import { useState, type ChangeEvent, type KeyboardEvent, type ReactNode } from 'react';

export type EntryParse<T> = (
  text: string,
) => { ok: true; value: T } | { ok: false; message: string };

export interface EntryOptions<T> {
  /** The committed value, as text: shown while nothing is being typed. */
  value: string;
  parse: EntryParse<T>;
  onCommit: (value: T) => void;
  /** Further keys (e.g. arrows that step the value); called before Enter and Escape are handled. */
  onKey?: (e: KeyboardEvent<HTMLInputElement>, reset: () => void) => void;
}

export interface Entry {
  /** The props of the text input: its text and the handlers that edit and commit it. */
  input: {
    value: string;
    onChange: (e: ChangeEvent<HTMLInputElement>) => void;
    onBlur: () => void;
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  };
  /** Why the typed text was refused (it stays in the input for the user to fix), or null. */
  error: string | null;
  /** Drop the edit and its error: the input shows the committed value again. */
  reset: () => void;
  /** Forget the error only (the value was set another way, e.g. by a slider). */
  clearError: () => void;
}

/**
 * The edit of a typed value: while the user types, the input holds their text (and typing clears
 * an earlier error); Enter or leaving the input parses it and commits the value, or keeps the text
 * with the parser's message; Escape drops it. Nothing is committed unless something was typed.
 */
export function useEntry<T>({ value, parse, onCommit, onKey }: EntryOptions<T>): Entry {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reset = () => {
    setText(null);
    setError(null);
  };
  const commit = () => {
    if (text === null) return;
    const r = parse(text);
    if (!r.ok) return setError(r.message);
    reset();
    onCommit(r.value);
  };
  return {
    input: {
      value: text ?? value,
      onChange: (e) => {
        setText(e.target.value);
        setError(null);
      },
      onBlur: commit,
      onKeyDown: (e) => {
        onKey?.(e, reset);
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') reset();
      },
    },
    error,
    reset,
    clearError: () => setError(null),
  };
}

export function TypedEntry<T>(
  props: EntryOptions<T> & {
    label: string;
    testId: string;
    inputMode: 'decimal' | 'numeric';
  },
): ReactNode {
  const { input, error } = useEntry(props);
  return (
    <>
      <input
        type="text"
        inputMode={props.inputMode}
        className="ctl-entry"
        aria-label={props.label}
        aria-invalid={error ? true : undefined}
        data-testid={props.testId}
        {...input}
      />
      {error && (
        <span className="ctl-msg ctl-msg--error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
