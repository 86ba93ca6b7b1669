// A formula with live numbers in KaTeX, loaded on demand (lazyKatex.ts): until KaTeX arrives (or
// if it cannot load) the same content is shown as plain text. The TeX must be built in code from
// numbers (src/claims formats them), never from the URL or typed text: its HTML is inserted as is.
import { useMemo } from 'react';
import { useKatex } from './lazyKatex.ts';

export function TexFormula({
  tex,
  text,
  testId,
}: {
  tex: string;
  /** The plain-text rendering: the fallback, and the accessible name. */
  text: string;
  testId?: string;
}) {
  const katex = useKatex();
  const html = useMemo(
    () =>
      katex?.renderToString(tex, {
        throwOnError: false,
        output: 'htmlAndMathml',
        strict: 'ignore',
      }) ?? null,
    [katex, tex],
  );
  if (html === null)
    return (
      <span className="tex-formula tex--plain" data-testid={testId}>
        {text}
      </span>
    );
  return (
    <span
      className="tex-formula"
      data-testid={testId}
      data-tex={tex}
      role="img"
      aria-label={text}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
