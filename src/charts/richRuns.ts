// Rich text as data: one-line labels with sub- and superscripts written TeX-style ("E_g",
// "E_{tr}(t)", "κ(1/t)^{−1/α}") split into runs, and their widths estimated without a DOM (so the
// layouts measure labels in plain TypeScript; RichText.tsx renders the runs).
import { textWidth } from './labels.ts';

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

/** Size of sub- and superscripts relative to the line's type. */
export const SCRIPT_SCALE = 0.72;

/** Estimated width in px of a rich string. */
export function richWidth(s: string, fontSize: number): number {
  const { normal, small } = richWidthText(s);
  return textWidth(normal, fontSize) + textWidth(small, fontSize * SCRIPT_SCALE);
}
