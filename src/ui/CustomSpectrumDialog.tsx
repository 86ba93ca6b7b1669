// A user's own spectrum: paste CSV text or open a file (CSV, or the JSON this app saves), see how
// it was read (which column kind, sorted or not, the fitted α, β) or the line and the problem,
// and use it as the data (data = custom). Reading happens in a worker (compute/spectrumFile.ts):
// a file is streamed there, never put in the text area, and its size limit is said before it is
// chosen. It is read once: "Use this spectrum" takes the preview's result, and choosing another
// reading of the second column reuses the rows already read.
import { useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  SECOND_COLUMN_LABELS,
  megabytes,
  SIZE_LIMIT_TEXT,
  type SecondColumn,
  type SpectrumParse,
} from '../model/data/customSpectrum.ts';
import { readSpectrum, type SpectrumInput } from '../compute/index.ts';
import { formatNumber } from '../format/number.ts';
import { actions } from '../state/hooks.ts';
import { useModal } from './useModal.ts';
import { RichHelp } from './RichHelp.tsx';

const HOW =
  'One mode per row: the eigenvalue λ_k (≥ 0), then either the target power c_k (≥ 0) or the ' +
  'target’s coefficient a_k on the unit-norm eigenfunction k (c_k = a_k²). Commas, semicolons, ' +
  'tabs or spaces; lines starting with # and a header row are skipped. Or open a JSON file ' +
  `saved by this app (${SIZE_LIMIT_TEXT}). The theory then runs on these modes, and α, β are ` +
  'fitted to them.';

const EXAMPLE = '# eigenvalue, target power\n0.5, 0.3\n0.21, 0.12\n0.11, 0.08\n…';

function summary(r: SpectrumParse): string {
  if (!r.ok) return r.message;
  const how = r.column === 'power' ? 'target powers' : 'coefficients (c_k = a_k²)';
  const notes = r.notes.length ? `; ${r.notes.join('; ')}` : '';
  return (
    `${r.modes.lam.length.toLocaleString('en-US')} modes; second column read as ${how} ` +
    `(${r.detected})${notes}. Fitted α = ${formatNumber(r.alpha, 3)}, β = ${formatNumber(r.beta, 3)}.`
  );
}

/**
 * The read of the current input: started on a file, on leaving the text area, or on a new column;
 * a newer read supersedes an older one (only the latest is shown and used).
 */
function useSpectrumRead() {
  const [result, setResult] = useState<SpectrumParse | null>(null);
  const [reading, setReading] = useState(false);
  const latest = useRef<{ gen: number; done: Promise<SpectrumParse> } | null>(null);
  const gen = useRef(0);

  const read = (input: SpectrumInput, column: SecondColumn | 'auto', again = false) => {
    const g = ++gen.current;
    setReading(true);
    const done = readSpectrum(input, column, again);
    latest.current = { gen: g, done };
    void done.then((r) => {
      if (gen.current !== g) return;
      setResult(r);
      setReading(false);
    });
    return done;
  };
  /** The input changed: what was read no longer applies. */
  const forget = () => {
    gen.current++;
    latest.current = null;
    setResult(null);
    setReading(false);
  };
  const current = () => latest.current?.done ?? null;
  return { result, reading, read, forget, current };
}

export function CustomSpectrumDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const dialog = useModal<HTMLDivElement>(onClose);
  const [text, setText] = useState('');
  const [input, setInput] = useState<SpectrumInput | null>(null);
  const [name, setName] = useState('pasted text');
  const [column, setColumn] = useState<SecondColumn | 'auto'>('auto');
  const spectrum = useSpectrumRead();
  const file = useRef<HTMLInputElement>(null);

  const onFile = (f: File | undefined) => {
    if (!f) return;
    const next: SpectrumInput = { kind: 'file', file: f };
    setName(f.name);
    setText('');
    setInput(next);
    void spectrum.read(next, column);
  };

  const apply = async () => {
    if (!input) return;
    const r = await (spectrum.current() ?? spectrum.read(input, column));
    if (!r.ok) return;
    actions().loadCustom(r.name ?? name, r.modes);
    onClose();
  };

  const { result, reading } = spectrum;
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
              onChange={(e) => onFile(e.target.files?.[0])}
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
              const t = e.target.value;
              setText(t);
              setName('pasted text');
              setInput(t.trim() ? { kind: 'text', text: t } : null);
              if (file.current) file.current.value = '';
              spectrum.forget();
            }}
            onBlur={() => {
              if (input?.kind === 'text' && !spectrum.current()) void spectrum.read(input, column);
            }}
          />
          <label>
            Second column{' '}
            <select
              data-testid="custom-column"
              value={column}
              onChange={(e) => {
                const c = e.target.value as SecondColumn | 'auto';
                setColumn(c);
                if (input) void spectrum.read(input, c, spectrum.current() !== null);
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
            disabled={!input}
            onClick={() => void apply()}
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
          {reading && (
            <p className="custom-preview" role="status" data-testid="custom-reading">
              Reading{' '}
              {input?.kind === 'file' ? `${name} (${megabytes(input.file.size)})` : 'the text'}…
            </p>
          )}
          {!reading && result && (
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
