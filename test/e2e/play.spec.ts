// Play and direct manipulation, pass/fail (the frame rate is measured in perf.bench.spec.ts):
// the time cursor sweeps and pauses, a parameter sweep morphs the curve and ends as one history
// entry, the time cursor is dragged and moved by keys, a scaling panel sets P or N, and the
// early-stopping label reveals what training on costs.
import { expect, test, type Page } from '@playwright/test';
import { storeState, waitForCurve, watch } from './helpers.ts';

const cursorT = (page: Page) => page.getByTestId('time-cursor').getAttribute('data-t').then(Number);

test('Play sweeps the time cursor (mode panel following) and Space pauses it', async ({ page }) => {
  const w = watch(page);
  await page.goto('./?v=1&panels=modes');
  await waitForCurve(page);
  await expect(page.locator('svg[data-testid="modes"] g[data-testid="no-data"]')).toHaveCount(0, {
    timeout: 20_000,
  });
  const play = page.getByTestId('play');
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  const seen = new Set<number>();
  const modeX = new Set<string | null>();
  for (let i = 0; i < 8; i++) {
    seen.add(await cursorT(page));
    modeX.add(await page.locator('[data-testid="t-cursor"]').getAttribute('x1'));
    await page.waitForTimeout(120);
  }
  expect(seen.size).toBeGreaterThan(4);
  expect(modeX.size).toBeGreaterThan(4);
  // The read-out follows: it names the cursor's time.
  await expect(page.getByTestId('time-cursor')).toContainText('t = ');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  const t = await cursorT(page);
  await page.waitForTimeout(400);
  expect(await cursorT(page)).toBe(t);
  expect(w.errors).toEqual([]);
});

test('Play sweeps a parameter: the curve morphs, the slider follows, pause leaves one history entry', async ({
  page,
}) => {
  const w = watch(page);
  await page.goto('./?v=1&panels=none');
  await waitForCurve(page);
  await page.getByTestId('play-target').selectOption('P');
  await page.getByTestId('play-from').fill('200');
  await page.getByTestId('play-to').fill('20000');
  await page.getByTestId('play-to').press('Enter');
  const entries = await page.evaluate(() => window.history.length);
  await page.getByTestId('play').click();
  // The frames are computed first, then the curve changes frame after frame.
  await expect(page.getByTestId('play-status')).not.toContainText('Computing', { timeout: 30_000 });
  const ids = new Set<string | null>();
  const Ps = new Set<number>();
  for (let i = 0; i < 8; i++) {
    ids.add(await page.getByTestId('curve-panel').getAttribute('data-curve-id'));
    Ps.add(await storeState<number>(page, 's.params.P'));
    await page.waitForTimeout(100);
  }
  expect(ids.size).toBeGreaterThan(4);
  expect(Ps.size).toBeGreaterThan(4);
  for (const P of Ps) expect(P >= 200 && P <= 20000).toBe(true);
  // The axes hold still during the sweep: a fixed window.
  expect(await storeState<string>(page, 's.view.timeWindow')).toBe('manual');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  const P = await storeState<number>(page, 's.params.P');
  await expect.poll(() => new URL(page.url()).searchParams.get('P')).toBe(String(P));
  expect(await storeState<string>(page, 's.view.timeWindow')).toBe('auto');
  // Replaced while playing, pushed once at the end (the window's two switches are entries too).
  expect(await page.evaluate(() => window.history.length)).toBeLessThanOrEqual(entries + 3);
  await expect(page.getByTestId('slider-P')).toHaveAttribute('aria-valuetext', new RegExp(`^${P}`));
  expect(w.errors).toEqual([]);
});

test('the time cursor is dragged on the curve and moved by keys; read-out and modes follow', async ({
  page,
}) => {
  await page.goto('./?v=1&panels=modes');
  await waitForCurve(page);
  const svg = page.getByTestId('learning-curve');
  const box = (await svg.boundingBox())!;
  const y = box.y + box.height * 0.6;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  const t1 = await cursorT(page);
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
  await page.mouse.up();
  const t2 = await cursorT(page);
  expect(t2).toBeGreaterThan(t1 * 10);
  await expect(page.getByTestId('time-cursor')).toContainText(/Eg = [\d.]/);
  await expect(page.getByTestId('time-cursor')).toContainText(/Etr = [\d.]/);
  await expect
    .poll(() => page.locator('[data-testid="t-cursor"]').count(), { timeout: 20_000 })
    .toBe(1);
  // Keyboard: the focused chart steps the cursor; Escape removes it.
  await expect(svg).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  expect(await cursorT(page)).toBeLessThan(t2);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('time-cursor')).toHaveCount(0);
  // From the keyboard alone: focus (visible ring), Enter holds the cursor at the crosshair.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(svg).toBeFocused();
  expect(await svg.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('time-cursor')).toHaveCount(1);
});

test('a click or drag on a scaling panel sets P or N; the arrow keys step it', async ({ page }) => {
  await page.goto('./?v=1&P=400&N=1000&panels=scalingP,scalingN');
  await waitForCurve(page);
  const panel = page.getByTestId('scaling-P');
  await expect(panel.locator('path[data-series="sweep"]')).toHaveCount(1, { timeout: 30_000 });
  const box = (await panel.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.5);
  await expect.poll(() => storeState<number>(page, 's.params.P')).toBeGreaterThan(400);
  const P = await storeState<number>(page, 's.params.P');
  expect(new URL(page.url()).searchParams.get('P')).toBe(String(P));
  await expect(panel).toBeFocused();
  await expect(panel.locator('path[data-series="sweep"]')).toHaveCount(1, { timeout: 30_000 });
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => storeState<number>(page, 's.params.P')).toBeLessThan(P);
  // N by dragging.
  const n = page.getByTestId('scaling-N');
  await expect(n.locator('path[data-series="sweep"]')).toHaveCount(1, { timeout: 30_000 });
  const nb = (await n.boundingBox())!;
  await page.mouse.move(nb.x + nb.width * 0.5, nb.y + nb.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(nb.x + nb.width * 0.2, nb.y + nb.height * 0.5, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => storeState<number>(page, 's.params.N')).toBeLessThan(1000);
});

test('dragging the early-stopping label reveals the gain; Enter does it from the keyboard', async ({
  page,
}) => {
  await page.goto('./?v=1&panels=none&P=400&N=1000&sigma2=0.1');
  await waitForCurve(page);
  const handle = page.getByTestId('early-stop-handle');
  await expect(page.getByTestId('gain-reveal')).toHaveCount(0);
  const b = (await handle.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2 + 80, b.y + b.height / 2, { steps: 4 });
  await page.mouse.up();
  const reveal = page.getByTestId('gain-reveal');
  await expect(reveal).toContainText('training on: Eg(∞) =');
  // The gain is the engine's: E_g(∞) / E*.
  const gain = await storeState<number>(page, 's.results.curve.earlyStop.gain');
  const shown = (await reveal.textContent())!.match(/([\d.]+)× E\* at t\*/);
  expect(Number(shown![1])).toBeCloseTo(gain, 2);
  // The drag did not place a time cursor.
  await expect(page.getByTestId('time-cursor')).toHaveCount(0);
  await handle.focus();
  await page.keyboard.press('Escape');
  await expect(reveal).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('gain-reveal')).toHaveCount(1);
  expect(await handle.evaluate((el) => getComputedStyle(el).strokeWidth)).toBe('2px');
});

test('inside a lesson, pausing a sweep returns the lesson’s value, and Play is not a user change', async ({
  page,
}) => {
  const w = watch(page);
  await page.goto('./?v=1&lesson=noise');
  await waitForCurve(page);
  const lesson = page.getByTestId('lesson');
  await page.getByTestId('play-target').selectOption('sigma2');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play-status')).not.toContainText('Computing', { timeout: 30_000 });
  await expect.poll(() => storeState<number>(page, 's.params.sigma2')).not.toBe(0.1);
  // While it plays, the lesson says whose the value is, and no "You changed" appears.
  await expect(page.getByTestId('lesson-playing')).toContainText('pausing returns it to 0.1');
  await expect(page.getByTestId('lesson-modified')).toHaveCount(0);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => storeState<number>(page, 's.params.sigma2')).toBe(0.1);
  await waitForCurve(page);
  await expect(lesson).toHaveAttribute('data-modified', 'false');
  await expect(page.getByTestId('lesson-playing')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('sigma2')).toBe('0.1');
  expect(w.errors).toEqual([]);
});
