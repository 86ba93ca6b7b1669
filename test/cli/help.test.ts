// --help lists every parameter with its default, its range and the regimes where it acts, as the
// parameter table declares them, then every other flag.
import { describe, expect, it } from 'vitest';
import { EXTRA_FLAGS } from '../../src/cli/args.ts';
import { typedText } from '../../src/format/rich.ts';
import { PARAM_SPECS, REGIMES, formatValue, rangeText } from '../../src/model/params.ts';
import { cli } from './run.ts';

describe('--help', () => {
  const r = cli('--help');
  const lines = r.out.split('\n');

  it('exits 0 and prints nothing on stderr', () => {
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });

  it.each(PARAM_SPECS.map((s) => [s.key, s] as const))(
    '--%s: default, range and regimes from the table',
    (key, spec) => {
      const i = lines.findIndex((l) => l.startsWith(`  --${key} `));
      expect(i).toBeGreaterThan(0);
      // The help as one types it: a one-word script without braces (η_{max} → η_max).
      expect(lines[i]).toContain(typedText(spec.help));
      expect(lines[i]).not.toMatch(/[_^]\{\p{L}+\}/u);
      const def = spec.kind === 'enum' ? spec.default : formatValue(spec.default);
      const data = spec.data ? `, with --data ${spec.data.join(' or ')}` : '';
      const schedule = spec.schedules ? `, with --schedule ${spec.schedules.join(' or ')}` : '';
      const all = spec.regimes.length === REGIMES.length;
      const regimes = (all ? 'all regimes' : spec.regimes.join(', ')) + data + schedule;
      expect(lines[i + 1].trim()).toBe(`default ${def}; ${rangeText(spec)}; acts in ${regimes}`);
    },
  );

  it('lists every other flag', () => {
    for (const f of EXTRA_FLAGS) expect(r.out).toMatch(new RegExp(`^  --${f.name}\\b`, 'm'));
  });
});
