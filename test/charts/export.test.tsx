// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  curvesToCsv,
  resolveCssVars,
  resultToJson,
  standaloneSvg,
  svgToString,
} from '../../src/charts/export.ts';
import { LearningCurve } from '../../src/charts/LearningCurve.tsx';
import { resampleLogLog } from '../../src/model/resample.ts';
import { textWidth } from '../../src/charts/labels.ts';
import { basicCurve, divergentCurve, makeCurve, pins } from './fixtures.ts';

afterEach(() => {
  cleanup();
  document.head.innerHTML = '';
});

describe('resolveCssVars', () => {
  const vars: Record<string, string> = { '--a': '#111111', '--b': 'var(--a)', '--empty': '' };
  const lookup = (n: string): string => vars[n] ?? '';
  it('resolves variables, fallbacks and nesting', () => {
    expect(resolveCssVars('var(--a)', lookup)).toBe('#111111');
    expect(resolveCssVars('var(--b)', lookup)).toBe('#111111');
    expect(resolveCssVars('var(--missing, #222)', lookup)).toBe('#222');
    expect(resolveCssVars('var(--missing, var(--a))', lookup)).toBe('#111111');
    expect(resolveCssVars('var(--missing, rgb(1, 2, 3))', lookup)).toBe('rgb(1, 2, 3)');
    expect(resolveCssVars('1px solid var(--a)', lookup)).toBe('1px solid #111111');
    expect(resolveCssVars('var(--missing)', lookup)).toBe('');
    expect(resolveCssVars('red', lookup)).toBe('red');
  });
});

describe('svgToString', () => {
  it('writes a standalone SVG: xmlns, background, font, resolved colours, no crosshair', () => {
    const style = document.createElement('style');
    style.textContent = ':root { --bg: #fafafa; --c-pin-0: #1b9e77; --c-pin-1: #7570b3; }';
    document.head.appendChild(style);
    const { container } = render(
      <LearningCurve curve={basicCurve()} pins={pins()} sim={null} width={640} height={400} />,
    );
    const svg = container.querySelector('svg')!;
    act(() => svg.focus());
    expect(svg.querySelector('[data-testid="crosshair"]')).not.toBeNull();
    const text = svgToString(svg);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toMatch(
      /<rect x="0" y="0" width="640" height="400" fill="#fafafa" data-export-background=""/,
    );
    expect(text).toMatch(/<svg[^>]*style="[^"]*font-family:/);
    expect(text).not.toContain('data-testid="crosshair"');
    expect(text).not.toContain('tabindex');
    // Pin colours given as CSS variables are written as colours.
    expect(text).toContain('stroke:#1b9e77');
    expect(text).toContain('stroke:#7570b3');
    expect(text).not.toMatch(/var\(--/);
    expect(text).not.toMatch(/NaN|Infinity/);
    // The live chart is untouched.
    expect(svg.querySelector('[data-testid="crosshair"]')).not.toBeNull();
    // Well-formed XML.
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.querySelectorAll('path[data-series="pin"]')).toHaveLength(2);
  });

  it('defaults to a white background and accepts overrides', () => {
    const { container } = render(<LearningCurve curve={basicCurve()} width={300} height={200} />);
    const svg = container.querySelector('svg')!;
    expect(svgToString(svg)).toContain('fill="#ffffff" data-export-background');
    const custom = svgToString(svg, { background: '#000000', fontFamily: 'Inter' });
    expect(custom).toContain('fill="#000000" data-export-background');
    expect(custom).toContain('font-family:Inter');
  });

  it('draws a footer below the chart, wrapped to its width, and grows to hold it', () => {
    const { container } = render(<LearningCurve curve={basicCurve()} width={300} height={200} />);
    const svg = container.querySelector('svg')!;
    const link = `http://127.0.0.1/?v=1&${'alpha=1.5&'.repeat(12)}P=4000`;
    const out = standaloneSvg(svg, { footer: ['Gradient flow · P = 4000', `Link: ${link}`] });
    expect(out.width).toBe(300);
    expect(out.height).toBeGreaterThan(200 + 3 * 11);
    const doc = new DOMParser().parseFromString(out.xml, 'image/svg+xml');
    const root = doc.documentElement;
    expect(root.getAttribute('height')).toBe(String(out.height));
    expect(root.getAttribute('viewBox')).toBe(`0 0 300 ${out.height}`);
    const bg = root.querySelector('[data-export-background]')!;
    expect(bg.getAttribute('height')).toBe(String(out.height));
    const lines = [...root.querySelectorAll('[data-export-footer] text')].map((t) => t.textContent);
    expect(lines[0]).toBe('Gradient flow · P = 4000');
    expect(lines.length).toBeGreaterThan(2); // the link wraps
    expect(lines.slice(1).join('').replace(/ /g, '')).toBe(`Link:${link}`);
    for (const l of lines) expect(textWidth(l!, 11)).toBeLessThanOrEqual(280);
    // Every line sits below the chart and inside the file.
    for (const t of root.querySelectorAll('[data-export-footer] text')) {
      const y = Number(t.getAttribute('y'));
      expect(y).toBeGreaterThan(200);
      expect(y).toBeLessThanOrEqual(out.height);
    }
    // Without a footer nothing changes.
    expect(svgToString(svg)).not.toContain('data-export-footer');
  });
});

describe('curvesToCsv', () => {
  it('writes t, Eg, Etr and one column per pin', () => {
    const c = makeCurve({ t: [1, 10, 100], Eg: (t) => 1 / t, Etr: (t) => 0.5 / t });
    const p = makeCurve({ t: [1, 10, 100], Eg: (t) => 2 / t, Etr: () => 0 });
    const csv = curvesToCsv(c, [{ label: 'P = 100', curve: p }]);
    expect(csv).toBe(
      't,Eg,Etr,Eg_P = 100,Etr_P = 100\n1,1,0.5,2,0\n10,0.1,0.05,0.2,0\n100,0.01,0.005,0.02,0\n',
    );
  });

  it('opens with its parameters and link as comment lines', () => {
    const c = makeCurve({ t: [1], Eg: () => 1, Etr: () => 1 });
    const csv = curvesToCsv(c, [], ['params: P=400', 'link: http://x/?P=400\r\nevil']);
    expect(csv).toBe('# params: P=400\n# link: http://x/?P=400 evil\nt,Eg,Etr\n1,1,1\n');
  });

  it('writes inf for Infinity, an empty field for NaN, and quotes awkward labels', () => {
    const c = makeCurve({ t: [1, 2], Eg: () => Infinity, Etr: () => NaN });
    const csv = curvesToCsv(c, [{ label: 'a, "b"', curve: c }]);
    expect(csv.split('\n')[0]).toBe('t,Eg,Etr,"Eg_a, ""b""","Etr_a, ""b"""');
    expect(csv.split('\n')[1]).toBe('1,inf,,inf,');
  });

  it('resamples pins on other grids in log-log, blank outside their range', () => {
    const c = makeCurve({ t: [1, 10, 100, 1000], Eg: () => 1, Etr: () => 1 });
    const p = makeCurve({ t: [1, 100], Eg: (t) => 1 / t, Etr: () => 1 });
    const rows = curvesToCsv(c, [{ label: 'x', curve: p }])
      .trim()
      .split('\n');
    expect(rows.map((r) => r.split(',')[3])).toEqual([
      'Eg_x',
      '1',
      expect.stringMatching(/^0\.1(0000000000000\d*)?$/),
      '0.01',
      '',
    ]);
    const r = resampleLogLog([3], [1, 9], [1, 81]);
    expect(r[0]).toBeCloseTo(9, 10);
  });
});

describe('resultToJson', () => {
  it('writes params and arrays as plain numbers, inf for Infinity', () => {
    const c = divergentCurve();
    const doc = JSON.parse(resultToJson(c));
    expect(doc.format).toBe('scaling-playground/curve');
    expect(doc.version).toBe(1);
    expect(doc.params.N).toBe('inf');
    expect(doc.params.regime).toBe('langevin');
    expect(Array.isArray(doc.t)).toBe(true);
    expect(doc.t).toHaveLength(c.t.length);
    expect(doc.Eg[5]).toBe(c.Eg[5]);
    expect(doc.limit.Eg).toBe('inf');
    expect(doc.limit.divergent).toBe(true);
    expect(doc.earlyStop.case).toBe('inside');
    expect(doc.diagnosis.kind).toBe('data');
    expect(doc.window).toEqual({ tmin: c.t[0], tmax: c.t[c.t.length - 1], auto: false });
    expect(doc).not.toHaveProperty('ms');
  });
});
