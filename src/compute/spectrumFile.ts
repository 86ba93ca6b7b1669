// The spectrum file reader's worker (workers/spectrumFile.worker.ts), started when a file or text
// is first read. Its own watchdog: reading the largest file allowed takes seconds; a worker that
// stops or hangs becomes a message in the dialog, and the next read starts a fresh one.
import type * as Comlink from 'comlink';
import type { SecondColumn, SpectrumParse, SpectrumProblem } from '../model/data/customSpectrum.ts';
import type { SpectrumFileApi } from '../protocol/api.ts';
import { watchdog } from './client.ts';
import { WorkerHandle } from './workerHandle.ts';

let handle: WorkerHandle<SpectrumFileApi> | null = null;

function reader(): WorkerHandle<SpectrumFileApi> {
  handle ??= new WorkerHandle<SpectrumFileApi>(
    () =>
      new Worker(new URL('../../workers/spectrumFile.worker.ts', import.meta.url), {
        type: 'module',
        name: 'spectrum-file',
      }),
    { answerWithinMs: () => watchdog.theoryMs },
  );
  return handle;
}

/** A call to the reader; a reader that died or hung is a problem to show, not an exception. */
function call<T>(
  f: (api: Comlink.Remote<SpectrumFileApi>) => Promise<T>,
): Promise<T | SpectrumProblem> {
  return reader()
    .call(f)
    .catch((e: unknown) => ({
      ok: false as const,
      message: `the file reader stopped (${e instanceof Error ? e.message : String(e)}); try again`,
    }));
}

export type SpectrumInput = { kind: 'file'; file: Blob } | { kind: 'text'; text: string };

/** Read a file or pasted text as a spectrum; `again`: the same input with another column. */
export async function readSpectrum(
  input: SpectrumInput,
  column: SecondColumn | 'auto',
  again = false,
): Promise<SpectrumParse> {
  if (again) {
    const r = await call<SpectrumParse | null>((api) => api.reinterpret(column));
    if (r) return r;
  }
  return call<SpectrumParse>((api) =>
    input.kind === 'file' ? api.readFile(input.file, column) : api.readText(input.text, column),
  );
}
