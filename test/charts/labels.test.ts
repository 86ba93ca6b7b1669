import { describe, expect, it } from 'vitest';
import {
  boxCost,
  boxesOverlap,
  labelBox,
  placeLabelVariants,
  polylineHits,
  segmentHitsBox,
  textWidth,
  type Obstacles,
} from '../../src/charts/labels.ts';
import { isolatedPoints, linePath, r2, seriesPoints } from '../../src/charts/path.ts';
import { parseRich, plainText } from '../../src/charts/richRuns.ts';

describe('segment and box geometry', () => {
  const box = { x: 10, y: 10, width: 20, height: 10 };
  it('detects crossings, containment and misses', () => {
    expect(segmentHitsBox([0, 15], [40, 15], box)).toBe(true);
    expect(segmentHitsBox([15, 12], [16, 13], box)).toBe(true);
    expect(segmentHitsBox([0, 0], [40, 5], box)).toBe(false);
    expect(segmentHitsBox([0, 0], [9, 30], box)).toBe(false);
    expect(segmentHitsBox([0, 40], [40, 0], box)).toBe(true);
    expect(
      polylineHits(
        [
          [0, 0],
          [15, 15],
          [40, 40],
        ],
        box,
      ),
    ).toBe(2);
    expect(polylineHits([[15, 15]], box)).toBe(1);
  });

  it('overlaps boxes with padding', () => {
    expect(boxesOverlap(box, { x: 31, y: 10, width: 5, height: 5 })).toBe(false);
    expect(boxesOverlap(box, { x: 31, y: 10, width: 5, height: 5 }, 2)).toBe(true);
  });

  it('boxes labels by anchor and line count', () => {
    expect(labelBox({ x: 100, y: 50, anchor: 'end' }, 40, 10)).toEqual({
      x: 60,
      y: 42.2,
      width: 40,
      height: 10,
    });
    expect(labelBox({ x: 100, y: 50, anchor: 'middle' }, 40, 10, 2).height).toBeCloseTo(22.5);
  });

  it('estimates text widths of Inter within 10 % of Chromium', () => {
    // Reference widths measured with getComputedTextLength at 100 px in Chromium (Inter 400).
    const measured: [string, number][] = [
      ['t* = 1.4·10², E* = 0.0291', 12.236],
      ['training time t', 6.437],
      ['fit: slope −1.03 · predicted −1.00', 15.622],
      ['current P = 400', 7.454],
      ['10⁻²', 2.267],
      ['0.005', 2.862],
    ];
    for (const [s, w] of measured) {
      const est = textWidth(s, 100) / 100;
      expect(est / w).toBeGreaterThan(0.93);
      expect(est / w).toBeLessThan(1.1);
    }
  });
});

describe('placeLabelVariants', () => {
  const obs = (): Obstacles => ({
    lines: [
      [
        [0, 50],
        [200, 50],
      ],
    ],
    boxes: [],
    bounds: { x: 0, y: 0, width: 200, height: 100 },
  });

  it('takes the first free candidate of the first variant', () => {
    const o = obs();
    const p = placeLabelVariants(
      [{ lines: ['long label'], width: 60 }],
      () => [
        { x: 10, y: 55, anchor: 'start' },
        { x: 10, y: 30, anchor: 'start' },
      ],
      10,
      o,
    );
    expect(p.pos.y).toBe(30);
    expect(p.cost).toBe(0);
    expect(o.boxes).toHaveLength(1);
  });

  it('falls back to a shorter variant when the long one collides everywhere', () => {
    const o = obs();
    o.boxes.push({ x: 0, y: 0, width: 200, height: 30 });
    const p = placeLabelVariants(
      [
        { lines: ['a label too wide to fit'], width: 250 },
        { lines: ['short'], width: 30 },
      ],
      () => [{ x: 5, y: 70, anchor: 'start' }],
      10,
      o,
    );
    expect(p.lines).toEqual(['short']);
  });

  it('charges for leaving the bounds', () => {
    const o = obs();
    expect(boxCost({ x: -10, y: 60, width: 20, height: 10 }, o)).toBeGreaterThan(0);
    expect(boxCost({ x: 10, y: 60, width: 20, height: 10 }, o)).toBe(0);
  });
});

describe('paths', () => {
  it('rounds to 2 decimals and breaks at missing points', () => {
    expect(r2(1.005)).toBe('1');
    expect(r2(-0.001)).toBe('0');
    expect(r2(12.345)).toBe('12.35');
    expect(linePath([[0, 0], [1.234, 2.345], null, [3, 3], [4, 4]])).toBe('M0,0L1.23,2.35M3,3L4,4');
    expect(linePath([null, [1, 1], null])).toBe('M1,1h0');
    expect(
      linePath([
        [NaN, 1],
        [Infinity, 2],
      ]),
    ).toBe('');
    expect(isolatedPoints([[0, 0], null, [1, 1], null, [2, 2], [3, 3]])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('drops non-positive and non-finite values on log-log scales', () => {
    const pts = seriesPoints(
      [1, 2, 3, 4, 5],
      [1, 0, -1, NaN, Infinity],
      (v) => v,
      (v) => v,
    );
    expect(pts).toEqual([[1, 1], null, null, null, null]);
  });
});

describe('rich text', () => {
  it('parses sub- and superscripts', () => {
    expect(parseRich('E_{tr}(t)')).toEqual([
      { text: 'E', shift: null },
      { text: 'tr', shift: 'sub' },
      { text: '(t)', shift: null },
    ]);
    expect(parseRich('κ(1/t)^{−1/α}')).toEqual([
      { text: 'κ(1/t)', shift: null },
      { text: '−1/α', shift: 'sup' },
    ]);
    expect(plainText('E_g(∞) = E_{Gibbs}')).toBe('Eg(∞) = EGibbs');
    expect(plainText('a_')).toBe('a_');
  });
});
