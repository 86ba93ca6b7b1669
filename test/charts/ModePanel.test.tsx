// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ModePanel } from '../../src/charts/ModePanel.tsx';
import {
  fillPaths,
  fracColor,
  logEdges,
  MAX_COLS,
  MAX_ROWS,
  modeLayout,
  sampleIndices,
  type Cell,
} from '../../src/charts/modeLayout.ts';
import { metricsFor } from '../../src/charts/theme.ts';
import { modesBasic, modesLarge } from './fixtures.ts';
import { markupOf } from './normalize.ts';

afterEach(cleanup);

/** The rectangles of a fill path's data (M x,y H x1 V y1 H x Z, as fillPaths writes them). */
function rectsOf(d: string): { x0: number; x1: number; y0: number; y1: number }[] {
  const re = /M([-\d.]+),([-\d.]+)H([-\d.]+)V([-\d.]+)H[-\d.]+Z/g;
  return Array.from(d.matchAll(re), (m) => ({
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
  }));
}

/** The heat map's paths in a rendered panel: fill and rectangles. */
function drawnFills(container: Element, series: string) {
  return Array.from(container.querySelectorAll(`g[data-series="${series}"] path`), (p) => ({
    fill: p.getAttribute('fill')!,
    rects: rectsOf(p.getAttribute('d')!),
  }));
}

const cellsOf = (modes: Parameters<typeof modeLayout>[0]) =>
  modeLayout(modes, 640, 400, metricsFor('normal')).cells;

const figures: Record<string, () => ReactElement> = {
  'modes-basic': () => <ModePanel modes={modesBasic()} width={640} height={400} tCursor={100} />,
  'modes-empty': () => <ModePanel modes={null} width={640} height={400} />,
  'modes-lecture-narrow': () => (
    <ModePanel modes={modesBasic()} width={375} height={320} variant="lecture" />
  ),
};

describe('ModePanel figures', () => {
  for (const [name, fig] of Object.entries(figures)) {
    it(name, async () => {
      const { container } = render(fig());
      expect(container.innerHTML).not.toMatch(/NaN|Infinity|undefined/);
      const svg = container.querySelector('svg[data-testid="modes"]')!;
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.querySelector('title')!.textContent).toBe('Per-mode learning');
      await expect(markupOf(container)).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);
    });
  }
});

describe('ModePanel contents', () => {
  it('draws one cell per (k, t) and the t → ∞ column, one path per colour', () => {
    const modes = modesBasic();
    const { container } = render(
      <ModePanel modes={modes} width={640} height={400} tCursor={100} />,
    );
    const cells = cellsOf(modes);
    expect(cells).toHaveLength(modes.k.length * modes.t.length);
    const heat = drawnFills(container, 'heatmap');
    // One path per colour, each colour once; runs of equal colour merged, so fewer rectangles.
    expect(heat.map((p) => p.fill)).toEqual([...new Set(cells.map((c) => c.fill))].sort());
    const drawn = heat.reduce((n, p) => n + p.rects.length, 0);
    expect(drawn).toBeGreaterThan(modes.k.length);
    expect(drawn).toBeLessThan(cells.length);
    const inf = drawnFills(container, 'frac-inf');
    expect(inf.reduce((n, p) => n + p.rects.length, 0)).toBeLessThanOrEqual(modes.k.length);
    expect(inf.length).toBeGreaterThan(1);
    expect(container.querySelector('path[data-series="boundary"]')!.getAttribute('d')).toMatch(
      /^M/,
    );
    expect(container.querySelector('[data-testid="boundary-label"]')!.textContent).toBe(
      'k*(t) = κ(1/t)−1/α',
    );
    const legend = container.querySelector('[data-testid="color-legend"]')!;
    expect(legend.textContent).toContain('fraction of mode learned');
    expect(Array.from(legend.querySelectorAll('.sp-tick-label'), (t) => t.textContent)).toEqual([
      '0',
      '0.5',
      '1',
    ]);
    expect(container.querySelector('[data-testid="t-cursor"]')).not.toBeNull();
  });

  it('clamps overshoot for colour only', () => {
    expect(fracColor(1.06)).toBe(fracColor(1));
    expect(fracColor(-0.01)).toBe(fracColor(0));
    expect(fracColor(0.5)).not.toBe(fracColor(0));
  });

  it('downsamples large grids to the cell cap', () => {
    const { container } = render(<ModePanel modes={modesLarge()} width={640} height={400} />);
    expect(container.querySelectorAll('g[data-series="heatmap"] path').length).toBeGreaterThan(20);
    const n = cellsOf(modesLarge()).length;
    expect(n).toBeLessThanOrEqual(MAX_COLS * MAX_ROWS);
    expect(n).toBeGreaterThan(1000);
  });

  it('skips non-finite cells and hides a cursor outside the window', () => {
    const modes = modesBasic();
    modes.frac[0] = NaN;
    modes.frac[1] = Infinity;
    modes.boundary[5] = NaN;
    const { container } = render(
      <ModePanel modes={modes} width={640} height={400} tCursor={1e9} />,
    );
    expect(cellsOf(modes)).toHaveLength(modes.k.length * modes.t.length - 2);
    expect(container.innerHTML).not.toMatch(/NaN|Infinity/);
    expect(container.querySelector('[data-testid="t-cursor"]')).toBeNull();
  });

  it('shows No data without modes', () => {
    const { container } = render(<ModePanel modes={null} width={640} height={400} />);
    expect(container.querySelector('[data-testid="no-data"]')).not.toBeNull();
    expect(container.querySelector('[data-series="heatmap"]')).toBeNull();
  });

  it('covers every cell with its own colour, and nothing else, in the fill paths', () => {
    const modes = modesBasic();
    modes.frac[3] = NaN; // a gap in the first row: the runs on either side do not join across it
    const cells = cellsOf(modes);
    const paths = fillPaths(cells);
    const rects = paths.flatMap((p) => rectsOf(p.d).map((r) => ({ ...r, fill: p.fill })));
    const inside = (c: Cell) => (r: (typeof rects)[number]) =>
      c.x + c.w / 2 > r.x0 && c.x + c.w / 2 < r.x1 && c.y + c.h / 2 > r.y0 && c.y + c.h / 2 < r.y1;
    let checked = 0;
    for (const c of cells) {
      const hits = rects.filter(inside(c));
      expect(hits.map((r) => r.fill)).toEqual([c.fill]);
      checked++;
    }
    expect(checked).toBe(cells.length);
    // The area drawn is the cells' own (the merged runs keep each row's half-pixel overlap once).
    const area = (w: number, h: number) => w * h;
    const drawn = rects.reduce((a, r) => a + area(r.x1 - r.x0, r.y1 - r.y0), 0);
    const own = cells.reduce((a, c) => a + area(c.w, c.h), 0);
    expect(drawn).toBeLessThanOrEqual(own + 1);
    // The gap stays a gap: no rectangle covers the missing cell's centre.
    const row0 = cells.filter((c) => c.y === cells[0].y);
    expect(row0).toHaveLength(modes.t.length - 1);
    const gap = {
      x: (row0[2].x + row0[2].w - 0.5 + row0[3].x) / 2,
      y: row0[0].y + row0[0].h / 2,
    };
    expect(row0[3].x - (row0[2].x + row0[2].w - 0.5)).toBeGreaterThan(1);
    const covering = rects.filter(
      (r) => gap.x > r.x0 && gap.x < r.x1 && gap.y > r.y0 && gap.y < r.y1,
    );
    expect(covering).toEqual([]);
  });

  it('samples indices evenly, keeping both ends', () => {
    expect(sampleIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const s = sampleIndices(400, 96);
    expect(s[0]).toBe(0);
    expect(s[s.length - 1]).toBe(399);
    expect(s.length).toBeLessThanOrEqual(96);
    expect(s).toEqual([...s].sort((a, b) => a - b));
  });

  it('puts cell edges halfway between log-spaced centres', () => {
    const e = logEdges([1, 10, 100]);
    expect(e.map((v) => Number(v.toFixed(9)))).toEqual([-0.5, 0.5, 1.5, 2.5]);
    expect(logEdges([10])).toEqual([0.75, 1.25]);
  });
});

describe('ModePanel boundary label', () => {
  it('names the rule the boundary was computed with (power law or counted measured eigenvalues)', () => {
    const a = render(<ModePanel modes={modesBasic()} width={640} height={400} />);
    expect(a.container.querySelector('desc')?.textContent).toContain('κ(1/t)^(−1/α)');
    cleanup();
    const counted = { ...modesBasic(), boundaryCounted: true };
    const b = render(<ModePanel modes={counted} width={640} height={400} />);
    expect(b.container.querySelector('desc')?.textContent).toContain(
      'number of modes with λ_k ≥ κ(1/t)',
    );
    expect(b.container.textContent).not.toContain('−1/α');
  });
});
