// The page layout. Desktop: controls | learning curve (+ lesson, pins, the panels under it) | side
// panels. Narrower screens fold the side panels under the curve, phones use a single column (CSS
// grid areas in app.css). Lecture mode is a theme (theme.css) plus a projector layout: the first
// screen holds the figure the lesson's text is about (the learning curve with its caption, or the
// lesson's panel instead of it or under it: lessons/stage.ts), the lesson and the lesson's
// sliders; the other panels follow below. Which panel goes where, and when it shows, is the panel
// table's (panels.ts).
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ComponentType,
  type CSSProperties,
  type ReactNode,
  type RefObject,
} from 'react';
import { cancelSimulation, startSimulation } from '../compute/index.ts';
import { runTooLarge } from '../claims/simulation.ts';
import { stepLesson } from '../lessons/apply.ts';
import { lessonById } from '../lessons/lessons.ts';
import { lectureStage, stagePanels, type LectureStage } from '../lessons/stage.ts';
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
import { panelRecord, shownComponents, type PanelSection } from './panels.ts';
import { PinsBar } from './PinsBar.tsx';
import { togglePlay, usePlayLoop } from './play/PlayBar.tsx';
import type { ShortcutAction } from './shortcuts.ts';
import { showEarlyStop } from './showEarlyStop.ts';
import { useShortcuts } from './shortcuts.ts';
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

/** The keyboard shortcuts (shortcuts.ts) and what each does. */
function useAppShortcuts(onHelp: () => void, onCopy: () => void) {
  const handle = useCallback(
    (a: ShortcutAction) => {
      const s = appStore.getState();
      switch (a) {
        case 'help':
          onHelp();
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
          // As the box's Run button: not at sizes the run cannot take (the box says why).
          if (!runTooLarge(s.params)) startSimulation();
          break;
        case 'cancelSim':
          cancelSimulation();
          break;
        case 'copyLink':
          onCopy();
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
    },
    [onHelp, onCopy],
  );
  useShortcuts(handle);
}

const NONE: readonly ComponentType[] = [];

/** The shown panels of these sections, in the panel table's order (less those on the stage). */
function PanelList({
  sections,
  exclude = NONE,
}: {
  sections: readonly PanelSection[];
  exclude?: readonly ComponentType[];
}) {
  const panels = useApp((s) => s.view.panels);
  const data = useApp((s) => s.params.data);
  const regime = useApp((s) => s.params.regime);
  const list = useMemo(
    () =>
      shownComponents(sections, { view: { panels }, params: { data, regime } }).filter(
        (p) => !exclude.includes(p.component),
      ),
    [sections, panels, data, regime, exclude],
  );
  return list.map(({ key, component: Panel }) => <Panel key={key} />);
}

/** The lecture stage of the lesson on screen, in the state on screen (lessons/stage.ts). */
function useLectureStage(): LectureStage {
  const lesson = useApp((s) => s.view.lesson);
  const step = useApp((s) => s.view.step);
  const panels = useApp((s) => s.view.panels);
  const data = useApp((s) => s.params.data);
  return useMemo(
    () =>
      lectureStage(
        stagePanels(lessonById(lesson), step, panels, data),
        (id) => panelRecord(id).stage.place,
      ),
    [lesson, step, panels, data],
  );
}

const UNDER_AND_BELOW = ['under', 'below'] as const;
const SIDE = ['side'] as const;
const ALL_BUT_MAIN = ['under', 'side', 'below'] as const;

interface LayoutProps {
  header: ReactNode;
}

/**
 * Lecture: one projected screen holds the plot with its caption, the lesson and the sliders it
 * names; everything else follows below the fold.
 */
function LectureLayout({ header, stage }: LayoutProps & { stage: RefObject<HTMLElement | null> }) {
  const lessonId = useApp((s) => s.view.lesson);
  const focusKeys = useFocusKeys();
  const { main, under } = useLectureStage();
  const Main = panelRecord(main).component;
  const underRecord = under ? panelRecord(under) : null;
  const Under = underRecord?.component;
  const onStage = useMemo(() => (Under ? [Main, Under] : [Main]), [Main, Under]);
  const underHeight =
    underRecord?.stage.place === 'under-curve' ? `${underRecord.stage.minHeight}px` : undefined;
  return (
    <>
      <div className="stage-screen">
        {header}
        <main ref={stage} className={lessonId ? 'stage' : 'stage stage--bare'}>
          <div className="area-center" id="main-plot">
            <div className="stage-main" data-testid="stage-main" data-stage={main}>
              <Main />
            </div>
            {Under && (
              <div
                className="stage-under"
                data-testid="stage-under"
                data-stage={under}
                style={{ '--stage-under-h': underHeight } as CSSProperties}
              >
                <Under />
              </div>
            )}
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
        {/* A landmark, as the stage above is: everything on a page is in one. */}
        <div className="area-side" role="region" aria-label="Pins and more panels">
          {/* The curve, when a panel of the lesson took its place on the stage. */}
          {main !== 'curve' && <CurvePanel />}
          <PinsBar />
          <PanelList sections={ALL_BUT_MAIN} exclude={onStage} />
        </div>
        <aside className="area-controls" aria-label="Parameters">
          <Controls exclude={focusKeys} />
        </aside>
      </div>
    </>
  );
}

function DeskLayout({ header }: LayoutProps) {
  const [sheet, setSheet] = useState(true);
  return (
    <>
      {header}
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
          <PanelList sections={UNDER_AND_BELOW} />
        </div>
        <div className="area-side">
          <PanelList sections={SIDE} />
        </div>
      </main>
    </>
  );
}

export function App() {
  const theme = useApp((s) => s.view.theme);
  const lessonId = useApp((s) => s.view.lesson);
  const lecture = theme === 'lecture';
  const [help, setHelp] = useState(false);
  const [copyRequest, setCopyRequest] = useState(0);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const openHelp = useCallback(() => setHelp(true), []);
  const copy = useCallback(() => setCopyRequest((n) => n + 1), []);
  useAppShortcuts(openHelp, copy);
  usePlayLoop();
  useMenusCloseOnOutsideClick();
  const stage = useRef<HTMLElement>(null);
  useLessonFit(stage, lecture && Boolean(lessonId));

  const header = (
    <>
      <Header onHelp={openHelp} copyRequest={copyRequest} />
      <UrlNotice />
      <ComputeErrors />
    </>
  );
  return (
    <div className={`app app--${theme}`}>
      <a className="skip" href="#main-plot">
        Skip to the plot
      </a>
      {lecture ? <LectureLayout header={header} stage={stage} /> : <DeskLayout header={header} />}
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
