// The legend in rows above the plot: items flow left to right, wrap when the next would not fit,
// and the frame below settles in two rounds (the legend's width depends on the left margin).
import { describe, expect, it } from 'vitest';
import { axesFrame } from '../../../src/charts/frame.ts';
import {
  layoutLegend,
  legendAndFrame,
  legendWidth,
  type LegendItem,
} from '../../../src/charts/marks/legend.ts';
import { richWidth } from '../../../src/charts/richRuns.ts';
import { metricsFor } from '../../../src/charts/theme.ts';

const m = metricsFor('normal');
const item = (key: string, label: string): LegendItem => ({
  key,
  label,
  kind: 'line',
  className: 'sp-series',
});
const items = ['test error E_g', 'training error E_{tr}', 'P = 400', 'P = 800'].map((l, i) =>
  item(String(i), l),
);
const itemW = (l: string) => m.swatch + 6 + richWidth(l, m.legendFont);

describe('layoutLegend', () => {
  it('puts everything on one row when it fits', () => {
    const L = layoutLegend(items, 2000, m);
    expect(L.items.map((i) => i.y)).toEqual([0, 0, 0, 0]);
    expect(L.items[0].x).toBe(0);
    expect(L.items[1].x).toBeCloseTo(itemW(items[0].label) + 16, 9);
    expect(L.height).toBe(Math.round(m.legendFont * 1.5));
  });

  it('wraps an item that would cross the width, and never leaves a row empty', () => {
    const w = itemW(items[0].label) + 16 + itemW(items[1].label) - 1;
    const L = layoutLegend(items, w, m);
    const rows = L.items.map((i) => i.y / Math.round(m.legendFont * 1.5));
    expect(rows[0]).toBe(0);
    expect(rows[1]).toBe(1);
    expect(rows.length).toBe(4);
    for (const r of L.items) expect(r.x === 0 || r.x + itemW(r.item.label) <= w).toBe(true);
    // Narrower than any item: one per row.
    expect(layoutLegend(items, 10, m).height).toBe(4 * Math.round(m.legendFont * 1.5));
  });

  it('is empty with no items', () => {
    expect(layoutLegend([], 300, m)).toEqual({ items: [], height: 0 });
  });
});

describe('legendWidth and legendAndFrame', () => {
  it('aligns the legend with the plot once the margin is known', () => {
    expect(legendWidth(400)).toBe(376);
    expect(legendWidth(400, { top: 0, right: 0, bottom: 0, left: 50 })).toBe(342);
    expect(legendWidth(40)).toBe(60);
  });

  it('lays the frame out below the legend, the legend in the width right of the margin', () => {
    const tops: number[] = [];
    const { legend, frame } = legendAndFrame(items, 300, m, (h) => {
      tops.push(h);
      return axesFrame(20 + h, 300, 250, [1, 1e4], [1e-3, 1], m);
    });
    expect(tops).toHaveLength(2);
    expect(tops[1]).toBe(legend.height);
    expect(legend).toEqual(layoutLegend(items, legendWidth(300, frame.margin), m));
    expect(frame.margin.top).toBeGreaterThanOrEqual(20 + legend.height);
  });
});
