// Keyboard shortcuts: one table drives both the handler (useShortcuts) and the help overlay.
// Single keys act only when focus is not in a text field; Escape always works. While a modal dialog
// is open it has the keyboard to itself (useModal.ts handles its Escape).
import { useEffect } from 'react';
import { modalOpen } from './useModal.ts';
import { POOL_NAMES } from '../model/data/sources.ts';

export type ShortcutAction =
  | 'help'
  | 'close'
  | 'lecture'
  | 'nextLesson'
  | 'prevLesson'
  | 'pin'
  | 'unpinAll'
  | 'runSim'
  | 'cancelSim'
  | 'copyLink'
  | 'toggleEtr'
  | 'atTstar'
  | 'atT'
  | 'atInf'
  | 'focusControls'
  | 'showTstar'
  | 'play';

export interface Shortcut {
  /** KeyboardEvent.key values that trigger it. */
  keys: readonly string[];
  action: ShortcutAction;
  description: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['?'], action: 'help', description: 'Show this help' },
  { keys: ['Escape'], action: 'close', description: 'Close help and menus' },
  { keys: ['l'], action: 'lecture', description: 'Lecture mode on/off (large type, one big plot)' },
  { keys: ['n', 'PageDown'], action: 'nextLesson', description: 'Next lesson' },
  { keys: ['p', 'PageUp'], action: 'prevLesson', description: 'Previous lesson' },
  { keys: ['k'], action: 'pin', description: 'Pin the current curve for comparison' },
  { keys: ['K'], action: 'unpinAll', description: 'Remove all pins' },
  {
    keys: ['r'],
    action: 'runSim',
    description: `Run the exact simulation (power law) or real learning on images (${POOL_NAMES})`,
  },
  { keys: ['x'], action: 'cancelSim', description: 'Cancel the running simulation or real run' },
  { keys: ['c'], action: 'copyLink', description: 'Copy a link to this exact view' },
  { keys: ['e'], action: 'toggleEtr', description: 'Show/hide the training error' },
  { keys: ['1'], action: 'atTstar', description: 'Scaling panels at the early-stopping time t*' },
  { keys: ['2'], action: 'atT', description: 'Scaling panels at a fixed time t' },
  { keys: ['3'], action: 'atInf', description: 'Scaling panels at t → ∞' },
  { keys: ['g'], action: 'focusControls', description: 'Jump to the first control' },
  {
    keys: [' '],
    action: 'play',
    description:
      'Play or pause the animation (time cursor or parameter sweep, see the bar above the plot)',
  },
  {
    keys: ['w'],
    action: 'showTstar',
    description: 'Widen the time window to show the early-stopping point t* when it lies outside',
  },
];

/** Typing in a field must not trigger the page's single-key shortcuts. */
function inField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  // Sliders keep their own keys (they preventDefault them); letters still reach the page.
  return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(type);
}

function actionFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key !== 'Escape' && inField(e.target)) return null;
  return SHORTCUTS.find((s) => s.keys.includes(e.key))?.action ?? null;
}

export function useShortcuts(handle: (a: ShortcutAction) => boolean | void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || modalOpen()) return;
      const a = actionFor(e);
      if (a && handle(a) !== false) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handle]);
}
