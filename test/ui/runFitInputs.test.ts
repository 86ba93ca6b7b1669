// The Fit my runs panel's inputs: typing closes an opened file, the axis's own quantity cannot be
// given, fields that do not act are ignored, bad numbers name their field, the options carry what
// was given (and only that), and a changed input makes the last fit stale.
import { describe, expect, it } from 'vitest';
import { HOLDOUT_FRACTION } from '../../src/model/runfit/index.ts';
import type { RunFitRun } from '../../src/state/store.ts';
import {
  changedSince,
  EMPTY_INPUTS,
  fieldActs,
  fitRequest,
  inputsReducer,
  type RunFitInputs,
} from '../../src/ui/runFitInputs.ts';

const withText: RunFitInputs = { ...EMPTY_INPUTS, text: 'x,loss\n1,1' };

describe('the panel’s inputs', () => {
  it('typing replaces an opened file; opening a file keeps the text', () => {
    const file = new File(['x,loss'], 'runs.csv');
    const opened = inputsReducer(withText, { type: 'file', file });
    expect(opened.file).toBe(file);
    expect(opened.text).toBe(withText.text);
    expect(inputsReducer(opened, { type: 'text', text: 'a' }).file).toBeNull();
  });

  it('the axis’s own quantity is cleared and does not act; γ acts in weight decay only', () => {
    const s = inputsReducer(
      { ...withText, P: '1000', N: '50' },
      { type: 'set', patch: { axis: 'P' } },
    );
    expect([s.P, s.N]).toEqual(['', '50']);
    expect(fieldActs(s, 'P')).toBe(false);
    expect(fieldActs(s, 'gamma')).toBe(false);
    expect(fieldActs({ ...s, regime: 'wd' }, 'gamma')).toBe(true);
    // A regime the fit does not have falls back to gradient flow.
    expect(inputsReducer(s, { type: 'set', patch: { regime: 'bayes' } }).regime).toBe('gf');
  });

  it('asks for runs first, and names the first bad field', () => {
    expect(fitRequest(EMPTY_INPUTS)).toMatchObject({ ok: false, field: 'runs' });
    expect(fitRequest({ ...withText, xMin: '-3' })).toMatchObject({ ok: false, field: 'xMin' });
    expect(fitRequest({ ...withText, floor: 'abc' })).toMatchObject({ ok: false, field: 'floor' });
    expect(fitRequest({ ...withText, sigma2: 'inf' })).toMatchObject({
      ok: false,
      field: 'sigma2',
    });
    expect(fitRequest({ ...withText, P: '0.5' })).toMatchObject({ ok: false, field: 'P' });
    // γ typed under gradient flow does not act, so it cannot be wrong there.
    expect(fitRequest({ ...withText, gamma: 'x' }).ok).toBe(true);
    expect(fitRequest({ ...withText, regime: 'wd', gamma: '0' })).toMatchObject({
      ok: false,
      field: 'gamma',
    });
  });

  it('the options carry what was given, and only that', () => {
    const plain = fitRequest(withText);
    expect(plain).toEqual({
      ok: true,
      source: withText.text,
      name: 'pasted text',
      options: { axis: 'steps', regime: 'gf', params: {}, xMin: 0, holdout: null },
    });
    const full = fitRequest({
      ...withText,
      axis: 'N',
      xMin: '20',
      floor: '0',
      sigma2: '0.1',
      P: '1e4',
      N: '99',
      holdout: true,
    });
    expect(full.ok && full.options).toEqual({
      axis: 'N',
      regime: 'gf',
      params: { P: 1e4 },
      xMin: 20,
      holdout: HOLDOUT_FRACTION,
      floor: 0,
      sigma2: 0.1,
    });
    expect(fitRequest({ ...withText, N: 'inf' })).toMatchObject({
      ok: true,
      options: { params: { N: Infinity } },
    });
    const file = new File(['x'], 'mine.csv');
    expect(fitRequest({ ...withText, file })).toMatchObject({ source: file, name: 'mine.csv' });
  });

  it('the last fit is stale once its inputs change', () => {
    const req = fitRequest(withText);
    if (!req.ok) throw new Error('request');
    const run = { options: req.options } as RunFitRun;
    expect(changedSince(withText, null, null)).toBe(false);
    expect(changedSince(withText, run, withText.text)).toBe(false);
    expect(changedSince({ ...withText, xMin: '5' }, run, withText.text)).toBe(true);
    expect(changedSince({ ...withText, text: 'other' }, run, withText.text)).toBe(true);
    expect(changedSince({ ...withText, holdout: true }, run, withText.text)).toBe(true);
  });
});
