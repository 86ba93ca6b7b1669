// The window of a fitted power law drawn as a bracket on the x axis (g[data-testid="fit-window"]),
// with its label when the chart has room for one (marks/fitBracket.ts places it).
import type { ReactNode } from 'react';
import { Annotation } from './Annotation.tsx';
import type { FitBracket } from './marks/fitBracket.ts';
import { r2 } from './path.ts';

export function FitBracketMark({
  bracket,
  fontSize,
  labelled,
}: {
  bracket: FitBracket;
  fontSize: number;
  labelled: boolean;
}): ReactNode {
  const { x1, x2, y } = bracket;
  return (
    <g data-testid="fit-window">
      <path
        className="sp-fit-bracket"
        d={`M${r2(x1)},${r2(y - 4)}V${r2(y)}H${r2(x2)}V${r2(y - 4)}`}
      />
      {labelled && (
        <Annotation className="sp-annot sp-annot--fit" label={bracket.label} fontSize={fontSize} />
      )}
    </g>
  );
}
