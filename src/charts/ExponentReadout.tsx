// ExponentReadout — fitted vs predicted scaling exponents (docs/theory.md §6) in a small table,
// plus the bottleneck the model diagnoses, in words. Exponents are slopes of log E_g: negative.
//
// Props
//   curve    CurveResult | null    supplies the fitted time slope, the predictions and the bottleneck.
//   sweepP   SweepResult | null    supplies the fitted slope in P (and its prediction, when present).
//   sweepN   SweepResult | null    the same in N.
//   variant  'normal' | 'lecture'  default 'normal'.
//
// Hooks: div[data-testid="exponents"], tr[data-row="t" | "P" | "N"], td[data-col="fitted" |
// "predicted"], p[data-testid="bottleneck"]. A missing fit shows "—" with a title saying why.
import type { ReactNode } from 'react';
import type { Bottleneck, CurveResult, PowerFit, SweepResult } from '../model/types.ts';
import { formatNumber, formatSlope } from '../format/number.ts';
import { RichHtml } from './richText.tsx';

export interface ExponentReadoutProps {
  curve: CurveResult | null;
  sweepP: SweepResult | null;
  sweepN: SweepResult | null;
  variant?: 'normal' | 'lecture';
}

const BOTTLENECK_WORDS: Record<Bottleneck, string> = {
  time: 'time-limited (training time is the bottleneck)',
  data: 'data-limited (the number of samples P is the bottleneck)',
  model: 'model-limited (the number of features N is the bottleneck)',
  noise: 'noise-limited (label noise dominates)',
  none: 'no single bottleneck',
};

interface Row {
  key: 't' | 'P' | 'N';
  name: string;
  law: string;
  fitted: PowerFit | null;
  predicted: number | null;
  /** Why there is no fitted value (tooltip). */
  why: string;
}

function fitTitle(fit: PowerFit, variable: string): string {
  return `least-squares slope of log E_g against log ${variable} over ${variable} ∈ [${formatNumber(fit.xmin, 2)}, ${formatNumber(fit.xmax, 2)}], ${fit.n} points, r² = ${fit.r2.toFixed(4)}`;
}

function sweepRow(key: 'P' | 'N', sweep: SweepResult | null, curve: CurveResult | null): Row {
  const name = key === 'P' ? 'P (data)' : 'N (model)';
  const law = key === 'P' ? '−min(β−1, 2α)' : '−min(β−1, α)';
  const fromCurve = curve ? curve.exponents.predicted[key] : null;
  const predicted = sweep && Number.isFinite(sweep.predicted) ? sweep.predicted : fromCurve;
  const fitted = sweep?.fit && Number.isFinite(sweep.fit.slope) ? sweep.fit : null;
  const why = !sweep
    ? `No sweep over ${key} has been computed.`
    : `Too few finite points in the ${key} sweep to fit a power law.`;
  return { key, name, law, fitted, predicted, why };
}

export function ExponentReadout(props: ExponentReadoutProps): ReactNode {
  const { curve, sweepP, sweepN, variant = 'normal' } = props;
  const fitT =
    curve?.exponents.fittedT && Number.isFinite(curve.exponents.fittedT.slope)
      ? curve.exponents.fittedT
      : null;
  const rows: Row[] = [
    {
      key: 't',
      name: 't (time)',
      law: '−(β−1)/α',
      fitted: fitT,
      predicted: curve ? curve.exponents.predicted.t : null,
      why: !curve
        ? 'No learning curve has been computed.'
        : 'No clean power-law window in the current curve (it is not limited by training time alone).',
    },
    sweepRow('P', sweepP, curve),
    sweepRow('N', sweepN, curve),
  ];
  return (
    <div
      data-testid="exponents"
      className={`sp-exponents${variant === 'lecture' ? ' sp-exponents--lecture' : ''}`}
    >
      <table>
        <caption>
          <RichHtml text="Scaling exponents of E_g" />
        </caption>
        <thead>
          <tr>
            <th scope="col">slope in</th>
            <th scope="col">fitted</th>
            <th scope="col">predicted</th>
            <th scope="col">law</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th scope="row">{r.name}</th>
              {r.fitted ? (
                <td data-col="fitted" title={fitTitle(r.fitted, r.key)}>
                  {formatSlope(r.fitted.slope, 3)}
                </td>
              ) : (
                <td data-col="fitted" className="sp-missing" title={r.why}>
                  —
                </td>
              )}
              {r.predicted !== null && Number.isFinite(r.predicted) ? (
                <td data-col="predicted">{formatSlope(r.predicted, 3)}</td>
              ) : (
                <td
                  data-col="predicted"
                  className="sp-missing"
                  title="No prediction available yet."
                >
                  —
                </td>
              )}
              <td className="sp-law">{r.law}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {curve && (
        <p className="sp-bottleneck" data-testid="bottleneck">
          <strong>Bottleneck: {BOTTLENECK_WORDS[curve.exponents.bottleneck]}.</strong>{' '}
          {/* The model writes powers as "^0.50": one superscript for the whole number. */}
          <RichHtml
            text={curve.exponents.explanation.replace(/\^([−-]?\d+(?:\.\d+)?)/g, '^{$1}')}
          />
        </p>
      )}
    </div>
  );
}
