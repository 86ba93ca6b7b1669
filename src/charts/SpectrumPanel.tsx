// SpectrumPanel — the measured spectrum the theory runs on (docs/theory.md §0): eigenvalues λ_k
// and target power c_k per mode k, log-log, with the fitted power laws over their fit ranges
// (brackets on the k axis) and the fitted α, β that the α, β read-outs show.
//
// Props
//   spectrum  SpectrumView | null    null shows "No data".
//   title     string                 what the spectrum is ("ReLU NNGP kernel, even vs odd").
//   width, height  number            size in px.
//   variant   'normal' | 'lecture'   default 'normal'.
//
// Hooks: svg[data-testid="spectrum"], path[data-series="lambda" | "power" | "lambda-fit" |
// "power-fit"], g[data-testid="fit-range"][data-law="lam" | "power"][data-kmin][data-kmax],
// text[data-testid="alpha-label" | "beta-label"], g[data-testid="no-data"].
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import type { SpectrumView } from '../model/theory/dataSpectra.ts';
import { Annotation } from './Annotation.tsx';
import { FitBracketMark } from './FitBracketMark.tsx';
import { ChartSvg } from './ChartSvg.tsx';
import { Heading } from './Heading.tsx';
import { Legend } from './Legend.tsx';
import { PlotFrame } from './PlotFrame.tsx';
import { spectrumLayout } from './spectrumLayout.ts';
import { metricsFor, type Variant } from './theme.ts';

export interface SpectrumPanelProps {
  spectrum: SpectrumView | null;
  title: string;
  width: number;
  height: number;
  variant?: Variant;
}

export function SpectrumPanel(props: SpectrumPanelProps): ReactNode {
  const { spectrum, title, width, height, variant = 'normal' } = props;
  const m = metricsFor(variant);
  const L = useMemo(
    () => spectrumLayout(spectrum, title, width, height, m),
    [spectrum, title, width, height, m],
  );
  const fs = m.labelFont;
  const desc = spectrum
    ? `${L.heading}. ${L.lamLabel.text}; ${L.powerLabel.text}. Fit ranges: ${L.ranges
        .map((r) => r.text)
        .join(', ')}.`
    : 'No spectrum loaded.';
  return (
    <ChartSvg
      testId="spectrum"
      kind="spectrum"
      variant={variant}
      width={width}
      height={height}
      label="Spectrum plot: eigenvalues and target power per mode against the mode index k, log-log, with the fitted power laws"
      title="Measured spectrum"
      desc={desc}
    >
      <Heading text={L.heading} x={L.margin.left} fontSize={fs} />
      <Legend layout={L.legend} x={L.margin.left} y={L.legendY} metrics={m} />
      <PlotFrame frame={L} xTitle="mode index k" yTitle="λ_k, c_k" metrics={m} empty={L.empty}>
        {(clip) => (
          <>
            <g clipPath={clip}>
              <path className="sp-spectrum-dots" data-series="power" d={L.powerD} fill="none" />
              <path
                className="sp-series sp-series--eg"
                data-series="lambda"
                d={L.lamD}
                fill="none"
              />
              <path
                className="sp-series sp-series--fit"
                data-series="lambda-fit"
                d={L.lamFitD}
                fill="none"
              />
              <path
                className="sp-series sp-series--fit sp-series--power-fit"
                data-series="power-fit"
                d={L.powerFitD}
                fill="none"
              />
            </g>
            {L.ranges.map((r) => (
              <g
                key={r.key}
                data-testid="fit-range"
                data-law={r.key}
                data-kmin={r.kmin}
                data-kmax={r.kmax}
              >
                <FitBracketMark bracket={r} fontSize={fs} labelled />
              </g>
            ))}
            <Annotation
              testId="alpha-label"
              className="sp-annot sp-annot--accent"
              label={L.lamLabel}
              fontSize={fs}
            />
            <Annotation
              testId="beta-label"
              className="sp-annot sp-annot--accent"
              label={L.powerLabel}
              fontSize={fs}
            />
          </>
        )}
      </PlotFrame>
    </ChartSvg>
  );
}
