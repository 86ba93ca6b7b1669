// A typeset element out of view keeps what it shows while a drag goes on. The formulas below the
// fold were typeset again at each of the drag's hand-overs (panelHold.ts: KaTeX, a DOM morph and
// the layout and paint after it, 10–30 ms a time on two cores) for nobody to see, and that work
// delayed the drag's next curve. Out of view they now wait: they catch up when they scroll into
// view or when the drag pauses or ends; meanwhile their panel shows as updating, as it does while
// held (hooks.ts useDeferredCurve). One IntersectionObserver serves every element.
import { useDeferredValue, useEffect, useRef, useState, type RefObject } from 'react';

/** Closer to the viewport than this counts as in view (a formula scrolled in is ready). */
const MARGIN = '50px';

let observer: IntersectionObserver | null = null;
const listeners = new Map<Element, Set<(inView: boolean) => void>>();

function observe(el: Element, onChange: (inView: boolean) => void): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => {};
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) listeners.get(e.target)?.forEach((f) => f(e.isIntersecting));
    },
    { rootMargin: MARGIN },
  );
  let fs = listeners.get(el);
  if (!fs) {
    fs = new Set();
    listeners.set(el, fs);
    observer.observe(el);
  }
  fs.add(onChange);
  return () => {
    fs.delete(onChange);
    if (fs.size > 0) return;
    listeners.delete(el);
    observer?.unobserve(el);
  };
}

/**
 * Whether the element is in (or within MARGIN of) the viewport; true until first observed.
 * `el`: anything that changes when the ref is attached to another element.
 */
export function useInView(ref: RefObject<Element | null>, el?: unknown): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    return observe(node, setInView);
  }, [ref, el]);
  return inView;
}

/** `value` while `follow`; else the value it had when `follow` last held. */
export function useKept<T>(value: T, follow: boolean): T {
  const [kept, setKept] = useState(value);
  if (follow && kept !== value) setKept(value);
  return follow ? value : kept;
}

/**
 * What a typeset element shows of `tex` and of its accessible `label`: kept while `hold` (a drag
 * goes on) and the element is out of view, and one deferred render behind, so that a drag redraws
 * the curve first and KaTeX runs when input pauses (a deferred render is dropped when a newer
 * value arrives). Attach `ref` to the element; `el` as in useInView.
 */
export function useShownTex<L>(
  tex: string,
  label: L,
  hold: boolean,
  el?: unknown,
): { ref: RefObject<HTMLSpanElement | null>; tex: string; label: L } {
  const ref = useRef<HTMLSpanElement>(null);
  const follow = useInView(ref, el) || !hold;
  const shownTex = useDeferredValue(useKept(tex, follow));
  const shownLabel = useDeferredValue(useKept(label, follow));
  return { ref, tex: shownTex, label: shownLabel };
}
