import { expect, test, type Page } from '@playwright/test';
import { readPngText } from '../../src/charts/pngText.ts';
import { exportItem, storeState, waitForCurve, watch } from './helpers.ts';

// A state the footers below are written for (not the landing state, whose defaults may move).
const STATE = './?v=1&P=400&N=1000&sigma2=0.05';

test('exports: the learning curve as a valid standalone SVG', async ({ page }) => {
  await page.goto(STATE);
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
    /^Gradient flow · α = 1\.5, β = 2, P = 400, N = 1000, σ² = 0\.05 · t from \S+ to \S+ (\(auto\) )?· bottleneck: [A-Z][a-z-]+ Link: /,
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
    await page.goto(STATE);
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
    // The learning curve's footer opens with the regime; another panel's names the panel first.
    expect(what).toMatch(
      plot === 'learning-curve'
        ? /^Gradient flow · α = 1\.5, .*P = 400/
        : /^[A-Z]\S* .* · Gradient flow · α = 1\.5, .*P = 400/,
    );
    expect(link).toBe(`Link: ${page.url()}`);
  });
}

test('exports: curves as CSV (header + numeric rows) and everything as JSON', async ({ page }) => {
  await page.goto(STATE);
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
  expect(comments[0]).toBe('# Scaling Playground: learning curves, with Eg and Etr of each pin');
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
    expect(Number.isFinite(Number(cells[0])) && cells[0] !== '').toBe(true);
    // E_g and E_tr: a number, or empty where the value is below the engine's floor (§5.8).
    for (const c of cells.slice(1, 3)) expect(c === '' || Number.isFinite(Number(c))).toBe(true);
  }
  const numericEg = lines.slice(1).filter((l) => l.split(',')[1] !== '').length;
  expect(numericEg).toBeGreaterThan(40);
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

/** Parse an exported SVG in the page: its errors, the footer's text, and the longest path. */
async function readSvg(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      err: doc.getElementsByTagName('parsererror').length,
      footer: [...root.querySelectorAll('[data-export-footer] text')]
        .map((t) => t.textContent)
        .join(' '),
      longest: Math.max(
        0,
        ...[...root.querySelectorAll('path')].map((e) => e.getAttribute('d')?.length ?? 0),
      ),
      vars: text.includes('var(--'),
    };
  }, xml);
}

/** A data file: its comment lines, then the CSV header and rows. */
function csvDoc(text: string) {
  const lines = text.trim().split('\n');
  const n = lines.findIndex((l) => !l.startsWith('# '));
  return { comments: lines.slice(0, n), header: lines[n].split(','), rows: lines.slice(n + 1) };
}

async function waitForKind(page: Page, kind: string): Promise<void> {
  await expect
    .poll(() => storeState<string>(page, `s.results.status.${kind}`), { timeout: 30_000 })
    .toBe('ok');
}

// The panels exported panel by panel before the panel table: each figure's footer names the
// figure and the ranges it spans, each data file opens with that line, the parameters and the link.
const MEAN_FIELD = [
  // [panel, compute kind, figure, footer's opening words, data file, its CSV header's start]
  [
    'decomposition',
    'parts',
    'decomposition',
    'Eg(t) split into its parts',
    'decomposition',
    't,Eg,signal',
  ],
  ['order', 'order', 'order', 'Order parameters against the timescale τ', 'order', 'tau,kappa'],
  [
    'inspector',
    'mode',
    'inspector',
    'Mode k = 10: learned fraction',
    'inspector',
    't,l_k,l_k_free',
  ],
  ['frontier', 'frontier', 'frontier', 'Best Eg over N at fixed compute', 'frontier', 'C,L_star'],
] as const;

test('exports: the decomposition, order parameters, inspector and frontier, figure and data', async ({
  page,
}) => {
  const w = watch(page);
  await page.goto(
    './?v=1&alpha=1.5&beta=2&P=64&N=128&M=256&sigma2=0.05&panels=decomposition,order,inspector,frontier',
  );
  await waitForCurve(page);
  let checked = 0;
  for (const [, kind, figure, what, data, header] of MEAN_FIELD) {
    await waitForKind(page, kind);
    // The panel draws an answer one deferred render after it is filed (useDeferredValue): until
    // then it shows no data, and so would its export. Export again until the series is drawn.
    let svg = await exportItem(page, `export-${figure}-svg`);
    let parsed = await readSvg(page, svg.text);
    for (let i = 0; i < 20 && parsed.longest <= 60; i++) {
      await page.waitForTimeout(100);
      svg = await exportItem(page, `export-${figure}-svg`);
      parsed = await readSvg(page, svg.text);
    }
    expect(svg.name).toBe(`scaling-playground-${figure}.svg`);
    expect(parsed.err).toBe(0);
    expect(parsed.vars).toBe(false);
    expect(parsed.longest, figure).toBeGreaterThan(60); // a drawn series, not "No data"
    expect(parsed.footer.startsWith(`${what}`), parsed.footer).toBe(true);
    expect(parsed.footer).toMatch(/ · Gradient flow · α = 1\.5, β = 2, P = 64, N = 128, M = 256/);
    expect(parsed.footer.replace(/ /g, '')).toContain(`Link:${page.url()}`);
    const csv = await exportItem(page, `export-${data}-csv`);
    const doc = csvDoc(csv.text);
    expect(doc.comments[0]).toMatch(/^# Scaling Playground: \S/);
    expect(doc.comments[1].startsWith(`# ${what}`), doc.comments[1]).toBe(true);
    expect(doc.comments).toContain(`# link: ${page.url()}`);
    expect(doc.header.join(',').startsWith(header), doc.header.join(',')).toBe(true);
    expect(doc.rows.length).toBeGreaterThan(5);
    for (const row of doc.rows) expect(row.split(',')).toHaveLength(doc.header.length);
    checked++;
  }
  expect(checked).toBe(MEAN_FIELD.length);
  // A PNG of one of them: drawn at twice the size, with its footer as the file's description.
  await page.getByTestId('export-menu').locator('summary').click();
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-order-png').click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  const png = await readFile((await dl.path())!);
  expect(pngSize(png).width).toBe(
    2 * Number(await page.locator('svg[data-testid="order-chart"]').getAttribute('width')),
  );
  expect(readPngText(new Uint8Array(png)).Description).toMatch(
    /^Order parameters against the timescale τ · /,
  );
  expect(w.errors).toEqual([]);
});

test('exports: the MNIST spectrum, figure and the two columns "Your spectrum…" reads', async ({
  page,
}) => {
  const w = watch(page);
  await page.goto('./?v=1&data=mnist&kernel=relu&task=parity');
  await waitForCurve(page);
  await waitForKind(page, 'spectrum');
  const svg = await exportItem(page, 'export-spectrum-svg');
  const parsed = await readSvg(page, svg.text);
  expect(parsed.err).toBe(0);
  expect(parsed.longest).toBeGreaterThan(60);
  expect(parsed.footer).toMatch(/^MNIST, ReLU [^:]*: \d+ modes · .* · k from 1 to \d+ Link:/);
  const csv = await exportItem(page, 'export-spectrum-csv');
  const doc = csvDoc(csv.text);
  expect(doc.comments[0]).toMatch(/^# Scaling Playground: spectrum \(MNIST, ReLU /);
  expect(doc.comments.find((l) => l.startsWith('# fit: lambda_k'))).toMatch(/k = 10…300/);
  expect(doc.comments).toContain(`# link: ${page.url()}`);
  expect(doc.header).toEqual(['lambda', 'power']);
  const modes = Number(/k from 1 to (\d+)/.exec(parsed.footer)![1]);
  expect(doc.rows).toHaveLength(modes);
  expect(w.errors).toEqual([]);
});
