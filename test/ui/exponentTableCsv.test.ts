// The exponent table's CSV: one writer for every regime's rows; the `law` column only where the
// rows name a law (gradient flow's do, one-pass SGD's do not).
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store.ts';
import { exponentTableCsv } from '../../src/ui/panelExports.ts';

const fit = { slope: -0.5, xmin: 10, xmax: 1000 };
const base = { fitWhy: null, verdict: { value: -0.667 }, formula: '−(β−1)/α', condition: 'P ≫ t' };

function body(text: string): string[] {
  return text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
}

describe('exponentTableCsv', () => {
  const s = createAppStore().getState();

  it('writes a law column when the rows name their law', () => {
    const rows = [{ ...base, name: 't (time)', fit, law: 'time law' }];
    const [header, row] = body(exponentTableCsv('what', s, s.params, 'http://x/', rows));
    expect(header).toBe(
      'exponent,fitted,fit_from,fit_to,no_fit_because,predicted,law,formula,condition',
    );
    expect(row).toBe('t (time),-0.5,10,1000,,-0.667,time law,−(β−1)/α,P ≫ t');
  });

  it('leaves the law column out for rows without one, and writes a missing fit as empty', () => {
    const rows = [{ ...base, name: 's (steps)', fit: null, fitWhy: 'no stable slope' }];
    const [header, row] = body(exponentTableCsv('what', s, s.params, 'http://x/', rows));
    expect(header).toBe(
      'exponent,fitted,fit_from,fit_to,no_fit_because,predicted,formula,condition',
    );
    expect(row.startsWith('s (steps),')).toBe(true);
    expect(row.split(',')[4]).toBe('no stable slope');
  });
});
