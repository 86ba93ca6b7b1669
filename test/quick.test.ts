import { it } from 'vitest';
import { DEFAULT_PARAMS } from '../src/model/params.ts';
import { computeSgdSweeps, computeSgdFrontier } from '../src/model/sgd/panels.ts';
it('quick', () => {
  for (const extra of [{}, {}, { schedule: 'cosine' }, { N: Infinity, sigma2: 0 }, {sigma2: 0, beta: 4, N: Infinity}]) {
    const p = { ...DEFAULT_PARAMS, regime: 'sgd', ...extra } as any;
    let t0 = performance.now();
    const s = computeSgdSweeps(p);
    const ms = performance.now() - t0;
    console.log(JSON.stringify(extra), ms.toFixed(0), 'ms', 'Bcrit', s.critical.B.toPrecision(3), s.critical.ratio, 'etaOpt', s.eta.etaOpt.toPrecision(3), s.eta.Eopt.toPrecision(3), 'etaMax', s.eta.etaMax.toPrecision(3), 'fitEta', s.eta.fit?.slope.toFixed(3), 'fitB', s.batch.fitSteps?.slope.toFixed(3), s.batch.fitSamples?.slope.toFixed(3), JSON.stringify(s.schedules), s.current.Eg);
    t0 = performance.now();
    const f = computeSgdFrontier(p);
    console.log('frontier', (performance.now()-t0).toFixed(0), f.fitL?.slope.toFixed(3), f.predicted.L.toFixed(3), f.fitN?.slope.toFixed(3), f.predicted.N.toFixed(3));
  }
});
