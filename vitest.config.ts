import { availableParallelism } from 'node:os';
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig({ mode: 'test', command: 'serve' }),
  defineConfig({
    test: {
      include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
      exclude: ['test/e2e/**', 'node_modules/**'],
      environment: 'node',
      testTimeout: 60_000,
      // Vitest's default is one worker fewer than the cores: one worker on these 2-core machines,
      // which left a core idle for the whole CPU-bound suite. Every file is independent.
      maxWorkers: availableParallelism(),
    },
  }),
);
