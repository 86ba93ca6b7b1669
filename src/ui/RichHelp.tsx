// Help text with TeX-style sub/superscripts ("λ_k = k^{-α}") as HTML <sub>/<sup>, using the same
// parser as the charts' SVG labels. Text only: nothing is inserted as HTML.
import { parseRich } from '../charts/richText.tsx';

export function RichHelp({ text }: { text: string }) {
  return (
    <>
      {parseRich(text).map((r, i) =>
        r.shift === 'sub' ? (
          <sub key={i}>{r.text}</sub>
        ) : r.shift === 'sup' ? (
          <sup key={i}>{r.text}</sup>
        ) : (
          r.text
        ),
      )}
    </>
  );
}
