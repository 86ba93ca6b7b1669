// The spectrum file reader (data = custom): a file is streamed through a text decoder into the
// line-by-line CSV reader (src/model/data/spectrumRows.ts), so a 20 MB file neither freezes the
// page nor sits in a text area; its size is checked before a byte is read. An accepted spectrum
// has run the theory once (trialSpectrum.ts), and its arrays are transferred, not copied. The last
// CSV's rows are kept so that choosing another reading of the second column does not read the
// file again.
import * as Comlink from 'comlink';
import {
  fileSizeProblem,
  interpretRows,
  readSpectrumChunks,
  type SecondColumn,
  type SpectrumParse,
  type SpectrumRows,
} from '../src/model/data/customSpectrum.ts';
import { problem } from '../src/model/data/spectrumRows.ts';
import { trySpectrum } from '../src/model/data/trialSpectrum.ts';
import type { SpectrumFileApi } from '../src/protocol/api.ts';

let lastRows: SpectrumRows | null = null;

/** The decoded text of a byte stream, chunk by chunk; the stream is cancelled on an early stop. */
async function* textChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  // (TextDecoderStream accepts any BufferSource; the DOM typings want exactly Uint8Array.)
  const decoder = new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>;
  const reader = stream.pipeThrough(decoder).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    void reader.cancel().catch(() => {});
  }
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** Run the theory once on an accepted spectrum; send its arrays without copying. */
function answer(parse: SpectrumParse): SpectrumParse {
  const out = parse.ok ? trySpectrum(parse) : parse;
  return out.ok ? Comlink.transfer(out, [out.modes.lam.buffer, out.modes.power.buffer]) : out;
}

async function read(
  chunks: AsyncIterable<string>,
  column: SecondColumn | 'auto',
): Promise<SpectrumParse> {
  lastRows = null;
  try {
    const r = await readSpectrumChunks(chunks, column);
    lastRows = r.rows;
    return answer(r.parse);
  } catch (e) {
    return problem(`the file could not be read (${(e as Error).message})`);
  }
}

const api: SpectrumFileApi = {
  readFile(file, column) {
    const big = fileSizeProblem(file.size);
    if (big) {
      lastRows = null;
      return Promise.resolve(big);
    }
    return read(textChunks(file.stream()), column);
  },
  readText(text, column) {
    return read(once(text), column);
  },
  reinterpret(column) {
    return Promise.resolve(lastRows && answer(interpretRows(lastRows, column)));
  },
};

Comlink.expose(api);
