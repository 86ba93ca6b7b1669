// Rich text as data: one line of text whose runs are plain, subscript or superscript. Claims hold
// their text this way (src/claims/registry.ts), the charts measure and render the runs, and the
// page never shows markup. Sentences are written in a compact notation, "E_g", "E_{tr}(t)",
// "t^{−0.63}", which `rich` turns into runs and rejects when it is ambiguous: a script of more
// than one character needs braces (t^−0.63 would raise only the minus, t_min only the m).

export interface RichRun {
  text: string;
  shift: 'sub' | 'sup' | null;
}

/** A line of rich text: its runs in order. */
export type Rich = readonly RichRun[];

/**
 * Split "E_{tr}(t)" into runs: [E][tr↓][(t)]. A lone _x or ^x takes one character. Lenient: the
 * charts' fixed labels use it directly; claims go through `rich`, which also checks the notation.
 */
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

/** A character that continues a word or a number: a one-character script must not be followed by one. */
const WORDISH = /[\p{L}\p{N}.′']/u;

/**
 * What is wrong with a sentence's notation (empty: nothing): a one-character script followed by
 * more of the same word ("t_min", "t^−0.6", "k^−α"), an unclosed brace, a brace or a backslash
 * outside a script (raw TeX), a script with nothing to raise.
 */
export function richProblems(s: string): string[] {
  const out: string[] = [];
  const chars = Array.from(s);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\') out.push(`raw TeX (backslash) at ${i}`);
    if (c === '{' || c === '}') out.push(`brace outside a script at ${i}`);
    if (c !== '_' && c !== '^') continue;
    if (i + 1 >= chars.length) {
      out.push(`"${c}" at the end`);
      continue;
    }
    if (chars[i + 1] === '{') {
      const end = chars.indexOf('}', i + 2);
      if (end < 0) out.push(`unclosed "{" after "${c}" at ${i}`);
      else if (end === i + 2) out.push(`empty script at ${i}`);
      i = end < 0 ? chars.length : end;
      continue;
    }
    const body = chars[i + 1];
    const after = chars[i + 2];
    if (!/[\p{L}\p{N}*′]/u.test(body)) out.push(`"${c}${body}" raises a sign alone at ${i}`);
    // A full stop or an apostrophe ends the word ("E_g.", "E_g's"); a decimal point does not.
    else if (after !== undefined && WORDISH.test(after) && !endsWord(after, chars[i + 3]))
      out.push(`"${c}${body}${after}…" needs braces: only "${body}" would be shifted (at ${i})`);
    i += 1;
  }
  return out;
}

/** "." not followed by a digit, or an apostrophe: punctuation after the script, not more of it. */
function endsWord(c: string, next: string | undefined): boolean {
  return c === "'" || (c === '.' && !(next !== undefined && /[0-9]/.test(next)));
}

/** The text a reader sees: the runs joined. */
export function plainOf(r: Rich): string {
  return r.map((x) => x.text).join('');
}

/** The text without markup ("E_{tr}" → "Etr"), as plainOf(parseRich(s)). */
export function plainText(s: string): string {
  return plainOf(parseRich(s));
}

/**
 * The markup as typed text, for a terminal or a Markdown table: a script of one word loses its
 * braces ("η_{max}" → "η_max"); a longer one keeps them ("k^{-α}"), as one would type it.
 */
export function typedText(s: string): string {
  return s.replace(/([_^])\{([\p{L}\p{N}]+)\}/gu, '$1$2');
}
