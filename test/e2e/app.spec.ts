import { expect, test } from '@playwright/test';
import { dragSlider, egPath, settled, storeState, waitForCurve, watch } from './helpers.ts';

test('the default page loads with no console error and no request to another host', async ({
  page,
}) => {
  const w = watch(page);
  await page.goto('./');
  await waitForCurve(page);
  await expect(page.locator('h1')).toHaveText('Scaling Playground');
  // The URL is canonicalised: versioned, every parameter written.
  expect(page.url()).toContain('?v=1&regime=gf&alpha=1.5');
  await expect(page.locator('[data-testid="caption"]')).toContainText('α = 1.5');
  await expect(page.locator('svg[data-testid="scaling-P"] path[data-series="sweep"]')).toHaveCount(
    1,
    { timeout: 20_000 },
  );
  await expect(page.locator('svg[data-testid="modes"]')).toHaveCount(1);
  // The formulas arrive a moment later (KaTeX is a lazy chunk), fonts and all from this host.
  await expect(page.locator('[data-testid="formulas"] .katex').first()).toBeVisible({
    timeout: 20_000,
  });
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.fonts].some((f) => f.family.includes('KaTeX') && f.status === 'loaded'),
      ),
    )
    .toBe(true);
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
  await expect(page.getByTestId('compute-error')).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(w.errors).toEqual([]);
  expect(w.external).toEqual([]);
});

test('dragging a slider changes the curve live and the URL', async ({ page }) => {
  const w = watch(page);
  await page.goto('./');
  const before = await waitForCurve(page);
  const urlBefore = page.url();
  await dragSlider(page, 'slider-beta', 60);
  const beta = await storeState<number>(page, 's.params.beta');
  expect(beta).toBeGreaterThan(2);
  await waitForCurve(page);
  expect(await egPath(page)).not.toBe(before);
  expect(page.url()).not.toBe(urlBefore);
  expect(new URL(page.url()).searchParams.get('beta')).toBe(String(beta));
  // One history entry for the whole drag: Back returns to the state before it.
  await page.goBack();
  await expect.poll(() => storeState<number>(page, 's.params.beta')).toBe(2);
  await waitForCurve(page);
  expect(await egPath(page)).toBe(before);
  expect(w.errors).toEqual([]);
});

test('a copied link opened in a fresh page gives identical curves', async ({ page, browser }) => {
  await page.goto('./?v=1&alpha=1.8&beta=2.6&P=800&N=inf&sigma2=0.02&regime=wd&gamma=0.0003');
  await waitForCurve(page);
  await page.getByTestId('copy-link').click();
  const link = await page.getByTestId('share-url').inputValue();
  expect(link).toBe(page.url());
  const eg = await egPath(page);
  const etr = await page.locator('path[data-series="Etr"]').getAttribute('d');
  const sweep = await page
    .locator('svg[data-testid="scaling-P"] path[data-series="sweep"]')
    .getAttribute('d');

  const fresh = await browser.newContext({ viewport: page.viewportSize() });
  const other = await fresh.newPage();
  const w = watch(other);
  await other.goto(link);
  await waitForCurve(other);
  expect(await egPath(other)).toBe(eg);
  expect(await other.locator('path[data-series="Etr"]').getAttribute('d')).toBe(etr);
  await expect(
    other.locator('svg[data-testid="scaling-P"] path[data-series="sweep"]'),
  ).toHaveAttribute('d', sweep!, { timeout: 20_000 });
  expect(other.url()).toBe(link);
  expect(w.errors).toEqual([]);
  await fresh.close();
});

test('back and forward restore parameters, view and curve', async ({ page }) => {
  await page.goto('./');
  const d0 = await waitForCurve(page);
  const url0 = page.url();
  // Keyboard: focus the α slider, one arrow = one history entry.
  await page.getByTestId('slider-alpha').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => storeState<number>(page, 's.params.alpha')).toBe(1.55);
  const d1 = await waitForCurve(page);
  const url1 = page.url();
  // A view change is history too.
  await page.getByTestId('regime-wd').check();
  await waitForCurve(page);
  const url2 = page.url();
  expect(new Set([url0, url1, url2]).size).toBe(3);

  await page.goBack();
  await expect.poll(() => storeState<string>(page, 's.params.regime')).toBe('gf');
  expect(page.url()).toBe(url1);
  await waitForCurve(page);
  expect(await egPath(page)).toBe(d1);
  await page.goBack();
  await expect.poll(() => storeState<number>(page, 's.params.alpha')).toBe(1.5);
  await waitForCurve(page);
  expect(await egPath(page)).toBe(d0);
  await expect(page.getByTestId('entry-alpha')).toHaveValue('1.5');
  await page.goForward();
  await page.goForward();
  await expect.poll(() => storeState<string>(page, 's.params.regime')).toBe('wd');
  await expect(page.getByTestId('regime-wd')).toBeChecked();
  expect(page.url()).toBe(url2);
});

test('hostile links show the notice and leave a working page', async ({ page }) => {
  const w = watch(page);
  const evil = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
  await page.goto(
    `./?v=9&alpha=99&beta=NaN&P=${evil}&${evil}=1&lesson=${evil}&pins=${evil}&theme=%3Cscript%3Ealert(1)%3C/script%3E&N=${'9'.repeat(500)}&P=2`,
  );
  const notice = page.getByTestId('url-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('alpha');
  await expect(notice).toContainText('version');
  await expect(notice).toContainText('<img'); // shown as text…
  expect(await page.locator('img').count()).toBe(0); // …never as markup
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  await waitForCurve(page);
  expect(await storeState<number>(page, 's.params.alpha')).toBe(4);
  // The address bar now holds the cleaned, canonical link.
  expect(page.url()).not.toContain('img');
  expect(page.url()).toContain('alpha=4');
  // The page still works.
  await page.getByTestId('slider-P').focus();
  await page.keyboard.press('ArrowUp');
  await waitForCurve(page);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(w.errors).toEqual([]);
});

test('a simulation too large to run says so before Run, and Run waits for sizes it takes', async ({
  page,
}) => {
  await page.goto('./?v=1&P=6000&N=6000');
  await waitForCurve(page);
  // min(P, N, M) = 6000 is beyond what the exact simulator diagonalises: the box says why, and
  // neither the button nor the key starts a run that would fail.
  await expect(page.getByTestId('sim-too-large')).toContainText('min(P, N, M) = 6000');
  await expect(page.getByTestId('sim-too-large')).toContainText('stops at 4096');
  await expect(page.getByTestId('sim-run')).toBeDisabled();
  await page.locator('body').press('r');
  await page.waitForTimeout(300);
  await expect(page.getByTestId('sim-status')).toHaveCount(0);
  const banner = page.getByTestId('compute-error');
  await expect(banner).toHaveCount(0);
  // Smaller sizes run.
  await page.getByTestId('entry-P').fill('64');
  await page.getByTestId('entry-P').press('Enter');
  await page.getByTestId('entry-N').fill('64');
  await page.getByTestId('entry-N').press('Enter');
  await page.getByTestId('entry-seeds').fill('2');
  await page.getByTestId('entry-seeds').press('Enter');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'done', {
    timeout: 30_000,
  });
  await expect(banner).toHaveCount(0);
});

test('a crashed worker is restarted', async ({ page }) => {
  await page.goto('./');
  await waitForCurve(page);
  await page.evaluate(() =>
    (window as unknown as { __sp: { crash(w: string): void } }).__sp.crash('main'),
  );
  // The crash has no call in flight: the next request starts a fresh worker.
  await page.getByTestId('slider-alpha').focus();
  await page.keyboard.press('ArrowRight');
  await waitForCurve(page);
  await expect(page.getByTestId('compute-error')).toHaveCount(0);
});

test('keyboard: help overlay, lecture mode, pins', async ({ page }) => {
  const w = watch(page);
  await page.goto('./');
  await waitForCurve(page);
  await page.keyboard.press('?');
  const help = page.getByTestId('help');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Lecture mode');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  await page.keyboard.press('l');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'lecture');
  expect(page.url()).toContain('theme=lecture');
  await page.keyboard.press('l');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'normal');

  await page.keyboard.press('k');
  await page.getByTestId('entry-sigma2').fill('0.2');
  await page.getByTestId('entry-sigma2').press('Enter');
  await waitForCurve(page);
  // The pin holds the landing state's σ² = 0 (the parameter table's default).
  await expect(page.locator('.pin-label')).toHaveText('σ² = 0');
  await expect(page.locator('path[data-series="pin"]')).toHaveCount(1);
  expect(page.url()).toContain('pins=sigma2:0');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('K');
  await expect(page.locator('path[data-series="pin"]')).toHaveCount(0);
  expect(w.errors).toEqual([]);
});

test('typed entry rejects garbage inline and keeps the last good value', async ({ page }) => {
  await page.goto('./');
  await waitForCurve(page);
  const entry = page.getByTestId('entry-P');
  await entry.fill('lots');
  await entry.press('Enter');
  await expect(page.getByTestId('msg-P')).toContainText('Not a number');
  // The landing state's P = 10⁶ (the parameter table's default) is kept.
  expect(await storeState<number>(page, 's.params.P')).toBe(1e6);
  await entry.fill('1e3');
  await entry.press('Enter');
  await expect.poll(() => storeState<number>(page, 's.params.P')).toBe(1000);
  await expect(page.getByTestId('msg-P')).toHaveCount(0);
});

test('a panel behind the curve dims its content once the wait lasts, its heading never', async ({
  page,
}) => {
  await page.goto('./?v=1&panels=formulas,exponents');
  // Settled: no render of these panels comes after (it would set their class anew).
  await settled(page);
  for (const [panel, content] of [
    ['.panel-exponents', '.sp-exponents'],
    ['.panel-formulas', '.sp-formulas'],
  ]) {
    const opacity = (sel: string) =>
      page.evaluate((s) => getComputedStyle(document.querySelector(s)!).opacity, sel);
    // The class the panel takes while it is held behind the curve (state/hooks.ts updatingProps).
    await page.evaluate((s) => document.querySelector(s)!.classList.add('is-updating'), panel);
    expect(await opacity(`${panel} ${content}`)).toBe('1'); // not at once: no flicker in a drag
    await expect.poll(() => opacity(`${panel} ${content}`)).toBe('0.55');
    expect(await opacity(`${panel} > h2`)).toBe('1');
    await page.evaluate((s) => document.querySelector(s)!.classList.remove('is-updating'), panel);
    expect(await opacity(`${panel} ${content}`)).toBe('1'); // restored at once
  }
});

test('during a drag a formula out of view keeps what it shows, and catches up in view or at the end', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./?v=1');
  await settled(page);
  const tex = () =>
    page.evaluate(() =>
      document.querySelector('[data-formula=exponents] [data-tex]')!.getAttribute('data-tex')!,
    );
  const updating = page.locator('.panel-formulas');
  // Below the fold at this size (the last formula of the panel).
  const top = await page.evaluate(
    () => document.querySelector('[data-formula=exponents]')!.getBoundingClientRect().top,
  );
  expect(top).toBeGreaterThan(900 + 50);
  const box = (await page.getByTestId('slider-alpha').boundingBox())!;
  const y = box.y + box.height / 2;
  /** Drag α from `from` to `to` (fractions of the track) over ~1 s, the button kept down. */
  const drag = async (from: number, to: number) => {
    await page.mouse.move(box.x + box.width * from, y);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) {
      await page.mouse.move(box.x + box.width * (from + ((to - from) * i) / 30), y);
      await page.waitForTimeout(30);
    }
  };
  for (const end of ['release', 'scroll'] as const) {
    const before = await tex();
    const alpha = await storeState<number>(page, 's.params.alpha');
    await drag(end === 'release' ? 0.3 : 0.6, end === 'release' ? 0.6 : 0.35);
    // Past several hand-overs (every 250 ms), the drag still going on: α moved, the formula not.
    expect(await storeState<number>(page, 's.params.alpha')).not.toBe(alpha);
    expect(await tex()).toBe(before);
    await expect(updating).toHaveClass(/is-updating/);
    if (end === 'scroll') {
      // Scrolled into view, it follows at once, the button still down.
      await page.evaluate(() =>
        document.querySelector('[data-formula=exponents]')!.scrollIntoView({ block: 'center' }),
      );
      await expect.poll(tex).not.toBe(before);
    }
    await page.mouse.up();
    await settled(page);
    await expect.poll(tex).not.toBe(before);
    await expect(updating).not.toHaveClass(/is-updating/);
    await page.evaluate(() => window.scrollTo(0, 0));
  }
});
