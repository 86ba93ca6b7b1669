// Measured means (exact simulation, real digits) drawn as points with ±1 s.e.m. bars: one mark
// style for the learning curve, the scaling panels and the mode inspector.
import type { ReactNode } from 'react';
import type { MeanSemMark } from './marks/meanSem.ts';
import { r2 } from './path.ts';

export function SimMarks({
  series,
  testId,
  marks,
  pointClass,
  r,
}: {
  series?: string;
  testId?: string;
  marks: readonly MeanSemMark[];
  pointClass: string;
  r: number;
}): ReactNode {
  return (
    <g data-series={series} data-testid={testId}>
      {marks.map((s, i) => (
        <g key={i}>
          <line className="sp-sim-bar" x1={r2(s.cx)} x2={r2(s.cx)} y1={r2(s.y1)} y2={r2(s.y2)} />
          <circle className={pointClass} cx={r2(s.cx)} cy={r2(s.cy)} r={r} />
        </g>
      ))}
    </g>
  );
}
