// Help text with TeX-style sub/superscripts ("λ_k = k^{-α}") as HTML <sub>/<sup>, using the same
// parser as the charts' SVG labels. Text only: nothing is inserted as HTML.
import { RichHtml } from '../charts/richText.tsx';

export function RichHelp({ text }: { text: string }) {
  return <RichHtml text={text} />;
}
