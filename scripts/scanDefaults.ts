// npx tsx scripts/scanDefaults.ts '[{"P":1e5}, …]': for each candidate state (overrides of the
// parameter table's defaults) print the fitted slopes in t, P and N (the stable-slope fits the
// exponent table and the scaling panels show, over the sweeps' default ranges) against the laws
// that predict them, judged where each fit was read. Used to choose the landing state.
import { computeCurve } from '../src/model/theory/curve.ts';
import { computeSweep } from '../src/model/theory/sweep.ts';
import { exponentLaws } from '../src/model/theory/laws.ts';
import { DEFAULT_PARAMS, type Params } from '../src/model/params.ts';
import type { LawVerdict } from '../src/model/theory/laws.ts';
import type { PowerFit } from '../src/model/types.ts';

const setting = { at: 'tstar' as const, tAt: 1e3 };

function cell(name: string, fit: PowerFit | null, why: string, law: LawVerdict | null): string {
  const f = fit
    ? `${fit.slope.toFixed(3)} over [${fit.xmin.toPrecision(2)}, ${fit.xmax.toPrecision(2)}]`
    : `none (${why})`;
  const l = law?.law ? `${law.law} ${law.value.toFixed(3)}` : `n/a (${law?.gap})`;
  const ok = fit && law?.law && Math.abs(fit.slope - law.value) <= 0.05 ? 'OK' : '--';
  return `${name}: ${f} vs ${l} ${ok}`;
}

function row(p: Params): string {
  const curve = computeCurve(p, { window: 'auto' });
  const tLaw = exponentLaws(p, setting, curve.earlyStop.t).t;
  const parts = [`P=${p.P} N=${p.N} σ²=${p.sigma2} α=${p.alpha} β=${p.beta}`];
  parts.push(cell('t', curve.fitT.fit, String(curve.fitT.gap), tLaw));
  for (const axis of ['P', 'N'] as const) {
    const s = computeSweep(p, axis, setting.at, p.tmax);
    parts.push(cell(`${axis}[${s.x[0]}…${s.x[s.x.length - 1]}]`, s.fit, String(s.fitGap), s.law));
  }
  return parts.join(' | ');
}

const candidates = JSON.parse(process.argv[2] ?? '[{}]') as Partial<Params>[];
for (const c of candidates) console.log(row({ ...DEFAULT_PARAMS, ...c }));
