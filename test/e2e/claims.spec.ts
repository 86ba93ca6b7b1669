// Honest explanations end to end: the cases users reported, through the stable hooks
// (caption, early-stop, exp-t/P/N, bottleneck, lesson). The numbers behind each claim are checked
// against the engine in test/claims/truth.test.ts; here we check what reaches the page.
import { expect, test, type Page } from '@playwright/test';
import { waitForCurve, watch } from './helpers.ts';

// The cases were reported at P = 400, N = 1000, σ² = 0.05 (the landing state's defaults have
// moved since): a link that does not set them (and opens no lesson) sets these.
const REPORTED: Record<string, string> = { P: '400', N: '1000', sigma2: '0.05' };

async function open(page: Page, query: string): Promise<void> {
  const q = new URLSearchParams(query.replace(/^\?/, ''));
  // A lesson's link carries its own state: nothing is added to it.
  if (!q.has('lesson')) for (const [k, v] of Object.entries(REPORTED)) if (!q.has(k)) q.set(k, v);
  await page.goto(`./?${q.toString()}`);
  await waitForCurve(page);
}

const caption = (page: Page) => page.getByTestId('caption');
const earlyStop = (page: Page) => page.getByTestId('early-stop');

test('α = 4 with the old window: the minimum lies beyond t_max, and "Show it" widens the window', async ({
  page,
}) => {
  const w = watch(page);
  await open(page, '?v=1&alpha=4&tmin=0.01&tmax=1000000');
  await expect(earlyStop(page)).toHaveAttribute('data-case', 'beyond');
  await expect(caption(page)).toContainText('still falling at t');
  await expect(caption(page)).not.toContainText('does not pay');
  const tStar = Number(await earlyStop(page).getAttribute('data-t'));
  expect(tStar).toBeGreaterThan(1e6);
  await page.getByTestId('show-tstar').click();
  await waitForCurve(page);
  await expect(earlyStop(page)).toHaveAttribute('data-case', 'inside');
  await expect(page.locator('[data-testid="early-stop-mark"][data-case="inside"]')).toHaveCount(1);
  expect(Number(new URL(page.url()).searchParams.get('tmax'))).toBeGreaterThanOrEqual(tStar);
  expect(w.errors).toEqual([]);
});

test('a new link opens with an automatic window that contains t*', async ({ page }) => {
  await open(page, '?v=1&alpha=4');
  await expect(earlyStop(page)).toHaveAttribute('data-case', 'inside');
  await expect(page.locator('[data-param="tmax"] .ctl-auto')).toHaveText('auto');
  // Typing a bound makes the window manual.
  const entry = page.locator('[data-param="tmin"] input.ctl-entry');
  await entry.fill('0.1');
  await entry.press('Enter');
  await waitForCurve(page);
  await expect(page.locator('[data-param="tmax"] .ctl-auto')).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('tmin')).toBe('0.1');
});

test('a window before t*: the caption says the minimum lies before the window', async ({
  page,
}) => {
  await open(page, '?v=1&tmin=1e7&tmax=1e8');
  await expect(earlyStop(page)).toHaveAttribute('data-case', 'beyond');
  await expect(caption(page)).toContainText('before the window starts');
  const t = page.getByTestId('exp-t');
  await expect(t).toHaveAttribute('data-fitted', '');
  // The reason is the cell's tip (shown on hover and focus), the claim's own words.
  await expect(t.locator('td[data-col="fitted"] .sp-tip')).toContainText(/rises after t\*/);
});

test('β = 6 and σ² = 10: no fit on the overfitting branch', async ({ page }) => {
  for (const q of ['?v=1&beta=6', '?v=1&sigma2=10']) {
    await open(page, q);
    const t = page.getByTestId('exp-t');
    const fitted = await t.getAttribute('data-fitted');
    if (fitted) expect(Number(fitted)).toBeLessThan(0);
    await expect(t).toHaveAttribute('data-predicted', '');
    await expect(t.locator('td[data-col="predicted"]')).toHaveText(/^n\/a \(/);
  }
});

test('the predicted P exponent does not depend on which panels are visible', async ({ page }) => {
  await open(page, '?v=1&N=inf&sigma2=0&at=inf&panels=exponents');
  const pred = await page.getByTestId('exp-P').getAttribute('data-predicted');
  await expect(page.getByTestId('exp-P')).toHaveAttribute('data-law', '−min(β−1, 2α)');
  expect(Number(pred)).toBe(-1);
  await open(page, '?v=1&N=inf&sigma2=0&at=inf&panels=exponents,scalingP,scalingN');
  await expect(page.getByTestId('exp-P')).toHaveAttribute('data-predicted', pred!);
});

test('N = P: interpolation peak named, peak drawn, no fit across it', async ({ page }) => {
  await open(page, '?v=1&N=400&at=inf&panels=scalingN,exponents');
  await expect(page.getByTestId('bottleneck')).toHaveAttribute('data-kind', 'interpolation');
  await expect(page.getByTestId('bottleneck')).toContainText('Move N away from P');
  await expect(page.locator('svg[data-testid="scaling-N"] [data-testid="peak"]')).toHaveText(
    '→ ∞ at N = P',
    { timeout: 30_000 },
  );
  const n = page.getByTestId('exp-N');
  await expect(n).toHaveAttribute('data-predicted', '');
  const from = await n.getAttribute('data-fit-from');
  const to = await n.getAttribute('data-fit-to');
  if (from && to) expect(Number(to) < 400 || Number(from) > 400).toBe(true);
});

test('Langevin and Bayes: regime-aware diagnosis, no "train longer" where it raises E_g', async ({
  page,
}) => {
  await open(page, '?v=1&regime=langevin');
  await expect(page.getByTestId('bottleneck')).not.toHaveAttribute('data-kind', 'time');
  await expect(page.getByTestId('bottleneck')).toContainText('Training longer does not lower');
  await open(page, '?v=1&regime=bayes');
  await expect(page.getByTestId('bottleneck')).toHaveAttribute('data-kind', 'posterior');
  await expect(caption(page)).toContainText('The posterior has no training time');
  await expect(page.getByTestId('regime-description')).toContainText('no training time');
});

test('P = 10⁷ and N = 1: never "1.0× below"', async ({ page }) => {
  for (const q of ['?v=1&P=10000000', '?v=1&N=1', '?v=1&regime=wd']) {
    await open(page, q);
    await expect(caption(page)).not.toContainText('1.0×');
    await expect(caption(page)).not.toContainText('NaN');
  }
});

test('lessons own their state, say what changed, and stay true after "Try it"', async ({
  page,
}) => {
  await open(page, '?lesson=double-descent');
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toHaveAttribute('data-lesson', 'double-descent');
  await expect(lesson).toHaveAttribute('data-modified', 'false');
  await expect(lesson).toContainText('N = P = 300');
  await expect(lesson).toContainText('(∞) = ∞');
  // "Try it" is the lesson's step, not a user change: no "You changed", the link names the step,
  // the button goes and the step's promise is on screen.
  await page.getByTestId('lesson-try').click();
  await waitForCurve(page);
  await expect(lesson).toHaveAttribute('data-step', '1');
  await expect(lesson).toHaveAttribute('data-modified', 'false');
  await expect(page.getByTestId('lesson-try')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('1');
  await expect(lesson).not.toContainText('diverges');
  await expect(lesson).toContainText('At N = 600, well above P = 300');
  // A change of the user's is named against the step, and "Reset lesson" returns to the step.
  await open(page, '?v=1&lesson=double-descent&step=1&N=800');
  await expect(lesson).toHaveAttribute('data-modified', 'true');
  await expect(page.getByTestId('lesson-modified')).toContainText('N = 600');
  await page.getByRole('button', { name: 'Reset lesson' }).click();
  await waitForCurve(page);
  await expect(lesson).toHaveAttribute('data-modified', 'false');
  await expect(lesson).toHaveAttribute('data-step', '1');
  // "Back" returns to the lesson's own state.
  await page.getByTestId('lesson-back').click();
  await waitForCurve(page);
  await expect(lesson).toHaveAttribute('data-step', '0');
  await expect(lesson).toContainText('N = P = 300');
  // The time lesson quotes its own P, not "a million" over other parameters.
  await open(page, '?lesson=time');
  await expect(lesson).toContainText('P = 10⁶');
});

test('lesson 1 after its Try it: the curve ends at the engine’s floor with its mark, and every sentence is a claim', async ({
  page,
}) => {
  const w = watch(page);
  await open(page, '?lesson=time&step=1');
  await expect(page.getByTestId('lesson')).toHaveAttribute('data-step', '1');
  const mark = page.locator('svg[data-testid="learning-curve"] [data-testid="resolution-floor"]');
  await expect(mark).toHaveCount(1);
  await expect(mark).toContainText('below the engine’s resolution');
  await expect(mark.locator('[data-claim="curve.resolution-floor"]')).toHaveCount(1);
  // The caption, the bottleneck and the lesson's sentences carry the claims behind them.
  for (const id of ['caption.head', 'curve.outcome', 'bottleneck.headline'])
    await expect(page.locator(`[data-claim="${id}"]`).first()).toBeVisible();
  expect(
    await page.locator('[data-testid="lesson"] [data-claim^="lesson."]').count(),
  ).toBeGreaterThan(1);
  expect(w.errors).toEqual([]);
});
