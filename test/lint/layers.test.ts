// The layering rules of eslint.config.js, applied to deliberate violations: every forbidden import
// is an error of `no-restricted-imports` naming the layer, and the allowed ones pass.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function lint(
  filePath: string,
  code: string,
): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }));
}

/** A one-line module that uses what it imports (so that only the import rules can object). */
const importing = (spec: string) => `import * as m from '${spec}';\nexport const x = m;\n`;

// [file inside the layer, forbidden import, the layer's name in the message]
const violations: [string, string, string][] = [
  ['src/model/params.ts', '../format/number.ts', 'src/model'],
  ['src/model/theory/x.ts', '../../state/store.ts', 'src/model'],
  ['src/model/simulation/x.ts', 'react', 'src/model'],
  ['src/model/linalg/x.ts', 'd3', 'src/model'],
  ['src/model/theory/x.ts', 'comlink', 'src/model'],
  ['src/model/theory/x.ts', 'zustand', 'src/model'],
  ['workers/x.worker.ts', '../src/compute/client.ts', 'workers'],
  ['workers/x.worker.ts', '../src/state/store.ts', 'workers'],
  ['workers/x.worker.ts', 'react', 'workers'],
  ['src/compute/x.ts', '../../workers/theory.worker.ts', 'src/compute'],
  ['src/compute/x.ts', '../ui/App.tsx', 'src/compute'],
  ['src/state/x.ts', '../compute/index.ts', 'src/state'],
  ['src/state/x.ts', '../ui/App.tsx', 'src/state'],
  ['src/state/x.ts', '../lessons/lessons.ts', 'src/state'],
  ['src/state/x.ts', '../charts/theme.ts', 'src/state'],
  ['src/state/x.ts', '../../workers/theory.worker.ts', 'src/state'],
  ['src/charts/x.ts', '../state/store.ts', 'src/charts'],
  ['src/charts/x.ts', '../compute/index.ts', 'src/charts'],
  ['src/charts/deep/x.ts', '../../state/store.ts', 'src/charts'],
  ['src/charts/x.ts', '../../workers/theory.worker.ts', 'src/charts'],
  ['src/protocol/x.ts', '../state/store.ts', 'src/protocol'],
  ['src/protocol/x.ts', 'comlink', 'src/protocol'],
  ['src/format/x.ts', '../model/params.ts', 'src/format'],
  ['src/state/url.ts', '../lessons/lessons.ts', 'src/state'],
  ['src/cli/x.ts', '../state/url.ts', 'src/cli'],
  ['src/cli/x.ts', '../state/store.ts', 'src/cli'],
  ['src/claims/x.ts', '../state/store.ts', 'src/claims'],
  ['src/claims/x.ts', '../charts/theme.ts', 'src/claims'],
  ['src/claims/x.ts', 'react', 'src/claims'],
  ['src/lessons/x.ts', '../compute/index.ts', 'src/lessons'],
  ['src/lessons/x.ts', '../ui/App.tsx', 'src/lessons'],
  ['src/lessons/x.ts', '../charts/theme.ts', 'src/lessons'],
  ['src/lessons/x.ts', '../protocol/api.ts', 'src/lessons'],
  ['src/lessons/x.ts', '../../workers/theory.worker.ts', 'src/lessons'],
  ['src/lessons/x.ts', 'react', 'src/lessons'],
];

describe('layer rules', () => {
  it.each(violations)('%s may not import %s', async (file, spec, layer) => {
    const messages = await lint(file, importing(spec));
    expect(messages).toHaveLength(1);
    expect(messages[0].ruleId).toBe('no-restricted-imports');
    expect(messages[0].message).toContain(`${layer} may import only`);
  });

  it('re-exports are held to the same rule', async () => {
    const messages = await lint(
      'src/charts/x.ts',
      "export { appStore } from '../state/store.ts';\n",
    );
    expect(messages.map((m) => m.ruleId)).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['src/charts/x.ts', './Legend.tsx'],
    ['src/charts/marks/x.ts', '../richText.tsx'],
  ])('%s, a layout file, may not import JSX (%s)', async (file, spec) => {
    const messages = await lint(file, importing(spec));
    expect(messages.map((m) => m.ruleId)).toEqual(['no-restricted-imports']);
    expect(messages[0].message).toContain('plain TypeScript');
    // A component may.
    expect(await lint(file.replace(/\.ts$/, '.tsx'), importing(spec))).toEqual([]);
  });

  it('src/model uses no browser globals', async () => {
    const messages = await lint('src/model/theory/x.ts', 'export const w = window.innerWidth;\n');
    expect(messages.map((m) => m.ruleId)).toEqual(['no-restricted-globals']);
  });

  // [file, allowed imports]
  const clean: [string, string[]][] = [
    ['src/model/theory/x.ts', ['../params.ts', './sums.ts', '../linalg/cholesky.ts']],
    ['src/model/params.ts', ['./types.ts', './theory/curve.ts']],
    ['workers/x.worker.ts', ['comlink', '../src/model/params.ts', '../src/protocol/api.ts']],
    ['src/compute/x.ts', ['comlink', '../protocol/api.ts', '../state/store.ts', './scheduler.ts']],
    [
      'src/state/x.ts',
      ['zustand', '../model/params.ts', '../protocol/messages.ts', '../format/number.ts'],
    ],
    [
      'src/charts/x.ts',
      [
        'react',
        'd3',
        '../model/types.ts',
        '../format/number.ts',
        '../claims/laws.ts',
        './theme.ts',
      ],
    ],
    ['src/claims/x.ts', ['../model/theory/laws.ts', '../format/number.ts', './fit.ts']],
    ['src/charts/deep/x.ts', ['../../model/types.ts', '../frame.ts']],
    ['src/protocol/x.ts', ['../model/params.ts', './messages.ts']],
    ['src/format/x.ts', ['./number.ts']],
    ['src/cli/x.ts', ['node:fs', '../model/paramsCodec.ts', '../format/number.ts', './args.ts']],
    [
      'src/lessons/x.ts',
      [
        '../model/params.ts',
        '../claims/fit.ts',
        '../state/store.ts',
        '../format/number.ts',
        './lessons.ts',
      ],
    ],
  ];
  it.each(clean)('%s may import %j', async (file, specs) => {
    const code = specs
      .map((s, i) => `import * as m${i} from '${s}';\nexport const x${i} = m${i};\n`)
      .join('');
    expect(await lint(file, code)).toEqual([]);
  });
});
