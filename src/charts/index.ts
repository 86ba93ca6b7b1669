// The chart components and their helpers (re-exports only).
export { LearningCurve } from './LearningCurve.tsx';
export type { LearningCurveProps, PinnedCurve, SimOverlay } from './LearningCurve.tsx';
export { ScalingPanel } from './ScalingPanel.tsx';
export type { ScalingPanelProps } from './ScalingPanel.tsx';
export { ModePanel } from './ModePanel.tsx';
export type { ModePanelProps } from './ModePanel.tsx';
export { ExponentReadout } from './ExponentReadout.tsx';
export type { ExponentReadoutProps } from './ExponentReadout.tsx';
export { Formula, renderTex } from './Formula.tsx';
export type { FormulaProps } from './Formula.tsx';
export { Formulas, formulaItems } from './Formulas.tsx';
export type { FormulasProps } from './Formulas.tsx';
export { captionFor } from './caption.ts';
export { useSize } from './useSize.ts';
export type { Size } from './useSize.ts';
export { findNearestIndex } from './nearest.ts';
export { formatNumber, formatParam, formatSlope, formatDecade, superscript } from './format.ts';
export {
  svgToString,
  svgToPngBlob,
  downloadBlob,
  curvesToCsv,
  resultToJson,
} from './export.ts';
export { pinColor } from './theme.ts';
export type { Variant } from './theme.ts';
