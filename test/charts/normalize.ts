// Snapshot normalisation (as Observable Plot's figure tests): numbers inside attributes rounded to
// 2 decimals, generated ids replaced, one tag per line so diffs are readable. Text content is left
// alone: it is already formatted for people and its digits are part of what is tested.

export function roundNumbers(s: string): string {
  return s.replace(/-?\d*\.\d+(?:e[-+]?\d+)?/gi, (m) => {
    const v = Math.round(Number(m) * 100) / 100;
    return Object.is(v, -0) ? '0' : String(v);
  });
}

export function normalizeMarkup(html: string): string {
  return html
    .replace(/sp-clip-[A-Za-z0-9_-]+/g, 'sp-clip-ID')
    .replace(
      /(\s[\w:-]+=")([^"]*)(")/g,
      (_m, a: string, v: string, b: string) => a + roundNumbers(v) + b,
    )
    .replace(/></g, '>\n<')
    .concat('\n');
}

/** Markup of the first element rendered into a container. */
export function markupOf(container: HTMLElement): string {
  const el = container.firstElementChild;
  if (!el) throw new Error('nothing rendered');
  return normalizeMarkup(el.outerHTML);
}
