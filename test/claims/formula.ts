// The displayed-formula evaluator lives with the claims' checkers.
export { evaluateFormula } from '../../src/claims/formula.ts';
