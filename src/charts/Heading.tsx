// A panel's heading: one bold line of label type in the top margin, above the legend.
import type { ReactNode } from 'react';
import { TOP_PAD } from './frame.ts';
import { r2 } from './path.ts';
import { RichText } from './richText.tsx';

export function Heading({
  text,
  x,
  fontSize,
  testId,
  claim,
}: {
  /** TeX-like sub/superscripts allowed. */
  text: string;
  /** The id of the claim the heading states (what the panel shows, where along training). */
  claim?: string;
  x: number;
  fontSize: number;
  testId?: string;
}): ReactNode {
  return (
    <text
      data-testid={testId}
      data-claim={claim}
      className="sp-axis-title"
      x={x}
      y={r2(TOP_PAD + fontSize * 0.9)}
      fontSize={fontSize}
      fontWeight={600}
    >
      <RichText text={text} fontSize={fontSize} />
    </text>
  );
}
