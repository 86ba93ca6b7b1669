// A one-line status message ("Link copied", "Pinned"), announced politely and cleared after a while.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

const toastStore = createStore<{ message: string; seq: number }>(() => ({ message: '', seq: 0 }));
let timer: ReturnType<typeof setTimeout> | undefined;

export function toast(message: string, ms = 2500): void {
  toastStore.setState((s) => ({ message, seq: s.seq + 1 }));
  clearTimeout(timer);
  timer = setTimeout(() => toastStore.setState({ message: '' }), ms);
}

export function Toast() {
  const message = useStore(toastStore, (s) => s.message);
  return (
    <div className="toast" role="status" aria-live="polite" data-testid="toast">
      {message && <span>{message}</span>}
    </div>
  );
}
