// The test hooks (window.__sp, the worker crash endpoint, the window.__perf latency probe) are in
// the test build only: `npm run build` (dist/, the product) carries none of them, the test build
// (dist-e2e/, made by the Playwright web server) carries all, which shows the search finds them.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const HOOKS = ['__sp', '__perf', 'deliberate crash'];

async function scripts(dir: string): Promise<string> {
  const assets = resolve(process.cwd(), dir, 'assets');
  expect(existsSync(assets), `${dir}/ is missing: run \`npm run build\` first`).toBe(true);
  const names = (await readdir(assets)).filter((f) => f.endsWith('.js'));
  expect(names.some((f) => f.startsWith('theory.worker'))).toBe(true);
  const texts = await Promise.all(names.map((f) => readFile(join(assets, f), 'utf8')));
  return texts.join('\n');
}

test('the product bundle has no test hooks', async () => {
  const js = await scripts('dist');
  for (const hook of HOOKS) expect(js.includes(hook), hook).toBe(false);
});

test('the test bundle has every test hook', async () => {
  const js = await scripts('dist-e2e');
  for (const hook of HOOKS) expect(js.includes(hook), hook).toBe(true);
});
