// The table of data sources: one record per source, from which the parameter table, the
// predicates, the assets and the words are derived (src/model/data/sources.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALL_TASKS,
  CHOICE_SOURCES,
  DATA_SOURCES,
  POOL_SOURCES,
  SOURCES,
  assetFiles,
  hasPool,
  isMeasured,
  poolDim,
  poolSize,
  runKind,
  sourceChoiceFix,
  sourceOf,
} from '../../../src/model/data/sources.ts';
import { KERNELS } from '../../../src/model/data/kernels.ts';
import {
  DEFAULT_PARAMS,
  ParamError,
  SPEC_BY_KEY,
  enforceConstraints,
  sanitizeParams,
  validateParams,
  type EnumSpec,
  type Params,
} from '../../../src/model/params.ts';
import { computeCurve } from '../../../src/model/theory/curve.ts';
import { spectrumKey } from '../../../src/model/theory/dataSpectra.ts';
import { committedManifest, DATA_DIR } from '../../helpers/digitAssets.ts';

describe('the table of data sources', () => {
  it('one record per id; the data parameter offers exactly these', () => {
    expect(DATA_SOURCES).toEqual(['powerlaw', 'mnist', 'fashion', 'custom']);
    expect(new Set(DATA_SOURCES).size).toBe(SOURCES.length);
    expect((SPEC_BY_KEY.data as EnumSpec).options).toEqual(DATA_SOURCES);
  });

  it('kernel and task act with the sources that offer them; their options are the union', () => {
    expect(CHOICE_SOURCES).toEqual(['mnist', 'fashion']);
    expect(SPEC_BY_KEY.kernel.data).toEqual(CHOICE_SOURCES);
    expect(SPEC_BY_KEY.task.data).toEqual(CHOICE_SOURCES);
    expect((SPEC_BY_KEY.task as EnumSpec).options).toEqual([
      'parity',
      'lowhigh',
      'zero',
      'footwear',
      'tops',
    ]);
    // A task key names one source's task: the link `task=…` is unambiguous.
    expect(new Set(ALL_TASKS.map((t) => t.key)).size).toBe(ALL_TASKS.length);
    for (const name of ['MNIST', 'Fashion-MNIST']) {
      expect(SPEC_BY_KEY.data.help).toContain(name);
      expect(SPEC_BY_KEY.task.help).toContain(name);
    }
  });

  it('every pool source: kernels known, tasks a proper non-empty subset of its classes', () => {
    expect(POOL_SOURCES.map((s) => s.id)).toEqual(['mnist', 'fashion']);
    for (const s of POOL_SOURCES) {
      expect(
        s.kernels.every((k) => KERNELS.includes(k)),
        s.id,
      ).toBe(true);
      expect(poolSize(s.pool)).toBe(3000);
      expect(poolDim(s.pool)).toBe(784);
      for (const t of s.tasks) {
        expect(t.positive.length, t.key).toBeGreaterThan(0);
        expect(t.positive.length, t.key).toBeLessThan(s.pool.classes.length);
        expect(
          t.positive.every((c) => c >= 0 && c < s.pool.classes.length),
          t.key,
        ).toBe(true);
      }
    }
    const fashion = sourceOf('fashion');
    const names = (key: string) =>
      fashion.tasks.find((t) => t.key === key)!.positive.map((c) => fashion.pool!.classes[c]);
    expect(names('footwear')).toEqual(['sandal', 'sneaker', 'ankle boot']);
    expect(names('tops')).toEqual(['T-shirt/top', 'pullover', 'coat', 'shirt']);
  });

  it('its committed assets are those the record describes', () => {
    for (const s of POOL_SOURCES) {
      const files = assetFiles(s);
      for (const f of Object.values(files)) expect(existsSync(join(DATA_DIR, f)), f).toBe(true);
      const m = committedManifest(s.id);
      expect(m.kernels).toEqual(s.kernels);
      expect(m.tasks).toEqual(s.tasks.map((t) => t.key));
      expect([m.n, m.dim, m.perClass, m.seed]).toEqual([3000, 784, 300, s.pool.seed]);
      expect(m.source).toBe(s.pool.origin);
      expect([m.files.pool.name, m.files.spectra.name]).toEqual([files.pool, files.spectra]);
    }
  });

  it('the predicates, per kind of source', () => {
    const kinds = DATA_SOURCES.map((d) => [d, hasPool(d), isMeasured(d), runKind(d)]);
    expect(kinds).toEqual([
      ['powerlaw', false, false, 'simulate'],
      ['mnist', true, true, 'real'],
      ['fashion', true, true, 'real'],
      ['custom', false, true, null],
    ]);
    const key = (data: (typeof DATA_SOURCES)[number], task = 'footwear' as const) =>
      spectrumKey({ data, kernel: 'relu', task });
    expect([key('powerlaw'), key('fashion'), key('custom')]).toEqual([
      null,
      'fashion/relu/footwear',
      'custom',
    ]);
  });
});

describe('a kernel × task choice belongs to its source', () => {
  it('choosing another source takes its own task, silently (the chooser then shows it)', () => {
    const notes: never[] = [];
    const p = enforceConstraints({ ...DEFAULT_PARAMS, data: 'fashion' }, notes);
    expect([p.kernel, p.task]).toEqual(['relu', 'footwear']);
    expect(notes).toEqual([]);
    const back = enforceConstraints({ ...p, data: 'mnist' }, notes);
    expect(back.task).toBe('parity');
    // The power law has no task: whatever the parameters hold stays (it does not act).
    expect(enforceConstraints({ ...p, data: 'powerlaw' }, notes).task).toBe('footwear');
    expect(sourceChoiceFix({ ...p, data: 'fashion', task: 'tops' })).toBeNull();
  });

  it('a link: no task given → the source’s own, silently; another source’s task → noted', () => {
    const own = sanitizeParams({ data: 'fashion', kernel: 'linear' });
    expect([own.params.kernel, own.params.task]).toEqual(['linear', 'footwear']);
    expect(own.notes).toEqual([]);
    const bad = sanitizeParams({ data: 'fashion', task: 'zero' });
    expect(bad.params.task).toBe('footwear');
    expect(bad.notes).toEqual([
      {
        key: 'task',
        from: 'zero',
        to: 'footwear',
        reason: 'task zero is not offered by data fashion (one of footwear, tops)',
      },
    ]);
  });

  it('the engine’s validation names the task another source offers', () => {
    expect(() => validateParams({ ...DEFAULT_PARAMS, data: 'fashion', task: 'parity' })).toThrow(
      ParamError,
    );
    expect(() => validateParams({ ...DEFAULT_PARAMS, data: 'fashion', task: 'parity' })).toThrow(
      /task parity is not offered by data fashion/,
    );
    expect(() =>
      validateParams({ ...DEFAULT_PARAMS, data: 'fashion', task: 'tops' }),
    ).not.toThrow();
  });

  it('the engine names a bad data source or another source’s task, never a crash', () => {
    const param = (p: Params) => {
      try {
        computeCurve(p);
      } catch (e) {
        expect(e).toBeInstanceOf(ParamError);
        return (e as ParamError).param;
      }
      return null;
    };
    expect(param({ ...DEFAULT_PARAMS, data: 'digits' as never })).toBe('data');
    expect(param({ ...DEFAULT_PARAMS, data: 'fashion', task: 'parity' })).toBe('task');
  });
});
