// A user's own spectrum: paste CSV text or open a file (CSV, or the JSON this app saves), see how
// it was read (which column kind, sorted or not, the fitted α, β) or the line and the problem,
// and use it as the data (data = custom). Parsing is src/model/data/customSpectrum.ts.
import { useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  parseSpectrumCsv,
  parseSpectrumJson,
  SECOND_COLUMN_LABELS,
  type SecondColumn,
  type SpectrumParse,
} from '../model/data/customSpectrum.ts';
import { formatNumber } from '../format/number.ts';
import { actions } from '../state/hooks.ts';
import { useModal } from './useModal.ts';
import { RichHelp } from './RichHelp.tsx';

const HOW =
  'One mode per row: the eigenvalue λ_k (≥ 0), then either the target power c_k (≥ 0) or the ' +
  'target’s coefficient a_k on the unit-norm eigenfunction k (c_k = a_k²). Commas, semicolons, ' +
  'tabs or spaces; lines starting with # and a header row are skipped. Or open a JSON file ' +
  'saved by this app. The theory then runs on these modes, and α, β are fitted to them.';

const EXAMPLE = '# eigenvalue, target power\n0.5, 0.3\n0.21, 0.12\n0.11, 0.08\n…';

/** Read the text as the app's JSON (it starts with "{") or as CSV. */
function parse(text: string, column: SecondColumn | 'auto'): SpectrumParse & { name?: string } {
  return text.trimStart().startsWith('{')
    ? parseSpectrumJson(text)
    : parseSpectrumCsv(text, column);
}

function summary(r: SpectrumParse): string {
  if (!r.ok) return r.message;
  const how = r.column === 'power' ? 'target powers' : 'coefficients (c_k = a_k²)';
  const notes = r.notes.length ? `; ${r.notes.join('; ')}` : '';
  return (
    `${r.modes.lam.length} modes; second column read as ${how} (${r.detected})${notes}. ` +
    `Fitted α = ${formatNumber(r.alpha, 3)}, β = ${formatNumber(r.beta, 3)}.`
  );
}

export function CustomSpectrumDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const dialog = useModal<HTMLDivElement>(onClose);
  const [text, setText] = useState('');
  const [name, setName] = useState('pasted text');
  const [column, setColumn] = useState<SecondColumn | 'auto'>('auto');
  const [result, setResult] = useState<(SpectrumParse & { name?: string }) | null>(null);
  const file = useRef<HTMLInputElement>(null);

  const check = (t: string, c: SecondColumn | 'auto') => setResult(t.trim() ? parse(t, c) : null);

  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const t = await f.text();
    setName(f.name);
    setText(t);
    check(t, column);
  };

  const apply = () => {
    const r = parse(text, column);
    setResult(r);
    if (!r.ok) return;
    actions().loadCustom(r.name ?? name, r.modes);
    onClose();
  };

  const host = document.querySelector('.app') ?? document.body;
  return createPortal(
    <div className="overlay" onClick={onClose}>
      <div
        ref={dialog}
        className="dialog dialog--spectrum"
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-h`}
        data-testid="custom-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="panel-head">
          <h2 id={`${id}-h`}>Your own spectrum</h2>
          <button type="button" className="btn btn--icon" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <p className="panel-note">
          <RichHelp text={HOW} />
        </p>
        <div className="custom-input">
          <label>
            Open a file{' '}
            <input
              ref={file}
              type="file"
              accept=".csv,.txt,.tsv,.json,text/csv,text/plain,application/json"
              data-testid="custom-file"
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
          </label>
          <label htmlFor={`${id}-text`}>or paste it here</label>
          <textarea
            id={`${id}-text`}
            data-testid="custom-text"
            rows={8}
            spellCheck={false}
            placeholder={EXAMPLE}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setName('pasted text');
              setResult(null);
            }}
            onBlur={() => check(text, column)}
          />
          <label>
            Second column{' '}
            <select
              data-testid="custom-column"
              value={column}
              onChange={(e) => {
                const c = e.target.value as SecondColumn | 'auto';
                setColumn(c);
                check(text, c);
              }}
            >
              <option value="auto">detect</option>
              {(Object.keys(SECOND_COLUMN_LABELS) as SecondColumn[]).map((k) => (
                <option key={k} value={k}>
                  {SECOND_COLUMN_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="sim-actions">
          <button
            type="button"
            className="btn btn--primary"
            data-testid="custom-apply"
            disabled={!text.trim()}
            onClick={apply}
          >
            Use this spectrum
          </button>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
        </div>
        {/* Always there, two lines high: the dialog is centred, so a message appearing (on blur,
            between a button's press and release) must not move the buttons. */}
        <div className="custom-message">
          {result && (
            <p
              className={result.ok ? 'custom-preview' : 'ctl-msg ctl-msg--error'}
              role={result.ok ? 'status' : 'alert'}
              data-testid={result.ok ? 'custom-preview' : 'custom-error'}
            >
              {summary(result)}
            </p>
          )}
        </div>
      </div>
    </div>,
    host,
  );
}
