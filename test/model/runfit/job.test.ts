// The fit as the worker runs it (parse + fit): refusals with the parser's line, the fit's own
// refusals, cancellation between two evaluations, progress thinned to what a bar shows (stage
// changes and steps of 1 %, monotone within a run of one stage, ending at 1), and a fit's counts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PROGRESS_STEP,
  runFitJob,
  thinProgress,
  type FitProgress,
} from '../../../src/model/runfit/index.ts';

const STEPS = readFileSync(new URL('../../fixtures/runs/steps-3runs.csv', import.meta.url), 'utf8');
/** One run of the fixture (20 points): a quick fit. */
const ONE_RUN = STEPS.split('\n')
  .filter((l, i) => i === 0 || l.includes(',P1000,'))
  .join('\n');

describe('runFitJob', () => {
  it('refuses a bad file with the parser’s line and message', () => {
    const o = runFitJob('x,loss\n1,0.5\n2,abc\n', { axis: 'steps' });
    expect(o.kind).toBe('refused');
    if (o.kind !== 'refused') return;
    expect(o.line).toBe(3);
    expect(o.message).toMatch(/^line 3: /);
  });

  it('refuses a bad JSON file (no line) and an empty text', () => {
    const json = runFitJob('{"format": "other"}', { axis: 'steps' });
    expect(json).toMatchObject({ kind: 'refused', line: null });
    expect(runFitJob('', { axis: 'P' }).kind).toBe('refused');
  });

  it('passes the fit’s own refusals on (too few points after the warm-up cut, a bad σ²)', () => {
    const cut = runFitJob(ONE_RUN, { axis: 'steps', xMin: 5e4 });
    expect(cut).toMatchObject({ kind: 'refused', line: null });
    if (cut.kind === 'refused') expect(cut.message).toMatch(/at least 8 are needed/);
    const s2 = runFitJob(ONE_RUN, { axis: 'steps', sigma2: -1 });
    expect(s2.kind).toBe('refused');
  });

  it('stops at the first check after a cancel, with the outcome cancelled', () => {
    let reports = 0;
    const o = runFitJob(
      ONE_RUN,
      { axis: 'steps', bootstrap: 0 },
      { onProgress: () => reports++, shouldCancel: () => reports > 0 },
    );
    expect(o).toEqual({ kind: 'cancelled' });
    expect(reports).toBeGreaterThan(0);
  });

  it('fits and reports thinned progress ending at 1; the warm-up points marked unused', () => {
    const seen: FitProgress[] = [];
    const o = runFitJob(
      ONE_RUN,
      { axis: 'steps', bootstrap: 0, xMin: 12 },
      { onProgress: (p) => seen.push(p) },
    );
    expect(o.kind).toBe('fitted');
    if (o.kind !== 'fitted') return;
    expect([o.runs, o.rows]).toEqual([1, 20]);
    // x = 10 is left out; x = 16.2378 (the smallest used) is used, exactly as the fit used it.
    const used = o.result.runs[0].used;
    expect(Array.from(used.slice(0, 3))).toEqual([0, 1, 1]);
    expect(used.reduce((s, u) => s + u, 0)).toBe(19);
    expect(o.result.quality.n).toBe(19);
    expect(o.set.runs[0].x.length).toBe(20);
    expect(o.result.alpha.ci95[0]).toBeLessThanOrEqual(o.result.alpha.value);
    // Thinned: at most one report per 1 % and per stage change (plus the last), not one per
    // evaluation (the fit makes hundreds).
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.length).toBeLessThanOrEqual(1 / PROGRESS_STEP + 12);
    expect(seen.length).toBeLessThan(o.result.work.evaluations);
    expect(seen.at(-1)?.fraction).toBeCloseTo(1, 12);
    expect(seen.at(-1)?.stage).toBe('curves');
  });
});

describe('thinProgress', () => {
  it('passes stage changes and advances of 1 %, drops the rest', () => {
    const out: number[] = [];
    const f = thinProgress((p) => out.push(p.fraction));
    const at = (stage: FitProgress['stage'], fraction: number) =>
      f({ stage, done: 0, total: 1, fraction });
    at('grid', 0);
    at('grid', 0.004);
    at('grid', 0.011);
    at('grid', 0.015);
    at('refine', 0.016);
    at('refine', 1);
    expect(out).toEqual([0, 0.011, 0.016, 1]);
  });
});
