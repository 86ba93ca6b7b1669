// @vitest-environment jsdom
// A lazy chunk that fails to load leaves a note in its place; the rest of the page stays.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { LoadBoundary } from '../../src/ui/LoadBoundary.tsx';

afterEach(cleanup);

describe('LoadBoundary', () => {
  it('replaces a chunk that failed to load with a note, and keeps its siblings', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const Broken = lazy(() => Promise.reject(new Error('offline')));
    render(
      <div>
        <p>still here</p>
        <LoadBoundary what="formulas">
          <Suspense fallback={<p>loading</p>}>
            <Broken />
          </Suspense>
        </LoadBoundary>
      </div>,
    );
    expect((await screen.findByTestId('load-failed')).textContent).toMatch(
      /formulas could not be loaded/,
    );
    expect(screen.getByText('still here')).toBeTruthy();
    quiet.mockRestore();
  });
});
