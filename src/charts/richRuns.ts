// The widths of rich text (src/format/rich.ts: one-line labels with sub- and superscripts,
// "E_g", "E_{tr}(t)", "κ(1/t)^{−1/α}") estimated without a DOM, so the layouts measure labels in
// plain TypeScript; richText.tsx renders the runs.
import { parseRich } from '../format/rich.ts';
import { textWidth } from './labels.ts';

export { parseRich, plainText, type RichRun } from '../format/rich.ts';

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

/** Size of sub- and superscripts relative to the line's type. */
export const SCRIPT_SCALE = 0.72;

/** Estimated width in px of a rich string. */
export function richWidth(s: string, fontSize: number): number {
  const { normal, small } = richWidthText(s);
  return textWidth(normal, fontSize) + textWidth(small, fontSize * SCRIPT_SCALE);
}
