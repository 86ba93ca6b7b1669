// The keyboard contract of a modal dialog (WAI-ARIA APG "Dialog (Modal)" pattern):
//   - when it opens, focus moves into it (its close button, or the first control);
//   - Tab and Shift+Tab cycle through its controls and never leave it;
//   - the rest of the page is inert (no focus, no clicks, hidden from assistive technology);
//   - Escape closes it, and the page's single-key shortcuts are off while it is open;
//   - when it closes, focus returns to the element that had it before (the button that opened it).
import { useEffect, useRef, type RefObject } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'details > summary',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The elements Tab visits inside `root`, in document order (walked, not queried: a selector list
 * need not come back in document order, e.g. in jsdom). */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('*')].filter(
    (el) =>
      el.matches(FOCUSABLE) &&
      !el.closest('[hidden], [inert]') &&
      !el.closest('details:not([open]) > :not(summary)'),
  );
}

let open = 0;

/** True while a modal is open: the page's shortcuts (shortcuts.ts) stand aside. */
export function modalOpen(): boolean {
  return open > 0;
}

/**
 * Attach to the dialog element (role="dialog" aria-modal="true"). `initial` is where focus starts
 * (default: the first control, else the dialog itself, which then needs tabIndex={-1}). The
 * dialog's nearest `.overlay` ancestor (or the dialog) is the part of the page left interactive.
 */
export function useModal<T extends HTMLElement>(
  onClose: () => void,
  initial?: RefObject<HTMLElement | null>,
): RefObject<T | null> {
  const ref = useRef<T>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    open++;

    // Everything beside the overlay becomes inert (those already inert are left alone).
    const layer = (dialog.closest('.overlay') as HTMLElement | null) ?? dialog;
    const madeInert: Element[] = [];
    for (const el of layer.parentElement?.children ?? []) {
      if (el === layer || el.hasAttribute('inert')) continue;
      el.setAttribute('inert', '');
      madeInert.push(el);
    }

    const first = () => initial?.current ?? focusables(dialog)[0] ?? dialog;
    first().focus();

    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = focusables(dialog);
      if (items.length === 0) {
        e.preventDefault();
        dialog.focus();
        return;
      }
      const active = document.activeElement;
      const i = active instanceof HTMLElement ? items.indexOf(active) : -1;
      const outside = !dialog.contains(active) || active === dialog;
      if (e.shiftKey && (i === 0 || outside)) {
        e.preventDefault();
        items[items.length - 1].focus();
      } else if (!e.shiftKey && (i === items.length - 1 || outside)) {
        e.preventDefault();
        items[0].focus();
      }
    };
    // Focus that lands outside anyway (a script, a click on the browser's UI) is brought back.
    const onFocusIn = (e: FocusEvent) => {
      if (e.target instanceof Node && !dialog.contains(e.target)) first().focus();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocusIn);
      for (const el of madeInert) el.removeAttribute('inert');
      open--;
      if (opener?.isConnected) opener.focus();
    };
  }, [initial]);

  return ref;
}
