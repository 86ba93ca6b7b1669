// useSize — the content-box size of an element, kept up to date with a ResizeObserver, for
// charts that take `width` and `height` props:
//
//   const { ref, width, height } = useSize<HTMLDivElement>({ width: 640, height: 400 });
//   return <div ref={ref} className="plot"><LearningCurve width={width} height={height} … /></div>;
//
// Sizes are rounded to whole pixels and only change state when they change. Without
// ResizeObserver (jsdom, old browsers) the initial size stays.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefCallback } from 'react';

export interface Size {
  width: number;
  height: number;
}

export function useSize<T extends Element = HTMLDivElement>(
  initial: Size = { width: 640, height: 400 },
): Size & { ref: RefCallback<T> } {
  const [size, setSize] = useState<Size>(initial);
  const observer = useRef<ResizeObserver | null>(null);

  const ref = useCallback<RefCallback<T>>((el) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      const box = entry.contentBoxSize?.[0];
      const w = Math.round(box ? box.inlineSize : entry.contentRect.width);
      const h = Math.round(box ? box.blockSize : entry.contentRect.height);
      if (w > 0 && h > 0)
        setSize((s) => (s.width === w && s.height === h ? s : { width: w, height: h }));
    });
    ro.observe(el);
    observer.current = ro;
  }, []);

  useEffect(() => () => observer.current?.disconnect(), []);

  return { ref, width: size.width, height: size.height };
}
