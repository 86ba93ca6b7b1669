// The seed controls act on what the experiment box runs, which depends on the data: the exact
// simulator (power law), real learning on the digits (MNIST), or nothing (a spectrum file has
// neither power-law data to draw nor digits). Their label and help say which, so that no
// sentence claims an "exact simulation" that is not what runs.
import type { DataSource, NumericSpec } from '../../model/params.ts';

const BY_DATA: Partial<
  Record<DataSource, Partial<Record<string, { label?: string; help: string }>>>
> = {
  mnist: {
    seed: {
      help: 'Seed of the random generator of the real runs (training digits drawn from the pool, random features, label noise).',
    },
    seeds: {
      label: 'Draws',
      help: 'Independent draws of training digits (and features) averaged by the real run (error bars: ±1 s.e.m.).',
    },
  },
  custom: {
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
