// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSize } from '../../src/charts/useSize.ts';

function Probe({ onSize }: { onSize?: (w: number, h: number) => void }) {
  const { ref, width, height } = useSize<HTMLDivElement>({ width: 320, height: 200 });
  onSize?.(width, height);
  return (
    <div ref={ref} data-testid="box">
      {width}×{height}
    </div>
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('useSize', () => {
  it('keeps the initial size without ResizeObserver', () => {
    const { getByTestId } = render(<Probe />);
    expect(getByTestId('box').textContent).toBe('320×200');
  });

  it('follows ResizeObserver, rounds, ignores zero sizes and disconnects on unmount', () => {
    let callback: ((entries: unknown[]) => void) | null = null;
    const disconnect = vi.fn();
    const observe = vi.fn();
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(cb: (entries: unknown[]) => void) {
          callback = cb;
        }
        observe = observe;
        disconnect = disconnect;
        unobserve() {}
      },
    );
    const renders: string[] = [];
    const { getByTestId, unmount } = render(<Probe onSize={(w, h) => renders.push(`${w}×${h}`)} />);
    expect(observe).toHaveBeenCalledWith(getByTestId('box'));
    act(() => callback!([{ contentRect: { width: 640.4, height: 399.6 } }]));
    expect(getByTestId('box').textContent).toBe('640×400');
    act(() =>
      callback!([
        {
          contentBoxSize: [{ inlineSize: 375, blockSize: 300 }],
          contentRect: { width: 1, height: 1 },
        },
      ]),
    );
    expect(getByTestId('box').textContent).toBe('375×300');
    // A hidden element (0 × 0) keeps the last size instead of collapsing the chart.
    act(() => callback!([{ contentRect: { width: 0, height: 0 } }]));
    expect(getByTestId('box').textContent).toBe('375×300');
    expect(renders).toContain('640×400');
    unmount();
    expect(disconnect).toHaveBeenCalled();
  });
});
