// P beyond a measured spectrum's modes interpolates all of them (claims/modesEdge.ts). The seed
// controls act on what the experiment box runs, which depends on the data: the exact
// simulator (power law), real learning on the digits (MNIST), or nothing (a spectrum file has
// neither power-law data to draw nor digits). Their label and help say which, so that no
// sentence claims an "exact simulation" that is not what runs.
import type { DataSource, NumericSpec } from '../../model/params.ts';

const BY_DATA: Partial<
  Record<DataSource, Partial<Record<string, { label?: string; help: string }>>>
> = {
  mnist: {
    P: {
      help: 'Training digits. The theory runs on the spectrum of a finite pool of digits, which is also the test distribution: from P = its number of modes M on (the P panel marks it) every mode is interpolated (ReLU kernel: M is the pool size, the pool is memorised), and the curve says nothing about MNIST at large.',
    },
    seed: {
      help: 'Seed of the random generator of the real runs (training digits drawn from the pool, random features, label noise).',
    },
    seeds: {
      label: 'Draws',
      help: 'Independent draws of training digits (and features) averaged by the real run (error bars: ±1 s.e.m.).',
    },
  },
  custom: {
    P: {
      help: 'Training examples. The spectrum file has finitely many modes M: from P = M on (the P panel marks it) every mode is interpolated, and the curve says nothing about modes the file does not hold.',
    },
    seed: { help: 'n/a with a spectrum file: nothing is simulated or run (no data to draw from).' },
    seeds: {
      label: 'Draws',
      help: 'n/a with a spectrum file: nothing is simulated or run (no data to draw from).',
    },
  },
};

/** The label and help of a control for the data chosen. */
export function dataAwareText(
  spec: NumericSpec,
  data: DataSource,
): { label: string; help: string } {
  const o = BY_DATA[data]?.[spec.key];
  return { label: o?.label ?? spec.label, help: o?.help ?? spec.help };
}
