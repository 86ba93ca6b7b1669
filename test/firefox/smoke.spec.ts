// Firefox smoke suite (part of `npm test`, after the Chromium end-to-end tests): Debian's
// firefox-esr, headless, driven by puppeteer-core over WebDriver BiDi, against the test build
// (dist-e2e, with its hooks), served by Vite's preview server on a free port. It checks what a
// student opening a link in Firefox needs: the default page loads without console errors, a
// slider drag changes the curve, a copied link gives the same figure, a simulation runs and
// cancels, and an export is downloaded.
//   Run alone: npm run -s build:e2e && npm run test:firefox
//   FIREFOX_PATH: the browser (default /usr/bin/firefox-esr).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { preview, type PreviewServer } from 'vite';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const OUT_DIR = 'dist-e2e';
const SMALL = '?v=1&regime=gf&alpha=1.5&beta=2&P=64&N=64&M=256&sigma2=0.05&nt=40';

let server: PreviewServer;
let browser: Browser;
let base = '';
let downloads = '';

before(async () => {
  assert.ok(existsSync(FIREFOX), `Firefox not found at ${FIREFOX} (set FIREFOX_PATH)`);
  assert.ok(existsSync(`${OUT_DIR}/index.html`), `build ${OUT_DIR} first (npm run build:e2e)`);
  // Port 0: the system picks a free port, so this never clashes with another server.
  server = await preview({
    logLevel: 'silent',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  base = server.resolvedUrls!.local[0];
  downloads = await mkdtemp(join(tmpdir(), 'sp-firefox-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // Downloads go to a known folder without asking.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      // No calls home from a test browser.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (downloads) await rm(downloads, { recursive: true, force: true });
});

interface Watched {
  page: Page;
  errors: string[];
}

/** A fresh page at 1280 × 800 recording console errors and uncaught exceptions. */
async function open(query = ''): Promise<Watched> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${String(e)}`));
  await page.goto(`${base}${query}`);
  await waitForCurve(page);
  return { page, errors };
}

/** Wait until the curve is computed and drawn; its E_g path. */
async function waitForCurve(page: Page): Promise<string> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as {
        __sp?: { store: { getState(): { results: { status: { curve: string } } } } };
      };
      const d = document
        .querySelector('svg[data-testid="learning-curve"] path[data-series="Eg"]')
        ?.getAttribute('d');
      return w.__sp?.store.getState().results.status.curve === 'ok' && (d?.length ?? 0) > 20;
    },
    { timeout: 20_000, polling: 50 },
  );
  return egPath(page);
}

function egPath(page: Page): Promise<string> {
  return page.$eval(
    'svg[data-testid="learning-curve"] path[data-series="Eg"]',
    (el) => el.getAttribute('d') ?? '',
  );
}

/** A value of the store, read through the test build's handle. */
function store<T>(page: Page, pick: string): Promise<T> {
  return page.evaluate((expr) => {
    const s = (window as unknown as { __sp: { store: { getState(): unknown } } }).__sp.store;
    return new Function('s', `return (${expr});`)(s.getState()) as T;
  }, pick);
}

test('Firefox: the default page loads without console errors', async () => {
  const { page, errors } = await open();
  assert.equal(await page.$eval('h1', (h) => h.textContent), 'Scaling Playground');
  await page.waitForSelector('svg[data-testid="scaling-P"] path[data-series="sweep"]', {
    timeout: 20_000,
  });
  await page.waitForSelector('[data-testid="formulas"] .katex', { timeout: 20_000 });
  assert.match(page.url(), /\?v=1&regime=gf&alpha=1\.5/);
  assert.equal(await page.$('[data-testid="compute-error"]'), null);
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox: dragging a slider changes the curve', async () => {
  const { page, errors } = await open();
  const before = await egPath(page);
  const slider = (await page.$('[data-testid="slider-beta"]'))!;
  await slider.scrollIntoView();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  const x0 = box.x + box.width * 0.2;
  await page.mouse.move(x0, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(x0 + (box.width * 0.4 * i) / 8, y);
  await page.mouse.up();
  await page.waitForFunction(
    (d) => {
      const p = document.querySelector('svg[data-testid="learning-curve"] path[data-series="Eg"]');
      return p && p.getAttribute('d') !== d;
    },
    {},
    before,
  );
  await waitForCurve(page);
  assert.notEqual(await store<number>(page, 's.params.beta'), 2);
  assert.notEqual(await egPath(page), before);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox: a copied link opened in a fresh window gives the same curve', async () => {
  const { page, errors } = await open(
    '?v=1&alpha=1.8&beta=2.6&P=800&N=inf&sigma2=0.02&regime=wd&gamma=0.0003',
  );
  await page.click('[data-testid="copy-link"]');
  const box = await page.waitForSelector('[data-testid="share-url"]');
  const link = await box!.evaluate((el) => (el as HTMLInputElement).value);
  assert.equal(link, page.url());
  const eg = await egPath(page);
  const context = await browser.createBrowserContext();
  const other = await context.newPage();
  await other.setViewport({ width: 1280, height: 800 });
  await other.goto(link);
  assert.equal(await waitForCurve(other), eg);
  assert.equal(other.url(), link);
  await context.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox: a simulation runs to the end, and another is cancelled', async () => {
  const { page, errors } = await open(`${SMALL}&seeds=4`);
  await page.click('[data-testid="sim-run"]');
  await page.waitForSelector('[data-testid="sim-status"][data-status="done"]', {
    timeout: 30_000,
  });
  assert.equal(await store<number>(page, 's.results.sim.result.seeds'), 4);
  assert.equal(await page.$$eval('g[data-series="sim"]', (g) => g.length), 1);
  // Large enough that its seeds take far longer than the test waits.
  await page.goto(`${base}?v=1&regime=gf&P=400&N=400&M=1600&sigma2=0.05&seeds=256`);
  await waitForCurve(page);
  await page.click('[data-testid="sim-run"]');
  await page.waitForSelector('[data-testid="sim-status"][data-status="running"]');
  await page.click('[data-testid="sim-cancel"]');
  await page.waitForSelector('[data-testid="sim-status"][data-status="cancelled"]');
  const done = await store<number>(page, 's.results.sim.progress.done');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await store<number>(page, 's.results.sim.progress.done'), done);
  assert.ok(done < 256);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox: exports are downloaded (PNG with its footer text, CSV)', async () => {
  const { page, errors } = await open();
  await page.click('[data-testid="export-menu"] summary');
  await page.click('[data-testid="export-learning-curve-png"]');
  const png = await waitForDownload('scaling-playground-learning-curve.png');
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
  assert.ok(png.length > 10_000, 'a drawn chart, not an empty canvas');
  assert.ok(png.includes(Buffer.from(`Link: ${page.url()}`)), 'the footer text is in the file');
  await page.click('[data-testid="export-menu"] summary');
  await page.click('[data-testid="export-csv"]');
  const csv = (await waitForDownload('scaling-playground-curves.csv')).toString('utf8');
  assert.match(csv, /^# Scaling Playground: learning curves\n# Gradient flow · /);
  assert.ok(csv.includes(`# link: ${page.url()}\n`));
  assert.deepEqual(errors, []);
  await page.close();
});

/** The bytes of a finished download (Firefox writes a .part file first). */
async function waitForDownload(name: string): Promise<Buffer> {
  const t0 = Date.now();
  while (Date.now() - t0 < 15_000) {
    const files = await readdir(downloads);
    if (files.includes(name) && !files.some((f) => f.endsWith('.part'))) {
      const buf = await readFile(join(downloads, name));
      if (buf.length > 0) return buf;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `no download named ${name} in 15 s (found: ${(await readdir(downloads)).join(', ')})`,
  );
}
