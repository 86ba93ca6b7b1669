import { defineConfig } from '@playwright/test';

// End-to-end tests run in Debian's headless Chromium against the test build of the app
// (`npm run build:e2e` → dist-e2e/, which carries the test hooks; `npm run build` → dist/ does not),
// served by `vite preview`.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_PORT lets several checkouts on one machine run their suites side by side.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: './test/e2e',
  // The performance benchmark is not a pass/fail test: only `npm run bench:e2e` runs it.
  testIgnore: process.env.BENCH ? [] : ['**/*.bench.spec.ts'],
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command:
      `npm run -s build:e2e && npx vite preview --outDir dist-e2e --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
