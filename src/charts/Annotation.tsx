// An annotation drawn where its layout placed it (placeText.ts): the label's lines at its position.
import type { ReactNode } from 'react';
import type { PlacedText } from './placeText.ts';
import { LabelText } from './richText.tsx';

export function Annotation({
  label,
  className,
  fontSize,
  testId,
}: {
  label: PlacedText;
  className: string;
  fontSize: number;
  testId?: string;
}): ReactNode {
  return (
    <LabelText
      testId={testId}
      claim={label.claim}
      className={className}
      lines={label.lines}
      x={label.pos.x}
      y={label.pos.y}
      anchor={label.pos.anchor}
      fontSize={fontSize}
    />
  );
}
