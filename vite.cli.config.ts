// The command line as one Node bundle (dist-cli/curve.mjs), built with the app's toolchain so that
// `npm run -s curve` starts without a TypeScript loader. scripts/curve.mjs builds it when it is
// missing or older than one of the sources listed in dist-cli/inputs.json, written here.
import { relative } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** Emit inputs.json: the repository files the bundle was built from (for the staleness check). */
function listInputs(): Plugin {
  return {
    name: 'cli-inputs',
    generateBundle(_options, bundle) {
      const files = new Set<string>();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of chunk.moduleIds) {
          const file = relative(process.cwd(), id);
          if (!file.startsWith('..') && !file.startsWith('\0')) files.add(file);
        }
      }
      this.emitFile({
        type: 'asset',
        fileName: 'inputs.json',
        source: JSON.stringify([...files].sort(), null, 1),
      });
    },
  };
}

export default defineConfig({
  plugins: [listInputs()],
  build: {
    ssr: 'src/cli/main.ts',
    // scripts/curve.mjs builds into a temporary folder, then moves the files in place.
    outDir: process.env.CLI_OUT_DIR ?? 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    rolldownOptions: { output: { entryFileNames: 'curve.mjs', codeSplitting: false } },
  },
});
