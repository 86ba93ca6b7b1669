// @vitest-environment jsdom
// The modal keyboard contract (src/ui/useModal.ts): focus moves in, Tab and Shift+Tab cycle inside,
// the page behind is inert, Escape closes, focus returns to the opener, shortcuts stand aside.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { modalOpen, useModal } from '../../src/ui/useModal.ts';

function Dialog({ onClose }: { onClose: () => void }) {
  const ref = useModal<HTMLDivElement>(onClose);
  return (
    <div className="overlay">
      <div ref={ref} role="dialog" aria-modal="true" tabIndex={-1} data-testid="dialog">
        <button type="button">first</button>
        <button type="button" disabled>
          disabled
        </button>
        <a href="#x">middle</a>
        <button type="button">last</button>
      </div>
    </div>
  );
}

function Page() {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <main data-testid="behind">
        <button type="button" onClick={() => setOpen(true)}>
          open
        </button>
      </main>
      {open && <Dialog onClose={() => setOpen(false)} />}
    </div>
  );
}

const active = () => document.activeElement as HTMLElement;
const press = (key: string, { shiftKey = false } = {}) =>
  act(() => {
    fireEvent.keyDown(active(), { key, shiftKey });
  });

afterEach(cleanup);

describe('useModal', () => {
  it('traps Tab and Shift+Tab, makes the page inert, closes on Escape and restores focus', () => {
    render(<Page />);
    const opener = screen.getByText('open');
    opener.focus();
    fireEvent.click(opener);

    expect(active().textContent).toBe('first'); // focus starts inside
    expect(modalOpen()).toBe(true);
    expect(screen.getByTestId('behind').hasAttribute('inert')).toBe(true);

    press('Tab', { shiftKey: true }); // Shift+Tab on the first control wraps to the last
    expect(active().textContent).toBe('last');
    press('Tab'); // Tab on the last wraps to the first
    expect(active().textContent).toBe('first');

    // Focus pushed outside (a script, a click) comes back in.
    act(() => opener.focus());
    expect(screen.getByTestId('dialog').contains(active())).toBe(true);

    press('Escape');
    expect(screen.queryByTestId('dialog')).toBeNull();
    expect(active()).toBe(opener);
    expect(modalOpen()).toBe(false);
    expect(screen.getByTestId('behind').hasAttribute('inert')).toBe(false);
  });
});
