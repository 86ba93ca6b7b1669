// Inline KaTeX for trusted, static sources only (the parameter table's symbols, formulas written
// in this repository). Never pass text that came from the URL or the user.
import katex from 'katex';
import { useMemo } from 'react';

export function Tex({ tex, className }: { tex: string; className?: string }) {
  const html = useMemo(
    () => katex.renderToString(tex, { throwOnError: false, output: 'html', strict: 'ignore' }),
    [tex],
  );
  if (!tex) return null;
  return (
    <span
      className={className ?? 'tex'}
      aria-hidden="true"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
