// KaTeX on demand. The first paint does not wait for it: components render a plain fallback,
// call useKatex(), and re-render with KaTeX once the chunk (script, CSS, fonts) has arrived. One
// load is shared by every caller, and by the lazily loaded Formulas panel (same module).
import { useEffect, useSyncExternalStore } from 'react';
import type { katex as KatexModule } from '../charts/katex.ts';

export type Katex = typeof KatexModule;

let loaded: Katex | null = null;
let loading: Promise<Katex | null> | null = null;
const listeners = new Set<() => void>();

/** Start loading KaTeX (idempotent); resolves to null if the chunk cannot be loaded. */
function loadKatex(): Promise<Katex | null> {
  loading ??= import('../charts/katex.ts').then(
    (m) => {
      loaded = m.katex;
      listeners.forEach((l) => l());
      return loaded;
    },
    () => {
      loading = null; // a later render may try again; until then the fallback stays
      return null;
    },
  );
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** KaTeX once loaded, null before (and on the server); asks for it on first use. */
export function useKatex(): Katex | null {
  const k = useSyncExternalStore(
    subscribe,
    () => loaded,
    () => null,
  );
  useEffect(() => {
    if (!k) void loadKatex();
  }, [k]);
  return k;
}
