// @vitest-environment jsdom
// The typed-entry logic shared by the view entries (TypedEntry) and the parameter controls
// (NumericControl): commit on Enter or blur, a refused text kept with its message, Escape drops
// the edit, typing clears an old message, and nothing is committed unless something was typed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { TypedEntry, type EntryParse } from '../../src/ui/TypedEntry.tsx';

afterEach(cleanup);

const parse: EntryParse<number> = (text) => {
  const v = Number(text);
  return Number.isInteger(v) && v > 0
    ? { ok: true, value: v }
    : { ok: false, message: 'a positive integer' };
};

function setup(value = '3') {
  const onCommit = vi.fn();
  render(
    <TypedEntry
      value={value}
      parse={parse}
      onCommit={onCommit}
      label="k"
      testId="k"
      inputMode="numeric"
    />,
  );
  return { onCommit, input: screen.getByTestId('k') as HTMLInputElement };
}

describe('typed entry', () => {
  it('commits a good value on Enter and on blur, and shows the committed value again', () => {
    const { onCommit, input } = setup();
    fireEvent.change(input, { target: { value: '7' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).toHaveBeenLastCalledWith(7);
    expect(input.value).toBe('3'); // the committed value comes back from the owner
    fireEvent.change(input, { target: { value: '9' } });
    fireEvent.blur(input);
    expect(onCommit).toHaveBeenLastCalledWith(9);
    expect(onCommit).toHaveBeenCalledTimes(2);
  });

  it('keeps a refused text with its message; typing clears it; Escape drops the edit', () => {
    const { onCommit, input } = setup();
    fireEvent.change(input, { target: { value: 'x' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('a positive integer');
    expect(input.value).toBe('x');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: 'xy' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('3');
    fireEvent.blur(input);
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('commits nothing when the entry is only visited', () => {
    const { onCommit, input } = setup();
    fireEvent.focus(input);
    fireEvent.blur(input);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).not.toHaveBeenCalled();
  });
});
