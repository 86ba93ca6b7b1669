// One-line SVG text with sub- and superscripts written TeX-style: "E_g", "E_{tr}(t)",
// "κ(1/t)^{−1/α}". Shifts use dy in px (baseline-shift is not supported everywhere) and every
// shifted run is followed by the opposite shift, so the rest of the line stays on the baseline.
import type { ReactNode } from 'react';
import { textWidth } from './labels.ts';
import { r2 } from './path.ts';

export interface RichRun {
  text: string;
  shift: 'sub' | 'sup' | null;
}

/** Split "E_{tr}(t)" into runs: [E][tr↓][(t)]. A lone _x or ^x takes one character. */
export function parseRich(s: string): RichRun[] {
  const runs: RichRun[] = [];
  let plain = '';
  const chars = Array.from(s);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if ((c === '_' || c === '^') && i + 1 < chars.length) {
      if (plain) runs.push({ text: plain, shift: null });
      plain = '';
      let body: string;
      if (chars[i + 1] === '{') {
        const end = chars.indexOf('}', i + 2);
        const stop = end < 0 ? chars.length : end;
        body = chars.slice(i + 2, stop).join('');
        i = stop;
      } else {
        body = chars[i + 1];
        i += 1;
      }
      runs.push({ text: body, shift: c === '_' ? 'sub' : 'sup' });
    } else plain += c;
  }
  if (plain) runs.push({ text: plain, shift: null });
  return runs;
}

/** The same markup as HTML text with <sub>/<sup> (tables, captions); text only, never HTML. */
export function RichHtml({ text }: { text: string }): ReactNode {
  return parseRich(text).map((r, i) =>
    r.shift === 'sub' ? (
      <sub key={i}>{r.text}</sub>
    ) : r.shift === 'sup' ? (
      <sup key={i}>{r.text}</sup>
    ) : (
      r.text
    ),
  );
}

/** The text without markup, for width estimates and aria labels ("E_{tr}" → "Etr"). */
export function plainText(s: string): string {
  return parseRich(s)
    .map((r) => r.text)
    .join('');
}

/** Width-relevant text: shifted runs are set smaller, so count them at ~70 %. */
function richWidthText(s: string): { normal: string; small: string } {
  let normal = '';
  let small = '';
  for (const r of parseRich(s)) {
    if (r.shift) small += r.text;
    else normal += r.text;
  }
  return { normal, small };
}

const SCALE = 0.72;

/** The <tspan>s of a rich string at the given font size (place inside a <text>). */
export function RichText({ text, fontSize }: { text: string; fontSize: number }): ReactNode {
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
        fontSize={r.shift ? r2(fontSize * SCALE) : undefined}
      >
        {r.text}
      </tspan>,
    );
  });
  if (offset !== 0) out.push(<tspan key="end" dy={r2(-offset)} />);
  return out;
}

/** Estimated width in px of a rich string. */
export function richWidth(s: string, fontSize: number): number {
  const { normal, small } = richWidthText(s);
  return textWidth(normal, fontSize) + textWidth(small, fontSize * SCALE);
}

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
  lineHeight = 1.25,
}: {
  lines: readonly string[];
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  fontSize: number;
  className?: string;
  testId?: string;
  lineHeight?: number;
}): ReactNode {
  const px = r2(x);
  return (
    <text
      className={className}
      data-testid={testId}
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
