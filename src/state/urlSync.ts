// URL ⇄ store synchronisation, outside React (a store subscription).
//   live change (slider drag)  → history.replaceState
//   commit (pointer up, change, Enter, click) → pushState of the new state, after restoring the
//                                 entry the drag overwrote, so Back returns to the state before
//                                 the drag
//   popstate                   → parse the URL and restore the state (no history write)
import { parseUrlState, serializeUrlState } from './url.ts';
import { urlStateOf, type AppStore } from './store.ts';

export interface UrlSyncOptions {
  /** The window whose location/history are used (tests pass a fake). */
  win?: Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'>;
}

/** Load the state from the current URL, then keep URL and store in step. Returns an uninstaller. */
export function installUrlSync(store: AppStore, { win = window }: UrlSyncOptions = {}): () => void {
  const path = () => win.location.pathname;
  const load = () => {
    const { state, notices } = parseUrlState(win.location.search);
    store.getState().applyUrlState(state, 'none', notices);
  };

  load();
  // Canonicalise the address bar: the entry now holds a complete, versioned link.
  const urlOf = (s: ReturnType<AppStore['getState']>) => `?${serializeUrlState(urlStateOf(s))}`;
  // The URL of the current history entry as it should be restored (what Back returns to).
  let committed = urlOf(store.getState());
  if (win.location.search !== committed) win.history.replaceState(null, '', path() + committed);

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.urlIntent.seq === prev.urlIntent.seq) return;
    const url = urlOf(s);
    switch (s.urlIntent.mode) {
      case 'none': // the change came from the URL (popstate): it already shows this state
        committed = url;
        return;
      case 'replace': // live: follow the drag in the address bar without adding entries
        if (url !== win.location.search) win.history.replaceState(null, '', path() + url);
        return;
      case 'push':
        if (url === committed) {
          // A drag that ended where it started: undo its live replacements.
          if (win.location.search !== url) win.history.replaceState(null, '', path() + url);
          return;
        }
        if (win.location.search !== committed) {
          win.history.replaceState(null, '', path() + committed);
        }
        win.history.pushState(null, '', path() + url);
        committed = url;
    }
  });

  const onPop = () => load();
  win.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPop);
  };
}
