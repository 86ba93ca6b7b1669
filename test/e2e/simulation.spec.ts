import { expect, test } from '@playwright/test';
import { exportItem, waitForCurve, watch } from './helpers.ts';

// Small enough to run in a few seconds in CI: P = N = 64, M = 256.
const SMALL =
  './?v=1&regime=gf&alpha=1.5&beta=2&P=64&N=64&M=256&sigma2=0.05&tmin=0.01&tmax=10000&nt=40';

interface SimDoc {
  sim: {
    status: string;
    current: boolean;
    params: { M: number };
    result: { t: number[]; EgMean: number[]; EgSem: number[]; seeds: number };
    theory: { t: number[]; Eg: number[]; params: { M: number } };
  };
}

/** log-log interpolation of (ts, ys) at t. */
function interp(ts: number[], ys: number[], t: number): number {
  for (let j = 0; j + 1 < ts.length; j++) {
    if (t >= ts[j] && t <= ts[j + 1]) {
      const f = Math.log(t / ts[j]) / Math.log(ts[j + 1] / ts[j]);
      return Math.exp(Math.log(ys[j]) + f * Math.log(ys[j + 1] / ys[j]));
    }
  }
  return NaN;
}

test('simulation: progress is shown and a run can be cancelled', async ({ page }) => {
  const w = watch(page);
  // Large enough that 256 seeds take far longer than the test waits.
  await page.goto('./?v=1&regime=gf&alpha=1.5&beta=2&P=400&N=400&M=1600&sigma2=0.05&seeds=256');
  await waitForCurve(page);
  await page.getByTestId('sim-run').click();
  const progress = page.getByTestId('sim-progress');
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'running');
  await expect
    .poll(async () => Number(await progress.getAttribute('data-done')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await expect(page.getByTestId('sim-cancel')).toBeEnabled();
  await page.keyboard.press('x');
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'cancelled');
  const stoppedAt = Number(await progress.getAttribute('data-done'));
  await page.waitForTimeout(800);
  expect(Number(await progress.getAttribute('data-done'))).toBe(stoppedAt); // really stopped
  expect(stoppedAt).toBeLessThan(256);
  await expect(page.getByTestId('sim-cancel')).toBeDisabled();
  // The partial result stays on the plot.
  await expect(page.locator('g[data-series="sim"]')).toHaveCount(1);
  expect(w.errors).toEqual([]);
});

test('simulation: a completed run agrees with the theory at the same M', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto(`${SMALL}&seeds=8`);
  await waitForCurve(page);
  const progress = page.getByTestId('sim-progress');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'done', {
    timeout: 60_000,
  });
  await expect(progress).toHaveAttribute('data-done', '8');
  await expect(page.locator('g[data-series="sim"]')).toHaveCount(1);
  await expect(page.locator('path[data-series="sim-theory"]')).toHaveCount(1, { timeout: 20_000 });

  const { text } = await exportItem(page, 'export-json');
  const doc = JSON.parse(text) as SimDoc;
  expect(doc.sim.status).toBe('done');
  expect(doc.sim.current).toBe(true);
  expect(doc.sim.result.seeds).toBe(8);
  expect(doc.sim.params.M).toBe(256);
  expect(doc.sim.theory.params.M).toBe(256);
  const { t, EgMean, EgSem } = doc.sim.result;
  let checked = 0;
  for (let i = 0; i < t.length; i++) {
    const th = interp(doc.sim.theory.t, doc.sim.theory.Eg, t[i]);
    if (!Number.isFinite(th)) continue;
    const gap = Math.abs(EgMean[i] - th);
    expect(gap, `t = ${t[i]}: sim ${EgMean[i]} ± ${EgSem[i]}, theory ${th}`).toBeLessThanOrEqual(
      4 * EgSem[i] + 0.05 * th,
    );
    checked++;
  }
  expect(checked).toBeGreaterThanOrEqual(10);

  // The simulation CSV has the same numbers, after comment lines giving its own parameters (the
  // simulation's finite M) and the link.
  const csv = await exportItem(page, 'export-sim-csv');
  const all = csv.text.trim().split('\n');
  const comments = all.filter((l) => l.startsWith('# '));
  expect(comments[0]).toBe('# Scaling Playground: exact simulation, 8 seeds');
  expect(comments.find((l) => l.startsWith('# params: '))).toContain('M=256');
  expect(comments).toContain(`# link: ${page.url()}`);
  const lines = all.slice(comments.length);
  expect(lines[0]).toBe('t,Eg_mean,Eg_sem,Etr_mean,Etr_sem,Eg_theory,Etr_theory');
  expect(lines).toHaveLength(t.length + 1);
  expect(Number(lines[1].split(',')[1])).toBeCloseTo(EgMean[0], 12);
  expect(w.errors).toEqual([]);
});
