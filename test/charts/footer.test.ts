import { describe, expect, it } from 'vitest';
import { figureFooter, wrapLines } from '../../src/charts/footer.ts';
import { addPngText, readPngText } from '../../src/charts/pngText.ts';
import { DEFAULT_PARAMS } from '../../src/model/params.ts';
import { basicCurve } from './fixtures.ts';

describe('figureFooter', () => {
  it('names the regime, the parameters, the window, the bottleneck and the link', () => {
    const c = basicCurve();
    const [what, link] = figureFooter(c, DEFAULT_PARAMS, 'http://h/?v=1&P=400');
    expect(what).toMatch(/^Gradient flow · α = /);
    expect(what).toContain(`P = ${c.params.P}`);
    expect(what).toMatch(/t from \S+ to \S+/);
    expect(what).toMatch(/bottleneck: [A-Z]/);
    expect(link).toBe('Link: http://h/?v=1&P=400');
  });

  it('states the window the curve spans: an automatic one as the engine chose it', () => {
    const c = basicCurve();
    const auto = { ...c, window: { tmin: 1e-3, tmax: 1e5, auto: true } };
    expect(figureFooter(auto, DEFAULT_PARAMS, 'u')[0]).toContain(' · t from 10⁻³ to 10⁵ (auto) · ');
    const typed = { ...c, window: { tmin: 0.01, tmax: 1e6, auto: false } };
    expect(figureFooter(typed, DEFAULT_PARAMS, 'u')[0]).toContain(' · t from 0.01 to 10⁶ · ');
  });

  it('says what another figure shows, its own ranges and notes, and can leave the bottleneck out', () => {
    const c = basicCurve();
    const facts = { what: 'E_g against dataset size P, at t → ∞', window: 'P from 10 to 10⁴' };
    const [line] = figureFooter(c, DEFAULT_PARAMS, 'u', { ...facts, notes: ['fit: slope −1.03'] });
    expect(line).toMatch(
      /^E_g against dataset size P, at t → ∞ · Gradient flow · α = .* · P from 10 to 10⁴ · fit: slope −1\.03 · bottleneck: /,
    );
    expect(line).not.toContain('t from');
    const [bare] = figureFooter(c, DEFAULT_PARAMS, 'u', { window: null, bottleneck: false });
    expect(bare).not.toMatch(/t from|bottleneck/);
  });

  it('gives γ and T where they act, and no bottleneck before a curve exists', () => {
    const [wd] = figureFooter(null, { ...DEFAULT_PARAMS, regime: 'wd', gamma: 0.01 }, 'u');
    expect(wd).toMatch(/^Gradient flow \+ weight decay \(γ = 0.01\) · /);
    expect(wd).not.toContain('bottleneck');
    const [lang] = figureFooter(null, { ...DEFAULT_PARAMS, regime: 'langevin', T: 0.5 }, 'u');
    expect(lang).toContain('T = 0.5');
    const [gf] = figureFooter(null, DEFAULT_PARAMS, 'u');
    expect(gf).not.toMatch(/γ|T =/);
  });
});

describe('wrapLines', () => {
  it('breaks at spaces and after "&", inside a word only when it alone is too long', () => {
    expect(wrapLines(['aaa bbb ccc'], 10)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapLines(['x?a=1&b=22&c=333'], 12)).toEqual(['x?a=1&b=22&', 'c=333']);
    const long = wrapLines(['Link: http://h/?v=1&alpha=1.5&beta=2&P=400&N=1000'], 12);
    expect(long.join('')).toBe('Link:http://h/?v=1&alpha=1.5&beta=2&P=400&N=1000');
    for (const l of long) expect(l.length).toBeLessThanOrEqual(12);
    expect(wrapLines(['0123456789abcdefghij'], 10)).toEqual(['0123456789', 'abcdefghij']);
    // Whole " · " parts go together when they fit.
    expect(wrapLines(['Gradient flow · t from 1 to 10 · x'], 22)).toEqual([
      'Gradient flow ·',
      't from 1 to 10 · x',
    ]);
  });
});

describe('PNG text', () => {
  // The smallest PNG: a 1×1 grey pixel (signature, IHDR, IDAT, IEND).
  const tiny = Uint8Array.from(
    atob(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
    ),
    (c) => c.charCodeAt(0),
  );

  it('stores UTF-8 text after IHDR and reads it back', () => {
    const out = addPngText(tiny, 'Description', 'σ² = 0.05 · Link: http://h/?P=4000');
    expect(out.length).toBeGreaterThan(tiny.length);
    expect(readPngText(out)).toEqual({ Description: 'σ² = 0.05 · Link: http://h/?P=4000' });
    expect(new TextDecoder().decode(out.subarray(37, 41))).toBe('iTXt');
    expect(readPngText(tiny)).toEqual({});
  });

  it('skips a chunk whose CRC does not match, and leaves what is not a PNG alone', () => {
    const out = addPngText(tiny, 'Description', 'abc');
    out[out.indexOf(0x61)] = 0x62; // 'a' → 'b' inside the text
    expect(readPngText(out)).toEqual({});
    const junk = new Uint8Array([1, 2, 3]);
    expect(addPngText(junk, 'Description', 'x')).toBe(junk);
    expect(addPngText(tiny, '', 'x')).toBe(tiny);
  });
});
