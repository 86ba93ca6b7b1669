// One-line SVG text with sub- and superscripts written TeX-style: "E_g", "E_{tr}(t)",
// "κ(1/t)^{−1/α}". Shifts use dy in px (baseline-shift is not supported everywhere) and every
// shifted run is followed by the opposite shift, so the rest of the line stays on the baseline.
import { memo, type ReactNode } from 'react';
import { r2 } from './path.ts';
import { parseRich, SCRIPT_SCALE } from './richRuns.ts';

// RichHtml and RichText are memoised on their strings: axis titles and labels render with every
// redraw of their chart, mostly with the same text.

/** The same markup as HTML text with <sub>/<sup> (tables, captions); text only, never HTML. */
export const RichHtml = memo(function RichHtml({ text }: { text: string }): ReactNode {
  return parseRich(text).map((r, i) =>
    r.shift === 'sub' ? (
      <sub key={i}>{r.text}</sub>
    ) : r.shift === 'sup' ? (
      <sup key={i}>{r.text}</sup>
    ) : (
      r.text
    ),
  );
});

/** The <tspan>s of a rich string at the given font size (place inside a <text>). */
export const RichText = memo(function RichText({
  text,
  fontSize,
}: {
  text: string;
  fontSize: number;
}): ReactNode {
  const runs = parseRich(text);
  const out: ReactNode[] = [];
  let offset = 0;
  runs.forEach((r, i) => {
    const target = r.shift === 'sub' ? 0.28 * fontSize : r.shift === 'sup' ? -0.42 * fontSize : 0;
    const dy = target - offset;
    offset = target;
    out.push(
      <tspan
        key={i}
        dy={dy ? r2(dy) : undefined}
        fontSize={r.shift ? r2(fontSize * SCRIPT_SCALE) : undefined}
      >
        {r.text}
      </tspan>,
    );
  });
  if (offset !== 0) out.push(<tspan key="end" dy={r2(-offset)} />);
  return out;
});

/**
 * A (multi-line) label: one <text> whose lines are <tspan>s, the first on the baseline at (x, y),
 * the next ones `lineHeight` em below, all aligned by `anchor`.
 */
export function LabelText({
  lines,
  x,
  y,
  anchor,
  fontSize,
  className,
  testId,
  claim,
  lineHeight = 1.25,
}: {
  lines: readonly string[];
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  fontSize: number;
  className?: string;
  testId?: string;
  /** The id of the claim the label states (data-claim). */
  claim?: string;
  lineHeight?: number;
}): ReactNode {
  const px = r2(x);
  return (
    <text
      className={className}
      data-testid={testId}
      data-claim={claim}
      x={px}
      y={r2(y)}
      textAnchor={anchor}
      fontSize={fontSize}
    >
      {lines.length === 1 ? (
        <RichText text={lines[0]} fontSize={fontSize} />
      ) : (
        lines.map((l, i) => (
          <tspan key={i} x={px} dy={i === 0 ? undefined : r2(lineHeight * fontSize)}>
            <RichText text={l} fontSize={fontSize} />
          </tspan>
        ))
      )}
    </text>
  );
}
