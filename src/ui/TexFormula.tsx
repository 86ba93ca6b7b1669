// A formula with live numbers in KaTeX, loaded on demand (lazyKatex.ts): until KaTeX arrives (or
// if it cannot load) the same content is shown as plain text. The TeX must be built in code from
// numbers (src/claims formats them), never from the URL or typed text: its HTML is inserted as is.
import { useMemo } from 'react';
import { useHtml } from '../charts/useHtml.ts';
import { useShownTex } from '../charts/useKeptOutOfView.ts';
import { dragHolds, useApp } from '../state/hooks.ts';
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
  // Behind the curve while a slider is dragged, and kept while out of view (useKeptOutOfView.ts).
  const { ref, tex: shownTex, label: shownText } = useShownTex(tex, text, useApp(dragHolds), katex);
  const html = useMemo(
    () =>
      katex?.renderToString(shownTex, {
        throwOnError: false,
        output: 'htmlAndMathml',
        strict: 'ignore',
      }) ?? null,
    [katex, shownTex],
  );
  useHtml(html ?? '', ref);
  if (html === null)
    return (
      <span className="tex-formula tex--plain" data-testid={testId}>
        {shownText}
      </span>
    );
  return (
    <span
      ref={ref}
      className="tex-formula"
      data-testid={testId}
      data-tex={shownTex}
      role="img"
      aria-label={shownText}
    />
  );
}
