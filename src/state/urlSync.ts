// URL ⇄ store synchronisation, outside React (a store subscription).
//   live change (slider drag)  → history.replaceState
//   commit (pointer up, change, Enter, click) → pushState of the new state, after restoring the
//                                 entry the drag overwrote, so Back returns to the state before
//                                 the drag
//   popstate                   → parse the URL and restore the state (no history write)
import { parseUrlState, serializeUrlState, type LessonBook } from './url.ts';
import { urlStateOf, type AppStore } from './store.ts';

export interface UrlSyncOptions {
  /** The window whose location/history are used (tests pass a fake). */
  win?: Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'>;
  /**
   * Least time between two live replaceState calls, ms. Browsers throttle the History API (Chrome
   * ignores calls beyond ~200 per 10 s) and each call costs a few ms of main-thread time, so a
   * drag updates the address bar at this pace, the last position always written.
   */
  replaceEveryMs?: number;
  /**
   * The lessons a link may name and their steps' states (passed in: state/ does not import the
   * lessons): a link "?lesson=ID&step=K" opens that step, and a state inside a lesson is written
   * against it.
   */
  lessons?: LessonBook;
}

/** Load the state from the current URL, then keep URL and store in step. Returns an uninstaller. */
export function installUrlSync(
  store: AppStore,
  { win = window, replaceEveryMs = 500, lessons }: UrlSyncOptions = {},
): () => void {
  const path = () => win.location.pathname;
  const load = () => {
    const { state, notices } = parseUrlState(win.location.search, { lessons });
    store.getState().applyUrlState(state, 'none', notices);
  };

  load();
  // Canonicalise the address bar: the entry now holds a complete, versioned link.
  const urlOf = (s: ReturnType<AppStore['getState']>) =>
    `?${serializeUrlState(urlStateOf(s), { lessons })}`;
  // The URL of the current history entry as it should be restored (what Back returns to).
  let committed = urlOf(store.getState());
  if (win.location.search !== committed) win.history.replaceState(null, '', path() + committed);

  // Live replacements, throttled (leading and trailing edge).
  let lastReplace = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The state whose link is due: serialised only when it is written (a drag changes the state
  // at every input event, the address bar at most every replaceEveryMs).
  let pending: ReturnType<AppStore['getState']> | null = null;
  const replaceNow = (s: ReturnType<AppStore['getState']>) => {
    lastReplace = Date.now();
    pending = null;
    const url = urlOf(s);
    if (url !== win.location.search) win.history.replaceState(null, '', path() + url);
  };
  const replaceLive = (s: ReturnType<AppStore['getState']>) => {
    const wait = lastReplace + replaceEveryMs - Date.now();
    if (wait <= 0 || replaceEveryMs <= 0) return replaceNow(s);
    pending = s;
    timer ??= setTimeout(() => {
      timer = undefined;
      if (pending !== null) replaceNow(pending);
    }, wait);
  };
  const cancelLive = () => {
    clearTimeout(timer);
    timer = undefined;
    pending = null;
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.urlIntent.seq === prev.urlIntent.seq) return;
    if (s.urlIntent.mode === 'replace') {
      // Live: follow the drag in the address bar without adding entries.
      replaceLive(s);
      return;
    }
    const url = urlOf(s);
    cancelLive();
    switch (s.urlIntent.mode) {
      case 'none': // the change came from the URL (popstate): it already shows this state
        committed = url;
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
    cancelLive();
    unsubscribe();
    win.removeEventListener('popstate', onPop);
  };
}
