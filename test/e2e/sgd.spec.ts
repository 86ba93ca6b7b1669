// One-pass SGD in the browser (docs/theory.md §9): choosing the regime (the controls that do not
// act say so), the curve in steps with its strip, the axis switch, the stability edge on the η
// slider and the divergent curve with its reason, the batch/η/schedules panel with the schedules
// pinned, the exponent table, a lesson step, and a link that round-trips every SGD key.
import { expect, test, type Page } from '@playwright/test';
import { storeState, waitForCurve, watch } from './helpers.ts';

async function settled(page: Page, kind: string): Promise<void> {
  await expect
    .poll(() => storeState<string>(page, `s.results.status.${kind}`), { timeout: 60_000 })
    .toBe('ok');
}

test('choose SGD: inactive controls say so, the curve is in steps with its strip and claims', async ({
  page,
}) => {
  const w = watch(page);
  await page.goto('./');
  await waitForCurve(page);
  await page.getByTestId('regime-sgd').click();
  await waitForCurve(page);
  expect(await storeState<string>(page, 's.params.regime')).toBe('sgd');
  const curve = page.locator('svg[data-testid="learning-curve"]');
  await expect(curve).toContainText('steps s');
  await expect(curve.getByTestId('schedule-strip')).toHaveCount(1);
  await expect(curve.locator('path[data-series="flow"]')).toHaveCount(1);
  // P, γ and T do not act: their controls are off and say why.
  for (const key of ['P', 'gamma', 'T']) {
    await expect(page.getByTestId(`slider-${key}`)).toBeDisabled();
    await expect(page.locator(`[data-param="${key}"] .ctl-why`)).toContainText(
      'Inactive under one-pass sgd',
    );
  }
  for (const key of ['eta', 'batch', 'horizon', 'warmup'])
    await expect(page.getByTestId(`slider-${key}`)).toBeEnabled();
  // The wsd decay fraction acts only with wsd.
  await expect(page.locator('[data-param="decay"] .ctl-why')).toContainText('schedule');
  // The stability edge under the η slider, in words.
  const edge = page.getByTestId('eta-slider-edge');
  await expect(edge).toContainText('stable for η <');
  const etaMax = Number(await edge.getAttribute('data-eta-max'));
  expect(etaMax).toBeGreaterThan(0.3);
  const caption = page.getByTestId('caption');
  for (const id of ['sgd-setting', 'sgd-edge', 'sgd-floor', 'sgd-flow'])
    await expect(caption.locator(`[data-claim="${id}"]`)).toHaveCount(1);
  await expect(curve.getByTestId('limit-line')).toHaveCount(1); // the noise floor
  // The switch to intrinsic time.
  await page.getByTestId('steps-axis-intrinsic').click();
  await expect(curve).toContainText('intrinsic time');
  await page.getByTestId('steps-axis-steps').click();
  await expect(curve).toContainText('steps s');
  expect(w.errors).toEqual([]);
});

test('beyond the stability edge the curve diverges, marked, and the caption says why', async ({
  page,
}) => {
  const w = watch(page);
  await page.goto('./?v=1&regime=sgd&eta=0.3&batch=1&horizon=10000');
  await waitForCurve(page);
  const entry = page.getByTestId('entry-eta');
  await entry.fill('0.6');
  await entry.press('Enter');
  await expect(page.getByTestId('divergence-mark')).toHaveCount(1, { timeout: 20_000 });
  const caption = page.getByTestId('caption');
  await expect(caption.locator('[data-claim="sgd-diverges"]')).toContainText('above η');
  await expect(caption.locator('[data-claim="sgd-floor"]')).toHaveCount(0);
  await expect(page.locator('.ctl-edge-text--beyond')).toHaveCount(1);
  expect(w.errors).toEqual([]);
});

test('the batch, learning-rate and schedules panel; the schedules pinned; the exponent table', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto(
    './?v=1&regime=sgd&sigma2=0.05&eta=0.3&batch=1&horizon=10000&panels=sgd,exponents',
  );
  await waitForCurve(page);
  await settled(page, 'sgdSweeps');
  const batch = page.locator('svg[data-testid="sgd-batch"]');
  await expect(batch.locator('path[data-series="at-samples"]')).toHaveCount(1);
  await expect(batch.getByTestId('critical-batch')).toHaveCount(1);
  await expect(page.locator('[data-claim="sgd-critical"]')).toContainText('critical batch');
  const eta = page.locator('svg[data-testid="sgd-eta"]');
  await expect(eta.getByTestId('eta-optimum')).toHaveCount(1);
  await expect(eta.getByTestId('eta-edge')).toHaveCount(1);
  await expect(page.locator('[data-claim="sgd-eta"]')).toContainText('lowest at η*');
  // The schedules side by side: one button pins all three on the curve; the caption says which
  // ends lowest and by how much.
  await page.getByTestId('pin-schedules').click();
  await expect(page.locator('.pins-list .pin[data-pin-index]')).toHaveCount(3);
  await expect(
    page.locator('svg[data-testid="learning-curve"] path[data-series="pin"]'),
  ).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByTestId('caption').locator('[data-claim="sgd-schedules"]')).toContainText(
    'ends lowest',
  );
  // The exponent table in this regime: a row per law, with its condition.
  const table = page.getByTestId('sgd-exponents');
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(table).toContainText('label noise');
  expect(w.errors).toEqual([]);
});

test('a lesson step: too large a learning rate diverges', async ({ page }) => {
  const w = watch(page);
  await page.goto('./?lesson=sgd-edge&step=1');
  await waitForCurve(page);
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toHaveAttribute('data-step', '1');
  await expect(lesson).toContainText('grows without bound; it passes', { timeout: 20_000 });
  await expect(page.getByTestId('divergence-mark')).toHaveCount(1);
  expect(await storeState<number>(page, 's.params.eta')).toBe(0.6);
  expect(w.errors).toEqual([]);
});

test('a link round-trips every SGD key', async ({ page }) => {
  const w = watch(page);
  const query =
    'v=1&regime=sgd&eta=0.25&batch=8&schedule=wsd&horizon=50000&decay=0.3&final=0.1&warmup=200';
  await page.goto(`./?${query}`);
  await waitForCurve(page);
  const keys = ['eta', 'batch', 'schedule', 'horizon', 'decay', 'final', 'warmup'];
  const read = () =>
    storeState<Record<string, unknown>>(
      page,
      `Object.fromEntries(${JSON.stringify(keys)}.map((k) => [k, s.params[k]]))`,
    );
  const want = {
    eta: 0.25,
    batch: 8,
    schedule: 'wsd',
    horizon: 50000,
    decay: 0.3,
    final: 0.1,
    warmup: 200,
  };
  expect(await read()).toEqual(want);
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
  // The page's own link, opened afresh, gives the same state.
  const url = page.url();
  for (const k of keys) expect(url).toContain(`${k}=`);
  const other = await page.context().newPage();
  await other.goto(url);
  await waitForCurve(other);
  expect(
    await storeState<Record<string, unknown>>(
      other,
      `Object.fromEntries(${JSON.stringify(keys)}.map((k) => [k, s.params[k]]))`,
    ),
  ).toEqual(want);
  expect(w.errors).toEqual([]);
});

test('lecture mode: the batch lesson opens the sgd panel on the stage, both sides of B_crit in words', async ({
  page,
}) => {
  const w = watch(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./?lesson=sgd-batch&theme=lecture');
  await waitForCurve(page);
  await expect(page.getByTestId('stage-main')).toHaveAttribute('data-stage', 'sgd');
  await expect(page.getByTestId('stage-main').locator('svg[data-testid="sgd-batch"]')).toHaveCount(
    1,
    { timeout: 60_000 },
  );
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toContainText('On both sides of it', { timeout: 60_000 });
  await expect(lesson).toContainText('Bcrit/4');
  // Both figures of the panel are on the first screen.
  for (const id of ['sgd-batch', 'sgd-eta']) {
    const box = await page.locator(`svg[data-testid="${id}"]`).boundingBox();
    expect(box, id).not.toBeNull();
    expect(box!.y + box!.height, id).toBeLessThanOrEqual(720 + 1);
  }
  expect(w.errors).toEqual([]);
});

test('real SGD on MNIST minibatches: choose SGD and MNIST, run, points beside the theory, cancel', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const w = watch(page);
  await page.goto('./?v=1&panels=simulation');
  await waitForCurve(page);
  await page.getByTestId('regime-sgd').click();
  await waitForCurve(page);
  await page.getByTestId('data-choice').selectOption('mnist');
  await waitForCurve(page);
  expect(await storeState<string>(page, 's.params.data')).toBe('mnist');
  const box = page.getByTestId('sim-box');
  await expect(box).toContainText('Run on real digits');
  // The default N = 10⁵ is above the cap of random features: the kernel limit, said so.
  await expect(page.getByTestId('sgd-pool-note')).toContainText(
    'Runs real one-pass SGD on the pool of 3000 MNIST digits',
  );
  await expect(page.getByTestId('sgd-pool-note')).toContainText('the kernel limit');
  await page.getByTestId('entry-seeds').fill('6');
  await page.getByTestId('entry-seeds').press('Enter');
  await page.getByTestId('sim-run').click();
  const status = page.getByTestId('sim-status');
  await expect(status).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(status).toContainText('Done: 6 seeds');
  const curve = page.locator('svg[data-testid="learning-curve"]');
  await expect(curve.locator('g[data-series="sim"]')).toHaveCount(1);
  await expect(curve.locator('path[data-series="sim-theory"]')).toHaveCount(1);
  await expect(page.getByTestId('legend').first()).toContainText('real digits Eg, 6 seeds');
  await expect(page.getByTestId('legend').first()).toContainText('theory at N = ∞, as run');
  const agreement = page.getByTestId('sim-agreement');
  await expect(agreement).toHaveAttribute('data-claim', 'sim.sgd-pool-agreement');
  await expect(agreement).toContainText('sampled steps the mean lies within 2 s.e.m.');
  const text = (await agreement.textContent()) ?? '';
  const pct = Number(/s\.e\.m\., ([\d.]+) %\)/.exec(text)?.[1]);
  expect(pct).toBeLessThan(10);
  // A longer run (more seeds, B = 8 and 64 features) is cancelled while it runs.
  await page.goto('./?v=1&regime=sgd&data=mnist&N=64&batch=8&seeds=256&panels=simulation');
  await waitForCurve(page);
  await expect(page.getByTestId('sgd-pool-note')).toContainText('N = 64 random ReLU features');
  await page.getByTestId('sim-run').click();
  const progress = page.getByTestId('sim-progress');
  await expect
    .poll(async () => Number(await progress.getAttribute('data-done')), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await page.getByTestId('sim-cancel').click();
  await expect(status).toHaveAttribute('data-status', 'cancelled');
  const stoppedAt = Number(await progress.getAttribute('data-done'));
  await page.waitForTimeout(800);
  expect(Number(await progress.getAttribute('data-done'))).toBe(stoppedAt);
  expect(stoppedAt).toBeLessThan(256);
  expect(w.errors).toEqual([]);
});
