// The export menu (a <details> disclosure: keyboard-accessible without scripting): the figures and
// data files of the panels on screen, as the panel table (panels.ts) lists them.
import { appStore } from '../state/store.ts';
import { useApp } from '../state/hooks.ts';
import { downloadText, exportPng, exportSvg, footerOf } from './exportData.ts';
import {
  figuresShown,
  isShown,
  PANEL_TABLE,
  type DataExport,
  type FigureExport,
} from './panels.ts';
import { toast } from './toast.tsx';

const state = () => appStore.getState();
// The address bar holds the complete state (urlSync.ts): it is the figure's link.
const link = () => window.location.href;

/** Close the menu, do the export, and say how it went. */
function run(el: HTMLElement, f: () => boolean | Promise<boolean>, what: string) {
  const d = el.closest('details');
  if (d) d.open = false;
  Promise.resolve()
    .then(f)
    .then(
      (ok) => toast(ok ? `Exported ${what}` : `Nothing to export yet (${what})`),
      (e: unknown) => toast(`Export failed: ${e instanceof Error ? e.message : String(e)}`),
    );
}

const writeFigure = (f: FigureExport, format: 'svg' | 'png') => () => {
  const footer = footerOf(state(), link(), f.facts(state()));
  return format === 'svg' ? exportSvg(f.svg, f.name, footer) : exportPng(f.svg, f.name, footer);
};

const writeData = (d: DataExport) => async () => {
  const text = await d.write(state(), link());
  if (text === null) return false;
  downloadText(text, d.file, d.type);
  return true;
};

function FigureRow({ f }: { f: FigureExport }) {
  return (
    <div className="menu-row">
      <span>{f.label}</span>
      {(['svg', 'png'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="btn btn--small"
          data-testid={`export-${f.name}-${format}`}
          onClick={(e) =>
            run(e.currentTarget, writeFigure(f, format), `${f.label} ${format.toUpperCase()}`)
          }
        >
          {format.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

function DataButton({ d, ready }: { d: DataExport; ready: boolean }) {
  return (
    <button
      type="button"
      className="btn btn--small"
      data-testid={d.testid}
      disabled={!ready}
      onClick={(e) => run(e.currentTarget, writeData(d), d.label)}
    >
      {d.label}
    </button>
  );
}

export function ExportMenu() {
  // Which panels are on screen, which of their data files have something to write, and which of
  // their figures are drawn (figuresShown): a string, so the menu re-renders only on a change.
  const key = useApp((s) =>
    PANEL_TABLE.map((r) =>
      isShown(r, s)
        ? `${r.data.map((d) => (d.ready(s) ? '1' : '0')).join('')}:${figuresShown(r, s)
            .map((f) => f.name)
            .join(',')}`
        : '-',
    ).join('|'),
  );
  const flags = key.split('|');
  const shown = PANEL_TABLE.flatMap((r, i) => {
    if (flags[i] === '-') return [];
    const [ready, drawn] = flags[i].split(':');
    const names = drawn.split(',');
    return [{ r, ready, figures: r.figures.filter((f) => names.includes(f.name)) }];
  });
  return (
    <details className="menu" data-testid="export-menu">
      <summary className="btn">Export</summary>
      <div className="menu-body">
        <p className="menu-title">Plots</p>
        {shown.flatMap(({ figures }) => figures.map((f) => <FigureRow key={f.name} f={f} />))}
        <p className="menu-title">Data</p>
        {shown.flatMap(({ r, ready }) =>
          r.data.map((d, j) => <DataButton key={d.testid} d={d} ready={ready[j] === '1'} />),
        )}
      </div>
    </details>
  );
}
