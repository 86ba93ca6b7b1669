// P beyond a measured spectrum's modes interpolates all of them (claims/modesEdge.ts). The seed
// controls act on what the experiment box runs, which depends on the data: the exact
// simulator (power law), real learning on a pool of images (MNIST digits, Fashion-MNIST clothes:
// src/model/data/sources.ts, whose words name them here), or nothing (a spectrum file has
// neither power-law data to draw nor images). Their label and help say which, so that no
// sentence claims an "exact simulation" that is not what runs.
import { poolSourceOf, sourceOf, type PoolSource } from '../../model/data/sources.ts';
import type { DataSource, NumericSpec } from '../../model/params.ts';

type ControlText = Partial<Record<string, { label?: string; help: string }>>;

/** The texts of the P and seed controls on a pool source, in its words. */
function poolTexts({ words: w }: PoolSource): ControlText {
  return {
    P: {
      help: `Training ${w.items}. The theory runs on the spectrum of a finite pool of ${w.items}, which is also the test distribution: from P = its number of modes M on (the P panel marks it) every mode is interpolated (ReLU kernel: M is the pool size, the pool is memorised), and the curve says nothing about ${w.name} at large.`,
    },
    seed: {
      help: `Seed of the random generator of the real runs (training ${w.items} drawn from the pool, random features, label noise).`,
    },
    seeds: {
      label: 'Draws',
      help: `Independent draws of training ${w.items} (and features) averaged by the real run (error bars: ±1 s.e.m.).`,
    },
  };
}

const FILE_TEXTS: ControlText = {
  P: {
    help: 'Training examples. The spectrum file has finitely many modes M: from P = M on (the P panel marks it) every mode is interpolated, and the curve says nothing about modes the file does not hold.',
  },
  seed: { help: 'n/a with a spectrum file: nothing is simulated or run (no data to draw from).' },
  seeds: {
    label: 'Draws',
    help: 'n/a with a spectrum file: nothing is simulated or run (no data to draw from).',
  },
};

function textsFor(data: DataSource): ControlText | undefined {
  const pool = poolSourceOf(data);
  if (pool) return poolTexts(pool);
  return sourceOf(data).spectrum === 'file' ? FILE_TEXTS : undefined;
}

/** The label and help of a control for the data chosen. */
export function dataAwareText(
  spec: NumericSpec,
  data: DataSource,
): { label: string; help: string } {
  const o = textsFor(data)?.[spec.key];
  return { label: o?.label ?? spec.label, help: o?.help ?? spec.help };
}
