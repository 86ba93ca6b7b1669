// Fit my runs: a bad file refused with its line, paste the runs, fit with progress (and Cancel),
// the fitted curves and their extrapolation, the hold-out against the plain power law, the 68 %
// and 95 % regions on the phase diagram, the exports, "Open as app state" and its link round
// trip; and a file of a million rows read by the worker while the page stays responsive.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { exportItem, recordLongTasks, storeState, waitForCurve, watch } from './helpers.ts';

const RUNS = readFileSync(new URL('../fixtures/runs/steps-3runs.csv', import.meta.url), 'utf8');
const LINK =
  './?v=1&regime=gf&alpha=1.5&beta=2&P=1000&N=inf&sigma2=0&panels=phase,runfit&phase=data-inf';

async function paste(page: Page, text: string) {
  const area = page.getByTestId('runfit-text');
  await area.scrollIntoViewIfNeeded();
  await area.fill(text);
}

test('fit my runs: refuse, fit, regions, extrapolate, hold-out, exports, link', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const w = watch(page);
  await page.goto(LINK);
  await waitForCurve(page);

  // A bad file: refused with its line and the problem (the parser's message).
  await paste(page, 'x,loss\n10,0.5\n20,oops\n');
  await page.getByTestId('runfit-fit').click();
  await expect(page.getByTestId('runfit-error')).toContainText('line 3', { timeout: 20_000 });

  // The runs, the warm-up cut and the hold-out.
  await paste(page, RUNS);
  await page.getByTestId('runfit-xmin').fill('12');
  await page.getByTestId('runfit-holdout').check();

  // Progress, then Cancel stops the fit.
  await page.getByTestId('runfit-fit').click();
  await expect(page.getByTestId('runfit-progress')).toContainText('Fitting', { timeout: 20_000 });
  await page.getByTestId('runfit-cancel').click();
  await expect(page.getByTestId('runfit-cancelled')).toBeVisible();

  // Fit to the end.
  await page.getByTestId('runfit-fit').click();
  const chart = page.locator('svg[data-testid="runfit-chart"]');
  await expect(chart).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('runfit-alpha')).toContainText('α = 1.');
  await expect(page.getByTestId('runfit-beta')).toContainText('β = ');
  await expect(page.getByTestId('runfit-bootstrap')).toContainText('bootstrap over runs');
  await expect(chart.locator('g[data-series="run"]')).toHaveCount(3);
  // x = 10 of each run is left out (x < 12): one ring per run.
  await expect(chart.locator('g.sp-runfit-left-out circle')).toHaveCount(3);
  const curves = chart.locator('g[data-series="fit-curve"]');
  await expect(curves).toHaveCount(3);
  for (const part of ['fit', 'extrap', 'band95', 'band68'])
    expect(
      (await curves.first().locator(`path[data-part="${part}"]`).getAttribute('d'))!.length,
    ).toBeGreaterThan(20);
  // The extrapolation to 10× the largest x, with its bands, in words.
  await expect(page.getByTestId('runfit-extrapolation')).toContainText('10 × the largest measured');
  await expect(page.getByTestId('runfit-extrapolation')).toContainText('95 %:');
  // The hold-out: the split drawn, each run's power law, the two errors side by side.
  await expect(chart.getByTestId('runfit-split')).toHaveCount(1);
  await expect(chart.locator('path[data-series="power-law"]')).toHaveCount(3);
  // The theory fitted on the first part only, continued over the held-out part (one per run).
  const own = chart.locator('path[data-part="holdout-fit"]');
  await expect(own).toHaveCount(3);
  expect((await own.first().getAttribute('d'))!.length).toBeGreaterThan(20);
  await expect(chart.locator('g.sp-legend')).toContainText('theory fitted on the first part');
  const report = page.getByTestId('runfit-holdout-report');
  await expect(report).toContainText('Theory: error');
  await expect(report).toContainText('plain power law');
  if (process.env.SHOTS_DIR)
    await page
      .getByTestId('runfit-panel')
      .screenshot({ path: `${process.env.SHOTS_DIR}/runfit-holdout.png` });

  // The 68 % and 95 % regions on the phase diagram, with the best fit and the note.
  const region = page.locator('svg[data-testid="phase-diagram"] g[data-testid="phase-fit-region"]');
  await expect(region.locator('path[data-coverage]')).toHaveCount(2);
  for (const c of ['0.68', '0.95'])
    expect((await region.locator(`path[data-coverage="${c}"]`).getAttribute('d'))!).toMatch(
      /^M[\d.-]+,[\d.-]+(L[\d.-]+,[\d.-]+){10,}Z$/,
    );
  await expect(page.getByTestId('phase-fit-note')).toContainText('68 %');

  // Exports: the figure and the data.
  const csv = await exportItem(page, 'export-runfit-csv');
  expect(csv.text).toContain('kind,run,x,loss,fitted,lo95,hi95,lo68,hi68,used');
  expect(csv.text).toMatch(/\nextrapolation,P250,/);
  expect(csv.text).toMatch(/\nholdout-fit,P250,/);
  const svg = await exportItem(page, 'export-runfit-svg');
  expect(svg.text).toContain('data-series="fit-curve"');

  // Open as app state: the fitted parameters, in the link; the notice says the file is not.
  const fitted = await storeState<[number, number]>(
    page,
    '[s.results.runfit.result.params.alpha, s.results.runfit.result.params.beta]',
  );
  await page.getByTestId('runfit-open').click();
  await expect(page.getByTestId('runfit-opened')).toContainText('not in the link');
  await expect.poll(() => storeState<number>(page, 's.params.alpha')).toBeCloseTo(fitted[0], 6);
  await expect.poll(() => new URL(page.url()).searchParams.get('alpha')).not.toBe('1.5');
  const url = page.url();
  const here = await storeState<[number, number]>(page, '[s.params.alpha, s.params.beta]');
  await page.goto(url);
  await waitForCurve(page);
  const back = await storeState<[number, number]>(page, '[s.params.alpha, s.params.beta]');
  expect(back).toEqual(here);
  expect(back[0]).toBeCloseTo(fitted[0], 3);
  expect(back[1]).toBeCloseTo(fitted[1], 3);
  expect(w.errors).toEqual([]);
  expect(w.external).toEqual([]);
});

// One-pass SGD runs at three batch sizes (test/fixtures/runs/sgd-3batches.csv: the SGD engine at
// α = 1.5, β = 2, η = 0.3, σ² = 0.05, s = 4 theory steps per step, 2 % noise).
const SGD_RUNS = readFileSync(
  new URL('../fixtures/runs/sgd-3batches.csv', import.meta.url),
  'utf8',
);

test('fit my runs: SGD runs at three batch sizes, fitted in the SGD regime', async ({ page }) => {
  test.setTimeout(300_000);
  const w = watch(page);
  await page.goto('./?v=1&panels=runfit');
  await waitForCurve(page);
  await paste(page, SGD_RUNS);
  await page.getByTestId('runfit-regime').selectOption('sgd');
  // SGD's own fields act; P does not (one-pass SGD sees fresh samples).
  await expect(page.getByTestId('runfit-eta')).toBeEnabled();
  await expect(page.getByTestId('runfit-batch')).toBeEnabled();
  await expect(page.getByTestId('runfit-p')).toBeDisabled();
  await page.getByTestId('runfit-eta').fill('0.3');
  await page.getByTestId('runfit-holdout').check();
  await page.getByTestId('runfit-fit').click();
  const chart = page.locator('svg[data-testid="runfit-chart"]');
  await expect(chart).toBeVisible({ timeout: 280_000 });
  await expect(page.getByTestId('runfit-quality')).toContainText('one-pass SGD');
  await expect(page.getByTestId('runfit-alpha')).toContainText('α = 1.');
  await expect(chart.locator('g[data-series="fit-curve"]')).toHaveCount(3);
  await expect(chart.locator('path[data-part="holdout-fit"]')).toHaveCount(3);
  const fitted = await storeState<{ regime: string; alpha: number; beta: number }>(
    page,
    's.results.runfit.result.params',
  );
  expect(fitted.regime).toBe('sgd');
  expect(Math.abs(fitted.alpha - 1.5)).toBeLessThan(0.3);
  expect(Math.abs(fitted.beta - 2)).toBeLessThan(0.3);
  if (process.env.SHOTS_DIR)
    await page
      .getByTestId('runfit-panel')
      .screenshot({ path: `${process.env.SHOTS_DIR}/runfit-sgd.png` });
  expect(w.errors).toEqual([]);
});

test('a file of a million rows is read by the worker: the page stays responsive', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await recordLongTasks(page);
  await page.goto('./?v=1&panels=runfit');
  await waitForCurve(page);
  const rows = ['x,loss'];
  for (let i = 1; i <= 1_000_000; i++) rows.push(`${i},${(1 + 30 / Math.sqrt(i)).toFixed(6)}`);
  const buffer = Buffer.from(rows.join('\n'));
  await page.getByTestId('runfit-file').setInputFiles({
    name: 'million.csv',
    mimeType: 'text/csv',
    buffer,
  });
  await page.evaluate(() => ((window as unknown as { __longtasks: number[] }).__longtasks = []));
  await page.getByTestId('runfit-fit').click();
  await expect(page.getByTestId('runfit-progress')).toBeVisible({ timeout: 20_000 });
  // While the worker reads and fits, the page answers at once.
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  expect(Date.now() - t0).toBeLessThan(1000);
  await page.getByTestId('runfit-cancel').click();
  await expect(page.getByTestId('runfit-cancelled')).toBeVisible();
  const long = await page.evaluate(
    () => (window as unknown as { __longtasks: number[] }).__longtasks,
  );
  expect(Math.max(0, ...long)).toBeLessThan(500);
});
