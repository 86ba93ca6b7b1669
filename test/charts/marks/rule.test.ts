// Rules across the plot: their segments, and a labelled vertical rule that becomes an obstacle
// while its label sits beside it, never pushed away by the rule itself.
import { describe, expect, it } from 'vitest';
import { plotObstacles, polylineHits, type LabelPos } from '../../../src/charts/labels.ts';
import { hRuleLine, vRule, vRuleLine } from '../../../src/charts/marks/rule.ts';

const beside = (x: number) => (): LabelPos[] => [
  { x: x + 4, y: 20, anchor: 'start' },
  { x: x - 4, y: 20, anchor: 'end' },
];

describe('rule', () => {
  it('spans the plot', () => {
    expect(vRuleLine(50, 300)).toEqual([
      [50, 0],
      [50, 300],
    ]);
    expect(hRuleLine(80, 400)).toEqual([
      [0, 80],
      [400, 80],
    ]);
  });

  it('vRule: an obstacle, with its label beside it and clear of it', () => {
    const obs = plotObstacles([], 400, 300);
    const r = vRule(
      100,
      300,
      { variants: [['current P = 400']], at: beside(100), fontSize: 12 },
      obs,
    );
    expect(r.x).toBe(100);
    expect(r.label.pos).toEqual({ x: 104, y: 20, anchor: 'start' });
    expect(obs.lines).toEqual([vRuleLine(100, 300)]);
    expect(obs.boxes).toHaveLength(1);
    expect(polylineHits(obs.lines[0], obs.boxes[0])).toBe(0);
  });

  it('vRule: the label takes the other side when a line crosses the first, and a shorter form', () => {
    const obs = plotObstacles(
      [
        [
          [130, 0],
          [130, 300],
        ],
      ],
      400,
      300,
    );
    const r = vRule(
      100,
      300,
      { variants: [['current P = 400'], ['P = 400']], at: beside(100), fontSize: 12 },
      obs,
    );
    expect(r.label.pos.anchor).toBe('end');
    expect(r.label.lines).toEqual(['current P = 400']);
  });
});
