// Shared end-to-end helpers: open the app, collect console errors and off-host requests, wait
// for the curve, drag a slider, read downloads.
import { expect, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export interface Watch {
  errors: string[];
  external: string[];
}

/** Record console errors, uncaught exceptions and any request to another host. */
export function watch(page: Page): Watch {
  const w: Watch = { errors: [], external: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (
      !['127.0.0.1', 'localhost'].includes(u.hostname) &&
      !['data:', 'blob:'].includes(u.protocol)
    )
      w.external.push(r.url());
  });
  return w;
}

/** Wait until the current curve has been computed and drawn (no request pending). */
export async function waitForCurve(page: Page): Promise<string> {
  const path = page.locator('svg[data-testid="learning-curve"] path[data-series="Eg"]');
  await expect(path).toHaveCount(1, { timeout: 20_000 });
  await expect.poll(async () => (await computeStatus(page)).curve, { timeout: 20_000 }).toBe('ok');
  const d = (await path.getAttribute('d')) ?? '';
  expect(d.length).toBeGreaterThan(20);
  return d;
}

export async function egPath(page: Page): Promise<string> {
  return (
    (await page
      .locator('svg[data-testid="learning-curve"] path[data-series="Eg"]')
      .getAttribute('d')) ?? ''
  );
}

/** The status of every compute kind (store.ts results.status), through the debug handle. */
export function computeStatus(page: Page): Promise<Record<string, string>> {
  return storeState<Record<string, string>>(page, 's.results.status');
}

/** Store state read through the debug handle. */
export async function storeState<T>(page: Page, pick: string): Promise<T> {
  return page.evaluate((expr) => {
    const s = (
      window as unknown as { __sp: { store: { getState(): unknown } } }
    ).__sp.store.getState();
    return new Function('s', `return (${expr});`)(s) as unknown;
  }, pick) as Promise<T>;
}

/** Drag a range input's thumb from its current position by `dx` pixels in `steps` moves. */
export async function dragSlider(
  page: Page,
  testid: string,
  dx: number,
  steps = 10,
): Promise<void> {
  const slider = page.getByTestId(testid);
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const { value, max } = await slider.evaluate((el: HTMLInputElement) => ({
    value: Number(el.value),
    max: Number(el.max),
  }));
  // Chromium's thumb is ~16 px wide; its centre runs from 8 px to width − 8 px.
  const x0 = box.x + 8 + ((box.width - 16) * value) / max;
  const y = box.y + box.height / 2;
  await page.mouse.move(x0, y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x0 + (dx * i) / steps, y);
    await page.waitForTimeout(30);
  }
  await page.mouse.up();
}

export async function downloadText(
  page: Page,
  open: () => Promise<void>,
): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), open()]);
  return { name: dl.suggestedFilename(), text: await readDownload(dl) };
}

async function readDownload(dl: Download): Promise<string> {
  const path = await dl.path();
  return readFile(path!, 'utf8');
}

/** Click an item of the export menu. */
export async function exportItem(
  page: Page,
  testid: string,
): Promise<{ name: string; text: string }> {
  const menu = page.getByTestId('export-menu');
  if (!(await menu.evaluate((d: HTMLDetailsElement) => d.open)))
    await menu.locator('summary').click();
  return downloadText(page, () => page.getByTestId(testid).click());
}

/** From the next page load on, collect the durations of long tasks (> 50 ms) in window.__longtasks. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longtasks: number[] };
    w.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longtasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Wait until nothing is pending in the store (every shown panel computed). */
export async function settled(page: Page): Promise<void> {
  await waitForCurve(page);
  await expect
    .poll(
      async () => Object.values(await computeStatus(page)).filter((x) => x === 'pending').length,
      { timeout: 60_000 },
    )
    .toBe(0);
  // Panels held behind the curve are dimmed (aria-busy) until they catch up (panelHold.ts): axe
  // (a11y.spec.ts) would read the dimmed text's contrast. Wait until no section is marked busy.
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 30_000 }).toBe(0);
}
