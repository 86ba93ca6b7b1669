// The built product (`npm run build` → dist/, no test hooks) is static: served from a deep sub-path
// by a plain file server, with every other host blocked, it loads, computes in its workers and
// draws — nothing comes from elsewhere.
import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { watch } from './helpers.ts';

const DIST = resolve(process.cwd(), 'dist');
const BASE = '/deep/sub/path/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

let server: Server;
let origin = '';

test.beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(BASE)) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(url.pathname.slice(BASE.length) || 'index.html');
    if (rel.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(join(DIST, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});

test.afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

test('served from a sub-path by a static server, offline from other hosts, the app works', async ({
  page,
}) => {
  const w = watch(page);
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(`${origin}${BASE}?v=1&alpha=1.7&N=inf`);
  // The product has no handle on the store: the drawn curve is the sign that the worker answered.
  const curve = page.locator('svg[data-testid="learning-curve"] path[data-series="Eg"]');
  await expect(curve).toHaveAttribute('d', /^M.{20,}/, { timeout: 20_000 });
  expect(page.url()).toContain(`${BASE}?v=1`);
  expect(page.url()).toContain('alpha=1.7');
  await expect(page.locator('svg[data-testid="scaling-P"] path[data-series="sweep"]')).toHaveCount(
    1,
    {
      timeout: 20_000,
    },
  );
  await expect(page.locator('[data-testid="formulas"] .katex').first()).toBeVisible({
    timeout: 20_000,
  });
  await page.waitForTimeout(300);
  expect(w.errors).toEqual([]);
  expect(w.external).toEqual([]);
});
