// The page layout. Desktop: controls | learning curve (+ lesson, pins, formulas) | panels.
// Narrower screens fold the panels under the curve, phones use a single column (CSS grid areas
// in app.css). Lecture mode is a theme (theme.css) plus a projector layout: the first screen holds
// the plot, its caption, the lesson and the lesson's sliders; the other panels follow below.
import { useCallback, useEffect, useRef, useState } from 'react';
import { cancelSimulation, startSimulation } from '../compute/index.ts';
import { stepLesson } from '../lessons/apply.ts';
import { useApp } from '../state/hooks.ts';
import { appStore } from '../state/store.ts';
import { ComputeErrors, UrlNotice } from './Banners.tsx';
import { Controls } from './controls/Controls.tsx';
import { FocusControls } from './controls/FocusControls.tsx';
import { useFocusKeys } from './controls/PinSlider.tsx';
import { CurvePanel } from './CurvePanel.tsx';
import { Header } from './Header.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { LessonPanel } from './LessonPanel.tsx';
import {
  ExponentsSection,
  FormulasSection,
  FrontierSection,
  ModesSection,
  ScalingSection,
  SpectrumSection,
} from './Panels.tsx';
import { DecompositionSection, InspectorSection, OrderSection } from './MeanFieldPanels.tsx';
import { PhaseSection } from './PhaseSection.tsx';
import { PinsBar } from './PinsBar.tsx';
import { togglePlay, usePlayLoop } from './play/PlayBar.tsx';
import type { ShortcutAction } from './shortcuts.ts';
import { showEarlyStop } from './showEarlyStop.ts';
import { useShortcuts } from './shortcuts.ts';
import { SimulationBox } from './SimulationBox.tsx';
import { Toast } from './toast.tsx';
import { useLessonFit } from './useLessonFit.ts';

/** Close the open menus (<details>); focus inside one goes back to its button (summary). */
function closeMenus(except?: Node) {
  document.querySelectorAll<HTMLDetailsElement>('details[open]').forEach((d) => {
    if (except && d.contains(except)) return;
    const hadFocus = d.contains(document.activeElement);
    d.open = false;
    if (hadFocus) d.querySelector('summary')?.focus();
  });
}

/** A menu closes when the pointer goes down anywhere outside it, as menus do. */
function useMenusCloseOnOutsideClick() {
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (e.target instanceof Node) closeMenus(e.target);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, []);
}

export function App() {
  const theme = useApp((s) => s.view.theme);
  const panels = useApp((s) => s.view.panels);
  const lessonId = useApp((s) => s.view.lesson);
  const lecture = theme === 'lecture';
  const [help, setHelp] = useState(false);
  const [sheet, setSheet] = useState(true);
  const [copyRequest, setCopyRequest] = useState(0);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const handle = useCallback((a: ShortcutAction) => {
    const s = appStore.getState();
    switch (a) {
      case 'help':
        setHelp(true);
        break;
      case 'close':
        closeMenus();
        return false; // let Escape reach fields too
      case 'lecture':
        s.setView({ theme: s.view.theme === 'lecture' ? 'normal' : 'lecture' });
        break;
      case 'nextLesson':
        stepLesson(appStore, 1);
        break;
      case 'prevLesson':
        stepLesson(appStore, -1);
        break;
      case 'pin':
        s.pin();
        break;
      case 'unpinAll':
        s.unpinAll();
        break;
      case 'runSim':
        startSimulation();
        break;
      case 'cancelSim':
        cancelSimulation();
        break;
      case 'copyLink':
        setCopyRequest((n) => n + 1);
        break;
      case 'toggleEtr':
        s.setView({ showEtr: !s.view.showEtr });
        break;
      case 'atTstar':
        s.setView({ at: 'tstar' });
        break;
      case 'atT':
        s.setView({ at: 't' });
        break;
      case 'atInf':
        s.setView({ at: 'inf' });
        break;
      case 'showTstar':
        return showEarlyStop(appStore);
      case 'play':
        // Space on a button, link, menu or list presses that instead.
        if (document.activeElement?.closest('button, summary, a, select')) return false;
        togglePlay();
        break;
      case 'focusControls':
        document.querySelector<HTMLElement>('.controls input:not([disabled])')?.focus();
        break;
    }
  }, []);
  useShortcuts(handle);
  usePlayLoop();
  useMenusCloseOnOutsideClick();

  const focusKeys = useFocusKeys();
  const stage = useRef<HTMLElement>(null);
  useLessonFit(stage, lecture && Boolean(lessonId));
  const sidePanels = (
    <>
      <SpectrumSection />
      <ScalingSection />
      <FrontierSection />
      {panels.includes('exponents') && <ExponentsSection />}
      {panels.includes('modes') && <ModesSection />}
      {panels.includes('inspector') && <InspectorSection />}
      {panels.includes('simulation') && <SimulationBox />}
    </>
  );

  return (
    <div className={`app app--${theme}`}>
      <a className="skip" href="#main-plot">
        Skip to the plot
      </a>
      {lecture ? (
        <>
          {/* Lecture: one projected screen holds the plot with its caption, the lesson and the
              sliders it names; everything else follows below the fold. */}
          <div className="stage-screen">
            <Header onHelp={() => setHelp(true)} copyRequest={copyRequest} />
            <UrlNotice />
            <ComputeErrors />
            <main ref={stage} className={lessonId ? 'stage' : 'stage stage--bare'}>
              <div className="area-center" id="main-plot">
                <CurvePanel />
              </div>
              <div className="area-lesson">
                <LessonPanel />
              </div>
              <div className="area-focus">
                <FocusControls />
              </div>
            </main>
          </div>
          <div className="layout layout--below">
            <div className="area-side">
              <PinsBar />
              {panels.includes('decomposition') && <DecompositionSection />}
              {panels.includes('order') && <OrderSection />}
              {sidePanels}
              {panels.includes('formulas') && <FormulasSection />}
              <PhaseSection />
            </div>
            <aside className="area-controls" aria-label="Parameters">
              <Controls exclude={focusKeys} />
            </aside>
          </div>
        </>
      ) : (
        <>
          <Header onHelp={() => setHelp(true)} copyRequest={copyRequest} />
          <UrlNotice />
          <ComputeErrors />
          <main className="layout">
            <aside
              className={`area-controls${sheet ? '' : ' is-collapsed'}`}
              aria-label="Parameters"
              data-testid="controls-sheet"
            >
              {/* Phones: the controls are a sheet at the bottom of the screen, under the plot they
                  change; this handle folds it away to read the rest (hidden on wider screens). */}
              <button
                type="button"
                className="btn sheet-toggle"
                aria-expanded={sheet}
                data-testid="sheet-toggle"
                onClick={() => setSheet((o) => !o)}
              >
                Parameters {sheet ? '▾' : '▴'}
              </button>
              <Controls />
            </aside>
            <div className="area-center" id="main-plot">
              <LessonPanel />
              <CurvePanel />
              <PinsBar />
              {/* Under the curve, on its time axis: the parts of E_g and the order parameters. */}
              {panels.includes('decomposition') && <DecompositionSection />}
              {panels.includes('order') && <OrderSection />}
              {panels.includes('formulas') && <FormulasSection />}
              <PhaseSection />
            </div>
            <div className="area-side">{sidePanels}</div>
          </main>
        </>
      )}
      <footer className="app-footer">
        <p>
          Theory: exact mean-field (DMFT) learning curves of random-feature regression; press{' '}
          <kbd>?</kbd> for help, shortcuts and sources. Works offline; nothing is sent anywhere.
        </p>
      </footer>
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
      <Toast />
    </div>
  );
}
