import { expect, test } from '@playwright/test';
import { readPngText } from '../../src/charts/pngText.ts';
import { exportItem, waitForCurve } from './helpers.ts';

test('exports: the learning curve as a valid standalone SVG', async ({ page }) => {
  await page.goto('./');
  await waitForCurve(page);
  const { name, text } = await exportItem(page, 'export-learning-curve-svg');
  expect(name).toMatch(/\.svg$/);
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
    const err = doc.getElementsByTagName('parsererror').length;
    const root = doc.documentElement;
    return {
      err,
      tag: root.tagName,
      ns: root.getAttribute('xmlns'),
      eg: root.querySelector('path[data-series="Eg"]')?.getAttribute('d') ?? '',
      vars: xml.includes('var(--'),
      footer: [...root.querySelectorAll('[data-export-footer] text')].map((t) => t.textContent),
      footerTop: Number(
        root.querySelector('[data-export-footer] text')?.getAttribute('y') ?? Number.NaN,
      ),
      chartHeight: Number(
        document.querySelector('svg[data-testid="learning-curve"]')?.getAttribute('height'),
      ),
    };
  }, text);
  expect(parsed.err).toBe(0);
  expect(parsed.tag).toBe('svg');
  expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
  expect(parsed.eg.length).toBeGreaterThan(20);
  expect(parsed.vars).toBe(false); // colours inlined: renders the same outside the app
  // The footer says what the figure shows and carries the link that reproduces it.
  const full = parsed.footer.join(' ');
  expect(full).toMatch(
    /^Gradient flow · α = 1\.5, β = 2, P = 400, N = 1000, σ² = 0\.05 · t from \S+ to \S+ · bottleneck: [A-Z][a-z-]+ Link: /,
  );
  expect(full.slice(full.indexOf('Link:')).replace(/ /g, '')).toBe(`Link:${page.url()}`);
  expect(parsed.footerTop).toBeGreaterThan(parsed.chartHeight);
});

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking the signature. */
function pngSize(buf: Buffer): { width: number; height: number } {
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(buf.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

for (const [plot, drawn] of [
  ['learning-curve', 'path[data-series="Eg"]'],
  ['scaling-P', 'path[data-series="sweep"]'],
  ['modes', 'g[data-series="heatmap"]'],
] as const) {
  test(`exports: PNG of the ${plot} panel`, async ({ page }) => {
    await page.goto('./');
    await waitForCurve(page);
    await expect(page.locator(`svg[data-testid="${plot}"] ${drawn}`)).toHaveCount(1, {
      timeout: 20_000,
    });
    const menu = page.getByTestId('export-menu');
    await menu.locator('summary').click();
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(`export-${plot}-png`).click(),
    ]);
    expect(dl.suggestedFilename()).toMatch(new RegExp(`${plot}.*\\.png$`));
    const { readFile } = await import('node:fs/promises');
    const buf = await readFile((await dl.path())!);
    const { width, height } = pngSize(buf);
    const onScreen = await page.locator(`svg[data-testid="${plot}"]`).evaluate((el) => ({
      w: Number(el.getAttribute('width')),
      h: Number(el.getAttribute('height')),
    }));
    // Twice the on-screen size (the default 1280 × 720 viewport): sharp enough to print; taller
    // by the footer drawn below the chart.
    expect(width).toBe(2 * onScreen.w);
    expect(height).toBeGreaterThan(2 * onScreen.h + 2 * 3 * 11);
    expect(buf.length).toBeGreaterThan(10_000); // a drawn chart, not an empty canvas
    // The footer's text is also in the file, as its description.
    const text = readPngText(new Uint8Array(buf));
    const [what, link] = text.Description.split('\n');
    expect(what).toMatch(/^Gradient flow · α = 1\.5, .*P = 400/);
    expect(link).toBe(`Link: ${page.url()}`);
  });
}

test('exports: curves as CSV (header + numeric rows) and everything as JSON', async ({ page }) => {
  await page.goto('./');
  await waitForCurve(page);
  await page.keyboard.press('k'); // a pin adds a column
  await page.getByTestId('entry-P').fill('800');
  await page.getByTestId('entry-P').press('Enter');
  await waitForCurve(page);
  await expect(page.locator('path[data-series="pin"]')).toHaveCount(1);
  const csv = await exportItem(page, 'export-csv');
  expect(csv.name).toMatch(/\.csv$/);
  const all = csv.text.trim().split('\n');
  // It opens with what it holds, its parameters and its link, as comment lines.
  const comments = all.filter((l) => l.startsWith('# '));
  expect(all.slice(0, comments.length)).toEqual(comments);
  expect(comments[0]).toBe('# Scaling Playground: learning curves, with E_g and E_tr of each pin');
  expect(comments).toContain(`# link: ${page.url()}`);
  expect(comments.find((l) => l.startsWith('# params: '))).toMatch(/regime=gf, .*P=800/);
  const lines = all.slice(comments.length);
  const header = lines[0].split(',');
  // The pin, taken at P = 400, is labelled with its own P, and brings E_g and E_tr.
  expect(header).toEqual(['t', 'Eg', 'Etr', 'Eg_P = 400', 'Etr_P = 400']);
  expect(lines.length).toBe(61); // nt = 60 rows
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    expect(cells).toHaveLength(5);
    for (const c of cells.slice(0, 3)) expect(Number.isFinite(Number(c)) && c !== '').toBe(true);
  }
  const json = await exportItem(page, 'export-json');
  const doc = JSON.parse(json.text);
  expect(doc.format).toBe('scaling-playground/state');
  expect(doc.params.P).toBe(800);
  expect(doc.params.M).toBe('inf');
  expect(doc.curve.Eg).toHaveLength(60);
  expect(doc.pins).toHaveLength(1);
  expect(doc.pins[0].label).toBe('P = 400');
  expect(doc.url).toBe(page.url());
  // The file starts with the parameters and the link.
  expect(Object.keys(doc).slice(0, 4)).toEqual(['format', 'version', 'params', 'url']);
  // The legend names each curve by its own P: the pin's, and the current one's.
  const legend = await page
    .locator('svg[data-testid="learning-curve"] [data-testid="legend"]')
    .textContent();
  expect(legend).toContain('P = 400');
  expect(legend).toContain('P = 800');
  await expect(page.getByTestId('pin-current')).toHaveText('now: P = 800');
});
