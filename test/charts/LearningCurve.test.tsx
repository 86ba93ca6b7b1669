// @vitest-environment jsdom
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LearningCurve } from '../../src/charts/LearningCurve.tsx';
import { learningCurveLayout } from '../../src/charts/learningCurveLayout.ts';
import { labelBox, polylineHits, textWidth } from '../../src/charts/labels.ts';
import { richWidth } from '../../src/charts/richRuns.ts';
import { present, seriesPoints } from '../../src/charts/path.ts';
import { metricsFor } from '../../src/charts/theme.ts';
import { readCurveAt } from '../../src/charts/timeCursor.ts';
import type { CurveResult } from '../../src/model/types.ts';
import {
  basicCurve,
  divergentCurve,
  earlyStopCurve,
  etrPlungeCurve,
  flatCurve,
  hugeRangeCurve,
  langevinCurve,
  nonFiniteCurve,
  pins,
  simResult,
  simTheory,
  singlePointCurve,
} from './fixtures.ts';
import { markupOf } from './normalize.ts';

afterEach(cleanup);

const W = 640;
const H = 400;

/** Named figures: each renders one state of the chart. */
const figures: Record<string, () => ReactElement> = {
  'learning-curve-basic': () => (
    <LearningCurve curve={basicCurve()} pins={[]} sim={null} width={W} height={H} />
  ),
  'learning-curve-early-stop': () => (
    <LearningCurve curve={earlyStopCurve()} pins={[]} sim={null} width={W} height={H} />
  ),
  'learning-curve-divergent': () => (
    <LearningCurve curve={divergentCurve()} pins={[]} sim={null} width={W} height={H} />
  ),
  'learning-curve-langevin-posterior': () => (
    <LearningCurve curve={langevinCurve()} pins={[]} sim={null} width={W} height={H} />
  ),
  'learning-curve-empty': () => (
    <LearningCurve curve={null} pins={[]} sim={null} width={W} height={H} />
  ),
  'learning-curve-pins-and-sim': () => (
    <LearningCurve
      curve={basicCurve()}
      pins={pins()}
      sim={{ result: simResult(), theory: simTheory() }}
      width={W}
      height={H}
    />
  ),
  'learning-curve-degenerate-flat': () => (
    <LearningCurve curve={flatCurve()} pins={[]} sim={null} width={W} height={H} />
  ),
  'learning-curve-single-point': () => (
    <LearningCurve curve={singlePointCurve()} pins={[]} sim={null} width={W} height={H} />
  ),
  'learning-curve-huge-range': () => (
    <LearningCurve curve={hugeRangeCurve()} pins={[]} sim={null} width={W} height={H} />
  ),
  'learning-curve-non-finite': () => (
    <LearningCurve curve={nonFiniteCurve()} pins={[]} sim={null} width={W} height={H} />
  ),
  'learning-curve-narrow-lecture': () => (
    <LearningCurve
      curve={earlyStopCurve()}
      pins={[]}
      sim={null}
      width={375}
      height={320}
      variant="lecture"
    />
  ),
  'learning-curve-etr-plunge': () => (
    <LearningCurve curve={etrPlungeCurve()} pins={[]} sim={null} width={W} height={H} />
  ),
  'learning-curve-no-etr': () => (
    <LearningCurve
      curve={earlyStopCurve()}
      pins={[]}
      sim={null}
      width={W}
      height={H}
      showEtr={false}
    />
  ),
};

describe('LearningCurve figures', () => {
  for (const [name, fig] of Object.entries(figures)) {
    it(name, async () => {
      const { container } = render(fig());
      const html = container.innerHTML;
      expect(html).not.toMatch(/NaN|Infinity|undefined/);
      const svg = container.querySelector('svg[data-testid="learning-curve"]');
      expect(svg).not.toBeNull();
      // A group, not an img: it holds a control (the early-stopping handle).
      expect(svg!.getAttribute('role')).toBe('group');
      expect(svg!.getAttribute('aria-label')).toMatch(/Learning curve/);
      expect(svg!.querySelector('title')?.textContent).toBe('Learning curve');
      expect(svg!.querySelector('desc')?.textContent).toBeTruthy();
      for (const p of Array.from(container.querySelectorAll('path')))
        expect(p.getAttribute('d') ?? '').not.toMatch(/NaN/);
      await expect(markupOf(container)).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);
    });
  }
});

describe('LearningCurve contents', () => {
  it('draws E_g and E_tr and a legend', () => {
    const { container } = render(
      <LearningCurve curve={basicCurve()} pins={[]} sim={null} width={W} height={H} />,
    );
    expect(container.querySelector('path[data-series="Eg"]')?.getAttribute('d')).toMatch(
      /^M[\d.]+,[\d.]+L/,
    );
    expect(container.querySelector('path[data-series="Etr"]')).not.toBeNull();
    const legend = container.querySelector('[data-testid="legend"]')!.textContent!;
    expect(legend).toContain('test error Eg');
    expect(legend).toContain('training error Etr');
  });

  it('omits E_tr when showEtr is false', () => {
    const { container } = render(
      <LearningCurve
        curve={basicCurve()}
        pins={[]}
        sim={null}
        width={W}
        height={H}
        showEtr={false}
      />,
    );
    expect(container.querySelector('path[data-series="Etr"]')).toBeNull();
  });

  it('marks t* inside the window, points out of the window when beyond, nothing when none', () => {
    const es = render(
      <LearningCurve curve={earlyStopCurve()} pins={[]} sim={null} width={W} height={H} />,
    );
    const g = es.container.querySelector('[data-testid="early-stop-mark"]') as SVGGElement;
    expect(g).not.toBeNull();
    expect(g.dataset.case).toBe('inside');
    expect(g.textContent).toMatch(/^t\* ≈ [\d.]+·10², E\* = 0\.0\d{3}$/);
    cleanup();
    const basic = render(
      <LearningCurve curve={basicCurve()} pins={[]} sim={null} width={W} height={H} />,
    );
    expect(basic.container.querySelector('[data-testid="early-stop-mark"]')).toBeNull();
    cleanup();
    const c = earlyStopCurve();
    c.earlyStop = { ...c.earlyStop, case: 'beyond', side: 'after', t: 3e7 };
    const beyond = render(<LearningCurve curve={c} pins={[]} sim={null} width={W} height={H} />);
    const b = beyond.container.querySelector('[data-testid="early-stop-mark"]') as SVGGElement;
    expect(b.dataset.case).toBe('beyond');
    expect(b.textContent).toContain('beyond tmax');
    cleanup();
    c.earlyStop = { ...c.earlyStop, case: 'none' };
    const off = render(<LearningCurve curve={c} pins={[]} sim={null} width={W} height={H} />);
    expect(off.container.querySelector('[data-testid="early-stop-mark"]')).toBeNull();
  });

  it('brackets the fit window of the time exponent on the axis (in the exported figure too)', () => {
    const { container } = render(
      <LearningCurve curve={basicCurve()} pins={[]} sim={null} width={W} height={H} />,
    );
    const g = container.querySelector('[data-testid="fit-window"]');
    expect(g).not.toBeNull();
    expect(g!.textContent).toBe('fit t−0.50');
  });

  it("marks the scaling panels' fixed time when given", () => {
    const { container } = render(
      <LearningCurve curve={basicCurve()} pins={[]} sim={null} width={W} height={H} markT={100} />,
    );
    expect(container.querySelector('[data-testid="time-marker"]')?.textContent).toContain(
      't = 100',
    );
  });

  it('draws the E_g(∞) line, or says E_g(∞) = ∞ when divergent', () => {
    const a = render(
      <LearningCurve curve={earlyStopCurve()} pins={[]} sim={null} width={W} height={H} />,
    );
    expect(a.container.querySelector('[data-testid="limit-line"]')?.textContent).toBe(
      'Eg(∞) = 0.0634',
    );
    expect(a.container.querySelector('[data-testid="limit-divergent"]')).toBeNull();
    cleanup();
    const b = render(
      <LearningCurve curve={divergentCurve()} pins={[]} sim={null} width={W} height={H} />,
    );
    expect(b.container.querySelector('[data-testid="limit-line"]')).toBeNull();
    expect(b.container.querySelector('[data-testid="limit-divergent"]')?.textContent).toBe(
      'Eg(∞) = ∞',
    );
  });

  it('shows the Gibbs and posterior-mean errors with T > 0', () => {
    const { container } = render(
      <LearningCurve curve={langevinCurve()} pins={[]} sim={null} width={W} height={H} />,
    );
    // E_g(∞) of Langevin is the Gibbs error: one line carries both names.
    expect(container.querySelector('[data-testid="limit-line"]')?.textContent).toBe(
      'Eg(∞) = EGibbs = 0.0487',
    );
    expect(container.querySelector('[data-testid="posterior-mean-line"]')?.textContent).toBe(
      'posterior mean Epm = 0.0214',
    );
    // A curve whose limit differs from the Gibbs error gets a separate Gibbs line.
    cleanup();
    const c = langevinCurve();
    c.limit = { ...c.limit, Eg: 0.05 };
    const r = render(<LearningCurve curve={c} pins={[]} sim={null} width={W} height={H} />);
    expect(r.container.querySelector('[data-testid="gibbs-line"]')?.textContent).toBe(
      'Gibbs error EGibbs = 0.0487',
    );
  });

  it('does not show posterior lines for gradient flow', () => {
    const { container } = render(
      <LearningCurve curve={earlyStopCurve()} pins={[]} sim={null} width={W} height={H} />,
    );
    expect(container.querySelector('[data-testid="gibbs-line"]')).toBeNull();
    expect(container.querySelector('[data-testid="posterior-mean-line"]')).toBeNull();
  });

  it('draws pins, simulation points with error bars, and the theory at the simulation M', () => {
    const { container } = render(
      <LearningCurve
        curve={basicCurve()}
        pins={pins()}
        sim={{ result: simResult(), theory: simTheory() }}
        width={W}
        height={H}
      />,
    );
    const pinPaths = container.querySelectorAll('path[data-series="pin"]');
    expect(Array.from(pinPaths, (p) => p.getAttribute('data-pin-id'))).toEqual(['a', 'b']);
    expect((pinPaths[0] as SVGPathElement).style.stroke).toBe('var(--c-pin-0)');
    const sim = container.querySelector('g[data-series="sim"]')!;
    expect(sim.querySelectorAll('circle')).toHaveLength(13);
    expect(sim.querySelectorAll('line')).toHaveLength(13);
    expect(container.querySelector('path[data-series="sim-theory"]')).not.toBeNull();
    const legend = container.querySelector('[data-testid="legend"]')!.textContent!;
    expect(legend).toContain('16 seeds (±1 s.e.m.)');
    expect(legend).toContain('theory at M = 2000');
    expect(legend).toContain('P = 1600');
  });

  it('shows "No data" for a null curve and for a curve without drawable points', () => {
    const a = render(<LearningCurve curve={null} pins={[]} sim={null} width={W} height={H} />);
    expect(a.container.querySelector('[data-testid="no-data"]')?.textContent).toMatch(/No data/);
    expect(a.container.querySelector('path[data-series="Eg"]')).toBeNull();
    cleanup();
    const c = basicCurve();
    c.Eg.fill(NaN);
    c.Etr.fill(-1);
    const b = render(<LearningCurve curve={c} pins={[]} sim={null} width={W} height={H} />);
    expect(b.container.querySelector('[data-testid="no-data"]')).not.toBeNull();
    expect(b.container.innerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('breaks lines at non-finite and non-positive values', () => {
    const { container } = render(
      <LearningCurve curve={nonFiniteCurve()} pins={[]} sim={null} width={W} height={H} />,
    );
    const d = container.querySelector('path[data-series="Eg"]')!.getAttribute('d')!;
    // Four runs: [0,2], [4,9], [11,19], [22,60].
    expect(d.match(/M/g)).toHaveLength(4);
    const etr = container.querySelector('path[data-series="Etr"]')!.getAttribute('d')!;
    expect(etr.match(/M/g)).toHaveLength(2);
  });

  it('rounds path coordinates to 2 decimals', () => {
    const { container } = render(
      <LearningCurve curve={earlyStopCurve()} pins={[]} sim={null} width={W} height={H} />,
    );
    const paths = Array.from(container.querySelectorAll('path'));
    // E_g and E_tr, each with fractional coordinates to round: the check is not vacuous.
    expect(paths.length).toBeGreaterThanOrEqual(2);
    for (const p of paths) expect(p.getAttribute('d')).toMatch(/^M.*\d\.\d/);
    for (const p of paths) expect(p.getAttribute('d')).not.toMatch(/\.\d{3}/);
  });

  it('labels the x axis in decades for a known domain', () => {
    const labels = (w: number): string[] => {
      const { container } = render(
        <LearningCurve curve={basicCurve()} pins={[]} sim={null} width={w} height={H} />,
      );
      const out = Array.from(
        container.querySelectorAll('.sp-axis--bottom .sp-tick-label'),
        (t) => t.textContent!,
      );
      cleanup();
      return out;
    };
    expect(labels(640)).toEqual(['10⁻²', '10⁻¹', '10⁰', '10¹', '10²', '10³', '10⁴', '10⁵', '10⁶']);
    // Narrow: every second decade.
    expect(labels(375)).toEqual(['10⁻²', '10⁰', '10²', '10⁴', '10⁶']);
  });

  it('keeps tick labels apart at 375 px, in both variants', () => {
    for (const variant of ['normal', 'lecture'] as const) {
      for (const curve of [basicCurve(), hugeRangeCurve(), earlyStopCurve()]) {
        const m = metricsFor(variant);
        const L = learningCurveLayout({
          curve,
          pins: [],
          sim: null,
          width: 375,
          height: 300,
          showEtr: true,
          metrics: m,
        });
        const xs = L.xTicks.major.map((t) => ({
          p: L.x(t.value),
          w: textWidth(t.label, m.tickFont),
        }));
        for (let i = 1; i < xs.length; i++)
          expect(xs[i].p - xs[i - 1].p).toBeGreaterThan((xs[i].w + xs[i - 1].w) / 2 + 4);
        const ys = L.yTicks.major.map((t) => L.y(t.value));
        for (let i = 1; i < ys.length; i++)
          expect(Math.abs(ys[i] - ys[i - 1])).toBeGreaterThan(m.tickFont + 2);
        expect(L.xTicks.major.length).toBeGreaterThanOrEqual(2);
        expect(L.yTicks.major.length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('places the early-stop and limit labels clear of the curves', () => {
    const curve = earlyStopCurve();
    const m = metricsFor('normal');
    const L = learningCurveLayout({
      curve,
      pins: [],
      sim: null,
      width: W,
      height: H,
      showEtr: true,
      metrics: m,
    });
    const X = (v: number): number => L.x(v);
    const Y = (v: number): number => L.y(v);
    const lines = [
      present(seriesPoints(curve.t, curve.Eg, X, Y)),
      present(seriesPoints(curve.t, curve.Etr, X, Y)),
    ];
    const es = L.earlyStop!;
    const w = (lines: string[]): number => Math.max(...lines.map((l) => richWidth(l, m.labelFont)));
    const boxes = [labelBox(es.label.pos, w(es.label.lines), m.labelFont, es.label.lines.length)];
    for (const r of L.refs) boxes.push(labelBox(r.pos, w(r.lines), m.labelFont, r.lines.length));
    // At this size the long forms fit.
    expect(es.label.lines).toHaveLength(1);
    expect(L.refs[0].lines).toEqual(['E_g(∞) = 0.0634']);
    for (const b of boxes) {
      for (const line of lines) expect(polylineHits(line, b)).toBe(0);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(L.plotW);
    }
  });

  it('lets a plunging E_tr leave the frame instead of squashing E_g', () => {
    const L = learningCurveLayout({
      curve: etrPlungeCurve(),
      pins: [],
      sim: null,
      width: W,
      height: H,
      showEtr: true,
      metrics: metricsFor('normal'),
    });
    const [lo] = L.y.domain();
    // 1.5 decades below the lowest E_g, plus the 6 % padding.
    expect(lo).toBeGreaterThan(0.05 / 10 ** 1.75);
    expect(L.paths.find((p) => p.series === 'Etr')!.d).toMatch(/^M/);
  });

  it('includes every drawn series in the y domain, with padding', () => {
    const curve = basicCurve();
    const L = learningCurveLayout({
      curve,
      pins: pins(),
      sim: { result: simResult(), theory: simTheory() },
      width: W,
      height: H,
      showEtr: true,
      metrics: metricsFor('normal'),
    });
    const [lo, hi] = L.y.domain();
    const all = [...curve.Eg, ...curve.Etr, ...pins().flatMap((p) => [...p.curve.Eg])];
    expect(lo).toBeLessThan(Math.min(...all));
    expect(hi).toBeGreaterThan(Math.max(...all));
    expect(L.x.domain()).toEqual([1e-2, 1e6]);
  });
});

/** The layout of a curve alone, at the test size (where the pointer events land). */
const plainLayout = (curve: CurveResult) =>
  learningCurveLayout({
    curve,
    pins: [],
    sim: null,
    width: W,
    height: H,
    showEtr: true,
    metrics: metricsFor('normal'),
  });

describe('LearningCurve crosshair', () => {
  const readout = (c: HTMLElement): string | null =>
    c.querySelector('[data-testid="readout"]')?.textContent ?? null;

  it('appears on focus, moves with the arrow keys, Home/End, and hides on Escape and blur', () => {
    const curve: CurveResult = basicCurve();
    const { container } = render(
      <LearningCurve curve={curve} pins={pins()} sim={null} width={W} height={H} />,
    );
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('tabindex')).toBe('0');
    expect(readout(container)).toBeNull();
    act(() => svg.focus());
    // No interior early stop: the crosshair starts at the last point.
    expect(readout(container)).toContain('t = 10⁶');
    fireEvent.keyDown(svg, { key: 'Home' });
    expect(readout(container)).toContain('t = 0.01000');
    expect(readout(container)).toContain(`Eg = ${(0.5 / Math.sqrt(1.01) + 0.01).toPrecision(4)}`);
    expect(readout(container)).toContain('Etr = ');
    expect(readout(container)).toContain('P = 100: ');
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    expect(readout(container)).toContain(`t = ${curve.t[1].toPrecision(4)}`);
    fireEvent.keyDown(svg, { key: 'ArrowLeft' });
    fireEvent.keyDown(svg, { key: 'ArrowLeft' });
    expect(readout(container)).toContain('t = 0.01000');
    fireEvent.keyDown(svg, { key: 'End' });
    expect(readout(container)).toContain('t = 10⁶');
    expect(svg.getAttribute('aria-label')).toMatch(/Crosshair at t = 10⁶, Eg = /);
    fireEvent.keyDown(svg, { key: 'Escape' });
    expect(readout(container)).toBeNull();
    fireEvent.keyDown(svg, { key: 'ArrowLeft' });
    expect(readout(container)).not.toBeNull();
    act(() => svg.blur());
    expect(readout(container)).toBeNull();
  });

  it('starts at t* when early stopping pays', () => {
    const curve = earlyStopCurve();
    const { container } = render(
      <LearningCurve curve={curve} pins={[]} sim={null} width={W} height={H} />,
    );
    act(() => container.querySelector('svg')!.focus());
    const m = readout(container)!.match(/t = ([\d.]+)·10²/);
    expect(m).not.toBeNull();
    expect((Number(m![1]) * 100) / curve.earlyStop.t).toBeGreaterThan(0.8);
    expect((Number(m![1]) * 100) / curve.earlyStop.t).toBeLessThan(1.25);
  });

  it('follows the pointer to the nearest time point and reports it', () => {
    const curve = basicCurve();
    const seen: (number | null)[] = [];
    const { container } = render(
      <LearningCurve
        curve={curve}
        pins={[]}
        sim={null}
        width={W}
        height={H}
        onCursorChange={(t) => seen.push(t)}
      />,
    );
    const svg = container.querySelector('svg')!;
    const L = plainLayout(curve);
    // jsdom has no layout: the svg's client rect is at 0,0, so clientX is the svg x coordinate.
    fireEvent.pointerMove(svg, { clientX: L.margin.left + L.x(100) + 1 });
    expect(readout(container)).toContain('t = 1.000·10²');
    expect(seen[seen.length - 1]).toBeCloseTo(100, 6);
    const line = container.querySelector('[data-testid="crosshair"] line')!;
    expect(Number(line.getAttribute('x1'))).toBeCloseTo(L.x(100), 1);
    fireEvent.pointerLeave(svg);
    expect(readout(container)).toBeNull();
    expect(seen[seen.length - 1]).toBeNull();
  });
});

describe('LearningCurve time cursor', () => {
  const held = (c: HTMLElement) => c.querySelector('[data-testid="time-cursor"]');

  it('is placed and dragged with the pointer, moved by the keys, removed by Escape', () => {
    const curve = basicCurve();
    let t: number | null = null;
    const onTimeCursor = (v: number | null) => (t = v);
    const draw = () => (
      <LearningCurve
        curve={curve}
        pins={[]}
        sim={null}
        width={W}
        height={H}
        timeCursor={t}
        onTimeCursor={onTimeCursor}
      />
    );
    const { container, rerender } = render(draw());
    const svg = container.querySelector('svg')!;
    const L = plainLayout(curve);
    fireEvent.pointerDown(svg, { clientX: L.margin.left + L.x(100), button: 0, pointerId: 1 });
    expect(t).toBeCloseTo(100, 6);
    fireEvent.pointerMove(svg, { clientX: L.margin.left + L.x(3000), buttons: 1, pointerId: 1 });
    expect(t).toBeCloseTo(3000, 6);
    fireEvent.pointerUp(svg, { pointerId: 1 });
    rerender(draw());
    const g = held(container)!;
    expect(Number(g.getAttribute('data-t'))).toBeCloseTo(3000, 6);
    // Between computed times the read-out is the drawn (log-log straight) line.
    expect(g.textContent).toContain('t = 3.000·10³');
    expect(g.textContent).toMatch(/Eg = [\d.]+/);
    // The keys step it from computed time to computed time.
    fireEvent.keyDown(svg, { key: 'End' });
    expect(t).toBe(curve.t[curve.t.length - 1]);
    rerender(draw());
    fireEvent.keyDown(svg, { key: 'ArrowLeft' });
    expect(t).toBe(curve.t[curve.t.length - 2]);
    rerender(draw());
    fireEvent.keyDown(svg, { key: 'Escape' });
    expect(t).toBeNull();
    rerender(draw());
    expect(held(container)).toBeNull();
  });

  it('Enter holds it where the keyboard crosshair is', () => {
    const curve = basicCurve();
    let t: number | null = null;
    const { container } = render(
      <LearningCurve
        curve={curve}
        pins={[]}
        sim={null}
        width={W}
        height={H}
        onTimeCursor={(v) => (t = v)}
      />,
    );
    const svg = container.querySelector('svg')!;
    act(() => svg.focus());
    fireEvent.keyDown(svg, { key: 'Home' });
    fireEvent.keyDown(svg, { key: 'Enter' });
    expect(t).toBe(curve.t[0]);
  });
});

describe('readCurveAt', () => {
  it('reads the log-log polyline: exact at computed times, straight between, NaN outside', () => {
    const ts = [1, 10, 100];
    const ys = [1, 0.1, 0.1];
    expect(readCurveAt(ts, ys, 10)).toBe(0.1);
    expect(readCurveAt(ts, ys, Math.sqrt(10))).toBeCloseTo(Math.sqrt(0.1), 12);
    expect(readCurveAt(ts, ys, 50)).toBeCloseTo(0.1, 12);
    expect(readCurveAt(ts, ys, 0.5)).toBeNaN();
    expect(readCurveAt(ts, ys, 200)).toBeNaN();
    expect(readCurveAt([1, 10], [1, 0], 3)).toBeNaN();
  });
});
