// The export menu (a <details> disclosure: keyboard-accessible without scripting).
import { appStore } from '../state/store.ts';
import { useApp } from '../state/hooks.ts';
import {
  PLOTS,
  curvesCsv,
  downloadText,
  exportPng,
  exportSvg,
  footerOf,
  phaseGridCsv,
  simCsv,
  stateJson,
} from './exportData.ts';
import { toast } from './toast.tsx';

function closeMenu(el: HTMLElement) {
  const d = el.closest('details');
  if (d) d.open = false;
}

export function ExportMenu() {
  const hasSim = useApp((s) => !!s.results.sim?.result);
  const hasCurve = useApp((s) => !!s.results.curve);
  const hasPhase = useApp((s) => (s.results.phase?.grid.done ?? 0) > 0);
  const panels = useApp((s) => s.view.panels);
  const visible = PLOTS.filter(
    (p) =>
      p.testid === 'learning-curve' ||
      (p.testid === 'scaling-P' && panels.includes('scalingP')) ||
      (p.testid === 'scaling-N' && panels.includes('scalingN')) ||
      (p.testid === 'modes' && panels.includes('modes')) ||
      (p.testid === 'phase-diagram' && panels.includes('phase')),
  );
  const run = (el: HTMLElement, f: () => boolean | Promise<boolean>, what: string) => {
    closeMenu(el);
    Promise.resolve(f()).then(
      (ok) => toast(ok ? `Exported ${what}` : `Nothing to export yet (${what})`),
      (e: unknown) => toast(`Export failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  const text = (make: () => string | null, file: string, type: string) => () => {
    const t = make();
    if (t === null) return false;
    downloadText(t, file, type);
    return true;
  };
  const s = () => appStore.getState();
  // The address bar holds the complete state (urlSync.ts): it is the figure's link.
  const footer = () => footerOf(s(), window.location.href);
  return (
    <details className="menu" data-testid="export-menu">
      <summary className="btn">Export</summary>
      <div className="menu-body">
        <p className="menu-title">Plots</p>
        {visible.map((p) => (
          <div key={p.testid} className="menu-row">
            <span>{p.label}</span>
            <button
              type="button"
              className="btn btn--small"
              data-testid={`export-${p.name}-svg`}
              onClick={(e) =>
                run(e.currentTarget, () => exportSvg(p.testid, p.name, footer()), `${p.label} SVG`)
              }
            >
              SVG
            </button>
            <button
              type="button"
              className="btn btn--small"
              data-testid={`export-${p.name}-png`}
              onClick={(e) =>
                run(e.currentTarget, () => exportPng(p.testid, p.name, footer()), `${p.label} PNG`)
              }
            >
              PNG
            </button>
          </div>
        ))}
        <p className="menu-title">Data</p>
        <button
          type="button"
          className="btn btn--small"
          data-testid="export-csv"
          disabled={!hasCurve}
          onClick={(e) =>
            run(
              e.currentTarget,
              text(() => curvesCsv(s(), window.location.href), 'curves.csv', 'text/csv'),
              'curves CSV',
            )
          }
        >
          Curves (CSV)
        </button>
        <button
          type="button"
          className="btn btn--small"
          data-testid="export-json"
          onClick={(e) =>
            run(
              e.currentTarget,
              text(() => stateJson(s(), window.location.href), 'state.json', 'application/json'),
              'parameters and results JSON',
            )
          }
        >
          Parameters and results (JSON)
        </button>
        <button
          type="button"
          className="btn btn--small"
          data-testid="export-sim-csv"
          disabled={!hasSim}
          onClick={(e) =>
            run(
              e.currentTarget,
              text(() => simCsv(s(), window.location.href), 'simulation.csv', 'text/csv'),
              'simulation CSV',
            )
          }
        >
          Simulation (CSV)
        </button>
        {panels.includes('phase') && (
          <button
            type="button"
            className="btn btn--small"
            data-testid="export-phase-csv"
            disabled={!hasPhase}
            onClick={(e) =>
              run(
                e.currentTarget,
                text(() => phaseGridCsv(s()), 'phase-grid.csv', 'text/csv'),
                'phase grid CSV',
              )
            }
          >
            Phase grid (CSV)
          </button>
        )}
      </div>
    </details>
  );
}
