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
import { exponentRows } from '../claims/exponentTable.ts';
import { DIAGNOSIS_TITLE } from '../claims/diagnosis.ts';
import { bottleneckClaim, effectClaims } from '../claims/diagnosisClaims.ts';
import type { Claim } from '../claims/registry.ts';
import { ClaimText, Runs } from './Claimed.tsx';
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

/**
 * A cell stating a claim. A missing value ("—", "n/a") carries its reason in a tip shown on
 * hover and focus (and read by screen readers); the reason is part of the cell's claim.
 */
function ClaimCell({ c, col, tip }: { c: Claim; col: string; tip: boolean }) {
  const plain = c.plain;
  const cut = tip ? plain.indexOf(' (') : -1;
  if (cut < 0) {
    // The slope, with the window it was fitted over in small type under it.
    const w = c.markup.indexOf(' over ');
    return (
      <td data-col={col} data-claim={c.id}>
        {w < 0 ? (
          <Runs runs={c.text} />
        ) : (
          <>
            {c.markup.slice(0, w)}
            <span className="sp-fit-window">
              <RichHtml text={c.markup.slice(w)} />
            </span>
          </>
        )}
      </td>
    );
  }
  // "— (why)" / "n/a (why)": the mark, then the reason as a tip.
  return (
    <td data-col={col} data-claim={c.id} className="sp-missing" tabIndex={0}>
      {plain.slice(0, cut)}
      <span className="sp-tip">
        <RichHtml text={c.markup.slice(c.markup.indexOf(' ('))} />
      </span>
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
              <ClaimCell c={r.claims.fitted} col="fitted" tip={!r.fit} />
              <ClaimCell c={r.claims.predicted} col="predicted" tip={!r.verdict.law} />
              <LawCell c={r.claims.law} formula={r.formula} />
            </tr>
          ))}
        </tbody>
      </table>
      {curve && <Bottleneck curve={curve} />}
    </div>
  );
}

/** What bounds the error, and each counterfactual with the engine's before and after. */
function Bottleneck({ curve }: { curve: CurveResult }): ReactNode {
  const head = bottleneckClaim(curve);
  const title = `${DIAGNOSIS_TITLE[curve.diagnosis.kind]}.`;
  return (
    <div className="sp-bottleneck" data-testid="bottleneck" data-kind={curve.diagnosis.kind}>
      <p data-claim={head.id}>
        <strong>{title}</strong>
        <RichHtml text={head.markup.slice(title.length)} />
      </p>
      <ul className="sp-effects">
        {effectClaims(curve).map((c) => (
          <ClaimText key={c.id} claim={c} as="li" />
        ))}
      </ul>
    </div>
  );
}

/** The law cell: its formula, its name, and (small) when it holds; or n/a and why. */
function LawCell({ c, formula }: { c: Claim; formula: string }): ReactNode {
  const m = c.markup;
  const when = m.indexOf(', when ');
  if (!formula || !m.startsWith(formula) || when < 0)
    return (
      <td className="sp-law" data-claim={c.id}>
        <RichHtml text={m} />
      </td>
    );
  return (
    <td className="sp-law" data-claim={c.id}>
      <span className="sp-law-formula">{formula}</span>
      {/* The comma ends the law's line; the condition's line starts with "when" (its leading
          space is collapsed there and keeps the cell's text the claim's). */}
      {m.slice(formula.length, when + 1)}
      <span className="sp-law-condition">
        <RichHtml text={m.slice(when + 1)} />
      </span>
    </td>
  );
}
