// Formulas — the equations behind the current plot, with the current numbers substituted
// (docs/theory.md §1 self-consistency, §3 Laplace representation and Langevin term, §4 posterior, §6
// exponents). Every TeX string is assembled here from code and from numbers formatted by
// texNumber/texParam: nothing user-typed reaches KaTeX's HTML.
//
// Props
//   params   Params                the parameters the figure shows.
//   curve    CurveResult | null    supplies κ(∞) and the t → ∞ errors when available.
//   hold     boolean               a drag goes on: a formula out of view keeps what it shows.
//
// Hooks: dl[data-testid="formulas"], dd[data-formula="kappa" | "time" | "langevin" | "init" |
// "posterior" | "exponents"].
import type { ReactNode } from 'react';
import { effectiveParams, type Params } from '../model/params.ts';
import { hasDynamics, showsPosterior } from '../model/regimes.ts';
import type { CurveResult } from '../model/types.ts';
import { texExponent, texNumber, texParam } from '../format/number.ts';
import { Formula } from './Formula.tsx';
import { DEFINITION, near, problems, texClaim, type Check } from '../claims/registry.ts';
import { isMeasured } from '../model/data/sources.ts';

export interface FormulasProps {
  params: Params;
  curve: CurveResult | null;
  hold?: boolean;
}

export interface FormulaItem {
  key: string;
  title: string;
  /** Trusted TeX source. */
  tex: string;
  /** What the formula with its numbers claims (checked by recomputing the numbers). */
  check?: Check;
}

/** The factor (1 − df(κ)/size), or nothing when size = ∞. */
function bracket(size: number): string {
  if (!Number.isFinite(size)) return '';
  return `\\left(1-\\frac{\\mathrm{df}(\\kappa)}{${texParam(size)}}\\right)`;
}

/** The equations for a parameter set, as trusted TeX (exported for tests). */
export function formulaItems(p: Params, curve: CurveResult | null): FormulaItem[] {
  const items: FormulaItem[] = [];
  const a = texParam(p.alpha);
  const b = texParam(p.beta);
  const dynamic = hasDynamics(p.regime);
  const gamma = effectiveParams(p).gamma;
  const posterior = showsPosterior(p);

  const general =
    '\\kappa\\left(1-\\frac{\\mathrm{df}(\\kappa)}{N}\\right)\\left(1-\\frac{\\mathrm{df}(\\kappa)}{P}\\right)=\\lambda';
  const substituted = `\\kappa${bracket(p.N)}${bracket(p.P)}=\\lambda`;
  // Measured data: λ_k are the pool's eigenvalues; α, β are the fitted exponents.
  const measured = isMeasured(p);
  const lamTex = measured
    ? `\\lambda_k\\ \\text{measured}\\ (\\approx A\\,k^{-${a}})`
    : `\\lambda_k=k^{-${a}}`;
  const df = `\\mathrm{df}(\\kappa)=\\sum_{k}\\frac{\\lambda_k}{\\lambda_k+\\kappa},\\quad ${lamTex}`;
  const kInf =
    curve && Number.isFinite(curve.limit.kappa)
      ? `,\\qquad \\kappa(\\lambda{=}${texParam(gamma)})=${texNumber(curve.limit.kappa, 3)}`
      : '';
  items.push({
    key: 'kappa',
    check: (o) =>
      curve && Number.isFinite(curve.limit.kappa)
        ? problems(near('κ(∞)', curve.limit.kappa, o.limit(p).kappa))
        : [],
    title: 'Renormalised ridge κ (self-consistency)',
    tex: `\\begin{aligned}&${general}\\\\ &${substituted}${Number.isFinite(p.N) ? '' : '\\quad(N=\\infty)'}${kInf}\\\\ &${df}\\end{aligned}`,
  });

  items.push({
    key: 'time',
    title: dynamic
      ? 'Test error in time: double inverse Laplace transform'
      : 'Posterior-mean error (t → ∞ of the mean dynamics)',
    tex: dynamic
      ? `E_g(t)=\\frac{1}{(2\\pi i)^2}\\iint e^{(s+s')t}\\,\\frac{D(s+\\gamma,\\,s'+\\gamma)}{s\\,s'}\\,ds\\,ds',\\qquad \\gamma=${texParam(gamma)},\\; \\sigma^2=${texParam(p.sigma2)}`
      : `E_{\\mathrm{pm}}=D(\\gamma,\\gamma)=\\frac{B\\!R+\\sigma^2\\Gamma}{1-\\Gamma},\\qquad \\gamma=${texParam(gamma)},\\; \\sigma^2=${texParam(p.sigma2)}`,
  });

  if (posterior && dynamic)
    items.push({
      key: 'langevin',
      title: 'Langevin term (T > 0)',
      tex: `E_g^{T}(t)=T\\,\\mathcal{L}^{-1}\\!\\left\\{\\frac{\\mathrm{df}\\big(\\kappa(\\gamma+s/2)\\big)}{s\\,\\big(1-\\mathrm{df}/P\\big)}\\right\\}(t),\\qquad T=${texParam(p.T)}`,
    });

  if (dynamic && p.sigma02 > 0)
    items.push({
      key: 'init',
      title: 'Random initialisation',
      tex: `E_g^{0}(t)=\\sigma_0^2\\,\\mathcal{L}^{-1}\\!\\left\\{\\frac{\\mathrm{df}/2}{1-\\mathrm{df}/P}\\right\\}(t),\\qquad \\sigma_0^2=${texParam(p.sigma02)}`,
    });

  if (posterior) {
    const L = curve?.limit;
    const nums =
      L && Number.isFinite(L.Emean) && Number.isFinite(L.Egibbs)
        ? `=${texNumber(L.Emean, 3)}+${texParam(p.T)}\\cdot ${texNumber(L.postVarPerT, 3)}=${texNumber(L.Egibbs, 3)}`
        : '';
    items.push({
      key: 'posterior',
      check: (o) => {
        if (!L || !Number.isFinite(L.Emean) || !Number.isFinite(L.Egibbs)) return [];
        const r = o.limit(p);
        return problems(near('E_pm', L.Emean, r.Emean), near('E_Gibbs', L.Egibbs, r.Egibbs));
      },
      title: 'Bayesian posterior (t → ∞ of Langevin)',
      tex: `E_{\\mathrm{Gibbs}}=E_{\\mathrm{pm}}+T\\,\\frac{\\mathrm{df}}{1-\\mathrm{df}/P}${nums}`,
    });
  }

  // Measured data without a spectrum computed (a file not loaded): no fitted α, β to state.
  if (measured && !curve) return items;
  const et = (p.beta - 1) / p.alpha;
  const eP = Math.min(p.beta - 1, 2 * p.alpha);
  const eN = Math.min(p.beta - 1, p.alpha);
  items.push({
    key: 'exponents',
    check: (o) => {
      const e = o.effective(p);
      return problems(
        near('(β−1)/α', et, o.formula('(β−1)/α', e.alpha, e.beta), 3),
        near('min(β−1, 2α)', eP, o.formula('min(β−1, 2α)', e.alpha, e.beta), 3),
        near('min(β−1, α)', eN, o.formula('min(β−1, α)', e.alpha, e.beta), 3),
      );
    },
    title: measured ? 'Asymptotic exponents of the fitted power laws' : 'Asymptotic exponents',
    tex:
      '\\begin{aligned}' +
      `E_g(t)&\\sim t^{-(\\beta-1)/\\alpha}=t^{-(${b}-1)/${a}}=t^{-${texExponent(et)}}\\\\ ` +
      `E_g(\\infty)&\\sim P^{-\\min(\\beta-1,\\,2\\alpha)}=P^{-${texExponent(eP)}}\\quad(N=\\infty,\\ \\sigma^2=0)\\\\ ` +
      `E_g(\\infty)&\\sim N^{-\\min(\\beta-1,\\,\\alpha)}=N^{-${texExponent(eN)}}\\quad(P=\\infty)` +
      '\\end{aligned}',
  });
  return items;
}

export function Formulas({ params, curve, hold = false }: FormulasProps): ReactNode {
  const items = formulaItems(params, curve);
  return (
    <dl className="sp-formulas" data-testid="formulas">
      {items.map((f) => (
        <div key={f.key}>
          <dt>{f.title}</dt>
          {/* Focusable: a formula wider than the panel scrolls sideways, by keyboard too. */}
          <dd
            data-formula={f.key}
            tabIndex={0}
            data-claim={texClaim(`formula.${f.key}`, f.tex, { params }, f.check ?? DEFINITION).id}
          >
            <Formula tex={f.tex} display hold={hold} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
