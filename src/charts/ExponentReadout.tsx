// ExponentReadout — fitted against predicted scaling exponents (docs/theory.md §6, §8) in a small
// table, plus the bottleneck the engine diagnoses, in words. Every cell comes from one row object
// (claims/exponentTable.ts): a fit states its window, a prediction its formula and condition, and
// a missing value says why on hover and focus. Exponents are slopes of log E_g.
//
// Props
//   curve    CurveResult | null    the fitted time slope, the state, the diagnosis.
//   sweepP   SweepResult | null    the fitted slope in P (when its sweep matches `setting`).
//   sweepN   SweepResult | null    the same in N.
//   setting  SweepSetting          where the scaling panels evaluate E_g (part of the state).
//   variant  'normal' | 'lecture'  default 'normal'.
//
// Hooks: div[data-testid="exponents"]; tr[data-testid="exp-t" | "exp-P" | "exp-N"] with
// data-fitted, data-predicted (numbers or empty), data-law (the formula), data-fit-from,
// data-fit-to; p[data-testid="bottleneck"] with data-kind.
import type { ReactNode } from 'react';
import type { CurveResult, SweepResult } from '../model/types.ts';
import type { SweepSetting } from '../model/theory/laws.ts';
import { exponentRows, type ExponentRow } from '../claims/exponentTable.ts';
import { fitWindowText } from '../claims/fit.ts';
import { DIAGNOSIS_TITLE, diagnosisHeadline, effectSentences } from '../claims/diagnosis.ts';
import { formatSlope } from '../format/number.ts';
import { RichHtml } from './richText.tsx';

export interface ExponentReadoutProps {
  curve: CurveResult | null;
  sweepP: SweepResult | null;
  sweepN: SweepResult | null;
  /** Default: at t*, fixed time 100 (the view's defaults). */
  setting?: SweepSetting;
  variant?: 'normal' | 'lecture';
}

const DEFAULT_SETTING: SweepSetting = { at: 'tstar', tAt: 100 };

function FittedCell({ r }: { r: ExponentRow }) {
  if (r.fit)
    return (
      <td
        data-col="fitted"
        tabIndex={0}
        title={`least-squares slope over ${fitWindowText(r.fit, r.key)} (${r.fit.n} points), where the local slope is stable`}
      >
        {formatSlope(r.fit.slope, 3)}
        <span className="sp-fit-window"> {fitWindowText(r.fit, r.key)}</span>
      </td>
    );
  return (
    <td data-col="fitted" className="sp-missing" tabIndex={0} title={r.fitWhy ?? ''}>
      —<span className="sp-visually-hidden"> ({r.fitWhy})</span>
    </td>
  );
}

function PredictedCell({ r }: { r: ExponentRow }) {
  const v = r.verdict.value;
  if (r.verdict.law && Number.isFinite(v)) return <td data-col="predicted">{formatSlope(v, 3)}</td>;
  return (
    <td data-col="predicted" className="sp-missing" tabIndex={0} title={r.condition}>
      n/a
    </td>
  );
}

export function ExponentReadout(props: ExponentReadoutProps): ReactNode {
  const { curve, sweepP, sweepN, setting = DEFAULT_SETTING, variant = 'normal' } = props;
  const rows = curve ? exponentRows(curve, sweepP, sweepN, setting) : [];
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
            <th scope="col">law and when it holds</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.key}
              data-row={r.key}
              data-testid={`exp-${r.key}`}
              data-fitted={r.fit ? String(r.fit.slope) : ''}
              data-predicted={r.verdict.law ? String(r.verdict.value) : ''}
              data-law={r.formula}
              data-fit-from={r.fit ? String(r.fit.xmin) : ''}
              data-fit-to={r.fit ? String(r.fit.xmax) : ''}
            >
              <th scope="row">{r.name}</th>
              <FittedCell r={r} />
              <PredictedCell r={r} />
              <td className="sp-law">
                {r.verdict.law ? (
                  <>
                    <span className="sp-law-formula">{r.formula}</span> {r.law}
                  </>
                ) : (
                  'n/a'
                )}
                <span className="sp-law-condition">
                  {' '}
                  <RichHtml text={r.verdict.law ? r.condition : `(${r.condition})`} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {curve && (
        <div className="sp-bottleneck" data-testid="bottleneck" data-kind={curve.diagnosis.kind}>
          <p>
            <strong>{DIAGNOSIS_TITLE[curve.diagnosis.kind]}.</strong>{' '}
            <RichHtml text={diagnosisHeadline(curve)} />
          </p>
          <ul className="sp-effects">
            {effectSentences(curve).map((s) => (
              <li key={s}>
                <RichHtml text={s} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
