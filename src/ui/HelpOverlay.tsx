// Help: what the app shows, the keyboard shortcuts (from the same table the handler uses), and
// the sources. A modal: focus is trapped inside while it is open and returns to the opener after
// (useModal.ts).
import { useRef } from 'react';
import { SHORTCUTS } from './shortcuts.ts';
import { POOL_NAMES } from '../model/data/sources.ts';
import { useModal } from './useModal.ts';

function keyName(k: string): string {
  return k === 'K' ? 'Shift+K' : k === ' ' ? 'Space' : k;
}

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  const dialog = useModal<HTMLDivElement>(onClose, close);
  return (
    <div className="overlay" onClick={onClose}>
      <div
        ref={dialog}
        className="dialog"
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-labelledby="h-help"
        data-testid="help"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="panel-head">
          <h2 id="h-help">Help</h2>
          <button
            ref={close}
            type="button"
            className="btn btn--icon"
            aria-label="Close help"
            onClick={onClose}
          >
            ×
          </button>
        </header>
        <p>
          Every curve is computed from the exact mean-field theory of random-feature regression with
          power-law spectra (λ<sub>k</sub> = k<sup>−α</sup>, target power k<sup>−β</sup>). Move a
          slider and watch the learning curve, the scaling panels and the exponents respond; pin a
          curve to compare; run the exact simulation (power law) or real learning on images (
          {POOL_NAMES}) to check the theory.
        </p>
        <h3>Keyboard</h3>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' or '}
                      <kbd>{keyName(k)}</kbd>
                    </span>
                  ))}
                </td>
                <td>{s.description}</td>
              </tr>
            ))}
            <tr>
              <td>
                <kbd>←</kbd> <kbd>→</kbd> on a slider
              </td>
              <td>
                Move by a tenth of a decade (log sliders) or a small step; Shift: finer;
                PageUp/PageDown: coarser
              </td>
            </tr>
            <tr>
              <td>
                <kbd>←</kbd> <kbd>→</kbd> on a plot
              </td>
              <td>Move the read-out crosshair</td>
            </tr>
          </tbody>
        </table>
        <h3>Sources</h3>
        <ul className="sources">
          <li>
            Dynamics of neural scaling laws in random feature regression with power-law-distributed
            kernel eigenvalues (arXiv, cond-mat.dis-nn, 2026).
          </li>
          <li>
            B. Bordelon, A. Atanasov, C. Pehlevan, “A Dynamical Model of Neural Scaling Laws”, ICML
            2024.
          </li>
          <li>
            A. Canatar, B. Bordelon, C. Pehlevan, “Spectral bias and task-model alignment explain
            generalization in kernel regression and infinitely wide neural networks”, Nature
            Communications 2021.
          </li>
          <li>
            E. Paquette, C. Paquette, L. Xiao, J. Pennington, “4+3 Phases of Compute-Optimal Neural
            Scaling Laws”, 2024.
          </li>
        </ul>
      </div>
    </div>
  );
}
