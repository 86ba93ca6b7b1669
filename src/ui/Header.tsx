// The header: title, lesson navigator, copy link, panels, export, lecture mode, help.
import { useEffect, useRef, useState } from 'react';
import { applyLesson, leaveLesson, stepLesson } from '../lessons/apply.ts';
import { LESSONS } from '../lessons/lessons.ts';
import { actions, useApp } from '../state/hooks.ts';
import { appStore } from '../state/store.ts';
import { PANELS } from '../state/view.ts';
import { copyLink, type CopiedLink } from './copyLink.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { PANEL_LABELS, panelRegimeNote } from './panels.ts';
import { ClaimText } from '../charts/Claimed.tsx';

function LessonNav() {
  const lesson = useApp((s) => s.view.lesson);
  const index = LESSONS.findIndex((l) => l.id === lesson);
  return (
    <nav className="lesson-nav" aria-label="Lessons">
      <button
        type="button"
        className="btn btn--icon"
        aria-label="Previous lesson (p)"
        disabled={index === 0}
        onClick={() => stepLesson(appStore, -1)}
      >
        ‹
      </button>
      <select
        className="lesson-select"
        aria-label="Lesson"
        data-testid="lesson-select"
        value={lesson ?? ''}
        onChange={(e) =>
          e.target.value ? applyLesson(appStore, e.target.value) : leaveLesson(appStore)
        }
      >
        <option value="">Free exploration</option>
        {LESSONS.map((l, i) => (
          <option key={l.id} value={l.id}>
            {i + 1}. {l.title}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn--icon"
        aria-label="Next lesson (n)"
        data-testid="lesson-next"
        disabled={index === LESSONS.length - 1}
        onClick={() => stepLesson(appStore, 1)}
      >
        ›
      </button>
    </nav>
  );
}

function PanelsMenu() {
  const panels = useApp((s) => s.view.panels);
  const showEtr = useApp((s) => s.view.showEtr);
  const regime = useApp((s) => s.params.regime);
  return (
    <details className="menu" data-testid="panels-menu">
      <summary className="btn">Panels</summary>
      <div className="menu-body">
        {PANELS.map((p) => (
          <label key={p} className="menu-check">
            <input
              type="checkbox"
              checked={panels.includes(p)}
              data-testid={`panel-${p}`}
              onChange={() => actions().togglePanel(p)}
            />
            <span className="menu-label">{PANEL_LABELS[p]}</span>
            {(() => {
              const note = panelRegimeNote(p, regime);
              return note && <ClaimText claim={note} className="menu-note" />;
            })()}
          </label>
        ))}
        <label className="menu-check">
          <input
            type="checkbox"
            checked={showEtr}
            onChange={() => actions().setView({ showEtr: !showEtr })}
          />
          <span>
            Training error E<sub>tr</sub>
          </span>
          <kbd>e</kbd>
        </label>
      </div>
    </details>
  );
}

/**
 * Copy link, with the link itself shown. When the clipboard took it, focus stays where it was, so
 * the keyboard shortcuts work at once; otherwise the box is focused and selected for a manual copy.
 */
function CopyLink({ request }: { request: number }) {
  const [link, setLink] = useState<CopiedLink | null>(null);
  const url = link?.url ?? null;
  const box = useRef<HTMLInputElement>(null);
  const pop = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const copy = () => void copyLink().then(setLink);
  useEffect(() => {
    if (request > 0) void copyLink().then(setLink);
  }, [request]);
  useEffect(() => {
    if (link && !link.copied) box.current?.select();
  }, [link]);
  // Escape closes the popover; focus inside it goes back to the button.
  useEffect(() => {
    if (!url) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      if (pop.current?.contains(document.activeElement)) button.current?.focus();
      setLink(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [url]);
  return (
    <div className="copy-link">
      <button
        ref={button}
        type="button"
        className="btn btn--primary"
        data-testid="copy-link"
        onClick={copy}
      >
        Copy link <kbd>c</kbd>
      </button>
      {url && (
        <div ref={pop} className="popover" role="group" aria-label="Link to this view">
          <input
            ref={box}
            readOnly
            className="share-url"
            value={url}
            aria-label="Link to this view"
            data-testid="share-url"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            className="btn btn--icon"
            aria-label="Close"
            onClick={() => {
              button.current?.focus();
              setLink(null);
            }}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}

export function Header({
  onHelp,
  copyRequest,
}: {
  onHelp: () => void;
  /** Incremented by the `c` shortcut. */
  copyRequest: number;
}) {
  const lecture = useApp((s) => s.view.theme === 'lecture');
  return (
    <header className="app-header">
      <div className="brand">
        <h1>Scaling Playground</h1>
        <p className="tagline">Neural scaling laws from the exact mean-field theory of learning</p>
      </div>
      <LessonNav />
      <div className="header-actions">
        <CopyLink request={copyRequest} />
        <PanelsMenu />
        <ExportMenu />
        <button
          type="button"
          className="btn"
          aria-pressed={lecture}
          data-testid="lecture-toggle"
          onClick={() => actions().setView({ theme: lecture ? 'normal' : 'lecture' })}
        >
          Lecture <kbd>l</kbd>
        </button>
        <button
          type="button"
          className="btn btn--icon btn--help"
          aria-label="Help and keyboard shortcuts (?)"
          data-testid="help-button"
          onClick={onHelp}
        >
          ?
        </button>
      </div>
    </header>
  );
}
