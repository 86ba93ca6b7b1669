import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Layering, enforced with `no-restricted-imports`. Each entry: a folder, the src/ folders it may
// import from besides itself, and the npm packages it may import (null: any). `no-restricted-imports`
// sees the import string, not the resolved file, so a file d folders below the layer's root leaves
// src/ with d + 2 `../` and reaches another src/ folder with d + 1 `../`; one config block per depth.
const LAYERS = [
  { dir: 'src/model', src: [], packages: [], why: 'the engines are pure: no UI, store or workers' },
  { dir: 'src/format', src: [], packages: [], why: 'number formatting depends on nothing' },
  {
    dir: 'src/claims',
    src: ['model', 'format'],
    packages: [],
    why: 'the words about results are made from the results alone',
  },
  {
    dir: 'src/protocol',
    src: ['model'],
    packages: [],
    why: 'the worker contract names only model types',
  },
  {
    dir: 'src/state',
    src: ['model', 'protocol', 'format'],
    packages: null,
    why: 'the store knows parameters and results, not compute, UI, lessons, charts or workers',
  },
  {
    dir: 'src/charts',
    src: ['model', 'format', 'claims', 'styles'],
    packages: null,
    why: 'charts draw the data they are given, not the store, compute or workers',
    plainTs: 'layouts and marks (.ts) are plain TypeScript: rendering lives in .tsx files',
  },
  {
    dir: 'src/lessons',
    src: ['model', 'format', 'claims', 'state'],
    packages: [],
    why: 'a lesson is data and checked words about the state: it reads the model, the claims and the store, not compute, charts, the UI or workers',
  },
  {
    dir: 'src/compute',
    src: ['model', 'protocol', 'state', 'format'],
    packages: null,
    why: 'compute talks to workers through src/protocol only',
  },
  {
    dir: 'src/cli',
    src: ['model', 'format', 'claims'],
    packages: null,
    why: 'the CLI reads links with the parameter codec of src/model, not the app’s store',
  },
  {
    dir: 'workers',
    src: ['model', 'protocol'],
    packages: ['comlink'],
    why: 'workers wrap the engines',
  },
];
const MAX_DEPTH = 4;

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The `no-restricted-imports` patterns for files `depth` folders below the layer's root. */
function layerPatterns(layer, depth) {
  const inSrc = layer.dir.startsWith('src/');
  const name = inSrc ? layer.dir.slice('src/'.length) : null;
  const allowed = [...layer.src, ...(name ? [name] : [])].map(escape).join('|');
  const message = `${layer.dir} may import only ${
    layer.src.length ? layer.src.map((s) => `src/${s}`).join(', ') : 'itself'
  }${layer.packages === null ? ' and packages' : layer.packages.length ? ` and ${layer.packages.join(', ')}` : ''}: ${layer.why}.`;
  // From src/X at this depth `(../){depth+1}` is src/; from workers/ `(../){depth+1}` is the root.
  const up = `^(?:\\.\\./){${depth + 1}}`;
  const patterns = [
    {
      regex: inSrc ? `${up}(?!(?:${allowed})/)` : `${up}(?!src/(?:${allowed})/)`,
      message,
    },
  ];
  if (layer.packages !== null) {
    const ok = layer.packages.map(escape).join('|');
    patterns.push({
      regex: ok ? `^(?![./])(?!(?:${ok})(?:/|$))` : '^(?![./])',
      message,
    });
  }
  return patterns;
}

// The engines also run in workers and in Node (the CLI): no browser globals.
const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage'];

// A layer with `plainTs`: its .ts files import no .tsx module (no JSX reaches a layout).
const layerBlocks = LAYERS.flatMap((layer) =>
  Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => {
    const files = `${layer.dir}/${'*/'.repeat(depth)}*`;
    const patterns = layerPatterns(layer, depth);
    const rule = (p) => ({ 'no-restricted-imports': ['error', { patterns: p }] });
    if (!layer.plainTs) return [{ files: [`${files}.{ts,tsx}`], rules: rule(patterns) }];
    const noJsx = { regex: '\\.tsx$', message: `${layer.dir}: ${layer.plainTs}.` };
    return [
      { files: [`${files}.tsx`], rules: rule(patterns) },
      { files: [`${files}.ts`], rules: rule([...patterns, noJsx]) },
    ];
  }).flat(),
);

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-e2e',
      'dist-cli',
      'node_modules',
      'test-results',
      'playwright-report',
      'scratch',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  ...layerBlocks,
  {
    files: ['src/model/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...BROWSER_GLOBALS.map((name) => ({
          name,
          message: 'src/model runs outside the browser too.',
        })),
      ],
    },
  },
);
